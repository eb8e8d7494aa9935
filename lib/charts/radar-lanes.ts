/**
 * The radar: one lane per case alive in a time window, grouped by vendor portal, with the case's
 * messages, state changes and escalation as marks and the stretches it spent past a limit. Built in one
 * pass over the events (each date parsed once); only the rows in view need drawing (rowsInView). Pure.
 */
import type { Policy } from '../alerts/policy';
import { describeEscalation } from '../cases/case-history';
import { CLOCK_SKEW_MS } from '../alerts/staleness';
import { vendorLabel, type CaseEvent, type CaseState, type StoredCase } from '../core/model';
import type { CaseWorkspace } from '../store/db';
import { PORTAL_DATE_FLOOR } from '../store/ingest';
import { ballSegments, eventsByCase, type LimitKind } from './ball-segments';

export type RadarMarkKind = 'vendor-message' | 'your-message' | 'state' | 'escalation';

export interface RadarMark {
  /** Epoch ms. */
  at: number;
  kind: RadarMarkKind;
}

/** A stretch past a limit, clipped to the window, [from, to) in epoch ms. */
export interface OverLimitStretch {
  from: number;
  to: number;
  limit: LimitKind;
}

export interface RadarLane {
  caseKey: string;
  caseId: string;
  title: string;
  /** The case's life clipped to the window, [from, to) in epoch ms. */
  from: number;
  to: number;
  /** Oldest first. */
  marks: RadarMark[];
  overLimit: OverLimitStretch[];
}

export interface RadarGroup {
  portal: string;
  vendor: string;
  lanes: RadarLane[];
}

export interface RadarInput {
  cases: readonly StoredCase[];
  /** Every event of those cases, any order (or already grouped by case key). */
  events: readonly CaseEvent[] | ReadonlyMap<string, CaseEvent[]>;
  workspaces?: readonly Pick<CaseWorkspace, 'caseKey' | 'escalation'>[];
  policy: Policy;
  /** The window, UTC ISO; `end` is exclusive. */
  start: string;
  end: string;
  nowIso: string;
  /** A portal's user-mapped status labels (see BallSegmentOptions.stateOfLabel). */
  stateOfLabel?: (portal: string, label: string) => CaseState | null;
}

type LaneGroups = Map<string, RadarGroup & { opened: Map<RadarLane, number> }>;

/** Files a case's lane under its vendor portal (the group made on its first lane), with when it opened. */
function addLane(
  groups: LaneGroups,
  c: StoredCase,
  span: Pick<RadarLane, 'from' | 'to' | 'marks' | 'overLimit'>,
  opened: number,
): void {
  let group = groups.get(c.portal);
  if (!group) {
    group = { portal: c.portal, vendor: vendorLabel(c), lanes: [], opened: new Map() };
    groups.set(c.portal, group);
  }
  const lane: RadarLane = {
    caseKey: c.key,
    caseId: c.caseId,
    title: c.title,
    ...span,
    to: Math.max(span.to, span.from),
  };
  group.lanes.push(lane);
  group.opened.set(lane, opened);
}

/** Lanes of the cases whose life overlaps the window, by vendor name, each vendor's oldest case first. */
export function radarLanes(input: RadarInput): RadarGroup[] {
  const start = Date.parse(input.start);
  const end = Date.parse(input.end);
  const byCase = input.events instanceof Map ? input.events : eventsByCase(input.events as readonly CaseEvent[]);
  const escalations = new Map<string, number>();
  for (const ws of input.workspaces ?? []) {
    const item = describeEscalation(ws);
    const at = item ? Date.parse(item.at) : NaN;
    if (at >= start && at < end) escalations.set(ws.caseKey, at);
  }

  const groups: LaneGroups = new Map();
  const { stateOfLabel } = input;
  for (const c of input.cases) {
    const tl = ballSegments(c, byCase.get(c.key) ?? [], input.policy, input.nowIso, {
      limitsWithin: { from: start, to: end },
      ...(stateOfLabel ? { stateOfLabel: (label: string) => stateOfLabel(c.portal, label) } : {}),
    });
    // A closed case's lane ends at its closing; an open one's at now.
    const from = Math.max(tl.opened, start);
    const to = Math.min(tl.end, end);
    if (!(to > from) && !(tl.opened >= start && tl.opened < end)) continue;

    const marks: RadarMark[] = [];
    for (const m of tl.ticks)
      if (m.at >= start && m.at < end)
        marks.push({ at: m.at, kind: m.side === 'vendor' ? 'vendor-message' : 'your-message' });
    // The first state mark is the state at the opening, no change.
    for (let i = 1; i < tl.states.length; i++) {
      const at = tl.states[i]!.at;
      if (at >= start && at < end) marks.push({ at, kind: 'state' });
    }
    const escalatedAt = escalations.get(c.key);
    if (escalatedAt !== undefined) marks.push({ at: escalatedAt, kind: 'escalation' });
    marks.sort((a, b) => a.at - b.at);

    const overLimit: OverLimitStretch[] = [];
    for (const s of tl.segments)
      for (const x of s.crossings) {
        const [a, b] = [Math.max(x.at, start), Math.min(x.until, end)];
        if (!(b > a)) continue;
        const last = overLimit.at(-1);
        // A stretch running on from open into on hold (both the vendor's move to the rules) is drawn as one.
        if (last && last.limit === x.limit && last.to === a) last.to = b;
        else overLimit.push({ from: a, to: b, limit: x.limit });
      }

    addLane(groups, c, { from, to, marks, overLimit }, tl.opened);
  }

  return sortGroups(groups);
}

