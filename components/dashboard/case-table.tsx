import { useVirtualizer } from '@tanstack/react-virtual';
import {
  memo,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type ReactNode,
  type Ref,
  type RefObject,
} from 'react';
import type { CaseSort, SortKey } from '@/lib/cases/dashboard-query';
import { formatAgo, formatQuiet, formatWhen, safeHref, SEVERITY_LABELS } from '@/lib/cases/format';
import { caseLabel, type StoredCase } from '@/lib/core/model';
import type { Alert } from '@/lib/alerts/staleness';
import type { Calendar } from '@/lib/alerts/business-time';
import { ballInCourt, vendorQuietTime } from '@/lib/alerts/urgency';
import { BALL_LABELS } from './case-detail';
import { seenText, StateLabel } from '../shared/case-row';
import { ErrorBoundary } from '../shared/error-boundary';
import { ProviderMark } from '../shared/provider-mark';
import { isOverdue } from '../shared/use-alerts';
import { focusRow } from '../shared/use-case-keys';
import { ActionMenu } from '../shared/menu';
import { snoozeItems } from './case-actions';
import type { SnoozeOption } from '@/lib/alerts/snooze';

/** Rows have one fixed height (cells never wrap, or wrap to exactly two lines), so nothing is measured. */
const ROW_HEIGHT = 34;
const STACKED_ROW_HEIGHT = 48;
const HEADER_HEIGHT = 34;

interface Column {
  id: string;
  label: string;
  sort?: SortKey;
  width: number | 'auto';
  /** Hidden while the detail panel takes half the page. */
  optional?: boolean;
}

const COLUMNS: Column[] = [
  { id: 'select', label: 'Select', width: 34 },
  { id: 'vendor', label: 'Vendor', sort: 'vendor', width: 156 },
  // 15-digit numbers (AWS, Azure) whole: the number one reads out on the phone.
  { id: 'case', label: 'Case', sort: 'caseId', width: 150 },
  { id: 'title', label: 'Title', sort: 'title', width: 'auto' },
  { id: 'state', label: 'State', sort: 'state', width: 150, optional: true },
  { id: 'severity', label: 'Severity', sort: 'severity', width: 84, optional: true },
  // Whose move and vendor quiet stay: they are what the table is scanned for.
  { id: 'ball', label: 'Whose move', sort: 'ball', width: 130 },
  { id: 'quiet', label: 'Vendor quiet', sort: 'quiet', width: 120 },
  { id: 'updated', label: 'Updated', sort: 'updated', width: 110, optional: true },
  { id: 'seen', label: 'Seen', sort: 'seen', width: 150, optional: true },
  // One menu per row; it gives way last on a narrow screen: a click on the row opens the details too.
  { id: 'actions', label: 'Actions', width: 84 },
];

/**
 * Where even that is too wide (1024 px with a case open), cells stack two lines each: the vendor over
 * the case number, whose move over the vendor's quiet time, the title on two lines.
 */
const STACKED_COLUMNS: Column[] = [
  COLUMNS[0]!,
  { id: 'who', label: 'Vendor · case', sort: 'vendor', width: 170 },
  { ...COLUMNS[3]!, label: 'Title' },
  { id: 'move', label: 'Whose move · quiet', sort: 'ball', width: 150 },
  COLUMNS.at(-1)!,
];

/** The title keeps at least this much room: these columns give way, in this order, until it has. */
const MIN_TITLE = 220;
const GIVE_WAY = ['seen', 'updated', 'severity', 'state'];

export interface ColumnLayout {
  columns: Column[];
  /** Two lines a row (STACKED_COLUMNS). */
  isStacked: boolean;
}

/**
 * The columns that fit `width`: with the detail panel open the optional ones go; then the GIVE_WAY ones go
 * one by one until the title has room; if it still has not, the cells stack, and last the menu goes.
 */
export function fittingColumns(width: number | null, isCompact: boolean): ColumnLayout {
  let columns = COLUMNS.filter((c) => !(isCompact && c.optional));
  const fits = (cols: Column[]) =>
    width === null || cols.reduce((sum, c) => sum + (c.width === 'auto' ? 0 : c.width), 0) + MIN_TITLE <= width;
  for (const id of GIVE_WAY) {
    if (fits(columns)) return { columns, isStacked: false };
    columns = columns.filter((c) => c.id !== id);
  }
  if (fits(columns)) return { columns, isStacked: false };
  const stacked = fits(STACKED_COLUMNS) ? STACKED_COLUMNS : STACKED_COLUMNS.filter((c) => c.id !== 'actions');
  return { columns: stacked, isStacked: true };
}

