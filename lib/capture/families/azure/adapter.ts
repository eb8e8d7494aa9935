/**
 * Azure support tickets: the Microsoft.Support ARM JSON that the Azure portal's own front end loads
 * from management.azure.com. Facts: docs/portals.md §7. The portal DOM is not a stable source.
 */
import type { CaseMessage, CaseSla, CaseSnapshot, CaseState, Severity } from '../../../core/model';
import {
  cleanBody,
  cleanId,
  cleanLabel,
  cleanText,
  decodePathSegment,
  fitUrl,
  isRecord,
  lookup,
  preview,
  str,
  TEXT_LIMITS,
} from '../../../core/text';
import { toUtcIso } from '../../../core/time';
import { collectItems, problem } from '../../common';
import { AZURE } from './family';
import { ProviderParseError, type Extraction, type PageKind, type ProviderAdapter } from '../../types';

const PROVIDER = 'azure' as const;
const TICKET_TYPE = 'microsoft.support/supporttickets';

const STATES: Record<string, CaseState> = { open: 'open', updating: 'open', closed: 'closed' };
// Order-preserving mapping (docs/portals.md §7): `critical` (Sev A) is "high" because a fourth, higher level exists.
const SEVERITIES: Record<string, Severity> = {
  minimal: 'low',
  moderate: 'normal',
  critical: 'high',
  highestcriticalimpact: 'critical',
};

const PORTAL_ORIGIN = 'https://portal.azure.com';
const REQUESTS_BLADE = `${PORTAL_ORIGIN}/#blade/Microsoft_Azure_Support/HelpAndSupportBlade/managesupportrequest`;

/** The generic ARM resource deep link of the portal; falls back to the support blade's request list. */
function portalLink(armId: string | null): string {
  // Well-formed and short: encodeURIComponent throws on lone surrogates, and the link must fit the store.
  if (
    armId &&
    armId.length <= 500 &&
    armId.isWellFormed() &&
    /^\/(?:subscriptions\/[^/]+\/)?providers\/Microsoft\.Support\/supportTickets\/[^/]+$/i.test(armId)
  ) {
    return fitUrl(`${PORTAL_ORIGIN}/#resource${armId.split('/').map(encodeURIComponent).join('/')}`, REQUESTS_BLADE);
  }
  return REQUESTS_BLADE;
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
    return problem(where, `Expected a numeric supportTicketId, got ${preview(p.supportTicketId ?? null)}`);
  }
  const status = str(p.status);
  const severity = str(p.severity);
  const engineer = isRecord(p.supportEngineer) ? str(p.supportEngineer.emailAddress) : null;
  const snapshot: CaseSnapshot = {
    provider: PROVIDER,
    caseId,
    title: cleanText(str(p.title)) ?? `Support request ${caseId}`,
    vendorStatus: cleanLabel(status),
    state: status ? (lookup(STATES, status.toLowerCase()) ?? null) : null,
    severity: severity ? (lookup(SEVERITIES, severity.toLowerCase()) ?? null) : null,
    vendorSeverity: cleanLabel(severity),
    createdAt: toUtcIso(p.createdDate),
    updatedAt: toUtcIso(p.modifiedDate),
    url: portalLink(str(item.id)),
  };
  if (engineer) snapshot.owner = cleanLabel(engineer);
  const sla = readSla(p.serviceLevelAgreement);
  if (sla) snapshot.sla = sla;
  // The ARM name is how the communications endpoint names the ticket; ARM names are case-insensitive.
  const armName = cleanId(item.name, TEXT_LIMITS.ref);
  if (armName) snapshot.vendorRef = armName.toLowerCase();
  return snapshot;
}

function readSla(value: unknown): CaseSla | null {
  if (!isRecord(value)) return null;
  const sla: CaseSla = {
    startAt: toUtcIso(value.startTime),
    expiresAt: toUtcIso(value.expirationTime),
    // A window of minutes up to about 19 years; anything else is not a window.
    minutes:
      typeof value.slaMinutes === 'number' && value.slaMinutes >= 0 && value.slaMinutes <= 1e7
        ? Math.round(value.slaMinutes)
        : null,
  };
  return sla.startAt || sla.expiresAt || sla.minutes !== null ? sla : null;
}

const COMMUNICATION_TYPE = 'microsoft.support/communications';
const COMMUNICATIONS_URL = /\/supportTickets\/([^/?#]+)\/communications(?:\/[^/?#]+)?\/?$/i;

function isCommunication(item: unknown): item is Record<string, unknown> & { properties: Record<string, unknown> } {
  const type = isRecord(item) ? str(item.type)?.toLowerCase() : null;
  return (
    isRecord(item) &&
    isRecord(item.properties) &&
    (type === COMMUNICATION_TYPE || type === `${TICKET_TYPE}/communications`)
  );
}

/** inbound = from Microsoft to the customer (vendor side); outbound = the customer's own. */
function readCommunication(item: unknown): CaseMessage | null {
  if (!isCommunication(item)) return null;
  const p = item.properties;
  const at = toUtcIso(p.createdDate);
  const direction = str(p.communicationDirection)?.toLowerCase();
  if (!at || (direction !== 'inbound' && direction !== 'outbound')) return null;
  const subject = cleanText(str(p.subject));
  const body = cleanBody(str(p.body));
  return {
    at,
    author: cleanText(str(p.sender), 200),
    side: direction === 'inbound' ? 'vendor' : 'customer',
    // Clipped once more as a whole: subject and body together must still fit a message.
    text: subject && body ? cleanBody(`${subject}\n\n${body}`) : (body ?? subject),
  };
}

function extractCommunications(body: Record<string, unknown>, url: URL): Extraction {
  const ticketName = cleanId(decodePathSegment(COMMUNICATIONS_URL.exec(url.pathname)?.[1]), TEXT_LIMITS.ref);
  if (!ticketName) {
    throw new ProviderParseError(
      PROVIDER,
      url.href,
      'unknown-shape',
      'Expected …/supportTickets/{name}/communications',
    );
  }
  const items = Array.isArray(body.value) ? (body.value as unknown[]) : [body];
  const result: Extraction = { kind: 'detail', cases: [], problems: [] };
  const messages: CaseMessage[] = [];
  items.forEach((item, i) => {
    const message = readCommunication(item);
    if (message) messages.push(message);
    else
      result.problems.push(
        problem(`value[${i}]`, 'Expected a communication with createdDate and an inbound/outbound direction'),
      );
  });
  result.messageUpdates = [{ vendorRef: ticketName.toLowerCase(), messages }];
  return result;
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
    detect: (body, url) => (COMMUNICATIONS_URL.test(url.pathname) ? (isRecord(body) ? 'detail' : null) : detect(body)),
    extract(body, url) {
      if (isRecord(body) && COMMUNICATIONS_URL.test(url.pathname)) return extractCommunications(body, url);
      const kind = detect(body);
      if (!kind || !isRecord(body)) {
        throw new ProviderParseError(
          PROVIDER,
          url.href,
          'unknown-shape',
          'Expected {value: [supportTickets]} or one supportTickets resource',
        );
      }
      const items = kind === 'list' ? (body.value as unknown[]) : [body];
      return collectItems(kind, items, (item, i) => readTicket(item, kind === 'list' ? `value[${i}]` : 'ticket'));
    },
  },
};
