import { getDb } from '@/lib/store/db';
import { askForSweep } from '@/lib/core/messages';
import { loadPolicy } from '@/lib/alerts/settings';
import { SNOOZE_LABELS, snoozeCase, unsnoozeCase, type SnoozeOption } from '@/lib/alerts/snooze';

/** Snoozes a case now with the user's policy, then lets the background recount. */
export async function applySnooze(caseKey: string, option: SnoozeOption): Promise<void> {
  const db = getDb();
  await snoozeCase(db, caseKey, option, new Date().toISOString(), await loadPolicy(db));
  await askForSweep();
}

/** Snooze choices for one case, or "wake" when it is snoozed. */
export function SnoozeMenu({ caseKey, isSnoozed }: { caseKey: string; isSnoozed: boolean }) {
  if (isSnoozed) {
    return (
      <button
        type="button"
        className="link-button"
        onClick={() => void unsnoozeCase(getDb(), caseKey).then(askForSweep)}
      >
        Wake
      </button>
    );
  }
  return (
    <details
      className="snooze"
      onKeyDown={(e) => {
        // Escape closes the menu and returns to its summary, as a menu button does.
        if (e.key !== 'Escape' || !e.currentTarget.open) return;
        e.stopPropagation();
        e.currentTarget.open = false;
        e.currentTarget.querySelector('summary')?.focus();
      }}
    >
      <summary>Snooze</summary>
      <div className="snooze-options" role="group" aria-label="Snooze for">
        {(Object.keys(SNOOZE_LABELS) as SnoozeOption[]).map((option) => (
          <button key={option} type="button" onClick={() => void applySnooze(caseKey, option)}>
            {SNOOZE_LABELS[option]}
          </button>
        ))}
      </div>
    </details>
  );
}
