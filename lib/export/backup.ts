/**
 * Lossless backup and restore of the whole store. A backup is one versioned JSON file with every
 * table; restore validates it (zod), reports what it will do, then merges or replaces without losing
 * rows. Older backup versions are upgraded step by step before validation.
 */
import { z } from 'zod';
import type { CaseradarDB } from '../db';
import { caseMessageSchema, caseSnapshotSchema, providerIdSchema } from '../schema';

export const BACKUP_FORMAT = 'caseradar-backup';
export const BACKUP_VERSION = 1;

const iso = z.string().max(40);
const storedCaseSchema = caseSnapshotSchema.extend({
  key: z.string().min(3).max(200),
  owner: z.string().max(200).nullable().optional(),
  firstSeenAt: iso,
  lastObservedAt: iso,
  observedVia: z.string().max(2048),
  observedHow: z.enum(['visit', 'refresh', 'manual']),
  lastVendorMessageAt: iso.nullable(),
  lastCustomerMessageAt: iso.nullable(),
  messageCount: z.number().int().min(0),
}).refine((c) => c.key === `${c.provider}:${c.caseId}`, 'Expected key = provider:caseId');

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
  origin: z.string(),
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
    firedAlerts: z.array(z.object({ id: z.string(), caseKey: z.string(), kind: z.string(), firedAt: iso })),
    settings: z.array(z.object({ key: z.string(), value: z.unknown() })),
  }),
});
export type Backup = z.infer<typeof backupSchema>;

const TABLES = ['cases', 'events', 'portals', 'snoozes', 'firedAlerts', 'settings'] as const;

/** Upgraders from backup version N to N+1. Version 1 is the first; add `1: (b) => …` with version 2. */
const UPGRADERS: Record<number, (backup: Record<string, unknown>) => Record<string, unknown>> = {};

export async function createBackup(db: CaseradarDB, nowIso: string): Promise<Backup> {
  return db.transaction('r', TABLES.map((t) => db.table(t)), async () => ({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: nowIso,
    tables: {
      cases: await db.cases.toArray(),
      events: await db.events.toArray(),
      portals: await db.portals.toArray(),
      snoozes: await db.snoozes.toArray(),
      firedAlerts: await db.firedAlerts.toArray(),
      settings: await db.settings.toArray(),
    },
  }) as Backup);
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
  if (!Number.isInteger(version) || version < 1) throw new BackupError(`Expected a backup version, got ${JSON.stringify(doc.version)}`);
  if (version > BACKUP_VERSION) throw new BackupError(`This backup is version ${version}; this Caseradar reads up to ${BACKUP_VERSION}. Update Caseradar first.`);
  while (version < BACKUP_VERSION) {
    const upgrade = UPGRADERS[version];
    if (!upgrade) throw new BackupError(`No upgrade from backup version ${version}`);
    doc = upgrade(doc);
    version = Number(doc.version);
  }
  const parsed = backupSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BackupError(`Invalid backup at ${issue?.path.join('.') || 'top level'}: ${issue?.message ?? 'bad shape'}`);
  }
  return parsed.data;
}

export interface RestorePlan {
  mode: 'merge' | 'replace';
  /** Per table: rows added, rows updated (merge: only when the backup's row is newer), rows kept as they are. */
  tables: Record<(typeof TABLES)[number], { add: number; update: number; keep: number; remove: number }>;
}

const newerCase = (a: { lastObservedAt: string; updatedAt: string | null }, b: { lastObservedAt: string; updatedAt: string | null }) =>
  Date.parse(a.updatedAt ?? a.lastObservedAt) > Date.parse(b.updatedAt ?? b.lastObservedAt) ||
  (a.updatedAt === b.updatedAt && Date.parse(a.lastObservedAt) > Date.parse(b.lastObservedAt));

