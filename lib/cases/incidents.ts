/**
 * Incidents: cases at several vendors that are one problem for the user (the ISP link and the cloud
 * VPN gateway, say), linked so that their histories read as one timeline.
 */
import { byTime, describeEscalation, describeEvent, type HistoryItem } from './case-history';
import type { CaseWorkspace, CaseradarDB, Incident } from '../store/db';
import { caseLabel, type CaseEvent, type StoredCase } from '../core/model';

/** Links the cases into a new incident. Throws when fewer than two distinct cases are given. */
export async function createIncident(
  db: CaseradarDB,
  title: string,
  caseKeys: string[],
  nowIso: string,
  id: string = crypto.randomUUID(),
): Promise<Incident> {
  const keys = [...new Set(caseKeys)];
  if (keys.length < 2) throw new Error(`Expected at least two cases to link, got ${keys.length}`);
  const name = title.trim() || `Incident of ${nowIso.slice(0, 10)}`;
  const incident: Incident = { id, title: name, caseKeys: keys, createdAt: nowIso, updatedAt: nowIso };
  await db.incidents.add(incident);
  return incident;
}

/** Adds cases to an existing incident (ignoring ones already in it). */
export async function linkCases(db: CaseradarDB, id: string, caseKeys: string[], nowIso: string): Promise<void> {
  await db.transaction('rw', db.incidents, async () => {
    const incident = await db.incidents.get(id);
    if (!incident) throw new Error(`Expected an incident ${id}, found none`);
    await db.incidents.put({
      ...incident,
      caseKeys: [...new Set([...incident.caseKeys, ...caseKeys])],
      updatedAt: nowIso,
    });
  });
}

async function putWithout(db: CaseradarDB, incident: Incident, caseKey: string, nowIso: string): Promise<void> {
  const caseKeys = incident.caseKeys.filter((k) => k !== caseKey);
  if (caseKeys.length === 0) await db.incidents.delete(incident.id);
  else await db.incidents.put({ ...incident, caseKeys, updatedAt: nowIso });
}

/** Takes one case out of an incident; an incident left with no case is deleted. */
export async function unlinkCase(db: CaseradarDB, id: string, caseKey: string, nowIso: string): Promise<void> {
  await db.transaction('rw', db.incidents, async () => {
    const incident = await db.incidents.get(id);
    if (incident) await putWithout(db, incident, caseKey, nowIso);
  });
}

/** Takes a case out of every incident (when the case is deleted). */
export async function unlinkEverywhere(db: CaseradarDB, caseKey: string, nowIso: string): Promise<void> {
  await db.transaction('rw', db.incidents, async () => {
    for (const incident of await incidentsOf(db, caseKey)) await putWithout(db, incident, caseKey, nowIso);
  });
}

/** The incidents a case belongs to (multi-entry index on caseKeys). */
export function incidentsOf(db: CaseradarDB, caseKey: string): Promise<Incident[]> {
  return db.incidents.where('caseKeys').equals(caseKey).toArray();
}

/** A history entry of an incident: which vendor's case it belongs to. */
export interface IncidentHistoryItem extends HistoryItem {
  /** e.g. "Azure #2610010040001234". */
  caseLabel: string;
}

/**
 * The merged timeline of an incident's cases, oldest first; same-instant entries keep the order of
 * `cases`. Events of cases not listed are ignored.
 */
export function mergeIncidentHistory(
  cases: Pick<StoredCase, 'key' | 'provider' | 'vendorName' | 'caseId'>[],
  events: CaseEvent[],
  workspaces: Pick<CaseWorkspace, 'caseKey' | 'escalation'>[] = [],
): IncidentHistoryItem[] {
  const labels = new Map(cases.map((c) => [c.key, caseLabel(c)]));
  const order = new Map(cases.map((c, i) => [c.key, i]));
  const items = [
    ...events.filter((e) => labels.has(e.caseKey)).map(describeEvent),
    ...workspaces.filter((w) => labels.has(w.caseKey)).flatMap((w) => describeEscalation(w) ?? []),
  ];
  return items
    .sort((a, b) => byTime(a, b) || order.get(a.caseKey)! - order.get(b.caseKey)!)
    .map((item) => ({ ...item, caseLabel: labels.get(item.caseKey)! }));
}
