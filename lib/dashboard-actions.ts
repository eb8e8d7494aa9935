/** Store operations the dashboard runs on one case. */
import type { CaseradarDB } from './db';
import { unlinkEverywhere } from './incidents';
import type { CaseEvent } from './model';

/** A case's events, oldest first. */
export function loadCaseEvents(db: CaseradarDB, caseKey: string): Promise<CaseEvent[]> {
  return db.events.where('caseKey').equals(caseKey).sortBy('at');
}

/**
 * Deletes a case with everything about it: history, snooze, fired alerts, workspace, and its place in
 * incidents (an incident left empty goes too). Only a backup brings it back.
 */
export async function deleteCase(db: CaseradarDB, caseKey: string, nowIso: string): Promise<void> {
  await db.transaction('rw', [db.cases, db.events, db.snoozes, db.firedAlerts, db.workspaces, db.incidents], async () => {
    await db.events.where('caseKey').equals(caseKey).delete();
    await db.snoozes.delete(caseKey);
    await db.firedAlerts.where('caseKey').equals(caseKey).delete();
    await db.workspaces.delete(caseKey);
    await unlinkEverywhere(db, caseKey, nowIso);
    await db.cases.delete(caseKey);
  });
}
