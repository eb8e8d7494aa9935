/**
 * The one clock of a Firefox test: the real now, read once when the test starts, with every portal
 * date derived from it. Firefox runs in this process's environment (TZ included), so "local" here is
 * the browser's local time too.
 *
 * Portal dates sit at noon, a whole number of weeks before today by the local calendar. Whatever the
 * weekday and the time of day (and across a DST change), k weeks back is exactly 5·k business days
 * (Monday–Friday, the default working week) both for the popup's "vendor quiet" (date-fns) and for the
 * alert rules (lib/alerts/business-time.ts), so the tests can assert exact texts.
 */
import { setHours, startOfDay, subDays } from 'date-fns';
import { fixture } from '../../scripts/demo-portals';

export interface TestClock {
  /** The instant the test started (ms). */
  now: number;
  /** Noon, `weeks` weeks before today, local calendar, as UTC ISO. */
  noonWeeksAgo: (weeks: number) => string;
  iso: (ms: number) => string;
}

export function testClock(now = Date.now()): TestClock {
  return {
    now,
    noonWeeksAgo: (weeks) => setHours(startOfDay(subDays(new Date(now), 7 * weeks)), 12).toISOString(),
    iso: (ms) => new Date(ms).toISOString(),
  };
}

/**
 * A fixture (tests/fixtures/<path>) with its dates replaced: each key of `dates` is a timestamp as the
 * fixture spells it, replaced everywhere it occurs. A key the fixture lacks is an error, so a fixture
 * edit cannot silently leave an old date in place.
 */
export function redated(path: string, dates: Record<string, string>): string {
  let text = fixture(path);
  for (const [from, to] of Object.entries(dates)) {
    if (!text.includes(from)) throw new Error(`Expected ${from} in tests/fixtures/${path}`);
    text = text.replaceAll(from, to);
  }
  return text;
}
