import { useMemo, useState } from 'react';
import type { Policy } from '@/lib/alerts/policy';
import { formatWhen } from '@/lib/cases/format';
import {
  formatHours,
  monthTotals,
  SCORECARD_HEADINGS,
  scorecardCell,
  scorecardCsv,
  scorecardMonthsCsv,
} from '@/lib/charts/report-text';
import { buildScorecard, SCORECARD_COLUMNS, type ScorecardInput } from '@/lib/charts/scorecard';
import type { CaseEvent, StoredCase } from '@/lib/core/model';
import { downloadBlob, stamp } from '../shared/download';
import { HBarChart, MonthChart, ShareChart } from './bar-charts';
import './charts.css';

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
export const PERIODS = [30, 90, 365] as const;
type Period = (typeof PERIODS)[number];
const TABLE_COLUMNS = SCORECARD_COLUMNS.filter((c) => c !== 'portal');

/**
 * Per vendor portal over the last 30, 90 or 365 days: the scorecard table (buildScorecard) beside bar
 * charts of its medians, whose move the time was, and cases opened and closed per month. The table and
 * months export as CSV, each chart as SVG and PNG; "Print monthly report" prints the scorecard.
 */
export function ScorecardView({
  cases,
  events,
  policy,
  stateOfLabel,
  now,
}: {
  cases: readonly StoredCase[];
  events: ReadonlyMap<string, CaseEvent[]>;
  policy: Policy;
  stateOfLabel?: ScorecardInput['stateOfLabel'];
  now: Date;
}) {
  const [period, setPeriod] = useState<Period>(30);
  const [monthVendor, setMonthVendor] = useState('');
  const nowMs = now.getTime();
  const from = nowMs - period * DAY_MS;
  const card = useMemo(
    () =>
      buildScorecard({
        cases,
        events,
        policy,
        from: iso(from),
        to: iso(nowMs + 1),
        nowIso: iso(nowMs),
        ...(stateOfLabel ? { stateOfLabel } : {}),
      }),
    [cases, events, policy, from, nowMs, stateOfLabel],
  );
  const rows = card.rows;
  const months = useMemo(() => monthTotals(card.months, monthVendor || null), [card.months, monthVendor]);
  const periodText = `last ${period} days, ${formatWhen(iso(from))} to ${formatWhen(iso(nowMs))}`;
  const vendorOf = (portal: string) => rows.find((r) => r.portal === portal)?.vendor ?? portal;

  return (
    <div className="scorecard">
      <div className="scorecard-controls">
        <label>
          Period{' '}
          <select value={period} onChange={(e) => setPeriod(Number(e.target.value) as Period)}>
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                Last {p} days
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() =>
            downloadBlob(
              new Blob([scorecardCsv(rows)], { type: 'text/csv;charset=utf-8' }),
              `caseradar-scorecard-${period}d-${stamp()}.csv`,
            )
          }
        >
          Export table as CSV
        </button>
        <button
          type="button"
          onClick={() =>
            downloadBlob(
              new Blob([scorecardMonthsCsv(card.months)], { type: 'text/csv;charset=utf-8' }),
              `caseradar-scorecard-months-${period}d-${stamp()}.csv`,
            )
          }
        >
          Export months as CSV
        </button>
        <button type="button" onClick={() => window.print()}>
          Print monthly report
        </button>
      </div>
      <p className="print-only print-title">
        Caseradar vendor report — {periodText}. Printed {formatWhen(iso(nowMs))}.
      </p>
      {rows.length === 0 ? (
        <p>No case was alive in this period.</p>
      ) : (
        <>
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Vendor scorecard table">
            <table className="chart-data scorecard-table" data-testid="scorecard-table">
              <caption>Vendor scorecard, {periodText}. Hours are business hours.</caption>
              <thead>
                <tr>
                  {TABLE_COLUMNS.map((c) => (
                    <th scope="col" key={c}>
                      {SCORECARD_HEADINGS[c]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.portal} data-key={r.portal}>
                    {TABLE_COLUMNS.map((c) =>
                      c === 'vendor' ? (
                        <th scope="row" key={c} dir="auto">
                          {r.vendor}
                        </th>
                      ) : (
                        <td key={c} className="num" data-column={c}>
                          {scorecardCell(r, c)}
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="chart-grid">
            <HBarChart
              id="first-response"
              title="Median first response"
              unit="business hours"
              note="Business hours from opening to the vendor's first message, cases opened in the period."
              data={rows.map((r) => ({ key: r.portal, label: r.vendor, value: r.medianFirstResponseHours }))}
              format={formatHours}
            />
            <HBarChart
              id="reply-time"
              title="Median reply time"
              unit="business hours"
              note="Business hours from your message to the vendor's next one."
              data={rows.map((r) => ({ key: r.portal, label: r.vendor, value: r.medianReplyHours }))}
              format={formatHours}
            />
            <ShareChart
              id="waiting-share"
              title="Time waiting on the vendor vs on you"
              note="Share of the business hours in the period on each side's move (on hold and resolved left out)."
              data={rows.map((r) => ({
                key: r.portal,
                label: r.vendor,
                vendorShare: r.vendorShare,
                vendorHours: formatHours(r.waitingOnVendorHours),
                youHours: formatHours(r.waitingOnYouHours),
              }))}
            />
            <MonthChart
              id="per-month"
              title="Opened and closed per month"
              note={monthVendor ? vendorOf(monthVendor) : 'All vendors'}
              data={months}
            >
              <label className="month-vendor">
                Vendor{' '}
                <select value={monthVendor} onChange={(e) => setMonthVendor(e.target.value)}>
                  <option value="">All vendors</option>
                  {rows.map((r) => (
                    <option key={r.portal} value={r.portal}>
                      {r.vendor}
                    </option>
                  ))}
                </select>
              </label>
            </MonthChart>
          </div>
        </>
      )}
    </div>
  );
}
