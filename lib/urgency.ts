/**
 * Whose move it is and how long the vendor has been quiet. Pure: `now` is always a parameter.
 * Business days here are Monday–Friday; user working days, hours and holidays come with the
 * staleness settings.
 */
import { differenceInBusinessDays, differenceInHours } from 'date-fns';
import type { CaseState, Severity, StoredCase } from './model';

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

/** Last time the vendor is known to have acted: its last message, else the portal's last update. */
export function vendorQuietSince(c: UrgencyFields): string {
  return c.lastVendorMessageAt ?? c.updatedAt ?? c.createdAt ?? c.firstSeenAt;
}

export interface QuietTime {
  businessDays: number;
  hours: number;
}

export function vendorQuietTime(c: UrgencyFields, now: Date): QuietTime {
  const since = new Date(vendorQuietSince(c));
  return {
    businessDays: Math.max(0, differenceInBusinessDays(now, since)),
    hours: Math.max(0, differenceInHours(now, since)),
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
