/**
 * Lossless backup and restore of the whole store. A backup is one versioned JSON file with every
 * table; restore validates it (zod), reports what it will do, then merges or replaces without losing
 * rows. Older backup versions are upgraded step by step before validation.
 */
import { z } from 'zod';
import type { CaseradarDB, RefreshSchedule } from '../store/db';
import { messageFields } from '../store/ingest';
import { ALERT_KINDS, type AlertKind } from '../alerts/policy';
import { FAMILIES, urlMatchesFamily } from '../capture/families';
import { defaultRefreshUrl } from '../background/refresh';
import { toPortalIdentity } from '../store/portal-identity-upgrade';
import { CASE_STATES, type ProviderId, type StoredCase } from '../core/model';
import { caseKeyOf, portalOf } from '../core/portals';
import { settleVendors } from '../store/vendors';
import { caseMessageSchema, caseSnapshotSchema, httpOrigin, httpUrl, isoTime, providerIdSchema } from '../core/schema';

export const BACKUP_FORMAT = 'caseradar-backup';
export const BACKUP_VERSION = 3;

// Every time, origin, URL and enum is checked: a backup is untrusted input like a portal page, and one
// bad value (a time "soon") must be refused with its row named, not stored to blank a page later.
const iso = isoTime;
const urlOrEmpty = z.union([z.literal(''), httpUrl]);
const portalOfLink = (provider: ProviderId, url: string) => {
  try {
    return portalOf(provider, url);
  } catch {
    return null; // Not an http(s) link: the url check names the problem.
  }
};
const storedCaseSchema = caseSnapshotSchema
  .extend({
    key: z.string().min(3).max(400),
    portal: z.string().min(1).max(300),
    // A manual case may have no link (a phone call); every other case links to its portal.
    url: urlOrEmpty,
    owner: z.string().max(200).nullable().optional(),
    firstSeenAt: iso,
    lastObservedAt: iso,
    observedVia: z.string().max(2048),
    observedHow: z.enum(['visit', 'refresh', 'manual']),
    lastVendorMessageAt: iso.nullable(),
    lastCustomerMessageAt: iso.nullable(),
    messageCount: z.number().int().min(0),
  })
  .refine((c) => c.provider === 'manual' || c.url !== '', { message: 'Expected an http(s) URL', path: ['url'] })
  // A row cannot file itself under another vendor's portal: its portal follows from its link.
  .refine(
    (c) => (c.provider === 'manual' ? c.portal.startsWith('manual:') : c.portal === portalOfLink(c.provider, c.url)),
    'Expected the portal its link is on',
  )
  .refine((c) => c.key === caseKeyOf(c.provider, c.portal, c.caseId), 'Expected key = portal:caseId');

const eventSchema = z.object({
  id: z.number().int().positive().optional(),
  caseKey: z.string().min(3).max(200),
  type: z.enum(['created', 'state', 'severity', 'owner', 'title', 'message']),
  at: iso,
  recordedAt: iso,
  from: z.string().max(500).nullable().optional(),
  to: z.string().max(500).nullable().optional(),
  message: caseMessageSchema.optional(),
  dedupKey: z.string().min(1).max(600),
});

const portalSchema = z.object({
  key: z.string(),
  provider: providerIdSchema,
  // Cases typed in by hand file their health under 'unknown' (lib/store/ingest.ts).
  origin: z.union([httpOrigin, z.literal('unknown')]),
  lastSuccessAt: iso.nullable(),
  lastErrorAt: iso.nullable(),
  lastError: z.object({ failure: z.string(), message: z.string(), pageUrl: z.string() }).nullable(),
  lastCaseCount: z.number().int().min(0),
  lastProblemCount: z.number().int().min(0),
});

