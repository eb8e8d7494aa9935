/**
 * The local store (IndexedDB through Dexie). Every schema change is a new version with its upgrade.
 * Nothing here leaves the machine.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { CaseEvent, ProviderId, StoredCase } from './model';
import type { AlertKind } from './policy';
import type { ParseFailure } from './providers/types';

/** What we last knew about reading one portal (provider + origin). */
export interface PortalHealth {
  /** `${provider}|${origin}` */
  key: string;
  provider: ProviderId;
  origin: string;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastError: { failure: ParseFailure | 'rejected'; message: string; pageUrl: string } | null;
  /** Cases and unreadable rows in the last good read. */
  lastCaseCount: number;
  lastProblemCount: number;
}

/** A user's snooze of one case; it also ends early when the vendor acts. */
export interface Snooze {
  caseKey: string;
  /** Hidden until then (UTC ISO); null = until the vendor acts ("done"). */
  until: string | null;
  /** The vendor's last known action when snoozed; a later one ends the snooze. */
  vendorMarker: string;
  createdAt: string;
}

/** An alert already notified: the same alert id never fires twice. */
export interface FiredAlert {
  id: string;
  caseKey: string;
  kind: AlertKind;
  firedAt: string;
}

/** Small key/value rows (the alerting policy). */
export interface Setting {
  key: string;
  value: unknown;
}

export class CaseradarDB extends Dexie {
  cases!: EntityTable<StoredCase, 'key'>;
  events!: EntityTable<CaseEvent, 'id'>;
  portals!: EntityTable<PortalHealth, 'key'>;
  snoozes!: EntityTable<Snooze, 'caseKey'>;
  firedAlerts!: EntityTable<FiredAlert, 'id'>;
  settings!: EntityTable<Setting, 'key'>;

  constructor(name = 'caseradar') {
    super(name);
    this.version(1).stores({
      // Only indexes something queries: each index costs every write (shared/TOOLCHAIN.md).
      cases: '&key, provider, [provider+vendorRef]',
      // The compound unique index makes re-ingesting the same event a no-op.
      events: '++id, caseKey, &[caseKey+dedupKey]',
      portals: '&key, provider',
      snoozes: '&caseKey',
      firedAlerts: '&id, caseKey',
      settings: '&key',
    });
  }
}

let instance: CaseradarDB | undefined;

/** The shared store of this extension context. */
export function getDb(): CaseradarDB {
  instance ??= new CaseradarDB();
  return instance;
}

export function portalKey(provider: ProviderId, origin: string): string {
  return `${provider}|${origin}`;
}
