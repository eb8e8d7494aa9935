/**
 * Static facts about each family that content scripts need before any adapter code runs:
 * where they are injected and which JSON responses the main-world tap forwards.
 * Kept apart from the adapters so the main-world tap bundle stays tiny.
 */
import type { ProviderId } from '../core/model';

export interface FamilyInfo {
  id: ProviderId;
  /** Content-script match patterns on the vendor's own hosts. */
  matches: string[];
  /** Response URLs (full URL) whose JSON the portal's own front end loads and we read. */
  apiUrlPatterns: RegExp[];
  /**
   * Origins case links may point to besides the page's own (a console reached through a legacy host
   * still links to the canonical one).
   */
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
}

export const ZENDESK: FamilyInfo = {
  id: 'zendesk',
  listPage: '/hc/requests',
  refreshPath: '/api/v2/requests.json?sort_by=updated_at&sort_order=desc',
  matches: ['https://*.zendesk.com/hc/*'],
  // requests.json, requests/{id}.json, requests/search.json, ccd.json, solved.json, open.json (same origin).
  apiOnPageOrigin: true,
  apiUrlPatterns: [/^https:\/\/[^/]+\/api\/v2\/requests(?:\/(?:search|ccd|solved|open|\d+))?(?:\.json)?(?:\?|$)/],
};