export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: iso,
  tables: z.object({
    cases: z.array(storedCaseSchema),
    events: z.array(eventSchema),
    portals: z.array(portalSchema),
    snoozes: z.array(z.object({ caseKey: z.string(), until: iso.nullable(), vendorMarker: iso, createdAt: iso })),
    firedAlerts: z.array(
      z.object({
        id: z.string(),
        caseKey: z.string(),
        kind: z.enum(ALERT_KINDS as [AlertKind, ...AlertKind[]]),
        firedAt: iso,
      }),
    ),
    settings: z.array(z.object({ key: z.string(), value: z.unknown() })),
    // Version 2: the user's own work and grants.
    workspaces: z.array(
      z.object({
        caseKey: z.string(),
        notes: z.string().max(200_000),
        infoPack: z.object({ environment: z.string(), repro: z.string(), impact: z.string() }),
        escalation: z.object({ level: z.string(), contact: z.string(), escalatedAt: iso.nullable() }).nullable(),
        updatedAt: iso,
      }),
    ),
    incidents: z.array(
      z.object({ id: z.string(), title: z.string(), caseKeys: z.array(z.string()), createdAt: iso, updatedAt: iso }),
    ),
    contacts: z.array(
      z.object({
        vendor: z.string(),
        portalUrl: urlOrEmpty,
        phone: z.string(),
        statusPage: urlOrEmpty,
        social: z.string(),
        updatedAt: iso,
      }),
    ),
    trackedOrigins: z.array(z.object({ origin: httpOrigin, provider: providerIdSchema, grantedAt: iso })),
    recipes: z.array(
      z.object({
        id: z.string(),
        origin: httpOrigin,
        pathPrefix: z.string(),
        name: z.string(),
        rowSelector: z.string(),
        fields: z.object({
          id: z.string(),
          title: z.string(),
          status: z.string(),
          updated: z.string(),
          link: z.string(),
        }),
        createdAt: iso,
        updatedAt: iso,
      }),
    ),
    // Version 3: one row per vendor portal, with the user's name for it.
    vendors: z.array(
      z.object({
        portal: z.string().min(1).max(300),
        provider: providerIdSchema,
        origin: httpOrigin.nullable(),
        readName: z.string().max(120).nullable(),
        userName: z.string().max(120).nullable(),
        statusMap: z
          .record(z.string().max(200), z.object({ label: z.string().min(1).max(200), state: z.enum(CASE_STATES) }))
          .refine((m) => Object.keys(m).length <= 500, 'At most 500 mapped status labels per vendor')
          .optional(),
        updatedAt: iso,
      }),
    ),
    refresh: z.array(
      z.object({
        key: z.string(),
        provider: providerIdSchema,
        origin: httpOrigin,
        enabled: z.boolean(),
        intervalMinutes: z.number().int().min(5).max(10_080),
        url: httpUrl,
        nextAt: iso.nullable(),
        consecutiveFailures: z.number().int().min(0),
        pausedReason: z.string().nullable(),
        lastAttemptAt: iso.nullable(),
        lastOutcome: z.string().nullable(),
        inFlightSince: iso.nullable(),
        tabId: z.number().int().nullable().optional(),
      }),
    ),
  }),
});
export type Backup = z.infer<typeof backupSchema>;

const TABLES = [
  'cases',
  'events',
  'portals',
  'snoozes',
  'firedAlerts',
  'settings',
  'workspaces',
  'incidents',
  'contacts',
  'trackedOrigins',
  'recipes',
  'refresh',
  'vendors',
] as const;
type TableName = (typeof TABLES)[number];
/** Tables whose rows are restored whole by primary key (cases and events have their own rules). */
const KEYED: Record<Exclude<TableName, 'cases' | 'events'>, string> = {
  portals: 'key',
  snoozes: 'caseKey',
  firedAlerts: 'id',
  settings: 'key',
  workspaces: 'caseKey',
  incidents: 'id',
  contacts: 'vendor',
  trackedOrigins: 'origin',
  recipes: 'id',
  refresh: 'key',
  vendors: 'portal',
};
const keyedTables = Object.keys(KEYED) as (keyof typeof KEYED)[];

