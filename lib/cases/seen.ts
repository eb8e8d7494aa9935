/**
 * "New since you last looked": what the popup showed the last time it opened (each case's message count
 * and state), kept in the settings table, against what the store holds now. Whatever added messages or
 * moved the state since (a portal read, an email, a selection) counts; a case never shown before is new.
 * The first look ever (or at an empty store) marks nothing: everything would be new.
 */
import { z } from 'zod';
import { CASE_STATES, type CaseState, type StoredCase } from '../core/model';
import type { CaseradarDB } from '../store/db';

const SEEN_KEY = 'popup-seen';

const seenSchema = z.object({
  at: z.string(),
  cases: z.record(z.string(), z.tuple([z.number().int().min(0), z.enum(CASE_STATES).nullable()])),
});
export type SeenMarks = z.infer<typeof seenSchema>;

export interface CaseNews {
  newCase: boolean;
  newMessages: number;
  /** The state it had when last looked at, when it is another now. */
  stateWas: CaseState | null | undefined;
}

/** What the popup showed last time; null on a first look or when the stored marks do not validate. */
export async function loadSeen(db: CaseradarDB): Promise<SeenMarks | null> {
  const parsed = seenSchema.safeParse((await db.settings.get(SEEN_KEY))?.value);
  return parsed.success ? parsed.data : null;
}

/** Keeps what is shown now as what the user has seen. */
export async function saveSeen(db: CaseradarDB, cases: StoredCase[], nowIso: string): Promise<void> {
  const marks: SeenMarks = {
    at: nowIso,
    cases: Object.fromEntries(cases.map((c) => [c.key, [c.messageCount, c.state] as [number, CaseState | null]])),
  };
  await db.settings.put({ key: SEEN_KEY, value: marks });
}

/** The cases with news since `seen`, by key; none on a first look. */
export function whatIsNew(cases: StoredCase[], seen: SeenMarks | null): Map<string, CaseNews> {
  const news = new Map<string, CaseNews>();
  // A look at an empty store is a first look too: the first portal read would mark every case "new".
  if (!seen || Object.keys(seen.cases).length === 0) return news;
  for (const c of cases) {
    const before = seen.cases[c.key];
    if (!before) {
      news.set(c.key, { newCase: true, newMessages: 0, stateWas: undefined });
      continue;
    }
    const newMessages = Math.max(0, c.messageCount - before[0]);
    const stateWas = before[1] !== c.state ? before[1] : undefined;
    if (newMessages || stateWas !== undefined) news.set(c.key, { newCase: false, newMessages, stateWas });
  }
  return news;
}
