/**
 * The local store (IndexedDB through Dexie). Every schema change is a new version with its upgrade.
 * Nothing here leaves the machine.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { CaseEvent, CaseState, ProviderId, StoredCase } from '../core/model';
import { toPortalIdentity, type V2Tables } from './portal-identity-upgrade';
import type { AlertKind } from '../alerts/policy';
import { FAILURE_LABELS, type ParseFailure } from '../capture/types';

/** Why a portal could not be read: the page said so, we refused its data, or we could not reach it. */
export type PortalFailure = ParseFailure | 'rejected' | 'cannot-observe' | 'storage-full';

export const PORTAL_FAILURE_LABELS: Record<PortalFailure, string> = {
  ...FAILURE_LABELS,
  rejected: 'rejected data',
  'cannot-observe': 'cannot observe',
  'storage-full': 'storage full',
};

/** The browser refused to store more (disk full or quota reached). Dexie may wrap the DOMException. */
export function isQuotaError(error: unknown): boolean {
  const e = error as { name?: string; inner?: { name?: string } } | null;
  return e?.name === 'QuotaExceededError' || e?.inner?.name === 'QuotaExceededError';
}

export const STORAGE_FULL_MESSAGE =
  'The browser refused to store more data (disk full or storage quota reached). Nothing from this read was saved; free disk space, or export and delete old cases.';

/** What we last knew about reading one portal (provider + origin). */
export interface PortalHealth {
  /** `${provider}|${origin}` */
  key: string;
  provider: ProviderId;
  origin: string;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastError: { failure: PortalFailure; message: string; pageUrl: string } | null;
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

/** The user's own working notes on one case (issue 6's case workspace). */
export interface CaseWorkspace {
  caseKey: string;
  notes: string;
  /** Facts the vendor keeps asking for, copied in one click. */
  infoPack: { environment: string; repro: string; impact: string };
  escalation: {
    level: string;
    /** Escalation engineer, duty manager or advocate. */
    contact: string;
    escalatedAt: string | null;
  } | null;
  updatedAt: string;
}

/** Cases at several vendors that are one problem for the user. */
export interface Incident {
  id: string;
  title: string;
  caseKeys: string[];
  createdAt: string;
  updatedAt: string;
}

/** How to reach a vendor besides the portal (issue 6's "who to contact"). */
export interface VendorContact {
  /** The vendor portal's id (lib/core/portals.ts). */
  vendor: string;
  portalUrl: string;
  phone: string;
  statusPage: string;
  social: string;
  updatedAt: string;
}

/** An origin the user granted through "Track this portal"; its content scripts are registered at run time. */
export interface TrackedOrigin {
  origin: string;
  /** The family whose adapter reads it, or 'custom' for a recipe portal. */
  provider: ProviderId;
  grantedAt: string;
}

/** A user-made reading rule for a portal no adapter knows (picked on the page itself). */
export interface Recipe {
  id: string;
  origin: string;
  /** Applied on pages whose path starts with this. */
  pathPrefix: string;
  /** The portal's name as the user calls it ("Acme ISP"). */
  name: string;
  /** CSS selector of one case row (matches every row). */
  rowSelector: string;
  /** CSS selectors inside a row; '' = not picked. `id` and `title` are required. */
  fields: { id: string; title: string; status: string; updated: string; link: string };
  createdAt: string;
  updatedAt: string;
}

/** Background refresh schedule and health of one portal (issue 8). Keyed like PortalHealth. */
export interface RefreshSchedule {
  key: string;
  provider: ProviderId;
  origin: string;
  enabled: boolean;
  intervalMinutes: number;
  /** The page or JSON endpoint that is refreshed. */
  url: string;
  nextAt: string | null;
  consecutiveFailures: number;
  /** Set after repeated failures or a sign-out: no more attempts until the user acts. */
  pausedReason: string | null;
  lastAttemptAt: string | null;
  lastOutcome: string | null;
  /** A refresh in flight since then (one per portal at a time; stale after a worker death). */
  inFlightSince: string | null;
  /** The background tab of a page refresh in flight. */
  tabId?: number | null;
}

/** A vendor portal: what identity, names, contacts and policies hang off (lib/core/portals.ts, lib/store/vendors.ts). */
export interface VendorPortal {
  /** A tenant's host, a console's provider id, `manual:<name>`. */
  portal: string;
  /** The platform it runs on: the adapter that reads it, shown as a small mark. */
  provider: ProviderId;
  /** Where the portal is reached (tenants and recipe portals); null for consoles and manual vendors. */
  origin: string | null;
  /** The name the portal gives itself, the recipe's name, or the name typed with a manual case. */
  readName: string | null;
  /** The user's own name for the vendor; wins over everything. */
  userName: string | null;
  /**
   * What the user said a status label of this portal means, when Caseradar could not map it: keyed by
   * the folded label (foldStatus), with the label as the portal spelt it. Absent until the first one.
   */
  statusMap?: Record<string, { label: string; state: CaseState }>;
  updatedAt: string;
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
  workspaces!: EntityTable<CaseWorkspace, 'caseKey'>;
  incidents!: EntityTable<Incident, 'id'>;
  contacts!: EntityTable<VendorContact, 'vendor'>;
  trackedOrigins!: EntityTable<TrackedOrigin, 'origin'>;
  recipes!: EntityTable<Recipe, 'id'>;
  refresh!: EntityTable<RefreshSchedule, 'key'>;
  vendors!: EntityTable<VendorPortal, 'portal'>;

  constructor(name = 'caseradar') {
    super(name);
    this.version(1).stores({
      // Only indexes something queries: each index costs every write.
      cases: '&key, provider, [provider+vendorRef]',
      // The compound unique index makes re-ingesting the same event a no-op.
      events: '++id, caseKey, &[caseKey+dedupKey]',
      portals: '&key, provider',
      snoozes: '&caseKey',
      firedAlerts: '&id, caseKey',
      settings: '&key',
    });
    // v2: the case workspace, incidents, contacts, tracked custom origins, recipes, refresh schedules.
    // New tables only; v1 rows are kept as they are (tests/unit/store/db-upgrade.test.ts).
    this.version(2).stores({
      workspaces: '&caseKey',
      incidents: '&id, *caseKeys',
      contacts: '&vendor',
      trackedOrigins: '&origin',
      recipes: '&id, origin',
      refresh: '&key',
    });
    // v3: a case belongs to a vendor portal (tenant), not to a platform; keys move from provider:caseId
    // to portal:caseId, with every reference to them, and each portal gets a vendor row.
    this.version(3)
      .stores({
        cases: '&key, provider, portal, [portal+vendorRef]',
        vendors: '&portal, provider',
      })
      .upgrade(async (tx) => {
        const names = [
          'cases',
          'events',
          'snoozes',
          'firedAlerts',
          'workspaces',
          'incidents',
          'contacts',
          'settings',
        ] as const;
        const before = Object.fromEntries(
          await Promise.all(names.map(async (n) => [n, await tx.table(n).toArray()])),
        ) as V2Tables;
        const after = toPortalIdentity(before, new Date().toISOString());
        for (const n of names) {
          await tx.table(n).clear();
          await tx.table(n).bulkAdd(after[n]);
        }
        await tx.table('vendors').bulkAdd(after.vendors);
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
