/**
 * The popup's sections: whose move it is, with cases the vendor let run past the user's limits pulled
 * out of "With vendor" so they are never buried, and cases whose vendor status Caseradar cannot read
 * put where the user looks first after their own: silently filed under "With vendor" they would never
 * alert. Pure.
 */
import type { StoredCase } from '../core/model';
import { ballInCourt, compareUrgency, isOpen } from '../alerts/urgency';

export type CaseGroupId = 'you' | 'look' | 'overdue' | 'vendor' | 'closing';

export const CASE_GROUP_TITLES: Record<CaseGroupId, string> = {
  you: 'Waiting on you',
  look: 'Needs a look',
  overdue: 'Overdue with vendor',
  vendor: 'With vendor',
  closing: 'Closing soon',
};

const GROUP_ORDER: CaseGroupId[] = ['you', 'look', 'overdue', 'vendor', 'closing'];

export interface CaseGroup {
  id: CaseGroupId;
  title: string;
  cases: StoredCase[];
}

/** The section of one open case; `isOverdue` says whether it has an alert of level 'overdue'. */
export function groupOf(c: StoredCase, isOverdue: boolean): CaseGroupId {
  const ball = ballInCourt(c);
  if (ball === 'you') return 'you';
  // A status we cannot map (a renamed or custom status, a code we never saw): the user reads it once.
  if (c.state === null) return 'look';
  if (ball === 'closing') return 'closing';
  return isOverdue ? 'overdue' : 'vendor';
}

/** Open cases in the five sections, each most urgent first; every section is returned, empty or not. */
export function groupOpenCases(cases: StoredCase[], isOverdue: (caseKey: string) => boolean): CaseGroup[] {
  const byGroup = new Map<CaseGroupId, StoredCase[]>(GROUP_ORDER.map((id) => [id, []]));
  for (const c of cases) if (isOpen(c)) byGroup.get(groupOf(c, isOverdue(c.key)))!.push(c);
  return GROUP_ORDER.map((id) => ({ id, title: CASE_GROUP_TITLES[id], cases: byGroup.get(id)!.sort(compareUrgency) }));
}

/**
 * Keeps the first `limit` cases across the sections, in order, so that the popup paints a bounded
 * number of rows whatever the store holds.
 */
export function limitGroups(groups: CaseGroup[], limit: number): CaseGroup[] {
  let left = limit;
  return groups.map((g) => {
    const cases = g.cases.slice(0, Math.max(0, left));
    left -= cases.length;
    return { ...g, cases };
  });
}
