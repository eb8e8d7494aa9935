import { scaleBand, scaleLinear } from 'd3-scale';
import { useMemo } from 'react';
import { openAgeByVendor, OPEN_AGE_BUCKETS } from '@/lib/charts/open-age';
import type { StoredCase } from '@/lib/core/model';
import { clip } from './bar-charts';
import { ChartFrame, ChartSvg, useElementWidth } from './chart-frame';
import './charts.css';

const LABEL_W = 150;
const ROW_H = 26;
const HEAD_H = 22;

/**
 * How old the open cases are, per vendor: one row per vendor, one column per age bucket, each cell a
 * bar as long as its count with the count written beside it. Buckets are told by their column heading,
 * never by colour; the table carries the same counts.
 */
export function OpenAgeView({ cases, now }: { cases: readonly StoredCase[]; now: Date }) {
  const nowIso = now.toISOString();
  const rows = useMemo(() => openAgeByVendor(cases, nowIso), [cases, nowIso]);
  const [ref, width] = useElementWidth<HTMLDivElement>(720);
  const columns = scaleBand<string>()
    .domain(OPEN_AGE_BUCKETS.map((b) => b.id))
    .range([LABEL_W, Math.max(LABEL_W + 300, width)])
    .paddingInner(0.12);
  const max = Math.max(1, ...rows.flatMap((r) => r.counts));
  const bar = scaleLinear()
    .domain([0, max])
    .range([0, Math.max(10, columns.bandwidth() - 26)]);
  const total = rows.reduce((n, r) => n + r.total, 0);
  const title = 'Open cases by age';
  const table = (
    <table className="chart-data" data-testid="age-table">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">Vendor</th>
          {OPEN_AGE_BUCKETS.map((b) => (
            <th scope="col" key={b.id}>
              {b.label}
            </th>
          ))}
          <th scope="col">Open</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.portal} data-key={r.portal}>
            <th scope="row" dir="auto">
              {r.vendor}
            </th>
            {r.counts.map((n, i) => (
              <td className="num" key={OPEN_AGE_BUCKETS[i]!.id} data-bucket={OPEN_AGE_BUCKETS[i]!.id}>
                {n}
              </td>
            ))}
            <td className="num">{r.total}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (rows.length === 0) return <p>No open case.</p>;
  return (
    <ChartFrame
      id="open-age"
      title={title}
      note={`${total} open case${total === 1 ? '' : 's'}; age since the case was opened, in days of 24 hours.`}
      table={table}
      className="chart-wide"
    >
      <ChartSvg boxRef={ref} id="open-age" width={width} height={HEAD_H + rows.length * ROW_H + 4}>
        {OPEN_AGE_BUCKETS.map((b) => (
          <text key={b.id} x={columns(b.id) ?? 0} y={14} className="tick-label col-head">
            {b.label}
          </text>
        ))}
        {rows.map((r, ri) => (
          <g key={r.portal} transform={`translate(0,${HEAD_H + ri * ROW_H})`}>
            <line x1={0} x2={width} y1={ROW_H - 0.5} y2={ROW_H - 0.5} className="grid" />
            <text x={LABEL_W - 8} y={ROW_H / 2} dy="0.35em" textAnchor="end" className="bar-label">
              <title>{r.vendor}</title>
              {clip(r.vendor)}
            </text>
            {r.counts.map((n, i) => {
              const b = OPEN_AGE_BUCKETS[i]!;
              const left = columns(b.id) ?? 0;
              return (
                <g
                  key={b.id}
                  transform={`translate(${left},0)`}
                  data-testid="bar"
                  data-key={`${r.portal}:${b.id}`}
                  data-value={n}
                >
                  <title>{`${r.vendor}, ${b.label}: ${n} open case${n === 1 ? '' : 's'}`}</title>
                  {n > 0 && <rect y={6} width={Math.max(2, bar(n))} height={ROW_H - 12} className="bar" />}
                  <text x={n > 0 ? bar(n) + 4 : 0} y={ROW_H / 2} dy="0.35em" className="bar-value">
                    {n}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
      </ChartSvg>
    </ChartFrame>
  );
}
