/**
 * The dialog "Add to Caseradar" opens for a text selection: the case (found by a reference in the text,
 * else picked from the open cases), whose side it is, when, who wrote it, and the text itself, all
 * editable. The text came from a page: it is shown and stored as text only.
 */
import { format } from 'date-fns';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { addCaseMessage } from '@/lib/cases/case-messages';
import { findCase, guessAuthor } from '@/lib/cases/email-import';
import { isOpen } from '@/lib/alerts/urgency';
import { caseLabel, vendorLabel, type MessageSide } from '@/lib/core/model';
import { askForSweep } from '@/lib/core/messages';
import { getDb } from '@/lib/store/db';

export function AddSelection({ text, pageUrl, pageTitle }: { text: string; pageUrl: string; pageTitle: string }) {
  const cases = useLiveQuery(() => getDb().cases.toArray(), []);
  const found = useMemo(
    () => (cases ? findCase({ subject: text, body: null }, [], cases, { anyOpenCaseNumber: true }) : null),
    [cases, text],
  );
  const open = useMemo(
    () =>
      (cases ?? [])
        .filter((c) => isOpen(c) || c.key === found?.key)
        .sort((a, b) => vendorLabel(a).localeCompare(vendorLabel(b)) || a.caseId.localeCompare(b.caseId)),
    [cases, found],
  );
  const [picked, setPicked] = useState<string | null>(null);
  const [side, setSide] = useState<MessageSide>('vendor');
  const [when, setWhen] = useState(() => format(new Date(), "yyyy-MM-dd'T'HH:mm"));
  const [author, setAuthor] = useState(() => guessAuthor(text) ?? '');
  const [body, setBody] = useState(text);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const key = picked ?? found?.key ?? '';
  const host = URL.canParse(pageUrl) ? new URL(pageUrl).host : null;

  const save = async () => {
    const at = new Date(when);
    if (!key) return setStatus({ ok: false, text: 'Pick the case this belongs to.' });
    if (Number.isNaN(at.getTime())) return setStatus({ ok: false, text: 'Expected a date and time.' });
    if (!body.trim()) return setStatus({ ok: false, text: 'There is no text to add.' });
    try {
      const added = await addCaseMessage(
        getDb(),
        key,
        {
          at: at.toISOString(),
          author: author.trim() || null,
          side,
          text: body.trim().slice(0, 4000),
          via: 'selection',
        },
        new Date().toISOString(),
      );
      await askForSweep();
      const c = cases?.find((x) => x.key === key);
      const name = c ? caseLabel(c) : key;
      setStatus({ ok: true, text: added ? `Added to ${name}.` : `Already in the history of ${name}.` });
    } catch (error) {
      setStatus({ ok: false, text: `Not added: ${(error as Error).message}` });
    }
  };

  if (!cases) return <p>Loading…</p>;
  return (
    <main className="add-selection">
      <h1>Add to a case</h1>
      {host && (
        <p className="hint">
          Selected on <span dir="auto">{pageTitle || host}</span> ({host}).
        </p>
      )}
      <form onSubmit={(e) => (e.preventDefault(), void save())}>
        <label>
          Case
          <select value={key} onChange={(e) => setPicked(e.target.value)} data-testid="selection-case">
            <option value="">Pick a case…</option>
            {open.map((c) => (
              <option key={c.key} value={c.key}>
                {vendorLabel(c)} #{c.caseId} — {c.title.slice(0, 80)}
              </option>
            ))}
          </select>
        </label>
        {found?.key && !picked && <p className="hint">Found by the reference {found.reference} in the text.</p>}
        <fieldset>
          <legend>Who wrote it</legend>
          <label>
            <input type="radio" name="side" checked={side === 'vendor'} onChange={() => setSide('vendor')} /> The vendor
          </label>
          <label>
            <input type="radio" name="side" checked={side === 'customer'} onChange={() => setSide('customer')} /> You
            (or your team)
          </label>
        </fieldset>
        <label>
          Author <input value={author} onChange={(e) => setAuthor(e.target.value)} placeholder="optional" />
        </label>
        <label>
          When <input type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} />
        </label>
        <label>
          Text
          <textarea rows={10} value={body} onChange={(e) => setBody(e.target.value)} dir="auto" />
        </label>
        <div className="actions">
          <button type="submit">Add to case</button>
          <button type="button" onClick={() => window.close()}>
            Close
          </button>
        </div>
        {status && (
          <p role={status.ok ? 'status' : 'alert'} className={status.ok ? 'saved' : 'error'}>
            {status.text}
          </p>
        )}
      </form>
    </main>
  );
}
