/**
 * The vendor scorecard: per vendor portal over a period [from, to), how many cases came and went, how
 * fast the vendor answered, whose move the time was, and how often limits were passed. Plain rows, one
 * per vendor (and one per vendor and month), ready for a table or a CSV. Pure: `now` is a parameter.
 */
import { TZDate } from '@date-fns/tz';
import type { Calendar } from '../alerts/business-time';
import type { Policy } from '../alerts/policy';
import { vendorLabel, type CaseEvent, type CaseState, type StoredCase } from '../core/model';
import { ballSegments, businessHoursSpan, eventsByCase, stateBefore, type BallTimeline } from './ball-segments';

export interface ScorecardRow {
  vendor: string;
  /** The vendor portal id (lib/core/portals.ts): what the row is grouped by. */
  portal: string;
  /** Cases open (not closed) at the period's end, or at `now` when the period has not ended. */
  openAtEnd: number;
  opened: number;
  closed: number;
  /** Median business hours from opening to the vendor's first message, over the period's new cases that have one. */
  medianFirstResponseHours: number | null;
  firstResponses: number;
  /** New cases whose conversation we have read and in which the vendor has not written yet (not counted as zero). */
  noFirstResponseYet: number;
  /** New cases with no message on record: we never saw their conversation, so their first response is unknown. */
  conversationNotSeen: number;
  /** Median business hours from your message (the first of a run) in the period to the vendor's next one. */
  medianReplyHours: number | null;
  replies: number;
  /** Your messages in the period the vendor has not answered yet. */
  repliesPending: number;
  /** Business hours in the period on the vendor's move, and on yours (on hold, resolved and unknown left out). */
  waitingOnVendorHours: number;
  waitingOnYouHours: number;
  /** waitingOnVendorHours / (waitingOnVendorHours + waitingOnYouHours); null when both are zero. */
  vendorShare: number | null;
  /** Cases that were past the vendor-quiet limit at some time in the period. */
  pastVendorQuietLimit: number;
  /** Cases that were past the waiting-on-you limit at some time in the period. */
  pastWaitingOnYouLimit: number;
  /** Cases past either limit at the period's end. */
  pastLimitAtEnd: number;
}

/** Column order for a table or CSV of ScorecardRow. */
export const SCORECARD_COLUMNS: readonly (keyof ScorecardRow)[] = [
  'vendor',
  'portal',
  'openAtEnd',
  'opened',
  'closed',
  'medianFirstResponseHours',
  'firstResponses',
  'noFirstResponseYet',
  'conversationNotSeen',
  'medianReplyHours',
  'replies',
  'repliesPending',
  'waitingOnVendorHours',
  'waitingOnYouHours',
  'vendorShare',
  'pastVendorQuietLimit',
  'pastWaitingOnYouLimit',
  'pastLimitAtEnd',
];

/** Cases opened and closed in one calendar month of the user's zone. */
export interface ScorecardMonthRow {
  vendor: string;
  portal: string;
  /** "YYYY-MM" in the user's zone. */
  month: string;
  opened: number;
  closed: number;
}

export const SCORECARD_MONTH_COLUMNS: readonly (keyof ScorecardMonthRow)[] = [
  'vendor',
  'portal',
  'month',
  'opened',
  'closed',
];

export interface Scorecard {
  rows: ScorecardRow[];
  months: ScorecardMonthRow[];
}

export interface ScorecardInput {
  cases: readonly StoredCase[];
  /** Every event of those cases, any order (or already grouped by case key). */
  events: readonly CaseEvent[] | ReadonlyMap<string, CaseEvent[]>;
  policy: Policy;
  /** UTC ISO; `to` is exclusive. */
  from: string;
  to: string;
  nowIso: string;
  /** A portal's user-mapped status labels (see BallSegmentOptions.stateOfLabel). */
  stateOfLabel?: (portal: string, label: string) => CaseState | null;
}

/** The middle value; the mean of the two middle ones for an even count; null for none. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Hours to the hundredth: a table shows no float noise (3.0000000001). */
const round2 = (n: number) => Math.round(n * 100) / 100;
const roundOrNull = (n: number | null) => (n === null ? null : round2(n));

/** "YYYY-MM" of an instant in the zone. */
export function monthOf(ms: number, timeZone: string): string {
  const local = new TZDate(ms, timeZone);
  return `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}`;
}

/** Every month of the zone that [from, to) touches, oldest first. */
function monthsBetween(from: number, to: number, timeZone: string): string[] {
  if (!(to > from)) return [];
  const first = new TZDate(from, timeZone);
  const last = monthOf(to - 1, timeZone);
  const months: string[] = [];
  for (let y = first.getFullYear(), m = first.getMonth(); ; m++) {
    if (m === 12) [y, m] = [y + 1, 0];
    const month = `${y}-${String(m + 1).padStart(2, '0')}`;
    months.push(month);
    if (month === last || months.length > 1200) return months;
  }
}

interface VendorTally {
  row: ScorecardRow;
  firstResponseHours: number[];
  replyHours: number[];
  openedByMonth: Map<string, number>;
  closedByMonth: Map<string, number>;
}

function emptyRow(c: StoredCase): ScorecardRow {
  return {
    vendor: vendorLabel(c),
    portal: c.portal,
    openAtEnd: 0,
    opened: 0,
    closed: 0,
    medianFirstResponseHours: null,
    firstResponses: 0,
    noFirstResponseYet: 0,
    conversationNotSeen: 0,
    medianReplyHours: null,
    replies: 0,
    repliesPending: 0,
    waitingOnVendorHours: 0,
    waitingOnYouHours: 0,
    vendorShare: null,
    pastVendorQuietLimit: 0,
    pastWaitingOnYouLimit: 0,
    pastLimitAtEnd: 0,
  };
}

