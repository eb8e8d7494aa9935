import { symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle, type SymbolType } from 'd3-shape';
import type { Whose } from '@/lib/charts/ball-segments';
import type { RadarMarkKind } from '@/lib/charts/radar-lanes';
import { MARK_LABELS, WHOSE_LABELS } from '@/lib/charts/report-text';

/**
 * Fills that tell the kinds apart by pattern as well as colour (never colour alone): solid for the
 * vendor's move, diagonal hatching for yours, dots for on hold, cross-hatching for resolved, a plain
 * light fill for unknown. Colours come from the page's variables (light and dark) through CSS classes.
 */
const WHOSE_PATTERN: Record<Whose, 'solid' | 'hatch' | 'dots' | 'cross' | 'plain'> = {
  vendor: 'solid',
  you: 'hatch',
  'on-hold': 'dots',
  resolved: 'cross',
  unknown: 'plain',
};

/** The pattern id of a kind in an SVG whose defs were made by <WhoseDefs prefix=…>. */
export const whoseFill = (prefix: string, whose: Whose) =>
  WHOSE_PATTERN[whose] === 'solid' || WHOSE_PATTERN[whose] === 'plain' ? undefined : `url(#${prefix}-${whose})`;

/** <defs> with one pattern per kind; ids are `${prefix}-${whose}` (prefix unique on the page: useId). */
export function WhoseDefs({ prefix }: { prefix: string }) {
  return (
    <defs>
      <pattern id={`${prefix}-you`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" className="fill-you-bg" />
        <line x1="0" y1="0" x2="0" y2="6" className="stroke-you" strokeWidth="3" />
      </pattern>
      <pattern id={`${prefix}-on-hold`} width="5" height="5" patternUnits="userSpaceOnUse">
        <rect width="5" height="5" className="fill-hold-bg" />
        <circle cx="2.5" cy="2.5" r="1.3" className="fill-vendor" />
      </pattern>
      <pattern id={`${prefix}-resolved`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" className="fill-closing-bg" />
        <path d="M0 0L6 6M6 0L0 6" className="stroke-closing" strokeWidth="1.2" />
      </pattern>
      <pattern id={`${prefix}-over`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">
        <line x1="0" y1="0" x2="0" y2="6" className="stroke-over" strokeWidth="2" />
      </pattern>
    </defs>
  );
}

/** A rect filled as a kind: class for the solid colour, pattern for the others. */
export function WhoseRect({
  prefix,
  whose,
  ...rect
}: { prefix: string; whose: Whose } & React.SVGProps<SVGRectElement>) {
  const fill = whoseFill(prefix, whose);
  return <rect {...rect} className={`whose whose-${whose}`} {...(fill ? { fill } : {})} />;
}

/**
 * One legend entry of a kind: a swatch drawn with the same pattern, then its words (the kind's own, or
 * `label` where the pattern stands for something else: "Opened (solid)"). `prefix` is unique on the page.
 */
export function WhoseSwatch({ whose, prefix, label }: { whose: Whose; prefix: string; label?: string }) {
  return (
    <li>
      <svg width="22" height="12" aria-hidden="true" className="swatch">
        <WhoseDefs prefix={prefix} />
        <WhoseRect prefix={prefix} whose={whose} x={0.5} y={0.5} width={21} height={11} />
      </svg>
      {label ?? WHOSE_LABELS[whose]}
    </li>
  );
}

/** The radar's mark shapes (d3-shape symbols): a circle, a square, a diamond, a triangle. */
const MARK_SYMBOL: Record<RadarMarkKind, SymbolType> = {
  'vendor-message': symbolCircle,
  'your-message': symbolSquare,
  state: symbolDiamond,
  escalation: symbolTriangle,
};
const MARK_PATHS = new Map<string, string>();

/** The SVG path of a mark, centred on 0,0, of about `size` square px (memoised: thousands are drawn). */
export function markPath(kind: RadarMarkKind, size = 40): string {
  const key = `${kind}:${size}`;
  let d = MARK_PATHS.get(key);
  if (d === undefined) {
    d = symbol(MARK_SYMBOL[kind], size)() ?? '';
    MARK_PATHS.set(key, d);
  }
  return d;
}

export const MARK_KINDS: readonly RadarMarkKind[] = ['vendor-message', 'your-message', 'state', 'escalation'];

export function MarkSwatch({ kind }: { kind: RadarMarkKind }) {
  return (
    <li>
      <svg width="14" height="14" aria-hidden="true" className="swatch">
        <path d={markPath(kind, 60)} transform="translate(7,7)" className={`mark mark-${kind}`} />
      </svg>
      {MARK_LABELS[kind]}
    </li>
  );
}