/** The element's width, kept current as the window or the detail panel changes it; null before layout. */
function useWidth(ref: RefObject<HTMLElement | null>): number | null {
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.round(entry!.contentRect.width)));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/** What the dashboard's keyboard asks of the table. */
export interface CaseTableApi {
  focusRow: (index: number) => void;
}

export type RowMenuAction = 'details' | 'open' | 'export' | 'delete' | { snooze: SnoozeOption };

export interface RowActions {
  onDetails: (key: string, index: number) => void;
  onToggleSelect: (key: string) => void;
  onFocusRow: (index: number) => void;
  /** A choice from the row's menu. */
  onMenu: (item: StoredCase, index: number, action: RowMenuAction) => void;
}

interface CaseTableProps extends RowActions {
  cases: StoredCase[];
  now: Date;
  calendar: Calendar;
  alerts: Map<string, Alert[]>;
  selected: string[];
  active: number;
  detailKey: string | null;
  sort: CaseSort;
  onSort: (key: SortKey) => void;
  isCompact: boolean;
  /** No case at all yet: the empty table says how cases arrive, not that a search found nothing. */
  isStoreEmpty: boolean;
  apiRef: Ref<CaseTableApi>;
}

const ariaSort = (sort: CaseSort, key: SortKey | undefined) =>
  key && sort.key === key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined;

/**
 * Every case as a real table (row and column headers, aria-rowcount/rowindex), of which only the rows
 * in view are in the DOM: 2,000 cases scroll like 20.
 */
