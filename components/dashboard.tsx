import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { getDb } from '@/lib/db';
import { buildEvidence } from '@/lib/export/evidence';
import { formatAgo, safeHref, SEVERITY_LABELS, STATE_LABELS } from '@/lib/format';
import { PROVIDER_NAMES, type StoredCase } from '@/lib/model';
import { compareUrgency } from '@/lib/urgency';
import { DataPanel } from './data-panel';
import { downloadBlob, stamp } from './download';
import { useNow } from './use-now';

function matches(c: StoredCase, query: string): boolean {
  if (!query) return true;
  const q = query.toLowerCase();
  return [c.caseId, c.title, PROVIDER_NAMES[c.provider], c.vendorStatus ?? ''].some((v) => v.toLowerCase().includes(q));
}

/** Every case, open and closed, with search, per-case evidence and deletion, and the data panel. */
export function Dashboard() {
  const now = useNow();
  const [query, setQuery] = useState('');
  const cases = useLiveQuery(() => getDb().cases.toArray(), []);
  if (!cases) return <p>Loading…</p>;
  const shown = cases.filter((c) => matches(c, query)).sort(compareUrgency);

  const evidence = async (c: StoredCase) => {
    const bundle = await buildEvidence(getDb(), c.key, new Date().toISOString());
    downloadBlob(new Blob([JSON.stringify(bundle, null, 2)], { type: 'application/json' }), `caseradar-evidence-${c.provider}-${c.caseId}-${stamp()}.json`);
  };
  const remove = async (c: StoredCase) => {
    if (!confirm(`Delete ${PROVIDER_NAMES[c.provider]} #${c.caseId} and its history? Only a backup can bring it back.`)) return;
    const db = getDb();
    await db.transaction('rw', [db.cases, db.events, db.snoozes, db.firedAlerts], async () => {
      await db.events.where('caseKey').equals(c.key).delete();
      await db.snoozes.delete(c.key);
      await db.firedAlerts.where('caseKey').equals(c.key).delete();
      await db.cases.delete(c.key);
    });
  };

  return (
    <main className="dashboard">
      <h1>Caseradar — all cases</h1>
      <label className="search">
        Search <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="id, title, provider, status" />
      </label>
      <p className="summary" data-testid="dashboard-count">{shown.length} of {cases.length} cases</p>
      <table className="cases-table">
        <thead>
          <tr><th>Provider</th><th>Case</th><th>Title</th><th>State</th><th>Severity</th><th>Seen</th><th>Actions</th></tr>
        </thead>
        <tbody>
          {shown.map((c) => (
            <tr key={c.key} data-testid="dashboard-row">
              <td>{PROVIDER_NAMES[c.provider]}</td>
              <td>#{c.caseId}</td>
              <td dir="auto"><a href={safeHref(c.url)} target="_blank" rel="noreferrer noopener">{c.title}</a></td>
              <td>{c.state ? STATE_LABELS[c.state] : 'Unknown'} <span className="vendor-status">({c.vendorStatus ?? '—'})</span></td>
              <td>{c.severity ? SEVERITY_LABELS[c.severity] : '—'}</td>
              <td>{formatAgo(c.lastObservedAt, now)}</td>
              <td>
                <button type="button" onClick={() => void evidence(c)}>Evidence</button>{' '}
                <button type="button" onClick={() => void remove(c)}>Delete</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <DataPanel shownKeys={shown.map((c) => c.key)} />
    </main>
  );
}
