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

/**
 * A vendor's status code as words: "pending-customer-action" → "Pending customer action",
 * "IN_PROGRESS_GOOGLE_SUPPORT" → "In progress google support", "WaitingForCustomerInput" → "Waiting for
 * customer input". A label already written for people ("Awaiting your reply") is left as it is.
 */
export function humanLabel(label: string): string {
  const isCode =
    /^[A-Za-z0-9]+(?:[_-][A-Za-z0-9]+)+$/.test(label) || /^[A-Z]?[a-z0-9]+(?:[A-Z][a-z0-9]+)+$/.test(label);
  if (!isCode && !/^[A-Z0-9]{4,}$/.test(label)) return label;
  const words = label
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The text with its first letter capital: "urgent" → "Urgent". */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A vendor's label as a person writes it: words, first letter capital ("pending-customer-action" → "Pending customer action"). */
export function asWords(label: string): string {
  return capitalised(humanLabel(label));
}

/**
 * The portal's own label in words, to show beside ours ("Open · Updating"), or null when it says the same
 * thing (in any case) or nothing.
 */
export function portalWordBeside(ours: string, portal: string | null | undefined): string | null {
  const theirs = portal ? humanLabel(portal) : null;
  return theirs && theirs.toLowerCase() !== ours.toLowerCase() ? theirs : null;
}

/**
 * One way to write an instant everywhere we show one: "1 Oct 2026, 09:15 CEST", in the given zone (the
 * browser's by default), with the zone said, so that a time read out on a call is not misread.
 */
export function formatWhen(iso: string, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).formatToParts(new Date(iso));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')} ${get('month')} ${get('year')}, ${get('hour')}:${get('minute')} ${get('timeZoneName')}`;
}
