/**
 * The local store (IndexedDB through Dexie). Every schema change is a new version with its upgrade.
 * Nothing here leaves the machine.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { CaseEvent, ProviderId, StoredCase } from './model';
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

export class CaseradarDB extends Dexie {
  cases!: EntityTable<StoredCase, 'key'>;
  events!: EntityTable<CaseEvent, 'id'>;
  portals!: EntityTable<PortalHealth, 'key'>;

  constructor(name = 'caseradar') {
    super(name);
    this.version(1).stores({
      cases: '&key, provider, state, updatedAt, lastObservedAt, [provider+vendorRef]',
      // The compound unique index makes re-ingesting the same event a no-op.
      events: '++id, caseKey, &[caseKey+dedupKey], at',
      portals: '&key, provider',
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
