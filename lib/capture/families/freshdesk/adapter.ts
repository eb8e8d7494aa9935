/**
 * Freshdesk: API v2 tickets JSON and the customer portal (/support/tickets).
 * Facts: docs/portals.md §3. The portal's row markup and status CSS hooks are not public, so the
 * page reader relies on structure only (ticket links, a "Status" table header, label/value pairs)
 * and on exact English status labels, never on class names. Prefer the API JSON where it is seen.
 */
import type { CaseSla, CaseSnapshot, CaseState, Severity } from '../../../core/model';
import { cleanText, isRecord, safeCaseUrl, str, textOf } from '../../../core/text';
import { toUtcIso } from '../../../core/time';
import { collectItems, foldLabel, problem } from '../../common';
import { FRESHDESK } from './family';
import { extractDetailByLabels, leafElements } from '../../structural';
import {
  ProviderParseError,
  type ExtractProblem,
  type Extraction,
  type PageKind,
  type ProviderAdapter,
} from '../../types';

const PROVIDER = 'freshdesk' as const;

// ---- API v2 (JSON) ----

// Codes 2–5 are Freshdesk's own; 6 and up are account-defined (their names live in /api/v2/ticket_fields).
const STATUSES: Record<number, { label: string; state: CaseState }> = {
  2: { label: 'Open', state: 'open' },
  3: { label: 'Pending', state: 'waiting-on-customer' },
  4: { label: 'Resolved', state: 'resolved' },
  5: { label: 'Closed', state: 'closed' },
};
const PRIORITIES: Record<number, { label: string; severity: Severity }> = {
  1: { label: 'Low', severity: 'low' },
  2: { label: 'Medium', severity: 'normal' },
  3: { label: 'High', severity: 'high' },
  4: { label: 'Urgent', severity: 'critical' },
};

function isTicketLike(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && typeof value.id === 'number' && typeof value.status === 'number';
}

/** The resolution due time as the SLA expiry; first-response due (fr_due_by) is a different clock. */
function readSla(ticket: Record<string, unknown>): CaseSla | null {
  const expiresAt = toUtcIso(ticket.due_by);
  return expiresAt ? { startAt: null, expiresAt, minutes: null } : null;
}

function readTicket(item: unknown, where: string, url: URL): CaseSnapshot | ExtractProblem {
  if (!isRecord(item)) return problem(where, `Expected a ticket object, got ${item === null ? 'null' : typeof item}`);
  const { id, status, priority } = item;
  // Ticket ids are positive integers serialised as JSON numbers.
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) {
    return problem(where, `Expected a positive integer id, got ${JSON.stringify(id ?? null)}`);
  }
  const caseId = String(id);
  if (typeof status !== 'number' || !Number.isInteger(status)) {
    return problem(where, `Expected an integer status, got ${JSON.stringify(status ?? null)}`, caseId);
  }
  const known = STATUSES[status];
  const level = typeof priority === 'number' ? PRIORITIES[priority] : undefined;
  const snapshot: CaseSnapshot = {
    provider: PROVIDER,
    caseId,
    // JSON strings are raw text already: no entity decoding.
    title: cleanText(str(item.subject)) ?? cleanText(str(item.description_text), 50) ?? `Ticket #${caseId}`,
    vendorStatus: known?.label ?? (status >= 6 ? `Custom status ${status}` : `Status ${status}`),
    state: known?.state ?? null,
    severity: level?.severity ?? null,
    vendorSeverity: level?.label ?? (typeof priority === 'number' ? `Priority ${priority}` : null),
    createdAt: toUtcIso(item.created_at),
    updatedAt: toUtcIso(item.updated_at),
    // The portal serves tickets on the API's own origin (custom domains included).
    url: `${url.origin}/support/tickets/${caseId}`,
  };
  const sla = readSla(item);
  if (sla) snapshot.sla = sla;
  return snapshot;
}

type Shape = 'tickets' | 'search' | 'ticket';
function shapeOf(body: unknown): Shape | null {
  // GET /api/v2/tickets answers a bare array; [] is a valid empty list.
  if (Array.isArray(body)) return body.length === 0 || body.some(isTicketLike) ? 'tickets' : null;
  if (!isRecord(body)) return null;
  if (Array.isArray(body.results) && typeof body.total === 'number') return 'search';
  return isTicketLike(body) ? 'ticket' : null;
}

