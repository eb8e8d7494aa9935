/**
 * Where each family is read: content-script hosts, and the JSON responses the main-world tap forwards.
 * Derived from the family records only (no adapter code), so the main-world tap bundle stays tiny.
 */
import type { FamilyRecord } from '../../core/family-record';
import type { PortalProviderId, ProviderId } from '../../core/model';
import { FAMILY_RECORDS } from './records';

/** What capture needs of a family: its record (lib/core/family-record.ts). */
export type FamilyInfo = FamilyRecord & { id: PortalProviderId };

/** Every family's record, in menu order (./records.ts). */
export const FAMILIES: readonly FamilyInfo[] = FAMILY_RECORDS;

/** The page a user opens to see (or sign in to) a portal's case list; a recipe portal's front page. */
export function listPageUrl(provider: ProviderId, origin: string): string {
  const family = FAMILIES.find((f) => f.id === provider);
  return family ? new URL(family.listPage, origin).href : `${origin}/`;
}

/** Converts a WebExtension match pattern to a RegExp over full URLs. */
export function matchPatternToRegExp(pattern: string): RegExp {
  const m = /^(\*|https?):\/\/(\*|\*\.[^/*]+|[^/*]+)(\/.*)$/.exec(pattern);
  if (!m) throw new Error(`Expected a match pattern like https://*.example.com/*, got ${pattern}`);
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  const esc = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  const schemeRe = scheme === '*' ? 'https?' : scheme;
  const hostRe = host === '*' ? '[^/:]+' : host.startsWith('*.') ? `(?:[^/:]+\\.)?${esc(host.slice(2))}` : esc(host);
  const pathRe = path.split('*').map(esc).join('.*');
  return new RegExp(`^${schemeRe}://${hostRe}(?::\\d+)?${pathRe}$`);
}

export function urlMatchesFamily(family: FamilyInfo, url: string): boolean {
  return family.matches.some((p) => matchPatternToRegExp(p).test(url));
}

/** Where the one main-world tap runs: the hosts of every family that reads the JSON its portal loads. */
export const TAP_MATCHES: string[] = FAMILIES.filter((f) => f.apiUrlPatterns.length).flatMap((f) => f.matches);

/**
 * The API URLs the tap forwards on `url`: its family's, on the family's own hosts. On a custom domain
 * (registered at run time for a tracked origin, where the host names no family) those of every family
 * whose JSON lives on the portal's own origin: the isolated content script re-checks each body against
 * its own family before reading it.
 */
export function tapPatternsFor(url: string): RegExp[] {
  const family = FAMILIES.find((f) => f.apiUrlPatterns.length && urlMatchesFamily(f, url));
  return family ? family.apiUrlPatterns : FAMILIES.filter((f) => f.apiOnPageOrigin).flatMap((f) => f.apiUrlPatterns);
}
