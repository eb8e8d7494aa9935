import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef } from 'react';
import { buildCaseHistory } from '@/lib/cases/case-history';
import { vendorKey } from '@/lib/cases/contacts';
import { loadCaseEvents } from '@/lib/cases/dashboard-actions';
import { getDb } from '@/lib/store/db';
import { formatQuiet, safeHref, SEVERITY_LABELS } from '@/lib/cases/format';
import { incidentsOf } from '@/lib/cases/incidents';
import { caseLabel, vendorLabel, type StoredCase } from '@/lib/core/model';
import type { Alert } from '@/lib/alerts/staleness';
import { ballInCourt, vendorQuietTime } from '@/lib/alerts/urgency';
import type { Calendar } from '@/lib/alerts/business-time';
import { describeReminder, type EscalationReminder } from '@/lib/cases/workspace';
import { seenText, StateLabel } from '../shared/case-row';
import { CaseWorkspacePanel } from './case-workspace';
import { HistoryList } from './history-list';
import { BallBar } from '../charts/ball-bar';
import { ManualFollowUp } from './manual-follow-up';
import { StatusUpdateEditor } from './status-update-editor';
import { ProviderMark } from '../shared/provider-mark';
import { usePolicy } from '../shared/use-alerts';
import { VendorContactPanel } from './vendor-contact';
import { useDashboardView } from '../shared/view-store';

export const BALL_LABELS = {
  you: 'You',
  vendor: 'Vendor',
  unknown: 'Unknown',
  closing: 'Closing',
  closed: 'Closed',
} as const;

/** Everything about one case: facts, the full timeline, the workspace, a status update and whom to call. */
export function CaseDetail({
  caseKey,
  now,
  calendar,
  alerts,
  reminder,
  onClose,
  onEvidence,
  onDelete,
}: {
  caseKey: string;
  now: Date;
  calendar: Calendar;
  alerts: Alert[] | undefined;
  reminder: EscalationReminder | undefined;
  onClose: () => void;
  onEvidence: (c: StoredCase) => void;
  onDelete: (c: StoredCase) => void;
}) {
  // One query, so that case, history and workspace always belong to the same case.
  const data = useLiveQuery(async () => {
    const db = getDb();
    const [item, events, workspace, incidents] = await Promise.all([
      db.cases.get(caseKey),
      loadCaseEvents(db, caseKey),
      db.workspaces.get(caseKey),
      incidentsOf(db, caseKey),
    ]);
    return { caseKey, item, events, workspace, incidents };
  }, [caseKey]);
  const policy = usePolicy();
  const showDetail = useDashboardView((s) => s.showDetail);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const isReady = data?.caseKey === caseKey;
  // Opening a case moves the focus to its heading, so reading goes on from there.
  useEffect(() => headingRef.current?.focus(), [caseKey, isReady]);
  const history = useMemo(() => (data ? buildCaseHistory(data.events, data.workspace) : []), [data]);

  if (!data || !isReady)
    return (
      <section className="panel case-detail" aria-label="Case details">
        <p>Loading…</p>
      </section>
    );
  const { item, events, workspace, incidents } = data;
  if (!item) return null;
  const label = caseLabel(item);
  const ball = ballInCourt(item);
  return (
    <section className="panel case-detail" aria-labelledby="detail-title" data-testid="case-detail">
      <div className="detail-head">
        <h2 id="detail-title" tabIndex={-1} ref={headingRef}>
          <ProviderMark item={item} /> #{item.caseId}
        </h2>
        <span className="detail-actions">
          <button type="button" onClick={() => onEvidence(item)}>
            Evidence
          </button>
          <button type="button" onClick={() => onDelete(item)}>
            Delete
          </button>
          <button type="button" onClick={onClose} aria-keyshortcuts="Escape">
            Close
          </button>
        </span>
      </div>
      <p dir="auto">
        <a href={safeHref(item.url)} target="_blank" rel="noreferrer noopener">
          {item.title}
        </a>
      </p>
      <p className="detail-facts">
        <span>
          State: <StateLabel item={item} />
        </span>
        <span>
          Severity: {item.severity ? SEVERITY_LABELS[item.severity] : '—'}
          {item.vendorSeverity ? ` (${item.vendorSeverity})` : ''}
        </span>
        <span>Whose move: {BALL_LABELS[ball]}</span>
        {ball !== 'closed' && <span>vendor quiet {formatQuiet(vendorQuietTime(item, now, calendar))}</span>}
        {item.owner && <span dir="auto">Owner: {item.owner}</span>}
        <span title={item.observedVia}>{seenText(item, now)}</span>
      </p>
      {reminder && (
        <p className="escalation-reminder" data-testid="escalation-reminder">
          {/* The reasons are the alerts listed below; the advice depends on whose move it is. */}
          {describeReminder(reminder)}.{' '}
          {ball === 'you'
            ? `It waits on your reply: answer the vendor before chasing ${reminder.contact || 'the escalation contact'}.`
            : `Chase ${reminder.contact || 'the escalation contact'}.`}
        </p>
      )}
      {alerts && alerts.length > 0 && (
        <ul className="alerts" aria-label="Alerts">
          {alerts.map((a) => (
            <li key={a.id} className={`alert alert-${a.level}`}>
              {a.reason}
            </li>
          ))}
        </ul>
      )}

      <h3>Whose move, over time</h3>
      <BallBar item={item} events={events} policy={policy} now={now} />
      <h3>Timeline</h3>
      <HistoryList items={history} label={`History of ${label}`} now={now} />

      {item.provider === 'manual' && <ManualFollowUp item={item} />}

      <CaseWorkspacePanel item={item} />

      <StatusUpdateEditor key={item.key} input={{ case: item, events, workspace, nowIso: now.toISOString(), policy }} />

      <VendorContactPanel vendor={vendorKey(item)} label={vendorLabel(item)} caseUrl={item.url} />

      {incidents.length > 0 && (
        <>
          <h3>Incidents</h3>
          <ul>
            {incidents.map((inc) => (
              <li key={inc.id}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => showDetail({ kind: 'incident', id: inc.id })}
                >
                  {inc.title}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
