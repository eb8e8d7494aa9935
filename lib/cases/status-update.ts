/**
 * A plain-language status update for the user's own end users, written from a case's timeline.
 * Pure: `now` and the time zone are parameters. Vendor message text and the user's private notes are
 * never quoted: they may hold internal details; only dates, states and the impact the user wrote are.
 */
import { businessDaysBetween } from '../alerts/business-time';
import type { CaseWorkspace } from '../store/db';
import { asWords, formatWhen, SEVERITY_LABELS } from './format';
import { isLearned, vendorLabel, type CaseEvent, type StoredCase } from '../core/model';
import type { Policy } from '../alerts/policy';
import { ballInCourt, vendorQuietSince } from '../alerts/urgency';

export interface StatusUpdateInput {
  case: StoredCase;
  /** The case's events, any order. */
  events: CaseEvent[];
  workspace?: Pick<CaseWorkspace, 'infoPack' | 'escalation'>;
  nowIso: string;
  /** Working days, hours, holidays and the time zone dates are written in. */
  policy: Policy;
  /** When the user promises the next update (UTC ISO); none: "as soon as anything changes". */
  nextUpdateAt?: string | null;
}

/** How many past steps the update lists (the most recent ones). */
const MAX_STEPS = 6;

function formatDay(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric' }).format(
    new Date(iso),
  );
}

function stepOf(e: CaseEvent): string | null {
  // A value we only learned (the field was unknown before) is no step the vendor took.
  if (isLearned(e)) return null;
  switch (e.type) {
    case 'created':
      return 'reported to the vendor';
    case 'state':
      return e.to ? `the vendor set the status to "${asWords(e.to)}"` : null;
    case 'severity':
      return e.to ? `priority changed to "${asWords(e.to)}"` : null;
    case 'owner':
      return 'a new engineer at the vendor took the case';
    case 'title':
      return null;
    case 'message':
      return e.message?.side === 'customer' ? 'we sent the vendor more information' : 'the vendor replied';
  }
}

function whereItStands(input: StatusUpdateInput): string {
  const c = input.case;
  switch (ballInCourt(c)) {
    case 'you':
      return 'The vendor has asked us for information; we are working on it.';
    case 'closing':
      return 'The vendor believes the problem is fixed and will close the case soon. Please tell us if you still see it.';
    case 'closed':
      return 'The case is closed.';
    case 'unknown':
      return "We are waiting for the vendor's next update.";
    case 'vendor': {
      const days = businessDaysBetween(vendorQuietSince(c), input.nowIso, input.policy);
      const quiet = days >= 1 ? ` (no news from them for ${days} business day${days === 1 ? '' : 's'})` : '';
      return `The vendor is working on it; we are waiting for their next reply${quiet}.`;
    }
  }
}

/** The update as plain text, ready to paste into an email or chat. */
export function composeStatusUpdate(input: StatusUpdateInput): string {
  const { case: c, workspace, policy } = input;
  const tz = policy.timeZone;
  const opened = c.createdAt ?? c.firstSeenAt;
  const lines = [
    `Status update: ${c.title}`,
    `Reported to ${vendorLabel(c)} (case ${c.caseId}) on ${formatDay(opened, tz)}.`,
    '',
  ];
  lines.push(`Where it stands: ${whereItStands(input)}`);
  // The vendor's own word for the priority when it has one, as in the steps below: one name for one thing.
  const priority = c.vendorSeverity ? asWords(c.vendorSeverity) : c.severity ? SEVERITY_LABELS[c.severity] : null;
  if (priority) lines.push(`Priority with the vendor: ${priority}.`);
  const impact = workspace?.infoPack.impact.trim();
  if (impact) lines.push(`Impact: ${impact}`);
  const esc = workspace?.escalation;
  if (esc?.escalatedAt) {
    lines.push(
      `We escalated the case${esc.level ? ` to level ${esc.level}` : ''} on ${formatDay(esc.escalatedAt, tz)}.`,
    );
  }
  if (c.lastVendorMessageAt) lines.push(`Last reply from the vendor: ${formatDay(c.lastVendorMessageAt, tz)}.`);

  const steps = [...input.events]
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    .flatMap((e) => {
      const step = stepOf(e);
      return step ? [`- ${formatDay(e.at, tz)}: ${step}`] : [];
    })
    .slice(-MAX_STEPS);
  if (steps.length) lines.push('', 'What has happened so far:', ...steps);

  const closed = c.state === 'closed';
  const next = input.nextUpdateAt
    ? `We will send the next update by ${formatWhen(input.nextUpdateAt, tz)}, or sooner if anything changes.`
    : 'We will send the next update as soon as anything changes.';
  lines.push('', closed ? 'No further updates are planned.' : next);
  return lines.join('\n');
}
