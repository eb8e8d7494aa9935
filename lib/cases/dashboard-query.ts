/**
 * The dashboard's search, filters and sort, and the saved views that name a combination of them.
 * Pure except load/save, which read and write one settings row.
 */
import { z } from 'zod';
import { vendorKey } from './contacts';
import type { CaseradarDB } from '../store/db';
import {
  CASE_STATES,
  PROVIDER_NAMES,
  SEVERITIES,
  vendorLabel,
  type CaseEvent,
  type CaseState,
  type Severity,
  type StoredCase,
} from '../core/model';
import { ballInCourt, compareUrgency, vendorQuietSince, type BallInCourt } from '../alerts/urgency';

const BALLS = ['you', 'vendor', 'unknown', 'closing', 'closed'] as const satisfies readonly BallInCourt[];

/** '' means "any" for every field. */
export interface CaseFilter {
  query: string;
  /** A vendor portal id (lib/core/portals.ts). */
  vendor: string;
  /** 'active' = every state but closed; 'unknown' = the vendor's label is not one we know. */
  state: '' | 'active' | CaseState | 'unknown';
  severity: '' | Severity | 'none';
  ball: '' | BallInCourt;
}

export const SORT_KEYS = [
  'urgency',
  'vendor',
  'caseId',
  'title',
  'state',
  'severity',
  'ball',
  'quiet',
  'updated',
  'seen',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface CaseSort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

export interface SavedView {
  name: string;
  filter: CaseFilter;
  sort: CaseSort;
}

export const EMPTY_FILTER: CaseFilter = { query: '', vendor: '', state: '', severity: '', ball: '' };
export const DEFAULT_SORT: CaseSort = { key: 'urgency', dir: 'asc' };

/** Lower-cased message text per case key, for search. */
export type MessageText = Map<string, string>;

/** Joins the text of every message event per case (lower-cased once, so each keystroke only scans). */
export function indexMessageText(events: Iterable<Pick<CaseEvent, 'caseKey' | 'type' | 'message'>>): MessageText {
  const parts = new Map<string, string[]>();
  for (const e of events) {
    if (e.type !== 'message' || !e.message?.text) continue;
    const list = parts.get(e.caseKey);
    if (list) list.push(e.message.text);
    else parts.set(e.caseKey, [e.message.text]);
  }
  return new Map([...parts].map(([k, texts]) => [k, texts.join('\n').toLowerCase()]));
}

/** Reads every message event's text from the store, for search. */
export async function loadMessageText(db: CaseradarDB): Promise<MessageText> {
  // One getAll is several times faster than a cursor over 50,000 rows; the array is dropped at once.
  return indexMessageText(await db.events.toArray());
}

function haystack(c: StoredCase): string {
  return [c.caseId, c.title, vendorLabel(c), PROVIDER_NAMES[c.provider], c.vendorStatus ?? '', c.owner ?? '']
    .join('\n')
    .toLowerCase();
}

/** True when every word of the query is in the case's id, title, vendor, status, owner or message text. */
export function matchesQuery(c: StoredCase, query: string, messages?: MessageText): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = haystack(c);
  const said = messages?.get(c.key) ?? '';
  return words.every((w) => text.includes(w) || said.includes(w));
}

