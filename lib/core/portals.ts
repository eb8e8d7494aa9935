/**
 * A vendor is a portal, not a platform. Zendesk, Freshdesk, Jira Service Management, ServiceNow and
 * Salesforce each host thousands of vendors, one tenant per host (northwind.zendesk.com,
 * help.acme-isp.com): each tenant is its own vendor portal, with its own cases, name, contact and
 * policy. The cloud consoles (Azure, AWS, Google Cloud, Microsoft 365, Partner Center) are one portal
 * each, whatever host serves them. A manual case's vendor is the name the user typed.
 *
 * The portal id is what identity hangs off: a case's key is `${portal}:${caseId}` (manual cases keep
 * `manual:${reference}`: the user's references are unique among them), so two vendors with the same
 * case number stay two cases, and nothing read on one origin can touch another origin's cases.
 */
import { PROVIDER_NAMES, type ProviderId } from './model';
import { PLATFORMS } from './platforms';

/** Whether the platform is one fixed console (lib/core/platforms.ts): then the provider id is the portal. */
export function isConsole(provider: ProviderId): boolean {
  // `?.`: an old row or a backup may name no provider this version knows.
  return PLATFORMS[provider]?.console === true;
}

/** A manual vendor's portal id: its typed name, case and spacing folded, so "ACME isp" is "Acme ISP". */
function manualPortal(vendorName: string | null | undefined): string {
  const name = (vendorName ?? '').normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  return `manual:${name || 'unnamed'}`;
}

/**
 * The vendor portal a case belongs to. `url` is the page (or case link) it was read from: for tenant
 * families and recipe portals its host is the portal; consoles ignore it; manual cases use `vendorName`.
 * Throws on a tenant URL that is not http(s): there is no portal to file the case under.
 */
export function portalOf(provider: ProviderId, url: string, vendorName?: string | null): string {
  if (provider === 'manual') return manualPortal(vendorName);
  if (isConsole(provider)) return provider;
  if (!/^https?:\/\//i.test(url) || !URL.canParse(url))
    throw new Error(`Expected the portal's http(s) address, got ${url.slice(0, 100)}`);
  return new URL(url).host;
}

/** The store key of a case of `portal`. */
export function caseKeyOf(provider: ProviderId, portal: string, caseId: string): string {
  return provider === 'manual' ? `manual:${caseId}` : `${portal}:${caseId}`;
}

/** The origin a tenant portal is reached at, for links and permissions; null for consoles and manual vendors. */
export function portalOrigin(provider: ProviderId, portal: string, sampleUrl?: string): string | null {
  if (provider === 'manual' || isConsole(provider)) return null;
  if (sampleUrl && URL.canParse(sampleUrl) && new URL(sampleUrl).host === portal) return new URL(sampleUrl).origin;
  return `https://${portal}`;
}

/** Hosts of tenants on a platform's own domain: their first label names the tenant. */
const PLATFORM_SUFFIXES = /* @__PURE__ */ Object.values(PLATFORMS).flatMap((p) =>
  p.tenantHosts ? [p.tenantHosts] : [],
);
const GENERIC_LABELS = new Set([
  'www',
  'help',
  'support',
  'helpdesk',
  'servicedesk',
  'portal',
  'customer',
  'customers',
  'service',
  'care',
  'my',
]);

const titleCase = (s: string) => s.replace(/\b\p{L}/gu, (ch) => ch.toUpperCase());

/**
 * A name for a vendor the portal has not named: the console's own name, or the tenant's host read as
 * words ("northwind.zendesk.com" → "Northwind", "help.acme-isp.com" → "Acme Isp"). The user can rename it.
 */
export function defaultVendorName(provider: ProviderId, portal: string): string {
  if (isConsole(provider)) return PROVIDER_NAMES[provider];
  if (provider === 'manual') return titleCase(portal.replace(/^manual:/, '')) || 'Manual';
  const host = portal.replace(/:\d+$/, '').toLowerCase();
  const platform = PLATFORM_SUFFIXES.find((s) => s.test(host));
  let name: string;
  if (platform) {
    // The tenant is the first label ("northwind.zendesk.com"); a Salesforce sandbox adds "--uat".
    name = host.replace(platform, '').split('.')[0]!.split('--')[0]!;
  } else {
    // A custom domain: the label before the public suffix (one label, two for "co.uk"-style ones).
    let labels = host.split('.');
    const twoPart = labels.length > 2 && labels.at(-2)!.length <= 3 && labels.at(-1)!.length === 2;
    labels = labels.slice(0, twoPart ? -2 : -1).filter((l) => !GENERIC_LABELS.has(l));
    name = labels.at(-1) ?? host;
  }
  name = name.replace(/-+/g, ' ').trim();
  return titleCase(name) || host;
}

/** Words a page title uses for the page itself, or for the kind of site, never for the vendor. */
const PAGE_WORDS =
  /^(?:my |all |open |closed |submit a |new )?(?:requests?|tickets?|cases?|activities|activity|support|help|help cent(?:er|re)|home|sign in|log ?in|customer portal|service portal|portal|service desk|knowledge base|dashboard)$/i;
const SITE_SUFFIX =
  /\s+(?:help cent(?:er|re)|support cent(?:er|re)|support portal|customer portal|service portal|service desk|helpdesk|customer (?:support|service|care)|support|portal)$/i;

/** Control, zero-width and direction-override characters: never part of a name shown to the user. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are removed
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text as one line: unsafe characters and runs of white space become single spaces. */
const oneLine = (raw: string) => raw.replace(UNSAFE_CHARS, ' ').replace(/\s+/g, ' ').trim();

/** A name as one line of plain text: no control or direction-override characters, at most 80 long. */
export function plainName(raw: string | null | undefined): string | null {
  const name = oneLine(raw ?? '');
  return name ? name.slice(0, 80) : null;
}

/** A vendor name as a page states it: plain, one line, not a platform's or a page's name. */
export function cleanVendorName(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let name = oneLine(raw);
  const stripped = name.replace(SITE_SUFFIX, '').trim();
  if (stripped) name = stripped;
  if (!name || name.length > 80 || PAGE_WORDS.test(name)) return null;
  // A platform's own name says nothing about the vendor (an untouched theme's default title).
  if (/^(?:zendesk|freshdesk|jira service management|servicenow|salesforce|atlassian)$/i.test(name)) return null;
  return name;
}

/**
 * What a portal page calls its vendor: its site-name meta, else the brand part of its title
 * ("My requests – Northwind Fiber" → "Northwind Fiber"). Untrusted text like any page content: it is
 * only a suggestion the user's own name overrides, and it can only name its own origin's portal.
 */
export function readPortalName(doc: Document): string | null {
  const meta = (selector: string) => doc.querySelector<HTMLMetaElement>(selector)?.content ?? null;
  const fromMeta =
    cleanVendorName(meta('meta[property="og:site_name"]')) ?? cleanVendorName(meta('meta[name="application-name"]'));
  if (fromMeta) return fromMeta;
  const parts = (doc.title ?? '')
    .split(/\s+[-–—|:·]\s+/)
    .map((p) => p.trim())
    .filter(Boolean);
  // The brand closes the title ("Link down – Northwind Fiber"); it opens it only in a two-part title
  // whose end is a page word ("Northwind Fiber - Requests"). A middle part is a case's own title.
  const last = cleanVendorName(parts.at(-1));
  if (last || parts.length !== 2) return last;
  return cleanVendorName(parts[0]);
}
