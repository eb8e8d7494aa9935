/**
 * The popup's sections, by what the user has to do: answer the vendor or chase them (a case the vendor
 * let run past the user's limits is the user's move too), say what a status Caseradar cannot read
 * means (silently filed under "With vendor" it would never alert), nothing yet, or let it close. Pure.
 */
import type { StoredCase } from '../core/model';
import { ballInCourt, compareUrgency, isOpen } from '../alerts/urgency';

export type CaseGroupId = 'now' | 'look' | 'vendor' | 'closing';

export const CASE_GROUP_TITLES: Record<CaseGroupId, string> = {
  now: 'Needs you now',
  look: 'Needs a look',
  vendor: 'With vendor',
  closing: 'Closing soon',
};

const GROUP_ORDER: CaseGroupId[] = ['now', 'look', 'vendor', 'closing'];

export interface CaseGroup {
  id: CaseGroupId;
  title: string;
  cases: StoredCase[];
}

/** The section of one open case; `isOverdue` says whether it has an alert of level 'overdue'. */
export function groupOf(c: StoredCase, isOverdue: boolean): CaseGroupId {
  const ball = ballInCourt(c);
  if (ball === 'you') return 'now';
  // A status we cannot map (a renamed or custom status, a code we never saw): the user maps it once.
  if (c.state === null) return 'look';
  if (ball === 'closing') return 'closing';
  return isOverdue ? 'now' : 'vendor';
}

/**
 * Open cases in the four sections, each most urgent first (the user's own answers before vendors to
 * chase, then the longest silence); every section is returned, empty or not.
 */
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
