import { memo } from 'react';
import { formatAgo, formatQuiet, portalWordBeside, safeHref, SEVERITY_LABELS, STATE_LABELS } from '@/lib/cases/format';
import type { StoredCase } from '@/lib/core/model';
import type { Alert } from '@/lib/alerts/staleness';
import { ballInCourt, vendorQuietTime } from '@/lib/alerts/urgency';
import type { Calendar } from '@/lib/alerts/business-time';
import { describeReminder, type EscalationReminder } from '@/lib/cases/workspace';
import type { CaseNews } from '@/lib/cases/seen';
import { ProviderMark } from './provider-mark';
import { SnoozeMenu } from './snooze-menu';
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

/** One case in the popup. Portal text is rendered as React text nodes only, never as HTML. */
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
      <div className="case-head">
        <ProviderMark item={item} />
        <span className="case-id">#{item.caseId}</span>
        {item.severity && (
          <span className={`severity severity-${item.severity}`} title={item.vendorSeverity ?? undefined}>
            {SEVERITY_LABELS[item.severity]}
          </span>
        )}
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
        <span className="row-actions">
          <SnoozeMenu caseKey={item.key} isSnoozed={isSnoozed} />
        </span>
      </div>
      <a className="case-title" href={href} target="_blank" rel="noreferrer noopener" dir="auto">
        {item.title}
      </a>
      {reminder && (
        <p className="escalation-mark" data-testid="escalation-reminder">
          {describeReminder(reminder)}
        </p>
      )}
      <div className="case-meta">
        <span className="state" data-testid="case-state">
          <StateLabel item={item} />
        </span>
        {/* Quiet time is the vendor's: on a case waiting on the user it would contradict the state. */}
        {(ball === 'vendor' || ball === 'unknown') && item.state !== null && (
          <span className="quiet" data-testid="case-quiet">
            vendor quiet {formatQuiet(vendorQuietTime(item, now, calendar))}
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
      {/* One reason per row, the most pressing (alerts come most serious first); the rest on hover. */}
      {alerts.length > 0 ? (
        <p className={`why alert alert-${alerts[0]!.level}`} title={alerts.map((a) => a.reason).join('\n')}>
          <span data-testid="alert">{alerts[0]!.reason}</span>
          {alerts.length > 1 && <span className="more"> · {alerts.length - 1} more</span>}
        </p>
      ) : (
        item.state === null &&
        ball !== 'you' && (
          <p className="why look" data-testid="case-why">
            {item.vendorStatus
              ? 'Caseradar cannot read this status: open the case to see where it stands'
              : 'The portal shows no status: open the case to see where it stands'}
          </p>
        )
      )}
    </li>
  );
});
