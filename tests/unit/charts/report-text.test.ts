import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '@/lib/alerts/policy';
import { ballSegments } from '@/lib/charts/ball-segments';
import { radarLanes, radarOutline, withLanes, type RadarLane } from '@/lib/charts/radar-lanes';
import {
  ballSummary,
  fileSlug,
  formatHours,
  formatShare,
  laneDetails,
  monthLabel,
  monthTotals,
  radarTotals,
  scorecardCell,
  scorecardCsv,
  scorecardMonthsCsv,
  zoomWindow,
} from '@/lib/charts/report-text';
import { buildScorecard, type ScorecardRow } from '@/lib/charts/scorecard';
import type { StoredCase } from '@/lib/core/model';
import { makeCase, makeEvent, message } from '../../helpers/case-factory';

const utc = defaultPolicy('UTC');
const DAY = 86_400_000;
const acme = (caseId: string, over: Partial<StoredCase>) =>
  makeCase({ provider: 'zendesk', url: 'https://acme.zendesk.com/hc/requests/1', vendorName: 'Acme', caseId, ...over });

describe('numbers in words', () => {
  it('writes hours to one decimal, a few minutes as under 0.1, none as a dash; shares as whole percent', () => {
    expect([12, 3.46, 0, 0.01, null, NaN].map(formatHours)).toEqual(['12', '3.5', '0', '< 0.1', '—', '—']);
    expect([0.666, 1, 0, null].map(formatShare)).toEqual(['67%', '100%', '0%', '—']);
    expect(monthLabel('2026-11')).toBe('Nov 2026');
    expect(fileSlug('Time waiting on the vendor vs on you')).toBe('time-waiting-on-the-vendor-vs-on-you');
    expect(fileSlug('???')).toBe('chart');
  });
});

describe('ballSummary', () => {
  it('says the business hours per side, the limits passed and the messages, as the bar draws them', () => {
    // Opened Monday 09:00, the vendor asked Tuesday 09:00, we answered Wednesday 13:00; now Thursday 17:00.
    const c = acme('B1', { createdAt: '2026-11-09T09:00:00.000Z', updatedAt: '2026-11-10T09:00:00.000Z' });
    const events = [
      makeEvent(c.key, { type: 'created', at: '2026-11-09T09:00:00.000Z', to: 'Open' }),
      message(c.key, '2026-11-10T09:00:00.000Z', 'vendor', 'Which site?'),
      makeEvent(c.key, { at: '2026-11-10T09:00:00.000Z', from: 'Open', to: 'Awaiting your reply' }),
      message(c.key, '2026-11-11T13:00:00.000Z', 'customer', 'Site B'),
      makeEvent(c.key, { at: '2026-11-11T13:00:00.000Z', from: 'Awaiting your reply', to: 'Open' }),
    ];
    const tl = ballSegments(c, events, utc, '2026-11-12T17:00:00Z');
    expect(ballSummary(tl)).toBe(
      'With the vendor 20 business hours, with you 12 business hours. Past a limit once. 1 vendor message, 1 of yours.',
    );
  });

  it('names a closed case and a kind with time on it, and says "never" when no limit was passed', () => {
    const c = acme('B2', { createdAt: '2026-11-09T09:00:00.000Z', state: 'closed', vendorStatus: 'Closed' });
    const events = [
      makeEvent(c.key, { type: 'created', at: '2026-11-09T09:00:00.000Z', to: 'Open' }),
      makeEvent(c.key, { at: '2026-11-09T10:00:00.000Z', from: 'Open', to: 'Closed' }),
    ];
    const tl = ballSegments(c, events, utc, '2026-11-09T12:00:00Z');
    expect(ballSummary(tl)).toBe(
      'With the vendor 1 business hour, with you 0 business hours. Never past a limit. 0 vendor messages, 0 of yours. Closed.',
    );
  });
});

