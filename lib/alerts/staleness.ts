/**
 * The alert rules: pure functions of cases, policy and `now`. Each alert carries an id made of the case,
 * the rule and the moment its condition started, so a sweep never fires the same alert twice for the
 * same state, and a new vendor action (a new starting moment) can raise it again.
 */
import { businessDaysBetween, businessHoursBetween } from './business-time';
import type { StoredCase } from '../core/model';
import { FIRST_RESPONSE_HOURS, VENDOR_CLOCKS, type AlertKind, type Policy, type Threshold } from './policy';
import { ballInCourt, isOpen, VENDOR_QUIET_SOURCES } from './urgency';

export interface Alert {
  /** `${caseKey}|${kind}|${detail}|${since}`: stable for one state of one case (caseKeyOfAlert reads it back). */
  id: string;
  caseKey: string;
  kind: AlertKind;
  /** overdue: act now; warning: act soon; stale: our own data is old. */
  level: 'overdue' | 'warning' | 'stale';
  /** When the condition started (UTC ISO). */
  since: string;
  /** Plain text, e.g. "vendor quiet for 4 business days (limit 3 business days)". */
  reason: string;
}

const DAY_MS = 86_400_000;

/**
 * Times after `now`: a content script's clock may run a little ahead of the worker's, and a backup may
 * come from a machine whose clock ran fast. The rule:
 * - up to CLOCK_SKEW_MS ahead, a time counts as `now` (quiet time starts counting from here);
 * - further ahead it is not trusted: each rule measures from the case's next earlier time instead
 *   (vendor quiet from the portal's update, else the creation, else when we first saw it), and the case
 *   gets a 'not-observed' alert saying its dates are ahead of this computer's clock.
 * So a future date never silences a case's alerts: they fire from the times we can trust, and the user
 * is told why the case's dates look wrong.
 */
export const CLOCK_SKEW_MS = 5 * 60_000;

type CaseTime =
  'lastVendorMessageAt' | 'lastCustomerMessageAt' | 'updatedAt' | 'createdAt' | 'firstSeenAt' | 'lastObservedAt';
const CASE_TIMES: CaseTime[] = [
  'lastVendorMessageAt',
  'lastCustomerMessageAt',
  'updatedAt',
  'createdAt',
  'firstSeenAt',
  'lastObservedAt',
];

/** A case's times, each parsed once per sweep of that case (the sweep runs over every open case). */
type ParsedTimes = Partial<Record<CaseTime, number>>;
function parseTimes(c: StoredCase): ParsedTimes {
  const parsed: ParsedTimes = {};
  for (const field of CASE_TIMES) {
    const value = c[field];
    if (value) parsed[field] = Date.parse(value);
  }
  return parsed;
}

/** The first of `fields` the case has at a trusted time (clamped to `now`), or null when none. */
function firstTrusted(c: StoredCase, times: ParsedTimes, fields: readonly CaseTime[], now: number): string | null {
  for (const field of fields) {
    const at = times[field];
    if (at === undefined) continue;
    if (at <= now) return c[field];
    if (at <= now + CLOCK_SKEW_MS) return new Date(now).toISOString();
  }
  return null;
}

/** The latest of the case's times that lies beyond the skew ahead of `now`, or null. */
function latestAhead(c: StoredCase, times: ParsedTimes, now: number): string | null {
  let latest: CaseTime | null = null;
  for (const field of CASE_TIMES) {
    const at = times[field];
    if (at !== undefined && at > now + CLOCK_SKEW_MS && (latest === null || at > times[latest]!)) latest = field;
  }
  return latest && c[latest];
}

function elapsed(threshold: Threshold, since: string, now: string, policy: Policy): { over: boolean; text: string } {
  if ('businessHours' in threshold) {
    const hours = businessHoursBetween(since, now, policy);
    return {
      over: hours >= threshold.businessHours,
      text: `${Math.floor(hours)} business hours (limit ${threshold.businessHours} business hour${threshold.businessHours === 1 ? '' : 's'})`,
    };
  }
  const days = businessDaysBetween(since, now, policy);
  return {
    over: days >= threshold.businessDays,
    text: `${days} business day${days === 1 ? '' : 's'} (limit ${threshold.businessDays} business day${threshold.businessDays === 1 ? '' : 's'})`,
  };
}

