/**
 * A case's life as stretches of whose move it was, for the charts: from when it was opened to now (or
 * its closing), with its message ticks, the moments the alert limits were crossed, and business hours
 * per side. Pure: `now` and the user's calendar are parameters. Times out are epoch milliseconds (UTC),
 * so a chart places thousands of marks without parsing a date.
 */
import {
  addBusinessDays,
  businessDaysBetween,
  businessHoursBetween,
  startOfLocalDay,
  type Calendar,
} from '../alerts/business-time';
import type { Policy, Threshold } from '../alerts/policy';
import { CLOCK_SKEW_MS, vendorQuietLimit } from '../alerts/staleness';
import { ballInCourt } from '../alerts/urgency';
import { guessState } from '../capture/recipes';
import { compareStatus, foldStatus } from '../capture/status-vocabulary';
import { STATE_LABELS } from '../cases/format';
import { isLearned, type CaseEvent, type CaseState, type MessageSide, type StoredCase } from '../core/model';
import { PORTAL_DATE_FLOOR } from '../store/ingest';

/** Whose move a stretch of the case's life was: on-hold and resolved/closed are told apart from the vendor's. */
export type Whose = 'vendor' | 'you' | 'on-hold' | 'resolved' | 'unknown';
export const WHOSE: readonly Whose[] = ['vendor', 'you', 'on-hold', 'resolved', 'unknown'];

/** The two alert rules with a limit on whose move it is (lib/alerts/staleness.ts). */
export type LimitKind = 'vendor-quiet' | 'waiting-on-you';

/** A stretch past a limit: from the moment it was crossed until the vendor acted or the move changed. */
export interface LimitCrossing {
  limit: LimitKind;
  /** Epoch ms the alert's clock counts from (the vendor's last act, as alertsForCase reads it). */
  since: number;
  /** Epoch ms the limit was crossed, or the segment's start when it was already past then. */
  at: number;
  /** Epoch ms the stretch ends (exclusive). */
  until: number;
}

/** One stretch of the case's life, [from, to) in epoch ms. */
export interface BallSegment {
  from: number;
  to: number;
  whose: Whose;
  crossings: LimitCrossing[];
}

export interface MessageTick {
  /** Epoch ms. */
  at: number;
  side: MessageSide;
}

/** The case's state from `at` (epoch ms) on: the first one at the opening, then each change the vendor made. */
export interface StateMark {
  at: number;
  state: CaseState | null;
  /** The vendor's own label, verbatim; null when never read. */
  label: string | null;
}

export interface BallTimeline {
  caseKey: string;
  /** Epoch ms the case was opened: its portal creation time, else its first dated event. */
  opened: number;
  /** Epoch ms its life ends: `now`, or when it was closed. */
  end: number;
  closed: boolean;
  /** Contiguous, oldest first, covering [opened, end); neighbours never share `whose`. */
  segments: BallSegment[];
  /** Messages, oldest first (those after a closing included, up to `now`). */
  ticks: MessageTick[];
  states: StateMark[];
  /** Working hours of the user's calendar spent in each kind of segment. */
  businessHours: Record<Whose, number>;
  /** Events left out: dated before the case existed, before PORTAL_DATE_FLOOR (0001-01-01), or ahead of `now`. */
  ignoredEvents: number;
}

