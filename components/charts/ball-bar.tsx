import { scaleTime } from 'd3-scale';
import { useId, useMemo } from 'react';
import type { Policy } from '@/lib/alerts/policy';
import { ballSegments, WHOSE, type BallTimeline } from '@/lib/charts/ball-segments';
import { ballSummary, businessHoursPhrase, crossingsOf, LIMIT_LABELS, WHOSE_LABELS } from '@/lib/charts/report-text';
import { formatWhen } from '@/lib/cases/format';
import type { CaseEvent, StoredCase } from '@/lib/core/model';
import { useElementWidth } from './chart-frame';
import { WhoseDefs, WhoseRect, WhoseSwatch } from './patterns';
import './charts.css';

const BAR_Y = 14;
const BAR_H = 18;
const AXIS_Y = BAR_Y + BAR_H + 12;
const HEIGHT = AXIS_Y + 18;
const PAD = 6;

const iso = (ms: number) => new Date(ms).toISOString();
const span = (from: number, to: number) => `${formatWhen(iso(from))} – ${formatWhen(iso(to))}`;

/**
 * A case's life as one horizontal bar, from its opening to now at the right edge: stretches by whose
 * move it was (pattern and colour, named in the legend), the moments a limit was passed (a flag and a
 * hatched band above the bar), and each message as a tick (vendor's above, yours below). Every stretch
 * and tick has a <title> with its exact times; a visually hidden table and summary carry the numbers.
 */
export function BallBar({
  item,
  events,
  policy,
  now,
}: {
  item: StoredCase;
  /** The case's events, any order. */
  events: readonly CaseEvent[];
  policy: Policy;
  now: Date;
}) {
  const nowIso = now.toISOString();
  const timeline = useMemo(() => ballSegments(item, events, policy, nowIso), [item, events, policy, nowIso]);
  return <BallBarChart timeline={timeline} now={Date.parse(nowIso)} label={`#${item.caseId}`} />;
}

