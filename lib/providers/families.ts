/**
 * Static facts about each family that content scripts need before any adapter code runs:
 * where they are injected and which JSON responses the main-world tap forwards.
 * Kept apart from the adapters so the main-world tap bundle stays tiny.
 */
import type { ProviderId } from '../model';

export interface FamilyInfo {
  id: ProviderId;
  /** Content-script match patterns on the vendor's own hosts. */
  matches: string[];
  /** Response URLs (full URL) whose JSON the portal's own front end loads and we read. */
  apiUrlPatterns: RegExp[];
}

export const ZENDESK: FamilyInfo = {
  id: 'zendesk',
  matches: ['https://*.zendesk.com/hc/*'],
  // requests.json, requests/{id}.json, requests/search.json, ccd.json, solved.json, open.json (same origin).
  apiUrlPatterns: [/^https:\/\/[^/]+\/api\/v2\/requests(?:\/(?:search|ccd|solved|open|\d+))?(?:\.json)?(?:\?|$)/],
};

export const AZURE: FamilyInfo = {
  id: 'azure',
  matches: ['https://portal.azure.com/*'],
  // Tenant- or subscription-scoped list and single ticket (communications come with a later adapter).
  apiUrlPatterns: [
    /^https:\/\/management\.azure\.com\/(?:subscriptions\/[^/?#]+\/)?providers\/Microsoft\.Support\/supportTickets(?:\/[^/?#]+)?\/?(?:\?|$)/i,
  ],
};

export const FAMILIES: FamilyInfo[] = [ZENDESK, AZURE];

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
