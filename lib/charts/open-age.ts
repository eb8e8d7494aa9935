/**
 * How old the open cases are, per vendor portal, in a few age buckets. Age is wall-clock time since the
 * case was opened (its portal creation time, else when we first saw it), in 24-hour days. Pure.
 */
import { CLOCK_SKEW_MS } from '../alerts/staleness';
import { isOpen } from '../alerts/urgency';
import { vendorLabel, type StoredCase } from '../core/model';
import { PORTAL_DATE_FLOOR } from '../store/ingest';

export interface AgeBucket {
  id: string;
  label: string;
  /** Lower bound in days, inclusive. */
  fromDays: number;
  /** Upper bound in days, exclusive; Infinity for the last. */
  toDays: number;
}

export const OPEN_AGE_BUCKETS: readonly AgeBucket[] = [
  { id: 'under-1d', label: '< 1 day', fromDays: 0, toDays: 1 },
  { id: '1-3d', label: '1–3 days', fromDays: 1, toDays: 3 },
  { id: '3-7d', label: '3–7 days', fromDays: 3, toDays: 7 },
  { id: '7-14d', label: '7–14 days', fromDays: 7, toDays: 14 },
  { id: '14-30d', label: '14–30 days', fromDays: 14, toDays: 30 },
  { id: '30d-plus', label: '30+ days', fromDays: 30, toDays: Infinity },
];

export interface OpenAgeRow {
  vendor: string;
  portal: string;
  /** Open cases of the vendor; the sum of `counts`. */
  total: number;
  /** One count per OPEN_AGE_BUCKETS entry, in its order. */
  counts: number[];
}

const DAY_MS = 86_400_000;
const FLOOR_MS = Date.parse(PORTAL_DATE_FLOOR);

/** When the case was opened (epoch ms): its creation date if believable, else when we first saw it. */
function openedAt(c: Pick<StoredCase, 'createdAt' | 'firstSeenAt'>, now: number): number {
  const created = c.createdAt ? Date.parse(c.createdAt) : NaN;
  // 0001-01-01 (a .NET "no date") or a date ahead of now would make an age of centuries or below zero.
  const believable = (t: number) => t >= FLOOR_MS && t <= now + CLOCK_SKEW_MS;
  if (believable(created)) return Math.min(created, now);
  const seen = Date.parse(c.firstSeenAt);
  return believable(seen) ? Math.min(seen, now) : now;
}

/** The bucket index of an age in ms. */
export function ageBucketOf(ageMs: number): number {
  const days = Math.max(0, ageMs) / DAY_MS;
  return OPEN_AGE_BUCKETS.findIndex((b) => days >= b.fromDays && days < b.toDays);
}

/** Open cases (isOpen: not closed) by vendor portal and age bucket at `nowIso`, by vendor name. */
export function openAgeByVendor(cases: readonly StoredCase[], nowIso: string): OpenAgeRow[] {
  const now = Date.parse(nowIso);
  const rows = new Map<string, OpenAgeRow>();
  for (const c of cases) {
    if (!isOpen(c)) continue;
    let row = rows.get(c.portal);
    if (!row) {
      row = { vendor: vendorLabel(c), portal: c.portal, total: 0, counts: OPEN_AGE_BUCKETS.map(() => 0) };
      rows.set(c.portal, row);
    }
    row.counts[ageBucketOf(now - openedAt(c, now))]!++;
    row.total++;
  }
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  return [...rows.values()].sort((a, b) => collator.compare(a.vendor, b.vendor) || a.portal.localeCompare(b.portal));
}
