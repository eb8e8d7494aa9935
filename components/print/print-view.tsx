import { useEffect, useState } from 'react';
import { getDb } from '@/lib/store/db';
import { walkCases, type CaseWithEvents } from '@/lib/export/walk';
import { vendorLabel } from '@/lib/core/model';

/** A print-ready history of the chosen cases (the browser's print dialog saves it as PDF). */
export function PrintView({ keys }: { keys: string[] | null }) {
  const [pages, setPages] = useState<CaseWithEvents[] | null>(null);
  useEffect(() => {
    void (async () => {
      const all: CaseWithEvents[] = [];
      for await (const page of walkCases(getDb(), keys ? { kind: 'keys', keys } : { kind: 'all' })) all.push(...page);
      setPages(all);
    })();
  }, [keys]);
  useEffect(() => {
    if (pages && !new URLSearchParams(location.search).has('noprint')) setTimeout(() => window.print(), 300);
  }, [pages]);
  if (!pages) return <p>Preparing…</p>;
  return (
    <main className="print">
      <h1>Caseradar — case histories</h1>
      <p>
        Printed {new Date().toISOString()} · {pages.length} cases
      </p>
      {pages.map(({ case: c, events }) => (
        <article key={c.key} className="print-case">
          <h2 dir="auto">
            {vendorLabel(c)} #{c.caseId}: {c.title}
          </h2>
          <p>
            State: {c.state ?? 'unknown'} ({c.vendorStatus ?? '—'}) · Severity: {c.severity ?? '—'} · Created{' '}
            {c.createdAt ?? '—'} · Last observed {c.lastObservedAt}
          </p>
          <ol>
            {events.map((e) => (
              <li key={e.id ?? `${e.type}${e.at}`}>
                {e.at} —{' '}
                {e.type === 'message' && e.message
                  ? `${e.message.side}${e.message.author ? ` (${e.message.author})` : ''}: ${e.message.text ?? ''}`
                  : `${e.type}: ${e.from ?? '—'} → ${e.to ?? '—'}`}
              </li>
            ))}
          </ol>
        </article>
      ))}
    </main>
  );
}
