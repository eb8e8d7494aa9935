/**
 * Zendesk help centers (Guide / Copenhagen theme) and the end-user Requests API.
 * Facts: docs/portals.md §2. Custom domains are common, so pages are recognised by path and markup,
 * never by host alone.
 *
 * Custom ticket statuses: the newer list fetches /api/v2/custom_statuses as a separate body. An adapter
 * reads one body at a time and cannot join two, so that endpoint is not captured; a requests body that
 * carries `custom_statuses` next to `requests` (a refresh can merge them) shows the custom label instead
 * of the status code. The state always comes from `status` (the custom status's category).
 */
import type { CaseMessage, CaseSnapshot, CaseState, Severity } from '../../../core/model';
import { blockText, cleanBody, cleanText, isRecord, safeCaseUrl, str, textOf } from '../../../core/text';
import { toUtcIso } from '../../../core/time';
import { ZENDESK } from './family';
import { collectItems, foldLabel, problem, readTimeAttr } from '../../common';
import { ProviderParseError, type Extraction, type PageKind, type ProviderAdapter } from '../../types';

const PROVIDER = 'zendesk' as const;

// /hc/en-us/requests, /hc/requests (new list links omit the locale), optional trailing slash.
const LIST_PATH = /^\/hc(?:\/[a-z]{2,3}(?:-[a-z0-9]{2,8})*)?\/requests\/?$/i;
const DETAIL_PATH = /^\/hc(?:\/[a-z]{2,3}(?:-[a-z0-9]{2,8})*)?\/requests\/(\d+)\/?$/i;
// Sign-in pages a signed-out visit to /requests lands on.
const SIGNIN_PATH = /^\/(?:hc(?:\/[a-z-]+)?\/signin|access\/(?:unauthenticated|login|normal))\/?$/i;

const sel = {
  // Classic Copenhagen v2/v3 list; customised themes keep `requests-table` or `my-activities-table`.
  listTable: 'table.requests-table, table.my-activities-table',
  listRow: 'tbody > tr',
  rowLink: 'a.striped-list-title, a[href*="/requests/"]',
  // Themes sometimes drop `status-label-request`; the status suffix class is what we trust.
  statusLabel: '[class*="status-label-"]',
  mobileMeta: '.requests-table-meta',
  // Empty state of the classic list.
  empty: 'p.no-activities',
  // Copenhagen ≥ v4 renders the list client-side (React + Zendesk Garden) from requests/search.json.
  newListCell: '[data-test-id^="table-cell-"]',
  newListSubject: '[data-test-id="table-cell-subject"]',
  newListId: '[data-test-id="table-cell-id"]',
  newListStatus: '[data-test-id="table-cell-status"]',
  // Garden Tag (@zendeskgarden/react-tags) holding the status label. A re-skinned list without it is left
  // to the JSON rather than read from unknown markup.
  gardenTag: '[data-garden-id="tags.tag_view"]',
  detailTitle: 'h1.request-title',
  detailFacts: 'dl.request-details',
  comment: 'ul.comment-list > li.comment',
  commentAuthor: '.comment-meta [title], .comment-author [title]',
  commentBody: 'section.comment-body, .comment-body',
  // Copenhagen marks agents with an icon in the avatar.
  agentMarker: '.icon-agent, .comment-avatar.is-agent, .comment-wrapper-agent',
  loginForm: 'form input[type="password"]',
} as const;

const STATUS_SUFFIXES: Record<string, CaseState> = {
  new: 'new',
  open: 'open',
  pending: 'waiting-on-customer',
  hold: 'on-hold',
  solved: 'resolved',
  closed: 'closed',
};

