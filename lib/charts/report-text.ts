/**
 * Words, windows and tables for the chart views (components/charts): what a chart's text alternative
 * says, the radar's zoom windows, and the scorecard as CSV. Pure: `now` is a parameter.
 */
import Papa from 'papaparse';
import { CLOCK_SKEW_MS } from '../alerts/staleness';
import type { StoredCase } from '../core/model';
import { neutralizeCell } from '../export/csv';
import { PORTAL_DATE_FLOOR } from '../store/ingest';
import type { BallTimeline, LimitKind, Whose } from './ball-segments';
import type { RadarGroup, RadarLane, RadarMarkKind } from './radar-lanes';
import { SCORECARD_COLUMNS, SCORECARD_MONTH_COLUMNS, type ScorecardMonthRow, type ScorecardRow } from './scorecard';

const DAY_MS = 86_400_000;
const FLOOR_MS = Date.parse(PORTAL_DATE_FLOOR);

/** Whose move, as the legend and the summaries say it. */
export const WHOSE_LABELS: Record<Whose, string> = {
  vendor: 'With the vendor',
  you: 'With you',
  'on-hold': 'On hold',
  resolved: 'Resolved',
  unknown: 'Unknown',
};

export const LIMIT_LABELS: Record<LimitKind, string> = {
  'vendor-quiet': 'Past the vendor-quiet limit',
  'waiting-on-you': 'Past the waiting-on-you limit',
};

export const MARK_LABELS: Record<RadarMarkKind, string> = {
  'vendor-message': 'Vendor message',
  'your-message': 'Your message',
  state: 'State change',
  escalation: 'Escalation',
};

/** Hours to one decimal, as every chart and table shows them: 12, 3.5, 0, "< 0.1"; "—" for none. */
export function formatHours(hours: number | null): string {
  if (hours === null || !Number.isFinite(hours)) return '—';
  // A few minutes is not nothing: a share of 100% beside "0 hours" would read as a mistake.
  if (hours > 0 && hours < 0.05) return '< 0.1';
  return String(Math.round(hours * 10) / 10);
}

/** "12 business hours", "1 business hour". */
export function businessHoursPhrase(hours: number): string {
  const text = formatHours(hours);
  return `${text} business hour${text === '1' ? '' : 's'}`;
}

/** A share 0–1 as a whole percentage ("75%"); "—" for none. */
export function formatShare(share: number | null): string {
  return share === null || !Number.isFinite(share) ? '—' : `${Math.round(share * 100)}%`;
}

/** Phrases of the ball bar's summary, in the legend's order. */
const SUMMARY_PHRASES: Record<Whose, string> = {
  vendor: 'with the vendor',
  you: 'with you',
  'on-hold': 'on hold',
  resolved: 'resolved',
  unknown: 'whose move unknown',
};
const WHOSE_ORDER: readonly Whose[] = ['vendor', 'you', 'on-hold', 'resolved', 'unknown'];

/** Limit crossings of a timeline, each stretch once. */
export function crossingsOf(tl: Pick<BallTimeline, 'segments'>) {
  return tl.segments.flatMap((s) => s.crossings);
}

/**
 * The ball bar's text alternative: "With the vendor 12 business hours, with you 3 business hours, on hold
 * 0 business hours. Past a limit twice. 4 vendor messages, 3 of yours." Kinds with no time at all are
 * left out, except the vendor's and yours.
 */
export function ballSummary(tl: Pick<BallTimeline, 'segments' | 'ticks' | 'businessHours' | 'closed'>): string {
  const shown = WHOSE_ORDER.filter(
    (w) => w === 'vendor' || w === 'you' || tl.segments.some((s) => s.whose === w) || tl.businessHours[w] > 0,
  );
  const time = shown.map((w) => `${SUMMARY_PHRASES[w]} ${businessHoursPhrase(tl.businessHours[w])}`).join(', ');
  const crossings = crossingsOf(tl).length;
  const limits =
    crossings === 0 ? 'Never past a limit.' : `Past a limit ${crossings === 1 ? 'once' : `${crossings} times`}.`;
  const vendor = tl.ticks.filter((t) => t.side === 'vendor').length;
  const yours = tl.ticks.length - vendor;
  const messages = `${vendor} vendor message${vendor === 1 ? '' : 's'}, ${yours} of yours.`;
  return `${time.charAt(0).toUpperCase()}${time.slice(1)}. ${limits} ${messages}${tl.closed ? ' Closed.' : ''}`;
}

export type Zoom = '7d' | '30d' | '90d' | 'all';
export const ZOOMS: readonly { id: Zoom; label: string; days: number | null }[] = [
  { id: '7d', label: '7 days', days: 7 },
  { id: '30d', label: '30 days', days: 30 },
  { id: '90d', label: '90 days', days: 90 },
  { id: 'all', label: 'All', days: null },
];

/** When the case was opened as the cases table says it (creation, else first sight); NaN when not believable. */
function openedOf(c: Pick<StoredCase, 'createdAt' | 'firstSeenAt'>, now: number): number {
  for (const v of [c.createdAt, c.firstSeenAt]) {
    const t = v ? Date.parse(v) : NaN;
    if (t >= FLOOR_MS && t <= now + CLOCK_SKEW_MS) return Math.min(t, now);
  }
  return NaN;
}

/**
 * The radar's window for a zoom, epoch ms [start, end): the last n days up to now, or from the oldest
 * case's opening (at least a day back). `end` is just past now, so that a mark made now is drawn.
 */