/** The drawing of a computed timeline (also what BallBar renders). */
export function BallBarChart({ timeline, now, label }: { timeline: BallTimeline; now: number; label: string }) {
  const id = useId().replace(/:/g, '');
  const [ref, width] = useElementWidth<HTMLDivElement>(480);
  const tl = timeline;
  const x = scaleTime()
    .domain([new Date(tl.opened), new Date(Math.max(now, tl.opened + 60_000))])
    .range([PAD, Math.max(PAD + 40, width - PAD)]);
  const ticks = x.ticks(Math.max(2, Math.floor(width / 110)));
  const tickFormat = x.tickFormat();
  const crossings = crossingsOf(tl);
  const shownKinds = WHOSE.filter((w) => tl.segments.some((s) => s.whose === w));
  const summary = ballSummary(tl);
  const vendorTicks = tl.ticks.filter((t) => t.side === 'vendor').length;
  return (
    <div className="ball-bar" data-testid="ball-bar">
      <ul className="legend" aria-label={`Legend of the life of ${label}`}>
        {(shownKinds.length ? shownKinds : (['unknown'] as const)).map((w) => (
          <WhoseSwatch key={w} whose={w} prefix={`${id}-sw-${w}`} />
        ))}
        {crossings.length > 0 && (
          <li>
            <svg width="22" height="12" aria-hidden="true" className="swatch">
              <path d="M3 1v10M3 1h8l-2 3 2 3H3" className="limit-flag" />
            </svg>
            Limit passed (flag, hatched above)
          </li>
        )}
        <li>
          <svg width="14" height="12" aria-hidden="true" className="swatch">
            <line x1="4" x2="4" y1="0" y2="6" className="tick-vendor" />
            <line x1="10" x2="10" y1="6" y2="12" className="tick-you" />
          </svg>
          Messages: vendor above, yours below
        </li>
      </ul>
      <div ref={ref} className="chart-box">
        <svg
          width={width}
          height={HEIGHT}
          role="img"
          aria-label={`Life of ${label} by whose move, from ${formatWhen(iso(tl.opened))} to now`}
          aria-describedby={`${id}-summary`}
          tabIndex={0}
          className="chart-svg"
        >
          <WhoseDefs prefix={id} />
          {tl.segments.map((s) => (
            <WhoseRect
              key={s.from}
              prefix={id}
              whose={s.whose}
              x={x(s.from)}
              y={BAR_Y}
              width={Math.max(1, x(s.to) - x(s.from))}
              height={BAR_H}
              data-whose={s.whose}
            >
              <title>{`${WHOSE_LABELS[s.whose]}: ${span(s.from, s.to)}`}</title>
            </WhoseRect>
          ))}
          {crossings.map((c) => (
            <g key={`${c.limit}-${c.at}`} data-testid="limit-crossing">
              <title>{`${LIMIT_LABELS[c.limit]} from ${formatWhen(iso(c.at))} to ${c.until >= now ? 'now' : formatWhen(iso(c.until))} (clock from ${formatWhen(iso(c.since))})`}</title>
              <rect
                x={x(c.at)}
                y={BAR_Y - 5}
                width={Math.max(1, x(c.until) - x(c.at))}
                height={4}
                fill={`url(#${id}-over)`}
                className="over-band"
              />
              <path d={`M${x(c.at)} ${BAR_Y + BAR_H}V${BAR_Y - 12}h7l-2 3 2 3h-7`} className="limit-flag" />
            </g>
          ))}
          {tl.ticks.map((t, i) => (
            <line
              key={`${t.at}-${i}`}
              x1={x(t.at)}
              x2={x(t.at)}
              y1={t.side === 'vendor' ? BAR_Y - 8 : BAR_Y + BAR_H - 3}
              y2={t.side === 'vendor' ? BAR_Y + 3 : BAR_Y + BAR_H + 8}
              className={t.side === 'vendor' ? 'tick-vendor' : 'tick-you'}
            >
              <title>{`${t.side === 'vendor' ? 'Vendor message' : 'Your message'}: ${formatWhen(iso(t.at))}`}</title>
            </line>
          ))}
          {tl.closed && tl.end < now && (
            <line x1={x(tl.end)} x2={x(now)} y1={BAR_Y + BAR_H / 2} y2={BAR_Y + BAR_H / 2} className="after-close">
              <title>{`Closed ${formatWhen(iso(tl.end))}`}</title>
            </line>
          )}
          <line x1={x(now)} x2={x(now)} y1={2} y2={AXIS_Y - 6} className="now-line">
            <title>{`Now: ${formatWhen(iso(now))}`}</title>
          </line>
          {ticks.map((t) => (
            <text key={+t} x={x(t)} y={AXIS_Y + 6} textAnchor="middle" className="tick-label">
              {tickFormat(t)}
            </text>
          ))}
        </svg>
      </div>
      <p id={`${id}-summary`} className="visually-hidden">
        {summary}
      </p>
      <table className="visually-hidden">
        <caption>Life of {label} by whose move</caption>
        <thead>
          <tr>
            <th scope="col">Whose move</th>
            <th scope="col">Business hours</th>
            <th scope="col">Stretches</th>
          </tr>
        </thead>
        <tbody>
          {WHOSE.map((w) => (
            <tr key={w}>
              <th scope="row">{WHOSE_LABELS[w]}</th>
              <td>{businessHoursPhrase(tl.businessHours[w])}</td>
              <td>
                {tl.segments
                  .filter((s) => s.whose === w)
                  .map((s) => span(s.from, s.to))
                  .join('; ') || 'none'}
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">Limits passed</th>
            <td>{crossings.length}</td>
            <td>{crossings.map((c) => `${LIMIT_LABELS[c.limit]} ${span(c.at, c.until)}`).join('; ') || 'none'}</td>
          </tr>
          <tr>
            <th scope="row">Messages</th>
            <td>
              {vendorTicks} vendor, {tl.ticks.length - vendorTicks} yours
            </td>
            <td>
              {tl.ticks.map((t) => `${t.side === 'vendor' ? 'vendor' : 'you'} ${formatWhen(iso(t.at))}`).join('; ')}
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
