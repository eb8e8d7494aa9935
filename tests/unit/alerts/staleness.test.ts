import { describe, expect, it } from 'vitest';
import type { StoredCase } from '@/lib/core/model';
import { defaultPolicy } from '@/lib/alerts/policy';
import { alertsForCase, findAlerts } from '@/lib/alerts/staleness';

const policy = defaultPolicy('UTC');
const base: StoredCase = {
  key: 'azure:1',
  portal: 'azure',
  provider: 'azure',
  caseId: '1',
  title: 't',
  vendorStatus: 'Open',
  state: 'open',
  severity: 'normal',
  vendorSeverity: 'moderate',
  createdAt: '2026-11-09T09:00:00.000Z',
  updatedAt: '2026-11-13T10:00:00.000Z',
  url: 'https://portal.azure.com/#x',
  firstSeenAt: '2026-11-09T09:00:00.000Z',
  lastObservedAt: '2026-11-18T09:00:00.000Z',
  observedVia: 'x',
  observedHow: 'visit',
  lastVendorMessageAt: null,
  lastCustomerMessageAt: null,
  messageCount: 0,
};
const make = (over: Partial<StoredCase>): StoredCase => ({ ...base, ...over });
const kinds = (c: StoredCase, now: string, p = policy) => alertsForCase(c, p, now).map((a) => a.kind);

describe('vendor quiet', () => {
  it('fires on the third business day for a normal case, not before (weekend skipped)', () => {
    // Quiet since Friday 2026-11-13 10:00: Mon=1, Tue=2, Wed=3.
    const seen = make({ lastObservedAt: '2026-11-17T09:00:00.000Z' });
    expect(kinds(seen, '2026-11-17T23:59:00Z')).toEqual([]);
    expect(kinds(seen, '2026-11-18T00:00:00Z')).toEqual(['vendor-quiet']);
    const [alert] = alertsForCase(make({}), policy, '2026-11-18T10:00:00Z');
    expect(alert).toMatchObject({
      level: 'overdue',
      since: '2026-11-13T10:00:00.000Z',
      reason: 'vendor quiet for 3 business days (limit 3 business days)',
    });
  });

  it('counts hours for critical cases', () => {
    const critical = make({
      severity: 'critical',
      updatedAt: '2026-11-16T09:00:00.000Z',
      lastObservedAt: '2026-11-16T13:00:00.000Z',
    });
    expect(kinds(critical, '2026-11-16T12:59:00Z')).toEqual([]);
    expect(kinds(critical, '2026-11-16T13:00:00Z')).toEqual(['vendor-quiet']);
  });

  it('uses a per-vendor threshold when set, and holidays', () => {
    const p = { ...policy, vendorQuiet: { ...policy.vendorQuiet, byPortal: { azure: { businessDays: 1 } } } };
    expect(kinds(make({ lastObservedAt: '2026-11-15T23:00:00.000Z' }), '2026-11-16T00:00:00Z', p)).toEqual([
      'vendor-quiet',
    ]);
    const holidays = { ...policy, holidays: ['2026-11-17'] };
    expect(kinds(make({}), '2026-11-18T10:00:00Z', holidays)).toEqual([]);
  });

  it('is reset by a vendor message (a new alert id, not a repeat)', () => {
    const quiet = alertsForCase(make({}), policy, '2026-11-18T10:00:00Z')[0]!;
    const replied = make({
      lastVendorMessageAt: '2026-11-18T09:00:00.000Z',
      lastObservedAt: '2026-11-20T09:00:00.000Z',
    });
    expect(kinds(replied, '2026-11-20T10:00:00Z')).toEqual([]);
    const again = alertsForCase(
      { ...replied, lastObservedAt: '2026-11-23T09:00:00.000Z' },
      policy,
      '2026-11-23T10:00:00Z',
    )[0]!;
    expect(again.kind).toBe('vendor-quiet');
    expect(again.id).not.toBe(quiet.id);
  });
});

describe('waiting on you', () => {
  it('fires after one business day', () => {
    const c = make({
      state: 'waiting-on-customer',
      lastVendorMessageAt: '2026-11-16T15:00:00.000Z',
      lastObservedAt: '2026-11-16T16:00:00.000Z',
    });
    expect(kinds(c, '2026-11-16T23:00:00Z')).toEqual([]);
    expect(kinds(c, '2026-11-17T08:00:00Z')).toEqual(['waiting-on-you']);
  });
});

describe('not observed', () => {
  it('says our data is old instead of alerting as if it were fresh', () => {
    const old = make({ lastObservedAt: '2026-11-13T10:00:00.000Z' });
    const alerts = alertsForCase(old, policy, '2026-11-18T10:00:00Z');
    expect(alerts.map((a) => [a.kind, a.level])).toEqual([['not-observed', 'stale']]);
    expect(alerts[0]!.reason).toMatch(/not observed for 5 days/);
    expect(kinds(old, '2026-11-15T09:59:00Z')).toEqual([]); // under 2 days
  });
});

