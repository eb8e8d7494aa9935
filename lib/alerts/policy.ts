/**
 * The user's alerting policy and the vendor facts the rules rely on. Every vendor clock and response
 * target lives here, in one place, so that a vendor change is a one-line edit.
 */
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

export const VENDOR_CLOCKS: VendorClock[] = [
  {
    provider: 'aws',
    state: 'waiting-on-customer',
    afterDays: 5,
    warnDaysBefore: 1,
    says: 'AWS auto-resolves a case a few days after asking you; reply to keep it open',
  },
  {
    provider: 'aws',
    state: 'resolved',
    afterDays: 14,
    warnDaysBefore: 2,
    says: 'AWS cannot reopen a resolved case after 14 days',
  },
  {
    provider: 'zendesk',
    state: 'resolved',
    afterDays: 4,
    warnDaysBefore: 1,
    says: 'Zendesk closes a solved request 4 days after it was solved; a closed request cannot be reopened',
  },
  {
    provider: 'servicenow',
    state: 'resolved',
    afterDays: 10,
    warnDaysBefore: 2,
    says: 'ServiceNow CSM closes a resolved case 10 days after resolution',
  },
];

/**
 * First-response targets in wall-clock hours by our severity, where the vendor publishes them
 * (Azure and AWS support plans; the fastest published tier is not assumed).
 */
export const FIRST_RESPONSE_HOURS: Partial<Record<ProviderId, Partial<Record<Severity, number>>>> = {
  azure: { critical: 1, high: 1, normal: 4, low: 8 },
  aws: { critical: 1, high: 4, normal: 12, low: 24 },
  gcp: { critical: 1, high: 4, normal: 8, low: 24 },
};
