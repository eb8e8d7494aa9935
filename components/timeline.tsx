import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db';
import { ballInCourt, compareUrgency, countWaitingOnUser, isOpen } from '@/lib/urgency';
import { BlindSpots } from './blind-spots';
import { CaseRow } from './case-row';
import { useAlerts } from './use-alerts';
import { useNow } from './use-now';
import { usePopupView } from './view-store';

/** The most urgent cases fit a popup; the rest are one click (or the dashboard) away. */
const FIRST_ROWS = 100;

/** The unified timeline of open cases across every provider, most urgent first. */
export function Timeline() {
  const now = useNow();
  const { showClosingSoon, toggleClosingSoon, showSnoozed, toggleSnoozed, showAll, setShowAll } = usePopupView();
  const cases = useLiveQuery(() => getDb().cases.toArray(), []);
  const { alerts, snoozed } = useAlerts(cases, now);
  if (!cases) return <p className="loading">Loading…</p>;
  const open = cases.filter(isOpen).sort(compareUrgency);
  const shown = open.filter(
    (c) => (showClosingSoon || ballInCourt(c) !== 'closing') && (showSnoozed || !snoozed.has(c.key)),
  );
  const waiting = countWaitingOnUser(open.filter((c) => !snoozed.has(c.key)));
  const overdue = open.filter((c) => alerts.get(c.key)?.some((a) => a.level === 'overdue')).length;
  return (
    <main className="timeline">
      <header className="timeline-header">
        <h1>Caseradar</h1>
        <p className="summary" data-testid="summary">
          {open.length} open · {waiting} waiting on you{overdue > 0 && ` · ${overdue} overdue`}
        </p>
        <a className="settings-link" href="/dashboard.html" target="_blank" rel="noreferrer">
          All cases
        </a>
        <a className="settings-link" href="/options.html" target="_blank" rel="noreferrer">
          Settings
        </a>
        <div className="toggles">
          <label className="toggle">
            <input type="checkbox" checked={showClosingSoon} onChange={toggleClosingSoon} /> show closing soon
          </label>
          <label className="toggle">
            <input type="checkbox" checked={showSnoozed} onChange={toggleSnoozed} /> show snoozed ({snoozed.size})
          </label>
        </div>
      </header>
      <BlindSpots now={now} />
      {shown.length === 0 ? (
        <p className="empty" data-testid="empty">
          No open cases yet. Visit a support portal (Zendesk help center, Azure portal) and your cases appear here.
        </p>
      ) : (
        <>
          <ol className="cases" aria-label="Open cases, most urgent first">
            {(showAll ? shown : shown.slice(0, FIRST_ROWS)).map((c) => (
              <CaseRow key={c.key} item={c} now={now} alerts={alerts.get(c.key)} isSnoozed={snoozed.has(c.key)} />
            ))}
          </ol>
          {!showAll && shown.length > FIRST_ROWS && (
            <button type="button" className="link-button" onClick={() => setShowAll(true)}>
              Show all {shown.length} open cases
            </button>
          )}
        </>
      )}
    </main>
  );
}
