import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { getDb } from '@/lib/store/db';
import { createIncident, linkCases, mergeIncidentHistory, unlinkCase } from '@/lib/cases/incidents';
import { caseLabel, type StoredCase } from '@/lib/core/model';
import { Notice, useNotice } from '../shared/notice';
import { HistoryList } from './history-list';
import { useDashboardView } from '../shared/view-store';

/** Shown while cases are ticked: link them into a new incident or add them to one. */
export function SelectionBar({ byKey }: { byKey: Map<string, StoredCase> }) {
  const { selected, clearSelected, showDetail } = useDashboardView();
  const incidents = useLiveQuery(() => getDb().incidents.toArray(), []) ?? [];
  const [title, setTitle] = useState('');
  const [target, setTarget] = useState('');
  const { notice, run } = useNotice();
  if (selected.length === 0) return null;
  /** Links, then shows the incident; `task` returns the incident's id. */
  const link = (task: () => Promise<string>) =>
    run(async () => {
      const id = await task();
      clearSelected();
      setTitle('');
      showDetail({ kind: 'incident', id });
      return 'Linked.';
    });
  const now = () => new Date().toISOString();
  return (
    <div className="selection-bar" role="group" aria-label="Selection">
      <span data-testid="selected-count">
        {selected.length} selected: {selected.map((k) => (byKey.get(k) ? caseLabel(byKey.get(k)!) : k)).join(', ')}
      </span>
      <label>
        Incident name{' '}
        <input type="text" value={title} onChange={(e) => setTitle(e.target.value)} placeholder="e.g. Site B outage" />
      </label>
      <button
        type="button"
        disabled={selected.length < 2}
        onClick={() => void link(async () => (await createIncident(getDb(), title, selected, now())).id)}
      >
        Link into a new incident
      </button>
      {incidents.length > 0 && (
        <>
          <label>
            Add to incident{' '}
            <select value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="">choose…</option>
              {incidents.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.title}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            disabled={!target}
            onClick={() => void link(async () => (await linkCases(getDb(), target, selected, now()), target))}
          >
            Add
          </button>
        </>
      )}
      <button type="button" onClick={clearSelected}>
        Clear selection
      </button>
      <Notice notice={notice} />
    </div>
  );
}

/** Every incident, with its cases; opens the merged timeline. */
export function IncidentList({ byKey }: { byKey: Map<string, StoredCase> }) {
  const incidents = useLiveQuery(() => getDb().incidents.orderBy('id').toArray(), []);
  const showDetail = useDashboardView((s) => s.showDetail);
  if (!incidents || incidents.length === 0) return null;
  return (
    <section className="incidents panel" aria-labelledby="incidents-title">
      <h2 id="incidents-title">Incidents</h2>
      <ul>
        {incidents.map((inc) => (
          <li key={inc.id} data-testid="incident">
            <strong dir="auto">{inc.title}</strong>
            {inc.caseKeys.map((k) => (
              <span key={k} className="chip">
                {byKey.get(k) ? caseLabel(byKey.get(k)!) : k}
              </span>
            ))}
            <button type="button" onClick={() => showDetail({ kind: 'incident', id: inc.id })}>
              Show timeline
            </button>
            <button
              type="button"
              onClick={() =>
                confirm(`Delete the incident "${inc.title}"? Its cases stay.`) && void getDb().incidents.delete(inc.id)
              }
            >
              Delete incident
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One incident: its cases at several vendors and their events as one merged timeline. */
export function IncidentDetail({ id, now, onClose }: { id: string; now: Date; onClose: () => void }) {
  const db = getDb();
  const showDetail = useDashboardView((s) => s.showDetail);
  // One query, so that the incident, its cases and their events always belong together.
  const data = useLiveQuery(async () => {
    const incident = await db.incidents.get(id);
    const keys = incident?.caseKeys ?? [];
    const cases = (await db.cases.bulkGet(keys)).filter((c): c is StoredCase => !!c);
    const events = await db.events.where('caseKey').anyOf(keys).toArray();
    const workspaces = (await db.workspaces.bulkGet(keys)).filter((w) => !!w);
    return { id, incident, cases, events, workspaces };
  }, [id]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const isReady = data?.id === id;
  useEffect(() => headingRef.current?.focus(), [id, isReady]);
  const merged = useMemo(() => (data ? mergeIncidentHistory(data.cases, data.events, data.workspaces) : []), [data]);
  if (!data || !isReady) return null;
  if (!data.incident) {
    return (
      <section className="panel incident-detail" aria-label="Incident">
        <p>This incident was deleted.</p>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </section>
    );
  }
  const { cases } = data;
  const incident = data.incident;
  return (
    <section className="panel incident-detail" aria-labelledby="incident-title" data-testid="incident-detail">
      <div className="detail-head">
        <h2 id="incident-title" tabIndex={-1} ref={headingRef} dir="auto">
          Incident: {incident.title}
        </h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <ul>
        {cases.map((c) => (
          <li key={c.key}>
            <button type="button" className="link-button" onClick={() => showDetail({ kind: 'case', key: c.key })}>
              {caseLabel(c)}
            </button>{' '}
            <span dir="auto">{c.title}</span>{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => void unlinkCase(db, incident.id, c.key, new Date().toISOString())}
            >
              Unlink {caseLabel(c)}
            </button>
          </li>
        ))}
      </ul>
      <h3>Merged timeline</h3>
      <HistoryList items={merged} label={`Merged history of ${incident.title}`} now={now} />
    </section>
  );
}
