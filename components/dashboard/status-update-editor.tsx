/**
 * The status update for the user's own end users: written from the case, then theirs to edit before
 * they copy it; "Next update by" adds the promise people ask for. A rewrite from the case is one click.
 */
import { useState } from 'react';
import { composeStatusUpdate, type StatusUpdateInput } from '@/lib/cases/status-update';
import { CopyButton } from '../shared/notice';

export function StatusUpdateEditor({ input }: { input: Omit<StatusUpdateInput, 'nextUpdateAt'> }) {
  const [nextUpdate, setNextUpdate] = useState('');
  // null: follow the case; a string: the user's own edit, kept until they rewrite it from the case.
  const [edited, setEdited] = useState<string | null>(null);
  const nextUpdateAt = nextUpdate && !Number.isNaN(Date.parse(nextUpdate)) ? new Date(nextUpdate).toISOString() : null;
  const generated = composeStatusUpdate({ ...input, nextUpdateAt });
  const text = edited ?? generated;
  return (
    <>
      <h3 id="status-update-title">Status update for your users</h3>
      <label className="next-update">
        Next update by{' '}
        <input type="datetime-local" value={nextUpdate} onChange={(e) => setNextUpdate(e.target.value)} />
      </label>
      <textarea
        className="status-update"
        aria-labelledby="status-update-title"
        rows={12}
        value={text}
        onChange={(e) => setEdited(e.target.value)}
      />
      <div className="buttons">
        <CopyButton label="Copy status update" text={() => text} copiedText="Status update copied." />
        {edited !== null && (
          <button type="button" onClick={() => setEdited(null)}>
            Rewrite from the case
          </button>
        )}
      </div>
    </>
  );
}
