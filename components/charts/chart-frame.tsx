import { useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { fileSlug } from '@/lib/charts/report-text';
import { stamp } from '../shared/download';
import { downloadPng, downloadSvg } from './export';
import './charts.css';

/** The width of an element in px, kept up to date as it resizes (`fallback` until first measured). */
export function useElementWidth<T extends HTMLElement>(fallback: number): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(0, Math.floor(el.clientWidth)) || fallback);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [fallback]);
  return [ref, width];
}

/**
 * The drawing of a chart: a box whose width the chart measures (useElementWidth), holding one SVG
 * labelled by its figure's caption and reachable by keyboard. ChartFrame's SVG and PNG buttons save it.
 */
export function ChartSvg({
  boxRef,
  id,
  width,
  height,
  children,
}: {
  boxRef: RefObject<HTMLDivElement | null>;
  /** The ChartFrame's id: the SVG is labelled by `${id}-caption`. */
  id: string;
  width: number;
  height: number;
  children: ReactNode;
}) {
  return (
    <div ref={boxRef} className="chart-box">
      <svg
        className="chart-svg"
        width={width}
        height={height}
        role="img"
        aria-labelledby={`${id}-caption`}
        tabIndex={0}
      >
        {children}
      </svg>
    </div>
  );
}

/**
 * A chart as a figure: its caption, the drawing, SVG and PNG downloads, and its numbers as a table
 * (the same numbers the drawing shows; `table` is a <table> whose caption names the chart).
 */
export function ChartFrame({
  id,
  title,
  note,
  table,
  children,
  className,
}: {
  id: string;
  title: string;
  /** A line under the caption: the unit, the period. */
  note?: ReactNode;
  table: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const figure = useRef<HTMLElement>(null);
  const [error, setError] = useState<string | null>(null);
  const svgOf = () => figure.current?.querySelector<SVGSVGElement>('svg.chart-svg') ?? null;
  const filename = (ext: string) => `caseradar-${fileSlug(title)}-${stamp()}.${ext}`;
  return (
    <figure className={`chart ${className ?? ''}`} ref={figure} data-testid={`chart-${id}`}>
      <figcaption id={`${id}-caption`}>
        <span className="chart-title">{title}</span>
        {note && <span className="chart-note">{note}</span>}
      </figcaption>
      {children}
      <div className="chart-actions">
        <button
          type="button"
          className="link-button"
          aria-label={`Download ${title} as SVG`}
          onClick={() => {
            const svg = svgOf();
            if (svg) downloadSvg(svg, title, filename('svg'));
          }}
        >
          SVG
        </button>
        <button
          type="button"
          className="link-button"
          aria-label={`Download ${title} as PNG`}
          onClick={() => {
            const svg = svgOf();
            if (svg) downloadPng(svg, title, filename('png')).catch((e: Error) => setError(e.message));
          }}
        >
          PNG
        </button>
        {error && <span role="alert">{error}</span>}
      </div>
      <details className="chart-table">
        <summary>{title}: the numbers as a table</summary>
        {table}
      </details>
    </figure>
  );
}
