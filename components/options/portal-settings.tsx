/**
 * Options → Portals: every portal we know, by the vendor's name (renamed here), its cases (deleted here),
 * per portal background refresh (opt-in, interval, what is
 * fetched, and what happened last), the custom-domain portals the user tracks, and their recipes.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import browser from 'webextension-polyfill';
import { getDb, portalKey, type Recipe, type RefreshSchedule, type VendorPortal } from '@/lib/store/db';
import { formatAgo, formatWhen } from '@/lib/cases/format';
import { needsAttention } from '@/lib/store/ingest';
import { send } from '@/lib/core/messages';
import { PROVIDER_NAMES, type ProviderId } from '@/lib/core/model';
import { recipeInputSchema } from '@/lib/capture/recipe-schema';
import { DEFAULT_INTERVAL_MINUTES, MIN_INTERVAL_MINUTES, modeOf, newSchedule } from '@/lib/background/refresh';
import { portalOf } from '@/lib/core/portals';
import { originPattern, stopTracking } from '@/lib/background/tracking';
import { vendorDisplayName } from '@/lib/store/vendors';
import { VendorControls } from './vendor-controls';
import { useNow } from '../shared/use-now';
import { downloadBlob, stamp } from '../shared/download';

interface PortalRow {
  key: string;
  provider: ProviderId;
  origin: string;
  lastSuccessAt: string | null;
  failing: string | null;
  schedule: RefreshSchedule | undefined;
  tracked: boolean;
  vendor: VendorPortal | undefined;
  caseCount: number;
}

function usePortals(): PortalRow[] | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const [health, schedules, tracked, vendors] = await Promise.all([
      db.portals.toArray(),
      db.refresh.toArray(),
      db.trackedOrigins.toArray(),
      db.vendors.toArray(),
    ]);
    const vendorOf = new Map(vendors.map((v) => [v.portal, v]));
    const rows = new Map<string, PortalRow>();
    // One row per portal we have read, refresh or track (manual cases have no portal).
    const rowOf = (provider: ProviderId, origin: string): PortalRow | undefined => {
      if (provider === 'manual') return undefined;
      const key = portalKey(provider, origin);
      const vendor = vendorOf.get(portalOf(provider, origin));
      if (!rows.has(key))
        rows.set(key, {
          key,
          provider,
          origin,
          lastSuccessAt: null,
          failing: null,
          schedule: undefined,
          tracked: false,
          vendor,
          caseCount: 0,
        });
      return rows.get(key);
    };
    for (const h of health) {
      Object.assign(rowOf(h.provider, h.origin) ?? {}, {
        lastSuccessAt: h.lastSuccessAt,
        failing: needsAttention(h) ? (h.lastError?.message ?? 'failed') : null,
      });
    }
    for (const s of schedules) Object.assign(rowOf(s.provider, s.origin) ?? {}, { schedule: s });
    for (const t of tracked) Object.assign(rowOf(t.provider, t.origin) ?? {}, { tracked: true });
    await Promise.all(
      [...rows.values()].map(async (r) => {
        r.caseCount = r.vendor ? await db.cases.where('portal').equals(r.vendor.portal).count() : 0;
      }),
    );
    return [...rows.values()].sort((a, b) => a.key.localeCompare(b.key));
  }, []);
}

/** Vendors of cases entered by hand: no portal to read, but a name and cases all the same. */
function useManualVendors() {
  return useLiveQuery(async () => {
    const db = getDb();
    const vendors = await db.vendors.where('provider').equals('manual').toArray();
    return Promise.all(
      vendors.map(async (v) => ({ vendor: v, caseCount: await db.cases.where('portal').equals(v.portal).count() })),
    );
  }, []);
}

function RefreshControls({ row, now }: { row: PortalRow; now: Date }) {
  const s = row.schedule;
  const [message, setMessage] = useState<string | null>(null);
  const db = getDb();
  const enable = (on: boolean) => {
    if (!on) return void db.refresh.update(row.key, { enabled: false });
    const schedule = s
      ? { ...s, enabled: true, pausedReason: null, consecutiveFailures: 0, nextAt: new Date().toISOString() }
      : newSchedule(row.provider, row.origin, new Date().toISOString());
    if (!schedule) return;
    const save = async () => {
      await db.refresh.put(schedule);
      setMessage(null);
    };
    // JSON refresh fetches the portal with the user's session: that needs this origin granted.
    // A page refresh opens the portal's own page, where our content script already runs.
    if (modeOf(schedule) === 'page') return void save();
    void browser.permissions.request({ origins: [originPattern(row.origin)] }).then(
      (granted) =>
        granted ? save() : setMessage('Background refresh needs access to this portal; it was not granted.'),
      (e: unknown) => setMessage(String(e)),
    );
  };
  const setInterval = (value: string) => {
    const minutes = Math.max(MIN_INTERVAL_MINUTES, Math.round(Number(value) || DEFAULT_INTERVAL_MINUTES));
    if (s) void db.refresh.update(row.key, { intervalMinutes: minutes });
  };
  const refreshNow = async () => {
    const [report] = await send('ui:refresh-now', { keys: [row.key] });
    setMessage(report ? `${report.outcome}${report.message ? `: ${report.message}` : ''}` : null);
  };
  const label = `${row.vendor ? vendorDisplayName(row.vendor) : PROVIDER_NAMES[row.provider]} ${new URL(row.origin).host}`;
  return (
    <div className="refresh-controls">
      <label>
        <input
          type="checkbox"
          checked={!!s?.enabled}
          onChange={(e) => enable(e.target.checked)}
          aria-label={`Refresh ${label} in the background`}
        />{' '}
        Refresh in the background
      </label>
      {s?.enabled && (
        <>
          {' '}
          every{' '}
          <input
            type="number"
            min={MIN_INTERVAL_MINUTES}
            defaultValue={s.intervalMinutes}
            aria-label={`Refresh interval for ${label} in minutes`}
            onBlur={(e) => setInterval(e.target.value)}
            className="narrow"
          />{' '}
          min (±10 %){' '}
          <button type="button" onClick={() => void refreshNow()}>
            {s.pausedReason ? 'Resume now' : 'Refresh now'}
          </button>
          <p className="refresh-status" data-testid="refresh-status" data-next-at={s.nextAt ?? undefined}>
            {modeOf(s) === 'api'
              ? "Reads the portal's own JSON with your browser session"
              : "Opens the portal's list page in a background tab"}
            {' · '}
            {s.lastAttemptAt
              ? `last try ${formatAgo(s.lastAttemptAt, now)}: ${s.lastOutcome ?? 'in progress'}`
              : 'not tried yet'}
            {s.consecutiveFailures > 0 &&
              ` · ${s.consecutiveFailures} failure${s.consecutiveFailures === 1 ? '' : 's'} in a row`}
            {s.pausedReason
              ? ` · stopped: ${s.pausedReason}`
              : s.nextAt &&
                ` · next ${Date.parse(s.nextAt) <= now.getTime() ? 'due now' : `at ${formatWhen(s.nextAt)}`}`}
          </p>
        </>
      )}
      {message && <p role="status">{message}</p>}
    </div>
  );
}

