/**
 * Store version 3 (and backup version 3): cases are keyed by vendor portal, not by platform. One pure
 * function rewrites the rows of version 2 so that the store upgrade and the backup upgrader cannot
 * disagree. Every row is kept; only keys move, and every reference to a key moves with it.
 */
import type { VendorPortal } from './db';
import { messageDedupKey, type CaseEvent, type ProviderId, type StoredCase } from '../core/model';
import { caseKeyOf, isConsole, portalOf } from '../core/portals';
import { newVendorRow, vendorDisplayName } from './vendors';

type Row = Record<string, unknown>;
export interface V2Tables {
  cases: Row[];
  events: Row[];
  snoozes: Row[];
  firedAlerts: Row[];
  workspaces: Row[];
  incidents: Row[];
  contacts: Row[];
  settings: Row[];
}
export interface V3Tables extends V2Tables {
  vendors: VendorPortal[];
}

/** The vendor portal of a version-2 case row: from its link (tenants), or its typed vendor (manual). */
function portalOfV2(c: StoredCase): string {
  try {
    return portalOf(c.provider, c.url, c.vendorName);
  } catch {
    // A tenant case without an http(s) link cannot have been ingested; if one exists, its last
    // observation's address still names the portal.
    return portalOf(c.provider, c.observedVia, c.vendorName);
  }
}

/** Rewrites version-2 rows to version 3. `nowIso` dates the vendor rows it creates. */
export function toPortalIdentity(t: V2Tables, nowIso: string): V3Tables {
  const rekey = new Map<string, string>();
  const vendors = new Map<string, VendorPortal>();
  const portalsOfProvider = new Map<string, Set<string>>();
  const portalsOfName = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, k: string, v: string) => map.set(k, (map.get(k) ?? new Set()).add(v));

  const cases = (t.cases as unknown as StoredCase[]).map((c) => {
    const portal = portalOfV2(c);
    const key = caseKeyOf(c.provider, portal, c.caseId);
    rekey.set(c.key, key);
    add(portalsOfProvider, c.provider, portal);
    if (c.vendorName) add(portalsOfName, c.vendorName.trim(), portal);
    // Recipe and manual cases carried their vendor's name; tenants of a platform had none.
    const readName = c.provider === 'custom' || c.provider === 'manual' ? (c.vendorName ?? null) : null;
    if (!vendors.has(portal)) vendors.set(portal, newVendorRow(c.provider, portal, readName, c.url, nowIso));
    return { ...c, key, portal };
  });
  const named = cases.map((c) => ({ ...c, vendorName: vendorDisplayName(vendors.get(c.portal)!) }));
  const keyOf = (k: string) => rekey.get(k) ?? k;

  const events = (t.events as unknown as CaseEvent[]).map((e) => ({
    ...e,
    caseKey: keyOf(e.caseKey),
    // Messages are now told apart by their text too (two replies in the same minute by one author).
    dedupKey: e.type === 'message' && e.message ? messageDedupKey(e.message) : e.dedupKey,
  }));
  const snoozes = t.snoozes.map((s) => ({ ...s, caseKey: keyOf(String(s.caseKey)) }));
  const firedAlerts = t.firedAlerts.map((a) => {
    const from = String(a.caseKey);
    const id = String(a.id);
    return {
      ...a,
      caseKey: keyOf(from),
      id: id.startsWith(`${from}|`) ? `${keyOf(from)}${id.slice(from.length)}` : id,
    };
  });
  const workspaces = t.workspaces.map((w) => ({ ...w, caseKey: keyOf(String(w.caseKey)) }));
  const incidents = t.incidents.map((i) =>
    Array.isArray(i.caseKeys) ? { ...i, caseKeys: i.caseKeys.map((k) => keyOf(String(k))) } : i,
  );

  // Contacts were kept per provider id, or per vendor name for recipe and manual vendors: each now
  // belongs to the portals it described. One no portal matches stays as it was (nothing is lost).
  const contacts: Row[] = [];
  const taken = new Set<string>();
  for (const row of t.contacts) {
    const vendor = String(row.vendor);
    const portals = isConsole(vendor as ProviderId)
      ? new Set([vendor])
      : (portalsOfProvider.get(vendor) ?? portalsOfName.get(vendor.trim()));
    const targets = portals ? [...portals].filter((p) => !taken.has(p)) : [];
    if (!targets.length) {
      contacts.push(row);
      continue;
    }
    for (const p of targets) {
      taken.add(p);
      contacts.push({ ...row, vendor: p });
    }
  }

  const settings = t.settings.map((s) =>
    s.key === 'policy' ? { ...s, value: policyByPortal(s.value, portalsOfProvider) } : s,
  );
  return {
    cases: named,
    events,
    snoozes,
    firedAlerts,
    workspaces,
    incidents,
    contacts,
    settings,
    vendors: [...vendors.values()],
  };
}

/** vendorQuiet.byProvider (per platform) becomes byPortal: a platform's threshold goes to each of its portals. */
function policyByPortal(value: unknown, portalsOfProvider: Map<string, Set<string>>): unknown {
  const policy = value as {
    vendorQuiet?: { byProvider?: Record<string, unknown>; byPortal?: Record<string, unknown> };
  } | null;
  if (!policy?.vendorQuiet?.byProvider) return value;
  const { byProvider, ...quiet } = policy.vendorQuiet;
  const byPortal: Record<string, unknown> = { ...quiet.byPortal };
  for (const [provider, threshold] of Object.entries(byProvider)) {
    const portals = isConsole(provider as ProviderId) ? [provider] : [...(portalsOfProvider.get(provider) ?? [])];
    for (const p of portals) byPortal[p] ??= threshold;
  }
  return { ...policy, vendorQuiet: { ...quiet, byPortal } };
}
