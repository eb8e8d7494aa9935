import { formatAgo, formatQuiet, safeHref, SEVERITY_LABELS, STATE_LABELS } from '@/lib/format';
import { PROVIDER_NAMES, type StoredCase } from '@/lib/model';
import type { Alert } from '@/lib/staleness';
import { ballInCourt, vendorQuietTime } from '@/lib/urgency';
import { SnoozeMenu } from './snooze-menu';

interface CaseRowProps {
  item: StoredCase;
  now: Date;
  alerts?: Alert[];
  isSnoozed?: boolean;
}

/** One case in the timeline. Portal text is rendered as React text nodes only, never as HTML. */
export function CaseRow({ item, now, alerts = [], isSnoozed = false }: CaseRowProps) {
  const ball = ballInCourt(item);
  const overdue = alerts.some((a) => a.level === 'overdue');
  const href = safeHref(item.url);
  const stateLabel = item.state ? STATE_LABELS[item.state] : 'Unknown state';
  return (
    <li
      className={`case-row ball-${ball}${overdue ? ' overdue' : ''}${isSnoozed ? ' snoozed' : ''}`}
      data-testid="case-row"
      data-case-key={item.key}
    >
      <div className="case-head">
        <span className={`provider provider-${item.provider}`}>{PROVIDER_NAMES[item.provider]}</span>
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
        <span className="row-actions">
          <SnoozeMenu caseKey={item.key} isSnoozed={isSnoozed} />
        </span>
      </div>
      <a className="case-title" href={href} target="_blank" rel="noreferrer noopener" dir="auto">
        {item.title}
      </a>
      <div className="case-meta">
        <span className="state" data-testid="case-state">
          {stateLabel}
          {item.vendorStatus && item.vendorStatus !== stateLabel && (
            <span className="vendor-status" dir="auto"> · {item.vendorStatus}</span>
          )}
        </span>
        {ball !== 'closed' && ball !== 'closing' && (
          <span className="quiet" data-testid="case-quiet">vendor quiet {formatQuiet(vendorQuietTime(item, now))}</span>
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
        <span className="seen" title={item.observedVia}>seen {formatAgo(item.lastObservedAt, now)}</span>
      </div>
      {alerts.length > 0 && (
        <ul className="alerts" aria-label="Alerts">
          {alerts.map((a) => (
            <li key={a.id} className={`alert alert-${a.level}`} data-testid="alert">
              {a.reason}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
