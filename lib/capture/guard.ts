/**
 * The last word on what any adapter returns, whatever the portal sent: every value fits what the
 * store accepts (lib/core/schema.ts), so one odd field can never get a whole page's snapshot rejected.
 * Ids and links are never clipped (a clipped id names another case): an item whose id or link does not
 * fit becomes a problem. Labels and text are clipped; unknown vocabulary becomes null.
 */
import { CASE_STATES, SEVERITIES, type CaseMessage, type CaseSnapshot, type MessageUpdate } from '../core/model';
import { cleanBody, cleanText, MAX_URL_LENGTH, TEXT_LIMITS } from '../core/text';
import { toUtcIso } from '../core/time';
import type { Extraction, ExtractProblem, ProviderAdapter } from './types';

const MAX_ITEMS = 5000;
const MAX_MESSAGES = 2000;
const MAX_UPDATES = 500;

const isText = (v: unknown): v is string => typeof v === 'string';
const label = (v: unknown, max: number = TEXT_LIMITS.label) => (isText(v) ? cleanText(v, max) : null);
const instant = (v: unknown) => (isText(v) && toUtcIso(v) === v ? v : null);
const fitsId = (v: unknown, max: number = TEXT_LIMITS.id): v is string => isText(v) && v.length > 0 && v.length <= max;
const httpUrl = (v: unknown): v is string =>
  isText(v) && v.length <= MAX_URL_LENGTH && /^https?:\/\//i.test(v) && URL.canParse(v);

function guardMessage(m: CaseMessage): CaseMessage | null {
  const at = instant(m?.at);
  if (!at || (m.side !== 'vendor' && m.side !== 'customer')) return null;
  return { at, author: label(m.author), side: m.side, text: isText(m.text) ? cleanBody(m.text) : null };
}

const guardMessages = (messages: unknown): CaseMessage[] =>
  (Array.isArray(messages) ? messages : [])
    .map(guardMessage)
    .filter((m): m is CaseMessage => m !== null)
    .slice(0, MAX_MESSAGES);

function guardProblem(p: ExtractProblem): ExtractProblem {
  const out: ExtractProblem = { where: label(p.where) ?? 'item', reason: label(p.reason, 500) ?? 'unreadable' };
  if (fitsId(p.caseId)) out.caseId = p.caseId;
  return out;
}

function guardCase(c: CaseSnapshot, where: string): CaseSnapshot | ExtractProblem {
  if (!fitsId(c.caseId)) return { where, reason: `Expected a case id of 1–${TEXT_LIMITS.id} characters` };
  if (!httpUrl(c.url))
    return { where, reason: `Expected an http(s) case link of at most ${MAX_URL_LENGTH} characters`, caseId: c.caseId };
  const out: CaseSnapshot = {
    provider: c.provider,
    caseId: c.caseId,
    title: label(c.title, 500) ?? `Case ${c.caseId}`,
    vendorStatus: label(c.vendorStatus),
    state: (CASE_STATES as readonly unknown[]).includes(c.state) ? c.state : null,
    severity: (SEVERITIES as readonly unknown[]).includes(c.severity) ? c.severity : null,
    vendorSeverity: label(c.vendorSeverity),
    createdAt: instant(c.createdAt),
    updatedAt: instant(c.updatedAt),
    url: c.url,
  };
  if (c.owner !== undefined) out.owner = label(c.owner);
  if (c.messages !== undefined) out.messages = guardMessages(c.messages);
  if (c.vendorRef !== undefined) out.vendorRef = fitsId(c.vendorRef, TEXT_LIMITS.ref) ? c.vendorRef : null;
  if (c.sla !== undefined) {
    const minutes = c.sla?.minutes;
    out.sla = c.sla
      ? {
          startAt: instant(c.sla.startAt),
          expiresAt: instant(c.sla.expiresAt),
          minutes: Number.isInteger(minutes) && minutes! >= 0 && minutes! <= 1e7 ? minutes! : null,
        }
      : null;
  }
  if (c.vendorName !== undefined) out.vendorName = label(c.vendorName, 120);
  if (c.contactChannel !== undefined) out.contactChannel = label(c.contactChannel, 60);
  return out;
}

function guardUpdate(u: MessageUpdate): MessageUpdate | null {
  const out: MessageUpdate = { messages: guardMessages(u.messages) };
  if (fitsId(u.caseId)) out.caseId = u.caseId;
  if (fitsId(u.vendorRef, TEXT_LIMITS.ref)) out.vendorRef = u.vendorRef;
  return out.caseId || out.vendorRef ? out : null;
}

export function guardExtraction(x: Extraction): Extraction {
  const problems = x.problems.map(guardProblem);
  const cases: CaseSnapshot[] = [];
  x.cases.forEach((c, i) => {
    if (cases.length >= MAX_ITEMS)
      return void problems.push({ where: `case ${i + 1}`, reason: `More than ${MAX_ITEMS} cases in one read` });
    const guarded = guardCase(c, `case ${i + 1}`);
    if ('provider' in guarded) cases.push(guarded);
    else problems.push(guarded);
  });
  const out: Extraction = { kind: x.kind, cases, problems: problems.slice(0, MAX_ITEMS) };
  if (x.deferredToApi) out.deferredToApi = true;
  if (x.messageUpdates)
    out.messageUpdates = x.messageUpdates
      .map(guardUpdate)
      .filter((u): u is MessageUpdate => u !== null)
      .slice(0, MAX_UPDATES);
  return out;
}

/** The adapter with every extraction guarded (used by the registry and by every content script). */
export function guarded(adapter: ProviderAdapter): ProviderAdapter {
  return {
    ...adapter,
    page: adapter.page && { ...adapter.page, extract: (doc, url) => guardExtraction(adapter.page!.extract(doc, url)) },
    api: adapter.api && { ...adapter.api, extract: (body, url) => guardExtraction(adapter.api!.extract(body, url)) },
  };
}
