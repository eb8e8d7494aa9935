import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '@/lib/alerts/policy';
import { buildScorecard, median, monthOf, SCORECARD_COLUMNS } from '@/lib/charts/scorecard';
import type { CaseEvent, StoredCase } from '@/lib/core/model';
import { makeCase, makeEvent, message } from '../../helpers/case-factory';

const berlin = defaultPolicy('Europe/Berlin');
const utc = defaultPolicy('UTC');

const acme = (caseId: string, over: Partial<StoredCase> = {}) =>
  makeCase({
    provider: 'zendesk',
    url: `https://acme.zendesk.com/hc/requests/${caseId}`,
    vendorName: 'Acme',
    caseId,
    updatedAt: null,
    ...over,
  });
const northwind = (caseId: string, over: Partial<StoredCase> = {}) =>
  makeCase({
    provider: 'freshdesk',
    url: `https://northwind.freshdesk.com/support/tickets/${caseId}`,
    vendorName: 'Northwind',
    caseId,
    updatedAt: null,
    ...over,
  });
const opened = (c: StoredCase, to = 'Open') => makeEvent(c.key, { type: 'created', at: c.createdAt!, to });

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBe(null);
    expect(median([5])).toBe(5);
    expect(median([4, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('buildScorecard', () => {
  // October and November 2026 in Berlin: from Oct 1 00:00 CEST to Dec 1 00:00 CET.
  const period = { from: '2026-09-30T22:00:00Z', to: '2026-11-30T23:00:00Z', nowIso: '2026-12-01T12:00:00Z' };
  const a1 = acme('A1', { createdAt: '2026-10-05T07:00:00.000Z', vendorStatus: 'Closed', state: 'closed' });
  const a2 = acme('A2', { createdAt: '2026-10-31T23:30:00.000Z' }); // Sunday 1 Nov 00:30 CET: November
  const a3 = acme('A3', { createdAt: '2026-11-10T08:00:00.000Z' });
  const a4 = acme('A4', { createdAt: '2026-11-11T08:00:00.000Z' });
  // 1 October 00:30 CEST: in the period, though still September in UTC.
  const a5 = acme('A5', { createdAt: '2026-09-30T22:30:00.000Z', vendorStatus: 'Closed', state: 'closed' });
  const later = acme('A6', { createdAt: '2026-12-01T08:00:00.000Z' });
  const b1 = northwind('B1', { createdAt: '2026-10-05T07:00:00.000Z' });
  const b2 = northwind('B2', { createdAt: '2026-10-06T07:00:00.000Z' });
  // Closed in August: its vendor had nothing alive in the period, so it gets no row.
  const g1 = makeCase({
    provider: 'zendesk',
    url: 'https://globex.zendesk.com/hc/requests/1',
    vendorName: 'Globex',
    caseId: 'G1',
    createdAt: '2026-08-03T07:00:00.000Z',
    updatedAt: null,
    vendorStatus: 'Closed',
    state: 'closed',
  });
  const events: CaseEvent[] = [
    opened(a1),
    message(a1.key, '2026-10-05T07:00:00.000Z', 'customer', 'Link down'),
    message(a1.key, '2026-10-05T09:00:00.000Z', 'vendor', 'Fixed'), // 2 business hours
    makeEvent(a1.key, { at: '2026-10-07T08:00:00.000Z', from: 'Open', to: 'Closed' }),
    opened(a2),
    message(a2.key, '2026-10-31T23:30:00.000Z', 'customer', 'Outage'),
    message(a2.key, '2026-11-02T11:00:00.000Z', 'vendor', 'Looking'), // Monday 09:00–12:00 CET: 3 h
    message(a2.key, '2026-11-02T12:00:00.000Z', 'customer', 'Any news?'),
    message(a2.key, '2026-11-03T09:00:00.000Z', 'vendor', 'Tomorrow'), // Mon 13–17 + Tue 9–10: 5 h
    opened(a3),
    message(a3.key, '2026-11-10T08:00:00.000Z', 'customer', 'Hello?'),
    opened(a4),
    opened(a5),
    message(a5.key, '2026-10-01T07:00:00.000Z', 'customer', 'Slow'),
    message(a5.key, '2026-10-01T08:00:00.000Z', 'vendor', 'Checking'), // 00:30 → 10:00 CEST: 1 h
    makeEvent(a5.key, { at: '2026-12-01T09:00:00.000Z', from: 'Open', to: 'Closed' }), // after the period
    opened(later),
    message(b1.key, '2026-10-05T08:00:00.000Z', 'vendor', 'Hi'), // 1 h
    message(b2.key, '2026-10-06T11:00:00.000Z', 'vendor', 'Hi'), // 4 h
    opened(g1),
    makeEvent(g1.key, { at: '2026-08-10T08:00:00.000Z', from: 'Open', to: 'Closed' }),
  ];
  const card = buildScorecard({ cases: [b1, a1, g1, a2, a3, a4, a5, later, b2], events, policy: berlin, ...period });

  it('counts cases and response times per vendor portal, apart from cases with no response yet', () => {
    expect(card.rows).toMatchObject([
      {
        vendor: 'Acme',
        portal: 'acme.zendesk.com',
        openAtEnd: 4,
        opened: 5,
        closed: 1,
        medianFirstResponseHours: 2, // 1, 2, 3
        firstResponses: 3,
        noFirstResponseYet: 1,
        conversationNotSeen: 1,
        medianReplyHours: 2.5, // 1, 2, 3, 5
        replies: 4,
        repliesPending: 1,
      },
      {
        vendor: 'Northwind',
        portal: 'northwind.freshdesk.com',
        openAtEnd: 2,
        opened: 2,
        medianFirstResponseHours: 2.5, // 1, 4
        firstResponses: 2,
        medianReplyHours: null,
        replies: 0,
      },
    ]);
  });

  it("buckets openings and closings by calendar month in the user's zone", () => {
    expect(card.months).toEqual([
      { vendor: 'Acme', portal: 'acme.zendesk.com', month: '2026-10', opened: 2, closed: 1 },
      { vendor: 'Acme', portal: 'acme.zendesk.com', month: '2026-11', opened: 3, closed: 0 },
      { vendor: 'Northwind', portal: 'northwind.freshdesk.com', month: '2026-10', opened: 2, closed: 0 },
      { vendor: 'Northwind', portal: 'northwind.freshdesk.com', month: '2026-11', opened: 0, closed: 0 },
    ]);
    // The same instants in UTC fall in the month before.
    expect(monthOf(Date.parse(a2.createdAt!), 'Europe/Berlin')).toBe('2026-11');
    expect(monthOf(Date.parse(a2.createdAt!), 'UTC')).toBe('2026-10');
    expect(monthOf(Date.parse(a5.createdAt!), 'UTC')).toBe('2026-09');
  });

  it('names every row field in its columns', () => {
    expect([...SCORECARD_COLUMNS].sort()).toEqual(Object.keys(card.rows[0]!).sort());
  });
});

describe('buildScorecard time shares and limits', () => {
  // Monday 09:00 opened; the vendor writes at 13:00; Tuesday 09:00 it asks you; you answer Thursday 09:00.
  const c = acme('C1', { createdAt: '2026-11-09T09:00:00.000Z', updatedAt: '2026-11-12T09:00:00.000Z' });
  const events = [
    opened(c),
    message(c.key, '2026-11-09T13:00:00.000Z', 'vendor', 'Which site?'),
    makeEvent(c.key, { at: '2026-11-10T09:00:00.000Z', from: 'Open', to: 'Awaiting your reply' }),
    message(c.key, '2026-11-12T09:00:00.000Z', 'customer', 'Berlin'),
    makeEvent(c.key, { at: '2026-11-12T09:00:00.000Z', from: 'Awaiting your reply', to: 'Open' }),
  ];
  const card = (to: string) =>
    buildScorecard({
      cases: [c],
      events,
      policy: utc,
      from: '2026-11-09T00:00:00Z',
      to,
      nowIso: '2026-11-20T12:00:00Z',
    });

  it('shares the period between the vendor and you, and counts cases past their limits', () => {
    expect(card('2026-11-14T00:00:00Z')).toEqual({
      rows: [
        {
          vendor: 'Acme',
          portal: 'acme.zendesk.com',
          openAtEnd: 1,
          opened: 1,
          closed: 0,
          medianFirstResponseHours: 4,
          firstResponses: 1,
          noFirstResponseYet: 0,
          conversationNotSeen: 0,
          medianReplyHours: null,
          replies: 0,
          repliesPending: 1,
          waitingOnVendorHours: 24, // Mon 8 + Thu 8 + Fri 8
          waitingOnYouHours: 16, // Tue 8 + Wed 8
          vendorShare: 0.6,
          pastVendorQuietLimit: 1, // from Thursday 09:00: quiet since Monday 13:00
          pastWaitingOnYouLimit: 1, // from Tuesday 09:00: the question was a day old
          pastLimitAtEnd: 1,
        },
      ],
      months: [{ vendor: 'Acme', portal: 'acme.zendesk.com', month: '2026-11', opened: 1, closed: 0 }],
    });
  });

  it('judges a period that ends earlier by what was true at its end', () => {
    expect(card('2026-11-12T00:00:00Z').rows[0]).toMatchObject({
      waitingOnVendorHours: 8,
      waitingOnYouHours: 16,
      vendorShare: 0.33,
      pastVendorQuietLimit: 0,
      pastWaitingOnYouLimit: 1,
      pastLimitAtEnd: 1,
      repliesPending: 0,
    });
  });
});

describe('the share of waiting time', () => {
  it('follows the hours the row gives: seconds that round to 0 h are no 100%', () => {
    // Opened 10 seconds before now, on a working day: with the vendor for a few seconds only.
    const card = buildScorecard({
      cases: [acme('J1', { createdAt: '2026-11-10T10:00:00.000Z' })],
      events: [],
      policy: utc,
      from: '2026-11-01T00:00:00Z',
      to: '2026-12-01T00:00:00Z',
      nowIso: '2026-11-10T10:00:10Z',
    });
    expect(card.rows[0]).toMatchObject({ waitingOnVendorHours: 0, waitingOnYouHours: 0, vendorShare: null });
  });
});