/** The vendor-quiet limit of a case: its vendor portal's own, else its severity's. */
export function vendorQuietLimit(c: Pick<StoredCase, 'portal' | 'severity'>, policy: Policy): Threshold {
  return policy.vendorQuiet.byPortal[c.portal] ?? policy.vendorQuiet.bySeverity[c.severity ?? 'unknown'];
}

/** Alerts for one case at `now`. */
export function alertsForCase(c: StoredCase, policy: Policy, nowIso: string): Alert[] {
  if (!isOpen(c)) return [];
  const alerts: Alert[] = [];
  const push = (kind: AlertKind, level: Alert['level'], since: string, reason: string, detail = '') =>
    alerts.push({ id: `${c.key}|${kind}|${detail}|${since}`, caseKey: c.key, kind, level, since, reason });
  const now = Date.parse(nowIso);

  // Dates ahead of this clock (see CLOCK_SKEW_MS): said, and the rules below measure from trusted times.
  const times = parseTimes(c);
  const ahead = latestAhead(c, times, now);
  if (ahead) {
    push(
      'not-observed',
      'stale',
      ahead,
      `dates up to ${ahead.slice(0, 16).replace('T', ' ')} UTC are ahead of this computer's clock; open the portal to re-read the case`,
      'clock-ahead',
    );
  }
  // Old data first: never judge silence from a view we have not refreshed.
  const observed = firstTrusted(c, times, ['lastObservedAt'], now);
  const unobservedDays = observed ? Math.floor((now - Date.parse(observed)) / DAY_MS) : 0;
  if (unobservedDays >= policy.notObservedDays) {
    push(
      'not-observed',
      'stale',
      c.lastObservedAt,
      `not observed for ${unobservedDays} days; open the portal to refresh before trusting its state`,
    );
    return alerts;
  }

  const ball = ballInCourt(c);
  if (ball === 'vendor') {
    const since = firstTrusted(c, times, VENDOR_QUIET_SOURCES, now);
    const quiet = since ? elapsed(vendorQuietLimit(c, policy), since, nowIso, policy) : null;
    if (since && quiet?.over) push('vendor-quiet', 'overdue', since, `vendor quiet for ${quiet.text}`);
  }
  if (ball === 'you') {
    // When the ball came to the user: the vendor's last message, else the portal's last update.
    const since = firstTrusted(c, times, ['lastVendorMessageAt', 'updatedAt', 'firstSeenAt'], now);
    const waiting = since ? elapsed(policy.waitingOnYou, since, nowIso, policy) : null;
    if (since && waiting?.over) push('waiting-on-you', 'overdue', since, `waiting on you for ${waiting.text}`);
  }

  // First response: only judged when we have seen the conversation (messages observed).
  const targetHours = c.severity ? FIRST_RESPONSE_HOURS[c.provider]?.[c.severity] : undefined;
  const created = firstTrusted(c, times, ['createdAt', 'firstSeenAt'], now);
  if (
    targetHours &&
    created &&
    c.messageCount > 0 &&
    !c.lastVendorMessageAt &&
    now - Date.parse(created) > targetHours * 3_600_000
  ) {
    push(
      'first-response-late',
      'overdue',
      created,
      `no first response from the vendor within its ${targetHours} h target`,
    );
  }

  for (const clock of VENDOR_CLOCKS) {
    if (clock.provider !== c.provider || clock.state !== c.state) continue;
    // The portal's last update is when the case entered this state, as far as we can tell.
    const entered = firstTrusted(c, times, ['updatedAt', 'lastObservedAt'], now);
    if (!entered) continue;
    const firesAt = Date.parse(entered) + clock.afterDays * DAY_MS;
    if (now >= firesAt - clock.warnDaysBefore * DAY_MS) {
      const left = Math.max(0, Math.ceil((firesAt - now) / DAY_MS));
      push(
        'vendor-clock',
        'warning',
        entered,
        `${clock.says} (${left === 0 ? 'due now' : `about ${left} day${left === 1 ? '' : 's'} left`})`,
        clock.state,
      );
    }
  }
  return alerts;
}

/** The case an alert id is about. Read from the right: a case key may itself hold '|'; the rest never does. */
export function caseKeyOfAlert(id: string): string {
  return id.split('|').slice(0, -3).join('|');
}

/** Alerts for every case, most serious first. */
export function findAlerts(cases: StoredCase[], policy: Policy, nowIso: string): Alert[] {
  const order = { overdue: 0, warning: 1, stale: 2 } as const;
  return cases.flatMap((c) => alertsForCase(c, policy, nowIso)).sort((a, b) => order[a.level] - order[b.level]);
}