export function zoomWindow(
  zoom: Zoom,
  cases: readonly Pick<StoredCase, 'createdAt' | 'firstSeenAt'>[],
  now: number,
): { start: number; end: number } {
  const days = ZOOMS.find((z) => z.id === zoom)?.days ?? null;
  if (days !== null) return { start: now - days * DAY_MS, end: now + 1 };
  let oldest = now - DAY_MS;
  for (const c of cases) {
    const t = openedOf(c, now);
    if (t < oldest) oldest = t;
  }
  return { start: oldest, end: now + 1 };
}

export interface RadarTotals {
  vendor: string;
  portal: string;
  cases: number;
  marks: Record<RadarMarkKind, number>;
  /** Cases with a stretch past a limit in the window. */
  pastLimit: number;
}

const countMarks = (lanes: readonly RadarLane[]) => {
  const marks: Record<RadarMarkKind, number> = { 'vendor-message': 0, 'your-message': 0, state: 0, escalation: 0 };
  for (const lane of lanes) for (const m of lane.marks) marks[m.kind]++;
  return marks;
};

/** The radar's numbers per vendor: what its table alternative shows. */
export function radarTotals(groups: readonly RadarGroup[]): RadarTotals[] {
  return groups.map((g) => ({
    vendor: g.vendor,
    portal: g.portal,
    cases: g.lanes.length,
    marks: countMarks(g.lanes),
    pastLimit: g.lanes.filter((l) => l.overLimit.length > 0).length,
  }));
}

/**
 * What a lane shows, after its visible label ("#48213 Fiber link down"): the vendor and the marks and
 * stretches in the window, "Northwind Fiber. 2 vendor messages, 1 state change; 1 stretch past a limit".
 */
export function laneDetails(vendor: string, lane: RadarLane): string {
  const marks = countMarks([lane]);
  const counts = (Object.keys(MARK_LABELS) as RadarMarkKind[])
    .filter((k) => marks[k] > 0)
    .map((k) => `${marks[k]} ${MARK_LABELS[k].toLowerCase()}${marks[k] === 1 ? '' : 's'}`);
  const n = lane.overLimit.length;
  const past = n ? `; ${n} stretch${n === 1 ? '' : 'es'} past a limit` : '';
  return `${vendor}. ${counts.length ? counts.join(', ') : 'No marks in view'}${past}`;
}

/** Column headings of the scorecard, as the table and the CSV header say them. */
export const SCORECARD_HEADINGS: Record<keyof ScorecardRow, string> = {
  vendor: 'Vendor',
  portal: 'Portal',
  openAtEnd: 'Open at end',
  opened: 'Opened',
  closed: 'Closed',
  medianFirstResponseHours: 'Median first response (business h)',
  firstResponses: 'First responses',
  noFirstResponseYet: 'No first response yet',
  conversationNotSeen: 'Conversation not seen',
  medianReplyHours: 'Median reply (business h)',
  replies: 'Replies',
  repliesPending: 'Replies pending',
  waitingOnVendorHours: 'Waiting on vendor (business h)',
  waitingOnYouHours: 'Waiting on you (business h)',
  vendorShare: 'Share waiting on vendor',
  pastVendorQuietLimit: 'Past vendor-quiet limit',
  pastWaitingOnYouLimit: 'Past waiting-on-you limit',
  pastLimitAtEnd: 'Past a limit at end',
};

/** A scorecard cell as the table shows it. */
export function scorecardCell(row: ScorecardRow, column: keyof ScorecardRow): string {
  const v = row[column];
  if (column === 'vendorShare') return formatShare(v as number | null);
  if (column.endsWith('Hours')) return formatHours(v as number | null);
  return v === null ? '—' : String(v);
}

const csvCell = (v: unknown): string => (v === null || v === undefined ? '' : neutralizeCell(String(v)));

/** The scorecard as CSV (RFC 4180, formula cells neutralised): raw numbers, one row per vendor. */
export function scorecardCsv(rows: readonly ScorecardRow[]): string {
  return Papa.unparse({
    fields: SCORECARD_COLUMNS.map((c) => SCORECARD_HEADINGS[c]),
    data: rows.map((r) => SCORECARD_COLUMNS.map((c) => csvCell(r[c]))),
  });
}

/** Opened and closed per month as CSV, one row per vendor and month. */
export function scorecardMonthsCsv(rows: readonly ScorecardMonthRow[]): string {
  return Papa.unparse({
    fields: [...SCORECARD_MONTH_COLUMNS],
    data: rows.map((r) => SCORECARD_MONTH_COLUMNS.map((c) => csvCell(r[c]))),
  });
}

/** Opened and closed per month, of one vendor portal or (null) of every vendor together, oldest first. */
export function monthTotals(
  rows: readonly ScorecardMonthRow[],
  portal: string | null,
): { month: string; opened: number; closed: number }[] {
  const byMonth = new Map<string, { month: string; opened: number; closed: number }>();
  for (const r of rows) {
    if (portal !== null && r.portal !== portal) continue;
    const t = byMonth.get(r.month) ?? { month: r.month, opened: 0, closed: 0 };
    t.opened += r.opened;
    t.closed += r.closed;
    byMonth.set(r.month, t);
  }
  return [...byMonth.values()].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
}

/** "2026-11" → "Nov 2026". */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const name = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, 1));
  return `${name} ${y}`;
}

/** A file name's safe form of a chart's title: "Median first response" → "median-first-response". */
export function fileSlug(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'chart'
  );
}
