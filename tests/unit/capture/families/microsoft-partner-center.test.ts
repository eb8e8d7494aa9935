import { describe, expect, it } from 'vitest';
import { partnerCenter } from '@/lib/capture/families/microsoft-partner-center/adapter';
import { loadFixtureJson } from '../../../helpers/fixtures';

const LIST = 'https://api.partnercenter.microsoft.com/v1/servicerequests';
const read = (file: string, url = LIST) =>
  partnerCenter.api!.extract(loadFixtureJson(`microsoft-partner-center/${file}`), new URL(url));

describe('partner center service requests', () => {
  it('maps status and the three severity levels; numeric legacy enums stay unknown', () => {
    const { kind, cases, problems } = read('servicerequests.json');
    expect(kind).toBe('list');
    expect(problems).toEqual([]);
    expect(cases.map((c) => [c.caseId, c.state, c.vendorStatus, c.severity, c.vendorSeverity])).toEqual([
      ['615112491169010', 'waiting-on-customer', 'attention_needed', 'critical', 'critical'],
      ['615112491169022', 'open', 'open', 'normal', 'moderate'],
      ['615112491169033', null, '1', null, '0'],
    ]);
  });

  it('reads zone-less dates as UTC and notes as messages with a side', () => {
    const { cases } = read('servicerequests.json');
    expect(cases[1]!.createdAt).toBe('2026-11-12T08:00:00.863Z');
    expect(cases[0]!.messages!.map((m) => [m.side, m.author])).toEqual([
      ['customer', 'Alex Example'],
      ['vendor', 'Microsoft Support Engineer'],
    ]);
    expect(cases[0]!.url).toBe('https://partner.microsoft.com/dashboard/support/servicerequests?id=615112491169010');
  });

  it('reads one request, an empty collection, and rejects unknown shapes', () => {
    expect(read('servicerequest.json', `${LIST}/615112491169010`).cases[0]).toMatchObject({
      state: 'closed',
      updatedAt: '2026-11-21T07:00:00.000Z',
    });
    expect(read('empty.json')).toEqual({ kind: 'list', cases: [], problems: [] });
    expect(() => read('unknown.json')).toThrow(/Expected a collection/);
  });

  it('captures the partner and customer-scoped endpoints', () => {
    const wanted = (u: string) => partnerCenter.api!.urlPatterns.some((p) => p.test(u));
    expect(wanted(LIST)).toBe(true);
    expect(
      wanted(
        'https://api.partnercenter.microsoft.com/v1/customers/0c39d6d5-c70d-4c55-bc02-f620844f3fd1/servicerequests',
      ),
    ).toBe(true);
    expect(wanted('https://api.partnercenter.microsoft.com/v1/customers')).toBe(false);
  });
});