/** True when the case passes every set filter (the query included). */
export function matchesFilter(c: StoredCase, f: CaseFilter, messages?: MessageText): boolean {
  if (f.vendor && vendorKey(c) !== f.vendor) return false;
  if (
    f.state === 'active'
      ? c.state === 'closed'
      : f.state === 'unknown'
        ? c.state !== null
        : f.state && c.state !== f.state
  )
    return false;
  if (f.severity === 'none' ? c.severity !== null : f.severity && c.severity !== f.severity) return false;
  if (f.ball && ballInCourt(c) !== f.ball) return false;
  return matchesQuery(c, f.query, messages);
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
const rank = <T>(order: readonly T[], v: T | null) => (v === null ? order.length : order.indexOf(v));
const time = (iso: string | null | undefined) => (iso ? Date.parse(iso) : Number.NEGATIVE_INFINITY);

const COMPARE: Record<SortKey, (a: StoredCase, b: StoredCase) => number> = {
  urgency: compareUrgency,
  vendor: (a, b) => collator.compare(vendorLabel(a), vendorLabel(b)),
  caseId: (a, b) => collator.compare(a.caseId, b.caseId),
  title: (a, b) => collator.compare(a.title, b.title),
  state: (a, b) => rank(CASE_STATES, a.state) - rank(CASE_STATES, b.state),
  severity: (a, b) => rank(SEVERITIES, a.severity) - rank(SEVERITIES, b.severity),
  ball: (a, b) => rank(BALLS, ballInCourt(a)) - rank(BALLS, ballInCourt(b)),
  // Ascending = quiet for the longest first (the earliest "since").
  quiet: (a, b) => time(vendorQuietSince(a)) - time(vendorQuietSince(b)),
  updated: (a, b) => time(a.updatedAt) - time(b.updatedAt),
  seen: (a, b) => time(a.lastObservedAt) - time(b.lastObservedAt),
};

/** A sorted copy; ties fall back to urgency, then the case key, so the order is stable. */
export function sortCases(cases: StoredCase[], sort: CaseSort): StoredCase[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const primary = COMPARE[sort.key];
  return [...cases].sort((a, b) => sign * primary(a, b) || compareUrgency(a, b) || collator.compare(a.key, b.key));
}

/** Filter then sort: what the dashboard shows. */
export function queryCases(
  cases: StoredCase[],
  filter: CaseFilter,
  sort: CaseSort,
  messages?: MessageText,
): StoredCase[] {
  return sortCases(
    cases.filter((c) => matchesFilter(c, filter, messages)),
    sort,
  );
}

/** The vendors present in `cases`, for the vendor filter: [vendorKey, label], by label. */
export function vendorOptions(cases: StoredCase[]): [string, string][] {
  const seen = new Map<string, string>();
  for (const c of cases) if (!seen.has(vendorKey(c))) seen.set(vendorKey(c), vendorLabel(c));
  return [...seen].sort((a, b) => collator.compare(a[1], b[1]));
}

const viewSchema = z.object({
  name: z.string().trim().min(1).max(80),
  filter: z.object({
    query: z.string().max(500),
    vendor: z.string().max(200),
    state: z.enum(['', 'active', 'unknown', ...CASE_STATES]),
    severity: z.enum(['', 'none', ...SEVERITIES]),
    ball: z.enum(['', ...BALLS]),
  }),
  sort: z.object({ key: z.enum(SORT_KEYS), dir: z.enum(['asc', 'desc']) }),
});

export const VIEWS_KEY = 'dashboard.views';

/** Saved views from a stored value; unreadable entries are dropped (a later version may have written them). */
export function parseViews(value: unknown): SavedView[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v) => {
    const parsed = viewSchema.safeParse(v);
    return parsed.success ? [parsed.data as SavedView] : [];
  });
}

/** Adds or replaces (by name, case-insensitively) a view; the list stays sorted by name. */
export function upsertView(views: SavedView[], view: SavedView): SavedView[] {
  const parsed = viewSchema.safeParse(view);
  if (!parsed.success) throw new Error(`Expected a view name, got "${view.name}"`);
  const rest = views.filter((v) => v.name.toLowerCase() !== parsed.data.name.toLowerCase());
  return [...rest, parsed.data as SavedView].sort((a, b) => collator.compare(a.name, b.name));
}

export async function loadViews(db: CaseradarDB): Promise<SavedView[]> {
  return parseViews((await db.settings.get(VIEWS_KEY))?.value);
}

export async function saveViews(db: CaseradarDB, views: SavedView[]): Promise<void> {
  await db.settings.put({ key: VIEWS_KEY, value: views });
}
