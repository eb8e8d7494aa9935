/**
 * Concurrent ingest (issue 10): five tabs of one portal and one tab of each of two others send their
 * snapshots at once (Promise.all) in a shuffled order. Compared with ingesting the same snapshots one
 * by one: in the same order the store must be identical; in capture order, everything but what ingest
 * records by arrival (firstSeenAt, the created event, a stale detail page's extra fields: reported,
 * see the last test) must agree.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseradarDB } from '@/lib/store/db';
import { ingestSnapshot, type SnapshotInput } from '@/lib/store/ingest';
import type { CaseEvent, StoredCase } from '@/lib/core/model';
import { worldArb } from '../../helpers/snapshot-worlds';
import { runs } from '../../helpers/property-runs';

let n = 0;
const open: CaseradarDB[] = [];
function freshDb(): CaseradarDB {
  const db = new CaseradarDB(`concurrency-${++n}`);
  open.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.delete()));
});

/** Events without their auto ids, in a stable order. */
const eventSet = (events: CaseEvent[]) =>
  events.map(({ id: _id, ...e }) => e).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

async function dump(db: CaseradarDB) {
  return {
    cases: (await db.cases.toArray()).sort((a, b) => a.key.localeCompare(b.key)),
    events: eventSet(await db.events.toArray()),
    portals: (await db.portals.toArray()).sort((a, b) => a.key.localeCompare(b.key)),
  };
}

const byCapture = (a: SnapshotInput, b: SnapshotInput) => Date.parse(a.capturedAt) - Date.parse(b.capturedAt);

/**
 * What must not depend on arrival order: which cases exist, each case's latest vendor state, title,
 * update time and message summary, and the set of messages recorded.
 */
function converged(store: Awaited<ReturnType<typeof dump>>) {
  return {
    cases: store.cases.map((c: StoredCase) => ({
      key: c.key,
      vendorStatus: c.vendorStatus,
      state: c.state,
      title: c.title,
      updatedAt: c.updatedAt,
      createdAt: c.createdAt,
      url: c.url,
      messageCount: c.messageCount,
      lastVendorMessageAt: c.lastVendorMessageAt,
      lastCustomerMessageAt: c.lastCustomerMessageAt,
    })),
    messages: store.events
      .filter((e) => e.type === 'message')
      .map((e) => ({ caseKey: e.caseKey, dedupKey: e.dedupKey, message: e.message })),
  };
}

/** The snapshots in a random order (the order tabs' messages happen to arrive in). */
const shuffle = (snapshots: SnapshotInput[], seeds: fc.Stream<number>) =>
  [...snapshots].sort(() => (seeds.next().value % 2 ? 1 : -1));

/** The store after ingesting the snapshots all at once (Promise.all), and one by one in the given order. */
async function ingestBoth(concurrently: SnapshotInput[], oneByOne: SnapshotInput[]) {
  const concurrent = freshDb();
  const sequential = freshDb();
  await Promise.all(concurrently.map((s) => ingestSnapshot(concurrent, s)));
  for (const s of oneByOne) await ingestSnapshot(sequential, s);
  const stores = { concurrent: await dump(concurrent), sequential: await dump(sequential) };
  await Promise.all(open.splice(0).map((db) => db.delete()));
  return stores;
}

describe('concurrent ingest from many tabs', () => {
  it('ends in exactly the store that ingesting one by one in the same order gives (no lost update, no half-write)', async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, fc.infiniteStream(fc.nat()), async (world, seeds) => {
        const shuffled = shuffle(world.snapshots, seeds);
        const { concurrent, sequential } = await ingestBoth(shuffled, shuffled);
        expect(concurrent).toEqual(sequential);
      }),
      { numRuns: runs(60) },
    );
  }, 60_000);

  it('agrees with ingest in capture order on every case, its latest state and its messages, whatever the arrival order', async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, fc.infiniteStream(fc.nat()), async (world, seeds) => {
        const { concurrent, sequential } = await ingestBoth(
          shuffle(world.snapshots, seeds),
          [...world.snapshots].sort(byCapture),
        );
        expect(converged(concurrent)).toEqual(converged(sequential));
        // Observation times may differ by less than ingest's one-minute granularity, never more.
        for (const [i, c] of concurrent.cases.entries()) {
          expect(Math.abs(Date.parse(c.lastObservedAt) - Date.parse(sequential.cases[i]!.lastObservedAt))).toBeLessThan(
            60_000,
          );
        }
      }),
      { numRuns: runs(60) },
    );
  }, 60_000);
});

describe('order dependence found by the fuzzers (fixed)', () => {
  it('keeps the owner of a detail page that arrives after a later list', async () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 9, 1, 8, minute)).toISOString();
    const row = {
      provider: 'zendesk' as const,
      caseId: '1',
      title: 'Link down',
      vendorStatus: 'Open',
      state: 'open' as const,
      severity: null,
      vendorSeverity: null,
      createdAt: null,
      updatedAt: at(0),
      url: 'https://northwind.zendesk.com/hc/en-us/requests/1',
    };
    const input = (capturedAt: string, kind: 'list' | 'detail', owner?: string): SnapshotInput => ({
      provider: 'zendesk',
      pageUrl: 'https://northwind.zendesk.com/hc/en-us/requests',
      sourceUrl: 'https://northwind.zendesk.com/hc/en-us/requests',
      capturedAt,
      how: 'visit',
      extraction: { kind, problems: [], cases: [owner ? { ...row, owner } : row] },
    });
    const db = freshDb();
    await ingestSnapshot(db, input(at(2), 'list'));
    await ingestSnapshot(db, input(at(1), 'detail', 'Sam Support')); // captured first, arrived last
    expect(await db.cases.get('northwind.zendesk.com:1')).toMatchObject({
      owner: 'Sam Support',
      lastObservedAt: at(2),
    });
  });
});
