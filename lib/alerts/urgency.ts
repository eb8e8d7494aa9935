/**
 * Whose move it is and how long the vendor has been quiet. Pure: `now` and the user's calendar are
 * always parameters.
 */
import { businessDaysBetween, type Calendar } from './business-time';
import type { CaseState, Severity, StoredCase } from '../core/model';

/** Who must act next. */
export type BallInCourt = 'you' | 'vendor' | 'closing' | 'closed' | 'unknown';

const BY_STATE: Record<CaseState, BallInCourt> = {
  'waiting-on-customer': 'you',
  new: 'vendor',
  open: 'vendor',
  'on-hold': 'vendor',
  resolved: 'closing',
  closed: 'closed',
};

type UrgencyFields = Pick<
  StoredCase,
  'state' | 'severity' | 'updatedAt' | 'createdAt' | 'firstSeenAt' | 'lastVendorMessageAt' | 'lastCustomerMessageAt'
>;

export function ballInCourt(c: UrgencyFields): BallInCourt {
  if (c.state) return BY_STATE[c.state];
  // Unknown vendor label: whoever wrote last has handed the ball to the other side.
  const vendor = c.lastVendorMessageAt ? Date.parse(c.lastVendorMessageAt) : null;
  const customer = c.lastCustomerMessageAt ? Date.parse(c.lastCustomerMessageAt) : null;
  if (vendor === null && customer === null) return 'unknown';
  return (vendor ?? -Infinity) > (customer ?? -Infinity) ? 'you' : 'vendor';
}

export function isOpen(c: Pick<StoredCase, 'state'>): boolean {
  return c.state !== 'closed';
}

/** Where the vendor's last action is read from, first that is known: its last message, else the portal's last update. */
export const VENDOR_QUIET_SOURCES = ['lastVendorMessageAt', 'updatedAt', 'createdAt', 'firstSeenAt'] as const;

/** Last time the vendor is known to have acted (VENDOR_QUIET_SOURCES). */
export function vendorQuietSince(c: UrgencyFields): string {
  return c.lastVendorMessageAt ?? c.updatedAt ?? c.createdAt ?? c.firstSeenAt;
}

export interface QuietTime {
  businessDays: number;
  hours: number;
}

/**
 * How long the vendor has been quiet, in the user's business days (their zone, working days and
 * holidays: the same count the alert rules use, so a row never contradicts its alert) and in hours.
 */
export function vendorQuietTime(c: UrgencyFields, now: Date, calendar: Calendar): QuietTime {
  const since = vendorQuietSince(c);
  return {
    businessDays: businessDaysBetween(since, now.toISOString(), calendar),
    hours: Math.max(0, Math.floor((now.getTime() - Date.parse(since)) / 3_600_000)),
  };
}

const BALL_ORDER: Record<BallInCourt, number> = { you: 0, vendor: 1, unknown: 2, closing: 3, closed: 4 };
const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, high: 1, normal: 2, low: 3 };

/** Most urgent first: waiting on you, then longest vendor silence, then severity. */
export function compareUrgency(a: UrgencyFields, b: UrgencyFields): number {
  const ball = BALL_ORDER[ballInCourt(a)] - BALL_ORDER[ballInCourt(b)];
  if (ball) return ball;
  const quiet = Date.parse(vendorQuietSince(a)) - Date.parse(vendorQuietSince(b));
  if (quiet) return quiet; // Earlier "since" = quiet for longer = first.
  return (a.severity ? SEVERITY_ORDER[a.severity] : 4) - (b.severity ? SEVERITY_ORDER[b.severity] : 4);
}

export function countWaitingOnUser(cases: UrgencyFields[]): number {
  return cases.filter((c) => ballInCourt(c) === 'you').length;
}
