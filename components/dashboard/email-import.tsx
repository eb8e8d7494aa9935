/**
 * Vendor emails dropped on the dashboard (or picked): each is filed under its case by the vendor's
 * reference, or offered as a new case. Email text is shown as text only, like portal text.
 */
import { useState } from 'react';
import { readEmailFiles, type ParsedEmail } from '@/lib/capture/email/parse-email';
import { formatWhen } from '@/lib/cases/format';
import { createCaseFromEmail, importEmails, type EmailOutcome } from '@/lib/cases/email-import';
import { caseLabel, type StoredCase } from '@/lib/core/model';
import { getDb } from '@/lib/store/db';
import { askForSweep } from '@/lib/core/messages';

export interface EmailBatch {
  outcomes: EmailOutcome[];
  errors: string[];
}

/** Reads and files the files of one drop or pick; errors name the file and lose nothing else. */
export async function importEmailFiles(files: File[]): Promise<EmailBatch> {
  const read = await readEmailFiles(
    await Promise.all(files.map(async (f) => ({ name: f.name, bytes: await f.arrayBuffer() }))),
  );
  const outcomes = await importEmails(getDb(), read.emails, new Date().toISOString());
  // The badge and alerts follow at once: a vendor's email resets "vendor quiet".
  if (outcomes.some((o) => o.kind === 'added')) await askForSweep();
  return { outcomes, errors: read.errors };
}

const when = (email: ParsedEmail) => (email.sentAt ? formatWhen(email.sentAt) : 'undated');

function NewCaseOffer({
  outcome,
  onCreated,
}: {
  outcome: Extract<EmailOutcome, { kind: 'no-case' }>;
  onCreated: (key: string) => void;
}) {
  const [fields, setFields] = useState(outcome.prefill);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Create a case from it
      </button>
    );
  const create = async () => {
    try {
      onCreated(await createCaseFromEmail(getDb(), outcome.email, fields, new Date().toISOString()));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <form
      className="email-new-case"
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <label>
        Vendor{' '}
        <input value={fields.vendorName} onChange={(e) => setFields({ ...fields, vendorName: e.target.value })} />
      </label>
      <label>
        Their reference{' '}
        <input value={fields.reference} onChange={(e) => setFields({ ...fields, reference: e.target.value })} />
      </label>
      <label>
        Title <input value={fields.title} onChange={(e) => setFields({ ...fields, title: e.target.value })} />
      </label>
      <button type="submit">Create case</button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}

/** The result of the last drop, and a picker for those who would rather not drag. */
export function EmailImport({
  batch,
  busy,
  byKey,
  onFiles,
  onOpenCase,
}: {
  batch: EmailBatch | null;
  busy: boolean;
  byKey: Map<string, StoredCase>;
  onFiles: (files: File[]) => void;
  onOpenCase: (key: string) => void;
}) {
  const [created, setCreated] = useState<Map<ParsedEmail, string>>(new Map());
  const caseName = (key: string) => {
    const c = byKey.get(key);
    return c ? caseLabel(c) : key;
  };
  return (
    <section className="email-import" aria-labelledby="email-import-title" data-testid="email-import">
      <h2 id="email-import-title">Vendor emails</h2>
      <p className="hint">
        Drop saved emails (<code>.eml</code>, or an <code>.mbox</code>) anywhere on this page, or{' '}
        <label className="link-button">
          pick them
          <input
            type="file"
            className="visually-hidden"
            multiple
            accept=".eml,.mbox,message/rfc822"
            data-testid="email-files"
            onChange={(e) => {
              onFiles([...(e.target.files ?? [])]);
              e.target.value = '';
            }}
          />
        </label>
        . Each is added to its case by the vendor&apos;s reference in it; nothing is sent anywhere.
      </p>
      {busy && <p role="status">Reading emails…</p>}
      {batch && (
        <div role="status" data-testid="email-results">
          <p>
            {batch.outcomes.filter((o) => o.kind === 'added').length} added,{' '}
            {batch.outcomes.filter((o) => o.kind === 'already').length} already on record,{' '}
            {batch.outcomes.filter((o) => o.kind === 'no-case' || o.kind === 'no-date').length} without a case
            {batch.errors.length ? `, ${batch.errors.length} unreadable` : ''}.
          </p>
          <ul>
            {batch.outcomes.map((o, i) => (
              <li key={i} data-testid="email-outcome" className={`email-outcome outcome-${o.kind}`}>
                <span dir="auto" className="email-subject">
                  {o.email.subject}
                </span>{' '}
                <span className="email-meta">
                  — {o.email.from?.address ?? 'unknown sender'}, {when(o.email)}
                </span>
                <br />
                {o.kind === 'added' && (
                  <>
                    Added to{' '}
                    <button type="button" className="link-button" onClick={() => onOpenCase(o.key)}>
                      {caseName(o.key)}
                    </button>{' '}
                    as {o.side === 'customer' ? 'your message' : "the vendor's message"}.
                  </>
                )}
                {o.kind === 'already' && <>Already in the history of {caseName(o.key)}.</>}
                {o.kind === 'no-date' && <>Not added: it has no readable Date header to place it in time.</>}
                {o.kind === 'no-case' &&
                  (created.get(o.email) ? (
                    <>
                      Created{' '}
                      <button type="button" className="link-button" onClick={() => onOpenCase(created.get(o.email)!)}>
                        {caseName(created.get(o.email)!)}
                      </button>
                      .
                    </>
                  ) : (
                    <>
                      {o.ambiguous
                        ? `Its reference ${o.prefill.reference} fits ${o.ambiguous} cases; not guessed. `
                        : 'No case of yours matches it. '}
                      <NewCaseOffer outcome={o} onCreated={(key) => setCreated((m) => new Map(m).set(o.email, key))} />
                    </>
                  ))}
                {o.email.attachments.length > 0 && (
                  <span className="email-attachments">
                    {' '}
                    Attachments (not kept):{' '}
                    {o.email.attachments
                      .map((a) => `${a.name} (${Math.max(1, Math.round(a.size / 1024))} KB)`)
                      .join(', ')}
                  </span>
                )}
              </li>
            ))}
            {batch.errors.map((error, i) => (
              <li key={`e${i}`} className="email-outcome outcome-error" role="alert">
                {error}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
