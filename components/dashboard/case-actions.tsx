/**
 * What the dashboard does to one case (its row menu) or to the ticked ones (the bulk bar): snooze, done
 * until the vendor acts, export, delete. One notice says what happened, or why not.
 */
import { useState } from 'react';
import { getDb } from '@/lib/store/db';
import { askForSweep } from '@/lib/core/messages';
import { loadPolicy } from '@/lib/alerts/settings';
import { SNOOZE_LABELS, snoozeCases, type SnoozeOption } from '@/lib/alerts/snooze';
import { deleteCases } from '@/lib/cases/dashboard-actions';
import { exportCases } from '@/lib/export/formats';
import { formatWhen } from '@/lib/cases/format';
import { caseLabel, type StoredCase } from '@/lib/core/model';
import { downloadBlob, stamp } from '../shared/download';
import { useNotice } from '../shared/notice';
import { ActionMenu, type MenuItem } from '../shared/menu';

export type SnoozeChoice = SnoozeOption | { untilDay: string };

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export function useCaseActions(byKey: Map<string, StoredCase>) {
  const { notice, run } = useNotice();
  const name = (keys: string[]) => {
    const one = keys.length === 1 ? byKey.get(keys[0]!) : undefined;
    return one ? caseLabel(one) : plural(keys.length, 'case');
  };
  const nowIso = () => new Date().toISOString();

  const snooze = (keys: string[], choice: SnoozeChoice) =>
    run(async () => {
      const db = getDb();
      const policy = await loadPolicy(db);
      const n = await snoozeCases(db, keys, choice, nowIso(), policy);
      await askForSweep();
      if (choice === 'vendor') return `${name(keys)}: done until the vendor acts.`;
      const until = (await db.snoozes.get(keys[0]!))?.until;
      return `Snoozed ${n === keys.length ? name(keys) : plural(n, 'case')}${until ? ` until ${formatWhen(until, policy.timeZone)}` : ''}.`;
    }, 'Not snoozed: ');

  const exportCsv = (keys: string[]) =>
    run(async () => {
      const blob = await exportCases(getDb(), 'csv-cases', { kind: 'keys', keys }, nowIso());
      downloadBlob(blob, `caseradar-cases-${stamp()}.csv`);
      return `Exported ${name(keys)} (CSV).`;
    }, 'Not exported: ');

  /** Deletes once the user confirms; resolves to whether it did. */
  const remove = async (keys: string[]): Promise<boolean> => {
    if (
      !confirm(
        `Delete ${name(keys)} with all history? Only a backup can bring ${keys.length === 1 ? 'it' : 'them'} back.`,
      )
    )
      return false;
    let done = false;
    await run(async () => {
      await deleteCases(getDb(), keys, nowIso());
      await askForSweep();
      done = true;
      return `Deleted ${name(keys)}.`;
    }, 'Not deleted: ');
    return done;
  };

  return { notice, snooze, exportCsv, remove };
}

export type CaseActions = ReturnType<typeof useCaseActions>;

/** The snooze choices as menu items; `prefix` ("Snooze ") where they share a menu with other actions. */
export const snoozeItems = (act: (choice: SnoozeOption) => void, prefix = ''): MenuItem[] =>
  (Object.keys(SNOOZE_LABELS) as SnoozeOption[]).map((option) => ({
    label: option === 'vendor' ? SNOOZE_LABELS[option] : `${prefix}${SNOOZE_LABELS[option]}`,
    onSelect: () => act(option),
  }));

/** The bar over the table while cases are ticked: snooze (to a menu choice or a day), done, export, delete. */
export function BulkActions({
  keys,
  actions,
  onDeleted,
}: {
  keys: string[];
  actions: CaseActions;
  onDeleted: () => void;
}) {
  const [day, setDay] = useState('');
  if (keys.length === 0) return null;
  return (
    <div className="bulk-actions" role="group" aria-label={`Actions on the ${plural(keys.length, 'selected case')}`}>
      <strong>{plural(keys.length, 'case')} selected:</strong>
      <ActionMenu
        label="Snooze the selected cases"
        trigger="Snooze ▾"
        items={snoozeItems((option) => void actions.snooze(keys, option))}
      />
      <label>
        or until{' '}
        <input type="date" value={day} onChange={(e) => setDay(e.target.value)} aria-label="Snooze until the day" />
      </label>
      <button type="button" disabled={!day} onClick={() => void actions.snooze(keys, { untilDay: day })}>
        Snooze until then
      </button>
      <button type="button" onClick={() => void actions.snooze(keys, 'vendor')}>
        Done until the vendor acts
      </button>
      <button type="button" onClick={() => void actions.exportCsv(keys)}>
        Export (CSV)
      </button>
      <button
        type="button"
        className="danger"
        onClick={() => void actions.remove(keys).then((deleted) => deleted && onDeleted())}
      >
        Delete…
      </button>
    </div>
  );
}
