import { scaleTime } from 'd3-scale';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Policy } from '@/lib/alerts/policy';
import {
  radarLanes,
  radarOutline,
  radarRows,
  rowsInView,
  withLanes,
  type RadarInput,
  type RadarLane,
} from '@/lib/charts/radar-lanes';
import {
  LIMIT_LABELS,
  MARK_LABELS,
  laneDetails,
  radarTotals,
  zoomWindow,
  ZOOMS,
  type Zoom,
} from '@/lib/charts/report-text';
import { formatWhen } from '@/lib/cases/format';
import type { CaseEvent, StoredCase } from '@/lib/core/model';
import type { CaseWorkspace } from '@/lib/store/db';
import { ProviderMark } from '../shared/provider-mark';
import { useElementWidth } from './chart-frame';
import { markPath, MarkSwatch, MARK_KINDS } from './patterns';
import './charts.css';

const ROW_H = 28;
const LABEL_W = 280;
const MID = ROW_H / 2;
const OVERSCAN = 10;
const iso = (ms: number) => new Date(ms).toISOString();

/** Where a lane leads: the case in the dashboard. */
export const dashboardHref = (caseKey: string) => `/dashboard.html#case=${encodeURIComponent(caseKey)}`;

export interface RadarProps {
  cases: readonly StoredCase[];
  /** Every event grouped by case key (eventsByCase); undefined while not read yet. */
  events: ReadonlyMap<string, CaseEvent[]> | undefined;
  /** Reads the events of a few cases: those of the lanes in view, while `events` is not there yet. */
  readEvents: (caseKeys: string[]) => Promise<CaseEvent[]>;
  /** Called once lanes are drawn: the moment to read every event without delaying the first picture. */
  onDrawn?: () => void;
  workspaces: readonly Pick<CaseWorkspace, 'caseKey' | 'escalation'>[];
  policy: Policy;
  stateOfLabel?: RadarInput['stateOfLabel'];
  now: Date;
}

const NO_LANES: ReadonlyMap<string, RadarLane> = new Map();

/**
 * Every case alive in the window as a lane on one time axis, grouped by vendor portal: messages, state
 * changes and escalations as marks of distinct shapes, stretches past a limit hatched, a now line.
 * Only the rows in view are drawn. Lanes are links to the case; arrows move between them, Enter opens.
 *
 * Until every event is read (50,000 take longer than the whole table takes to paint), the lanes are laid
 * out from the case rows (radarOutline) and those in view are drawn in full from their own events.
 */
