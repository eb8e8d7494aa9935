/**
 * ServiceNow: CSM portal (/csm, older /csp), Service Portal (/sp), the Table API for
 * sn_customerservice_case and incident, and the CSM Case API (/api/sn_customerservice/case), which
 * serves records of the same case table. Facts: docs/portals.md §5.
 * Vendors run CSM on their own domains, so pages are recognised by path and page signature, never by host.
 * The portal DOM (Angular widgets) is not established: portal pages defer to the Table API JSON.
 */
import type { CaseSnapshot, CaseState, Severity } from '../../../core/model';
import { cleanText, isRecord, str } from '../../../core/text';
import { toUtcIso } from '../../../core/time';
import { collectItems, foldLabel, problem } from '../../common';
import { SERVICENOW } from './family';
import { ProviderParseError, type ExtractProblem, type PageKind, type ProviderAdapter } from '../../types';

const PROVIDER = 'servicenow' as const;

type Table = 'sn_customerservice_case' | 'incident';
/** sysparm_display_value: raw codes (false), labels (true) or {display_value, value} pairs (all). */
type DisplayMode = 'false' | 'true' | 'all';

// /api/now/table/{table}[/{sys_id}] and the versioned /api/now/v2/table/… form.
const TABLE_PATH = /\/api\/now\/(?:v\d+\/)?table\/(sn_customerservice_case|incident)(?:\/[0-9a-f]{32})?\/?$/i;
// CSM Case API: /api/sn_customerservice[/{version}]/case[/{sys_id or case number}] (ServiceNowDocs, Case API).
const CASE_API_PATH = /\/api\/sn_customerservice\/(?:v\d+\/)?case(?:\/[^/]+)?\/?$/i;
const SYS_ID = /^[0-9a-f]{32}$/i;

interface Choice {
  state: CaseState;
  label: string;
}
// Case states (ServiceNowDocs r_CustomerServiceCaseStates). Instances add and relabel values: unknown → null.
const CASE_STATES: Record<string, Choice> = {
  '1': { state: 'new', label: 'New' },
  '10': { state: 'open', label: 'Open' },
  '18': { state: 'waiting-on-customer', label: 'Awaiting Info' },
  '6': { state: 'resolved', label: 'Resolved' },
  '3': { state: 'closed', label: 'Closed' },
  '7': { state: 'closed', label: 'Cancelled' },
};
const INCIDENT_STATES: Record<string, Choice> = {
  '1': { state: 'new', label: 'New' },
  '2': { state: 'open', label: 'In Progress' },
  '3': { state: 'on-hold', label: 'On Hold' },
  '6': { state: 'resolved', label: 'Resolved' },
  '7': { state: 'closed', label: 'Closed' },
  '8': { state: 'closed', label: 'Canceled' },
};
const STATE_CHOICES: Record<Table, Record<string, Choice>> = {
  sn_customerservice_case: CASE_STATES,
  incident: INCIDENT_STATES,
};
/** Default English labels → code, for display_value=true bodies that carry no code. */
const STATE_CODES_BY_LABEL: Record<Table, Map<string, string>> = {
  sn_customerservice_case: labelIndex(CASE_STATES, { canceled: '7' }),
  incident: labelIndex(INCIDENT_STATES, { cancelled: '8' }),
};
const INCIDENT_ON_HOLD = '3';
// hold_reason 1 "Awaiting Caller": the vendor waits for us. Other reasons (Change, Problem, Vendor) stay on-hold.
const AWAITING_CALLER = { code: '1', label: 'awaiting caller' };

const PRIORITIES: Record<string, { severity: Severity; label: string }> = {
  '1': { severity: 'critical', label: '1 - Critical' },
  '2': { severity: 'high', label: '2 - High' },
  '3': { severity: 'normal', label: '3 - Moderate' },
  '4': { severity: 'low', label: '4 - Low' },
  '5': { severity: 'low', label: '5 - Planning' },
};

