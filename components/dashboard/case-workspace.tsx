import { format } from 'date-fns';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { getDb, type CaseWorkspace } from '@/lib/store/db';
import type { StoredCase } from '@/lib/core/model';
import { formatInfoPack, loadWorkspace, saveWorkspace } from '@/lib/cases/workspace';
import { CopyButton, Notice, useNotice } from '../shared/notice';

/** ISO instant ⇄ the value of a datetime-local input (the user's local time, minutes). */
const toLocalInput = (iso: string | null) => (iso ? format(new Date(iso), "yyyy-MM-dd'T'HH:mm") : '');
const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : null);

/** The user's notes, info pack and escalation for one case. */
export function CaseWorkspacePanel({ item }: { item: StoredCase }) {
  const stored = useLiveQuery(() => loadWorkspace(getDb(), item.key), [item.key]);
  // A live query answers the previous case until the new one is read: wait for the right row.
  if (stored?.caseKey !== item.key) return null;
  return <WorkspaceForm key={item.key} item={item} initial={stored} />;
}

function WorkspaceForm({ item, initial }: { item: StoredCase; initial: CaseWorkspace }) {
  const [ws, setWs] = useState(initial);
  const { notice, run } = useNotice();
  const esc = ws.escalation ?? { level: '', contact: '', escalatedAt: null };
  const setPack = (patch: Partial<CaseWorkspace['infoPack']>) =>
    setWs({ ...ws, infoPack: { ...ws.infoPack, ...patch } });
  const setEsc = (patch: Partial<typeof esc>) => setWs({ ...ws, escalation: { ...esc, ...patch } });
  const save = () =>
    run(async () => {
      setWs(await saveWorkspace(getDb(), ws, new Date().toISOString()));
      return 'Workspace saved.';
    }, 'Not saved: ');
  const id = (name: string) => `ws-${name}`;
  return (
    <form className="workspace" aria-labelledby={id('title')} onSubmit={(e) => (e.preventDefault(), void save())}>
      <h3 id={id('title')}>Workspace</h3>
      <label htmlFor={id('notes')}>Notes (only for you)</label>
      <textarea id={id('notes')} rows={3} value={ws.notes} onChange={(e) => setWs({ ...ws, notes: e.target.value })} />

      <h3>Info pack</h3>
      <label htmlFor={id('env')}>Environment</label>
      <textarea
        id={id('env')}
        rows={2}
        value={ws.infoPack.environment}
        onChange={(e) => setPack({ environment: e.target.value })}
        placeholder="Tenant, region, versions, affected resources"
      />
      <label htmlFor={id('repro')}>Steps to reproduce</label>
      <textarea
        id={id('repro')}
        rows={2}
        value={ws.infoPack.repro}
        onChange={(e) => setPack({ repro: e.target.value })}
      />
      <label htmlFor={id('impact')}>Business impact</label>
      <textarea
        id={id('impact')}
        rows={2}
        value={ws.infoPack.impact}
        onChange={(e) => setPack({ impact: e.target.value })}
        placeholder="Who is affected and how; shown in status updates"
      />
      <div className="buttons">
        <CopyButton label="Copy info pack" text={() => formatInfoPack(item, ws)} copiedText="Info pack copied." />
      </div>

      <h3>Escalation</h3>
      <label htmlFor={id('level')}>Escalation level</label>
      <input
        id={id('level')}
        type="text"
        value={esc.level}
        onChange={(e) => setEsc({ level: e.target.value })}
        placeholder="e.g. 2, duty manager"
      />
      <label htmlFor={id('contact')}>Escalation engineer or advocate</label>
      <input id={id('contact')} type="text" value={esc.contact} onChange={(e) => setEsc({ contact: e.target.value })} />
      <label htmlFor={id('at')}>Escalated at</label>
      <input
        id={id('at')}
        type="datetime-local"
        value={toLocalInput(esc.escalatedAt)}
        onChange={(e) => setEsc({ escalatedAt: fromLocalInput(e.target.value) })}
      />
      <div className="buttons">
        <button type="button" onClick={() => setEsc({ escalatedAt: new Date().toISOString() })}>
          Escalated just now
        </button>
        <button type="submit">Save workspace</button>
        <Notice notice={notice} />
      </div>
    </form>
  );
}
