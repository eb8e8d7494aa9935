/**
 * The demo portals' clock: fills the `{{at:<when>|<format>}}` tokens of a demo template with instants
 * relative to `now` in a time zone, so that the bundled demo reads like an ordinary working week on
 * whatever day it runs. Pure: `now` and the zone are parameters.
 *
 * <when>, every one of them never after `now`:
 *   -30m, -2h         that long ago, on a 5-minute grid (stable between requests), but never before
 *                     today's local midnight: a same-day event stays today
 *   today@08:40       today at 08:40 local once that is 5 minutes past (on the grid); before, as late as
 *                     that allows, but never before today's local midnight
 *   -8d@11:00         8 calendar days back, at 11:00 local
 *   -3bd@10:15        3 working days (Monday–Friday) back, at 10:15 local: the latest working day with
 *                     exactly 3 working days after it up to today, as businessDaysBetween counts them
 * Wall times belong between 08:00 and 17:00, where no DST change happens.
 *
 * <format>, default iso:
 *   iso, iso.1, iso.3, iso.6, iso.9   UTC, "2026-10-01T08:00:00Z", with that many fraction digits
 *   iso+00:00, iso.3+0000             UTC with a numeric offset (Zendesk pages, Salesforce)
 *   iso.3-zoneless                    UTC without a zone (older Partner Center records)
 *   sn                                UTC "2026-10-01 08:00:00" (a ServiceNow stored date)
 *   ago                               "2 hours ago" (what portal pages print next to a date)
 *   local:<date-fns pattern>          local wall time, e.g. local:yyyy-MM-dd'T'HH:mm:ssxxx or local:MMM d, yyyy
 */
import { TZDate } from '@date-fns/tz';
import { format as formatDate } from 'date-fns';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Relative instants move in steps of this, so two requests a few seconds apart agree. */
const GRID_MS = 5 * MINUTE_MS;

const TOKEN = /\{\{at:([^|}]+)(?:\|([^}]+))?\}\}/g;

/** Every `{{at:…}}` token of the template replaced by its instant, formatted. */
export function renderDemoTemplate(template: string, now: number, timeZone: string): string {
  return template.replace(TOKEN, (_token, when: string, format = 'iso') =>
    formatInstant(demoInstant(when.trim(), now, timeZone), format.trim(), now, timeZone),
  );
}

/** A local calendar date as a day number: days since 1970-01-01, whose weekday is (day + 4) % 7. */
function localDay(ms: number, timeZone: string): number {
  const local = new TZDate(ms, timeZone);
  return Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()) / DAY_MS;
}

/** The instant of local date `day` at `minutes` past midnight in the zone (DST-aware). */
function instantAt(day: number, minutes: number, timeZone: string): number {
  const date = new Date(day * DAY_MS);
  return new TZDate(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), 0, minutes, timeZone).getTime();
}

const isWorkingDay = (day: number) => {
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday >= 1 && weekday <= 5;
};

/** The next local midnight after `now`: where every day-relative token of the demo moves on. */
export function nextLocalMidnight(now: number, timeZone: string): number {
  return instantAt(localDay(now, timeZone) + 1, 0, timeZone);
}

/** The latest working day with exactly `n` working days after it, up to and including `today`. */
export function workingDaysBack(today: number, n: number): number {
  let day = today;
  for (let left = n; left > 0; day--) if (isWorkingDay(day)) left--;
  while (!isWorkingDay(day)) day--;
  return day;
}

function parseWallTime(hhmm: string, when: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  if (h > 23 || m > 59) throw new Error(`Demo clock: no such time in "${when}"`);
  return h * 60 + m;
}

/** The instant a `<when>` names, at `now` in the zone. Throws on a token it does not know. */
export function demoInstant(when: string, now: number, timeZone: string): number {
  const today = localDay(now, timeZone);
  const midnight = instantAt(today, 0, timeZone);
  const grid = Math.floor(now / GRID_MS) * GRID_MS;
  let m = /^-(\d+)(m|h)$/.exec(when);
  if (m) return Math.max(midnight, grid - Number(m[1]) * (m[2] === 'h' ? 60 : 1) * MINUTE_MS);
  m = /^today@(\d\d:\d\d)$/.exec(when);
  if (m) return Math.max(midnight, Math.min(instantAt(today, parseWallTime(m[1]!, when), timeZone), grid - GRID_MS));
  m = /^-(\d+)(d|bd)@(\d\d:\d\d)$/.exec(when);
  if (m && Number(m[1]) >= 1) {
    const n = Number(m[1]);
    const day = m[2] === 'd' ? today - n : workingDaysBack(today, n);
    return instantAt(day, parseWallTime(m[3]!, when), timeZone);
  }
  throw new Error(`Demo clock: unknown time "${when}" (expected -30m, -2h, today@08:40, -8d@11:00 or -3bd@10:15)`);
}

const UTC_PATTERNS: Record<string, string> = {
  iso: "yyyy-MM-dd'T'HH:mm:ss'Z'",
  'iso.1': "yyyy-MM-dd'T'HH:mm:ss.S'Z'",
  'iso.3': "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'",
  'iso.6': "yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'",
  'iso.9': "yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'",
  'iso+00:00': "yyyy-MM-dd'T'HH:mm:ss'+00:00'",
  'iso.3+0000': "yyyy-MM-dd'T'HH:mm:ss.SSS'+0000'",
  'iso.3-zoneless': "yyyy-MM-dd'T'HH:mm:ss.SSS",
  sn: 'yyyy-MM-dd HH:mm:ss',
};

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'always' });

/** "3 minutes ago", "2 hours ago", "4 days ago", "2 months ago": the largest whole unit. */
function ago(ms: number, now: number): string {
  const minutes = Math.max(0, Math.floor((now - ms) / MINUTE_MS));
  if (minutes < 1) return 'a few seconds ago';
  if (minutes < 60) return relative.format(-minutes, 'minute');
  if (minutes < 24 * 60) return relative.format(-Math.floor(minutes / 60), 'hour');
  if (minutes < 30 * 24 * 60) return relative.format(-Math.floor(minutes / (24 * 60)), 'day');
  return relative.format(-Math.floor(minutes / (30 * 24 * 60)), 'month');
}

export function formatInstant(ms: number, format: string, now: number, timeZone: string): string {
  if (format === 'ago') return ago(ms, now);
  if (format.startsWith('local:')) return formatDate(new TZDate(ms, timeZone), format.slice('local:'.length));
  const pattern = UTC_PATTERNS[format];
  if (!pattern) throw new Error(`Demo clock: unknown format "${format}"`);
  return formatDate(new TZDate(ms, 'UTC'), pattern);
}
