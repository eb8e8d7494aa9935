/**
 * AWS Support: DescribeCases / DescribeCommunications JSON as loaded by the support console.
 * Facts: docs/portals.md §8. The console DOM is not a stable source; its JSON is.
 */
import type { CaseMessage, CaseSnapshot, CaseState, MessageUpdate, Severity } from '../../../core/model';
import {
  cleanBody,
  cleanId,
  cleanLabel,
  cleanText,
  isRecord,
  lookup,
  preview,
  str,
  TEXT_LIMITS,
} from '../../../core/text';
import { toUtcIso } from '../../../core/time';
import { collectItems, problem } from '../../common';
import { AWS } from './family';
import { ProviderParseError, type Extraction, type PageKind, type ProviderAdapter } from '../../types';

const PROVIDER = 'aws' as const;
const CONSOLE = 'https://support.console.aws.amazon.com';

const STATES: Record<string, CaseState> = {
  unassigned: 'new',
  opened: 'open',
  'work-in-progress': 'open',
  reopened: 'open',
  'pending-customer-action': 'waiting-on-customer',
  resolved: 'resolved',
};
const SEVERITIES: Record<string, Severity> = {
  low: 'low',
  normal: 'normal',
  high: 'high',
  urgent: 'critical',
  critical: 'critical',
};
// AWS's own replies are signed this way; everything else is the customer's side.
const AWS_AUTHOR = /^amazon web services$/i;
// case-{account}-{code}-…: an account id has 12 digits, but AWS's own API reference and CLI examples
// show 11 (case-12345678910-2013-c4c1d2bf33c5cf47), so a shorter one is believed too.
const LONG_CASE_ID = /^case-\d{10,12}-[a-z0-9-]+$/i;

function caseLink(displayId: string): string {
  return `${CONSOLE}/support/home#/case/?displayId=${encodeURIComponent(displayId)}&language=en`;
}

function readCommunication(item: unknown): CaseMessage | null {
  if (!isRecord(item)) return null;
  const at = toUtcIso(item.timeCreated);
  if (!at) return null;
  const author = cleanText(str(item.submittedBy), 200);
  return {
    at,
    author,
    side: author && AWS_AUTHOR.test(author) ? 'vendor' : 'customer',
    text: cleanBody(str(item.body)),
  };
}

function readCase(item: unknown, where: string): CaseSnapshot | ReturnType<typeof problem> {
  if (!isRecord(item)) return problem(where, `Expected a CaseDetails object, got ${typeof item}`);
  const longId = cleanId(item.caseId, TEXT_LIMITS.ref);
  // displayId is the number the console shows; the long case-… id is only a fallback.
  const shown = str(item.displayId) ?? str(item.caseId);
  if (!shown) return problem(where, 'Expected displayId or caseId, found neither');
  const caseId = str(item.displayId) !== null ? cleanId(item.displayId) : cleanId(longId);
  if (!caseId)
    return problem(
      where,
      `Expected a displayId or caseId of at most ${TEXT_LIMITS.id} characters, got ${preview(shown)}`,
    );
  const status = str(item.status);
  const severity = str(item.severityCode);
  const recent = isRecord(item.recentCommunications) ? item.recentCommunications.communications : undefined;
  const messages = Array.isArray(recent)
    ? recent.map(readCommunication).filter((m): m is CaseMessage => m !== null)
    : undefined;
  // No "last updated" field exists: the latest communication is the best proxy.
  const latest = messages?.reduce<string | null>((acc, m) => (!acc || m.at > acc ? m.at : acc), null) ?? null;
  const snapshot: CaseSnapshot = {
    provider: PROVIDER,
    caseId,
    title: cleanText(str(item.subject)) ?? `AWS case ${caseId}`,
    vendorStatus: cleanLabel(status),
    state: status ? (lookup(STATES, status.toLowerCase()) ?? null) : null,
    severity: severity ? (lookup(SEVERITIES, severity.toLowerCase()) ?? null) : null,
    vendorSeverity: cleanLabel(severity),
    createdAt: toUtcIso(item.timeCreated),
    updatedAt: latest,
    url: caseLink(caseId),
    vendorRef: longId,
  };
  if (messages) snapshot.messages = messages;
  return snapshot;
}

type Shape = 'cases' | 'communications';
function shapeOf(body: unknown): Shape | null {
  if (!isRecord(body)) return null;
  if (Array.isArray(body.cases)) return 'cases';
  if (Array.isArray(body.communications)) return 'communications';
  return null;
}

function extractCommunications(items: unknown[], result: Extraction): void {
  const byRef = new Map<string, CaseMessage[]>();
  items.forEach((item, i) => {
    const ref = isRecord(item) ? cleanId(item.caseId, TEXT_LIMITS.ref) : null;
    const message = readCommunication(item);
    if (!ref || !LONG_CASE_ID.test(ref))
      return void result.problems.push(problem(`communications[${i}]`, 'Expected a case-… caseId'));
    if (!message)
      return void result.problems.push(problem(`communications[${i}]`, 'Expected timeCreated as an ISO timestamp'));
    byRef.set(ref, [...(byRef.get(ref) ?? []), message]);
  });
  result.messageUpdates = [...byRef].map(([vendorRef, messages]): MessageUpdate => ({ vendorRef, messages }));
}

export const aws: ProviderAdapter = {
  id: PROVIDER,
  matches: AWS.matches,
  api: {
    urlPatterns: AWS.apiUrlPatterns,
    urlsAreExclusive: false,
    detect(body): PageKind | null {
      const shape = shapeOf(body);
      // A DescribeCases for one case (caseIdList/displayId) is what the case page loads.
      if (shape === 'cases') return (body as { cases: unknown[] }).cases.length === 1 ? 'detail' : 'list';
      return shape ? 'detail' : null;
    },
    extract(body, url) {
      const shape = shapeOf(body);
      if (!shape || !isRecord(body)) {
        throw new ProviderParseError(
          PROVIDER,
          url.href,
          'unknown-shape',
          'Expected a DescribeCases {cases: [...]} or DescribeCommunications {communications: [...]} body',
        );
      }
      const result: Extraction = { kind: 'list', cases: [], problems: [] };
      if (shape === 'communications') {
        result.kind = 'detail';
        extractCommunications(body.communications as unknown[], result);
        return result;
      }
      const items = body.cases as unknown[];
      return collectItems(items.length === 1 ? 'detail' : 'list', items, (item, i) => readCase(item, `cases[${i}]`));
    },
  },
};