export function CaseTable(props: CaseTableProps) {
  const { cases, sort, onSort, isCompact, apiRef, onDetails, onToggleSelect, onFocusRow, onMenu } = props;
  const actions = { onDetails, onToggleSelect, onFocusRow, onMenu };
  const scrollRef = useRef<HTMLDivElement>(null);
  const width = useWidth(scrollRef);
  const { columns, isStacked } = useMemo(() => fittingColumns(width, isCompact), [width, isCompact]);
  const rowHeight = isStacked ? STACKED_ROW_HEIGHT : ROW_HEIGHT;
  // eslint-disable-next-line react-hooks/incompatible-library -- only React Compiler cares, and we do not use it
  const virtualizer = useVirtualizer({
    count: cases.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    getItemKey: (i) => cases[i]!.key,
  });
  useImperativeHandle(
    apiRef,
    () => ({
      focusRow: (index) => {
        virtualizer.scrollToIndex(index, { align: 'auto' });
        focusRow(scrollRef.current, index);
      },
    }),
    [virtualizer],
  );
  // Rows change height when the cells stack: the virtualizer re-estimates every row.
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);
  const items = virtualizer.getVirtualItems();
  const padTop = (items[0]?.start ?? HEADER_HEIGHT) - HEADER_HEIGHT;
  const padBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? HEADER_HEIGHT);
  return (
    <div className="table-scroll" ref={scrollRef}>
      <table
        className={`cases-table${isStacked ? ' stacked' : ''}`}
        aria-label="Case list"
        aria-rowcount={cases.length + 1}
        data-testid="case-table"
      >
        <colgroup>
          {columns.map((c) => (
            <col key={c.id} style={c.width === 'auto' ? undefined : { width: c.width }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {columns.map((c) => (
              <th key={c.id} scope="col" aria-sort={ariaSort(sort, c.sort)}>
                {c.sort ? (
                  <button type="button" className="sort-button" onClick={() => onSort(c.sort!)}>
                    {c.label}
                    <span className="dir" aria-hidden="true">
                      {sort.key === c.sort ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                    </span>
                  </button>
                ) : c.id === 'select' ? (
                  <span className="visually-hidden">{c.label}</span>
                ) : (
                  c.label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {padTop > 0 && (
            <tr className="spacer" aria-hidden="true">
              <td colSpan={columns.length} style={{ height: padTop }} />
            </tr>
          )}
          {items.map((v) => {
            const c = cases[v.index]!;
            return (
              <ErrorBoundary key={c.key} what={`Case ${c.caseId}`} as="tr" colSpan={columns.length}>
                <CaseTableRow
                  item={c}
                  index={v.index}
                  columns={columns}
                  now={props.now}
                  calendar={props.calendar}
                  {...actions}
                  alertsOfCase={props.alerts.get(c.key)}
                  isSelected={props.selected.includes(c.key)}
                  isActive={props.active === v.index}
                  isOpen={props.detailKey === c.key}
                />
              </ErrorBoundary>
            );
          })}
          {padBottom > 0 && (
            <tr className="spacer" aria-hidden="true">
              <td colSpan={columns.length} style={{ height: padBottom }} />
            </tr>
          )}
          {cases.length === 0 && (
            <tr>
              <td colSpan={columns.length} className="empty" data-testid="table-empty">
                {props.isStoreEmpty
                  ? 'No cases yet. Visit a support portal (a Zendesk help center, the Azure portal) and its cases appear here.'
                  : 'No case matches the search and filters.'}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps extends RowActions {
  item: StoredCase;
  index: number;
  columns: Column[];
  now: Date;
  calendar: Calendar;
  alertsOfCase: Alert[] | undefined;
  isSelected: boolean;
  isActive: boolean;
  isOpen: boolean;
}

const CaseTableRow = memo(function CaseTableRow({
  item: c,
  index,
  columns,
  now,
  calendar,
  alertsOfCase,
  isSelected,
  isActive,
  isOpen,
  ...on
}: RowProps) {
  const label = caseLabel(c);
  const ball = ballInCourt(c);
  const overdue = isOverdue(alertsOfCase);
  const quiet = ball === 'closed' ? '—' : formatQuiet(vendorQuietTime(c, now, calendar));
  const whose = (
    <>
      <span className={`whose-${ball}`}>{BALL_LABELS[ball]}</span>
      {overdue && <span className="overdue-mark small">Overdue</span>}
    </>
  );
  const cells: Record<string, ReactNode> = {
    select: (
      <input
        type="checkbox"
        checked={isSelected}
        onChange={() => on.onToggleSelect(c.key)}
        aria-label={`Select ${label}`}
      />
    ),
    vendor: <ProviderMark item={c} />,
    case: <>#{c.caseId}</>,
    who: (
      <>
        <ProviderMark item={c} />
        <span className="line case-number">#{c.caseId}</span>
      </>
    ),
    title: (
      <a href={safeHref(c.url)} target="_blank" rel="noreferrer noopener" dir="auto" title={c.title}>
        {c.title}
      </a>
    ),
    state: <StateLabel item={c} />,
    severity: c.severity ? SEVERITY_LABELS[c.severity] : '—',
    ball: whose,
    quiet,
    move: (
      <>
        {whose}
        {/* On the user's move the vendor's silence is how long they have waited for the user. */}
        <span className="line">{ball === 'closed' ? '—' : `${ball === 'you' ? 'waiting' : 'quiet'} ${quiet}`}</span>
      </>
    ),
    // Relative to read at a glance; the exact time, with its zone, on hover.
    updated: c.updatedAt ? <span title={formatWhen(c.updatedAt)}>{formatAgo(c.updatedAt, now)}</span> : '—',
    seen: seenText(c, now).replace(/^seen /, ''),
    actions: (
      <ActionMenu
        label={`Actions for ${label}`}
        trigger="⋯"
        items={[
          { label: isOpen ? 'Details (open)' : 'Details', onSelect: () => on.onMenu(c, index, 'details') },
          ...(safeHref(c.url) ? [{ label: 'Open in the portal', onSelect: () => on.onMenu(c, index, 'open') }] : []),
          'separator',
          ...snoozeItems((option) => on.onMenu(c, index, { snooze: option }), 'Snooze '),
          'separator',
          { label: 'Export (CSV)', onSelect: () => on.onMenu(c, index, 'export') },
          'separator',
          { label: 'Delete…', isDanger: true, onSelect: () => on.onMenu(c, index, 'delete') },
        ]}
      />
    ),
  };
  return (
    <tr
      data-testid="dashboard-row"
      data-case-key={c.key}
      data-row-index={index}
      aria-rowindex={index + 2}
      aria-current={isOpen ? 'true' : undefined}
      className={isActive ? 'active' : undefined}
      tabIndex={-1}
      onFocus={(e) => e.target === e.currentTarget && on.onFocusRow(index)}
      // A click anywhere on the row but its link, checkbox or menu opens the details (Enter does by keyboard),
      // so that the menu may give way to the title on a narrow screen.
      // Clicks in the row's menu reach here through React's portal bubbling: they are not on the row.
      onClick={(e) =>
        e.currentTarget.contains(e.target as Node) &&
        !(e.target as Element).closest('a, button, input, label') &&
        on.onDetails(c.key, index)
      }
    >
      {columns.map((col) => (
        <td key={col.id} className={col.id === 'actions' ? 'actions' : col.id === 'case' ? 'case-number' : undefined}>
          {cells[col.id]}
        </td>
      ))}
    </tr>
  );
});
