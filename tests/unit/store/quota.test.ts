/**
 * Storage limits (issue 10): when IndexedDB refuses a write with QuotaExceededError in the middle of an
 * ingest, the transaction is rolled back whole — no case without its events, no event without its
 * case, no portal health claiming a read that was not stored — and the error reaches the caller by name.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse } from 'dexie';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseradarDB } from '@/lib/store/db';
import { ingestSnapshot, type SnapshotInput } from '@/lib/store/ingest';
import { arbitrarySnapshotsArb } from '../../helpers/snapshot-worlds';
import { runs } from '../../helpers/property-runs';

/** A store whose `failAt`-th write request (counting from 1 once armed) fails as a full disk does. */
class QuotaDB extends CaseradarDB {
  writes = 0;
  failAt = Number.POSITIVE_INFINITY;
  failedTable: string | null = null;
  constructor(name: string) {
    super(name);
    this.use({
      stack: 'dbcore',
      name: 'quota-exceeded',
      create: (down: DBCore): DBCore => ({
        ...down,
        table: (tableName) => {
          const table = down.table(tableName);
          return {
            ...table,
            mutate: (req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> => {
              if (++this.writes === this.failAt) {
                this.failedTable = tableName;
                return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
              }
              return table.mutate(req);
            },
          };
        },
      }),
    });
  }
  arm(failAt: number): void {
    this.writes = 0;
    this.failAt = failAt;
    this.failedTable = null;
  }
}

let n = 0;
const dbs: CaseradarDB[] = [];
function fresh<T extends CaseradarDB>(make: (name: string) => T): T {
  const db = make(`quota-${++n}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((db) => db.delete()));
});

async function dump(db: CaseradarDB) {
  return {
    cases: await db.cases.toArray(),
    events: await db.events.toArray(),
    portals: await db.portals.toArray(),
    vendors: await db.vendors.toArray(),
  };
}

describe('QuotaExceededError during ingest', () => {
  it('rolls back the whole snapshot, whichever write fails, and the same snapshot lands whole once there is room', async () => {
    await fc.assert(
      fc.asyncProperty(arbitrarySnapshotsArb, fc.nat(), async (snapshots, pick) => {
        const db = fresh((name) => new QuotaDB(name));
        const reference = fresh((name) => new CaseradarDB(name));
        const [last, ...earlier] = [...snapshots].reverse() as [SnapshotInput, ...SnapshotInput[]];
        for (const s of earlier.reverse()) {
          await ingestSnapshot(db, s);
          await ingestSnapshot(reference, s);
        }
        // How many write requests the last snapshot makes when nothing fails.
        const counting = fresh((name) => new QuotaDB(name));
        for (const s of snapshots.slice(0, -1)) await ingestSnapshot(counting, s);
        counting.arm(Number.POSITIVE_INFINITY);
        await ingestSnapshot(counting, last);
        fc.pre(counting.writes > 0);

        const before = await dump(db);
        db.arm(1 + (pick % counting.writes));
        const error = await ingestSnapshot(db, last).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error, `write ${db.failAt} of ${counting.writes} failed (${db.failedTable})`).toBeInstanceOf(Error);
        expect((error as Error).name).toBe('QuotaExceededError');
        expect(await dump(db)).toEqual(before);

        db.arm(Number.POSITIVE_INFINITY);
        await ingestSnapshot(db, last);
        await ingestSnapshot(reference, last);
        const [got, want] = [await dump(db), await dump(reference)];
        expect(got.cases).toEqual(want.cases);
        expect(got.events.map(({ id: _id, ...e }) => e)).toEqual(want.events.map(({ id: _id, ...e }) => e));
        expect(got.portals).toEqual(want.portals);
        await Promise.all(dbs.splice(0).map((d) => d.delete()));
      }),
      { numRuns: runs(80) },
    );
  }, 60_000);

  it('fails the events write after the cases write: neither is kept', async () => {
    const db = fresh((name) => new QuotaDB(name));
    const snapshot: SnapshotInput = {
      provider: 'zendesk',
      pageUrl: 'https://northwind.zendesk.com/hc/en-us/requests',
      sourceUrl: 'https://northwind.zendesk.com/hc/en-us/requests',
      capturedAt: '2026-11-04T10:00:00.000Z',
      how: 'visit',
      extraction: {
        kind: 'list',
        problems: [],
        cases: [
          {
            provider: 'zendesk',
            caseId: '7',
            title: 'Link down',
            vendorStatus: 'Open',
            state: 'open',
            severity: null,
            vendorSeverity: null,
            createdAt: null,
            updatedAt: '2026-11-03T10:00:00.000Z',
            url: 'https://northwind.zendesk.com/hc/en-us/requests/7',
          },
        ],
      },
    };
    db.arm(3); // 1: vendors.put (a portal first seen), 2: cases.bulkPut, 3: events.bulkAdd
    await expect(ingestSnapshot(db, snapshot)).rejects.toMatchObject({ name: 'QuotaExceededError' });
    expect(db.failedTable).toBe('events');
    expect(await dump(db)).toEqual({ cases: [], events: [], portals: [], vendors: [] });
  });
});
