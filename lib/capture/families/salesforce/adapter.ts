/**
 * Salesforce Experience Cloud support sites: the Case object through the REST query (SOQL) endpoint.
 * Facts: docs/portals.md §6. Sites run on *.my.site.com, older *.force.com and custom domains, so pages
 * are recognised by route and page signature. The Lightning DOM is not established: pages defer to the JSON.
 */
import type { CaseSnapshot, CaseState, Severity } from '../../../core/model';
import { cleanText, isRecord, str } from '../../../core/text';
import { toUtcIso } from '../../../core/time';
import { collectItems, foldLabel, problem } from '../../common';
import { SALESFORCE } from './family';
import { ProviderParseError, type ExtractProblem, type ProviderAdapter } from '../../types';

const PROVIDER = 'salesforce' as const;

// Case record ids: key prefix 500, 15 (case-sensitive) or 18 (case-safe) characters.
const CASE_ID = '500[0-9A-Za-z]{12}(?:[0-9A-Za-z]{3})?';
const CASE_RECORD_ID = new RegExp(`^${CASE_ID}$`);

// Default org statuses, the documented extras (On Hold, In Process) and common custom labels (§9).
const STATUSES: Record<string, CaseState> = {
  new: 'new',
  working: 'open',
  escalated: 'open',
  'in process': 'open',
  'in progress': 'open',
  'on hold': 'on-hold',
  'waiting on customer': 'waiting-on-customer',
  'awaiting customer response': 'waiting-on-customer',
  resolved: 'resolved',
  closed: 'closed',
};
// Default High / Medium / Low; Critical and Urgent are common custom values.
const PRIORITIES: Record<string, Severity> = {
  critical: 'critical',
  urgent: 'critical',
  high: 'high',
  medium: 'normal',
  low: 'low',
};

function readState(status: string | null, isClosed: unknown): CaseState | null {
  const known = status ? STATUSES[foldLabel(status)] : undefined;
  if (known) return known;
  // The picklist is org-defined; its CaseStatus.IsClosed flag still says which side a label is on.
  if (isClosed === true) return 'closed';
  if (isClosed === false) return 'open';
  return null;
}

/**
 * The site's URL prefix (e.g. "/support"): an Experience Cloud site proxies the REST API under its own
 * prefix (https://acme.my.site.com/support/services/data/…), and its case pages live under the same one.
 */
function sitePrefix(url: URL): string {
  const at = url.pathname.indexOf('/services/data/');
  return at > 0 ? url.pathname.slice(0, at).replace(/\/+$/, '') : '';
}

function readRecord(item: unknown, where: string, url: URL): CaseSnapshot | ExtractProblem {
  if (!isRecord(item))
    return problem(where, `Expected a record object, got ${Array.isArray(item) ? 'an array' : typeof item}`);
  const type = isRecord(item.attributes) ? str(item.attributes.type) : null;
  const caseNumber = str(item.CaseNumber);
  if (type !== 'Case')
    return problem(where, `Expected a Case record, got ${JSON.stringify(type)}`, caseNumber ?? undefined);
  if (!caseNumber) return problem(where, 'Expected a CaseNumber, found none');
  const id = str(item.Id);
  if (!id || !CASE_RECORD_ID.test(id))
    return problem(where, `Expected a Case Id (500…), got ${JSON.stringify(id)}`, caseNumber);
  const status = str(item.Status);
  const priority = str(item.Priority);
  // Owner is a User or a Queue; both have a Name. A bare OwnerId (no relationship) names nobody.
  const owner = isRecord(item.Owner) ? cleanText(str(item.Owner.Name), 200) : null;
  const snapshot: CaseSnapshot = {
    provider: PROVIDER,
    caseId: caseNumber,
    // JSON strings are raw text already: no entity decoding.
    title: cleanText(str(item.Subject)) ?? `Case ${caseNumber}`,
    vendorStatus: status,
    state: readState(status, item.IsClosed),
    severity: priority ? (PRIORITIES[foldLabel(priority)] ?? null) : null,
    vendorSeverity: priority,
    // 2024-01-15T10:20:30.000+0000 (offset without a colon).
    createdAt: toUtcIso(item.CreatedDate),
    updatedAt: toUtcIso(item.LastModifiedDate),
    url: `${url.origin}${sitePrefix(url)}/s/case/${id}`,
    vendorRef: id,
  };
  if (owner) snapshot.owner = owner;
  return snapshot;
}