describe('first response', () => {
  it('fires when the conversation shows no vendor reply past the target', () => {
    const c = make({
      severity: 'high',
      createdAt: '2026-11-18T08:00:00.000Z',
      updatedAt: '2026-11-18T08:00:00.000Z',
      messageCount: 1,
    });
    expect(kinds(c, '2026-11-18T08:59:00Z')).toEqual([]);
    expect(kinds(c, '2026-11-18T09:01:00Z')).toEqual(['first-response-late']);
    expect(kinds({ ...c, messageCount: 0 }, '2026-11-18T09:01:00Z')).toEqual([]); // conversation never seen
  });
});

describe('vendor clocks', () => {
  it('warns before AWS auto-resolves a case waiting on you', () => {
    const c = make({
      provider: 'aws',
      key: 'aws:1',
      state: 'waiting-on-customer',
      updatedAt: '2026-11-16T10:00:00.000Z',
      lastVendorMessageAt: '2026-11-16T10:00:00.000Z',
      lastObservedAt: '2026-11-20T09:00:00.000Z',
    });
    expect(kinds(c, '2026-11-20T09:59:00Z')).toEqual(['waiting-on-you']);
    const alerts = alertsForCase(c, policy, '2026-11-20T10:00:00Z');
    expect(alerts.map((a) => a.kind)).toEqual(['waiting-on-you', 'vendor-clock']);
    expect(alerts[1]!.reason).toMatch(/AWS auto-resolves .* \(about 1 day left\)/);
  });

  it('warns the day before Zendesk closes a solved request', () => {
    const c = make({
      provider: 'zendesk',
      key: 'zendesk:1',
      state: 'resolved',
      updatedAt: '2026-11-16T10:00:00.000Z',
      lastObservedAt: '2026-11-19T09:00:00.000Z',
    });
    expect(kinds(c, '2026-11-19T09:59:00Z')).toEqual([]);
    expect(kinds(c, '2026-11-19T10:00:00Z')).toEqual(['vendor-clock']);
  });

  it('ignores closed cases entirely', () => {
    expect(
      findAlerts(
        [make({ state: 'closed', lastObservedAt: '2020-01-01T00:00:00.000Z' })],
        policy,
        '2026-11-18T10:00:00Z',
      ),
    ).toEqual([]);
  });
});

describe('dates ahead of the clock', () => {
  // Tuesday 2026-11-24 10:00 UTC; the case, read an hour ago, has been quiet since Friday 2026-11-13
  // (7 business days).
  const now = '2026-11-24T10:00:00Z';
  const read = (over: Partial<StoredCase>) => make({ lastObservedAt: '2026-11-24T09:00:00.000Z', ...over });

  it('counts a time a few minutes ahead (clock skew) as now, and says nothing about it', () => {
    const c = make({
      state: 'waiting-on-customer',
      lastVendorMessageAt: '2026-11-24T10:04:00.000Z',
      lastObservedAt: '2026-11-24T10:04:00.000Z',
    });
    expect(alertsForCase(c, policy, now)).toEqual([]);
    // A business day later that skewed message has been waiting exactly one business day.
    expect(alertsForCase(c, policy, '2026-11-25T10:00:00Z')).toMatchObject([
      {
        kind: 'waiting-on-you',
        since: '2026-11-24T10:04:00.000Z',
        reason: 'waiting on you for 1 business day (limit 1 business day)',
      },
    ]);
  });

  it('a read captured by a clock two days fast keeps its vendor-quiet alert and says its dates are ahead', () => {
    const c = make({ lastObservedAt: '2026-11-26T09:00:00.000Z' });
    expect(alertsForCase(c, policy, now)).toEqual([
      {
        id: 'azure:1|not-observed|clock-ahead|2026-11-26T09:00:00.000Z',
        caseKey: 'azure:1',
        kind: 'not-observed',
        level: 'stale',
        since: '2026-11-26T09:00:00.000Z',
        reason:
          "dates up to 2026-11-26 09:00 UTC are ahead of this computer's clock; open the portal to re-read the case",
      },
      {
        id: 'azure:1|vendor-quiet||2026-11-13T10:00:00.000Z',
        caseKey: 'azure:1',
        kind: 'vendor-quiet',
        level: 'overdue',
        since: '2026-11-13T10:00:00.000Z',
        reason: 'vendor quiet for 7 business days (limit 3 business days)',
      },
    ]);
  });

  it('a portal date of 9999-12-31 does not silence the case: vendor quiet counts from its creation instead', () => {
    const c = read({ updatedAt: '9999-12-31T23:59:59.000Z' });
    const alerts = alertsForCase(c, policy, now);
    expect(alerts.map((a) => [a.kind, a.since])).toEqual([
      ['not-observed', '9999-12-31T23:59:59.000Z'],
      ['vendor-quiet', '2026-11-09T09:00:00.000Z'],
    ]);
    expect(alerts[1]!.reason).toBe('vendor quiet for 11 business days (limit 3 business days)');
  });

  it('a vendor message dated ahead falls back to the last update for waiting on you', () => {
    const c = read({
      state: 'waiting-on-customer',
      lastVendorMessageAt: '2027-01-05T09:00:00.000Z',
      updatedAt: '2026-11-20T09:00:00.000Z',
    });
    expect(alertsForCase(c, policy, now).map((a) => [a.kind, a.since])).toEqual([
      ['not-observed', '2027-01-05T09:00:00.000Z'],
      ['waiting-on-you', '2026-11-20T09:00:00.000Z'],
    ]);
  });
});
