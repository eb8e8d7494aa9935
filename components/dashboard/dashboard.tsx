import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { loadMessageText, queryCases } from '@/lib/cases/dashboard-query';
import { getDb } from '@/lib/store/db';
import { buildEvidence } from '@/lib/export/evidence';
import { safeHref } from '@/lib/cases/format';
import { vendorLabel, type StoredCase } from '@/lib/core/model';
import { describeReminder, findEscalationReminders } from '@/lib/cases/workspace';
import { CaseDetail } from './case-detail';
import { CaseFilters } from './case-filters';
import { CaseTable, type CaseTableApi, type RowMenuAction } from './case-table';
import { BulkActions, useCaseActions } from './case-actions';
import { Notice } from '../shared/notice';
import { DataPanel } from './data-panel';
import { EmailImport, importEmailFiles, type EmailBatch } from './email-import';
import { downloadBlob, stamp } from '../shared/download';
import { ErrorBoundary } from '../shared/error-boundary';
import { IncidentDetail, IncidentList, SelectionBar } from './incidents-panel';
import { KeyHelp, type KeyHelpLine } from '../shared/key-help';
import { useAlerts } from '../shared/use-alerts';
import { openCaseLink, useCaseKeys } from '../shared/use-case-keys';
import { useNow } from '../shared/use-now';
import { useDashboardView } from '../shared/view-store';

const DASHBOARD_KEYS: KeyHelpLine[] = [
  [['j', 'k'], 'Next / previous case'],
  [['Enter'], 'Details of the case'],
  [['o'], 'Open the case in its portal'],
  [['/'], 'Search'],
  [['?'], 'This help'],
  [['Esc'], 'Close the details or this help'],
];

const evidence = async (c: StoredCase) => {
  const bundle = await buildEvidence(getDb(), c.key, new Date().toISOString());
  downloadBlob(
    new Blob([JSON.stringify(bundle, null, 2)], { type: 'application/json' }),
    `caseradar-evidence-${c.provider}-${c.caseId}-${stamp()}.json`,
  );
};

/**
 * Every case, open and closed: search (message text included), filters, saved views, sortable columns,
 * per-case detail with the full timeline and workspace, incidents, and the export/backup panel.
 */
