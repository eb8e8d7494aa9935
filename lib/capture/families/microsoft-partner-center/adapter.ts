/**
 * Microsoft Partner Center service requests (partners managing Microsoft 365 customers): the
 * ServiceRequest JSON of api.partnercenter.microsoft.com. Facts: docs/portals.md §10.
 */
import type { CaseMessage, CaseSnapshot, CaseState, Severity } from '../../../core/model';
import { cleanBody, cleanLabel, cleanText, isRecord, lookup, preview, str } from '../../../core/text';
import { toUtcIso } from '../../../core/time';
import { collectItems, problem } from '../../common';
import { PARTNER_CENTER } from './family';
import { ProviderParseError, type PageKind, type ProviderAdapter } from '../../types';

const PROVIDER = 'microsoft-partner-center' as const;
// The dashboard's service-request page; a per-request deep link is not publicly documented.
const DASHBOARD = 'https://partner.microsoft.com/dashboard/support/servicerequests';

const STATES: Record<string, CaseState | null> = {
  none: null,
  open: 'open',
  closed: 'closed',
  attention_needed: 'waiting-on-customer',
};
// Only three levels exist; "high" is unused (docs/portals.md §10).
const SEVERITIES: Record<string, Severity | null> = {
  unknown: null,
  minimal: 'low',
  moderate: 'normal',
  critical: 'critical',
};

/** Partner Center dates are usually Z but older samples omit the zone: those are UTC. */
function readDate(value: unknown): string | null {
  const iso = toUtcIso(value, { assumeZoneless: 'utc' });
  // 0001-01-01T00:00:00 means "never".
  return iso && !iso.startsWith('0001-') ? iso : null;
}

function isServiceRequest(item: unknown): item is Record<string, unknown> {
  if (!isRecord(item)) return false;
  const type = isRecord(item.attributes) ? str(item.attributes.objectType) : null;
  return type === 'ServiceRequest' || (type === null && 'severity' in item && 'status' in item && 'id' in item);
}

/**
 * Notes carry only the author's display name. Ours (customer side) are the primary contact's or
 * carry our organization's name; anyone else is Microsoft. A heuristic: the API has no side field.
 */
function readNote(note: unknown, ourNames: string[]): CaseMessage | null {
  if (!isRecord(note)) return null;
  const at = readDate(note.createdDate);
  if (!at) return null;
  const author = cleanText(str(note.createdByName), 200);
  const lower = author?.toLowerCase() ?? '';
  const isOurs = !!author && ourNames.some((name) => lower === name || lower.includes(name));
  return { at, author, side: isOurs ? 'customer' : 'vendor', text: cleanBody(str(note.text)) };
}

function ourNames(item: Record<string, unknown>): string[] {
  const names: string[] = [];
  if (isRecord(item.organization) && str(item.organization.name))
    names.push(str(item.organization.name)!.toLowerCase());
  const contact = isRecord(item.primaryContact) ? item.primaryContact : null;
  const full = contact ? [str(contact.firstName), str(contact.lastName)].filter(Boolean).join(' ') : '';
  if (full) names.push(full.toLowerCase());
  return names;
}

function readRequest(item: unknown, where: string): CaseSnapshot | ReturnType<typeof problem> {
  if (!isServiceRequest(item)) return problem(where, 'Expected a ServiceRequest object');
  const caseId = str(item.id);
  if (!caseId || !/^\d{6,20}$/.test(caseId))
    return problem(where, `Expected a numeric id, got ${preview(item.id ?? null)}`);
  // Older samples carry numeric enums without a published table: unknown, not guessed.
  const status = typeof item.status === 'string' ? item.status : null;
  const severity = typeof item.severity === 'string' ? item.severity : null;
  const names = ourNames(item);
  const notes = Array.isArray(item.notes)
    ? item.notes.map((n) => readNote(n, names)).filter((m): m is CaseMessage => m !== null)
    : undefined;
  const snapshot: CaseSnapshot = {
    provider: PROVIDER,
    caseId,
    title: cleanText(str(item.title)) ?? `Service request ${caseId}`,
    vendorStatus: cleanLabel(status ?? item.status),
    state: status ? (lookup(STATES, status.toLowerCase()) ?? null) : null,
    severity: severity ? (lookup(SEVERITIES, severity.toLowerCase()) ?? null) : null,
    vendorSeverity: cleanLabel(severity ?? item.severity),
    createdAt: readDate(item.createdDate),
    updatedAt: readDate(item.lastModifiedDate),
    url: `${DASHBOARD}?id=${encodeURIComponent(caseId)}`,
  };
  if (notes) snapshot.messages = notes;
  return snapshot;
}

function detect(body: unknown): PageKind | null {
  if (!isRecord(body)) return null;
  if (Array.isArray(body.items)) return 'list';
  if (isServiceRequest(body)) return 'detail';
  return null;
}

export const partnerCenter: ProviderAdapter = {
  id: PROVIDER,
  matches: PARTNER_CENTER.matches,
  api: {
    urlPatterns: PARTNER_CENTER.apiUrlPatterns,
    detect: (body) => detect(body),
    extract(body, url) {
      const kind = detect(body);
      if (!kind || !isRecord(body)) {
        throw new ProviderParseError(
          PROVIDER,
          url.href,
          'unknown-shape',
          'Expected a collection {items: [...]} or one ServiceRequest',
        );
      }
      const items = kind === 'list' ? (body.items as unknown[]) : [body];
      return collectItems(kind, items, (item, i) => readRequest(item, kind === 'list' ? `items[${i}]` : 'request'));
    },
  },
};