function labelIndex(choices: Record<string, Choice>, extra: Record<string, string>): Map<string, string> {
  const index = new Map(Object.entries(choices).map(([code, c]) => [foldLabel(c.label), code]));
  for (const [label, code] of Object.entries(extra)) index.set(label, code);
  return index;
}

// ---- Table API (JSON) ----

/** One field as the body gives it. `link` of a reference is never read: API links must not leak. */
interface Field {
  /** The stored value: a choice code, a sys_id, a UTC date `yyyy-MM-dd HH:mm:ss`. */
  value: string | null;
  /** What the viewer sees: a choice label, a name, a date in the viewer's own zone and format. */
  display: string | null;
}

/**
 * The Case API returns account, contact, consumer and social profile as the referenced record itself
 * (sysparm_reference_fields, default true): a record of its own, told by its sys_id.
 */
function isExpandedRecord(raw: unknown): raw is Record<string, unknown> {
  return isRecord(raw) && 'sys_id' in raw;
}

function readField(record: Record<string, unknown>, name: string, mode: DisplayMode): Field {
  const raw = record[name];
  // Its sys_id is the stored value; its name is what the viewer sees (the display field of users,
  // accounts and contacts).
  if (isExpandedRecord(raw)) return { value: str(raw.sys_id), display: str(raw.name) };
  // {display_value, value} (all), {link, value} (reference, false), {display_value, link} (reference, true).
  if (isRecord(raw)) return { value: str(raw.value), display: str(raw.display_value) };
  const text = typeof raw === 'boolean' ? String(raw) : str(raw);
  return mode === 'true' ? { value: null, display: text } : { value: text, display: null };
}

/**
 * Which sysparm_display_value the body was fetched with, from the body itself: the URL may not say
 * (a default, a refresh, a proxy), and reading a display_value=true date as UTC would shift it silently.
 */
function detectMode(record: Record<string, unknown>, url: URL): DisplayMode {
  const objects = Object.values(record).filter(isRecord);
  if (objects.some((o) => 'display_value' in o && 'value' in o)) return 'all';
  if (objects.some((o) => 'display_value' in o)) return 'true'; // a reference as {display_value, link}
  if (objects.some((o) => 'value' in o)) return 'false'; // a reference as {link, value}
  // Choice fields: codes are digits ("10", "3"), labels are words ("Open", "3 - Moderate").
  for (const name of ['state', 'priority', 'impact', 'urgency']) {
    const text = str(record[name]);
    if (text) return /^-?\d+$/.test(text) ? 'false' : 'true';
  }
  const param = url.searchParams.get('sysparm_display_value')?.toLowerCase();
  // Nothing in the body tells: the URL decides, and ServiceNow's own default is false.
  return param === 'true' ? 'true' : 'false';
}

function tableOf(url: URL, number: string): Table {
  if (CASE_API_PATH.test(url.pathname)) return 'sn_customerservice_case';
  const fromPath = TABLE_PATH.exec(url.pathname)?.[1]?.toLowerCase();
  if (fromPath === 'incident' || fromPath === 'sn_customerservice_case') return fromPath;
  return /^INC\d/i.test(number) ? 'incident' : 'sn_customerservice_case';
}

function readState(
  table: Table,
  state: Field,
  holdReason: Field,
): { vendorStatus: string | null; state: CaseState | null } {
  const choices = STATE_CHOICES[table];
  const code =
    state.value ?? (state.display ? STATE_CODES_BY_LABEL[table].get(foldLabel(state.display)) : undefined) ?? null;
  const choice = code ? choices[code] : undefined;
  // The label the viewer sees when the body has one; our English label for a bare code; else the code.
  const vendorStatus = state.display ?? choice?.label ?? state.value;
  if (!choice) return { vendorStatus, state: null };
  if (table === 'incident' && code === INCIDENT_ON_HOLD) {
    const awaitingCaller = holdReason.value
      ? holdReason.value === AWAITING_CALLER.code
      : foldLabel(holdReason.display) === AWAITING_CALLER.label;
    if (awaitingCaller) return { vendorStatus, state: 'waiting-on-customer' };
  }
  return { vendorStatus, state: choice.state };
}