function extractApi(body: unknown, url: URL): Extraction {
  const shape = shapeOf(body);
  if (!shape) {
    throw new ProviderParseError(
      PROVIDER,
      url.href,
      'unknown-shape',
      'Expected a ticket array, {results: [...], total} or one ticket with numeric id and status',
    );
  }
  if (shape === 'ticket') return collectItems('detail', [body], (item) => readTicket(item, 'ticket', url));
  const [items, name] =
    shape === 'search' ? [(body as { results: unknown[] }).results, 'results'] : [body as unknown[], 'tickets'];
  return collectItems('list', items, (item, i) => readTicket(item, `${name}[${i}]`, url));
}

// ---- Customer portal (DOM) ----

// Multilingual portals put the language first: /en/support/tickets, /pt-BR/support/tickets/12.
const LOCALE = String.raw`(?:\/[a-z]{2,3}(?:-[a-z0-9]{2,4})?)?`;
const LIST_PATH = new RegExp(String.raw`^${LOCALE}\/support\/tickets\/?$`, 'i');
const DETAIL_PATH = new RegExp(String.raw`^${LOCALE}\/support\/tickets\/(\d+)\/?$`, 'i');
const SIGNIN_PATH = new RegExp(String.raw`^${LOCALE}\/support\/login\/?$`, 'i');

const sel = {
  // New portal templates wrap the list in div#ticket-list ({% snippet ticket_list %}); other themes: the main content.
  listRoot: ['#ticket-list', 'main', '[role="main"]'],
  detailRoot: ['main', '[role="main"]'],
  loginForm: 'form input[type="password"]',
} as const;

/**
 * Exact English status labels a portal may print, folded: Freshdesk's agent names, its default
 * customer-facing names ("Being Processed", "Awaiting your Reply", "This ticket has been …") and the
 * sample custom statuses new accounts ship with. Heuristic: the portal's status markup is not public,
 * so any other text (a renamed or translated status) keeps its label with state null.
 */
