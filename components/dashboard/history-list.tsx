import type { HistoryItem } from '@/lib/cases/case-history';
import { formatAgo, formatWhen } from '@/lib/cases/format';

/** A vertical timeline, oldest first. Portal text (headings, messages) is rendered as text only. */
export function HistoryList({
  items,
  label,
  now,
}: {
  items: (HistoryItem & { caseLabel?: string })[];
  label: string;
  now: Date;
}) {
  if (items.length === 0) return <p className="empty">Nothing recorded yet.</p>;
  return (
    <>
      {/* The dots' colours, said once: the headings say the same in words, so colour is never alone. */}
      <p className="history-legend" aria-hidden="true">
        <span className="dot side-vendor" /> vendor <span className="dot side-customer" /> you{' '}
        <span className="dot kind-state" /> status or priority <span className="dot kind-escalation" /> escalation{' '}
        <span className="dot" /> other
      </p>
      <ol className="history" aria-label={label}>
        {items.map((item) => (
          <li
            key={item.id}
            className={`history-item kind-${item.kind}${item.side ? ` side-${item.side}` : ''}`}
            data-testid="history-item"
          >
            <time dateTime={item.at}>
              {formatWhen(item.at)} · {formatAgo(item.at, now)}
            </time>
            {item.caseLabel && <span className="history-case">{item.caseLabel}</span>}
            <span className="history-heading" dir="auto">
              {item.heading}
            </span>
            {item.text && (
              <p className="history-text" dir="auto">
                {item.text}
              </p>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