function readPriority(priority: Field): { severity: Severity | null; vendorSeverity: string | null } {
  // A label starts with its code: "1 - Critical" (also when relabelled or translated).
  const code = priority.value ?? /^(\d+)\s*-/.exec(priority.display ?? '')?.[1] ?? null;
  const known = code ? PRIORITIES[code] : undefined;
  return { severity: known?.severity ?? null, vendorSeverity: priority.display ?? known?.label ?? priority.value };
}

/** UTC instant of a date field: only the stored value is UTC; a display value is the viewer's wall clock. */
function readDate(field: Field): string | null {
  return toUtcIso(field.value, { assumeZoneless: 'utc' });
}

function caseLink(origin: string, table: Table, sysId: string): string {
  return table === 'incident'
    ? `${origin}/sp?id=ticket&table=incident&sys_id=${sysId}`
    : `${origin}/csm?id=csm_ticket&table=sn_customerservice_case&sys_id=${sysId}`;
}

function readRecord(item: unknown, where: string, url: URL): CaseSnapshot | ExtractProblem {
  if (!isRecord(item))
    return problem(where, `Expected a record object, got ${Array.isArray(item) ? 'an array' : typeof item}`);
  const mode = detectMode(item, url);
  const field = (name: string) => readField(item, name, mode);
  const numberField = field('number');
  const number = numberField.value ?? numberField.display;
  if (!number) return problem(where, 'Expected a number (CS…, INC…), found none');
  const sysIdField = field('sys_id');
  const sysId = sysIdField.value ?? sysIdField.display;
  if (!sysId || !SYS_ID.test(sysId))
    return problem(where, `Expected a 32-hex sys_id, got ${JSON.stringify(sysId)}`, number);
  const table = tableOf(url, number);
  const titleField = field('short_description');
  const owner = cleanText(field('assigned_to').display, 200);
  const snapshot: CaseSnapshot = {
    provider: PROVIDER,
    caseId: number,
    // JSON strings are raw text already: no entity decoding.
    title: cleanText(titleField.display ?? titleField.value) ?? number,
    ...readState(table, field('state'), field('hold_reason')),
    ...readPriority(field('priority')),
    createdAt: readDate(field('opened_at')) ?? readDate(field('sys_created_on')),
    updatedAt: readDate(field('sys_updated_on')),
    url: caseLink(url.origin, table, sysId.toLowerCase()),
    vendorRef: sysId.toLowerCase(),
  };
  if (owner) snapshot.owner = owner;
  return snapshot;
}

function detectApi(body: unknown): PageKind | null {
  if (!isRecord(body)) return null;
  if (Array.isArray(body.result)) return 'list';
  if (isRecord(body.result) && ('sys_id' in body.result || 'number' in body.result)) return 'detail';
  return null;
}

function rejectBody(body: unknown, url: URL): never {
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  // The Table API answers a lost session with this error body (HTTP 401, which the tap reports too).
  if (error && /not authenticated/i.test(str(error.message) ?? '')) {
    throw new ProviderParseError(
      PROVIDER,
      url.href,
      'signed-out',
      'Expected Table API records, got "User Not Authenticated"',
    );
  }
  throw new ProviderParseError(
    PROVIDER,
    url.href,
    'unknown-shape',
    `Expected {result: [...]} or {result: {...}}, got ${error ? 'an error body' : 'another shape'}`,
  );
}

/**
 * POST and PUT to the Case API answer {result: {sys_id, number}}: the acknowledgement of a write, not
 * the case. Read as one it would replace the case's title with its number.
 */
function isCaseApiWriteAnswer(result: unknown, url: URL): boolean {
  if (!isRecord(result) || !CASE_API_PATH.test(url.pathname)) return false;
  const keys = Object.keys(result);
  return keys.length === 2 && keys.includes('sys_id') && keys.includes('number');
}