function isQueryResult(body: unknown): body is Record<string, unknown> & { records: unknown[] } {
  return isRecord(body) && Array.isArray(body.records) && ('totalSize' in body || 'done' in body);
}

function rejectBody(body: unknown, url: URL): never {
  // REST errors are an array of {message, errorCode}; an expired session is INVALID_SESSION_ID (HTTP 401).
  const codes = Array.isArray(body) ? body.map((e) => (isRecord(e) ? str(e.errorCode) : null)) : [];
  if (codes.includes('INVALID_SESSION_ID')) {
    throw new ProviderParseError(PROVIDER, url.href, 'signed-out', 'Expected query records, got INVALID_SESSION_ID');
  }
  throw new ProviderParseError(
    PROVIDER,
    url.href,
    'unknown-shape',
    `Expected a query result {totalSize, done, records: [...]}, got ${codes.some(Boolean) ? 'an error list' : 'another shape'}`,
  );
}

// ---- Site pages (DOM) ----

// {prefix}/s/case/Case/Default or a list view {prefix}/s/case/Case/00B…; the prefix is one path segment.
const LIST_PATH = /^(?:\/[^/]+)?\/s\/case\/Case\/(?:Default|00B[0-9A-Za-z]{12}(?:[0-9A-Za-z]{3})?)\/?$/;
// {prefix}/s/case/{500… Id}[/{slug}] (the slug is the CaseNumber, the subject or "detail").
const DETAIL_PATH = new RegExp(`^(?:/[^/]+)?/s/case/${CASE_ID}(?:/[^/]*)?/?$`);
const LOGIN_PATH = /^(?:\/[^/]+)?\/s\/login\/?$/;

const sel = {
  // Experience Cloud pages load their framework and styles from {prefix}/s/sfsites/… (Aura and LWR);
  // Aura stamps what it renders with data-aura-rendered-by.
  site: 'script[src*="/sfsites/"], link[href*="/sfsites/"], [data-aura-rendered-by]',
} as const;

function pageKind(doc: Document, url: URL): 'list' | 'detail' | 'login' | null {
  const path = url.pathname;
  const kind = LOGIN_PATH.test(path)
    ? 'login'
    : DETAIL_PATH.test(path)
      ? 'detail'
      : LIST_PATH.test(path)
        ? 'list'
        : null;
  return kind && doc.querySelector(sel.site) ? kind : null;
}

export const salesforce: ProviderAdapter = {
  id: PROVIDER,
  matches: SALESFORCE.matches,
  page: {
    detect(doc, url) {
      const kind = pageKind(doc, url);
      return kind === 'login' ? 'list' : kind;
    },
    extract(doc, url) {
      const kind = pageKind(doc, url);
      if (kind === 'login') {
        throw new ProviderParseError(PROVIDER, url.href, 'signed-out', 'Expected a case page, got the site login page');
      }
      if (!kind) {
        throw new ProviderParseError(
          PROVIDER,
          url.href,
          'layout-changed',
          'Expected an Experience Cloud case page (/s/case/…) loading /sfsites/ resources',
        );
      }
      // Lightning markup is not established: the cases come from the query JSON the site loads.
      return { kind, cases: [], problems: [], deferredToApi: true };
    },
  },
  api: {
    urlPatterns: SALESFORCE.apiUrlPatterns,
    onPageOrigin: SALESFORCE.apiOnPageOrigin,
    detect: (body) => (isQueryResult(body) ? 'list' : null),
    extract(body, url) {
      if (!isQueryResult(body)) return rejectBody(body, url);
      return collectItems('list', body.records, (item, i) => readRecord(item, `records[${i}]`, url));
    },
  },
};
