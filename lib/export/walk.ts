/**
 * Walks the store in pages so that exports of any size never hold every case and event in memory
 * at once, and yield to the event loop between pages so the page stays responsive.
 */
import type { CaseradarDB } from '../store/db';
import type { CaseEvent, StoredCase } from '../core/model';

export interface CaseWithEvents {
  case: StoredCase;
  events: CaseEvent[];
}

/** Which cases an export covers. */
export type ExportScope =
  { kind: 'all' } | { kind: 'keys'; keys: string[] } | { kind: 'filter'; test: (c: StoredCase) => boolean };

export const PAGE_SIZE = 250;

/** Cases in key order with their events (oldest first), one page at a time. */
export async function* walkCases(
  db: CaseradarDB,
  scope: ExportScope = { kind: 'all' },
): AsyncGenerator<CaseWithEvents[]> {
  if (scope.kind === 'keys') {
    for (let i = 0; i < scope.keys.length; i += PAGE_SIZE) {
      const page = (await db.cases.bulkGet(scope.keys.slice(i, i + PAGE_SIZE))).filter((c): c is StoredCase => !!c);
      yield await withEvents(db, page);
    }
    return;
  }
  let after: string | null = null;
  for (;;) {
    const collection = after === null ? db.cases.orderBy('key') : db.cases.where('key').above(after);
    const page: StoredCase[] = await collection.limit(PAGE_SIZE).toArray();
    if (page.length === 0) return;
    after = page[page.length - 1]!.key;
    const selected = scope.kind === 'filter' ? page.filter(scope.test) : page;
    // The page is a run of keys: one range read of the caseKey index gets its events.
    if (selected.length) yield await withEvents(db, selected, [page[0]!.key, after]);
    // Let the UI breathe between pages.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** The cases with their events; `range` (first and last key of a key-ordered page) reads them in one sweep. */
async function withEvents(db: CaseradarDB, cases: StoredCase[], range?: [string, string]): Promise<CaseWithEvents[]> {
  const index = db.events.where('caseKey');
  const events = await (
    range ? index.between(range[0], range[1], true, true) : index.anyOf(cases.map((c) => c.key))
  ).toArray();
  const byCase = new Map<string, CaseEvent[]>(cases.map((c) => [c.key, []]));
  for (const e of events) byCase.get(e.caseKey)?.push(e);
  return cases.map((c) => ({
    case: c,
    events: (byCase.get(c.key) ?? []).sort((a, b) => a.at.localeCompare(b.at) || (a.id ?? 0) - (b.id ?? 0)),
  }));
}
