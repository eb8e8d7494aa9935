/**
 * Upgrades (issue 10): a store written by the previous version opens in the current one with every row
 * intact, and a backup file of the previous format restores into it.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseradarDB } from '@/lib/db';
import { createBackup, parseBackup, restoreBackup } from '@/lib/export/backup';
import { ingestSnapshot } from '@/lib/ingest';
import { defaultPolicy } from '@/lib/policy';
import { savePolicy } from '@/lib/settings';
import { buildFixtureStore } from './../helpers/fixture-store';

/** No origin granted: restored refresh schedules come back only for the families' own hosts. */
const NO_GRANTS = { isGranted: async () => false };

/** The store as version 1 of Caseradar defined it (lib/db.ts before the v2 tables), copied literally. */
function openVersion1(name: string): Dexie {
  const db = new Dexie(name);
  db.version(1).stores({
    // Only indexes something queries: each index costs every write (shared/TOOLCHAIN.md).
    cases: '&key, provider, [provider+vendorRef]',
    // The compound unique index makes re-ingesting the same event a no-op.
    events: '++id, caseKey, &[caseKey+dedupKey]',
    portals: '&key, provider',
    snoozes: '&caseKey',
    firedAlerts: '&id, caseKey',
    settings: '&key',
  });
  return db;
}

const V1_TABLES = ['cases', 'events', 'portals', 'snoozes', 'firedAlerts', 'settings'] as const;
const V2_TABLES = ['workspaces', 'incidents', 'contacts', 'trackedOrigins', 'recipes', 'refresh'] as const;
const NOW = '2026-11-21T10:00:00.000Z';

let n = 0;
const names: string[] = [];
const freshName = () => {
  const name = `upgrade-${++n}`;
  names.push(name);
  return name;
};
afterEach(async () => {
  await Promise.all(names.splice(0).map((name) => Dexie.delete(name)));
});

/** Rows of every v1 table, as the real ingest, sweep settings, snoozes and alerts write them. */
async function v1Rows(): Promise<Record<(typeof V1_TABLES)[number], unknown[]>> {
  const source = new CaseradarDB(freshName());
  expect(await buildFixtureStore(source)).toBeGreaterThan(10);
  await savePolicy(source, defaultPolicy('Europe/Berlin'));
  const [first, second] = await source.cases.limit(2).toArray();
  await source.snoozes.put({ caseKey: first!.key, until: null, vendorMarker: '2026-11-20T09:00:00.000Z', createdAt: NOW });
  await source.firedAlerts.put({ id: `${second!.key}|vendor-quiet|x|${NOW}`, caseKey: second!.key, kind: 'vendor-quiet', firedAt: NOW });
  const rows = Object.fromEntries(await Promise.all(V1_TABLES.map(async (t) => [t, await source.table(t).toArray()] as const)));
  source.close();
  return rows as Record<(typeof V1_TABLES)[number], unknown[]>;
}

describe('store upgrade from version 1', () => {
  it('keeps every v1 row, adds the v2 tables empty, and its indexes still answer', async () => {
    const rows = await v1Rows();
    const name = freshName();
    const old = openVersion1(name);
    for (const t of V1_TABLES) await old.table(t).bulkPut(rows[t]);
    expect(old.verno).toBe(1);
    old.close();

    const db = new CaseradarDB(name);
    await db.open();
    expect(db.verno).toBe(2);
    for (const t of V1_TABLES) expect(await db.table(t).toArray(), t).toEqual(rows[t]);
    for (const t of V2_TABLES) expect(await db.table(t).count(), t).toBe(0);

    // The indexes carried over: by provider, by vendor ref, and the unique event key.
    const azure = await db.cases.where('provider').equals('azure').toArray();
    expect(azure.length).toBeGreaterThan(0);
    const withRef = azure.find((c) => c.vendorRef)!;
    expect((await db.cases.where('[provider+vendorRef]').equals(['azure', withRef.vendorRef!]).first())?.key).toBe(withRef.key);
    const event = (await db.events.toArray())[0]!;
    await expect(db.events.add({ ...event, id: undefined })).rejects.toThrow(/ConstraintError|Key already exists/);
    // New rows go into both old and new tables.
    await db.workspaces.put({ caseKey: withRef.key, notes: 'n', infoPack: { environment: '', repro: '', impact: '' }, escalation: null, updatedAt: NOW });
    const again = await ingestSnapshot(db, {
      provider: 'azure', pageUrl: 'https://portal.azure.com/', sourceUrl: 'https://management.azure.com/providers/Microsoft.Support/supportTickets',
      capturedAt: '2026-11-20T08:00:00.000Z', how: 'visit', extraction: { kind: 'list', problems: [], cases: [{ ...withRef, messages: [] }] },
    });
    expect(again).toMatchObject({ created: 0, eventsAdded: 0 });
    db.close();
  });
});

describe('backup of format version 1', () => {
  async function v1Backup(): Promise<string> {
    const rows = await v1Rows();
    return JSON.stringify({ format: 'caseradar-backup', version: 1, createdAt: NOW, tables: rows });
  }

  it('restores into the current store (replace): every v1 row, and empty v2 tables', async () => {
    const text = await v1Backup();
    const backup = parseBackup(text);
    expect(backup.version).toBe(2);
    const db = new CaseradarDB(freshName());
    await db.workspaces.put({ caseKey: 'zendesk:1', notes: 'gone after replace', infoPack: { environment: '', repro: '', impact: '' }, escalation: null, updatedAt: NOW });
    await restoreBackup(db, backup, 'replace', NO_GRANTS);
    const v1 = (JSON.parse(text) as { tables: Record<string, unknown[]> }).tables;
    for (const t of V1_TABLES) expect(await db.table(t).toArray(), t).toEqual(v1[t]);
    for (const t of V2_TABLES) expect(await db.table(t).count(), t).toBe(0);
    // And a backup made now carries it on as version 2.
    expect(parseBackup(JSON.stringify(await createBackup(db, NOW))).tables.cases).toEqual(v1.cases);
    db.close();
  });

  it('merges into a current store without touching its v2 rows', async () => {
    const backup = parseBackup(await v1Backup());
    const db = new CaseradarDB(freshName());
    const workspace = { caseKey: 'zendesk:1', notes: 'kept', infoPack: { environment: 'prod', repro: '', impact: '' }, escalation: null, updatedAt: NOW };
    await db.workspaces.put(workspace);
    await restoreBackup(db, backup, 'merge', NO_GRANTS);
    expect(await db.cases.count()).toBe(backup.tables.cases.length);
    expect(await db.events.count()).toBe(backup.tables.events.length);
    expect(await db.workspaces.toArray()).toEqual([workspace]);
    db.close();
  });
});
