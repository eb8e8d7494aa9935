import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db';
import { ballInCourt, compareUrgency, countWaitingOnUser, isOpen } from '@/lib/urgency';
import { BlindSpots } from './blind-spots';
import { CaseRow } from './case-row';
import { useNow } from './use-now';
import { usePopupView } from './view-store';

/** The unified timeline of open cases across every provider, most urgent first. */
export function Timeline() {
  const now = useNow();
  const { showClosingSoon, toggleClosingSoon } = usePopupView();
  const cases = useLiveQuery(() => getDb().cases.toArray(), []);
  if (!cases) return <p className="loading">Loading…</p>;
  const open = cases.filter(isOpen).sort(compareUrgency);
  const shown = showClosingSoon ? open : open.filter((c) => ballInCourt(c) !== 'closing');
  const waiting = countWaitingOnUser(open);
  return (
    <main className="timeline">
      <header className="timeline-header">
        <h1>Caseradar</h1>
        <p className="summary" data-testid="summary">
          {open.length} open · {waiting} waiting on you
        </p>
        <label className="toggle">
          <input type="checkbox" checked={showClosingSoon} onChange={toggleClosingSoon} /> show closing soon
        </label>
      </header>
      <BlindSpots now={now} />
      {shown.length === 0 ? (
        <p className="empty" data-testid="empty">
          No open cases yet. Visit a support portal (Zendesk help center, Azure portal) and your cases appear here.
        </p>
      ) : (
        <ol className="cases" aria-label="Open cases, most urgent first">
          {shown.map((c) => (
            <CaseRow key={c.key} item={c} now={now} />
          ))}
        </ol>
      )}
    </main>
  );
}
