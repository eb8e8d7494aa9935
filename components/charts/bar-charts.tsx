import { scaleBand, scaleLinear } from 'd3-scale';
import { useId } from 'react';
import { formatShare, monthLabel } from '@/lib/charts/report-text';
import { ChartFrame, ChartSvg, useElementWidth } from './chart-frame';
import { WhoseDefs, WhoseRect, WhoseSwatch } from './patterns';

const LABEL_W = 150;
const VALUE_W = 70;
const ROW_H = 26;
const AXIS_H = 22;

/** A name short enough for the label column; the whole name is in the bar's <title> and the table. */
export const clip = (text: string, max = 22) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export interface BarDatum {
  key: string;
  label: string;
  value: number | null;
}

/**
 * One horizontal bar per row (a vendor), length by value, the value written at its end; a missing value
 * is said in words. Each bar carries data-value and a <title> with the number the table shows.
 */
export function HBarChart({
  id,
  title,
  unit,
  note,
  data,
  format,
}: {
  id: string;
  title: string;
  /** The value's unit in words, for titles and the table's heading: "business hours". */
  unit: string;
  note?: string;
  data: readonly BarDatum[];
  format: (v: number | null) => string;
}) {
  const [ref, width] = useElementWidth<HTMLDivElement>(420);
  const plotW = Math.max(60, width - LABEL_W - VALUE_W);
  const height = data.length * ROW_H + AXIS_H;
  const y = scaleBand<string>()
    .domain(data.map((d) => d.key))
    .range([0, data.length * ROW_H])
    .padding(0.25);
  const max = Math.max(0, ...data.map((d) => d.value ?? 0));
  const x = scaleLinear()
    .domain([0, max || 1])
    .nice(4)
    .range([0, plotW]);
  const table = (
    <table className="chart-data">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">Vendor</th>
          <th scope="col">{unit.charAt(0).toUpperCase() + unit.slice(1)}</th>
        </tr>
      </thead>
      <tbody>
        {data.map((d) => (
          <tr key={d.key} data-key={d.key}>
            <th scope="row">{d.label}</th>
            <td className="num">{format(d.value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <ChartFrame id={id} title={title} note={note} table={table}>
      <ChartSvg boxRef={ref} id={id} width={width} height={height}>
        <g transform={`translate(${LABEL_W},0)`}>
          {x.ticks(4).map((t) => (
            <g key={t} transform={`translate(${x(t)},0)`}>
              <line y1={0} y2={data.length * ROW_H} className="grid" />
              <text y={data.length * ROW_H + 14} className="tick-label" textAnchor="middle">
                {t}
              </text>
            </g>
          ))}
        </g>
        {data.map((d) => {
          const top = y(d.key) ?? 0;
          const shown = format(d.value);
          return (
            <g
              key={d.key}
              transform={`translate(0,${top})`}
              data-testid="bar"
              data-key={d.key}
              data-value={d.value ?? ''}
            >
              <title>{`${d.label}: ${d.value === null ? 'no data' : `${shown} ${unit}`}`}</title>
              <text x={LABEL_W - 6} y={y.bandwidth() / 2} className="bar-label" textAnchor="end" dy="0.35em">
                {clip(d.label)}
              </text>
              {d.value === null ? (
                <text x={LABEL_W + 4} y={y.bandwidth() / 2} dy="0.35em" className="bar-value muted-text">
                  no data
                </text>
              ) : (
                <>
                  <rect x={LABEL_W} width={Math.max(1, x(d.value))} height={y.bandwidth()} className="bar" />
                  <text x={LABEL_W + x(d.value) + 4} y={y.bandwidth() / 2} dy="0.35em" className="bar-value">
                    {shown}
                  </text>
                </>
              )}
            </g>
          );
        })}
      </ChartSvg>
    </ChartFrame>
  );
}

export interface ShareDatum {
  key: string;
  label: string;
  /** Share of the time on the vendor's move, 0–1; the rest is yours. Null when no time was counted. */
  vendorShare: number | null;
  vendorHours: string;
  youHours: string;
}

/** One 100% bar per vendor: the vendor's share solid, yours hatched, both percentages written beside it. */
export function ShareChart({
  id,
  title,
  note,
  data,
}: {
  id: string;
  title: string;
  note?: string;
  data: readonly ShareDatum[];
}) {
  const [ref, width] = useElementWidth<HTMLDivElement>(420);
  const prefix = useId().replace(/:/g, '');
  const valueW = VALUE_W + 40;
  const plotW = Math.max(60, width - LABEL_W - valueW);
  const y = scaleBand<string>()
    .domain(data.map((d) => d.key))
    .range([0, data.length * ROW_H])
    .padding(0.25);
  const x = scaleLinear().domain([0, 1]).range([0, plotW]);
  const words = (d: ShareDatum) =>
    d.vendorShare === null
      ? 'no time counted'
      : `${formatShare(d.vendorShare)} vendor, ${formatShare(1 - d.vendorShare)} you`;
  const table = (
    <table className="chart-data">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">Vendor</th>
          <th scope="col">Waiting on vendor</th>
          <th scope="col">Waiting on you</th>
          <th scope="col">Business hours (vendor / you)</th>
        </tr>
      </thead>
      <tbody>
        {data.map((d) => (
          <tr key={d.key} data-key={d.key}>
            <th scope="row">{d.label}</th>
            <td className="num">{formatShare(d.vendorShare)}</td>
            <td className="num">{d.vendorShare === null ? '—' : formatShare(1 - d.vendorShare)}</td>
            <td className="num">
              {d.vendorHours} / {d.youHours}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <ChartFrame id={id} title={title} note={note} table={table} className="chart-share">
      <ul className="legend" aria-label={`Legend of ${title}`}>
        <WhoseSwatch prefix={`${prefix}-sw-vendor`} whose="vendor" label="Waiting on the vendor (solid)" />
        <WhoseSwatch prefix={`${prefix}-sw-you`} whose="you" label="Waiting on you (hatched)" />
      </ul>
      <ChartSvg boxRef={ref} id={id} width={width} height={data.length * ROW_H + 4}>
        <WhoseDefs prefix={prefix} />
        {data.map((d) => {
          const top = y(d.key) ?? 0;
          const h = y.bandwidth();
          return (
            <g
              key={d.key}
              transform={`translate(0,${top})`}
              data-testid="bar"
              data-key={d.key}
              data-value={d.vendorShare ?? ''}
            >
              <title>{`${d.label}: ${words(d)}`}</title>
              <text x={LABEL_W - 6} y={h / 2} dy="0.35em" textAnchor="end" className="bar-label">
                {clip(d.label)}
              </text>
              {d.vendorShare === null ? (
                <rect x={LABEL_W} width={plotW} height={h} className="bar-empty" />
              ) : (
                <>
                  <WhoseRect prefix={prefix} whose="vendor" x={LABEL_W} width={x(d.vendorShare)} height={h} />
                  <WhoseRect
                    prefix={prefix}
                    whose="you"
                    x={LABEL_W + x(d.vendorShare)}
                    width={plotW - x(d.vendorShare)}
                    height={h}
                  />
                </>
              )}
              <text x={LABEL_W + plotW + 6} y={h / 2} dy="0.35em" className="bar-value">
                {d.vendorShare === null ? 'none' : `${formatShare(d.vendorShare)} / ${formatShare(1 - d.vendorShare)}`}
              </text>
            </g>
          );
        })}
      </ChartSvg>
    </ChartFrame>
  );
}

export interface MonthDatum {
  month: string;
  opened: number;
  closed: number;
}

/** Cases opened and closed per month: two columns a month, opened solid, closed cross-hatched, counts on top. */
export function MonthChart({
  id,
  title,
  note,
  data,
  children,
}: {
  id: string;
  title: string;
  note?: string;
  data: readonly MonthDatum[];
  /** Controls shown above the drawing (the vendor select). */
  children?: React.ReactNode;
}) {
  const [ref, width] = useElementWidth<HTMLDivElement>(420);
  const prefix = useId().replace(/:/g, '');
  const plotH = 120;
  const top = 16;
  const bottom = 22;
  const x0 = scaleBand<string>()
    .domain(data.map((d) => d.month))
    .range([8, Math.max(80, width - 8)])
    .paddingInner(0.25)
    .paddingOuter(0.1);
  const x1 = scaleBand<'opened' | 'closed'>().domain(['opened', 'closed']).range([0, x0.bandwidth()]).padding(0.08);
  const max = Math.max(1, ...data.map((d) => Math.max(d.opened, d.closed)));
  const y = scaleLinear().domain([0, max]).nice(4).range([plotH, 0]);
  // Every month labelled while there is room; otherwise one in three (the table has them all).
  const every = x0.bandwidth() < 34 ? 3 : 1;
  const table = (
    <table className="chart-data">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">Month</th>
          <th scope="col">Opened</th>
          <th scope="col">Closed</th>
        </tr>
      </thead>
      <tbody>
        {data.map((d) => (
          <tr key={d.month} data-key={d.month}>
            <th scope="row">{monthLabel(d.month)}</th>
            <td className="num">{d.opened}</td>
            <td className="num">{d.closed}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <ChartFrame id={id} title={title} note={note} table={table}>
      {children}
      <ul className="legend" aria-label={`Legend of ${title}`}>
        <WhoseSwatch prefix={`${prefix}-sw-vendor`} whose="vendor" label="Opened (solid)" />
        <WhoseSwatch prefix={`${prefix}-sw-resolved`} whose="resolved" label="Closed (cross-hatched)" />
      </ul>
      <ChartSvg boxRef={ref} id={id} width={width} height={plotH + top + bottom}>
        <WhoseDefs prefix={prefix} />
        <g transform={`translate(0,${top})`}>
          <line x1={0} x2={width} y1={plotH} y2={plotH} className="axis-line" />
          {data.map((d, i) => (
            <g key={d.month} transform={`translate(${x0(d.month) ?? 0},0)`}>
              {(['opened', 'closed'] as const).map((kind) => (
                <g
                  key={kind}
                  transform={`translate(${x1(kind) ?? 0},0)`}
                  data-testid="bar"
                  data-key={`${d.month}:${kind}`}
                  data-value={d[kind]}
                >
                  <title>{`${monthLabel(d.month)}: ${d[kind]} ${kind}`}</title>
                  <WhoseRect
                    prefix={prefix}
                    whose={kind === 'opened' ? 'vendor' : 'resolved'}
                    y={y(d[kind])}
                    width={x1.bandwidth()}
                    height={Math.max(0, plotH - y(d[kind]))}
                  />
                  <text x={x1.bandwidth() / 2} y={y(d[kind]) - 3} textAnchor="middle" className="bar-value">
                    {d[kind]}
                  </text>
                </g>
              ))}
              {i % every === 0 && (
                <text x={x0.bandwidth() / 2} y={plotH + 15} textAnchor="middle" className="tick-label">
                  {monthLabel(d.month)}
                </text>
              )}
            </g>
          ))}
        </g>
      </ChartSvg>
    </ChartFrame>
  );
}
