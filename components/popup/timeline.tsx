import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { groupOpenCases, limitGroups } from '@/lib/cases/case-groups';
import { matchesQuery } from '@/lib/cases/dashboard-query';
import { getDb } from '@/lib/store/db';
import { loadSeen, saveSeen, whatIsNew, type CaseNews, type SeenMarks } from '@/lib/cases/seen';
import type { StoredCase } from '@/lib/core/model';
import { safeHref } from '@/lib/cases/format';
import { ballInCourt, countWaitingOnUser, isOpen } from '@/lib/alerts/urgency';
import { findEscalationReminders } from '@/lib/cases/workspace';
import { BlindSpots } from './blind-spots';
import { CaseRow } from '../shared/case-row';
import { ErrorBoundary } from '../shared/error-boundary';
import { KeyHelp, type KeyHelpLine } from '../shared/key-help';
import { PopupActions } from './popup-actions';
import { applySnooze } from '../shared/snooze-menu';
import { isOverdue, useAlerts } from '../shared/use-alerts';
import { focusRow, openCaseLink, useCaseKeys } from '../shared/use-case-keys';
import { useNow } from '../shared/use-now';
import { usePopupView } from '../shared/view-store';

/** The most urgent cases fit a popup; the rest are one click (or the dashboard) away. */
const FIRST_ROWS = 100;

const POPUP_KEYS: KeyHelpLine[] = [
  [['j', 'k'], 'Next / previous case'],
  [['o', 'Enter'], 'Open the case in its portal'],
  [['e'], 'Done until the vendor acts'],
  [['s'], 'Snooze menu of the case'],
  [['/'], 'Filter the cases'],
  [['?'], 'This help'],
  [['Esc'], 'Close a menu or this help'],
];

/**
 * What changed since the popup last opened (lib/cases/seen.ts): read once when it opens, and what it
 * shows now kept as seen, so that the next opening starts from here.
 */
function useNews(cases: StoredCase[] | undefined): Map<string, CaseNews> {
  const [before, setBefore] = useState<SeenMarks | null | undefined>(undefined);
  const saved = useRef(false);
  useEffect(() => {
    void loadSeen(getDb()).then(setBefore);
  }, []);
  useEffect(() => {
    if (!cases || before === undefined || saved.current) return;
    saved.current = true;
    void saveSeen(getDb(), cases, new Date().toISOString());
  }, [cases, before]);
  return useMemo(() => (cases && before !== undefined ? whatIsNew(cases, before) : new Map()), [cases, before]);
}

