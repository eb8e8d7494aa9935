import { describe, expect, it } from 'vitest';
import type { StoredCase } from '@/lib/core/model';
import { defaultPolicy } from '@/lib/alerts/policy';
import { ballInCourt, compareUrgency, countWaitingOnUser, vendorQuietTime } from '@/lib/alerts/urgency';

const base: StoredCase = {
  key: 'x.zendesk.com:1',
  portal: 'x.zendesk.com',
  provider: 'zendesk',
  caseId: '1',
  title: 't',
  vendorStatus: 'open',
  state: 'open',
  severity: null,
  vendorSeverity: null,
  createdAt: '2026-11-02T09:00:00.000Z',
  updatedAt: null,
  url: 'https://x.zendesk.com/hc/requests/1',
  firstSeenAt: '2026-11-02T09:00:00.000Z',
  lastObservedAt: '2026-11-02T09:00:00.000Z',
  observedVia: 'https://x.zendesk.com/hc/en-us/requests',
  observedHow: 'visit',
  lastVendorMessageAt: null,
  lastCustomerMessageAt: null,
  messageCount: 0,
};
const make = (over: Partial<StoredCase>): StoredCase => ({ ...base, ...over });

describe('ballInCourt', () => {
  it('follows the normalized state', () => {
    expect(ballInCourt(make({ state: 'waiting-on-customer' }))).toBe('you');
    expect(ballInCourt(make({ state: 'on-hold' }))).toBe('vendor');
    expect(ballInCourt(make({ state: 'resolved' }))).toBe('closing');
    expect(ballInCourt(make({ state: 'closed' }))).toBe('closed');
  });
  it('falls back to who wrote last when the state is unknown', () => {
    expect(ballInCourt(make({ state: null }))).toBe('unknown');
    expect(
      ballInCourt(
        make({
          state: null,
          lastVendorMessageAt: '2026-11-03T10:00:00Z',
          lastCustomerMessageAt: '2026-11-03T09:00:00Z',
        }),
      ),
    ).toBe('you');
    expect(ballInCourt(make({ state: null, lastCustomerMessageAt: '2026-11-03T09:00:00Z' }))).toBe('vendor');
  });
});

describe('vendorQuietTime', () => {
  const utc = defaultPolicy('UTC');
  it('counts business days, skipping the weekend', () => {
    // Friday 2026-11-13 10:00 → Monday 2026-11-16 11:00 is one business day.
    const c = make({ updatedAt: '2026-11-13T10:00:00.000Z' });
    expect(vendorQuietTime(c, new Date('2026-11-16T11:00:00.000Z'), utc)).toEqual({ businessDays: 1, hours: 73 });
  });
  it("counts in the user's time zone and holidays, as the alert rules do, not in the machine's", () => {
    // The same instants in Auckland: Friday 23:00 → Tuesday 00:00, two business days (Mon, Tue).
    const c = make({ updatedAt: '2026-11-13T10:00:00.000Z' });
    expect(
      vendorQuietTime(c, new Date('2026-11-16T11:00:00.000Z'), defaultPolicy('Pacific/Auckland')).businessDays,
    ).toBe(2);
    expect(
      vendorQuietTime(c, new Date('2026-11-16T11:00:00.000Z'), { ...utc, holidays: ['2026-11-16'] }).businessDays,
    ).toBe(0);
  });
  it('prefers the last vendor message over the portal update time', () => {
    const c = make({ updatedAt: '2026-11-18T10:00:00.000Z', lastVendorMessageAt: '2026-11-16T10:00:00.000Z' });
    expect(vendorQuietTime(c, new Date('2026-11-19T10:00:00.000Z'), utc).businessDays).toBe(3);
  });
});

describe('compareUrgency', () => {
  it('puts cases waiting on you first, then the longest vendor silence, then severity', () => {
    const cases = [
      make({ key: 'a', updatedAt: '2026-11-10T00:00:00Z' }),
      make({ key: 'b', state: 'resolved', updatedAt: '2026-11-01T00:00:00Z' }),
      make({ key: 'c', state: 'waiting-on-customer', updatedAt: '2026-11-18T00:00:00Z' }),
      make({ key: 'd', updatedAt: '2026-11-05T00:00:00Z' }),
      make({ key: 'e', updatedAt: '2026-11-05T00:00:00Z', severity: 'critical' }),
    ];
    expect(cases.sort(compareUrgency).map((c) => c.key)).toEqual(['c', 'e', 'd', 'a', 'b']);
    expect(countWaitingOnUser(cases)).toBe(1);
  });
});
