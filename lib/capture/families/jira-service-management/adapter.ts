/**
 * Jira Service Management: servicedeskapi customer requests (JSON) and the customer portal
 * (request list table, request detail). Facts: docs/portals.md §4. Cloud and Data Center share the
 * paths; Data Center puts a context path (e.g. /jira) in front of them.
 */
import type { CaseSnapshot, CaseState, Severity } from '../../../core/model';
import { cleanText, isRecord, safeCaseUrl, str, textOf } from '../../../core/text';
import { toUtcIso } from '../../../core/time';
import { collectItems, foldLabel, problem, readTimeAttr } from '../../common';
import { JIRA_SERVICE_MANAGEMENT } from './family';
import { extractDetailByLabels, findDetailParts, leafElements } from '../../structural';
import {
  ProviderParseError,
  type ExtractProblem,
  type Extraction,
  type PageKind,
  type ProviderAdapter,
} from '../../types';

const PROVIDER = 'jira-service-management' as const;

// Project key, dash, issue number (PROJ-123). Jira upper-cases project keys.
const ISSUE_KEY = /^[A-Z][A-Z0-9_]*-[1-9]\d*$/;

/**
 * Status names are workflow-defined: known names first (case-insensitive), then the status
 * category. The name list is a proposal (docs/portals.md §4).
 */
const STATUS_NAMES: Record<string, CaseState> = {
  'waiting for customer': 'waiting-on-customer',
  'waiting for support': 'open',
  'in progress': 'open',
  'work in progress': 'open',
  escalated: 'open',
  investigating: 'open',
  'under review': 'open',
  reopened: 'open',
  pending: 'on-hold',
  'on hold': 'on-hold',
  resolved: 'resolved',
  closed: 'closed',
  done: 'closed',
  canceled: 'closed',
  cancelled: 'closed',
  declined: 'closed',
  completed: 'closed',
};
const CATEGORIES: Record<string, CaseState> = { NEW: 'new', INDETERMINATE: 'open', DONE: 'resolved' };

// Jira's default priority scheme, plus the unambiguous older names. "Major"/"Minor" stay unmapped.
const PRIORITY_NAMES: Record<string, Severity> = {
  highest: 'critical',
  blocker: 'critical',
  critical: 'critical',
  urgent: 'critical',
  high: 'high',
  medium: 'normal',
  normal: 'normal',
  low: 'low',
  lowest: 'low',
  trivial: 'low',
};

/** Our state for a JSM status name and (API only) its category. */
export function stateOfStatus(name: string | null, category: string | null = null): CaseState | null {
  return (
    (name ? STATUS_NAMES[foldLabel(name)] : undefined) ??
    (category ? CATEGORIES[category.toUpperCase()] : undefined) ??
    null
  );
}

// ---- servicedeskapi (JSON) ----

/** A JSM date object: epochMillis first, then iso8601 / jira (offsets like +0100, no colon). */
function readDate(value: unknown): string | null {
  if (!isRecord(value)) return toUtcIso(value);
  if (typeof value.epochMillis === 'number') return toUtcIso(value.epochMillis);
  return toUtcIso(value.iso8601) ?? toUtcIso(value.jira);
}

/** The Data Center context path in front of /rest/servicedeskapi ('' on Cloud). */
function contextPathOf(url: URL): string {
  const at = url.pathname.indexOf('/rest/servicedeskapi/');
  return at > 0 ? url.pathname.slice(0, at) : '';
}

function requestLink(item: Record<string, unknown>, key: string, url: URL): string {
  const web = isRecord(item._links) ? str(item._links.web) : null;
  if (web) {
    try {
      const u = new URL(web);
      if (u.origin === url.origin) return u.href;
    } catch {
      // Malformed link: build one below.
    }
  }
  const context = contextPathOf(url);
  const serviceDeskId = str(item.serviceDeskId);
  return serviceDeskId && /^\d+$/.test(serviceDeskId)
    ? `${url.origin}${context}/servicedesk/customer/portal/${serviceDeskId}/${key}`
    : `${url.origin}${context}/servicedesk/customer/user/requests`;
}

