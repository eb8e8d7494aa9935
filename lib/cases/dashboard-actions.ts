/** Store operations the dashboard and settings run on cases: one case, or every case of a portal. */
import type { CaseradarDB } from '../store/db';
import { unlinkEverywhere } from './incidents';
import type { CaseEvent } from '../core/model';

/** A case's events, oldest first. */
export function loadCaseEvents(db: CaseradarDB, caseKey: string): Promise<CaseEvent[]> {
  return db.events.where('caseKey').equals(caseKey).sortBy('at');
}

/**
 * Deletes a case with everything about it: history, snooze, fired alerts, workspace, and its place in
 * incidents (an incident left empty goes too). Only a backup brings it back.
 */
export async function deleteCase(db: CaseradarDB, caseKey: string, nowIso: string): Promise<void> {
  await deleteCases(db, [caseKey], nowIso);
}

/** Every table that holds something of a case. */
const caseTables = (db: CaseradarDB) => [db.cases, db.events, db.snoozes, db.firedAlerts, db.workspaces, db.incidents];

/** Deletes several cases as deleteCase does, all in one commit (the dashboard's bulk delete). */
export async function deleteCases(db: CaseradarDB, caseKeys: string[], nowIso: string): Promise<void> {
  await db.transaction('rw', caseTables(db), async () => {
    await db.events.where('caseKey').anyOf(caseKeys).delete();
    await db.firedAlerts.where('caseKey').anyOf(caseKeys).delete();
    for (const caseKey of caseKeys) await unlinkEverywhere(db, caseKey, nowIso);
    await db.snoozes.bulkDelete(caseKeys);
    await db.workspaces.bulkDelete(caseKeys);
    await db.cases.bulkDelete(caseKeys);
  });
}

/**
 * Deletes every case one portal brought in, with their history, snoozes, fired alerts, workspaces and
 * places in incidents — the way out of a flood of cases a hostile page planted. The vendor's name and
 * contact stay, so a genuine portal read again comes back under the same name. Returns the count.
 */
export async function deletePortalCases(db: CaseradarDB, portal: string, nowIso: string): Promise<number> {
  return db.transaction('rw', caseTables(db), async () => {
    const keys = (await db.cases.where('portal').equals(portal).primaryKeys()) as string[];
    if (keys.length) await deleteCases(db, keys, nowIso); // Joins this transaction: one commit.
    return keys.length;
  });
}
