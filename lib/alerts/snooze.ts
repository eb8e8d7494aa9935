/** Snoozing a case: until a time, or until the vendor acts. Either way a vendor action ends it. */
import { addBusinessDays, instantOfLocal } from './business-time';
import type { CaseradarDB, Snooze } from '../store/db';
import type { StoredCase } from '../core/model';
import type { Policy } from './policy';
import { vendorQuietSince } from './urgency';

export type SnoozeOption = '4h' | '1bd' | '3bd' | '1w' | 'vendor';

export const SNOOZE_LABELS: Record<SnoozeOption, string> = {
  '4h': '4 hours',
  '1bd': '1 business day',
  '3bd': '3 business days',
  '1w': '1 week',
  vendor: 'Done until the vendor acts',
};

export function snoozeFor(c: StoredCase, option: SnoozeOption, nowIso: string, policy: Policy): Snooze {
  const now = Date.parse(nowIso);
  const until =
    option === '4h'
      ? new Date(now + 4 * 3_600_000).toISOString()
      : option === '1bd'
        ? addBusinessDays(nowIso, 1, policy)
        : option === '3bd'
          ? addBusinessDays(nowIso, 3, policy)
          : option === '1w'
            ? new Date(now + 7 * 86_400_000).toISOString()
            : null;
  return { caseKey: c.key, until, vendorMarker: vendorQuietSince(c), createdAt: nowIso };
}

/** Active while its time has not come and the vendor has not acted since it was set. */
export function isSnoozeActive(s: Snooze, c: StoredCase | undefined, nowIso: string): boolean {
  if (s.until && Date.parse(nowIso) >= Date.parse(s.until)) return false;
  if (c && Date.parse(vendorQuietSince(c)) > Date.parse(s.vendorMarker)) return false;
  return true;
}

/**
 * Splits snoozes into the case keys still hidden and the keys whose snooze has ended (time passed or
 * the vendor acted). The sweep and the popup both use this, so they always agree on what is hidden.
 */
export function partitionSnoozes(
  snoozes: Snooze[],
  casesByKey: Map<string, StoredCase>,
  nowIso: string,
): { snoozed: Set<string>; ended: string[] } {
  const snoozed = new Set<string>();
  const ended: string[] = [];
  for (const s of snoozes) {
    if (isSnoozeActive(s, casesByKey.get(s.caseKey), nowIso)) snoozed.add(s.caseKey);
    else ended.push(s.caseKey);
  }
  return { snoozed, ended };
}

export async function snoozeCase(
  db: CaseradarDB,
  caseKey: string,
  option: SnoozeOption,
  nowIso: string,
  policy: Policy,
): Promise<Snooze> {
  const c = await db.cases.get(caseKey);
  if (!c) throw new Error(`Expected a stored case ${caseKey}, found none`);
  const s = snoozeFor(c, option, nowIso, policy);
  await db.snoozes.put(s);
  return s;
}

/** A day the user picked ("2026-12-09") as the instant a snooze ends: that day's first working hour, in their zone. */
export function startOfWorkingDay(day: string, policy: Pick<Policy, 'timeZone' | 'workingHours'>): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new SnoozeError('A snooze date is a day: YYYY-MM-DD');
  const at = instantOfLocal(day, policy.workingHours.start, policy.timeZone);
  if (at === null) throw new SnoozeError(`No such day: ${day}`);
  return new Date(at).toISOString();
}

export class SnoozeError extends Error {
  override readonly name = 'SnoozeError';
}

/**
 * Snoozes several cases in one commit (the dashboard's bulk action), for a menu choice or until a day
 * the user picked. A day not after now is refused: the case would wake at once. Returns how many.
 */
export async function snoozeCases(
  db: CaseradarDB,
  caseKeys: string[],
  choice: SnoozeOption | { untilDay: string },
  nowIso: string,
  policy: Policy,
): Promise<number> {
  const until = typeof choice === 'object' ? startOfWorkingDay(choice.untilDay, policy) : null;
  if (until && Date.parse(until) <= Date.parse(nowIso)) throw new SnoozeError('Pick a day after today');
  return db.transaction('rw', db.cases, db.snoozes, async () => {
    const cases = (await db.cases.bulkGet(caseKeys)).filter((c): c is StoredCase => !!c);
    const snoozes = cases.map((c) =>
      until
        ? { caseKey: c.key, until, vendorMarker: vendorQuietSince(c), createdAt: nowIso }
        : snoozeFor(c, choice as SnoozeOption, nowIso, policy),
    );
    await db.snoozes.bulkPut(snoozes);
    return snoozes.length;
  });
}

export async function unsnoozeCase(db: CaseradarDB, caseKey: string): Promise<void> {
  await db.snoozes.delete(caseKey);
}