export function Dashboard() {
  const now = useNow();
  const view = useDashboardView();
  const { filter, sort, detail, active, showDetail, setActive } = view;
  const [isHelpOpen, setHelpOpen] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<CaseTableApi>(null);
  const db = getDb();
  const cases = useLiveQuery(() => db.cases.toArray(), []);
  const workspaces = useLiveQuery(() => db.workspaces.toArray(), []);
  // Message text is read once the user goes to search (focus, or a saved view with a query): 50,000
  // events are not needed to paint the table.
  const [searchFocused, setNeedsMessages] = useState(false);
  const needsMessages = searchFocused || !!filter.query.trim();
  const messages = useLiveQuery(() => (needsMessages ? loadMessageText(db) : undefined), [needsMessages]);
  const deferredFilter = useDeferredValue(filter);
  const { alerts, policy } = useAlerts(cases, now);
  const shown = useMemo(
    () => (cases ? queryCases(cases, deferredFilter, sort, messages) : []),
    [cases, deferredFilter, sort, messages],
  );
  const byKey = useMemo(() => new Map((cases ?? []).map((c) => [c.key, c])), [cases]);
  const reminders = useMemo(
    () => findEscalationReminders(cases ?? [], workspaces ?? [], alerts),
    [cases, workspaces, alerts],
  );
  const remindersByKey = useMemo(() => new Map(reminders.map((r) => [r.caseKey, r])), [reminders]);
  const [emailBatch, setEmailBatch] = useState<EmailBatch | null>(null);
  const [readingEmails, setReadingEmails] = useState(false);
  const [dropping, setDropping] = useState(false);
  const addEmails = (files: File[]) => {
    if (files.length === 0) return;
    setReadingEmails(true);
    importEmailFiles(files)
      .then(setEmailBatch, (error: Error) => setEmailBatch({ outcomes: [], errors: [error.message] }))
      .finally(() => setReadingEmails(false));
  };
  const hasFiles = (e: React.DragEvent) => [...e.dataTransfer.types].includes('Files');

  const moveTo = (index: number) => {
    if (shown.length === 0) return;
    const next = Math.min(shown.length - 1, Math.max(0, index));
    setActive(next);
    tableRef.current?.focusRow(next);
  };
  const closeDetail = () => {
    showDetail(null);
    if (active >= 0) tableRef.current?.focusRow(active);
  };
  const current = shown[active];
  useCaseKeys({
    move: (delta) => moveTo(active + delta),
    open: () => openCaseLink(current && safeHref(current.url)),
    enter: () => current && showDetail({ kind: 'case', key: current.key }),
    search: () => searchRef.current?.focus(),
    help: () => setHelpOpen(true),
    escape: () => detail && closeDetail(),
  });
  const onDetails = useCallback(
    (key: string, index: number) => {
      setActive(index);
      showDetail({ kind: 'case', key });
    },
    [setActive, showDetail],
  );
  const caseActions = useCaseActions(byKey);
  const closeIfShown = (keys: string[]) => {
    if (detail?.kind === 'case' && keys.includes(detail.key)) showDetail(null);
  };
  // The table's rows are memoised: their menu calls one stable function with what was chosen.
  const menuRef = useRef<(c: StoredCase, index: number, action: RowMenuAction) => void>(() => undefined);
  useLayoutEffect(() => {
    menuRef.current = (c, index, action) => {
      if (action === 'details') onDetails(c.key, index);
      else if (action === 'open') openCaseLink(safeHref(c.url));
      else if (action === 'export') void caseActions.exportCsv([c.key]);
      else if (action === 'delete')
        void caseActions.remove([c.key]).then((deleted) => deleted && closeIfShown([c.key]));
      else void caseActions.snooze([c.key], action.snooze);
    };
  });
  const onMenu = useCallback(
    (c: StoredCase, index: number, action: RowMenuAction) => menuRef.current(c, index, action),
    [],
  );

  // A link from the reports page (dashboard.html#case=<key>) opens that case's details.
  useEffect(() => {
    const open = () => {
      const key = /^#case=(.+)$/.exec(location.hash)?.[1];
      if (key) showDetail({ kind: 'case', key: decodeURIComponent(key) });
    };
    open();
    addEventListener('hashchange', open);
    return () => removeEventListener('hashchange', open);
  }, [showDetail]);

  if (!cases) return <p>Loading…</p>;
  return (
    <main
      className={`dashboard${dropping ? ' dropping' : ''}`}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setDropping(true);
      }}
      onDragLeave={(e) => e.currentTarget === e.target && setDropping(false)}
      onDrop={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setDropping(false);
        addEmails([...e.dataTransfer.files]);
      }}
    >
      <header className="dashboard-header">
        <h1>Caseradar — all cases</h1>
        <a className="settings-link" href="/reports.html">
          Reports and charts
        </a>
        <a className="settings-link" href="/options.html">
          Settings
        </a>
        <button type="button" className="link-button" onClick={() => setHelpOpen(true)} aria-keyshortcuts="?">
          Keyboard shortcuts
        </button>
      </header>
      {reminders.length > 0 && (
        <section className="reminders" aria-labelledby="reminders-title" data-testid="escalation-reminders">
          <h2 id="reminders-title">Escalated and still overdue ({reminders.length})</h2>
          <ul>
            {reminders.map((r) => {
              const c = byKey.get(r.caseKey);
              if (!c) return null;
              return (
                <li key={r.caseKey}>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => showDetail({ kind: 'case', key: c.key })}
                  >
                    {vendorLabel(c)} #{c.caseId}
                  </button>{' '}
                  <span dir="auto">{c.title}</span>: {describeReminder(r)} — {r.reasons.join('; ')}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <CaseFilters cases={cases} searchRef={searchRef} onSearchFocus={() => setNeedsMessages(true)} />
      <div className="count-line">
        <p className="summary" data-testid="dashboard-count">
          {shown.length} of {cases.length} cases
        </p>
        <span data-testid="action-notice">
          <Notice notice={caseActions.notice} />
        </span>
      </div>
      <BulkActions
        keys={view.selected}
        actions={caseActions}
        onDeleted={() => {
          closeIfShown(view.selected);
          view.clearSelected();
        }}
      />
      <SelectionBar byKey={byKey} />
      <div className={`dashboard-body${detail ? ' with-detail' : ''}`}>
        <CaseTable
          cases={shown}
          now={now}
          calendar={policy}
          alerts={alerts}
          selected={view.selected}
          active={active}
          detailKey={detail?.kind === 'case' ? detail.key : null}
          sort={sort}
          onSort={view.sortBy}
          isCompact={!!detail}
          isStoreEmpty={cases.length === 0}
          apiRef={tableRef}
          onDetails={onDetails}
          onMenu={onMenu}
          onToggleSelect={view.toggleSelected}
          onFocusRow={setActive}
        />
        {detail?.kind === 'case' && (
          <ErrorBoundary key={detail.key} what="This case's details">
            <CaseDetail
              caseKey={detail.key}
              now={now}
              calendar={policy}
              alerts={alerts.get(detail.key)}
              reminder={remindersByKey.get(detail.key)}
              onClose={closeDetail}
              onEvidence={evidence}
              onDelete={async (c) => {
                if (await caseActions.remove([c.key])) closeDetail();
              }}
            />
          </ErrorBoundary>
        )}
        {detail?.kind === 'incident' && <IncidentDetail id={detail.id} now={now} onClose={closeDetail} />}
      </div>
      <IncidentList byKey={byKey} />
      <EmailImport
        batch={emailBatch}
        busy={readingEmails}
        byKey={byKey}
        onFiles={addEmails}
        onOpenCase={(key) => showDetail({ kind: 'case', key })}
      />
      <DataPanel shownKeys={shown.map((c) => c.key)} />
      <KeyHelp open={isHelpOpen} onClose={() => setHelpOpen(false)} lines={DASHBOARD_KEYS} />
    </main>
  );
}
