import { memo } from 'react';
import {
  formatAgo,
  formatQuiet,
  humanLabel,
  portalWordBeside,
  safeHref,
  SEVERITY_LABELS,
  STATE_LABELS,
} from '@/lib/cases/format';
import { vendorLabel, type StoredCase } from '@/lib/core/model';
import type { Alert } from '@/lib/alerts/staleness';
import { ballInCourt, vendorQuietSince, vendorQuietTime, type BallInCourt } from '@/lib/alerts/urgency';
import type { Calendar } from '@/lib/alerts/business-time';
import { describeReminder, type EscalationReminder } from '@/lib/cases/workspace';
import type { CaseNews } from '@/lib/cases/seen';
import { ProviderMark } from './provider-mark';
import { SnoozeMenu } from './snooze-menu';
import { StatusMapper } from './status-mapper';
import { isOverdue } from './use-alerts';

interface CaseRowProps {
  item: StoredCase;
  now: Date;
  /** The user's zone, working days and holidays: quiet time counts as the alert rules count it. */
  calendar: Calendar;
  alerts?: Alert[] | undefined;
  isSnoozed?: boolean;
  reminder?: EscalationReminder | undefined;
  /** What changed since the popup last opened. */
  news?: CaseNews | undefined;
  /** Position among the rows shown, for the keyboard (j/k). */
  index: number;
  isActive: boolean;
  onFocusRow: (index: number) => void;
}

/**
 * "Open · Updating": our state, then the vendor's own label when it says something else, in words
 * ("pending-customer-action" reads "Pending customer action"; the portal's spelling is on hover).
 */
export function StateLabel({ item }: { item: Pick<StoredCase, 'state' | 'vendorStatus'> }) {
  const ours = item.state ? STATE_LABELS[item.state] : 'Unknown state';
  const theirs = portalWordBeside(ours, item.vendorStatus);
  return (
    <>
      {ours}
      {theirs && (
        <span className="vendor-status" dir="auto" title={`The portal says: ${item.vendorStatus}`}>
          {' '}
          · {theirs}
        </span>
      )}
    </>
  );
}

/** "New case", "2 new messages", "was Open": what changed since the popup last opened. */
export function describeNews(news: CaseNews): string {
  if (news.newCase) return 'New case';
  const parts = [];
  if (news.newMessages) parts.push(`${news.newMessages} new message${news.newMessages === 1 ? '' : 's'}`);
  if (news.stateWas !== undefined) parts.push(`was ${news.stateWas ? STATE_LABELS[news.stateWas] : 'unknown'}`);
  return parts.join(' · ');
}

/** "seen 2 hours ago (refresh)": when we last read the case, and how. */
export function seenText(item: Pick<StoredCase, 'lastObservedAt' | 'observedHow'>, now: Date): string {
  return `seen ${formatAgo(item.lastObservedAt, now)}${item.observedHow ? ` (${item.observedHow})` : ''}`;
}

/**
 * The one line that says why the case is where it is, most pressing first: an escalation still overdue
 * (the user asked to be reminded), the worst alert, a status to map, else its state and the vendor's
 * quiet time.
 */
function WhyLine({
  item,
  ball,
  quiet,
  now,
  alerts,
  reminder,
}: Pick<CaseRowProps, 'item' | 'now' | 'reminder'> & { ball: BallInCourt; quiet: string | null; alerts: Alert[] }) {
  if (reminder)
    return (
      <span className="why escalation-mark" data-testid="escalation-reminder">
        {describeReminder(reminder)}
      </span>
    );
  if (alerts.length > 0)
    return (
      <span className={`why alert alert-${alerts[0]!.level}`}>
        <span data-testid="alert">{alerts[0]!.reason}</span>
        {alerts.length > 1 && <span className="more"> · {alerts.length - 1} more</span>}
      </span>
    );
  if (item.state === null && ball !== 'you')
    return (
      <span className="why look" data-testid="case-why" dir="auto" title={item.vendorStatus ?? undefined}>
        {item.vendorStatus
          ? `Caseradar cannot read “${humanLabel(item.vendorStatus)}”`
          : 'The portal shows no status: open the case to see where it stands'}
      </span>
    );
  // The section says whose move it is; the row says what the vendor asked for, and since when.
  if (ball === 'you')
    return (
      <span className="why" dir="auto">
        {portalWordBeside(STATE_LABELS['waiting-on-customer'], item.vendorStatus) ?? 'Waiting on you'} · asked{' '}
        {formatAgo(vendorQuietSince(item), now)}
      </span>
    );
  return (
    <span className="why">
      <StateLabel item={item} />
      {ball === 'vendor' && ` · vendor quiet ${quiet}`}
    </span>
  );
}