/** What a restore would do, without doing it. */
export async function planRestore(db: CaseradarDB, backup: Backup, mode: 'merge' | 'replace'): Promise<RestorePlan> {
  const tables = {} as RestorePlan['tables'];
  const counts = async <R,>(name: (typeof TABLES)[number], rows: R[], keyOf: (r: R) => string) => {
    const current = await db.table(name).count();
    if (mode === 'replace') return { add: rows.length, update: 0, keep: 0, remove: current };
    const existing = new Set((await db.table(name).toCollection().primaryKeys()).map(String));
    const incoming = rows.map(keyOf);
    const add = incoming.filter((k) => !existing.has(k)).length;
    return { add, update: 0, keep: current, remove: 0 };
  };
  tables.cases = await counts('cases', backup.tables.cases, (r) => r.key);
  if (mode === 'merge') {
    const stored = new Map((await db.cases.bulkGet(backup.tables.cases.map((c) => c.key))).filter(Boolean).map((c) => [c!.key, c!]));
    tables.cases.update = backup.tables.cases.filter((c) => stored.has(c.key) && newerCase(c, stored.get(c.key)!)).length;
  }
  if (mode === 'merge') {
    const existing = new Set((await db.events.toArray()).map((e) => `${e.caseKey}\u0000${e.dedupKey}`));
    const add = backup.tables.events.filter((e) => !existing.has(`${e.caseKey}\u0000${e.dedupKey}`)).length;
    tables.events = { add, update: 0, keep: existing.size, remove: 0 };
  } else {
    tables.events = { add: backup.tables.events.length, update: 0, keep: 0, remove: await db.events.count() };
  }
  tables.portals = await counts('portals', backup.tables.portals, (r) => r.key);
  tables.snoozes = await counts('snoozes', backup.tables.snoozes, (r) => r.caseKey);
  tables.firedAlerts = await counts('firedAlerts', backup.tables.firedAlerts, (r) => r.id);
  tables.settings = await counts('settings', backup.tables.settings, (r) => r.key);
  return { mode, tables };
}

/**
 * Restores in one transaction. replace: the store becomes exactly the backup. merge: rows only in the
 * backup are added, a case is updated only when the backup's copy is newer, events are added by their
 * dedup key (never duplicated), and nothing already stored is removed.
 */
export async function restoreBackup(db: CaseradarDB, backup: Backup, mode: 'merge' | 'replace'): Promise<void> {
  const t = backup.tables;
  await db.transaction('rw', TABLES.map((name) => db.table(name)), async () => {
    if (mode === 'replace') {
      for (const name of TABLES) await db.table(name).clear();
      await db.cases.bulkPut(t.cases as never);
      await db.events.bulkPut(t.events as never);
      await db.portals.bulkPut(t.portals as never);
      await db.snoozes.bulkPut(t.snoozes);
      await db.firedAlerts.bulkPut(t.firedAlerts as never);
      await db.settings.bulkPut(t.settings);
      return;
    }
    const stored = new Map((await db.cases.bulkGet(t.cases.map((c) => c.key))).filter(Boolean).map((c) => [c!.key, c!]));
    await db.cases.bulkPut(t.cases.filter((c) => !stored.has(c.key) || newerCase(c, stored.get(c.key)!)) as never);
    const existing = new Set((await db.events.toArray()).map((e) => `${e.caseKey}\u0000${e.dedupKey}`));
    // New ids in merge mode: the backup's ids may already belong to other events here.
    const events = t.events.filter((e) => !existing.has(`${e.caseKey}\u0000${e.dedupKey}`)).map(({ id: _id, ...e }) => e);
    await db.events.bulkAdd(events as never);
    const addMissing = async <R,>(name: 'portals' | 'snoozes' | 'firedAlerts' | 'settings', rows: R[], keyOf: (r: R) => string) => {
      const have = new Set((await db.table(name).toCollection().primaryKeys()).map(String));
      await db.table(name).bulkAdd(rows.filter((r) => !have.has(keyOf(r))));
    };
    await addMissing('portals', t.portals, (r) => r.key);
    await addMissing('snoozes', t.snoozes, (r) => r.caseKey);
    await addMissing('firedAlerts', t.firedAlerts, (r) => r.id);
    await addMissing('settings', t.settings, (r) => r.key);
  });
}