/** Adds one case's life to its vendor's tally. `until` is the period's end, or `now` if earlier. */
function tallyCase(t: VendorTally, tl: BallTimeline, from: number, to: number, until: number, cal: Calendar) {
  const { row } = t;
  const inPeriod = (ms: number) => ms >= from && ms < to;
  // At the period's end: what was in effect just before it (a change at that instant belongs to the next period).
  const openAtEnd = tl.opened < until && (!tl.closed || tl.end >= until) && stateBefore(tl, until) !== 'closed';
  if (openAtEnd) row.openAtEnd++;
  if (inPeriod(tl.opened)) {
    row.opened++;
    const month = monthOf(tl.opened, cal.timeZone);
    t.openedByMonth.set(month, (t.openedByMonth.get(month) ?? 0) + 1);
    const firstVendor = tl.ticks.find((m) => m.side === 'vendor');
    if (firstVendor) t.firstResponseHours.push(businessHoursSpan(tl.opened, firstVendor.at, cal));
    else if (tl.ticks.length) row.noFirstResponseYet++;
    else row.conversationNotSeen++;
  }
  if (tl.closed && inPeriod(tl.end)) {
    row.closed++;
    const month = monthOf(tl.end, cal.timeZone);
    t.closedByMonth.set(month, (t.closedByMonth.get(month) ?? 0) + 1);
  }

  let waitingSince: number | null = null; // Your first message the vendor has not answered yet.
  for (const m of tl.ticks) {
    if (m.side === 'customer') waitingSince ??= m.at;
    else if (waitingSince !== null) {
      if (inPeriod(waitingSince)) t.replyHours.push(businessHoursSpan(waitingSince, m.at, cal));
      waitingSince = null;
    }
  }
  if (waitingSince !== null && inPeriod(waitingSince)) row.repliesPending++;

  let vendorQuiet = false;
  let waitingOnYou = false;
  let pastAtEnd = false;
  for (const s of tl.segments) {
    const hours = businessHoursSpan(Math.max(s.from, from), Math.min(s.to, until), cal);
    if (s.whose === 'vendor') row.waitingOnVendorHours += hours;
    else if (s.whose === 'you') row.waitingOnYouHours += hours;
    for (const x of s.crossings) {
      if (x.at < until && x.until > from) {
        if (x.limit === 'vendor-quiet') vendorQuiet = true;
        else waitingOnYou = true;
      }
      if (x.at < until && x.until >= until) pastAtEnd = true;
    }
  }
  if (vendorQuiet) row.pastVendorQuietLimit++;
  if (waitingOnYou) row.pastWaitingOnYouLimit++;
  if (pastAtEnd && openAtEnd) row.pastLimitAtEnd++;
}

/** The scorecard of every vendor portal with a case alive in the period, by vendor name. */
export function buildScorecard(input: ScorecardInput): Scorecard {
  const { policy } = input;
  const from = Date.parse(input.from);
  const to = Date.parse(input.to);
  const now = Date.parse(input.nowIso);
  const until = Math.min(to, now);
  const byCase = input.events instanceof Map ? input.events : eventsByCase(input.events as readonly CaseEvent[]);
  const tallies = new Map<string, VendorTally>();
  const { stateOfLabel } = input;
  for (const c of input.cases) {
    const tl = ballSegments(c, byCase.get(c.key) ?? [], policy, input.nowIso, {
      limitsWithin: { from, to: until },
      ...(stateOfLabel ? { stateOfLabel: (label: string) => stateOfLabel(c.portal, label) } : {}),
    });
    // Only cases alive in the period: a vendor whose cases all closed before it has no row.
    if (tl.opened >= to || (tl.closed && tl.end < from)) continue;
    let t = tallies.get(c.portal);
    if (!t) {
      t = {
        row: emptyRow(c),
        firstResponseHours: [],
        replyHours: [],
        openedByMonth: new Map(),
        closedByMonth: new Map(),
      };
      tallies.set(c.portal, t);
    }
    tallyCase(t, tl, from, to, until, policy);
  }

  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  const ordered = [...tallies.values()].sort(
    (a, b) => collator.compare(a.row.vendor, b.row.vendor) || a.row.portal.localeCompare(b.row.portal),
  );
  const months = monthsBetween(from, to, policy.timeZone);
  return {
    rows: ordered.map(({ row, firstResponseHours, replyHours }) => {
      // The share of the hours as the row gives them: seconds that round to 0 h make no 100%.
      const vendor = round2(row.waitingOnVendorHours);
      const you = round2(row.waitingOnYouHours);
      return {
        ...row,
        medianFirstResponseHours: roundOrNull(median(firstResponseHours)),
        firstResponses: firstResponseHours.length,
        medianReplyHours: roundOrNull(median(replyHours)),
        replies: replyHours.length,
        waitingOnVendorHours: vendor,
        waitingOnYouHours: you,
        vendorShare: vendor + you > 0 ? round2(vendor / (vendor + you)) : null,
      };
    }),
    months: ordered.flatMap(({ row, openedByMonth, closedByMonth }) =>
      months.map((month) => ({
        vendor: row.vendor,
        portal: row.portal,
        month,
        opened: openedByMonth.get(month) ?? 0,
        closed: closedByMonth.get(month) ?? 0,
      })),
    ),
  };
}