const PORTAL_LABELS: Record<string, CaseState> = {
  open: 'open',
  'being processed': 'open',
  pending: 'waiting-on-customer',
  'awaiting your reply': 'waiting-on-customer',
  'waiting on customer': 'waiting-on-customer',
  'waiting on third party': 'on-hold',
  resolved: 'resolved',
  'this ticket has been resolved': 'resolved',
  closed: 'closed',
  'this ticket has been closed': 'closed',
};
// English empty-state wording (heuristic, not established): "No tickets found", "You have not raised any tickets".
const EMPTY_TEXT = /\bno tickets\b|you (?:have not|haven['’]t) (?:raised|submitted|created) any tickets/i;

function firstOf(doc: Document, selectors: readonly string[]): Element {
  for (const s of selectors) {
    const el = doc.querySelector(s);
    if (el) return el;
  }
  return doc.body ?? doc.documentElement;
}

// ---- Freshdesk portal list ----

function isSignedOut(doc: Document, url: URL): boolean {
  return SIGNIN_PATH.test(url.pathname) || !!doc.querySelector(sel.loginForm);
}

function ticketIdOf(link: Element, base: URL): string | null {
  const href = link.getAttribute('href');
  if (!href || href.startsWith('#')) return null;
  try {
    const u = new URL(href, base);
    return u.origin === base.origin ? (DETAIL_PATH.exec(u.pathname)?.[1] ?? null) : null;
  } catch {
    return null; // Malformed href: not a ticket link.
  }
}

/** Ticket links under the root, grouped by id in page order (a row may link its subject and its "#id"). */
function ticketLinks(root: Element, base: URL): Map<string, Element[]> {
  const byId = new Map<string, Element[]>();
  for (const a of Array.from(root.querySelectorAll('a[href]'))) {
    const id = ticketIdOf(a, base);
    if (id) byId.set(id, [...(byId.get(id) ?? []), a]);
  }
  return byId;
}

/** The largest ancestor of the link that holds no other ticket's link, never wider than a table row. */
function rowOf(link: Element, id: string, root: Element, base: URL): Element {
  let row = link;
  while (!row.matches('tr, [role="row"]') && row.parentElement && row.parentElement !== root) {
    const parent = row.parentElement;
    const other = Array.from(parent.querySelectorAll('a[href]')).some((a) => {
      const otherId = ticketIdOf(a, base);
      return otherId !== null && otherId !== id;
    });
    if (other) break;
    row = parent;
  }
  return row;
}

/** In a table row: the text of the cell under the "Status" header. */
function statusCellText(row: Element): string | null {
  const table = row.closest('table');
  if (!row.matches('tr') || !table) return null;
  const headers = Array.from(table.querySelectorAll('thead th, thead td'));
  const index = headers.findIndex((th) => foldLabel(th.textContent) === 'status');
  return index >= 0 ? textOf(row.children[index]) : null;
}

/** A leaf element whose whole text is a known status label (heuristic, see PORTAL_LABELS). */
function knownLabelIn(scope: Element): string | null {
  const el = leafElements(scope).find((e) => !e.closest('a[href]') && foldLabel(e.textContent) in PORTAL_LABELS);
  return textOf(el);
}

function readListItem(id: string, links: Element[], root: Element, url: URL): CaseSnapshot {
  const row = rowOf(links[0]!, id, root, url);
  // The subject link, not the "#1234" one; else a title attribute.
  const title =
    links.map((a) => textOf(a)).find((t) => t && !/^#?\d+$/.test(t)) ?? cleanText(links[0]!.getAttribute('title'));
  const label = statusCellText(row) ?? knownLabelIn(row);
  return {
    provider: PROVIDER,
    caseId: id,
    title: title ?? `Ticket #${id}`,
    vendorStatus: label,
    state: label ? (PORTAL_LABELS[foldLabel(label)] ?? null) : null,
    severity: null,
    vendorSeverity: null,
    // Row dates are human text ("2 days ago"); no machine attribute is established, so none are read.
    createdAt: null,
    updatedAt: null,
    url: safeCaseUrl(links[0]!.getAttribute('href'), url),
  };
}

/** A row without a readable status is kept (its id and title are real) and also reported. */
function reportMissingStatus(result: Extraction): Extraction {
  for (const c of result.cases) {
    if (!c.vendorStatus)
      result.problems.push(
        problem(`ticket ${c.caseId}`, 'Expected a Status column or a known status label, found neither', c.caseId),
      );
  }
  return result;
}

function extractList(doc: Document, url: URL): Extraction {
  const root = firstOf(doc, sel.listRoot);
  const groups = [...ticketLinks(root, url)];
  if (groups.length === 0) {
    if (leafElements(root).some((el) => EMPTY_TEXT.test(el.textContent ?? '')))
      return { kind: 'list', cases: [], problems: [] };
    throw new ProviderParseError(
      PROVIDER,
      url.href,
      'layout-changed',
      'Expected links to /support/tickets/{id} or a "no tickets" message in the ticket list, found neither',
    );
  }
  return reportMissingStatus(collectItems('list', groups, ([id, links]) => readListItem(id, links, root, url)));
}

export const freshdesk: ProviderAdapter = {
  id: PROVIDER,
  matches: FRESHDESK.matches,
  page: {
    detect(_doc, url): PageKind | null {
      if (DETAIL_PATH.test(url.pathname)) return 'detail';
      // A signed-out visit to the ticket list lands on the sign-in page.
      return LIST_PATH.test(url.pathname) || SIGNIN_PATH.test(url.pathname) ? 'list' : null;
    },
    extract(doc, url) {
      if (isSignedOut(doc, url)) {
        throw new ProviderParseError(
          PROVIDER,
          url.href,
          'signed-out',
          'Expected the ticket pages, got the sign-in page',
        );
      }
      const id = DETAIL_PATH.exec(url.pathname)?.[1];
      return id
        ? extractDetailByLabels(
            PROVIDER,
            firstOf(doc, sel.detailRoot),
            url,
            id,
            'h1, h2',
            (label) => PORTAL_LABELS[foldLabel(label)] ?? null,
          )
        : extractList(doc, url);
    },
  },
  api: {
    urlPatterns: FRESHDESK.apiUrlPatterns,
    onPageOrigin: FRESHDESK.apiOnPageOrigin,
    detect(body): PageKind | null {
      const shape = shapeOf(body);
      return shape ? (shape === 'ticket' ? 'detail' : 'list') : null;
    },
    extract: extractApi,
  },
};