const FLOOR_MS = Date.parse(PORTAL_DATE_FLOOR);

/**
 * The radar's lanes from the case rows alone, without reading an event: the same groups, order and
 * window test as radarLanes, with the opening from the case's creation (else first sight) and a closed
 * case's end at its last update, and no marks or stretches. Cheap (no business-time counting), so that
 * a page can lay out 2,000 lanes at once and read the events of the lanes in view first. Where the
 * events tell another opening or closing, radarLanes is right and this is not.
 */
export function radarOutline(input: Pick<RadarInput, 'cases' | 'start' | 'end' | 'nowIso'>): RadarGroup[] {
  const start = Date.parse(input.start);
  const end = Date.parse(input.end);
  const now = Date.parse(input.nowIso);
  const plausible = (t: number) => t >= FLOOR_MS && t <= now + CLOCK_SKEW_MS;
  const parse = (v: string | null | undefined) => (v ? Date.parse(v) : NaN);
  const groups: LaneGroups = new Map();
  for (const c of input.cases) {
    const created = parse(c.createdAt);
    const seen = parse(c.firstSeenAt);
    const opened = plausible(created) ? Math.min(created, now) : plausible(seen) ? Math.min(seen, now) : now;
    let life = now;
    if (c.state === 'closed') {
      const closedAt = [parse(c.updatedAt), seen].find((t) => plausible(t) && t >= opened) ?? opened;
      life = Math.min(closedAt, now);
    }
    const from = Math.max(opened, start);
    const to = Math.min(life, end);
    if (!(to > from) && !(opened >= start && opened < end)) continue;
    addLane(groups, c, { from, to, marks: [], overLimit: [] }, opened);
  }
  return sortGroups(groups);
}

/** By vendor name, then portal; each vendor's lanes oldest opening first, then by case key. */
function sortGroups(groups: LaneGroups): RadarGroup[] {
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  return [...groups.values()]
    .sort((a, b) => collator.compare(a.vendor, b.vendor) || a.portal.localeCompare(b.portal))
    .map(({ opened, ...group }) => ({
      ...group,
      lanes: group.lanes.sort(
        (a, b) => opened.get(a)! - opened.get(b)! || (a.caseKey < b.caseKey ? -1 : a.caseKey > b.caseKey ? 1 : 0),
      ),
    }));
}

/**
 * The outline with lanes radarLanes drew for some of its cases put in their place (by case key): the
 * lanes in view drawn in full before every case's events are read. Rows stay where the outline has them.
 */
export function withLanes(outline: readonly RadarGroup[], drawn: ReadonlyMap<string, RadarLane>): RadarGroup[] {
  if (drawn.size === 0) return [...outline];
  return outline.map((g) => ({ ...g, lanes: g.lanes.map((l) => drawn.get(l.caseKey) ?? l) }));
}

/** One drawn row: a vendor's heading, or one case's lane. */
export type RadarRow =
  | { kind: 'vendor'; portal: string; vendor: string; laneCount: number }
  | { kind: 'lane'; portal: string; lane: RadarLane };

/** The groups as the rows drawn top to bottom: each vendor's heading, then its lanes. */
export function radarRows(groups: readonly RadarGroup[]): RadarRow[] {
  return groups.flatMap((g): RadarRow[] => [
    { kind: 'vendor', portal: g.portal, vendor: g.vendor, laneCount: g.lanes.length },
    ...g.lanes.map((lane): RadarRow => ({ kind: 'lane', portal: g.portal, lane })),
  ]);
}

/** Rows [first, end) to draw, and where the first one goes (px from the top of the whole list). */
export interface RowRange {
  first: number;
  end: number;
  offsetTop: number;
}

/**
 * The rows in view for a scroll position (px), viewport height (px) and fixed row height (px), plus
 * `overscan` rows each side so that a fast scroll shows no gap. O(1): rows are all the same height.
 */
export function rowsInView(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  rowCount: number,
  overscan = 0,
): RowRange {
  if (!(rowHeight > 0) || rowCount <= 0) return { first: 0, end: 0, offsetTop: 0 };
  const top = Math.max(0, scrollTop);
  const first = Math.min(rowCount, Math.max(0, Math.floor(top / rowHeight) - overscan));
  const end = Math.min(rowCount, Math.ceil((top + Math.max(0, viewportHeight)) / rowHeight) + overscan);
  return { first, end: Math.max(first, end), offsetTop: first * rowHeight };
}
