/**
 * A case entered by hand goes on like any other: the next call, email or message is logged (who spoke,
 * what was said) and the state moves (waiting on us, solved, closed, reopened). Both go through the same
 * ingest as portal reads, so the history, quiet time and alerts follow.
 */
import { useState } from 'react';
import { STATE_LABELS } from '@/lib/cases/format';
import { logManualContact, setManualState } from '@/lib/cases/manual';
import { CASE_STATES, type CaseState, type MessageSide, type StoredCase } from '@/lib/core/model';
import { getDb } from '@/lib/store/db';

export function ManualFollowUp({ item }: { item: StoredCase }) {
  const [side, setSide] = useState<MessageSide>('vendor');
  const [text, setText] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const log = async () => {
    if (!text.trim()) return setStatus('Say what was said first.');
    await logManualContact(getDb(), item.key, side, text, new Date().toISOString());
    setText('');
    setStatus(side === 'vendor' ? 'Logged what the vendor said.' : 'Logged what you told the vendor.');
  };
  const move = async (state: CaseState) => {
    await setManualState(getDb(), item.key, state, new Date().toISOString());
    setStatus(`State set to ${STATE_LABELS[state]}.`);
  };
  return (
    <section className="manual-follow-up" aria-labelledby="follow-up-title" data-testid="manual-follow-up">
      <h3 id="follow-up-title">Follow up ({item.contactChannel ?? 'by hand'})</h3>
      <fieldset>
        <legend>Who spoke</legend>
        <label>
          <input type="radio" name="side" checked={side === 'vendor'} onChange={() => setSide('vendor')} />{' '}
          {item.vendorName ?? 'The vendor'}
        </label>{' '}
        <label>
          <input type="radio" name="side" checked={side === 'customer'} onChange={() => setSide('customer')} /> You
        </label>
      </fieldset>
      <label htmlFor="follow-up-text">What was said</label>
      <textarea id="follow-up-text" rows={3} maxLength={4000} value={text} onChange={(e) => setText(e.target.value)} />
      <div className="buttons">
        <button type="button" onClick={() => void log()}>
          Log it, dated now
        </button>{' '}
        <label htmlFor="follow-up-state">State</label>{' '}
        <select
          id="follow-up-state"
          value={item.state ?? ''}
          onChange={(e) => e.target.value && void move(e.target.value as CaseState)}
        >
          {item.state === null && <option value="">Unknown</option>}
          {CASE_STATES.map((s) => (
            <option key={s} value={s}>
              {STATE_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      {status && <p role="status">{status}</p>}
    </section>
  );
}
