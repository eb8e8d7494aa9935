import { describe, expect, it } from 'vitest';
import { ageBucketOf, OPEN_AGE_BUCKETS, openAgeByVendor } from '@/lib/charts/open-age';
import type { StoredCase } from '@/lib/core/model';
import { makeCase } from '../../helpers/case-factory';

const NOW = '2026-11-20T12:00:00Z';
let n = 0;
const acme = (over: Partial<StoredCase>) =>
  makeCase({
    provider: 'zendesk',
    url: 'https://acme.zendesk.com/hc/requests/1',
    vendorName: 'Acme',
    caseId: `A${++n}`,
    ...over,
  });
const northwind = (over: Partial<StoredCase>) =>
  makeCase({
    provider: 'freshdesk',
    url: 'https://northwind.freshdesk.com/support/tickets/1',
    vendorName: 'Northwind',
    caseId: `B${++n}`,
    ...over,
  });

describe('openAgeByVendor', () => {
  it('counts open cases per vendor portal in age buckets, lower bounds inclusive', () => {
    const cases = [
      northwind({ createdAt: '2026-11-01T12:00:00.000Z' }), // 19 days
      acme({ createdAt: '2026-11-20T00:00:00.000Z' }), // 12 hours
      acme({ createdAt: '2026-11-18T12:00:00.000Z' }), // 2 days
      acme({ createdAt: '2026-11-17T12:00:00.000Z' }), // exactly 3 days: 3–7
      acme({ createdAt: '2026-11-01T12:00:00.000Z', state: 'closed', vendorStatus: 'Closed' }), // not open
      acme({ createdAt: '2026-11-19T12:00:00.000Z', state: 'resolved', vendorStatus: 'Solved' }), // open until closed
      // No believable creation date: from when we first saw it.
      acme({ createdAt: '0001-01-01T00:00:00.000Z', firstSeenAt: '2026-11-10T12:00:00.000Z' }), // 10 days
      acme({ createdAt: null, firstSeenAt: '2026-10-21T12:00:00.000Z' }), // 30 days
      northwind({ createdAt: '2027-01-01T00:00:00.000Z', firstSeenAt: '2026-11-20T11:00:00.000Z' }), // ahead: 1 hour
    ];
    expect(openAgeByVendor(cases, NOW)).toEqual([
      { vendor: 'Acme', portal: 'acme.zendesk.com', total: 6, counts: [1, 2, 1, 1, 0, 1] },
      { vendor: 'Northwind', portal: 'northwind.freshdesk.com', total: 2, counts: [1, 0, 0, 0, 1, 0] },
    ]);
  });

  it('has six buckets from under a day to 30 days and more', () => {
    expect(OPEN_AGE_BUCKETS.map((b) => b.label)).toEqual([
      '< 1 day',
      '1–3 days',
      '3–7 days',
      '7–14 days',
      '14–30 days',
      '30+ days',
    ]);
    const day = 86_400_000;
    expect([0, day - 1, day, 7 * day - 1, 14 * day, 30 * day - 1, 30 * day, 400 * day].map(ageBucketOf)).toEqual([
      0, 0, 1, 2, 4, 4, 5, 5,
    ]);
  });
});