describe('zoomWindow', () => {
  const now = Date.parse('2026-12-02T10:00:00Z');
  it('is the last n days up to just past now', () => {
    expect(zoomWindow('7d', [], now)).toEqual({ start: now - 7 * DAY, end: now + 1 });
    expect(zoomWindow('90d', [], now)).toEqual({ start: now - 90 * DAY, end: now + 1 });
  });
  it('for all, starts at the oldest believable opening, at least a day back', () => {
    const cases = [
      { createdAt: '2026-03-01T00:00:00Z', firstSeenAt: '2026-03-02T00:00:00Z' },
      { createdAt: '0001-01-01T00:00:00Z', firstSeenAt: '2026-05-01T00:00:00Z' },
      { createdAt: null, firstSeenAt: '2026-01-15T00:00:00Z' },
      { createdAt: '2099-01-01T00:00:00Z', firstSeenAt: 'not a date' },
    ];
    expect(zoomWindow('all', cases, now)).toEqual({ start: Date.parse('2026-01-15T00:00:00Z'), end: now + 1 });
    expect(zoomWindow('all', [], now)).toEqual({ start: now - DAY, end: now + 1 });
  });
});

describe('radarOutline', () => {
  const window = { start: '2026-11-10T00:00:00Z', end: '2026-11-13T00:00:00Z', nowIso: '2026-11-16T12:00:00Z' };
  const open = acme('O1', { createdAt: '2026-11-09T09:00:00.000Z' });
  const older = acme('O0', { createdAt: '2026-11-02T09:00:00.000Z' });
  const closedBefore = acme('C1', {
    createdAt: '2026-11-02T09:00:00.000Z',
    updatedAt: '2026-11-05T09:00:00.000Z',
    state: 'closed',
  });
  const closedInside = acme('C2', {
    createdAt: '2026-11-02T09:00:00.000Z',
    updatedAt: '2026-11-11T09:00:00.000Z',
    state: 'closed',
  });
  const later = makeCase({
    provider: 'freshdesk',
    url: 'https://northwind.freshdesk.com/support/tickets/3',
    vendorName: 'Northwind',
    caseId: 'N1',
    createdAt: '2026-11-12T12:00:00.000Z',
  });
  const cases = [later, open, closedBefore, closedInside, older];
  const events = [
    makeEvent(closedBefore.key, { at: '2026-11-05T09:00:00.000Z', from: 'Open', to: 'Closed' }),
    makeEvent(closedInside.key, { at: '2026-11-11T09:00:00.000Z', from: 'Open', to: 'Closed' }),
  ];
  const shape = (groups: { vendor: string; lanes: RadarLane[] }[]) =>
    groups.map((g) => [g.vendor, g.lanes.map((l) => [l.caseId, l.from, l.to])]);

  it('lays out from the case rows the lanes radarLanes lays out from the events, without marks', () => {
    const outline = radarOutline({ cases, ...window });
    expect(shape(outline)).toEqual(shape(radarLanes({ cases, events, policy: utc, ...window })));
    expect(outline.flatMap((g) => g.lanes.map((l) => l.caseId))).toEqual(['C2', 'O0', 'O1', 'N1']);
    expect(outline.every((g) => g.lanes.every((l) => l.marks.length === 0 && l.overLimit.length === 0))).toBe(true);
  });

  it('puts lanes drawn in full in the outline’s places, leaving the others as they are', () => {
    const outline = radarOutline({ cases, ...window });
    const drawn = radarLanes({ cases: [open], events: [], policy: utc, ...window })[0]!.lanes[0]!;
    expect(drawn.overLimit.length).toBeGreaterThan(0);
    const merged = withLanes(outline, new Map([[open.key, drawn]]));
    expect(shape(merged)).toEqual(shape(outline));
    expect(merged[0]!.lanes.find((l) => l.caseId === 'O1')).toBe(drawn);
    expect(withLanes(outline, new Map())).toEqual(outline);
  });

  it('counts what the lanes show per vendor, and says it for one lane', () => {
    // Quiet since its opening on 2 November, past the limit until the vendor writes on the 12th.
    const groups = radarLanes({
      cases: [older, later],
      events: [
        message(older.key, '2026-11-10T10:00:00.000Z', 'customer', 'Any news?'),
        message(older.key, '2026-11-12T09:00:00.000Z', 'vendor', 'Which site?'),
        message(older.key, '2026-11-12T10:00:00.000Z', 'vendor', 'And which port?'),
      ],
      policy: utc,
      ...window,
    });
    expect(radarTotals(groups).map((t) => [t.vendor, t.cases, t.marks, t.pastLimit])).toEqual([
      ['Acme', 1, { 'vendor-message': 2, 'your-message': 1, state: 0, escalation: 0 }, 1],
      ['Northwind', 1, { 'vendor-message': 0, 'your-message': 0, state: 0, escalation: 0 }, 0],
    ]);
    expect(laneDetails('Acme', groups[0]!.lanes[0]!)).toBe(
      'Acme. 2 vendor messages, 1 your message; 1 stretch past a limit',
    );
    expect(laneDetails('Northwind', groups[1]!.lanes[0]!)).toBe('Northwind. No marks in view');
  });
});

