/**
 * Upgrades: a store written by an earlier version opens in the current one with every row intact
 * (version 3 moves cases from provider:caseId to portal:caseId, with every reference to them), and a
 * backup file of an earlier format restores into it.
 */
import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseradarDB } from '@/lib/store/db';
import { createBackup, parseBackup, restoreBackup } from '@/lib/export/backup';
import type { StoredCase } from '@/lib/core/model';
import { loadPolicy } from '@/lib/alerts/settings';
import { caseKeyOfAlert } from '@/lib/alerts/staleness';
import { vendorDisplayName } from '@/lib/store/vendors';
import { buildFixtureStore } from '../../helpers/fixture-store';

/** No origin granted: restored refresh schedules come back only for the families' own hosts. */
const NO_GRANTS = { isGranted: async () => false };

/** The store as version 1 of Caseradar defined it (lib/store/db.ts before the v2 tables), copied literally. */
function openVersion1(name: string): Dexie {
  const db = new Dexie(name);
  db.version(1).stores({
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

/** Every table of a store written by version 2 (tests/fixtures/store/README.md). */
interface StoreDump {
  storeVersion: number;
  tables: Record<string, Record<string, unknown>[]>;
}
const V2_STORE = JSON.parse(readFileSync('tests/fixtures/store/v2-store.json', 'utf8')) as StoreDump;
const v1Rows = () =>
  Object.fromEntries(V1_TABLES.map((t) => [t, structuredClone(V2_STORE.tables[t]!)])) as Record<
    (typeof V1_TABLES)[number],
    Record<string, unknown>[]
  >;

/** The store as version 2 defined it (lib/store/db.ts before vendor portals), copied literally. */
function openVersion2(name: string): Dexie {
  const db = openVersion1(name);
  db.version(2).stores({
    workspaces: '&caseKey',
    incidents: '&id, *caseKeys',
    contacts: '&vendor',
    trackedOrigins: '&origin',
    recipes: '&id, origin',
    refresh: '&key',
  });
  return db;
}

type OldCase = StoredCase & Record<string, unknown>;
/** Where each version-2 case must land: its vendor portal and key. */
const expectedPortal = (c: OldCase) =>
  c.provider === 'manual'
    ? `manual:${String(c.vendorName).toLowerCase()}`
    : ['zendesk', 'freshdesk', 'jira-service-management', 'servicenow', 'salesforce', 'custom'].includes(c.provider)
      ? new URL(c.url).host
      : c.provider;

/** Checks an upgraded store against the version-2 rows it came from: nothing lost, nothing orphaned. */
async function expectUpgraded(db: CaseradarDB, old: Record<string, Record<string, unknown>[]>): Promise<void> {
  const oldCases = old.cases as OldCase[];
  const cases = await db.cases.toArray();
  expect(cases).toHaveLength(oldCases.length);
  const byOldKey = new Map<string, StoredCase>();
  for (const o of oldCases) {
    const portal = expectedPortal(o);
    const key = o.provider === 'manual' ? o.key : `${portal}:${o.caseId}`;
    const c = (await db.cases.get(key))!;
    expect(c, `case ${o.key} → ${key}`).toBeDefined();
    // Every field is kept; only the key, the portal and the shown vendor name are new.
    const { key: _k, portal: _p, vendorName: _v, ...rest } = c;
    const { key: _ok, vendorName: _ov, ...oldRest } = o;
    expect(rest, o.key).toEqual(oldRest);
    expect(c.portal).toBe(portal);
    byOldKey.set(o.key, c);
  }
  const keys = new Set(cases.map((c) => c.key));
  const events = await db.events.toArray();
  expect(events).toHaveLength(old.events!.length);
  for (const e of events) expect(keys.has(e.caseKey), `event ${e.id} of ${e.caseKey}`).toBe(true);
  for (const e of old.events!) {
    const now = events.find((x) => x.id === e.id)!;
    expect(now.caseKey).toBe(byOldKey.get(String(e.caseKey))!.key);
    expect({ ...now, caseKey: e.caseKey, dedupKey: e.dedupKey }).toEqual(e);
  }
  for (const s of await db.snoozes.toArray()) expect(keys.has(s.caseKey)).toBe(true);
  for (const a of await db.firedAlerts.toArray()) {
    expect(keys.has(a.caseKey)).toBe(true);
    expect(caseKeyOfAlert(a.id)).toBe(a.caseKey);
  }
  for (const w of await db.workspaces.toArray()) expect(keys.has(w.caseKey)).toBe(true);
  for (const i of await db.incidents.toArray())
    for (const k of i.caseKeys) expect(keys.has(k), `incident case ${k}`).toBe(true);
  expect(await db.snoozes.count()).toBe(old.snoozes!.length);
  expect(await db.firedAlerts.count()).toBe(old.firedAlerts!.length);
  expect(await db.workspaces.count()).toBe((old.workspaces ?? []).length);
}

describe('store upgrade from version 2 (cases keyed by vendor portal)', () => {
  async function upgraded(): Promise<CaseradarDB> {
    const name = freshName();
    const old = openVersion2(name);
    for (const [t, rows] of Object.entries(V2_STORE.tables)) await old.table(t).bulkPut(rows);
    expect(old.verno).toBe(2);
    old.close();
    const db = new CaseradarDB(name);
    await db.open();
    expect(db.verno).toBe(3);
    return db;
  }

  it('keeps every row under its vendor portal, and moves every reference to a case with it', async () => {
    const db = await upgraded();
    await expectUpgraded(db, V2_STORE.tables);
    expect((await db.cases.get('northwind.zendesk.com:48213'))!.vendorName).toBe('Northwind');
    expect((await db.cases.get('help.acme-isp.com:T-1007'))!.vendorName).toBe('Acme ISP');
    expect(await db.cases.get('manual:CT-88')).toMatchObject({
      portal: 'manual:contoso telecom',
      vendorName: 'Contoso Telecom',
    });
    expect((await db.incidents.get('inc-1'))!.caseKeys).toContain('help.acme-isp.com:T-1007');
    db.close();
  });

  it('gives each portal a vendor row, with the names a user would call them by', async () => {
    const db = await upgraded();
    const names = Object.fromEntries((await db.vendors.toArray()).map((v) => [v.portal, vendorDisplayName(v)]));
    expect(names).toMatchObject({
      'northwind.zendesk.com': 'Northwind',
      'acme.freshdesk.com': 'Acme',
      'acme.atlassian.net': 'Acme',
      'acme.service-now.com': 'Acme',
      'acme.my.site.com': 'Acme',
      'help.acme-isp.com': 'Acme ISP',
      'manual:contoso telecom': 'Contoso Telecom',
      azure: 'Azure',
      aws: 'AWS',
      gcp: 'Google Cloud',
      'microsoft-partner-center': 'Partner Center',
    });
    expect(Object.keys(names).sort()).toEqual([...new Set((await db.cases.toArray()).map((c) => c.portal))].sort());
    db.close();
  });

  it('moves contacts and per-platform thresholds to the portals they described', async () => {
    const db = await upgraded();
    expect((await db.contacts.toArray()).map((c) => [c.vendor, c.social]).sort()).toEqual([
      ['azure', '@azure'],
      ['help.acme-isp.com', '@AcmeISP'],
      ['manual:contoso telecom', '@ContosoTelecom'],
      ['northwind.zendesk.com', '@zendesk'],
    ]);
    const policy = await loadPolicy(db);
    expect(policy.timeZone).toBe('Europe/Berlin'); // the stored policy still validates: not replaced by defaults
    expect(policy.vendorQuiet.byPortal).toEqual({
      'northwind.zendesk.com': { businessDays: 5 },
      azure: { businessHours: 8 },
    });
    db.close();
  });

  it('re-ingesting every fixture afterwards writes no case, event or vendor row, and the indexes answer', async () => {
    const db = await upgraded();
    const rows = async () => ({
      cases: await db.cases.toArray(),
      events: await db.events.toArray(),
      vendors: await db.vendors.toArray(),
    });
    const before = await rows();
    const changes: string[] = [];
    // Portal health rows do move: they keep the counts of the latest read, and this replays older ones.
    // Exactly the files that store was built from, at the same instants: fixtures added since are new.
    const builtFrom = readFileSync('tests/fixtures/store/v2-store-files.txt', 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'));
    await buildFixtureStore(
      db,
      (r, file) => r.created + r.updated + r.eventsAdded && changes.push(`${file}: ${JSON.stringify(r)}`),
      builtFrom,
    );
    expect(changes).toEqual([]);
    expect(await rows()).toEqual(before);
    const withRef = (await db.cases.where('portal').equals('azure').toArray()).find((c) => c.vendorRef)!;
    expect((await db.cases.where('[portal+vendorRef]').equals(['azure', withRef.vendorRef!]).first())?.key).toBe(
      withRef.key,
    );
    const event = (await db.events.toArray())[0]!;
    await expect(db.events.add({ ...event, id: undefined })).rejects.toThrow(/ConstraintError|Key already exists/);
    db.close();
  });
});

describe('store upgrade from version 1', () => {
  it('keeps every v1 row under its vendor portal and adds the later tables', async () => {
    const rows = v1Rows();
    const name = freshName();
    const old = openVersion1(name);
    for (const t of V1_TABLES) await old.table(t).bulkPut(rows[t]);
    expect(old.verno).toBe(1);
    old.close();

    const db = new CaseradarDB(name);
    await db.open();
    expect(db.verno).toBe(3);
    await expectUpgraded(db, rows);
    for (const t of V2_TABLES) if (t !== 'contacts') expect(await db.table(t).count(), t).toBe(0);
    expect(await db.vendors.count()).toBeGreaterThan(5);
    db.close();
  });
});

describe('backups of earlier formats', () => {
  const backupOf = (version: number, tables: Record<string, unknown>) =>
    JSON.stringify({ format: 'caseradar-backup', version, createdAt: NOW, tables });

  it('a version-2 backup restores (replace) into the same store a store upgrade makes', async () => {
    const backup = parseBackup(backupOf(2, V2_STORE.tables));
    expect(backup.version).toBe(3);
    const db = new CaseradarDB(freshName());
    await db.workspaces.put({
      caseKey: 'northwind.zendesk.com:1',
      notes: 'gone after replace',
      infoPack: { environment: '', repro: '', impact: '' },
      escalation: null,
      updatedAt: NOW,
    });
    await restoreBackup(db, backup, 'replace', NO_GRANTS);
    await expectUpgraded(db, V2_STORE.tables);
    // And a backup made now carries it on as version 3, unchanged.
    const byKey = (rows: { key: string }[]) => [...rows].sort((x, y) => x.key.localeCompare(y.key));
    expect(byKey(parseBackup(JSON.stringify(await createBackup(db, NOW))).tables.cases)).toEqual(
      byKey(backup.tables.cases),
    );
    db.close();
  });

  it('a version-1 backup restores into the current store: every v1 row under its portal', async () => {
    const rows = v1Rows();
    const backup = parseBackup(backupOf(1, rows));
    expect(backup.version).toBe(3);
    const db = new CaseradarDB(freshName());
    await restoreBackup(db, backup, 'replace', NO_GRANTS);
    await expectUpgraded(db, rows);
    for (const t of ['workspaces', 'incidents', 'trackedOrigins', 'recipes', 'refresh'] as const)
      expect(await db.table(t).count(), t).toBe(0);
    db.close();
  });

  it('a version-1 backup merges into a current store without touching its later rows', async () => {
    const backup = parseBackup(backupOf(1, v1Rows()));
    const db = new CaseradarDB(freshName());
    const workspace = {
      caseKey: 'northwind.zendesk.com:1',
      notes: 'kept',
      infoPack: { environment: 'prod', repro: '', impact: '' },
      escalation: null,
      updatedAt: NOW,
    };
    await db.workspaces.put(workspace);
    await restoreBackup(db, backup, 'merge', NO_GRANTS);
    expect(await db.cases.count()).toBe(backup.tables.cases.length);
    expect(await db.events.count()).toBe(backup.tables.events.length);
    expect(await db.workspaces.toArray()).toEqual([workspace]);
    db.close();
  });
});
