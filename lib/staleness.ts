/**
 * The alert rules: pure functions of cases, policy and `now`. Each alert carries an id made of the case,
 * the rule and the moment its condition started, so a sweep never fires the same alert twice for the
 * same state, and a new vendor action (a new starting moment) can raise it again.
 */
import { businessDaysBetween, businessHoursBetween } from './business-time';
import type { StoredCase } from './model';
import { FIRST_RESPONSE_HOURS, VENDOR_CLOCKS, type AlertKind, type Policy, type Threshold } from './policy';
import { ballInCourt, isOpen, vendorQuietSince } from './urgency';

export interface Alert {
  /** `${caseKey}|${kind}|${detail}|${since}`: stable for one state of one case. */
  id: string;
  caseKey: string;
  kind: AlertKind;
  /** overdue: act now; warning: act soon; stale: our own data is old. */
  level: 'overdue' | 'warning' | 'stale';
  /** When the condition started (UTC ISO). */
  since: string;
  /** Plain text, e.g. "vendor quiet for 4 business days (limit 3)". */
  reason: string;
}

const DAY_MS = 86_400_000;

function elapsed(threshold: Threshold, since: string, now: string, policy: Policy): { over: boolean; text: string } {
  if ('businessHours' in threshold) {
    const hours = businessHoursBetween(since, now, policy);
    return { over: hours >= threshold.businessHours, text: `${Math.floor(hours)} business hours (limit ${threshold.businessHours})` };
  }
  const days = businessDaysBetween(since, now, policy);
  return {
    over: days >= threshold.businessDays,
    text: `${days} business day${days === 1 ? '' : 's'} (limit ${threshold.businessDays})`,
  };
}

/** When the ball came to the user: the vendor's last message, else the portal's last update. */
function waitingSince(c: StoredCase): string {
  return c.lastVendorMessageAt ?? c.updatedAt ?? c.firstSeenAt;
}

/** Alerts for one case at `now`. */
export function alertsForCase(c: StoredCase, policy: Policy, nowIso: string): Alert[] {
  if (!isOpen(c)) return [];
  const alerts: Alert[] = [];
  const push = (kind: AlertKind, level: Alert['level'], since: string, reason: string, detail = '') =>
    alerts.push({ id: `${c.key}|${kind}|${detail}|${since}`, caseKey: c.key, kind, level, since, reason });
  const now = Date.parse(nowIso);

  // Old data first: never judge silence from a view we have not refreshed.
  const unobservedDays = Math.floor((now - Date.parse(c.lastObservedAt)) / DAY_MS);
  if (unobservedDays >= policy.notObservedDays) {
    push('not-observed', 'stale', c.lastObservedAt,
      `not observed for ${unobservedDays} days; open the portal to refresh before trusting its state`);
    return alerts;
  }

  const ball = ballInCourt(c);
  if (ball === 'vendor') {
    const since = vendorQuietSince(c);
    const threshold = policy.vendorQuiet.byProvider[c.provider] ?? policy.vendorQuiet.bySeverity[c.severity ?? 'unknown'];
    const quiet = elapsed(threshold, since, nowIso, policy);
    if (quiet.over) push('vendor-quiet', 'overdue', since, `vendor quiet for ${quiet.text}`);
  }
  if (ball === 'you') {
    const since = waitingSince(c);
    const waiting = elapsed(policy.waitingOnYou, since, nowIso, policy);
    if (waiting.over) push('waiting-on-you', 'overdue', since, `waiting on you for ${waiting.text}`);
  }

  // First response: only judged when we have seen the conversation (messages observed).
  const targetHours = c.severity ? FIRST_RESPONSE_HOURS[c.provider]?.[c.severity] : undefined;
  const created = c.createdAt ?? c.firstSeenAt;
  if (targetHours && c.messageCount > 0 && !c.lastVendorMessageAt && now - Date.parse(created) > targetHours * 3_600_000) {
    push('first-response-late', 'overdue', created, `no first response from the vendor within its ${targetHours} h target`);
  }

  for (const clock of VENDOR_CLOCKS) {
    if (clock.provider !== c.provider || clock.state !== c.state) continue;
    // The portal's last update is when the case entered this state, as far as we can tell.
    const entered = c.updatedAt ?? c.lastObservedAt;
    const firesAt = Date.parse(entered) + clock.afterDays * DAY_MS;
    if (now >= firesAt - clock.warnDaysBefore * DAY_MS) {
      const left = Math.max(0, Math.ceil((firesAt - now) / DAY_MS));
      push('vendor-clock', 'warning', entered, `${clock.says} (${left === 0 ? 'due now' : `about ${left} day${left === 1 ? '' : 's'} left`})`, clock.state);
    }
  }
  return alerts;
}

/** Alerts for every case, most serious first. */
export function findAlerts(cases: StoredCase[], policy: Policy, nowIso: string): Alert[] {
  const order = { overdue: 0, warning: 1, stale: 2 } as const;
  return cases.flatMap((c) => alertsForCase(c, policy, nowIso)).sort((a, b) => order[a.level] - order[b.level]);
}