// Labels of the newer list's status tag (Copenhagen request-list translations en and de, with the _v2
// pending label). It shows new/open/hold as one "Open" and solved/closed as one "Solved", so these are the
// best the DOM can say; the requests/search JSON tells them apart. Custom-status labels stay unmapped.
const NEW_LIST_STATES: Record<string, CaseState> = {
  open: 'open',
  'awaiting reply': 'waiting-on-customer',
  'awaiting your reply': 'waiting-on-customer',
  solved: 'resolved',
  offen: 'open',
  'wartet auf antwort': 'waiting-on-customer',
  'wartet auf ihre antwort': 'waiting-on-customer',
  gelost: 'resolved',
};

const PRIORITIES: Record<string, Severity> = { urgent: 'critical', high: 'high', normal: 'normal', low: 'low' };
// Localized priority names seen in help centers (en, de, fr, es, pt, nl, ja).
const PRIORITY_WORDS: Record<string, Severity> = {
  ...PRIORITIES,
  dringend: 'critical',
  hoch: 'high',
  niedrig: 'low',
  urgente: 'critical',
  haute: 'high',
  elevee: 'high',
  basse: 'low',
  alta: 'high',
  baja: 'low',
  baixa: 'low',
  hoog: 'high',
  laag: 'low',
  normaal: 'normal',
  緊急: 'critical',
  高: 'high',
  普通: 'normal',
  低: 'low',
};
const FACT_LABELS = {
  priority: ['priority', 'prioritat', 'priorite', 'prioridad', 'prioridade', 'prioriteit', '優先度', '优先级'],
  assignee: ['assignee', 'zugewiesen an', 'bearbeiter', 'assigne a', 'asignado', 'atribuido a', '担当者', '受理人'],
};

function stateFromStatusClass(el: Element | null): { suffix: string; state: CaseState } | null {
  if (!el) return null;
  for (const cls of Array.from(el.classList)) {
    const suffix = /^status-label-(\w+)$/.exec(cls)?.[1]?.toLowerCase();
    if (suffix && suffix in STATUS_SUFFIXES) return { suffix, state: STATUS_SUFFIXES[suffix]! };
  }
  return null;
}

/** The status label element carrying a known `status-label-{status}` suffix. */
function findStatusLabel(scope: Element): Element | null {
  const labels = Array.from(scope.querySelectorAll(sel.statusLabel));
  return labels.find((el) => stateFromStatusClass(el)) ?? null;
}

