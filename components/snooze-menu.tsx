import { getDb } from '@/lib/db';
import { send } from '@/lib/messages';
import { loadPolicy } from '@/lib/settings';
import { SNOOZE_LABELS, snoozeCase, unsnoozeCase, type SnoozeOption } from '@/lib/snooze';

async function afterChange(): Promise<void> {
  // Let the background recompute the badge at once; the popup itself updates through live queries.
  await send('ui:sweep', {}).catch(() => undefined);
}

/** Snooze choices for one case, or "wake" when it is snoozed. */
export function SnoozeMenu({ caseKey, isSnoozed }: { caseKey: string; isSnoozed: boolean }) {
  if (isSnoozed) {
    return (
      <button type="button" className="link-button" onClick={() => void unsnoozeCase(getDb(), caseKey).then(afterChange)}>
        Wake
      </button>
    );
  }
  const snooze = async (option: SnoozeOption) => {
    const db = getDb();
    await snoozeCase(db, caseKey, option, new Date().toISOString(), await loadPolicy(db));
    await afterChange();
  };
  return (
    <details className="snooze">
      <summary>Snooze</summary>
      <div className="snooze-options" role="group" aria-label="Snooze for">
        {(Object.keys(SNOOZE_LABELS) as SnoozeOption[]).map((option) => (
          <button key={option} type="button" onClick={() => void snooze(option)}>
            {SNOOZE_LABELS[option]}
          </button>
        ))}
      </div>
    </details>
  );
}
