/**
 * One status, several spellings. A portal's page and its JSON name a status differently (Zendesk's
 * "Awaiting your reply" is the API's "pending"), and a page may show a coarser status than the JSON
 * (Zendesk's newer request list shows new, open and hold all as "Open"). Alternating reads of the page
 * and the JSON must not log a change each time; only the vendor moving the case does.
 */
import type { FamilyRecord } from '../core/family-record';
import type { ProviderId } from '../core/model';
import { FAMILIES } from './families';
import { foldLabel } from './common';

type Vocabulary = NonNullable<FamilyRecord['statusVocabulary']>;

/** Each family's spellings (its record's statusVocabulary). */
const VOCABULARIES: Partial<Record<ProviderId, Vocabulary>> = Object.fromEntries(
  FAMILIES.filter((f) => f.statusVocabulary).map((f) => [f.id, f.statusVocabulary]),
);

/** A status label folded as the adapters fold labels (foldLabel: case, accents), with _ and - as spaces. */
export const foldStatus = (s: string) => foldLabel(s.replace(/[_-]+/g, ' '));

/**
 * How a newly read status label relates to the stored one: the same status, a page's coarser view of
 * it (keep what we know), or a different status. Only a page is coarse: the JSON's "open" is exact
 * (new → open is a real step), though a page's "Open" is spelt the same.
 */
export function compareStatus(
  provider: ProviderId,
  stored: string | null,
  read: string,
  readFromPage: boolean,
): 'same' | 'coarser' | 'different' {
  if (stored === null) return 'different';
  const a = foldStatus(stored);
  const b = foldStatus(read);
  if (a === b) return 'same';
  const v = VOCABULARIES[provider];
  if (!v) return 'different';
  if (v.same.some((group) => group.includes(a) && group.includes(b))) return 'same';
  const spellings = (label: string) => v.same.find((g) => g.includes(label)) ?? [label];
  if (readFromPage && spellings(a).some((s) => v.covers[b]?.includes(s))) return 'coarser';
  return 'different';
}
