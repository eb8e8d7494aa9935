/**
 * Instants in a time zone: the zone's offset (cached per hour, shared by business time, charts and
 * exports) and the spreadsheet date-time. Kept apart from time.ts, which content scripts load, so that
 * @date-fns/tz stays out of them.
 */
import { TZDate } from '@date-fns/tz';

const HOUR_MS = 3_600_000;
/** Zone offsets change at most at DST transitions, so one lookup per zone and hour is exact and cheap. */
const offsetCache = new Map<string, Map<number, number>>();

/** Minutes to add to UTC to get local time in `timeZone` at instant `ms`. */
export function zoneOffsetMinutes(ms: number, timeZone: string): number {
  let zone = offsetCache.get(timeZone);
  if (!zone) offsetCache.set(timeZone, (zone = new Map()));
  const hour = Math.floor(ms / HOUR_MS);
  let offset = zone.get(hour);
  if (offset === undefined) {
    offset = -new TZDate(hour * HOUR_MS, timeZone).getTimezoneOffset();
    if (zone.size > 100_000) zone.clear(); // Bounded: a sweep touches a few thousand hours at most.
    zone.set(hour, offset);
  }
  return offset;
}

/**
 * Writes instants as a spreadsheet reads a date-time, in the user's zone: "2026-12-01 09:15" (Excel,
 * LibreOffice and Sheets all take it as a date, where ISO with a "Z" stays text). The zone's offset
 * comes from zoneOffsetMinutes, looked up once per hour of time, so an export of 200,000 events costs a
 * handful of lookups, not 200,000.
 */
export function spreadsheetTimes(timeZone: string): (iso: string | null | undefined) => string {
  return (iso) => {
    if (!iso) return '';
    const ms = Date.parse(iso);
    if (Number.isNaN(ms)) return '';
    const local = new Date(ms + zoneOffsetMinutes(ms, timeZone) * 60_000).toISOString();
    return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
  };
}
