import { useEffect, useState } from 'react';
import { getDb } from '@/lib/store/db';
import { walkCases, type CaseWithEvents } from '@/lib/export/walk';
import { vendorLabel } from '@/lib/core/model';
import { describeEvent } from '@/lib/cases/case-history';
import { formatWhen, portalWordBeside, SEVERITY_LABELS, STATE_LABELS } from '@/lib/cases/format';

/** "Waiting on you (the portal says “Pending customer action”)": ours, and the portal's word if it says more. */
function stateOf(c: CaseWithEvents['case']): string {
  const ours = c.state ? STATE_LABELS[c.state] : 'Unknown state';
  const theirs = portalWordBeside(ours, c.vendorStatus);
  return theirs ? `${ours} (the portal says “${theirs}”)` : ours;
}

/** A print-ready history of the chosen cases, in words, dates with their zone (the print dialog saves it as PDF). */
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
        Printed {formatWhen(new Date().toISOString())} · {pages.length} {pages.length === 1 ? 'case' : 'cases'}
      </p>
      {pages.map(({ case: c, events }) => (
        <article key={c.key} className="print-case">
          <h2 dir="auto">
            {vendorLabel(c)} #{c.caseId}: {c.title}
          </h2>
          <p>
            {stateOf(c)} · Severity {c.severity ? SEVERITY_LABELS[c.severity] : 'not given'} · Opened{' '}
            {c.createdAt ? formatWhen(c.createdAt) : 'at an unknown time'} · Last seen {formatWhen(c.lastObservedAt)}
          </p>
          <ol>
            {events.map((e) => {
              const item = describeEvent(e);
              return (
                <li key={item.id}>
                  {formatWhen(e.at)} — <span dir="auto">{item.heading}</span>
                  {item.text && (
                    <>
                      : <span dir="auto">{item.text}</span>
                    </>
                  )}
                </li>
              );
            })}
          </ol>
        </article>
      ))}
    </main>
  );
}
