import { describe, expect, it } from 'vitest';
import { businessDaysBetween, businessHoursBetween } from '@/lib/alerts/business-time';
import { defaultPolicy, type Threshold } from '@/lib/alerts/policy';
import { alertsForCase } from '@/lib/alerts/staleness';
import { ballSegments, limitCrossedAt, stateBefore, type BallTimeline } from '@/lib/charts/ball-segments';
import { makeCase, makeEvent, message } from '../../helpers/case-factory';

const utc = defaultPolicy('UTC');
const berlin = defaultPolicy('Europe/Berlin');
const iso = (ms: number) => new Date(ms).toISOString();
const segments = (tl: BallTimeline) => tl.segments.map((s) => [iso(s.from), iso(s.to), s.whose]);
const crossings = (tl: BallTimeline) =>
  tl.segments.flatMap((s) => s.crossings.map((x) => [x.limit, iso(x.since), iso(x.at), iso(x.until)]));

// A Zendesk tenant: its labels are read as the case row reads them ("Awaiting your reply" = waiting on you).
const zendesk = (over: Parameters<typeof makeCase>[0]) =>
  makeCase({ provider: 'zendesk', url: 'https://acme.zendesk.com/hc/requests/1', vendorName: 'Acme', ...over });

describe('ballSegments', () => {
  it('draws a case with no events as one segment from its state, and its limit as the alert sees it', () => {
    // Monday 09:00 UTC, quiet since: normal severity allows 3 business days (Tue, Wed, Thu).
    const c = zendesk({ updatedAt: '2026-11-09T09:00:00.000Z', lastObservedAt: '2026-11-11T12:00:00.000Z' });
    const tl = ballSegments(c, [], utc, '2026-11-13T12:00:00Z');
    expect(segments(tl)).toEqual([['2026-11-09T09:00:00.000Z', '2026-11-13T12:00:00.000Z', 'vendor']]);
    expect(crossings(tl)).toEqual([
      ['vendor-quiet', '2026-11-09T09:00:00.000Z', '2026-11-12T00:00:00.000Z', '2026-11-13T12:00:00.000Z'],
    ]);
    expect(tl.businessHours).toEqual({ vendor: 35, you: 0, 'on-hold': 0, resolved: 0, unknown: 0 });
    // The crossing is the very millisecond the alert rule starts to fire.
    const at = tl.segments[0]!.crossings[0]!.at;
    expect(alertsForCase(c, utc, iso(at - 1)).map((a) => a.kind)).toEqual([]);
    expect(alertsForCase(c, utc, iso(at)).map((a) => a.kind)).toEqual(['vendor-quiet']);
  });

  it('follows a reopened case: resolved, then back with the vendor, still past its limit', () => {
    const c = zendesk({
      updatedAt: '2026-11-16T09:00:00.000Z',
      lastVendorMessageAt: '2026-11-10T10:00:00.000Z',
      lastObservedAt: '2026-11-17T11:00:00.000Z',
    });
    const k = c.key;
    const events = [
      makeEvent(k, { type: 'created', at: '2026-11-09T09:00:00.000Z', to: 'Open' }),
      message(k, '2026-11-09T09:00:00.000Z', 'customer', 'Link down since 08:00'),
      message(k, '2026-11-10T10:00:00.000Z', 'vendor', 'Please send the router logs'),
      makeEvent(k, { at: '2026-11-11T10:00:00.000Z', from: 'Open', to: 'Awaiting your reply' }),
      message(k, '2026-11-11T14:00:00.000Z', 'customer', 'Logs attached'),
      makeEvent(k, { at: '2026-11-11T14:00:00.000Z', from: 'Awaiting your reply', to: 'Open' }),
      makeEvent(k, { at: '2026-11-12T10:00:00.000Z', from: 'Open', to: 'Solved' }),
      makeEvent(k, { at: '2026-11-16T09:00:00.000Z', from: 'Solved', to: 'Open' }),
    ];
    const tl = ballSegments(c, [...events].reverse(), utc, '2026-11-17T12:00:00Z');
    expect(segments(tl)).toEqual([
      ['2026-11-09T09:00:00.000Z', '2026-11-11T10:00:00.000Z', 'vendor'],
      ['2026-11-11T10:00:00.000Z', '2026-11-11T14:00:00.000Z', 'you'],
      ['2026-11-11T14:00:00.000Z', '2026-11-12T10:00:00.000Z', 'vendor'],
      ['2026-11-12T10:00:00.000Z', '2026-11-16T09:00:00.000Z', 'resolved'],
      ['2026-11-16T09:00:00.000Z', '2026-11-17T12:00:00.000Z', 'vendor'],
    ]);
    // Waiting on you was already a day old when the ball came (the vendor asked on Tuesday); the vendor's
    // last message is still Tuesday's when the case reopens, so the reopened stretch starts past the limit.
    expect(crossings(tl)).toEqual([
      ['waiting-on-you', '2026-11-10T10:00:00.000Z', '2026-11-11T10:00:00.000Z', '2026-11-11T14:00:00.000Z'],
      ['vendor-quiet', '2026-11-10T10:00:00.000Z', '2026-11-16T09:00:00.000Z', '2026-11-17T12:00:00.000Z'],
    ]);
    expect(alertsForCase(c, utc, '2026-11-17T12:00:00Z')).toMatchObject([
      { kind: 'vendor-quiet', since: '2026-11-10T10:00:00.000Z' },
    ]);
    expect(tl.businessHours).toEqual({ vendor: 32, you: 4, 'on-hold': 0, resolved: 15, unknown: 0 });
    expect(tl.states.map((s) => [iso(s.at), s.state])).toEqual([
      ['2026-11-09T09:00:00.000Z', 'open'],
      ['2026-11-11T10:00:00.000Z', 'waiting-on-customer'],
      ['2026-11-11T14:00:00.000Z', 'open'],
      ['2026-11-12T10:00:00.000Z', 'resolved'],
      ['2026-11-16T09:00:00.000Z', 'open'],
    ]);
    expect(tl.ticks.map((t) => t.side)).toEqual(['customer', 'vendor', 'customer']);
    expect([tl.closed, iso(tl.end)]).toEqual([false, '2026-11-17T12:00:00.000Z']);
    expect(stateBefore(tl, Date.parse('2026-11-12T10:00:00Z'))).toBe('open');
    expect(stateBefore(tl, Date.parse('2026-11-12T10:00:00.001Z'))).toBe('resolved');
  });

  it('reads a manual case in our own words, on hold as its own kind, and ends it when closed', () => {
    const c = makeCase({
      provider: 'manual',
      url: '',
      vendorName: 'Contoso Telecom',
      caseId: 'M-1',
      vendorStatus: 'Closed',
      state: 'closed',
      severity: null,
      vendorSeverity: null,
      updatedAt: '2026-11-13T15:00:00.000Z',
    });
    expect(c.key).toBe('manual:M-1');
    const k = c.key;
    const events = [
      makeEvent(k, { type: 'created', at: '2026-11-09T09:00:00.000Z', to: 'Open' }),
      message(k, '2026-11-09T09:00:00.000Z', 'customer', 'Called the hotline'),
      message(k, '2026-11-10T11:00:00.000Z', 'vendor', 'They need the contract number'),
      makeEvent(k, { at: '2026-11-10T11:00:00.000Z', from: 'Open', to: 'Waiting on you' }),
      makeEvent(k, { at: '2026-11-12T09:00:00.000Z', from: 'Waiting on you', to: 'On hold' }),
      makeEvent(k, { at: '2026-11-13T15:00:00.000Z', from: 'On hold', to: 'Closed' }),
      message(k, '2026-11-14T10:00:00.000Z', 'vendor', 'Survey: how did we do?'),
    ];
    const tl = ballSegments(c, events, utc, '2026-11-16T12:00:00Z');
    expect(segments(tl)).toEqual([
      ['2026-11-09T09:00:00.000Z', '2026-11-10T11:00:00.000Z', 'vendor'],
      ['2026-11-10T11:00:00.000Z', '2026-11-12T09:00:00.000Z', 'you'],
      ['2026-11-12T09:00:00.000Z', '2026-11-13T15:00:00.000Z', 'on-hold'],
    ]);
    // On hold is still the vendor's move to the alert rules; no severity means the 'unknown' limit (3 days).
    expect(crossings(tl)).toEqual([
      ['waiting-on-you', '2026-11-10T11:00:00.000Z', '2026-11-11T00:00:00.000Z', '2026-11-12T09:00:00.000Z'],
      ['vendor-quiet', '2026-11-10T11:00:00.000Z', '2026-11-13T00:00:00.000Z', '2026-11-13T15:00:00.000Z'],
    ]);
    expect([tl.closed, iso(tl.end)]).toEqual([true, '2026-11-13T15:00:00.000Z']);
    expect(tl.businessHours).toEqual({ vendor: 10, you: 14, 'on-hold': 14, resolved: 0, unknown: 0 });
    expect(tl.ticks.map((t) => iso(t.at))).toContain('2026-11-14T10:00:00.000Z');
  });

  it('takes a learned status as the one the case had from its opening, not a change when we read it', () => {
    // Read first from a list without statuses (Thursday), the status learned on Wednesday after.
    const c = zendesk({
      createdAt: '2026-11-02T09:00:00.000Z',
      firstSeenAt: '2026-11-09T09:00:00.000Z',
      updatedAt: null,
      vendorStatus: 'Awaiting your reply',
      state: 'waiting-on-customer',
    });
    const k = c.key;
    const events = [
      makeEvent(k, { type: 'created', at: '2026-11-02T09:00:00.000Z', to: null }),
      makeEvent(k, { at: '2026-11-11T10:00:00.000Z', from: null, to: 'Awaiting your reply' }),
      makeEvent(k, { type: 'severity', at: '2026-11-11T10:00:00.000Z', from: null, to: 'normal' }),
    ];
    const tl = ballSegments(c, events, utc, '2026-11-11T12:00:00Z');
    expect(segments(tl)).toEqual([['2026-11-02T09:00:00.000Z', '2026-11-11T12:00:00.000Z', 'you']]);
    expect(tl.states).toEqual([
      { at: Date.parse('2026-11-02T09:00:00Z'), state: 'waiting-on-customer', label: 'Awaiting your reply' },
    ]);
    // No vendor message or update: the rule counts from when we first saw the case, as alertsForCase does.
    expect(crossings(tl)).toEqual([
      ['waiting-on-you', '2026-11-09T09:00:00.000Z', '2026-11-10T00:00:00.000Z', '2026-11-11T12:00:00.000Z'],
    ]);
  });

  it('hands the move to the side that did not write last while the status is one we cannot read', () => {
    const c = zendesk({ vendorStatus: 'Triage (L2)', state: null, updatedAt: null });
    const k = c.key;
    const events = [
      makeEvent(k, { type: 'created', at: '2026-11-09T09:00:00.000Z', to: 'Triage (L2)' }),
      message(k, '2026-11-09T10:00:00.000Z', 'customer', 'Link down'),
      message(k, '2026-11-10T10:00:00.000Z', 'vendor', 'Which site?'),
      message(k, '2026-11-11T10:00:00.000Z', 'customer', 'Berlin'),
    ];
    const tl = ballSegments(c, events, utc, '2026-11-11T12:00:00Z');
    expect(segments(tl)).toEqual([
      ['2026-11-09T09:00:00.000Z', '2026-11-09T10:00:00.000Z', 'unknown'],
      ['2026-11-09T10:00:00.000Z', '2026-11-10T10:00:00.000Z', 'vendor'],
      ['2026-11-10T10:00:00.000Z', '2026-11-11T10:00:00.000Z', 'you'],
      ['2026-11-11T10:00:00.000Z', '2026-11-11T12:00:00.000Z', 'vendor'],
    ]);
    expect(tl.businessHours).toEqual({ vendor: 10, you: 8, 'on-hold': 0, resolved: 0, unknown: 1 });
  });

  it("reads an earlier label the vocabulary cannot by the user's own mapping, when given one", () => {
    const c = zendesk({ updatedAt: null });
    const events = [
      makeEvent(c.key, { type: 'created', at: '2026-11-09T09:00:00.000Z', to: 'Parked' }),
      makeEvent(c.key, { at: '2026-11-10T09:00:00.000Z', from: 'Parked', to: 'Open' }),
    ];
    const now = '2026-11-10T12:00:00Z';
    expect(segments(ballSegments(c, events, utc, now))).toEqual([
      ['2026-11-09T09:00:00.000Z', '2026-11-10T09:00:00.000Z', 'unknown'],
      ['2026-11-10T09:00:00.000Z', '2026-11-10T12:00:00.000Z', 'vendor'],
    ]);
    const mapped = ballSegments(c, events, utc, now, { stateOfLabel: (l) => (l === 'Parked' ? 'on-hold' : null) });
    expect(segments(mapped)).toEqual([
      ['2026-11-09T09:00:00.000Z', '2026-11-10T09:00:00.000Z', 'on-hold'],
      ['2026-11-10T09:00:00.000Z', '2026-11-10T12:00:00.000Z', 'vendor'],
    ]);
  });

  it('ignores a 0001-01-01 creation date and events from year 1, opening at the first real event', () => {
    const c = zendesk({
      createdAt: '0001-01-01T00:00:00.000Z',
      firstSeenAt: '2026-11-10T09:00:00.000Z',
      updatedAt: null,
    });
    const k = c.key;
    const events = [
      message(k, '0001-01-01T00:00:00.000Z', 'vendor', 'Ticket received'),
      makeEvent(k, { type: 'created', at: '2026-11-10T09:00:00.000Z', to: 'Open' }),
      message(k, '2026-11-09T15:00:00.000Z', 'customer', 'Link down'),
    ];
    const tl = ballSegments(c, events, utc, '2026-11-10T12:00:00Z');
    expect(iso(tl.opened)).toBe('2026-11-09T15:00:00.000Z');
    expect(segments(tl)).toEqual([['2026-11-09T15:00:00.000Z', '2026-11-10T12:00:00.000Z', 'vendor']]);
    expect(tl.ticks).toEqual([{ at: Date.parse('2026-11-09T15:00:00Z'), side: 'customer' }]);
    expect(tl.ignoredEvents).toBe(1);
    expect(tl.businessHours.vendor).toBe(5);
  });

  it('ignores events dated before the case existed, but not a few seconds of clock skew', () => {
    const c = zendesk({ updatedAt: null });
    const k = c.key;
    const events = [
      message(k, '2026-11-05T10:00:00.000Z', 'vendor', 'From another case'),
      message(k, '2026-11-09T08:59:30.000Z', 'customer', 'Link down'),
      message(k, '2026-11-20T10:00:00.000Z', 'vendor', 'Dated ahead of our clock'),
    ];
    const tl = ballSegments(c, events, utc, '2026-11-09T12:00:00Z');
    expect(tl.ticks).toEqual([{ at: Date.parse('2026-11-09T09:00:00Z'), side: 'customer' }]);
    expect(tl.ignoredEvents).toBe(2);
    expect(segments(tl)).toEqual([['2026-11-09T09:00:00.000Z', '2026-11-09T12:00:00.000Z', 'vendor']]);
  });

  it('counts business hours and crossings in Berlin across the switch to winter time (2026-10-25)', () => {
    // Friday 15:00 CEST (13:00 UTC) → Monday 11:30 CET (10:30 UTC): 2 h + 2.5 h.
    const c = zendesk({
      createdAt: '2026-10-23T13:00:00.000Z',
      firstSeenAt: '2026-10-23T13:00:00.000Z',
      updatedAt: null,
      severity: 'critical',
      vendorStatus: 'Awaiting your reply',
      state: 'waiting-on-customer',
    });
    const k = c.key;
    const events = [
      makeEvent(k, { type: 'created', at: '2026-10-23T13:00:00.000Z', to: 'Open' }),
      makeEvent(k, { at: '2026-10-26T10:30:00.000Z', from: 'Open', to: 'Awaiting your reply' }),
    ];
    const tl = ballSegments(c, events, berlin, '2026-10-26T12:00:00Z');
    expect(tl.businessHours).toEqual({ vendor: 4.5, you: 1.5, 'on-hold': 0, resolved: 0, unknown: 0 });
    // Critical: 4 business hours, reached Monday 11:00 CET = 10:00 UTC (not 09:00, as summer time would say).
    // Waiting on you counts from the status change (no vendor message): Tuesday is not here yet.
    expect(crossings(tl)).toEqual([
      ['vendor-quiet', '2026-10-23T13:00:00.000Z', '2026-10-26T10:00:00.000Z', '2026-10-26T10:30:00.000Z'],
    ]);
  });
});