export function Radar({ cases, events, readEvents, onDrawn, workspaces, policy, stateOfLabel, now }: RadarProps) {
  const [zoom, setZoom] = useState<Zoom>('30d');
  const nowMs = now.getTime();
  const { start, end } = useMemo(() => zoomWindow(zoom, cases, nowMs), [zoom, cases, nowMs]);
  const full = useMemo(
    () =>
      events &&
      radarLanes({
        cases,
        events,
        workspaces,
        policy,
        start: iso(start),
        end: iso(end),
        nowIso: iso(nowMs),
        ...(stateOfLabel ? { stateOfLabel } : {}),
      }),
    [cases, events, workspaces, policy, start, end, nowMs, stateOfLabel],
  );
  const outline = useMemo(
    () => (events ? null : radarOutline({ cases, start: iso(start), end: iso(end), nowIso: iso(nowMs) })),
    [events, cases, start, end, nowMs],
  );
  // Lanes drawn from their own events while not every event is read, for this window only.
  const windowKey = `${start}|${end}|${nowMs}`;
  const [drawn, setDrawn] = useState({ windowKey: '', lanes: NO_LANES });
  const drawnLanes = drawn.windowKey === windowKey ? drawn.lanes : NO_LANES;
  const groups = useMemo(() => full ?? withLanes(outline ?? [], drawnLanes), [full, outline, drawnLanes]);
  const rows = useMemo(() => radarRows(groups), [groups]);
  const totals = useMemo(() => radarTotals(groups), [groups]);
  const laneCount = totals.reduce((n, t) => n + t.cases, 0);
  const providerOf = useMemo(() => new Map(cases.map((c) => [c.portal, c])), [cases]);

  const [boxRef, boxWidth] = useElementWidth<HTMLDivElement>(960);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportH, setViewportH] = useState(600);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const measure = () => setViewportH(el.clientHeight || 600);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const range = rowsInView(scrollTop, viewportH, ROW_H, rows.length, OVERSCAN);

  // The lanes in view not drawn yet: their events are read (by index), their lanes drawn in full.
  const missing = full
    ? ''
    : rows
        .slice(range.first, range.end)
        .flatMap((r) => (r.kind === 'lane' && !drawnLanes.has(r.lane.caseKey) ? [r.lane.caseKey] : []))
        .join('\n');
  useEffect(() => {
    if (!missing) return;
    let live = true;
    const keys = missing.split('\n');
    readEvents(keys).then((read) => {
      if (!live) return;
      const wanted = new Set(keys);
      const some = cases.filter((c) => wanted.has(c.key));
      const lanes = radarLanes({
        cases: some,
        events: read,
        workspaces,
        policy,
        start: iso(start),
        end: iso(end),
        nowIso: iso(nowMs),
        ...(stateOfLabel ? { stateOfLabel } : {}),
      }).flatMap((g) => g.lanes);
      setDrawn((prev) => {
        const next = new Map(prev.windowKey === windowKey ? prev.lanes : NO_LANES);
        for (const lane of lanes) next.set(lane.caseKey, lane);
        // A case the events put outside the window keeps its outline lane until every event is read.
        for (const key of keys) {
          const lane = next.has(key) ? undefined : outlineLane(outline, key);
          if (lane) next.set(key, lane);
        }
        return { windowKey, lanes: next };
      });
    }, console.error);
    return () => {
      live = false;
    };
  }, [missing, readEvents, cases, workspaces, policy, start, end, nowMs, stateOfLabel, windowKey, outline]);
  const isDrawn = !!full || drawnLanes.size > 0 || !rows.some((r) => r.kind === 'lane');
  useEffect(() => {
    if (isDrawn) onDrawn?.();
  }, [isDrawn, onDrawn]);

  const trackW = Math.max(120, boxWidth - LABEL_W - 16);
  const x = scaleTime()
    .domain([new Date(start), new Date(nowMs)])
    .range([4, trackW - 10]);
  const ticks = x.ticks(Math.max(2, Math.floor(trackW / 110)));
  const tickFormat = x.tickFormat();

  // Keyboard: one lane is in the tab order; arrows, Page keys, Home and End move it, scrolling as needed.
  const [active, setActive] = useState(-1);
  const pendingFocus = useRef<number | null>(null);
  const laneIndexes = useMemo(() => rows.flatMap((r, i) => (r.kind === 'lane' ? [i] : [])), [rows]);
  const tabbable =
    active >= range.first && active < range.end ? active : (laneIndexes.find((i) => i >= range.first) ?? -1);
  const moveTo = (index: number) => {
    const el = scrollRef.current;
    if (!el || index < 0) return;
    const top = index * ROW_H;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_H > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_H - el.clientHeight;
    setScrollTop(el.scrollTop);
    setActive(index);
    pendingFocus.current = index;
  };
  useEffect(() => {
    if (pendingFocus.current === null) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-row="${pendingFocus.current}"]`);
    if (el) {
      el.focus({ preventScroll: true });
      pendingFocus.current = null;
    }
  });
  const onKeyDown = (e: React.KeyboardEvent) => {
    const current = Number((e.target as HTMLElement).dataset.row ?? tabbable);
    const pos = laneIndexes.indexOf(current);
    const page = Math.max(1, Math.floor(viewportH / ROW_H) - 1);
    const step: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: page,
      PageUp: -page,
      Home: -Infinity,
      End: Infinity,
    };
    const delta = step[e.key];
    if (delta === undefined || laneIndexes.length === 0) return;
    e.preventDefault();
    const next = Math.min(laneIndexes.length - 1, Math.max(0, (pos < 0 ? 0 : pos) + delta));
    moveTo(laneIndexes[next]!);
  };
  // A new window starts at the top of the list.
  const changeZoom = (next: Zoom) => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
    setScrollTop(0);
    setActive(-1);
    setZoom(next);
  };

  const windowText = `${formatWhen(iso(start))} to now (${formatWhen(iso(nowMs))})`;
  return (
    <div className="radar" ref={boxRef}>
      <div className="radar-controls">
        <div role="group" aria-label="Zoom" className="zoom">
          <span className="zoom-label" aria-hidden="true">
            Zoom:
          </span>
          {ZOOMS.map((z) => (
            <button
              key={z.id}
              type="button"
              aria-pressed={zoom === z.id}
              onClick={() => changeZoom(z.id)}
              data-testid={`zoom-${z.id}`}
            >
              {z.label}
            </button>
          ))}
        </div>
        <p className="radar-window" data-testid="radar-window" aria-live="polite">
          {laneCount} case{laneCount === 1 ? '' : 's'} from {windowText}
          {!full && ' (reading the history of every case…)'}
        </p>
      </div>
      <ul className="legend" aria-label="Legend of the radar">
        {MARK_KINDS.map((k) => (
          <MarkSwatch key={k} kind={k} />
        ))}
        {OVER_LIMITS.map(({ limit, slash }) => (
          <li key={limit}>
            <svg width="22" height="12" aria-hidden="true" className="swatch">
              <rect x="0" y="2" width="22" height="8" fill={`url(#radar-over-${limit})`} className={`over-${limit}`} />
            </svg>
            {LIMIT_LABELS[limit]} (hatched {slash})
          </li>
        ))}
        <li>
          <svg width="14" height="12" aria-hidden="true" className="swatch">
            <line x1="7" x2="7" y1="0" y2="12" className="now-line" />
          </svg>
          Now (dashed line)
        </li>
      </ul>
      <RadarDefs />
      <div className="radar-axis" aria-hidden="true">
        <svg width={LABEL_W + trackW} height={24} data-testid="radar-axis" data-start={iso(start)}>
          <g transform={`translate(${LABEL_W},0)`}>
            {ticks.map((t) => (
              <g key={+t} transform={`translate(${x(t)},0)`}>
                <line y1={16} y2={24} className="axis-tick" />
                {/* A label this close to "now" would run into it. */}
                {x(nowMs) - x(t) > 56 && (
                  <text y={12} textAnchor="middle" className="tick-label" data-testid="radar-tick">
                    {tickFormat(t)}
                  </text>
                )}
              </g>
            ))}
            <text x={x(nowMs)} y={12} textAnchor="end" className="tick-label now-label" dx={-4}>
              now
            </text>
          </g>
        </svg>
      </div>
      <div
        className="radar-scroll"
        ref={scrollRef}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        onKeyDown={onKeyDown}
        data-testid="radar-lanes"
      >
        {rows.length === 0 && <p className="radar-empty">No case was open in this window.</p>}
        <div style={{ height: rows.length * ROW_H, position: 'relative' }}>
          {!isDrawn && <p className="radar-empty">Drawing…</p>}
          {(isDrawn ? rows.slice(range.first, range.end) : []).map((row, k) => {
            const index = range.first + k;
            const style = { top: index * ROW_H, height: ROW_H };
            if (row.kind === 'vendor') {
              const sample = providerOf.get(row.portal);
              return (
                <div
                  key={`v:${row.portal}`}
                  className="radar-vendor"
                  style={style}
                  role="heading"
                  aria-level={3}
                  data-testid="radar-vendor"
                >
                  {sample ? <ProviderMark item={sample} /> : row.vendor}
                  <span className="muted-text lane-count">
                    {row.laneCount} case{row.laneCount === 1 ? '' : 's'}
                  </span>
                </div>
              );
            }
            const vendor = groups.find((g) => g.portal === row.portal)?.vendor ?? '';
            return (
              <RadarLaneRow
                key={`l:${row.lane.caseKey}`}
                lane={row.lane}
                vendor={vendor}
                index={index}
                style={style}
                x={x}
                ticks={ticks}
                start={start}
                now={nowMs}
                trackW={trackW}
                tabbable={index === tabbable}
                onFocus={() => setActive(index)}
              />
            );
          })}
        </div>
      </div>
      <details className="chart-table" data-testid="radar-table">
        <summary>The radar as a table</summary>
        {!full && <p>Counted once the history of every case is read…</p>}
        <table className="chart-data" hidden={!full}>
          <caption>Radar, {windowText}</caption>
          <thead>
            <tr>
              <th scope="col">Vendor</th>
              <th scope="col">Cases</th>
              {MARK_KINDS.map((k) => (
                <th scope="col" key={k}>
                  {MARK_LABELS[k]}s
                </th>
              ))}
              <th scope="col">Cases past a limit</th>
            </tr>
          </thead>
          <tbody>
            {totals.map((t) => (
              <tr key={t.portal} data-key={t.portal}>
                <th scope="row">{t.vendor}</th>
                <td className="num">{t.cases}</td>
                {MARK_KINDS.map((k) => (
                  <td className="num" key={k}>
                    {t.marks[k]}
                  </td>
                ))}
                <td className="num">{t.pastLimit}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}

/** The two over-limit hatchings: one direction and colour each, drawn in RadarDefs and the legend. */
const OVER_LIMITS = [
  { limit: 'vendor-quiet', rotate: 45, slash: '/', stroke: 'stroke-vendor' },
  { limit: 'waiting-on-you', rotate: -45, slash: '\\', stroke: 'stroke-you' },
] as const;

/** The hatchings of the over-limit bands, once for every lane (referenced by id). */
function RadarDefs() {
  return (
    <svg width="0" height="0" className="radar-defs" aria-hidden="true">
      <defs>
        {OVER_LIMITS.map(({ limit, rotate, stroke }) => (
          <pattern
            key={limit}
            id={`radar-over-${limit}`}
            width="5"
            height="5"
            patternUnits="userSpaceOnUse"
            patternTransform={`rotate(${rotate})`}
          >
            <line x1="0" y1="0" x2="0" y2="5" className={stroke} strokeWidth="2.2" />
          </pattern>
        ))}
      </defs>
    </svg>
  );
}

function RadarLaneRow({
  lane,
  vendor,
  index,
  style,
  x,
  ticks,
  start,
  now,
  trackW,
  tabbable,
  onFocus,
}: {
  lane: RadarLane;
  start: number;
  vendor: string;
  index: number;
  style: React.CSSProperties;
  x: (t: number | Date) => number;
  ticks: Date[];
  now: number;
  trackW: number;
  tabbable: boolean;
  onFocus: () => void;
}) {
  return (
    <a
      className="radar-lane"
      href={dashboardHref(lane.caseKey)}
      style={style}
      data-row={index}
      data-testid="radar-lane"
      data-case-key={lane.caseKey}
      tabIndex={tabbable ? 0 : -1}
      onFocus={onFocus}
    >
      {/* The name is the label as shown, then the words for what the track shows. */}
      <span className="radar-label" dir="auto">
        <span className="case-number">#{lane.caseId}</span> {lane.title}
      </span>
      <span className="visually-hidden"> — {laneDetails(vendor, lane)}</span>
      <svg width={trackW} height={ROW_H} className="radar-track" aria-hidden="true">
        {ticks.map((t) => (
          <line key={+t} x1={x(t)} x2={x(t)} y1={0} y2={ROW_H} className="grid" />
        ))}
        {lane.from > start && (
          <line x1={x(lane.from)} x2={x(lane.from)} y1={MID - 5} y2={MID + 5} className="life">
            <title>{`Opened ${formatWhen(iso(lane.from))}`}</title>
          </line>
        )}
        <line x1={x(lane.from)} x2={Math.max(x(lane.to), x(lane.from) + 1)} y1={MID} y2={MID} className="life">
          <title>{`Open ${formatWhen(iso(lane.from))} – ${lane.to >= now ? 'now' : formatWhen(iso(lane.to))}`}</title>
        </line>
        {lane.overLimit.map((o) => (
          <rect
            key={`${o.limit}-${o.from}`}
            x={x(o.from)}
            y={o.limit === 'vendor-quiet' ? MID - 9 : MID + 2}
            width={Math.max(1, x(o.to) - x(o.from))}
            height={7}
            fill={`url(#radar-over-${o.limit})`}
            className={`over-${o.limit}`}
            data-testid="over-limit"
          >
            <title>{`${LIMIT_LABELS[o.limit]}: ${formatWhen(iso(o.from))} – ${o.to >= now ? 'now' : formatWhen(iso(o.to))}`}</title>
          </rect>
        ))}
        {lane.marks.map((m, i) => (
          <path
            key={`${m.kind}-${m.at}-${i}`}
            d={markPath(m.kind)}
            transform={`translate(${x(m.at)},${MID})`}
            className={`mark mark-${m.kind}`}
          >
            <title>{`${MARK_LABELS[m.kind]}: ${formatWhen(iso(m.at))}`}</title>
          </path>
        ))}
        <line x1={x(now)} x2={x(now)} y1={0} y2={ROW_H} className="now-line" />
      </svg>
    </a>
  );
}

/** The outline's lane of a case (a copy is kept when its events put it outside the window). */
function outlineLane(outline: readonly { lanes: RadarLane[] }[] | null, caseKey: string): RadarLane | undefined {
  for (const g of outline ?? []) for (const l of g.lanes) if (l.caseKey === caseKey) return l;
  return undefined;
}