export interface BallSegmentOptions {
  /**
   * Only look for limit crossings in stretches overlapping [from, to) (epoch ms): a view of one window
   * need not pay for the case's whole history.
   */
  limitsWithin?: { from: number; to: number };
  /**
   * What the user said a label of this portal means, for labels Caseradar cannot map (a per-portal
   * status map); asked before the labels' words are guessed at.
   */
  stateOfLabel?: (label: string) => CaseState | null;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** businessHoursBetween's default cap (60 days), with a day to spare: past it the alert's count stops growing. */
const HOURS_CAP_MS = 61 * DAY_MS;
const FLOOR_MS = Date.parse(PORTAL_DATE_FLOOR);

const iso = (ms: number) => new Date(ms).toISOString();

/** Business hours between two instants, uncapped: a chart measures whole lives, not alert spans. */
export function businessHoursSpan(from: number, to: number, cal: Calendar): number {
  return to > from ? businessHoursBetween(iso(from), iso(to), cal, Infinity) : 0;
}

/**
 * The first instant (epoch ms) the alert rules would call a clock started at `since` past `threshold`,
 * or null when it never gets there (no working days; hours beyond the rules' 60-day cap). The rules'
 * own counts decide; this only searches for where they flip.
 */
export function limitCrossedAt(since: number, threshold: Threshold, cal: Calendar): number | null {
  const sinceIso = iso(since);
  const over =
    'businessHours' in threshold
      ? (t: number) => businessHoursBetween(sinceIso, iso(t), cal) >= threshold.businessHours
      : (t: number) => businessDaysBetween(sinceIso, iso(t), cal) >= threshold.businessDays;
  if (over(since)) return since;
  let lo = since;
  let hi: number;
  if ('businessDays' in threshold) {
    // Whole local days are counted, so the limit falls at the local midnight that starts the nth working day.
    const day = Date.parse(addBusinessDays(sinceIso, threshold.businessDays, cal));
    const midnight = startOfLocalDay(day, cal.timeZone);
    if (over(midnight) && !over(midnight - 1)) return midnight;
    hi = day;
    if (!over(hi)) return null;
  } else {
    const target = threshold.businessHours;
    hi = since + Math.max(target * HOUR_MS, 60_000);
    while (!over(hi)) {
      if (hi - since > HOURS_CAP_MS) return null;
      [lo, hi] = [hi, since + (hi - since) * 2];
    }
    // Working hours grow no faster than the clock, so lo + the hours still missing is never past the
    // crossing, and is the crossing once lo is in its working window: a few probes, not a 30-step search.
    while (hi - lo > 1) {
      const missing = target - businessHoursBetween(sinceIso, iso(lo), cal);
      const probe = Math.min(hi, lo + Math.max(1, Math.ceil(missing * HOUR_MS)));
      if (!over(probe)) lo = probe;
      else if (!over(probe - 1)) return probe;
      else hi = probe - 1;
      const mid = lo + Math.floor((hi - lo) / 2);
      if (over(mid)) hi = mid;
      else lo = mid;
    }
  }
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (over(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Each case's events, in one pass over all of them. */
export function eventsByCase(events: readonly CaseEvent[]): Map<string, CaseEvent[]> {
  const byCase = new Map<string, CaseEvent[]>();
  for (const e of events) {
    const list = byCase.get(e.caseKey);
    if (list) list.push(e);
    else byCase.set(e.caseKey, [e]);
  }
  return byCase;
}

/**
 * A status label as one of our states. The label the case shows now is mapped as the case row maps it;
 * a manual case's labels are our own words; then the user's own mapping; older portal labels are read
 * by their words (guessState), because only the adapter that read them knew their exact meaning.
 */
function stateReader(
  c: Pick<StoredCase, 'provider' | 'vendorStatus' | 'state'>,
  userMapping: ((label: string) => CaseState | null) | undefined,
): (label: string | null) => CaseState | null {
  const manual = new Map(Object.entries(STATE_LABELS).map(([state, label]) => [label, state as CaseState]));
  const memo = new Map<string, CaseState | null>();
  return (label) => {
    if (!label) return null;
    let state = memo.get(label);
    if (state === undefined) {
      if (c.vendorStatus && compareStatus(c.provider, c.vendorStatus, label, false) === 'same') state = c.state;
      else if (c.provider === 'manual' && manual.has(label)) state = manual.get(label)!;
      else state = userMapping?.(label) ?? guessState(foldStatus(label));
      memo.set(label, state);
    }
    return state;
  };
}

/** Whose move a state means; an unknown state goes to the side that did not write last, as ballInCourt says. */
function whoseOf(state: CaseState | null, lastVendor: number | null, lastCustomer: number | null): Whose {
  if (state === 'on-hold') return 'on-hold';
  // The message times only matter to an unknown state: no dates are written for the others.
  const written = (t: number | null) => (state === null && t !== null ? iso(t) : null);
  const ball = ballInCourt({
    state,
    severity: null,
    updatedAt: null,
    createdAt: null,
    firstSeenAt: '',
    lastVendorMessageAt: written(lastVendor),
    lastCustomerMessageAt: written(lastCustomer),
  });
  return ball === 'closing' || ball === 'closed' ? 'resolved' : ball;
}

/** The alert rule that watches a move: on hold is still the vendor's move to the rules (ballInCourt). */
function limitOf(whose: Whose): LimitKind | null {
  return whose === 'vendor' || whose === 'on-hold' ? 'vendor-quiet' : whose === 'you' ? 'waiting-on-you' : null;
}

/** Index of the last value ≤ t in an ascending list, or -1. */
function lastAtOrBefore(sorted: number[], t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

interface Dated {
  at: number;
  e: CaseEvent;
}

/**
 * The case's life as whose-move segments from its opening to `nowIso` (or its closing). Events may come
 * in any order. A value the store only learned (isLearned) is taken as the state the case already had,
 * from its opening, never as a change at the moment we read it.
 */
export function ballSegments(
  c: StoredCase,
  events: readonly CaseEvent[],
  policy: Policy,
  nowIso: string,
  options: BallSegmentOptions = {},
): BallTimeline {
  const now = Date.parse(nowIso);
  const plausible = (t: number) => t >= FLOOR_MS && t <= now + CLOCK_SKEW_MS;
  let ignoredEvents = 0;

  let dated: Dated[] = [];
  for (const e of events) {
    const at = Date.parse(e.at);
    if (plausible(at)) dated.push({ at: Math.min(at, now), e });
    else ignoredEvents++;
  }
  if (dated.some((d, i) => i > 0 && d.at < dated[i - 1]!.at)) dated.sort((a, b) => a.at - b.at); // Stable.

  const parse = (v: string | null | undefined) => (v ? Date.parse(v) : NaN);
  const createdAt = parse(c.createdAt);
  const firstSeenAt = parse(c.firstSeenAt);
  let opened: number;
  if (plausible(createdAt)) opened = Math.min(createdAt, now);
  else {
    const candidates = [dated[0]?.at ?? NaN, firstSeenAt].filter(plausible);
    opened = candidates.length ? Math.min(...candidates, now) : now;
  }
  // Dated before the case existed (beyond clock skew between portal and us): a wrong date, not history.
  const kept = dated.filter((d) => d.at >= opened - CLOCK_SKEW_MS);
  ignoredEvents += dated.length - kept.length;
  dated = kept.map((d) => (d.at < opened ? { ...d, at: opened } : d));

  const readState = stateReader(c, options.stateOfLabel);
  const created = dated.find((d) => d.e.type === 'created' && d.e.to);
  const learned = dated.find((d) => d.e.type === 'state' && isLearned(d.e) && d.e.to);
  const firstChange = dated.find((d) => d.e.type === 'state' && !isLearned(d.e));
  const initialLabel = created?.e.to ?? learned?.e.to ?? firstChange?.e.from ?? null;
  let state = initialLabel ? readState(initialLabel) : c.state;
  const states: StateMark[] = [{ at: opened, state, label: initialLabel ?? c.vendorStatus }];

  const ticks: MessageTick[] = [];
  const vendorMessages: number[] = [];
  // Steps the vendor's portal dated (changes, not values we only learned), and its last update.
  const steps: number[] = [];
  let lastVendor: number | null = null;
  let lastCustomer: number | null = null;
  // When the case last went from open to closed; null while open, or when it was closed when first read.
  let closedSince: number | null = null;

  const segments: BallSegment[] = [];
  let current: BallSegment = { from: opened, to: opened, whose: whoseOf(state, null, null), crossings: [] };
  const moveTo = (at: number, whose: Whose) => {
    if (whose === current.whose) return;
    if (at > current.from) {
      segments.push({ ...current, to: at });
      current = { from: at, to: at, whose, crossings: [] };
      return;
    }
    // Nothing elapsed since the last switch: undo it rather than leave an empty segment.
    const previous = segments.at(-1);
    if (previous && previous.whose === whose && previous.to === at) current = segments.pop()!;
    else current.whose = whose;
  };

  for (const { at, e } of dated) {
    if (e.type === 'message') {
      if (!e.message) continue;
      ticks.push({ at, side: e.message.side });
      if (e.message.side === 'vendor') {
        vendorMessages.push(at);
        lastVendor = at;
      } else lastCustomer = at;
    } else if (e.type === 'state') {
      if (isLearned(e)) continue;
      const next = readState(e.to ?? null);
      if (next === 'closed' && state !== 'closed') closedSince = at;
      else if (next !== 'closed') closedSince = null;
      state = next;
      states.push({ at, state, label: e.to ?? null });
      steps.push(at);
    } else if (e.type !== 'created' && !isLearned(e)) steps.push(at);
    moveTo(at, whoseOf(state, lastVendor, lastCustomer));
  }
  const updatedAt = parse(c.updatedAt);
  if (plausible(updatedAt) && updatedAt >= opened) {
    steps.push(Math.min(updatedAt, now));
    steps.sort((a, b) => a - b);
  }

  const closed = state === 'closed';
  let end = now;
  if (closed) {
    // Closed since we first saw it: the portal's last update is the best date for the closing.
    const fallback = [updatedAt, firstSeenAt].find((t) => plausible(t) && t >= opened) ?? opened;
    end = Math.min(closedSince ?? fallback, now);
  }
  segments.push({ ...current, to: end });
  const life = segments.filter((s) => s.from < end).map((s) => (s.to > end ? { ...s, to: end } : s));

  const cal: Calendar = policy;
  const limits: Record<LimitKind, Threshold> = {
    'vendor-quiet': vendorQuietLimit(c, policy),
    'waiting-on-you': policy.waitingOnYou,
  };
  // The alerts' clock: the vendor's last message, else the portal's last dated step, else (as the rules
  // fall back) the creation for vendor quiet and our first sight of the case for waiting on you.
  const seenAt = plausible(firstSeenAt) ? Math.min(Math.max(firstSeenAt, opened), now) : opened;
  const fallback: Record<LimitKind, number> = { 'vendor-quiet': opened, 'waiting-on-you': seenAt };
  const sinceAt = (limit: LimitKind, t: number) => {
    const m = lastAtOrBefore(vendorMessages, t);
    if (m >= 0) return vendorMessages[m]!;
    const s = lastAtOrBefore(steps, t);
    return s >= 0 ? steps[s]! : fallback[limit];
  };
  const firstVendorMessage = vendorMessages[0] ?? Infinity;
  const crossedMemo = new Map<string, number | null>();
  const crossedAt = (limit: LimitKind, since: number) => {
    const key = `${limit}:${since}`;
    if (!crossedMemo.has(key)) crossedMemo.set(key, limitCrossedAt(since, limits[limit], cal));
    return crossedMemo.get(key)!;
  };
  const window = options.limitsWithin;
  for (const segment of life) {
    const limit = limitOf(segment.whose);
    if (!limit) continue;
    // The clock restarts inside a segment when the vendor writes (or, before its first message, updates).
    const inside = (sorted: number[], below: number) =>
      sorted.slice(
        lastAtOrBefore(sorted, segment.from) + 1,
        lastAtOrBefore(sorted, Math.min(segment.to, below) - 1) + 1,
      );
    const restarts = [...inside(vendorMessages, Infinity), ...inside(steps, firstVendorMessage)].sort((a, b) => a - b);
    const bounds = [segment.from, ...new Set(restarts), segment.to];
    for (let i = 0; i + 1 < bounds.length; i++) {
      const [from, to] = [bounds[i]!, bounds[i + 1]!];
      if (window && (to <= window.from || from >= window.to)) continue;
      const since = sinceAt(limit, from);
      const at = crossedAt(limit, since);
      if (at !== null && at < to) segment.crossings.push({ limit, since, at: Math.max(at, from), until: to });
    }
  }

  const businessHours = Object.fromEntries(WHOSE.map((w) => [w, 0])) as Record<Whose, number>;
  for (const s of life) businessHours[s.whose] += businessHoursSpan(s.from, s.to, cal);

  return { caseKey: c.key, opened, end, closed, segments: life, ticks, states, businessHours, ignoredEvents };
}

/** The state in effect just before `t` (epoch ms): a change at `t` itself is not yet counted. */
export function stateBefore(timeline: Pick<BallTimeline, 'states'>, t: number): CaseState | null {
  const { states } = timeline;
  let i = 0;
  while (i + 1 < states.length && states[i + 1]!.at < t) i++;
  return states[i]?.state ?? null;
}