function readRequest(item: unknown, where: string, url: URL): CaseSnapshot | ExtractProblem {
  if (!isRecord(item))
    return problem(where, `Expected a customer request object, got ${item === null ? 'null' : typeof item}`);
  const key = str(item.issueKey);
  if (!key || !ISSUE_KEY.test(key))
    return problem(where, `Expected an issueKey like PROJ-123, got ${JSON.stringify(item.issueKey ?? null)}`);
  const fields = Array.isArray(item.requestFieldValues) ? item.requestFieldValues.filter(isRecord) : [];
  // The summary's label is per request type ("What do you need?"); its fieldId is fixed.
  const valueOf = (fieldId: string) => fields.find((f) => f.fieldId === fieldId)?.value;
  const priorityValue = valueOf('priority');
  const priority = isRecord(priorityValue) ? str(priorityValue.name) : null;
  const current = isRecord(item.currentStatus) ? item.currentStatus : {};
  const status = str(current.status);
  return {
    provider: PROVIDER,
    caseId: key,
    // JSON strings are raw text already: no entity decoding.
    title: cleanText(str(valueOf('summary'))) ?? `Request ${key}`,
    vendorStatus: status,
    state: stateOfStatus(status, str(current.statusCategory)),
    // Priority is not part of the request DTO; only a request type that shows it as a field has one.
    severity: priority ? (PRIORITY_NAMES[foldLabel(priority)] ?? null) : null,
    vendorSeverity: priority,
    createdAt: readDate(item.createdDate),
    // No "last updated" in the DTO: the last status change is the closest machine time.
    updatedAt: readDate(current.statusDate),
    url: requestLink(item, key, url),
  };
}

type Shape = 'page' | 'request';
function shapeOf(body: unknown): Shape | null {
  if (!isRecord(body)) return null;
  if (Array.isArray(body.values) && (typeof body.isLastPage === 'boolean' || typeof body.size === 'number'))
    return 'page';
  return typeof body.issueKey === 'string' ? 'request' : null;
}

function extractApi(body: unknown, url: URL): Extraction {
  const shape = shapeOf(body);
  if (!shape || !isRecord(body)) {
    throw new ProviderParseError(
      PROVIDER,
      url.href,
      'unknown-shape',
      'Expected a page {values: [...], isLastPage} of customer requests or one request with issueKey',
    );
  }
  return shape === 'page'
    ? collectItems('list', body.values as unknown[], (item, i) => readRequest(item, `values[${i}]`, url))
    : collectItems('detail', [body], (item) => readRequest(item, 'request', url));
}

// ---- Customer portal (DOM, a single-page app) ----

