import { useState, type FormEvent } from 'react';
import { getDb } from '@/lib/store/db';
import { STATE_LABELS, SEVERITY_LABELS } from '@/lib/cases/format';
import { addManualCase, CONTACT_CHANNELS } from '@/lib/cases/manual';
import { askForSweep } from '@/lib/core/messages';
import { CASE_STATES, SEVERITIES } from '@/lib/core/model';

/** Adds a case that has no portal (phone, email, social media) to the timeline. */
export function ManualCaseForm({ onDone }: { onDone: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    try {
      await addManualCase(getDb(), { ...data, severity: data.severity || null }, new Date().toISOString());
      await askForSweep();
      onDone();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <form className="manual-case-form" aria-label="Add a case by hand" onSubmit={(e) => void submit(e)}>
      <label>
        Vendor <input name="vendorName" required maxLength={120} placeholder="Acme Fibre" />
      </label>
      <label>
        Their reference <input name="reference" maxLength={100} placeholder="optional" />
      </label>
      <label>
        Title <input name="title" required maxLength={500} />
      </label>
      <label>
        Contact by{' '}
        <select name="contactChannel" defaultValue="phone">
          {CONTACT_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <label>
        State{' '}
        <select name="state" defaultValue="open">
          {CASE_STATES.map((s) => (
            <option key={s} value={s}>
              {STATE_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Severity{' '}
        <select name="severity" defaultValue="">
          <option value="">not set</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {SEVERITY_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Link <input name="link" type="url" maxLength={2048} placeholder="https://… (optional)" />
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit">Add case</button>{' '}
      <button type="button" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}
