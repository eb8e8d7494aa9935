/**
 * The user's alerting policy and the vendor facts the rules rely on. Every vendor clock and response
 * target lives here, in one place, so that a vendor change is a one-line edit.
 */
import { FAMILIES } from '../capture/families';
import type { ProviderId, Severity } from '../core/model';

/** A threshold: business days, or business hours where days are too coarse (critical cases). */
export type Threshold = { businessDays: number } | { businessHours: number };

export interface Policy {
  /** 0 = Sunday … 6 = Saturday. */
  workingDays: number[];
  /** Local "HH:MM" in the user's time zone. */
  workingHours: { start: string; end: string };
  /** IANA zone, e.g. "Europe/Berlin". */
  timeZone: string;
  /** Local dates "YYYY-MM-DD" that are not working days. */
  holidays: string[];
  /** byPortal: per vendor portal (lib/core/portals.ts id), overriding the severity's threshold. */
  vendorQuiet: { bySeverity: Record<Severity | 'unknown', Threshold>; byPortal: Record<string, Threshold> };
  waitingOnYou: Threshold;
  /** Calendar days without an observation before we say our data is old. */
  notObservedDays: number;
  /** No notifications inside this local window (wraps midnight); null = none. */
  quietHours: { start: string; end: string } | null;
  /** Notification on/off per rule. */
  notify: Record<AlertKind, boolean>;
  /** More alerts than this in one sweep become one digest notification. */
  digestAbove: number;
}

export type AlertKind = 'vendor-quiet' | 'waiting-on-you' | 'not-observed' | 'first-response-late' | 'vendor-clock';

export const ALERT_KINDS: AlertKind[] = [
  'vendor-quiet',
  'waiting-on-you',
  'not-observed',
  'first-response-late',
  'vendor-clock',
];

function systemTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function defaultPolicy(timeZone = systemTimeZone()): Policy {
  return {
    workingDays: [1, 2, 3, 4, 5],
    workingHours: { start: '09:00', end: '17:00' },
    timeZone,
    holidays: [],
    vendorQuiet: {
      bySeverity: {
        critical: { businessHours: 4 },
        high: { businessDays: 2 },
        normal: { businessDays: 3 },
        low: { businessDays: 5 },
        unknown: { businessDays: 3 },
      },
      byPortal: {},
    },
    waitingOnYou: { businessDays: 1 },
    notObservedDays: 2,
    quietHours: null,
    notify: {
      'vendor-quiet': true,
      'waiting-on-you': true,
      'not-observed': true,
      'first-response-late': true,
      'vendor-clock': true,
    },
    digestAbove: 3,
  };
}

/**
 * Vendor clocks that act on a case by themselves. `afterDays` counts calendar days from when the case
 * entered `state`; we warn `warnDaysBefore` days earlier. Sources: the vendors' public help pages.
 */
export interface VendorClock {
  provider: ProviderId;
  state: 'waiting-on-customer' | 'resolved';
  afterDays: number;
  warnDaysBefore: number;
  /** Plain-text sentence for the notification. */
  says: string;
}

export const VENDOR_CLOCKS: VendorClock[] = FAMILIES.flatMap((f) =>
  (f.vendorClocks ?? []).map((clock) => ({ provider: f.id, ...clock })),
);

/**
 * First-response targets in wall-clock hours by our severity, where the vendor publishes them
 * (Azure and AWS support plans; the fastest published tier is not assumed).
 */
export const FIRST_RESPONSE_HOURS: Partial<Record<ProviderId, Partial<Record<Severity, number>>>> = Object.fromEntries(
  FAMILIES.filter((f) => f.firstResponseHours).map((f) => [f.id, f.firstResponseHours]),
);