describe('limitCrossedAt', () => {
  it('falls at the local midnight that starts the nth working day, on either side of a DST change', () => {
    const at = (since: string, days: number) => iso(limitCrossedAt(Date.parse(since), { businessDays: days }, berlin)!);
    expect(at('2026-10-21T14:00:00Z', 1)).toBe('2026-10-21T22:00:00.000Z'); // Thursday 00:00 CEST
    expect(at('2026-10-23T14:00:00Z', 1)).toBe('2026-10-25T23:00:00.000Z'); // Monday 00:00 CET
    expect(at('2026-10-23T14:00:00Z', 3)).toBe('2026-10-27T23:00:00.000Z'); // Wednesday 00:00 CET
  });

  it('finds hour limits to the millisecond, and says never when there is no working time', () => {
    expect(iso(limitCrossedAt(Date.parse('2026-11-13T15:30:00Z'), { businessHours: 4 }, utc)!)).toBe(
      '2026-11-16T11:30:00.000Z',
    );
    expect(limitCrossedAt(Date.parse('2026-11-13T15:30:00Z'), { businessHours: 4 }, { ...utc, workingDays: [] })).toBe(
      null,
    );
    expect(limitCrossedAt(Date.parse('2026-11-13T15:30:00Z'), { businessDays: 2 }, { ...utc, workingDays: [] })).toBe(
      null,
    );
  });

  it('is always the first millisecond the rules call over, around a DST change and a holiday', () => {
    const cal = { ...berlin, holidays: ['2026-10-27'] };
    const over = (since: number, t: number, threshold: Threshold) =>
      'businessHours' in threshold
        ? businessHoursBetween(iso(since), iso(t), cal) >= threshold.businessHours
        : businessDaysBetween(iso(since), iso(t), cal) >= threshold.businessDays;
    const thresholds: Threshold[] = [
      { businessHours: 4 },
      { businessHours: 0.5 },
      { businessDays: 1 },
      { businessDays: 3 },
    ];
    let checked = 0;
    // Every 7 h 13 min from Monday 19 October to Sunday 1 November.
    for (
      let since = Date.parse('2026-10-19T00:00:00Z');
      since < Date.parse('2026-11-01T00:00:00Z');
      since += 26_980_000
    )
      for (const threshold of thresholds) {
        const at = limitCrossedAt(since, threshold, cal)!;
        expect([over(since, at, threshold), over(since, at - 1, threshold)]).toEqual([true, false]);
        checked++;
      }
    expect(checked).toBe(168);
  });
});