function idFromHref(href: string | null): string | null {
  return href ? (/\/requests\/(\d+)(?:[/?#]|$)/.exec(href)?.[1] ?? null) : null;
}

function isSignInPage(doc: Document, url: URL): boolean {
  if (SIGNIN_PATH.test(url.pathname)) return true;
  const returnTo = url.searchParams.get('return_to') ?? '';
  return /\/requests/.test(returnTo) && !!doc.querySelector(sel.loginForm);
}

function readListRow(row: HTMLTableRowElement, index: number, url: URL): CaseSnapshot | ReturnType<typeof problem> {
  const where = `row ${index + 1}`;
  const link = row.querySelector<HTMLAnchorElement>(sel.rowLink);
  const cells = Array.from(row.querySelectorAll(':scope > td'));
  const idText = cells.map((td) => /^#(\d+)$/.exec(td.textContent?.trim() ?? '')?.[1]).find(Boolean);
  const caseId = idFromHref(link?.getAttribute('href') ?? null) ?? idText ?? null;
  if (!caseId) return problem(where, 'Expected a request link or "#id" cell, found neither');
  const title = cleanText(link?.getAttribute('title')) ?? textOf(link);
  if (!title) return problem(where, 'Expected a subject link, found none', caseId);
  // Prefer the status column; the mobile meta block repeats the same label.
  const statusCell = row.querySelector('td.requests-table-status') ?? cells[cells.length - 1] ?? row;
  const label = findStatusLabel(statusCell) ?? findStatusLabel(row);
  const status = stateFromStatusClass(label);
  if (!label || !status) return problem(where, 'Expected a status-label-{status} element, found none', caseId);
  // Columns: subject | id | created (or requester on shared tabs) | last activity | status.
  const statusIndex = cells.indexOf(statusCell);
  const updatedAt = statusIndex > 0 ? readTimeAttr(cells[statusIndex - 1]) : null;
  const createdAt = readTimeAttr(cells[2]) ?? readTimeAttr(row.querySelector(sel.mobileMeta));
  return {
    provider: PROVIDER,
    caseId,
    title,
    vendorStatus: textOf(label) ?? status.suffix,
    state: status.state,
    severity: null,
    vendorSeverity: null,
    createdAt,
    updatedAt,
    url: safeCaseUrl(link?.getAttribute('href') ?? `/hc/requests/${caseId}`, url),
  };
}

function extractList(doc: Document, url: URL): Extraction {
  const table = doc.querySelector(sel.listTable);
  if (!table) {
    if (doc.querySelector(sel.empty)) return { kind: 'list', cases: [], problems: [] };
    throw new ProviderParseError(
      PROVIDER,
      url.href,
      'layout-changed',
      'Expected a requests table or the "no requests" marker, found neither',
    );
  }
  const rows = Array.from(table.querySelectorAll<HTMLTableRowElement>(sel.listRow));
  if (rows.length === 0) {
    throw new ProviderParseError(
      PROVIDER,
      url.href,
      'layout-changed',
      'Expected request rows in the requests table, found none',
    );
  }
  return collectItems('list', rows, (row, i) => readListRow(row, i, url));
}

function readNewListRow(row: Element, index: number, url: URL): CaseSnapshot | ReturnType<typeof problem> {
  const where = `row ${index + 1}`;
  const link = row.querySelector<HTMLAnchorElement>(`${sel.newListSubject} a[href]`);
  const idText = /^#(\d+)$/.exec(textOf(row.querySelector(sel.newListId)) ?? '')?.[1];
  const caseId = idFromHref(link?.getAttribute('href') ?? null) ?? idText ?? null;
  if (!caseId) return problem(where, 'Expected a /hc/requests/{id} link or a "#id" cell, found neither');
  // The link text is the subject, or the description when the subject is empty.
  const title = textOf(link);
  if (!title) return problem(where, 'Expected a subject link, found none', caseId);
  const label = textOf(row.querySelector(`${sel.newListStatus} ${sel.gardenTag}`));
  if (!label) return problem(where, 'Expected a status tag in the status cell, found none', caseId);
  return {
    provider: PROVIDER,
    caseId,
    title,
    // The tag is coarse (new/open/hold all read "Open"); the requests JSON the same page loads has
    // the exact status. No label here, so a later read of this row never overwrites the JSON's
    // status (ingest keeps a stored status when a snapshot has none) — only a first sighting uses it.
    vendorStatus: null,
    state: NEW_LIST_STATES[foldLabel(label)] ?? null,
    severity: null,
    vendorSeverity: null,
    // Created is a date without time in the viewer's locale, last activity is relative text: no instant.
    createdAt: null,
    updatedAt: null,
    url: safeCaseUrl(link?.getAttribute('href') ?? `/hc/requests/${caseId}`, url),
  };
}

function extractNewList(doc: Document, url: URL): Extraction {
  if (!doc.querySelector(`${sel.newListStatus} ${sel.gardenTag}`)) {
    // Rows without the Garden status tag: the requests/search JSON its own script loads is read instead.
    return { kind: 'list', cases: [], problems: [], deferredToApi: true };
  }
  const cells = doc.querySelectorAll(`${sel.newListSubject}, ${sel.newListId}, ${sel.newListStatus}`);
  const rows = [...new Set(Array.from(cells, (cell) => cell.closest('tr, [role="row"]') ?? cell))];
  return collectItems('list', rows, (row, i) => readNewListRow(row, i, url));
}

/** dt/dd pairs of the detail sidebar, keyed by folded label. */
function readFacts(doc: Document): Map<string, Element> {
  const facts = new Map<string, Element>();
  for (const dl of Array.from(doc.querySelectorAll(sel.detailFacts))) {
    for (const dt of Array.from(dl.querySelectorAll('dt'))) {
      const dd = dt.nextElementSibling;
      if (dd?.tagName === 'DD') facts.set(foldLabel(dt.textContent), dd);
    }
  }
  return facts;
}

function findFact(facts: Map<string, Element>, words: string[]): Element | null {
  for (const word of words) {
    const dd = facts.get(word);
    if (dd) return dd;
  }
  return null;
}

function readComments(doc: Document): CaseMessage[] {
  const messages: CaseMessage[] = [];
  for (const li of Array.from(doc.querySelectorAll(sel.comment))) {
    const at = readTimeAttr(li);
    if (!at) continue; // A comment without a machine time cannot be ordered; the case itself is still read.
    messages.push({
      at,
      author: cleanText(li.querySelector(sel.commentAuthor)?.getAttribute('title')) ?? null,
      side: li.querySelector(sel.agentMarker) ? 'vendor' : 'customer',
      text: cleanBody(blockText(li.querySelector(sel.commentBody))),
    });
  }
  return messages;
}

function extractDetail(doc: Document, url: URL): Extraction {
  const caseId = DETAIL_PATH.exec(url.pathname)?.[1];
  const title = textOf(doc.querySelector(sel.detailTitle));
  const factsRoot = doc.querySelector(sel.detailFacts);
  if (!caseId || !title || !factsRoot) {
    throw new ProviderParseError(
      PROVIDER,
      url.href,
      'layout-changed',
      'Expected h1.request-title and dl.request-details on a request page, found ' +
        (title ? 'no details list' : 'no title'),
    );
  }
  const label = findStatusLabel(doc.querySelector('.request-sidebar') ?? doc.body);
  const status = stateFromStatusClass(label);
  const facts = readFacts(doc);
  const priorityText = textOf(findFact(facts, FACT_LABELS.priority));
  const times = Array.from(doc.querySelectorAll(`${sel.detailFacts} time[datetime]`)).map((t) => readTimeAttr(t));
  const messages = readComments(doc);
  const snapshot: CaseSnapshot = {
    provider: PROVIDER,
    caseId,
    title,
    vendorStatus: textOf(label) ?? status?.suffix ?? null,
    state: status?.state ?? null,
    severity: priorityText ? (PRIORITY_WORDS[foldLabel(priorityText)] ?? null) : null,
    vendorSeverity: priorityText,
    // Sidebar order: Created, then Last activity.
    createdAt: times[0] ?? null,
    updatedAt: times[1] ?? null,
    url: safeCaseUrl(url.pathname, url),
    owner: textOf(findFact(facts, FACT_LABELS.assignee)),
    messages,
  };
  const problems = status ? [] : [problem('status', 'Expected a status-label-{status} element, found none', caseId)];
  return { kind: 'detail', cases: [snapshot], problems };
}

// ---- Requests API (JSON) ----

interface CustomStatus {
  label: string | null;
  category: string | null;
}

/** Side-loaded `custom_statuses` by id (empty when the body carries none). */
function readCustomStatuses(body: Record<string, unknown>): Map<string, CustomStatus> {
  const statuses = new Map<string, CustomStatus>();
  if (!Array.isArray(body.custom_statuses)) return statuses;
  for (const s of body.custom_statuses) {
    if (!isRecord(s) || !str(s.id)) continue; // Not a status a request could name; the requests are still read.
    const id = str(s.id)!;
    // What the requester sees: end_user_label in an agent's view, label in an end user's own view.
    statuses.set(id, {
      label: cleanText(str(s.end_user_label) ?? str(s.label)),
      category: str(s.status_category)?.toLowerCase() ?? null,
    });
  }
  return statuses;
}

function readApiRequest(
  item: unknown,
  index: number,
  url: URL,
  users: Map<string, string>,
  customStatuses: Map<string, CustomStatus>,
) {
  const where = `requests[${index}]`;
  if (!isRecord(item)) return problem(where, `Expected a request object, got ${typeof item}`);
  // IDs are positive integers (docs/portals.md §2): 0, "00123" or 1.5 are not ids.
  const caseId = typeof item.id === 'number' ? (Number.isSafeInteger(item.id) ? String(item.id) : null) : str(item.id);
  if (!caseId || !/^[1-9]\d*$/.test(caseId))
    return problem(where, 'Expected a positive integer id, got ' + JSON.stringify(item.id));
  const custom = customStatuses.get(str(item.custom_status_id) ?? '');
  const status = str(item.status)?.toLowerCase() ?? custom?.category ?? null;
  const priority = str(item.priority)?.toLowerCase() ?? null;
  const assignee = str(item.assignee_id);
  const snapshot: CaseSnapshot = {
    provider: PROVIDER,
    caseId,
    // JSON strings are raw text already: no entity decoding.
    title: cleanText(str(item.subject)) ?? cleanText(str(item.description), 50) ?? `Request #${caseId}`,
    vendorStatus: custom?.label ?? status,
    state: status ? (STATUS_SUFFIXES[status] ?? null) : null,
    severity: priority ? (PRIORITIES[priority] ?? null) : null,
    vendorSeverity: priority,
    createdAt: toUtcIso(item.created_at),
    updatedAt: toUtcIso(item.updated_at),
    url: safeCaseUrl(`/hc/requests/${caseId}`, url),
  };
  if (assignee && users.has(assignee)) snapshot.owner = users.get(assignee)!;
  return snapshot;
}

function detectApi(body: unknown): PageKind | null {
  if (!isRecord(body)) return null;
  if (Array.isArray(body.requests)) return 'list';
  if (isRecord(body.request) && 'id' in body.request) return 'detail';
  return null;
}

function extractApi(body: unknown, url: URL): Extraction {
  const kind = detectApi(body);
  if (!kind || !isRecord(body)) {
    throw new ProviderParseError(PROVIDER, url.href, 'unknown-shape', 'Expected {requests: [...]} or {request: {...}}');
  }
  const users = new Map<string, string>();
  if (Array.isArray(body.users)) {
    for (const u of body.users)
      if (isRecord(u) && str(u.id) && str(u.name)) users.set(str(u.id)!, cleanText(str(u.name))!);
  }
  const customStatuses = readCustomStatuses(body);
  const items = kind === 'list' ? (body.requests as unknown[]) : [body.request];
  return collectItems(kind, items, (item, i) => readApiRequest(item, i, url, users, customStatuses));
}

export const zendesk: ProviderAdapter = {
  id: PROVIDER,
  matches: ZENDESK.matches,
  page: {
    detect(doc, url) {
      if (DETAIL_PATH.test(url.pathname)) return 'detail';
      if (LIST_PATH.test(url.pathname)) return 'list';
      if (isSignInPage(doc, url)) return 'list';
      return null;
    },
    isReady(doc, url) {
      if (isSignInPage(doc, url)) return true;
      if (DETAIL_PATH.test(url.pathname)) return !!doc.querySelector(`${sel.detailTitle}, ${sel.detailFacts}`);
      return !!doc.querySelector(`${sel.listTable}, ${sel.empty}, ${sel.newListCell}`);
    },
    extract(doc, url) {
      if (isSignInPage(doc, url)) {
        throw new ProviderParseError(
          PROVIDER,
          url.href,
          'signed-out',
          'Expected the requests page, got the sign-in page',
        );
      }
      if (DETAIL_PATH.test(url.pathname)) return extractDetail(doc, url);
      if (!doc.querySelector(`${sel.listTable}, ${sel.empty}`) && doc.querySelector(sel.newListCell)) {
        // The newer list: its rendered rows, else the requests/search JSON its own script loads (api below).
        return extractNewList(doc, url);
      }
      return extractList(doc, url);
    },
  },
  api: {
    urlPatterns: ZENDESK.apiUrlPatterns,
    onPageOrigin: ZENDESK.apiOnPageOrigin,
    detect: (body) => detectApi(body),
    extract: extractApi,
  },
};