// ---- Portal pages (DOM) ----

// Portal URL suffix: /csm, /csp, /sp by default; instances may name their own (one path segment).
const PORTAL_PATH = /^\/[a-z][a-z0-9_-]*\/?$/i;
const LIST_PAGES = new Set(['csm_cases_requests', 'my_requests']);
// standard_ticket: the Service Portal's newer generic ticket page.
const DETAIL_PAGES = new Set(['csm_ticket', 'ticket', 'standard_ticket']);
const LOGIN_PAGES = new Set(['csm_login', 'login']);
const TABLES = new Set<string>(['sn_customerservice_case', 'incident']);
const LOGIN_DO = /^\/login\.do$/i;

const sel = {
  // Every Service Portal page (CSM included) is the AngularJS app "sn.$sp", rendered server-side on <html>;
  // `.sp-page-root` is the page container the portal's own scripts look up.
  portal: '[ng-app="sn.$sp"], .sp-page-root',
  // Platform login form (login.do posts to itself): user_password is ServiceNow's own field name.
  platformLogin: 'form[action*="login.do"] input[name="user_password"]',
  passwordField: 'input[name="user_password"]',
  // A portal case page shows a login form in place of the case when the session is gone.
  portalLogin: 'form input[type="password"]',
} as const;

function isPortalPage(doc: Document, url: URL): boolean {
  return PORTAL_PATH.test(url.pathname) && !!doc.querySelector(sel.portal);
}

function portalPageKind(doc: Document, url: URL): PageKind | null {
  if (!isPortalPage(doc, url)) return null;
  const id = url.searchParams.get('id') ?? '';
  const table = url.searchParams.get('table');
  // A ticket page of another table (sc_request, sc_req_item) is not a case we read.
  if (table && !TABLES.has(table)) return null;
  if (DETAIL_PAGES.has(id)) return 'detail';
  if (LIST_PAGES.has(id)) return 'list';
  return null;
}

function isSignInPage(doc: Document, url: URL): boolean {
  if (doc.querySelector(sel.platformLogin)) return true;
  if (LOGIN_DO.test(url.pathname) && doc.querySelector(sel.passwordField)) return true;
  if (isPortalPage(doc, url) && LOGIN_PAGES.has(url.searchParams.get('id') ?? '')) return true;
  return portalPageKind(doc, url) !== null && !!doc.querySelector(sel.portalLogin);
}

export const servicenow: ProviderAdapter = {
  id: PROVIDER,
  matches: SERVICENOW.matches,
  page: {
    detect(doc, url) {
      if (isSignInPage(doc, url)) return 'list';
      return portalPageKind(doc, url);
    },
    extract(doc, url) {
      if (isSignInPage(doc, url)) {
        throw new ProviderParseError(
          PROVIDER,
          url.href,
          'signed-out',
          'Expected a portal case page, got the login page',
        );
      }
      const kind = portalPageKind(doc, url);
      if (!kind) {
        throw new ProviderParseError(
          PROVIDER,
          url.href,
          'layout-changed',
          'Expected a Service Portal case page (ng-app "sn.$sp", id=csm_cases_requests|my_requests|csm_ticket|ticket)',
        );
      }
      // Widget markup is not established: the cases come from the Table API bodies the page loads.
      return { kind, cases: [], problems: [], deferredToApi: true };
    },
  },
  api: {
    urlPatterns: SERVICENOW.apiUrlPatterns,
    onPageOrigin: SERVICENOW.apiOnPageOrigin,
    detect: (body) => detectApi(body),
    extract(body, url) {
      const kind = detectApi(body);
      if (!kind || !isRecord(body)) return rejectBody(body, url);
      if (kind === 'detail' && isCaseApiWriteAnswer(body.result, url)) return { kind, cases: [], problems: [] };
      const items = kind === 'list' ? (body.result as unknown[]) : [body.result];
      return collectItems(kind, items, (item, i) => readRecord(item, kind === 'list' ? `result[${i}]` : 'result', url));
    },
  },
};
