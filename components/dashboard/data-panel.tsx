import { useState } from 'react';
import browser from 'webextension-polyfill';
import { getDb } from '@/lib/store/db';
import {
  createBackup,
  parseBackup,
  planRestore,
  restoreBackup,
  type Backup,
  type RestorePlan,
} from '@/lib/export/backup';
import { EXPORT_FORMATS, exportCases, type ExportFormat } from '@/lib/export/formats';
import { printPath } from '@/lib/export/print-keys';
import type { ExportScope } from '@/lib/export/walk';
import { askForSweep } from '@/lib/core/messages';
import { originPattern } from '@/lib/background/tracking';
import { downloadBlob, stamp } from '../shared/download';

/** Export, backup and restore for the whole store or the cases the dashboard shows. */
/** Restored refresh schedules come back only for origins the user granted (or the families' own hosts). */
const GRANTS = { isGranted: (origin: string) => browser.permissions.contains({ origins: [originPattern(origin)] }) };

export function DataPanel({ shownKeys }: { shownKeys: string[] }) {
  const [format, setFormat] = useState<ExportFormat>('csv-events');
  const [scope, setScope] = useState<'all' | 'shown'>('all');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState<{ backup: Backup; merge: RestorePlan; replace: RestorePlan } | null>(null);

  const run = async (label: string, task: () => Promise<string | void>) => {
    setBusy(true);
    setMessage(null);
    try {
      const text = await task();
      setMessage({ ok: true, text: text ?? `${label} done.` });
    } catch (error) {
      setMessage({ ok: false, text: `${label} failed: ${(error as Error).message}` });
    } finally {
      setBusy(false);
    }
  };

  const exportNow = () =>
    run('Export', async () => {
      const selection: ExportScope = scope === 'all' ? { kind: 'all' } : { kind: 'keys', keys: shownKeys };
      const blob = await exportCases(getDb(), format, selection, new Date().toISOString());
      downloadBlob(blob, `caseradar-${format}-${stamp()}.${EXPORT_FORMATS[format].extension}`);
      return `Exported ${scope === 'all' ? 'all cases' : `${shownKeys.length} cases`} (${EXPORT_FORMATS[format].label}).`;
    });

  const backupNow = () =>
    run('Backup', async () => {
      const backup = await createBackup(getDb(), new Date().toISOString());
      downloadBlob(
        new Blob([JSON.stringify(backup)], { type: 'application/json' }),
        `caseradar-backup-${stamp()}.json`,
      );
      return `Backup saved: ${backup.tables.cases.length} cases, ${backup.tables.events.length} events.`;
    });

  const readFile = (file: File) =>
    run('Reading the backup', async () => {
      const backup = parseBackup(await file.text());
      const db = getDb();
      setPending({
        backup,
        merge: await planRestore(db, backup, 'merge', GRANTS),
        replace: await planRestore(db, backup, 'replace', GRANTS),
      });
      return `Backup of ${backup.createdAt} is valid: ${backup.tables.cases.length} cases, ${backup.tables.events.length} events. Choose how to restore it.`;
    });

  const restore = (mode: 'merge' | 'replace') =>
    run('Restore', async () => {
      if (!pending) return;
      if (
        mode === 'replace' &&
        !confirm('Replace everything stored now with this backup? Make a backup first if unsure.')
      )
        return 'Nothing changed.';
      await restoreBackup(getDb(), pending.backup, mode, GRANTS);
      setPending(null);
      await askForSweep();
      return `Restored (${mode}).`;
    });

  return (
    <section className="data-panel" aria-label="Export and backup">
      <h2>Export and backup</h2>
      <div className="row">
        <label>
          Format{' '}
          <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
            {(Object.keys(EXPORT_FORMATS) as ExportFormat[]).map((f) => (
              <option key={f} value={f}>
                {EXPORT_FORMATS[f].label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Cases{' '}
          <select value={scope} onChange={(e) => setScope(e.target.value as 'all' | 'shown')}>
            <option value="all">all</option>
            <option value="shown">the {shownKeys.length} shown</option>
          </select>
        </label>
        <button type="button" disabled={busy} onClick={() => void exportNow()}>
          Export
        </button>
        <button type="button" disabled={busy} onClick={() => window.open(printPath(shownKeys))}>
          Print / PDF
        </button>
      </div>
      <div className="row">
        <button type="button" disabled={busy} onClick={() => void backupNow()}>
          Back up everything
        </button>
        <label className="file">
          Restore from a backup…{' '}
          <input
            type="file"
            accept="application/json,.json"
            aria-label="Restore from a backup"
            onChange={(e) => e.target.files?.[0] && void readFile(e.target.files[0])}
          />
        </label>
      </div>
      {pending && (
        <div className="restore-plan" data-testid="restore-plan">
          <p>
            Merge: adds {pending.merge.tables.cases.add} cases and {pending.merge.tables.events.add} events, updates{' '}
            {pending.merge.tables.cases.update} older cases, removes nothing.
          </p>
          <PlanDetails plan={pending.merge} label="Merge also adds" count="add" />
          <p>
            Replace: the store becomes the backup ({pending.replace.tables.cases.add} cases);{' '}
            {pending.replace.tables.cases.remove} cases stored now are removed.
          </p>
          <PlanDetails plan={pending.replace} label="Replace brings in" count="add" />
          <PlanDetails plan={pending.replace} label="Replace removes" count="remove" />
          <button type="button" disabled={busy} onClick={() => void restore('merge')}>
            Merge
          </button>
          <button type="button" disabled={busy} onClick={() => void restore('replace')}>
            Replace
          </button>
          <button type="button" onClick={() => setPending(null)}>
            Cancel
          </button>
        </div>
      )}
      {message && (
        <p role="status" className={message.ok ? 'saved' : 'error'}>
          {message.text}
        </p>
      )}
    </section>
  );
}

/** The rest of the store, table by table, in words: schedules, recipes, tracked portals, settings too. */
const OTHER_TABLES: [Exclude<keyof RestorePlan['tables'], 'cases' | 'events'>, string][] = [
  ['refresh', 'background refresh schedules (paused until you turn them on)'],
  ['trackedOrigins', 'tracked portals'],
  ['recipes', 'recipes'],
  ['settings', 'settings'],
  ['contacts', 'vendor contacts'],
  ['workspaces', 'case workspaces'],
  ['incidents', 'incidents'],
  ['snoozes', 'snoozes'],
  ['portals', 'portal health records'],
  ['firedAlerts', 'alerts already notified'],
];

function PlanDetails({ plan, label, count }: { plan: RestorePlan; label: string; count: 'add' | 'remove' }) {
  const lines = OTHER_TABLES.filter(([t]) => plan.tables[t][count] > 0).map(
    ([t, words]) => `${plan.tables[t][count]} ${words}`,
  );
  if (lines.length === 0) return null;
  return (
    <p>
      {label}: {lines.join(', ')}.
    </p>
  );
}
