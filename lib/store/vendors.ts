/**
 * Vendor portals as the user knows them: one name per portal (the user's, else the portal's own, else
 * a default), shown on every case of it; renaming shows everywhere at once because every case row of
 * the portal is rewritten in the same transaction.
 */
import type { CaseradarDB, VendorPortal } from './db';
import { PROVIDER_NAMES, type CaseState, type ProviderId, type StoredCase } from '../core/model';
import { foldStatus } from '../capture/status-vocabulary';
import { cleanVendorName, defaultVendorName, plainName, portalOrigin } from '../core/portals';

/** The name shown for a vendor portal everywhere. */
export function vendorDisplayName(v: Pick<VendorPortal, 'provider' | 'portal' | 'readName' | 'userName'>): string {
  return v.userName?.trim() || v.readName?.trim() || defaultVendorName(v.provider, v.portal);
}

/** The platform behind a vendor, as the small secondary mark says it; null when the vendor is the platform. */
export function platformName(provider: ProviderId): string | null {
  return provider === 'manual' || provider === 'custom' ? null : PROVIDER_NAMES[provider];
}

/**
 * The vendor row of `portal` after a read that named it `readName` (or said nothing: null). Returns the
 * row to write, or undefined when the stored one stands. Call inside a transaction over vendors.
 */
export function nextVendorRow(
  stored: VendorPortal | undefined,
  fresh: Omit<VendorPortal, 'userName' | 'updatedAt'>,
  nowIso: string,
): VendorPortal | undefined {
  // A manual vendor keeps the name first typed ("Contoso Telecom" over a later "contoso  telecom");
  // a recipe's or page's latest name wins (the user renamed the recipe, the vendor rebranded).
  const readName =
    (fresh.provider === 'manual' ? stored?.readName : null) ??
    readNameOf(fresh.provider, fresh.readName) ??
    stored?.readName ??
    null;
  if (stored && stored.readName === readName) return undefined;
  return {
    ...fresh,
    origin: stored?.origin ?? fresh.origin,
    readName,
    userName: stored?.userName ?? null,
    updatedAt: nowIso,
  };
}

export class VendorError extends Error {
  override readonly name = 'VendorError';
}

const MAX_NAME = 80;

/**
 * Renames a vendor (an empty name goes back to what the portal calls itself). Every case of the portal
 * shows the new name from the same commit on: popup, dashboard, exports, notifications, status updates.
 */
export async function renameVendor(db: CaseradarDB, portal: string, name: string, nowIso: string): Promise<string> {
  const trimmed = name.replace(/\s+/g, ' ').trim();
  if (trimmed.length > MAX_NAME) throw new VendorError(`A vendor name has at most ${MAX_NAME} characters`);
  if (trimmed && plainName(trimmed) !== trimmed) throw new VendorError('A vendor name is one line of plain text');
  return db.transaction('rw', db.vendors, db.cases, async () => {
    const stored = await db.vendors.get(portal);
    if (!stored) throw new VendorError(`No vendor portal ${portal} is on record`);
    const next = { ...stored, userName: trimmed || null, updatedAt: nowIso };
    await db.vendors.put(next);
    const shown = vendorDisplayName(next);
    await db.cases
      .where('portal')
      .equals(portal)
      .modify((c) => {
        c.vendorName = shown;
      });
    return shown;
  });
}

/**
 * A read name as kept: a recipe's or manual case's vendor is the user's own words (only made plain);
 * a page's self-description is cleaned of page words and platform names.
 */
export function readNameOf(provider: ProviderId, raw: string | null | undefined): string | null {
  return provider === 'manual' || provider === 'custom' ? plainName(raw) : cleanVendorName(raw);
}

/** A new vendor row for a portal first seen (store upgrade, a read, a restore). */
export function newVendorRow(
  provider: ProviderId,
  portal: string,
  readName: string | null,
  sampleUrl: string | undefined,
  nowIso: string,
): VendorPortal {
  return {
    portal,
    provider,
    origin: portalOrigin(provider, portal, sampleUrl),
    readName: readNameOf(provider, readName),
    userName: null,
    updatedAt: nowIso,
  };
}

/**
 * After rows arrive from outside the ingest (a restored backup): every portal of `cases` gets a vendor
 * row (named as its cases were shown, when none came along), and every case shows its vendor's name.
 * Call inside a transaction over vendors and cases.
 */
export async function settleVendors(db: CaseradarDB, cases: StoredCase[], nowIso: string): Promise<void> {
  const portals = [...new Set(cases.map((c) => c.portal))];
  const stored = await db.vendors.bulkGet(portals);
  const rows = new Map(portals.map((p, i) => [p, stored[i]]));
  for (const c of cases) {
    if (!rows.get(c.portal)) {
      const row = newVendorRow(c.provider, c.portal, c.vendorName ?? null, c.url, nowIso);
      rows.set(c.portal, row);
      await db.vendors.put(row);
    }
  }
  const fixes = cases.flatMap((c) => {
    const shown = vendorDisplayName(rows.get(c.portal)!);
    return c.vendorName === shown ? [] : [{ ...c, vendorName: shown }];
  });
  if (fixes.length) await db.cases.bulkPut(fixes);
}

/** The state the user gave a portal's status label, or null when they gave none. */
export function mappedState(
  vendor: Pick<VendorPortal, 'statusMap'> | undefined,
  label: string | null,
): CaseState | null {
  if (!label || !vendor?.statusMap) return null;
  return vendor.statusMap[foldStatus(label)]?.state ?? null;
}

/**
 * Says once what a status label Caseradar cannot map means at this portal ("Waiting for customer
 * input" is waiting on you), or forgets it (state null). Every case of the portal showing the label
 * takes the state in the same commit, and ingest gives it to every later read (applyStatusMap).
 * Only labels without a state of their own are mapped: the vocabulary's mapping is never overridden.
 * Returns how many cases changed.
 */
export async function mapVendorStatus(
  db: CaseradarDB,
  portal: string,
  label: string,
  state: CaseState | null,
  nowIso: string,
): Promise<number> {
  const folded = foldStatus(label);
  if (!folded) throw new VendorError('A status label is needed');
  if (label.length > 200) throw new VendorError('A status label has at most 200 characters');
  return db.transaction('rw', db.vendors, db.cases, async () => {
    const stored = await db.vendors.get(portal);
    if (!stored) throw new VendorError(`No vendor portal ${portal} is on record`);
    const before = stored.statusMap?.[folded]?.state ?? null;
    const statusMap = { ...stored.statusMap };
    if (state) statusMap[folded] = { label, state };
    else delete statusMap[folded];
    await db.vendors.put({ ...stored, statusMap, updatedAt: nowIso });
    // A case moves when it had no state, or the state this mapping gave it before.
    return db.cases
      .where('portal')
      .equals(portal)
      .and((c) => !!c.vendorStatus && foldStatus(c.vendorStatus) === folded && (c.state === null || c.state === before))
      .modify((c) => {
        c.state = state;
      });
  });
}

/** A case as the user's mapping reads it: unchanged unless its label had no state and the user gave one. */
export function applyStatusMap(c: StoredCase, vendor: Pick<VendorPortal, 'statusMap'> | undefined): StoredCase {
  if (c.state !== null) return c;
  const state = mappedState(vendor, c.vendorStatus);
  return state ? { ...c, state } : c;
}
