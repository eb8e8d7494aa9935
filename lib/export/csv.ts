/**
 * CSV export (RFC 4180) through papaparse, so quoting of commas, quotes and line breaks is a
 * well-tested library's job. Every cell that a spreadsheet could run as a formula is neutralised.
 */
import Papa from 'papaparse';
import { vendorLabel, type StoredCase } from '../core/model';
import type { Alert } from '../alerts/staleness';
import { ballInCourt, vendorQuietSince } from '../alerts/urgency';
import type { CaseWorkspace } from '../store/db';
import type { CaseWithEvents } from './walk';
import { spreadsheetTimes as localTimes } from '../core/zone';

/**
 * Cells starting with = + - @ tab, carriage return or line feed are formulas to Excel, LibreOffice and
 * Sheets (OWASP "CSV injection"), also behind leading white space (spreadsheets trim it, NBSP included)
 * and in their full-width forms ＝ ＋ － ＠, which some spreadsheets read as the ASCII ones: prefixing a
 * quote makes them inert text.
 */
const FORMULA_START = /^(?:[\t\r\n]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

const cell = (v: unknown): string => (v === null || v === undefined ? '' : neutralizeCell(String(v)));

// vendor: the name the user knows the vendor by; portal: where the case lives; platform: what it runs on.
export const EVENT_COLUMNS = [
  'vendor',
  'portal',
  'platform',
  'caseId',
  'title',
  'state',
  'vendorStatus',
  'severity',
  'eventType',
  'eventAt',
  // The same instant as a spreadsheet date-time in the user's zone (timeZone, last column).
  'eventAtLocal',
  'recordedAt',
  'from',
  'to',
  'messageSide',
  'messageAuthor',
  'messageText',
  // "email" or "selection" for a message brought in from outside the portal; empty for the portal's own.
  'messageVia',
  'caseUrl',
  'timeZone',
] as const;

export const CASE_COLUMNS = [
  'vendor',
  'portal',
  'platform',
  'caseId',
  'title',
  'state',
  'vendorStatus',
  'severity',
  'vendorSeverity',
  'owner',
  'createdAt',
  'updatedAt',
  // Spreadsheet date-times in the user's zone (timeZone, last column), beside the ISO UTC instants.
  'createdAtLocal',
  'updatedAtLocal',
  'firstSeenAt',
  'lastObservedAt',
  'messageCount',
  'url',
  // What the popup says of the case at export time, and the user's own workspace.
  'whoseMove',
  'vendorQuietSince',
  'overdue',
  'mostPressingAlert',
  'notes',
  'escalationLevel',
  'escalationContact',
  'escalatedAt',
  'vendorQuietSinceLocal',
  'timeZone',
] as const;

/** What the cases CSV adds to a case's own fields: its alerts now, and the user's workspace. */
export interface CaseExtras {
  alerts: (c: StoredCase) => Alert[];
  workspaces: Map<string, CaseWorkspace>;
  /** The user's zone (their policy's), for the *Local columns. */
  timeZone: string;
}

function unparse(rows: string[][], withHeader: readonly string[] | null): string {
  const data = withHeader ? [[...withHeader], ...rows] : rows;
  return data.length ? `${Papa.unparse(data, { newline: '\r\n', quotes: false, escapeFormulae: false })}\r\n` : '';
}

/** One row per event, for one page of cases. `header` only on the first page. */
export function eventsCsv(page: CaseWithEvents[], header: boolean, timeZone: string): string {
  const local = localTimes(timeZone);
  const rows: string[][] = [];
  for (const { case: c, events } of page) {
    for (const e of events) {
      rows.push(
        [
          vendorLabel(c),
          c.portal,
          c.provider,
          c.caseId,
          c.title,
          c.state,
          c.vendorStatus,
          c.severity,
          e.type,
          e.at,
          local(e.at),
          e.recordedAt,
          e.from,
          e.to,
          e.message?.side,
          e.message?.author,
          e.message?.text,
          e.message?.via,
          c.url,
          timeZone,
        ].map(cell),
      );
    }
  }
  return unparse(rows, header ? EVENT_COLUMNS : null);
}

/** One row per case, for one page of cases. */
export function casesCsv(page: CaseWithEvents[], header: boolean, extras: CaseExtras): string {
  const local = localTimes(extras.timeZone);
  const rows = page.map(({ case: c }) => {
    const alerts = extras.alerts(c);
    const ws = extras.workspaces.get(c.key);
    const ball = ballInCourt(c);
    const quietSince = ball === 'vendor' || ball === 'unknown' ? vendorQuietSince(c) : '';
    return [
      vendorLabel(c),
      c.portal,
      c.provider,
      c.caseId,
      c.title,
      c.state,
      c.vendorStatus,
      c.severity,
      c.vendorSeverity,
      c.owner,
      c.createdAt,
      c.updatedAt,
      local(c.createdAt),
      local(c.updatedAt),
      c.firstSeenAt,
      c.lastObservedAt,
      c.messageCount,
      c.url,
      ball,
      quietSince,
      alerts.some((a) => a.level === 'overdue') ? 'yes' : 'no',
      alerts[0]?.reason,
      ws?.notes,
      ws?.escalation?.level,
      ws?.escalation?.contact,
      ws?.escalation?.escalatedAt,
      local(quietSince),
      extras.timeZone,
    ].map(cell);
  });
  return unparse(rows, header ? CASE_COLUMNS : null);
}
