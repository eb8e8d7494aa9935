/**
 * Blind spots: portals we cannot currently read, with what that costs ("signed out of the AWS
 * console — 3 cases unobserved for 26 h"). Pure; the popup and the options page show it.
 */
import { PORTAL_FAILURE_LABELS, type PortalHealth, type RefreshSchedule } from '../store/db';
import { needsAttention } from '../store/ingest';
import type { ProviderId, StoredCase } from '../core/model';
import { defaultVendorName, portalOf } from '../core/portals';
import { listPageUrl } from '../capture/families';
import { isOpen } from './urgency';

export interface BlindSpot {
  key: string;
  /** The vendor as the user calls it, and where: "Northwind Fiber (help.northwind.example)" */
  portal: string;
  /** "signed out", "layout changed", "cannot observe", or why refresh stopped. */
  reason: string;
  detail: string | null;
  /** Open cases of this portal, and how long the least recently seen of them has gone unobserved. */
  openCases: number;
  unobservedHours: number | null;
  /** Where the user goes to sign in again or look. */
  openUrl: string;
  refreshPaused: boolean;
  /** The portal's last successful read (null: never). */
  lastSuccessAt: string | null;
}

/** The cases a portal (provider + origin) is the source of: its vendor portal's cases. */
export function casesOfPortal(cases: StoredCase[], provider: ProviderId, origin: string): StoredCase[] {
  const portal = portalOf(provider, origin);
  return cases.filter((c) => c.provider === provider && c.portal === portal);
}

export function findBlindSpots(
  portals: PortalHealth[],
  schedules: RefreshSchedule[],
  cases: StoredCase[],
  now: Date,
): BlindSpot[] {
  const byKey = new Map(schedules.map((s) => [s.key, s]));
  const keys = new Set([
    ...portals.filter(needsAttention).map((p) => p.key),
    ...schedules.filter((s) => s.enabled && s.pausedReason).map((s) => s.key),
  ]);
  const health = new Map(portals.map((p) => [p.key, p]));
  return [...keys].sort().map((key) => {
    const p = health.get(key);
    const s = byKey.get(key);
    const provider = (p ?? s)!.provider;
    const origin = (p ?? s)!.origin;
    const ofPortal = casesOfPortal(cases, provider, origin);
    const open = ofPortal.filter(isOpen);
    const vendor = ofPortal[0]?.vendorName ?? defaultVendorName(provider, portalOf(provider, origin));
    const oldest = open.reduce<number | null>((min, c) => {
      const t = Date.parse(c.lastObservedAt);
      return min === null || t < min ? t : min;
    }, null);
    const failing = p && needsAttention(p) ? p.lastError : null;
    return {
      key,
      portal: `${vendor} (${new URL(origin).host})`,
      reason: failing ? PORTAL_FAILURE_LABELS[failing.failure] : (s?.pausedReason ?? 'needs attention'),
      detail: failing?.message ?? s?.lastOutcome ?? null,
      openCases: open.length,
      unobservedHours: oldest === null ? null : Math.max(0, Math.floor((now.getTime() - oldest) / 3_600_000)),
      openUrl: listPageUrl(provider, origin),
      refreshPaused: !!s?.pausedReason,
      lastSuccessAt: p?.lastSuccessAt ?? null,
    };
  });
}

/** "3 cases unobserved for 26 h" */
export function describeCost(spot: BlindSpot): string {
  if (spot.openCases === 0) return 'no open cases there yet';
  const cases = `${spot.openCases} open case${spot.openCases === 1 ? '' : 's'}`;
  return spot.unobservedHours === null ? `${cases} unobserved` : `${cases} unobserved for ${spot.unobservedHours} h`;
}