/** The unified timeline of open cases across every provider, in sections by whose move it is. */
export function Timeline() {
  const now = useNow();
  const view = usePopupView();
  const { showClosingSoon, showSnoozed, showAll, query, active, setActive } = view;
  const [isHelpOpen, setHelpOpen] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const cases = useLiveQuery(() => getDb().cases.toArray(), []);
  const workspaces = useLiveQuery(() => getDb().workspaces.toArray(), []);
  const { alerts, snoozed, policy } = useAlerts(cases, now);
  const news = useNews(cases);

  const model = useMemo(() => {
    const open = (cases ?? []).filter(isOpen);
    const shown = open.filter(
      (c) =>
        (showClosingSoon || ballInCourt(c) !== 'closing') &&
        (showSnoozed || !snoozed.has(c.key)) &&
        matchesQuery(c, query),
    );
    const groups = groupOpenCases(shown, (key) => isOverdue(alerts.get(key)));
    const visible = showAll ? groups : limitGroups(groups, FIRST_ROWS);
    const rows = visible.flatMap((g) => g.cases);
    const reminders = new Map(findEscalationReminders(open, workspaces ?? [], alerts).map((r) => [r.caseKey, r]));
    return {
      open,
      shown,
      groups,
      visible,
      rows,
      reminders,
      waiting: countWaitingOnUser(open.filter((c) => !snoozed.has(c.key))),
      overdue: open.filter((c) => isOverdue(alerts.get(c.key))).length,
      withNews: open.filter((c) => news.has(c.key)).length,
    };
  }, [cases, workspaces, alerts, snoozed, showClosingSoon, showSnoozed, showAll, query, news]);

  const current = model.rows[active];
  const move = (delta: 1 | -1) => {
    if (model.rows.length === 0) return;
    const next = Math.min(model.rows.length - 1, Math.max(0, active + delta));
    setActive(next);
    focusRow(listRef.current, next);
  };
  useCaseKeys({
    move,
    open: () => openCaseLink(current && safeHref(current.url)),
    done: () => {
      if (!current) return;
      void applySnooze(current.key, 'vendor');
    },
    snooze: () => {
      const menu = listRef.current?.querySelector<HTMLDetailsElement>(`[data-row-index="${active}"] details.snooze`);
      if (!menu) return;
      menu.open = true;
      menu.querySelector('button')?.focus();
    },
    search: () => searchRef.current?.focus(),
    help: () => setHelpOpen(true),
  });
  // A row that leaves (done, snoozed, filtered out) takes the focus with it: give it to the case that
  // took its place, so the keyboard stays on the list.
  useEffect(() => {
    if (active < 0 || model.rows.length === 0) return;
    const next = Math.min(active, model.rows.length - 1);
    if (next !== active) setActive(next);
    if (document.activeElement === document.body) focusRow(listRef.current, next);
  }, [model.rows, active, setActive]);
  const onFocusRow = useCallback((index: number) => setActive(index), [setActive]);

  if (!cases) return <p className="loading">Loading…</p>;
  const { open, shown, groups, visible, reminders } = model;
  let index = 0;
  return (
    <main className="timeline">
      <header className="timeline-header">
        <div className="header-top">
          <h1>Caseradar</h1>
          <p className="summary" data-testid="summary">
            {open.length} open · {model.waiting} waiting on you{model.overdue > 0 && ` · ${model.overdue} overdue`}
            {model.withNews > 0 && ` · ${model.withNews} new since last look`}
          </p>
          <nav className="header-links" aria-label="Caseradar pages">
            <a className="settings-link" href="/dashboard.html" target="_blank" rel="noreferrer">
              All cases
            </a>
            <a className="settings-link" href="/options.html" target="_blank" rel="noreferrer">
              Settings
            </a>
            <button
              type="button"
              className="link-button"
              onClick={() => setHelpOpen(true)}
              aria-keyshortcuts="?"
              title="Keyboard shortcuts (?)"
            >
              Keys
            </button>
          </nav>
        </div>
        <div className="toggles">
          <input
            ref={searchRef}
            type="search"
            className="filter-box"
            aria-label="Filter open cases"
            aria-keyshortcuts="/"
            placeholder="Filter: id, title, vendor  ( / )"
            value={query}
            onChange={(e) => view.setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' || (e.key === 'Enter' && model.rows.length > 0)) {
                e.preventDefault();
                setActive(0);
                focusRow(listRef.current, 0);
              }
            }}
          />
          <label className="toggle">
            <input type="checkbox" checked={showClosingSoon} onChange={view.toggleClosingSoon} /> show closing soon
          </label>
          <label className="toggle">
            <input type="checkbox" checked={showSnoozed} onChange={view.toggleSnoozed} /> show snoozed ({snoozed.size})
          </label>
        </div>
        <PopupActions />
      </header>
      <BlindSpots now={now} cases={cases} />
      {open.length === 0 ? (
        <p className="empty" data-testid="empty">
          No open cases yet. Visit a support portal (Zendesk help center, Azure portal) and your cases appear here.
        </p>
      ) : shown.length === 0 ? (
        <p className="empty" data-testid="no-match">
          {query ? `No open case matches “${query}”.` : 'Every open case is hidden by the options above.'}
        </p>
      ) : (
        <div ref={listRef} className="case-groups">
          {visible.map((g, gi) =>
            g.cases.length === 0 ? null : (
              <section
                key={g.id}
                className={`case-group group-${g.id}`}
                aria-labelledby={`group-${g.id}`}
                data-testid={`group-${g.id}`}
              >
                <h2 id={`group-${g.id}`} className="group-title">
                  {g.title} <span className="group-count">{groups[gi]!.cases.length}</span>
                </h2>
                <ol className="cases">
                  {g.cases.map((c) => {
                    const i = index++;
                    return (
                      <ErrorBoundary key={c.key} what={`Case ${c.caseId}`} as="li">
                        <CaseRow
                          item={c}
                          now={now}
                          calendar={policy}
                          alerts={alerts.get(c.key)}
                          isSnoozed={snoozed.has(c.key)}
                          reminder={reminders.get(c.key)}
                          news={news.get(c.key)}
                          index={i}
                          isActive={i === active}
                          onFocusRow={onFocusRow}
                        />
                      </ErrorBoundary>
                    );
                  })}
                </ol>
              </section>
            ),
          )}
          {!showAll && shown.length > FIRST_ROWS && (
            <button type="button" className="link-button" onClick={() => view.setShowAll(true)}>
              Show all {shown.length} open cases
            </button>
          )}
        </div>
      )}
      <KeyHelp open={isHelpOpen} onClose={() => setHelpOpen(false)} lines={POPUP_KEYS} />
    </main>
  );
}
