import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db';
import { formatAgo } from '@/lib/format';
import { needsAttention } from '@/lib/ingest';
import { PROVIDER_NAMES } from '@/lib/model';
import { FAILURE_LABELS } from '@/lib/providers/types';

/** Portals we could not read last time: their cases are not being observed. */
export function BlindSpots({ now }: { now: Date }) {
  const portals = useLiveQuery(() => getDb().portals.toArray(), []);
  const failing = (portals ?? []).filter(needsAttention);
  if (failing.length === 0) return null;
  return (
    <section className="blind-spots" aria-label="Portals needing attention">
      {failing.map((p) => {
        const failure = p.lastError?.failure;
        const label = failure && failure !== 'rejected' ? FAILURE_LABELS[failure] : 'rejected data';
        return (
          <div key={p.key} className="blind-spot" data-testid="blind-spot" role="status">
            <strong>
              {PROVIDER_NAMES[p.provider]} ({new URL(p.origin).host}) needs attention
            </strong>
            : {label}.{' '}
            {p.lastSuccessAt ? `Last good read ${formatAgo(p.lastSuccessAt, now)}.` : 'Never read successfully.'}
          </div>
        );
      })}
    </section>
  );
}
