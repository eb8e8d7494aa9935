import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSeen, saveSeen, whatIsNew } from '@/lib/cases/seen';
import { CaseradarDB } from '@/lib/store/db';
import { makeCase } from '../../helpers/case-factory';

const A = makeCase({ caseId: '1', messageCount: 2, state: 'open' });
const B = makeCase({ caseId: '2', messageCount: 0, state: 'open' });

describe('new since you last looked', () => {
  let db: CaseradarDB;
  let n = 0;
  beforeEach(() => {
    db = new CaseradarDB(`seen-${++n}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('marks nothing on a first look, or after a look at an empty store', async () => {
    expect(whatIsNew([A, B], await loadSeen(db))).toEqual(new Map());
    await saveSeen(db, [], '2026-11-20T09:00:00.000Z');
    expect(whatIsNew([A, B], await loadSeen(db))).toEqual(new Map());
  });

  it('finds new messages, a moved state and a case never shown, and nothing else', async () => {
    await saveSeen(db, [A, B], '2026-11-20T09:00:00.000Z');
    const seen = await loadSeen(db);
    const C = makeCase({ caseId: '3' });
    const now = [{ ...A, messageCount: 4 }, { ...B, state: 'waiting-on-customer' as const }, C];
    expect(whatIsNew(now, seen)).toEqual(
      new Map([
        [A.key, { newCase: false, newMessages: 2, stateWas: undefined }],
        [B.key, { newCase: false, newMessages: 0, stateWas: 'open' }],
        [C.key, { newCase: true, newMessages: 0, stateWas: undefined }],
      ]),
    );
    expect(whatIsNew([A, B], seen)).toEqual(new Map());
  });

  it('a stored mark that does not validate counts as a first look', async () => {
    await db.settings.put({ key: 'popup-seen', value: { at: 'x', cases: { a: ['two', 'open'] } } });
    expect(await loadSeen(db)).toBeNull();
  });
});
