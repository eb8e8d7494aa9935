// @vitest-environment-options {"settings":{"handleDisabledFileLoadingAsSuccess":true}}
/**
 * The smallest inputs behind the adapter faults fuzzing found (issue 10), kept as plain examples:
 * each once made an adapter throw something other than ProviderParseError, or emit a snapshot the
 * background rejects whole (losing every case of that page).
 */
import { describe, expect, it } from 'vitest';
import { aws } from '@/lib/capture/families/aws/adapter';
import { azure } from '@/lib/capture/families/azure/adapter';
import { gcp } from '@/lib/capture/families/gcp/adapter';
import { microsoft365 } from '@/lib/capture/families/microsoft-365/adapter';
import { partnerCenter } from '@/lib/capture/families/microsoft-partner-center/adapter';
import { ProviderParseError, type Extraction, type ProviderAdapter } from '@/lib/capture/types';
import { extractionFaults } from './invariants';
import { parsePage } from './mutate-html';

const long = (n: number, c = 'x') => c.repeat(n);
const AWS = 'https://support.us-east-1.amazonaws.com/';
const AZ_LIST = 'https://management.azure.com/providers/Microsoft.Support/supportTickets?api-version=2024-04-01';
const AZ_COMMS = 'https://management.azure.com/providers/Microsoft.Support/supportTickets/abc/communications';
const GCP = 'https://cloudsupport.googleapis.com/v2/projects/acme/cases';
const MPC = 'https://api.partnercenter.microsoft.com/v1/servicerequests';
const M365 = 'https://admin.microsoft.com/Adminportal/Home#/support/requests';

const ticket = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  id: '/providers/Microsoft.Support/supportTickets/abc',
  name: 'abc',
  type: 'Microsoft.Support/supportTickets',
  properties: { supportTicketId: '2610010040001234', title: 'T', status: 'Open', severity: 'moderate', ...properties },
  ...extra,
});
const grid = (cells: string[]) =>
  `<html><body><table><thead><tr><th>Request ID</th><th>Title</th><th>Status</th><th>Severity</th><th>Owner</th></tr></thead>` +
  `<tbody><tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr></tbody></table></body></html>`;

function readJson(adapter: ProviderAdapter, url: string, body: unknown): Extraction {
  const x = adapter.api!.extract(body, new URL(url));
  expect(extractionFaults(adapter.id, x)).toEqual([]);
  return x;
}
function readPage(adapter: ProviderAdapter, url: string, html: string): Extraction {
  const x = adapter.page!.extract(parsePage(html), new URL(url));
  expect(extractionFaults(adapter.id, x)).toEqual([]);
  return x;
}

describe('vendor labels that name Object.prototype members are unknown labels, not states', () => {
  it.each([
    [
      'aws',
      () => readJson(aws, AWS, { cases: [{ displayId: '1', status: 'constructor', severityCode: '__proto__' }] }),
    ],
    ['azure', () => readJson(azure, AZ_LIST, { value: [ticket({ status: '__proto__', severity: 'constructor' })] })],
    [
      'gcp',
      () =>
        readJson(gcp, GCP, { cases: [{ name: 'projects/p/cases/1', state: 'constructor', priority: '__proto__' }] }),
    ],
    [
      'microsoft-partner-center',
      () =>
        readJson(partnerCenter, MPC, {
          items: [{ id: '615112491169010', status: 'constructor', severity: '__proto__' }],
        }),
    ],
  ])('%s', (_id, read) => {
    const [c] = read().cases;
    expect(c).toMatchObject({ state: null, severity: null });
  });
});

describe('over-long vendor text is clipped (labels) or refused (ids), never passed on whole', () => {
  it('aws: a 150-character displayId is a problem; a 300-character status is clipped to 200', () => {
    const x = readJson(aws, AWS, {
      cases: [{ displayId: long(150, '1') }, { displayId: '2', status: long(300), severityCode: long(300) }],
    });
    expect(x.cases.map((c) => c.caseId)).toEqual(['2']);
    expect(x.problems).toHaveLength(1);
    expect(x.cases[0]!.vendorStatus!.length).toBe(200);
  });

  it('azure: owner, status and a subject+body message fit; a huge SLA is no SLA; a 600-character id is quoted short', () => {
    const x = readJson(azure, AZ_LIST, {
      value: [
        ticket({
          status: long(300),
          supportEngineer: { emailAddress: long(300) },
          serviceLevelAgreement: { slaMinutes: 1e308 },
        }),
        ticket({ supportTicketId: long(600, '9') }),
      ],
    });
    expect(x.cases[0]!.owner!.length).toBeLessThanOrEqual(200);
    expect(x.cases[0]!.sla ?? null).toBeNull();
    expect(x.problems[0]!.reason.length).toBeLessThan(200);
    const comms = readJson(azure, AZ_COMMS, {
      value: [
        {
          type: 'Microsoft.Support/communications',
          properties: {
            communicationDirection: 'inbound',
            createdDate: '2026-11-01T10:00:00Z',
            subject: long(500),
            body: long(4000),
          },
        },
      ],
    });
    expect(comms.messageUpdates![0]!.messages[0]!.text!.length).toBeLessThanOrEqual(4000);
  });

  it('gcp: a 150-character case number is a problem', () => {
    expect(readJson(gcp, GCP, { cases: [{ name: `projects/p/cases/${long(150, '1')}` }] }).problems).toHaveLength(1);
  });

  it('microsoft-365: a 300-character status is clipped; a 500-character id is a problem with a short reason', () => {
    const x = readPage(microsoft365, M365, grid(['70125112200018', 'T', long(300, 's'), 'Sev A', long(300, 'o')]));
    expect(x.cases[0]!.vendorStatus!.length).toBe(200);
    expect(x.cases[0]!.owner!.length).toBe(200);
    const bad = readPage(microsoft365, M365, grid([long(500, '1'), 'T', 'Open', 'Sev A', '']));
    expect(bad.problems[0]!.reason.length).toBeLessThan(200);
  });
});

describe('malformed text in ids and URLs is refused, not thrown as URIError', () => {
  it('aws and gcp: ids with lone surrogates (encodeURIComponent throws on them)', () => {
    expect(readJson(aws, AWS, { cases: [{ displayId: 'x\uD800' }] }).problems).toHaveLength(1);
    expect(readJson(gcp, GCP, { cases: [{ name: 'projects/p\uD800/cases/1' }] }).problems).toHaveLength(1);
  });

  it('azure and gcp: a message URL whose id has a malformed %-escape', () => {
    expect(() => azure.api!.extract({ value: [] }, new URL(AZ_COMMS.replace('abc', '%E0%A4%A')))).toThrow(
      ProviderParseError,
    );
    expect(() => gcp.api!.extract({ comments: [] }, new URL(`${GCP}/%ED%A0%80/comments`))).toThrow(ProviderParseError);
  });
});