export const AZURE: FamilyInfo = {
  id: 'azure',
  listPage: 'https://portal.azure.com/#view/Microsoft_Azure_Support/HelpAndSupportBlade/~/overview',
  matches: ['https://portal.azure.com/*'],
  // Tenant- or subscription-scoped list, single ticket, and a ticket's communications.
  apiUrlPatterns: [
    /^https:\/\/management\.azure\.com\/(?:subscriptions\/[^/?#]+\/)?providers\/Microsoft\.Support\/supportTickets(?:\/[^/?#]+(?:\/communications(?:\/[^/?#]+)?)?)?\/?(?:\?|$)/i,
  ],
};

export const AWS: FamilyInfo = {
  id: 'aws',
  listPage: 'https://support.console.aws.amazon.com/support/home#/case/history',
  matches: ['https://support.console.aws.amazon.com/*', 'https://console.aws.amazon.com/support/*'],
  // JSON 1.1: one endpoint for every operation (X-Amz-Target), so bodies are told apart by shape.
  apiUrlPatterns: [
    /^https:\/\/support\.[a-z0-9-]+\.amazonaws\.com\/(?:\?|$)/,
    /^https:\/\/support\.console\.aws\.amazon\.com\/[^?#]*api/,
  ],
  caseOrigins: ['https://support.console.aws.amazon.com'],
};

export const GCP: FamilyInfo = {
  id: 'gcp',
  listPage: 'https://console.cloud.google.com/support/cases',
  matches: ['https://console.cloud.google.com/support/*'],
  // Cloud Support API v2 (and v2beta) cases list/search/get and comments; the console may use clients6.
  apiUrlPatterns: [
    /^https:\/\/cloudsupport\.(?:googleapis|clients6\.google)\.com\/v2(?:beta)?\/(?:projects|organizations)\/[^/?#]+\/cases(?::search|\/[^/?#:]+(?:\/comments)?)?\/?(?:\?|$)/,
  ],
};

export const PARTNER_CENTER: FamilyInfo = {
  id: 'microsoft-partner-center',
  listPage: 'https://partner.microsoft.com/dashboard/support/servicerequests',
  matches: ['https://partner.microsoft.com/*'],
  apiUrlPatterns: [
    /^https:\/\/api\.partnercenter\.microsoft\.com\/v1\/(?:customers\/[^/?#]+\/)?servicerequests(?:\/[^/?#]+)?\/?(?:\?|$)/i,
  ],
};

export const MICROSOFT_365: FamilyInfo = {
  id: 'microsoft-365',
  listPage: 'https://admin.microsoft.com/#/support/requests',
  // Admin center single-page app; the service-request list is read from its rendered grid.
  matches: ['https://admin.microsoft.com/*'],
  apiUrlPatterns: [],
};

export const FRESHDESK: FamilyInfo = {
  id: 'freshdesk',
  listPage: '/support/tickets',
  refreshPath: '/api/v2/tickets?order_by=updated_at&order_type=desc&per_page=100',
  // Multilingual portals put the language first (/en/support/tickets).
  matches: ['https://*.freshdesk.com/support/*', 'https://*.freshdesk.com/*/support/*'],
  // API v2 tickets list / single, and ticket search (same origin as the portal).
  apiOnPageOrigin: true,
  apiUrlPatterns: [/^https:\/\/[^/]+\/api\/v2\/(?:tickets(?:\/\d+)?|search\/tickets)\/?(?:\?|$)/],
};

export const JIRA_SERVICE_MANAGEMENT: FamilyInfo = {
  id: 'jira-service-management',
  listPage: '/servicedesk/customer/user/requests',
  refreshPath: '/rest/servicedeskapi/request?requestOwnership=ALL_REQUESTS&requestStatus=ALL_REQUESTS&limit=100',
  matches: ['https://*.atlassian.net/servicedesk/customer/*'],
  // servicedeskapi request list / single; Data Center puts a context path in front.
  apiOnPageOrigin: true,
  apiUrlPatterns: [/^https:\/\/[^/]+(?:\/[^?#]*)?\/rest\/servicedeskapi\/request(?:\/[^/?#]+)?\/?(?:\?|$)/],
};

export const SERVICENOW: FamilyInfo = {
  id: 'servicenow',
  listPage: '/csm?id=csm_cases_requests',
  refreshPath:
    '/api/now/table/sn_customerservice_case?sysparm_query=ORDERBYDESCsys_updated_on&sysparm_display_value=all&sysparm_exclude_reference_link=true&sysparm_limit=100',
  // CSM portal (/csm, older /csp) and Service Portal (/sp); match patterns include the query.
  // login.do: where an expired platform session lands, so that it can be reported as signed out.
  matches: [
    'https://*.service-now.com/csm*',
    'https://*.service-now.com/csp*',
    'https://*.service-now.com/sp*',
    'https://*.service-now.com/login.do*',
  ],
  // Table API for cases and incidents (list or one record by sys_id), and the CSM Case API (list, or
  // one case by sys_id or case number; not its /activities or /field_values).
  apiOnPageOrigin: true,
  apiUrlPatterns: [
    /^https:\/\/[^/]+\/api\/now\/(?:v\d+\/)?table\/(?:sn_customerservice_case|incident)(?:\/[0-9a-f]{32})?\/?(?:\?|$)/,
    /^https:\/\/[^/]+\/api\/sn_customerservice\/(?:v\d+\/)?case(?:\/(?:[0-9a-f]{32}|[A-Za-z]+\d+))?\/?(?:\?|$)/,
  ],
};

export const SALESFORCE: FamilyInfo = {
  id: 'salesforce',
  listPage: '/s/case/Case/Default',
  refreshPath: `/services/data/v60.0/query?q=${encodeURIComponent('SELECT Id,CaseNumber,Subject,Status,Priority,IsClosed,IsEscalated,CreatedDate,LastModifiedDate FROM Case ORDER BY LastModifiedDate DESC LIMIT 200')}`,
  // Experience Cloud sites; older force.com sites only under their /s/ route.
  matches: ['https://*.my.site.com/*', 'https://*.force.com/s/*', 'https://*.force.com/*/s/*'],
  // REST query (SOQL) as a site's front end or a refresh calls it, and its next pages
  // (nextRecordsUrl …/query/{locator}-{offset}, no query string). Sites proxy it under their prefix.
  apiOnPageOrigin: true,
  apiUrlPatterns: [
    /^https:\/\/[^/]+(?:\/[^?#]*)?\/services\/data\/v\d+\.\d+\/query(?:All)?(?:\/?\?|\/[0-9A-Za-z]{15,18}-\d+\/?(?:\?|$))/,
  ],
};

export const FAMILIES: FamilyInfo[] = [
  ZENDESK,
  AZURE,
  AWS,
  GCP,
  PARTNER_CENTER,
  MICROSOFT_365,
  FRESHDESK,
  JIRA_SERVICE_MANAGEMENT,
  SERVICENOW,
  SALESFORCE,
];

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