function RecipeEditor({ recipe }: { recipe: Recipe }) {
  const [draft, setDraft] = useState(recipe);
  const [error, setError] = useState<string | null>(null);
  const field = (name: keyof Recipe['fields'], label: string) => (
    <label>
      {label}{' '}
      <input
        value={draft.fields[name]}
        onChange={(e) => setDraft({ ...draft, fields: { ...draft.fields, [name]: e.target.value } })}
      />
    </label>
  );
  const save = async () => {
    const parsed = recipeInputSchema.safeParse(draft);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Check the recipe');
    setError(null);
    await getDb().recipes.put({ ...draft, ...parsed.data, updatedAt: new Date().toISOString() });
  };
  return (
    <fieldset className="recipe" data-testid="recipe">
      <legend>
        {recipe.name} — {new URL(recipe.origin).host}
        {recipe.pathPrefix}
      </legend>
      <label>
        Name <input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
      </label>
      <label>
        Pages starting with{' '}
        <input value={draft.pathPrefix} onChange={(e) => setDraft({ ...draft, pathPrefix: e.target.value })} />
      </label>
      <label>
        Case rows{' '}
        <input value={draft.rowSelector} onChange={(e) => setDraft({ ...draft, rowSelector: e.target.value })} />
      </label>
      {field('id', 'Case id')}
      {field('title', 'Title')}
      {field('status', 'Status')}
      {field('updated', 'Updated')}
      {field('link', 'Link')}
      {error && <p role="alert">{error}</p>}
      <button type="button" onClick={() => void save()}>
        Save recipe
      </button>{' '}
      <button type="button" onClick={() => void getDb().recipes.delete(recipe.id)}>
        Delete recipe
      </button>
    </fieldset>
  );
}

export function PortalSettings() {
  const now = useNow();
  const portals = usePortals();
  const manual = useManualVendors();
  const recipes = useLiveQuery(() => getDb().recipes.toArray(), []);
  const exportRecipes = () =>
    downloadBlob(
      new Blob([JSON.stringify({ format: 'caseradar-recipes', version: 1, recipes }, null, 2)], {
        type: 'application/json',
      }),
      `caseradar-recipes-${stamp()}.json`,
    );
  return (
    <section className="portal-settings" aria-labelledby="portals-heading">
      <h2 id="portals-heading">Portals</h2>
      {portals && portals.length === 0 && <p>No portal read yet. Visit a support portal and it appears here.</p>}
      <ul className="portal-list">
        {portals?.map((row) => (
          <li key={row.key} data-testid="portal-row">
            <strong dir="auto">
              {row.vendor ? vendorDisplayName(row.vendor) : PROVIDER_NAMES[row.provider]} — {new URL(row.origin).host}
            </strong>{' '}
            {row.lastSuccessAt ? `read ${formatAgo(row.lastSuccessAt, now)}` : 'never read'}
            {row.failing && <span className="portal-failing"> · needs attention: {row.failing}</span>}
            {row.tracked && (
              <>
                {' · tracked on your grant '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => void stopTracking(getDb(), browser.scripting, browser.permissions, row.origin)}
                >
                  Stop tracking
                </button>
              </>
            )}
            {row.vendor && <VendorControls vendor={row.vendor} caseCount={row.caseCount} />}
            {row.provider !== 'custom' && <RefreshControls row={row} now={now} />}
          </li>
        ))}
      </ul>
      {!!manual?.length && (
        <>
          <h3>Vendors of cases entered by hand</h3>
          <ul className="portal-list">
            {manual.map(({ vendor, caseCount }) => (
              <li key={vendor.portal} data-testid="manual-vendor-row">
                <strong dir="auto">{vendorDisplayName(vendor)}</strong>
                <VendorControls vendor={vendor} caseCount={caseCount} />
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Recipes</h3>
      {recipes && recipes.length === 0 ? (
        <p>No recipes. On a portal Caseradar does not know, open the popup and choose "Make a recipe".</p>
      ) : (
        <>
          {recipes?.map((r) => (
            <RecipeEditor key={`${r.id}:${r.updatedAt}`} recipe={r} />
          ))}
          <button type="button" onClick={exportRecipes}>
            Export recipes (JSON)
          </button>
        </>
      )}
    </section>
  );
}
