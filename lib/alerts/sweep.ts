/**
 * One staleness sweep: find alerts, end expired snoozes, and record which alerts are new, all in one
 * transaction. The caller notifies after it commits: a worker stopped in between loses at most that
 * notification, and never fires one twice.
 */
import type { CaseradarDB, FiredAlert } from '../store/db';
import { isWithinWindow } from './business-time';
import { loadPolicy } from './settings';
import { partitionSnoozes } from './snooze';
import { findAlerts, type Alert } from './staleness';
import type { Policy } from './policy';
import { countWaitingOnUser, isOpen } from './urgency';

export interface SweepResult {
  policy: Policy;
  /** Alerts on cases that are not snoozed. */
  active: Alert[];
  /** New alerts to notify now (empty inside quiet hours: they wait for the next sweep). */
  toNotify: Alert[];
  waitingOnYou: number;
  hasOverdue: boolean;
  inQuietHours: boolean;
}

export async function runSweep(db: CaseradarDB, nowIso: string): Promise<SweepResult> {
  return db.transaction('rw', [db.cases, db.snoozes, db.firedAlerts, db.settings], async () => {
    const policy = await loadPolicy(db);
    const cases = (await db.cases.toArray()).filter(isOpen);
    const byKey = new Map(cases.map((c) => [c.key, c]));
    const { snoozed, ended } = partitionSnoozes(await db.snoozes.toArray(), byKey, nowIso);
    if (ended.length) {
      // A snooze that ended lets its case's alerts fire once more.
      await db.snoozes.bulkDelete(ended);
      await db.firedAlerts.where('caseKey').anyOf(ended).delete();
    }
    const active = findAlerts(cases, policy, nowIso).filter((a) => !snoozed.has(a.caseKey));
    const fired = new Set((await db.firedAlerts.bulkGet(active.map((a) => a.id))).filter(Boolean).map((f) => f!.id));
    const inQuietHours = !!policy.quietHours && isWithinWindow(nowIso, policy.quietHours, policy.timeZone);
    const toNotify = inQuietHours ? [] : active.filter((a) => policy.notify[a.kind] && !fired.has(a.id));
    if (toNotify.length) {
      await db.firedAlerts.bulkPut(
        toNotify.map((a): FiredAlert => ({ id: a.id, caseKey: a.caseKey, kind: a.kind, firedAt: nowIso })),
      );
    }
    return {
      policy,
      active,
      toNotify,
      waitingOnYou: countWaitingOnUser(cases.filter((c) => !snoozed.has(c.key))),
      hasOverdue: active.some((a) => a.level === 'overdue'),
      inQuietHours,
    };
  });
}
