import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useRef, useState } from 'react';
import { loadPolicy } from '@/lib/alerts/settings';
import { eventsByCase } from '@/lib/charts/ball-segments';
import type { CaseEvent, CaseState } from '@/lib/core/model';
import { getDb } from '@/lib/store/db';
import { mappedState } from '@/lib/store/vendors';
import { ErrorBoundary } from '../shared/error-boundary';
import { useNow } from '../shared/use-now';
import { OpenAgeView } from './open-age-view';
import { Radar } from './radar';
import { ScorecardView } from './scorecard-view';
import './charts.css';

const TABS = [
  { id: 'radar', label: 'Radar' },
  { id: 'scorecard', label: 'Vendor scorecard' },
  { id: 'age', label: 'Open-case age' },
] as const;
type TabId = (typeof TABS)[number]['id'];

const tabFromHash = (): TabId => {
  const id = location.hash.slice(1);
  return TABS.some((t) => t.id === id) ? (id as TabId) : 'radar';
};

/**
 * The reports page: the radar of every case on one time axis, the vendor scorecard and the open cases'
 * age, one at a time (tabs; the tab is kept in the address, #radar, #scorecard, #age).
 */
export function Reports() {
  const db = getDb();
  const now = useNow();
  const cases = useLiveQuery(() => db.cases.toArray(), []);
  // Every event (50,000 take longer to read than the case table takes to paint): for the scorecard at
  // once, for the radar once it has drawn the lanes in view from their own events.
  const [wantsEvents, setWantsEvents] = useState(() => tabFromHash() !== 'radar');
  const onRadarDrawn = useCallback(() => setWantsEvents(true), []);
  // One getAll for every event: far faster than a cursor, and each is read once into its case's list.
  const events = useLiveQuery(
    async (): Promise<Map<string, CaseEvent[]> | undefined> =>
      wantsEvents ? eventsByCase(await db.events.toArray()) : undefined,
    [wantsEvents],
  );
  const readEvents = useCallback((caseKeys: string[]) => db.events.where('caseKey').anyOf(caseKeys).toArray(), [db]);
  const workspaces = useLiveQuery(() => db.workspaces.toArray(), []);
  const vendors = useLiveQuery(() => db.vendors.toArray(), []);
  const policy = useLiveQuery(() => loadPolicy(db), []);
  const stateOfLabel = useMemo(() => {
    const byPortal = new Map((vendors ?? []).map((v) => [v.portal, v]));
    return (portal: string, label: string): CaseState | null => mappedState(byPortal.get(portal), label);
  }, [vendors]);

  const [tab, setTabState] = useState<TabId>(tabFromHash);
  const tabRefs = useRef(new Map<TabId, HTMLButtonElement>());
  const setTab = useCallback((id: TabId, focus = false) => {
    setTabState(id);
    if (id !== 'radar') setWantsEvents(true);
    history.replaceState(null, '', `#${id}`);
    if (focus) tabRefs.current.get(id)?.focus();
  }, []);
  const onTabKey = (e: React.KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.id === tab);
    const next =
      e.key === 'ArrowRight'
        ? (i + 1) % TABS.length
        : e.key === 'ArrowLeft'
          ? (i + TABS.length - 1) % TABS.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? TABS.length - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    setTab(TABS[next]!.id, true);
  };

  const ready = cases && workspaces && vendors && policy;
  const current = TABS.find((t) => t.id === tab)!;
  return (
    <main className="reports">
      <header className="dashboard-header reports-header">
        <h1>Caseradar — reports</h1>
        <a className="settings-link" href="/dashboard.html">
          All cases
        </a>
        <a className="settings-link" href="/options.html">
          Settings
        </a>
      </header>
      <div role="tablist" aria-label="Reports" className="reports-tabs" onKeyDown={onTabKey}>
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            ref={(el) => {
              if (el) tabRefs.current.set(t.id, el);
            }}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <section
        role="tabpanel"
        id={`panel-${tab}`}
        aria-labelledby={`tab-${tab}`}
        className="reports-panel"
        data-testid={`panel-${tab}`}
      >
        <h2>{current.label}</h2>
        {!ready ? (
          <p>Loading…</p>
        ) : (
          <ErrorBoundary key={tab} what={`The ${current.label.toLowerCase()}`}>
            {tab === 'radar' && (
              <Radar
                cases={cases}
                events={events}
                readEvents={readEvents}
                onDrawn={onRadarDrawn}
                workspaces={workspaces}
                policy={policy}
                stateOfLabel={stateOfLabel}
                now={now}
              />
            )}
            {tab === 'scorecard' &&
              (events ? (
                <ScorecardView cases={cases} events={events} policy={policy} stateOfLabel={stateOfLabel} now={now} />
              ) : (
                <p>Reading the history of every case…</p>
              ))}
            {tab === 'age' && <OpenAgeView cases={cases} now={now} />}
          </ErrorBoundary>
        )}
      </section>
    </main>
  );
}
