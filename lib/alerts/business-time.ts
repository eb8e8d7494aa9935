/**
 * Business-time arithmetic in the user's time zone, working days, hours and holidays (date-fns with
 * @date-fns/tz, so DST changes fall where the user lives). Pure: every instant is a parameter.
 */
import type { Policy } from './policy';
import { zoneOffsetMinutes as offsetMinutes } from '../core/zone';

export type Calendar = Pick<Policy, 'workingDays' | 'workingHours' | 'timeZone' | 'holidays'>;

const DAY_MS = 86_400_000;

/** Local calendar date of an instant as a day number (days since 1970-01-01), weekday and minute of day. */
function localDay(ms: number, timeZone: string): { day: number; weekday: number; minutes: number } {
  const local = ms + offsetMinutes(ms, timeZone) * 60_000;
  const day = Math.floor(local / DAY_MS);
  return { day, weekday: (((day + 4) % 7) + 7) % 7, minutes: Math.floor((local - day * DAY_MS) / 60_000) };
}

const holidayCache = new WeakMap<string[], Set<number>>();
function holidayDays(cal: Calendar): Set<number> {
  let days = holidayCache.get(cal.holidays);
  if (!days) {
    days = new Set(cal.holidays.map((h) => Math.floor(Date.parse(`${h}T00:00:00Z`) / DAY_MS)).filter(Number.isFinite));
    holidayCache.set(cal.holidays, days);
  }
  return days;
}

function isWorkingWeekday(day: number, workingDays: number[]): boolean {
  // 1970-01-01 was a Thursday (4).
  return workingDays.includes((((day + 4) % 7) + 7) % 7);
}

function isWorkingDay(day: number, cal: Calendar, holidays: Set<number>): boolean {
  return isWorkingWeekday(day, cal.workingDays) && !holidays.has(day);
}

/**
 * Whole business days from `from` to `to`: the working days after from's local date, up to and
 * including to's local date (Friday 10:00 → Monday 11:00 is 1). Zero when to ≤ from.
 */
export function businessDaysBetween(fromIso: string, toIso: string, cal: Calendar): number {
  const from = Date.parse(fromIso);
  const to = Date.parse(toIso);
  if (!(to > from)) return 0;
  const a = localDay(from, cal.timeZone).day;
  const b = localDay(to, cal.timeZone).day;
  const span = b - a;
  if (span <= 0) return 0;
  // Whole weeks arithmetically, the remainder by hand, then holidays: O(holidays), not O(days).
  const weeks = Math.floor(span / 7);
  let count = weeks * new Set(cal.workingDays).size;
  for (let d = a + weeks * 7 + 1; d <= b; d++) if (isWorkingWeekday(d, cal.workingDays)) count++;
  for (const h of holidayDays(cal)) if (h > a && h <= b && isWorkingWeekday(h, cal.workingDays)) count--;
  return count;
}

function parseHm(hm: string): number {
  const [h, m] = hm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** The instant of local date `day` at `minutes` past local midnight in the zone (DST-aware). */
function instantAt(day: number, minutes: number, timeZone: string): number {
  const local = day * DAY_MS + minutes * 60_000;
  // Guess with the offset at the local time read as UTC, then correct once across a transition.
  const guess = local - offsetMinutes(local, timeZone) * 60_000;
  return local - offsetMinutes(guess, timeZone) * 60_000;
}

/** The instant (epoch ms) the local midnight that starts `ms`'s local date falls at in the zone. */
export function startOfLocalDay(ms: number, timeZone: string): number {
  return instantAt(localDay(ms, timeZone).day, 0, timeZone);
}

/**
 * The instant (epoch ms) a local date ("2026-12-09") reaches a local time ("09:00") in the zone, DST
 * included; null when the date is not a day of the calendar ("2026-02-30").
 */
export function instantOfLocal(date: string, hm: string, timeZone: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(utc).getUTCDate() !== Number(m[3]) || new Date(utc).getUTCMonth() !== Number(m[2]) - 1) return null;
  return instantAt(utc / DAY_MS, parseHm(hm), timeZone);
}

/** Working hours (fractional) between two instants; spans longer than `capDays` are counted as capped. */
export function businessHoursBetween(fromIso: string, toIso: string, cal: Calendar, capDays = 60): number {
  const from = Date.parse(fromIso);
  const to = Math.min(Date.parse(toIso), from + capDays * DAY_MS);
  if (!(to > from)) return 0;
  const holidays = holidayDays(cal);
  const start = parseHm(cal.workingHours.start);
  const end = parseHm(cal.workingHours.end);
  const first = localDay(from, cal.timeZone).day;
  const last = localDay(to, cal.timeZone).day;
  const dayWindow = (d: number) => {
    if (!isWorkingDay(d, cal, holidays)) return 0;
    const open = instantAt(d, start, cal.timeZone);
    const close = instantAt(d, end, cal.timeZone);
    return Math.max(0, Math.min(close, to) - Math.max(open, from));
  };
  let ms = dayWindow(first);
  if (last > first) ms += dayWindow(last);
  // Days strictly between are whole working days: their length does not depend on DST (set in local time).
  for (let d = first + 1; d < last; d++) if (isWorkingDay(d, cal, holidays)) ms += (end - start) * 60_000;
  return ms / 3_600_000;
}

/** The same local time `n` working days later (n ≥ 1), skipping weekends and holidays. */
export function addBusinessDays(fromIso: string, n: number, cal: Calendar): string {
  const from = Date.parse(fromIso);
  const { day, minutes } = localDay(from, cal.timeZone);
  const holidays = holidayDays(cal);
  let d = day;
  let left = n;
  for (let guard = 0; left > 0 && guard < 3660; guard++) {
    d++;
    if (isWorkingDay(d, cal, holidays)) left--;
  }
  return new Date(instantAt(d, minutes, cal.timeZone)).toISOString();
}

/** True when the local time of `nowIso` falls inside [start, end) (a window may wrap midnight). */
export function isWithinWindow(nowIso: string, window: { start: string; end: string }, timeZone: string): boolean {
  const { minutes } = localDay(Date.parse(nowIso), timeZone);
  const start = parseHm(window.start);
  const end = parseHm(window.end);
  return start <= end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}
