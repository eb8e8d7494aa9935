import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '@/lib/alerts/policy';
import { eventsByCase } from '@/lib/charts/ball-segments';
import { radarLanes, radarRows, rowsInView, type RadarGroup } from '@/lib/charts/radar-lanes';
import { emptyWorkspace } from '@/lib/cases/workspace';
import type { StoredCase } from '@/lib/core/model';
import { makeCase, makeEvent, message } from '../../helpers/case-factory';

const utc = defaultPolicy('UTC');
const iso = (ms: number) => new Date(ms).toISOString();
const acme = (caseId: string, over: Partial<StoredCase>) =>
  makeCase({ provider: 'zendesk', url: 'https://acme.zendesk.com/hc/requests/1', vendorName: 'Acme', caseId, ...over });

// Window: Tuesday 10 to Friday 13 November 2026 (exclusive), UTC; now is the Monday after.
const window = { start: '2026-11-10T00:00:00Z', end: '2026-11-13T00:00:00Z', nowIso: '2026-11-16T12:00:00Z' };
const r1 = acme('R1', {
  createdAt: '2026-11-09T09:00:00.000Z',
  updatedAt: '2026-11-11T09:00:00.000Z',
  vendorStatus: 'Awaiting your reply',
  state: 'waiting-on-customer',
});
const r2 = acme('R2', {
  createdAt: '2026-11-02T09:00:00.000Z',
  updatedAt: '2026-11-05T09:00:00.000Z',
  vendorStatus: 'Closed',
  state: 'closed',
});
const r3 = makeCase({
  provider: 'freshdesk',
  url: 'https://northwind.freshdesk.com/support/tickets/3',
  vendorName: 'Northwind',
  caseId: 'R3',
  createdAt: '2026-11-12T12:00:00.000Z',
  updatedAt: null,
});
const r4 = acme('R4', { createdAt: '2026-11-02T09:00:00.000Z', updatedAt: null });
const events = [
  makeEvent(r1.key, { type: 'created', at: '2026-11-09T09:00:00.000Z', to: 'Open' }),
  message(r1.key, '2026-11-09T10:00:00.000Z', 'vendor', 'Looking'), // before the window
  message(r1.key, '2026-11-10T10:00:00.000Z', 'customer', 'Any news?'),
  message(r1.key, '2026-11-11T09:00:00.000Z', 'vendor', 'Which site?'),
  makeEvent(r1.key, { at: '2026-11-11T09:00:00.000Z', from: 'Open', to: 'Awaiting your reply' }),
  makeEvent(r1.key, { type: 'owner', at: '2026-11-11T10:00:00.000Z', from: null, to: 'Sam Support' }), // learned
  makeEvent(r2.key, { type: 'created', at: '2026-11-02T09:00:00.000Z', to: 'Open' }),
  makeEvent(r2.key, { at: '2026-11-05T09:00:00.000Z', from: 'Open', to: 'Closed' }),
];
const workspaces = [
  {
    ...emptyWorkspace(r1.key),
    escalation: { level: '2', contact: 'Duty manager', escalatedAt: '2026-11-12T15:00:00.000Z' },
  },
  { ...emptyWorkspace(r4.key), escalation: { level: '1', contact: '', escalatedAt: '2026-11-20T15:00:00.000Z' } },
];

describe('radarLanes', () => {
  const groups = radarLanes({ cases: [r3, r1, r2, r4], events, workspaces, policy: utc, ...window });
  const readable = (gs: RadarGroup[]) =>
    gs.map((g) => ({
      vendor: g.vendor,
      lanes: g.lanes.map((l) => ({
        caseId: l.caseId,
        from: iso(l.from),
        to: iso(l.to),
        marks: l.marks.map((m) => [iso(m.at), m.kind]),
        overLimit: l.overLimit.map((s) => [iso(s.from), iso(s.to), s.limit]),
      })),
    }));

  it('lays out the cases alive in the window by vendor, with marks and stretches past a limit inside it', () => {
    expect(readable(groups)).toEqual([
      {
        vendor: 'Acme',
        lanes: [
          {
            // Quiet since its opening on 2 November: past the 3-day limit through the whole window.
            caseId: 'R4',
            from: '2026-11-10T00:00:00.000Z',
            to: '2026-11-13T00:00:00.000Z',
            marks: [],
            overLimit: [['2026-11-10T00:00:00.000Z', '2026-11-13T00:00:00.000Z', 'vendor-quiet']],
          },
          {
            caseId: 'R1',
            from: '2026-11-10T00:00:00.000Z',
            to: '2026-11-13T00:00:00.000Z',
            marks: [
              ['2026-11-10T10:00:00.000Z', 'your-message'],
              ['2026-11-11T09:00:00.000Z', 'vendor-message'],
              ['2026-11-11T09:00:00.000Z', 'state'],
              ['2026-11-12T15:00:00.000Z', 'escalation'],
            ],
            // The vendor asked on Wednesday 09:00: one business day for you ends at Thursday's start.
            overLimit: [['2026-11-12T00:00:00.000Z', '2026-11-13T00:00:00.000Z', 'waiting-on-you']],
          },
        ],
      },
      {
        vendor: 'Northwind',
        lanes: [
          {
            caseId: 'R3',
            from: '2026-11-12T12:00:00.000Z',
            to: '2026-11-13T00:00:00.000Z',
            marks: [],
            overLimit: [],
          },
        ],
      },
    ]);
  });

  it('gives the same lanes from events already grouped by case', () => {
    const grouped = radarLanes({
      cases: [r3, r1, r2, r4],
      events: eventsByCase(events),
      workspaces,
      policy: utc,
      ...window,
    });
    expect(grouped).toEqual(groups);
  });

  it('flattens the groups into rows: each vendor heading, then its lanes', () => {
    expect(
      radarRows(groups).map((r) => (r.kind === 'vendor' ? `${r.vendor} (${r.laneCount})` : r.lane.caseId)),
    ).toEqual(['Acme (2)', 'R4', 'R1', 'Northwind (1)', 'R3']);
  });
});

describe('rowsInView', () => {
  it('returns the rows a viewport shows, with overscan, clamped to the list', () => {
    expect(rowsInView(30, 50, 20, 5)).toEqual({ first: 1, end: 4, offsetTop: 20 });
    expect(rowsInView(30, 50, 20, 5, 1)).toEqual({ first: 0, end: 5, offsetTop: 0 });
    expect(rowsInView(0, 600, 24, 2050)).toEqual({ first: 0, end: 25, offsetTop: 0 });
    // 2,000 cases and 50 vendors: scrolled near the end, only a viewport's worth is drawn.
    expect(rowsInView(39_990, 600, 20, 2050, 2)).toEqual({ first: 1997, end: 2032, offsetTop: 39_940 });
    expect(rowsInView(100_000, 600, 20, 2050)).toEqual({ first: 2050, end: 2050, offsetTop: 41_000 });
    expect(rowsInView(-50, 600, 20, 0)).toEqual({ first: 0, end: 0, offsetTop: 0 });
  });
});
