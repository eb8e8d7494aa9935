/**
 * "Track this portal": a portal on its own domain (help.some-isp.example) is read by its family's
 * content scripts once the user grants that one origin. Scripts are registered at run time
 * (persisting across restarts) and unregistered when the grant is revoked. Also guesses the family
 * of an unknown page from its URL path, which the user confirms.
 */
import type { Permissions, Scripting } from 'webextension-polyfill';
import type { CaseradarDB } from '../store/db';
import type { PortalProviderId, ProviderId } from '../core/model';
import { FAMILIES, urlMatchesFamily } from '../capture/families';

const ID_PREFIX = 'track|';

export const originPattern = (origin: string) => `${origin}/*`;

/** The content scripts that read `provider` pages on `origin` (WXT's build names them by entrypoint). */
export function scriptsFor(provider: ProviderId, origin: string): Scripting.RegisteredContentScript[] {
  const matches = [originPattern(origin)];
  const id = (name: string) => `${ID_PREFIX}${origin}|${name}`;
  if (provider === 'custom') {
    return [{ id: id('recipe'), js: ['recipe.js'], matches, runAt: 'document_idle', persistAcrossSessions: true }];
  }
  const family = FAMILIES.find((f) => f.id === provider);
  if (!family) throw new Error(`Expected a portal family, got ${provider}`);
  const scripts: Scripting.RegisteredContentScript[] = [
    {
      id: id(provider),
      js: [`content-scripts/${provider}.js`],
      matches,
      runAt: 'document_start',
      persistAcrossSessions: true,
    },
  ];
  if (family.apiUrlPatterns.length) {
    scripts.push({
      id: id(`${provider}-tap`),
      // The one tap of every family (entrypoints/tap.content.ts); on this domain it forwards the JSON of
      // any family that reads its own origin, and the family's script above keeps only its own.
      js: ['content-scripts/tap.js'],
      matches,
      runAt: 'document_start',
      world: 'MAIN',
      persistAcrossSessions: true,
    });
  }
  return scripts;
}

type ScriptingApi = Pick<
  Scripting.Static,
  'registerContentScripts' | 'unregisterContentScripts' | 'getRegisteredContentScripts'
>;

async function unregisterOrigin(scripting: ScriptingApi, origin: string): Promise<void> {
  const ids = (await scripting.getRegisteredContentScripts())
    .map((s) => s.id)
    .filter((id) => id.startsWith(`${ID_PREFIX}${origin}|`));
  if (ids.length) await scripting.unregisterContentScripts({ ids });
}

/** Starts reading `origin` as `provider` (the host permission must already be granted). */
export async function trackOrigin(
  db: CaseradarDB,
  scripting: ScriptingApi,
  provider: ProviderId,
  origin: string,
  nowIso: string,
): Promise<void> {
  await unregisterOrigin(scripting, origin);
  await scripting.registerContentScripts(scriptsFor(provider, origin));
  await db.trackedOrigins.put({ origin, provider, grantedAt: nowIso });
}

/** Stops reading `origin`: scripts, the grant's record and its background refresh go; cases stay. */
export async function untrackOrigin(db: CaseradarDB, scripting: ScriptingApi, origin: string): Promise<void> {
  await unregisterOrigin(scripting, origin);
  await db.transaction('rw', db.trackedOrigins, db.refresh, async () => {
    await db.trackedOrigins.delete(origin);
    await db.refresh.filter((s) => s.origin === origin).delete();
  });
}

/** The user's "Stop tracking": scripts and records go, then the grant itself (cases stay). */
export async function stopTracking(
  db: CaseradarDB,
  scripting: ScriptingApi,
  permissions: Pick<Permissions.Static, 'remove'>,
  origin: string,
): Promise<void> {
  await untrackOrigin(db, scripting, origin);
  // A grant the browser will not remove (e.g. one it holds for other reasons) must not fail the stop.
  await permissions.remove({ origins: [originPattern(origin)] }).catch(() => false);
}

/**
 * Makes registrations match the grants (at start-up, and when the user revokes a permission in the
 * browser's own settings): revoked origins are untracked, missing registrations are restored.
 */
export async function reconcileTracking(
  db: CaseradarDB,
  scripting: ScriptingApi,
  hasPermission: (origin: string) => Promise<boolean>,
): Promise<void> {
  const tracked = await db.trackedOrigins.toArray();
  const registered = new Set((await scripting.getRegisteredContentScripts()).map((s) => s.id));
  for (const t of tracked) {
    if (!(await hasPermission(t.origin))) {
      await untrackOrigin(db, scripting, t.origin);
      continue;
    }
    const wanted = scriptsFor(t.provider, t.origin);
    if (wanted.some((s) => !registered.has(s.id))) await trackOrigin(db, scripting, t.provider, t.origin, t.grantedAt);
  }
  const trackedOrigins = new Set(tracked.map((t) => t.origin));
  const orphans = [...registered].filter((id) => id.startsWith(ID_PREFIX) && !trackedOrigins.has(id.split('|')[1]!));
  if (orphans.length) await scripting.unregisterContentScripts({ ids: orphans });
}

/** The family whose built-in hosts already cover this URL (nothing to track). */
export function builtInFamilyOf(url: string): ProviderId | null {
  return FAMILIES.find((f) => urlMatchesFamily(f, url))?.id ?? null;
}

/**
 * A first guess at the family of a portal on a custom domain, from its URL path (the user confirms;
 * the family's adapter then checks the page's own signature and reports "layout changed" if wrong).
 */
export function guessFamily(url: URL): PortalProviderId | null {
  return FAMILIES.find((f) => f.customDomainPaths?.some((re) => re.test(url.pathname)))?.id ?? null;
}