/** Upgraders from backup version N to N+1. */
const UPGRADERS: Record<number, (backup: Record<string, unknown>) => Record<string, unknown>> = {
  // 1 → 2: the tables added in store version 2 start empty.
  1: (b) => ({
    ...b,
    version: 2,
    tables: {
      ...(b.tables as object),
      workspaces: [],
      incidents: [],
      contacts: [],
      trackedOrigins: [],
      recipes: [],
      refresh: [],
    },
  }),
  // 2 → 3: cases keyed by vendor portal, as the store upgrade does it (the same function). Rows whose
  // shape is wrong are left for validation to name; the upgrade only moves keys.
  2: (b) => {
    const tables = b.tables as Record<string, unknown>;
    const rows = (name: string) => (Array.isArray(tables?.[name]) ? (tables[name] as Record<string, unknown>[]) : []);
    const valid = rows('cases').every(
      (c) => typeof c.url === 'string' && typeof c.provider === 'string' && typeof c.caseId === 'string',
    );
    if (!valid)
      throw new BackupError(
        'A case row of this older backup has no link, provider or case number: it cannot be placed under a vendor',
      );
    let upgraded: ReturnType<typeof toPortalIdentity>;
    try {
      upgraded = toPortalIdentity(
        {
          cases: rows('cases'),
          events: rows('events'),
          snoozes: rows('snoozes'),
          firedAlerts: rows('firedAlerts'),
          workspaces: rows('workspaces'),
          incidents: rows('incidents'),
          contacts: rows('contacts'),
          settings: rows('settings'),
        },
        typeof b.createdAt === 'string' ? b.createdAt : new Date(0).toISOString(),
      );
    } catch (error) {
      throw new BackupError(
        `This older backup could not be upgraded to version 3: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return { ...b, version: 3, tables: { ...tables, ...upgraded } };
  },
};

export async function createBackup(db: CaseradarDB, nowIso: string): Promise<Backup> {
  return db.transaction(
    'r',
    TABLES.map((t) => db.table(t)),
    async () =>
      ({
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: nowIso,
        tables: Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await db.table(t).toArray()]))),
      }) as Backup,
  );
}

export class BackupError extends Error {
  override readonly name = 'BackupError';
}

/** Parses and validates a backup file's text, upgrading older versions first. */
export function parseBackup(text: string): Backup {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new BackupError('Expected a Caseradar backup (JSON), got a file that is not JSON');
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw new BackupError(`Expected a file with "format": "${BACKUP_FORMAT}"`);
  }
  let doc = raw as Record<string, unknown>;
  let version = Number(doc.version);
  if (!Number.isInteger(version) || version < 1)
    throw new BackupError(`Expected a backup version, got ${JSON.stringify(doc.version)}`);
  if (version > BACKUP_VERSION)
    throw new BackupError(
      `This backup is version ${version}; this Caseradar reads up to ${BACKUP_VERSION}. Update Caseradar first.`,
    );
  while (version < BACKUP_VERSION) {
    const upgrade = UPGRADERS[version];
    if (!upgrade) throw new BackupError(`No upgrade from backup version ${version}`);
    doc = upgrade(doc);
    version = Number(doc.version);
  }
  const parsed = backupSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = rowInWords(doc, issue?.path ?? []) ?? (issue?.path.join('.') || 'top level');
    throw new BackupError(`Invalid backup at ${where}: ${issue?.message ?? 'bad shape'}`);
  }
  return { ...parsed.data, tables: { ...parsed.data.tables, events: uniqueEvents(parsed.data.tables.events) } };
}

/** 'cases row 3 ("zendesk:48213"), field lastObservedAt': which row of which table a bad value is in. */
function rowInWords(doc: Record<string, unknown>, path: PropertyKey[]): string | null {
  const [top, table, index, ...field] = path;
  if (top !== 'tables' || typeof table !== 'string' || typeof index !== 'number') return null;
  const row = ((doc.tables as Record<string, unknown[]> | undefined)?.[table]?.[index] ?? {}) as Record<
    string,
    unknown
  >;
  const name = [row.key, row.caseKey, row.id, row.origin, row.vendor].find(
    (v) => typeof v === 'string' || typeof v === 'number',
  );
  const named = name === undefined ? '' : ` (${JSON.stringify(String(name).slice(0, 80))})`;
  return `${table} row ${index + 1}${named}${field.length ? `, field ${field.join('.')}` : ''}`;
}

/**
 * A backup may hold the same event twice (an edited file, two backups joined): the store's unique
 * index would refuse the whole restore. The first copy of each (case, dedup key) stands, and event ids
 * are dropped when two rows share one, so the store numbers them anew.
 */
function uniqueEvents(events: Backup['tables']['events']): Backup['tables']['events'] {
  const seen = new Set<string>();
  const unique = events.filter((e) => {
    const key = `${e.caseKey}\u0000${e.dedupKey}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  const ids = unique.map((e) => e.id).filter((id) => id !== undefined);
  return new Set(ids).size === ids.length ? unique : unique.map(({ id: _id, ...e }) => e);
}

export interface RestorePlan {
  mode: 'merge' | 'replace';
  /** Per table: rows added, rows updated (merge: only when the backup's row is newer), rows kept as they are. */
  tables: Record<TableName, { add: number; update: number; keep: number; remove: number }>;
}

const newerCase = (
  a: { lastObservedAt: string; updatedAt: string | null },
  b: { lastObservedAt: string; updatedAt: string | null },
) =>
  Date.parse(a.updatedAt ?? a.lastObservedAt) > Date.parse(b.updatedAt ?? b.lastObservedAt) ||
  (a.updatedAt === b.updatedAt && Date.parse(a.lastObservedAt) > Date.parse(b.lastObservedAt));

export interface RestoreOptions {
  /** Whether the user granted this origin to the extension (browser.permissions.contains in the pages). */
  isGranted: (origin: string) => Promise<boolean>;
}

/** Why a restored refresh schedule waits for the user. */
export const RESTORED_PAUSED = 'Restored from a backup: turn it on to refresh again';

/**
 * The refresh schedules a backup may bring back. A schedule makes the extension fetch with the user's
 * cookies, so a backup (untrusted, like any file) could otherwise plant requests to any address. Only
 * portals the extension may read come back — a family's own hosts, or an origin the user granted — at
 * the address the extension itself uses for that portal, never the backup's, and paused until the user
 * turns them on.
 */
async function restorableSchedules(
  rows: Backup['tables']['refresh'],
  { isGranted }: RestoreOptions,
): Promise<RefreshSchedule[]> {
  const kept: RefreshSchedule[] = [];
  for (const row of rows) {
    const url = defaultRefreshUrl(row.provider, row.origin);
    const family = FAMILIES.find((f) => f.id === row.provider);
    if (!url || !family || new URL(url).origin !== row.origin) continue;
    if (!urlMatchesFamily(family, url) && !(await isGranted(row.origin))) continue;
    kept.push({
      ...row,
      url,
      enabled: false,
      pausedReason: RESTORED_PAUSED,
      consecutiveFailures: 0,
      nextAt: null,
      inFlightSince: null,
      tabId: null,
    });
  }
  return kept;
}

/** What a restore would do, without doing it. */
export async function planRestore(
  db: CaseradarDB,
  backup: Backup,
  mode: 'merge' | 'replace',
  options: RestoreOptions,
): Promise<RestorePlan> {
  backup = {
    ...backup,
    tables: { ...backup.tables, refresh: await restorableSchedules(backup.tables.refresh, options) },
  };
  const tables = {} as RestorePlan['tables'];
  const counts = async <R>(name: TableName, rows: R[], keyOf: (r: R) => string) => {
    const current = await db.table(name).count();
    if (mode === 'replace') return { add: rows.length, update: 0, keep: 0, remove: current };
    const existing = new Set((await db.table(name).toCollection().primaryKeys()).map(String));
    const incoming = rows.map(keyOf);
    const add = incoming.filter((k) => !existing.has(k)).length;
    return { add, update: 0, keep: current, remove: 0 };
  };
  tables.cases = await counts('cases', backup.tables.cases, (r) => r.key);
  if (mode === 'merge') {
    const stored = new Map(
      (await db.cases.bulkGet(backup.tables.cases.map((c) => c.key))).filter(Boolean).map((c) => [c!.key, c!]),
    );
    tables.cases.update = backup.tables.cases.filter(
      (c) => stored.has(c.key) && newerCase(c, stored.get(c.key)!),
    ).length;
  }
  if (mode === 'merge') {
    const existing = new Set((await db.events.toArray()).map((e) => `${e.caseKey}\u0000${e.dedupKey}`));
    const add = backup.tables.events.filter((e) => !existing.has(`${e.caseKey}\u0000${e.dedupKey}`)).length;
    tables.events = { add, update: 0, keep: existing.size, remove: 0 };
  } else {
    tables.events = { add: backup.tables.events.length, update: 0, keep: 0, remove: await db.events.count() };
  }
  for (const name of keyedTables) {
    tables[name] = await counts(name, backup.tables[name] as Record<string, unknown>[], (r) => String(r[KEYED[name]]));
  }
  return { mode, tables };
}

/**
 * Restores in one transaction. replace: the store becomes exactly the backup. merge: rows only in the
 * backup are added, a case is updated only when the backup's copy is newer, events are added by their
 * dedup key (never duplicated), and nothing already stored is removed.
 */
export async function restoreBackup(
  db: CaseradarDB,
  backup: Backup,
  mode: 'merge' | 'replace',
  options: RestoreOptions,
): Promise<void> {
  // Asked before the transaction: it may await nothing but the store.
  const t = { ...backup.tables, refresh: await restorableSchedules(backup.tables.refresh, options) };
  await db.transaction(
    'rw',
    TABLES.map((name) => db.table(name)),
    async () => {
      if (mode === 'replace') {
        for (const name of TABLES) await db.table(name).clear();
        for (const name of TABLES) await db.table(name).bulkPut(t[name] as never[]);
        await settleVendors(db, t.cases as StoredCase[], backup.createdAt);
        return;
      }
      const stored = new Map(
        (await db.cases.bulkGet(t.cases.map((c) => c.key))).filter(Boolean).map((c) => [c!.key, c!]),
      );
      await db.cases.bulkPut(t.cases.filter((c) => !stored.has(c.key) || newerCase(c, stored.get(c.key)!)) as never);
      const existing = new Set((await db.events.toArray()).map((e) => `${e.caseKey}\u0000${e.dedupKey}`));
      // New ids in merge mode: the backup's ids may already belong to other events here.
      const events = t.events
        .filter((e) => !existing.has(`${e.caseKey}\u0000${e.dedupKey}`))
        .map(({ id: _id, ...e }) => e);
      await db.events.bulkAdd(events as never);
      // A case's message count and latest message times follow from its events: the merged set, which
      // may hold replies that neither copy of the case row counted.
      const touched = [...new Set([...t.cases.map((c) => c.key), ...events.map((e) => e.caseKey)])];
      const merged = await db.events
        .where('caseKey')
        .anyOf(touched)
        .filter((e) => e.type === 'message')
        .toArray();
      const rows = (await db.cases.bulkGet(touched)).filter((c) => c !== undefined);
      const recounted = rows.flatMap((c) => {
        const fields = messageFields(merged.filter((e) => e.caseKey === c.key));
        const same =
          fields.messageCount === c.messageCount &&
          fields.lastVendorMessageAt === c.lastVendorMessageAt &&
          fields.lastCustomerMessageAt === c.lastCustomerMessageAt;
        return same ? [] : [{ ...c, ...fields }];
      });
      await db.cases.bulkPut(recounted);
      // Everything else: rows missing here are added; rows already here are kept as they are.
      for (const name of keyedTables) {
        const have = new Set((await db.table(name).toCollection().primaryKeys()).map(String));
        const rows = t[name] as Record<string, unknown>[];
        await db.table(name).bulkAdd(rows.filter((r) => !have.has(String(r[KEYED[name]]))));
      }
      // Every case now in the store shows the name its vendor row gives (this store's, where it had one).
      await settleVendors(
        db,
        (await db.cases.bulkGet(t.cases.map((c) => c.key))).filter((c) => c !== undefined),
        backup.createdAt,
      );
    },
  );
}
