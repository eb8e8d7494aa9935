/** Human wording for times and states shown in our pages. Pure; `now` is a parameter. */
import { formatDistanceStrict } from 'date-fns';
import type { CaseState, Severity } from '../core/model';
import type { QuietTime } from '../alerts/urgency';

export const STATE_LABELS: Record<CaseState, string> = {
  new: 'New',
  open: 'Open',
  'waiting-on-customer': 'Waiting on you',
  'on-hold': 'On hold',
  resolved: 'Resolved',
  closed: 'Closed',
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  normal: 'Normal',
  low: 'Low',
};

/** "3 business days" once a business day has passed, else hours ("5 h", "under 1 h"). */
export function formatQuiet(quiet: QuietTime): string {
  if (quiet.businessDays >= 1) return `${quiet.businessDays} business day${quiet.businessDays === 1 ? '' : 's'}`;
  if (quiet.hours >= 1) return `${quiet.hours} h`;
  return 'under 1 h';
}

/** "2 hours ago" style, from an ISO instant. */
export function formatAgo(iso: string, now: Date): string {
  return `${formatDistanceStrict(new Date(iso), now)} ago`;
}

/** Only http(s) links are ever rendered as links. */
export function safeHref(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? url : undefined;
}