describe('scorecard as a table and as CSV', () => {
  const card = buildScorecard({
    cases: [
      acme('S1', { createdAt: '2026-11-02T09:00:00.000Z' }),
      makeCase({
        provider: 'manual',
        vendorName: '=HYPERLINK("x")',
        caseId: 'M1',
        createdAt: '2026-11-03T09:00:00.000Z',
      }),
    ],
    events: [],
    policy: utc,
    from: '2026-11-01T00:00:00Z',
    to: '2026-12-01T00:00:00Z',
    nowIso: '2026-12-01T00:00:00Z',
  });

  it('shows each cell as the charts do', () => {
    const row = card.rows.find((r) => r.vendor === 'Acme')!;
    expect(scorecardCell(row, 'vendorShare')).toBe('100%');
    expect(scorecardCell(row, 'medianFirstResponseHours')).toBe('—');
    expect(scorecardCell(row, 'opened')).toBe('1');
    expect(scorecardCell({ ...row, waitingOnVendorHours: 12.345 } as ScorecardRow, 'waitingOnVendorHours')).toBe(
      '12.3',
    );
  });

  it('exports raw numbers under the table’s headings, and a vendor name never runs as a formula', () => {
    const parsed = Papa.parse<string[]>(scorecardCsv(card.rows)).data;
    expect(parsed[0]!.slice(0, 4)).toEqual(['Vendor', 'Portal', 'Open at end', 'Opened']);
    expect(parsed.map((r) => r[0])).toEqual(['Vendor', `'=HYPERLINK("x")`, 'Acme']);
    expect(parsed[2]![parsed[0]!.indexOf('Share waiting on vendor')]).toBe('1');
    expect(parsed[2]![parsed[0]!.indexOf('Median first response (business h)')]).toBe('');
    const months = Papa.parse<string[]>(scorecardMonthsCsv(card.months)).data;
    expect(months[0]).toEqual(['vendor', 'portal', 'month', 'opened', 'closed']);
    expect(months.slice(1).map((r) => [r[0], r[2], r[3]])).toEqual([
      [`'=HYPERLINK("x")`, '2026-11', '1'],
      ['Acme', '2026-11', '1'],
    ]);
  });

  it('adds up the months of every vendor, or of one', () => {
    const rows = [
      { vendor: 'A', portal: 'a', month: '2026-11', opened: 2, closed: 1 },
      { vendor: 'B', portal: 'b', month: '2026-11', opened: 1, closed: 0 },
      { vendor: 'A', portal: 'a', month: '2026-10', opened: 0, closed: 3 },
    ];
    expect(monthTotals(rows, null)).toEqual([
      { month: '2026-10', opened: 0, closed: 3 },
      { month: '2026-11', opened: 3, closed: 1 },
    ]);
    expect(monthTotals(rows, 'b')).toEqual([{ month: '2026-11', opened: 1, closed: 0 }]);
  });
});
