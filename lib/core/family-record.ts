/**
 * One record per portal family: every fact about a family that is data rather than reading code, in
 * `lib/capture/families/<id>/family.ts` beside its adapter. Everything else is derived from the records
 * (lib/capture/families/records.ts): the provider ids, the marks and names the views show, where content
 * scripts run and which JSON the tap forwards, default contacts, vendor clocks, the custom-domain guess.
 *
 * A record is plain data (object literals, no calls), so a bundle that does not use it drops it.
 */
import type { Severity } from './model';

export interface FamilyRecord {
  /** Kebab-case; also the folder, the content script's and the fixture folder's name. */
  id: string;

  // ---- How the views show it ----
  /** "Zendesk": the secondary mark's words ("runs on Zendesk"), and a console's own vendor name. */
  name: string;
  /** Two to four letters on its coloured mark. */
  mark: string;
  /** The mark's fill; white text on it keeps a contrast of at least 4.5:1 in both themes. */
  colour: string;
  /** One fixed console for every customer: the platform is the vendor portal (lib/core/portals.ts). */
  console?: true;
  /** Hosts of tenants on the platform's own domain; the tenant's name is the first label. */
  tenantHosts?: RegExp;
  /** Also runs on customers' own domains: the popup offers "Track this portal" as this platform. */
  trackable?: true;
  /** Paths (URL pathname) that suggest this platform on a custom domain; the user confirms the guess. */
  customDomainPaths?: RegExp[];

  // ---- Where it is read ----
  /** Content-script match patterns on the vendor's own hosts. */
  matches: string[];
  /** Response URLs (full URL) whose JSON the portal's own front end loads and we read. */
  apiUrlPatterns: RegExp[];
  /** Origins case links may point to besides the page's own (a console reached through a legacy host). */
  caseOrigins?: string[];
  /**
   * The family's JSON lives on the portal's own origin (its URL patterns accept any host, because
   * portals run on customers' domains): a body is only believed from the page's own origin.
   */
  apiOnPageOrigin?: true;
  /** The case list a user opens (to look, or to sign in): a path on the portal's origin, or a full URL. */
  listPage: string;
  /**
   * The JSON a background refresh fetches with the user's session (a path on the portal's origin);
   * absent where the API needs tokens only the page holds, so the list page is loaded instead.
   */
  refreshPath?: string;

  /**
   * How the vendor's emails name a case (subject or body): the first group of each pattern is the case
   * number as the portal shows it (lib/cases/email-import.ts). Tenants' numbers are matched among that
   * platform's cases, with the sender's domain to tell two tenants apart.
   */
  emailReferences?: RegExp[];

  // ---- What the rules and views know about the vendor ----
  /**
   * Public support entry points, status page and social handle (consoles only: a platform that hosts
   * many vendors has no status page of theirs). No phone numbers: they depend on country and contract.
   */
  contacts?: { portalUrl?: string; statusPage?: string; social?: string };
  /** Clocks that act on a case by themselves (lib/alerts/policy.ts, VendorClock), from the vendor's help pages. */
  vendorClocks?: {
    state: 'waiting-on-customer' | 'resolved';
    afterDays: number;
    warnDaysBefore: number;
    /** Plain-text sentence for the notification. */
    says: string;
  }[];
  /** Published first-response targets in wall-clock hours by our severity. */
  firstResponseHours?: Partial<Record<Severity, number>>;
  /**
   * One status, several spellings (lib/capture/status-vocabulary.ts): labels that name one status, and
   * coarse page labels with the finer statuses they stand for. Folded: lower case, no accents.
   */
  statusVocabulary?: { same: string[][]; covers: Record<string, string[]> };
}