/**
 * One case in the popup, in two lines: what (vendor, title, number) and why (one reason). The row the
 * keyboard or pointer is on opens a third line of facts. Portal text is rendered as React text nodes
 * only, never as HTML.
 */
export const CaseRow = memo(function CaseRow({
  item,
  now,
  calendar,
  alerts = [],
  isSnoozed = false,
  reminder,
  news,
  index,
  isActive,
  onFocusRow,
}: CaseRowProps) {
  const ball = ballInCourt(item);
  const overdue = isOverdue(alerts);
  const href = safeHref(item.url);
  // Quiet time is the vendor's: on a case waiting on the user it would contradict the state. Counted
  // once a row (business time), for the why line and the facts line alike.
  const quiet =
    (ball === 'vendor' || ball === 'unknown') && item.state !== null
      ? formatQuiet(vendorQuietTime(item, now, calendar))
      : null;
  return (
    <li
      className={`case-row ball-${ball}${overdue ? ' overdue' : ''}${isSnoozed ? ' snoozed' : ''}${isActive ? ' active' : ''}`}
      data-testid="case-row"
      data-case-key={item.key}
      data-row-index={index}
      // Reached with j/k (or a click); Tab goes through each row's link and snooze menu as usual.
      tabIndex={-1}
      aria-current={isActive ? 'true' : undefined}
      onFocus={(e) => e.target === e.currentTarget && onFocusRow(index)}
    >
      <div className="row-what">
        <ProviderMark item={item} />
        <a className="case-title" href={href} target="_blank" rel="noreferrer noopener" dir="auto" title={item.title}>
          {item.title}
        </a>
        <span className="case-id">#{item.caseId}</span>
      </div>
      <div className="row-why">
        {overdue && (
          <span className="overdue-mark" data-testid="overdue">
            Overdue
          </span>
        )}
        {news && (
          <span className="news-mark" data-testid="news">
            {describeNews(news)}
          </span>
        )}
        <WhyLine item={item} ball={ball} quiet={quiet} now={now} alerts={alerts} reminder={reminder} />
        {item.state === null && item.vendorStatus && ball !== 'you' && (
          <StatusMapper portal={item.portal} vendorName={vendorLabel(item)} label={item.vendorStatus} />
        )}
        {item.severity && (
          <span className={`severity severity-${item.severity}`} title={item.vendorSeverity ?? undefined}>
            {SEVERITY_LABELS[item.severity]}
          </span>
        )}
        <span className="row-actions">
          <SnoozeMenu caseKey={item.key} isSnoozed={isSnoozed} />
        </span>
      </div>
      <div className="case-meta">
        <span className="state" data-testid="case-state">
          <StateLabel item={item} />
        </span>
        {quiet && (
          <span className="quiet" data-testid="case-quiet">
            vendor quiet {quiet}
          </span>
        )}
        {item.owner && (
          <span className="owner" dir="auto">
            owner {item.owner}
          </span>
        )}
        {item.messageCount > 0 && (
          <span className="messages" data-testid="case-messages">
            {item.messageCount} message{item.messageCount === 1 ? '' : 's'}
          </span>
        )}
        <span className="seen" data-testid="case-seen" title={item.observedVia}>
          {seenText(item, now)}
        </span>
      </div>
    </li>
  );
});
