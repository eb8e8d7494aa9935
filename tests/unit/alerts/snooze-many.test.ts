/** The dashboard's bulk actions: several cases snoozed (to a menu choice or a picked day) or deleted at once. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseradarDB } from '@/lib/store/db';
import { defaultPolicy } from '@/lib/alerts/policy';
import { isSnoozeActive, snoozeCases, SnoozeError, startOfWorkingDay } from '@/lib/alerts/snooze';
import { deleteCases } from '@/lib/cases/dashboard-actions';
import { makeCase } from '../../helpers/case-factory';

let db: CaseradarDB;
let n = 0;
beforeEach(() => {
  db = new CaseradarDB(`snooze-many-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

const berlin = defaultPolicy('Europe/Berlin');
const NOW = '2026-12-02T14:40:00.000Z'; // a Wednesday

describe('startOfWorkingDay', () => {
  it("is the picked day's first working hour in the user's zone, across a DST change too", () => {
    expect(startOfWorkingDay('2026-12-09', berlin)).toBe('2026-12-09T08:00:00.000Z');
    expect(startOfWorkingDay('2026-10-26', berlin)).toBe('2026-10-26T08:00:00.000Z'); // CET from Oct 25
    expect(startOfWorkingDay('2026-10-23', berlin)).toBe('2026-10-23T07:00:00.000Z'); // still CEST
    expect(startOfWorkingDay('2026-12-09', defaultPolicy('America/Los_Angeles'))).toBe('2026-12-09T17:00:00.000Z');
  });

  it('refuses what is not a day', () => {
    expect(() => startOfWorkingDay('9 Dec', berlin)).toThrow(SnoozeError);
    expect(() => startOfWorkingDay('2026-02-30', berlin)).toThrow('No such day: 2026-02-30');
  });
});

describe('snoozeCases', () => {
  const cases = [makeCase({ caseId: 'a' }), makeCase({ caseId: 'b' }), makeCase({ caseId: 'c' })];
  beforeEach(async () => {
    await db.cases.bulkPut(cases);
  });

  it('snoozes every chosen case until the picked day, and no other', async () => {
    expect(await snoozeCases(db, ['azure:a', 'azure:b', 'azure:gone'], { untilDay: '2026-12-09' }, NOW, berlin)).toBe(
      2,
    );
    const snoozes = await db.snoozes.toArray();
    expect(snoozes.map((s) => [s.caseKey, s.until])).toEqual([
      ['azure:a', '2026-12-09T08:00:00.000Z'],
      ['azure:b', '2026-12-09T08:00:00.000Z'],
    ]);
    expect(isSnoozeActive(snoozes[0]!, cases[0], '2026-12-09T07:59:00.000Z')).toBe(true);
    expect(isSnoozeActive(snoozes[0]!, cases[0], '2026-12-09T08:00:00.000Z')).toBe(false);
  });

  it('takes the menu choices too, and refuses a day that is not after now', async () => {
    expect(await snoozeCases(db, ['azure:a', 'azure:c'], 'vendor', NOW, berlin)).toBe(2);
    expect((await db.snoozes.get('azure:c'))!.until).toBeNull();
    await expect(snoozeCases(db, ['azure:b'], { untilDay: '2026-12-02' }, NOW, berlin)).rejects.toThrow(
      'Pick a day after today',
    );
    expect(await db.snoozes.get('azure:b')).toBeUndefined();
  });
});

describe('deleteCases', () => {
  it('deletes the chosen cases with their history and snoozes, and nothing else', async () => {
    await db.cases.bulkPut([makeCase({ caseId: 'a' }), makeCase({ caseId: 'b' })]);
    await db.events.bulkAdd([
      { caseKey: 'azure:a', type: 'created', at: NOW, recordedAt: NOW, to: 'Open', dedupKey: 'created' },
      { caseKey: 'azure:b', type: 'created', at: NOW, recordedAt: NOW, to: 'Open', dedupKey: 'created' },
    ]);
    await snoozeCases(db, ['azure:a', 'azure:b'], '1w', NOW, berlin);
    await deleteCases(db, ['azure:a'], NOW);
    expect((await db.cases.toArray()).map((c) => c.key)).toEqual(['azure:b']);
    expect((await db.events.toArray()).map((e) => e.caseKey)).toEqual(['azure:b']);
    expect((await db.snoozes.toArray()).map((s) => s.caseKey)).toEqual(['azure:b']);
  });
});