// Optional Data Center context path, then the portal route.
const LIST_PATH = /^(?:\/[^?#]*)?\/servicedesk\/customer\/user\/requests\/?$/;
const DETAIL_PATH = /^(?:\/[^?#]*)?\/servicedesk\/customer\/portal\/\d+\/([A-Z][A-Z0-9_]*-[1-9]\d*)\/?$/;
const LOGIN_PATH = /^(?:\/[^?#]*)?\/servicedesk\/customer\/(?:portal\/\d+\/)?user\/login\/?$/;

const sel = {
  // Request list table v2 (Cloud): every header cell carries this test id.
  headCell: '[data-testid="request-list.request-list-table-v2--head--cell"]',
  loginForm: 'form input[type="password"]',
  main: 'main, [role="main"]',
} as const;

type Column = 'reference' | 'summary' | 'status' | 'created' | 'updated';
// English header words; a header is matched by its first word(s), so "Created, sorted descending" still counts.
const HEADER_WORDS: [Column, string[]][] = [
  ['reference', ['reference']],
  ['summary', ['summary']],
  ['status', ['status']],
  ['created', ['created']],
  ['updated', ['updated', 'last updated']],
];
// English empty-state wording (heuristic: the portal's empty state is not established publicly).
const EMPTY_TEXT =
  /\bno requests\b|you (?:have not|haven['’]t) (?:raised|created|made|submitted) any requests|couldn['’]t find any requests/i;

function isSignedOut(doc: Document, url: URL): boolean {
  return LOGIN_PATH.test(url.pathname) || !!doc.querySelector(sel.loginForm);
}

function mainOf(doc: Document): Element {
  return doc.querySelector(sel.main) ?? doc.body ?? doc.documentElement;
}

function saysEmpty(doc: Document): boolean {
  return leafElements(mainOf(doc)).some((el) => EMPTY_TEXT.test(el.textContent ?? ''));
}

function columnOf(header: Element): Column | null {
  // Words only: a sort arrow or icon glyph may follow the header text ("Created↓").
  const label = foldLabel(header.textContent)
    .replace(/[^\p{L}\p{N} ].*$/u, '')
    .trim();
  return HEADER_WORDS.find(([, words]) => words.some((w) => label === w || label.startsWith(`${w} `)))?.[0] ?? null;
}

function keyFromLink(link: Element | null | undefined): string | null {
  if (!link) return null;
  const text = textOf(link);
  if (text && ISSUE_KEY.test(text)) return text;
  return /\/portal\/\d+\/([A-Z][A-Z0-9_]*-[1-9]\d*)\/?(?:[?#]|$)/.exec(link.getAttribute('href') ?? '')?.[1] ?? null;
}

interface ListTable {
  columns: Map<Column, number>;
  rows: Element[];
}

function readTable(doc: Document, url: URL): ListTable | null {
  const heads = Array.from(doc.querySelectorAll(sel.headCell));
  const table = heads[0]?.closest('table');
  if (!table) return null;
  const columns = new Map<Column, number>();
  heads.forEach((th, i) => {
    const column = columnOf(th);
    if (column && !columns.has(column)) columns.set(column, i);
  });
  const missing = (['summary', 'status'] as const).filter((c) => !columns.has(c));
  if (missing.length) {
    throw new ProviderParseError(
      PROVIDER,
      url.href,
      'layout-changed',
      `Expected ${missing.join(' and ')} columns, found headers ${JSON.stringify(heads.map((h) => textOf(h) ?? ''))}`,
    );
  }
  const rows = Array.from(table.querySelectorAll('tbody > tr')).filter((tr) => !tr.querySelector(sel.headCell));
  return { columns, rows };
}

function readRow(table: ListTable, row: Element, index: number, url: URL): CaseSnapshot | ExtractProblem {
  const where = `row ${index + 1}`;
  const cells = Array.from(row.children);
  const cell = (column: Column) => {
    const i = table.columns.get(column);
    return i === undefined ? undefined : cells[i];
  };
  // The key link sits in the 2nd column (after the request-type icon) unless a "Reference" header says otherwise.
  const link = (cell('reference') ?? cells[1])?.querySelector('a[href]');
  const caseId = keyFromLink(link);
  if (!caseId)
    return problem(
      where,
      `Expected a request key link in the reference column, got ${JSON.stringify(textOf(link) ?? null)}`,
    );
  const title = textOf(cell('summary'));
  if (!title) return problem(where, 'Expected a summary, found an empty cell', caseId);
  const status = textOf(cell('status'));
  if (!status) return problem(where, 'Expected a status, found an empty cell', caseId);
  return {
    provider: PROVIDER,
    caseId,
    title,
    vendorStatus: status,
    state: stateOfStatus(status),
    severity: null,
    vendorSeverity: null,
    // Only a machine attribute counts; the visible dates are human text ("Yesterday 4:12 PM").
    createdAt: readTimeAttr(cell('created')),
    updatedAt: readTimeAttr(cell('updated')),
    url: safeCaseUrl(link?.getAttribute('href'), url),
  };
}

function extractList(doc: Document, url: URL): Extraction {
  const table = readTable(doc, url);
  if (!table || table.rows.length === 0) {
    if (saysEmpty(doc)) return { kind: 'list', cases: [], problems: [] };
    throw new ProviderParseError(
      PROVIDER,
      url.href,
      'layout-changed',
      table
        ? 'Expected request rows or an empty-state message, found neither'
        : 'Expected the request list table (head cells request-list.request-list-table-v2--head--cell) or an empty-state message, found neither',
    );
  }
  return collectItems('list', table.rows, (row, i) => readRow(table, row, i, url));
}

export const jiraServiceManagement: ProviderAdapter = {
  id: PROVIDER,
  matches: JIRA_SERVICE_MANAGEMENT.matches,
  page: {
    detect(_doc, url): PageKind | null {
      if (DETAIL_PATH.test(url.pathname)) return 'detail';
      // The portal's own login page is where a signed-out visit to the list lands.
      return LIST_PATH.test(url.pathname) || LOGIN_PATH.test(url.pathname) ? 'list' : null;
    },
    isReady(doc, url) {
      if (isSignedOut(doc, url)) return true;
      if (DETAIL_PATH.test(url.pathname)) {
        // Heuristic (detail markup not established): the summary in an h1 and a "Status" label.
        const { title, status } = findDetailParts(mainOf(doc), 'h1');
        return !!title && !!status;
      }
      return !!doc.querySelector(sel.headCell) || saysEmpty(doc);
    },
    extract(doc, url) {
      if (isSignedOut(doc, url)) {
        throw new ProviderParseError(
          PROVIDER,
          url.href,
          'signed-out',
          'Expected the customer portal, got its login page',
        );
      }
      const key = DETAIL_PATH.exec(url.pathname)?.[1];
      return key
        ? extractDetailByLabels(PROVIDER, mainOf(doc), url, key, 'h1', (label) => stateOfStatus(label))
        : extractList(doc, url);
    },
  },
  api: {
    urlPatterns: JIRA_SERVICE_MANAGEMENT.apiUrlPatterns,
    onPageOrigin: JIRA_SERVICE_MANAGEMENT.apiOnPageOrigin,
    detect(body): PageKind | null {
      const shape = shapeOf(body);
      return shape ? (shape === 'page' ? 'list' : 'detail') : null;
    },
    extract: extractApi,
  },
};
