/**
 * Azure support tickets: the Microsoft.Support ARM JSON that the Azure portal's own front end loads
 * from management.azure.com. Facts: shared/PORTALS.md §2. The portal DOM is not a stable source.
 */
import type { CaseSnapshot, CaseState, Severity } from '../model';
import { cleanText, isRecord, str } from '../text';
import { toUtcIso } from '../time';
import { problem, uniqueByCaseId } from './common';
import { AZURE } from './families';
import { ProviderParseError, type Extraction, type PageKind, type ProviderAdapter } from './types';

const PROVIDER = 'azure' as const;
const TICKET_TYPE = 'microsoft.support/supporttickets';


const STATES: Record<string, CaseState> = { open: 'open', updating: 'open', closed: 'closed' };
// Order-preserving mapping (PORTALS.md §2): `critical` (Sev A) is "high" because a fourth, higher level exists.
const SEVERITIES: Record<string, Severity> = {
  minimal: 'low',
  moderate: 'normal',
  critical: 'high',
  highestcriticalimpact: 'critical',
};

const PORTAL_ORIGIN = 'https://portal.azure.com';

/** The generic ARM resource deep link of the portal; falls back to the support blade's request list. */
function portalLink(armId: string | null): string {
  if (armId && /^\/(?:subscriptions\/[^/]+\/)?providers\/Microsoft\.Support\/supportTickets\/[^/]+$/i.test(armId)) {
    return `${PORTAL_ORIGIN}/#resource${armId.split('/').map(encodeURIComponent).join('/')}`;
  }
  return `${PORTAL_ORIGIN}/#blade/Microsoft_Azure_Support/HelpAndSupportBlade/managesupportrequest`;
}

function isTicket(item: unknown): item is Record<string, unknown> & { properties: Record<string, unknown> } {
  return isRecord(item) && isRecord(item.properties) && str(item.type)?.toLowerCase() === TICKET_TYPE;
}

function readTicket(item: unknown, where: string): CaseSnapshot | ReturnType<typeof problem> {
  if (!isTicket(item)) return problem(where, 'Expected a Microsoft.Support/supportTickets resource with properties');
  const p = item.properties;
  // supportTicketId is the number users see; `name` is only the ARM resource name.
  const caseId = str(p.supportTicketId);
  if (!caseId || !/^\d{6,20}$/.test(caseId)) {
    return problem(where, `Expected a numeric supportTicketId, got ${JSON.stringify(p.supportTicketId ?? null)}`);
  }
  const status = str(p.status);
  const severity = str(p.severity);
  const engineer = isRecord(p.supportEngineer) ? str(p.supportEngineer.emailAddress) : null;
  const snapshot: CaseSnapshot = {
    provider: PROVIDER,
    caseId,
    title: cleanText(str(p.title)) ?? `Support request ${caseId}`,
    vendorStatus: status,
    state: status ? (STATES[status.toLowerCase()] ?? null) : null,
    severity: severity ? (SEVERITIES[severity.toLowerCase()] ?? null) : null,
    vendorSeverity: severity,
    createdAt: toUtcIso(p.createdDate),
    updatedAt: toUtcIso(p.modifiedDate),
    url: portalLink(str(item.id)),
  };
  if (engineer) snapshot.owner = cleanText(engineer);
  return snapshot;
}

function detect(body: unknown): PageKind | null {
  if (!isRecord(body)) return null;
  if (Array.isArray(body.value)) return 'list';
  if (isTicket(body)) return 'detail';
  return null;
}

export const azure: ProviderAdapter = {
  id: PROVIDER,
  matches: AZURE.matches,
  api: {
    urlPatterns: AZURE.apiUrlPatterns,
    detect: (body) => detect(body),
    extract(body, url) {
      const kind = detect(body);
      if (!kind || !isRecord(body)) {
        throw new ProviderParseError(PROVIDER, url.href, 'unknown-shape',
          'Expected {value: [supportTickets]} or one supportTickets resource');
      }
      const items = kind === 'list' ? (body.value as unknown[]) : [body];
      const result: Extraction = { kind, cases: [], problems: [] };
      items.forEach((item, i) => {
        const read = readTicket(item, kind === 'list' ? `value[${i}]` : 'ticket');
        if ('provider' in read) result.cases.push(read);
        else result.problems.push(read);
      });
      result.cases = uniqueByCaseId(result.cases);
      return result;
    },
  },
};
