/**
 * Microsoft 365 admin center service requests (admin.microsoft.com, a hash-routed single-page app).
 * Its list markup and request-number format are not publicly documented (docs/portals.md §11), so we
 * read it the robust way: find the requests grid (ARIA grid or table), map columns by their header words
 * (en, de, fr, es, ja), and refuse the page when a key column is missing rather than guess.
 */
import type { CaseMessage, CaseSnapshot, CaseState, Severity } from '../../../core/model';
import { blockText, cleanBody, cleanText, preview, safeCaseUrl, TEXT_LIMITS, textOf } from '../../../core/text';
import { toUtcIso } from '../../../core/time';
import { collectItems, foldLabel, problem, uniqueByCaseId } from '../../common';
import { MICROSOFT_365 } from './family';
import { ProviderParseError, type Extraction, type ProviderAdapter } from '../../types';

const PROVIDER = 'microsoft-365' as const;

type Field = 'id' | 'title' | 'status' | 'severity' | 'created' | 'modified' | 'owner';

// Header words per field, folded (lower case, no accents). Order within a field = preference.
const HEADER_WORDS: Record<Field, string[]> = {
  id: [
    'request id',
    'request number',
    'service request id',
    'service request number',
    'ticket id',
    'case number',
    'id',
    'number',
    'anfrage-id',
    'anfragenummer',
    'anforderungs-id',
    'id der anfrage',
    'id de la demande',
    'numero de demande',
    'n° de demande',
    'numero de la demande',
    'id de solicitud',
    'id. de solicitud',
    'numero de solicitud',
    '要求 id',
    '要求id',
    '要求番号',
    'リクエスト id',
    'サービス要求 id',
    'サービス リクエスト id',
    'サービス要求番号',
  ],
  title: [
    'title',
    'subject',
    'request title',
    'titel',
    'betreff',
    'titre',
    'objet',
    'titulo',
    'asunto',
    'タイトル',
    '件名',
    'description',
    'beschreibung',
    'descripcion',
    '説明',
  ],
  status: ['status', 'state', 'statut', 'etat', 'estado', '状態', 'ステータス'],
  severity: [
    'severity',
    'priority',
    'schweregrad',
    'prioritat',
    'gravite',
    'severite',
    'priorite',
    'gravedad',
    'severidad',
    'prioridad',
    '重大度',
    '優先度',
  ],
  created: [
    'created',
    'created on',
    'date created',
    'creation date',
    'opened',
    'submitted',
    'erstellt',
    'erstellt am',
    'erstellungsdatum',
    'cree',
    'cree le',
    'date de creation',
    'creado',
    'fecha de creacion',
    '作成日',
    '作成日時',
  ],
  modified: [
    'modified',
    'last modified',
    'updated',
    'last updated',
    'last activity',
    'geandert',
    'zuletzt geandert',
    'aktualisiert',
    'modifie',
    'derniere modification',
    'mis a jour',
    'modificado',
    'ultima modificacion',
    'actualizado',
    '更新日',
    '更新日時',
    '最終更新日',
    '変更日',
  ],
  owner: [
    'owner',
    'assigned to',
    'engineer',
    'support engineer',
    'besitzer',
    'zugewiesen an',
    'proprietaire',
    'attribue a',
    'propietario',
    'asignado a',
    '所有者',
    '担当者',
  ],
};
const KEY_FIELDS: Field[] = ['id', 'title', 'status'];
// Request numbers seen: 16 digits; letters and dashes allowed since the format is not documented.
const REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9-]{2,40}$/;
/** Cell text for a label field (status, severity, owner): clipped to what the store keeps. */
const labelOf = (el: Element | null | undefined) => textOf(el, TEXT_LIMITS.label);

// Status words seen across locales; anything else keeps its label with state null.
const STATUS_WORDS: [RegExp, CaseState][] = [
  [
    /waiting (?:for|on) (?:your|customer)|awaiting (?:your|customer)|action required|pending (?:your|customer)|wartet auf ihre|ihre antwort|en attente de votre|esperando (?:su|la) respuesta|お客様の(?:応答|返信)待ち|応答待ち/,
    'waiting-on-customer',
  ],
  [/^(?:resolved|solved|gelost|resolu|resuelto|解決済み)/, 'resolved'],
  [/^(?:closed|geschlossen|ferme|cerrado|クローズ|終了)/, 'closed'],
  [/^(?:new|submitted|neu|nouveau|nueva|nuevo|新規)/, 'new'],
  [/on hold|angehalten|en pause|en espera|保留/, 'on-hold'],
  [
    /^(?:open|active|in progress|working|offen|aktiv|in bearbeitung|ouvert|en cours|abierto|en curso|オープン|進行中|対応中)/,
    'open',
  ],
];

/** Sev A/B/C (documented for 21Vianet) and the words beside them. "Non-critical" is checked first. */
function severityOf(label: string): Severity | null {
  const f = foldLabel(label);
  if (/non[- ]?critical|nicht kritisch|non critique|no critica|重大ではない/.test(f)) return 'normal';
  if (/\bsev(?:erity)?\s*a\b|^a\b|critical|kritisch|critique|critica|重大/.test(f)) return 'critical';
  if (/\bsev(?:erity)?\s*b\b|^b\b|\bhigh\b|hoch|elevee|haute|alta|高/.test(f)) return 'high';
  if (/\bsev(?:erity)?\s*c\b|^c\b|medium|moderate|normal|mittel|moyenne|media|中/.test(f)) return 'normal';
  if (/\blow\b|minimal|niedrig|faible|basse|baja|低/.test(f)) return 'low';
  return null;
}

function stateOf(label: string): CaseState | null {
  const f = foldLabel(label);
  return STATUS_WORDS.find(([re]) => re.test(f))?.[1] ?? null;
}

/** A time from a machine attribute (time[datetime], data-*, title) or ISO text; never locale text. */
function readCellTime(cell: Element | undefined): string | null {
  if (!cell) return null;
  const candidates = [
    cell.querySelector('time[datetime]')?.getAttribute('datetime'),
    cell.querySelector('[data-datetime]')?.getAttribute('data-datetime'),
    cell.getAttribute('data-value'),
    cell.querySelector('[title]')?.getAttribute('title'),
    cell.getAttribute('title'),
    cell.textContent?.trim(),
  ];
  for (const c of candidates) {
    const iso = toUtcIso(c);
    if (iso) return iso;
  }
  return null;
}

interface Grid {
  headers: { field: Field | null; label: string; colIndex: number }[];
  rows: Element[][];
  /** Zero rows and the grid says it has only its header row. */
  saysEmpty: boolean;
}

/** The field a header names and how preferred that word is (lower = better), or null. */
function rankHeader(label: string): { field: Field; rank: number } | null {
  const f = foldLabel(label).replace(/\s*(?:sorted|sortiert|trie|ordenad).*$/, '');
  for (const field of Object.keys(HEADER_WORDS) as Field[]) {
    const rank = HEADER_WORDS[field].indexOf(f);
    if (rank >= 0) return { field, rank };
  }
  return null;
}

function mapHeader(label: string): Field | null {
  return rankHeader(label)?.field ?? null;
}

function colIndexOf(el: Element, fallback: number): number {
  const v = Number(el.getAttribute('aria-colindex'));
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

function readGrid(root: Element): Grid | null {
  const isTable = root.tagName === 'TABLE';
  const headerCells = isTable
    ? Array.from(root.querySelectorAll('thead th, thead td')).concat(
        root.querySelector('thead') ? [] : Array.from(root.querySelectorAll('tr:first-child > th')),
      )
    : Array.from(root.querySelectorAll('[role="columnheader"]'));
  if (headerCells.length === 0) return null;
  const ranked = headerCells.map((th, i) => {
    const label = textOf(th) ?? cleanText(th.getAttribute('aria-label')) ?? '';
    return { ...rankHeader(label), label, colIndex: colIndexOf(th, i + 1) };
  });
  // When two columns name one field ("Title" and "Description"), the more specific word wins.
  const headers = ranked.map((h) => {
    const best =
      h.field &&
      !ranked.some(
        (o) => o.field === h.field && o !== h && (o.rank! < h.rank! || (o.rank === h.rank && o.colIndex < h.colIndex)),
      );
    return { field: best ? h.field! : null, label: h.label, colIndex: h.colIndex };
  });
  const rowEls = isTable
    ? Array.from(root.querySelectorAll('tbody > tr')).filter((tr) => tr.querySelector('td'))
    : Array.from(root.querySelectorAll('[role="row"]')).filter((r) => !r.querySelector('[role="columnheader"]'));
  const rows = rowEls.map((row) => {
    const cells = isTable
      ? Array.from(row.querySelectorAll(':scope > td, :scope > th'))
      : Array.from(row.querySelectorAll('[role="gridcell"], [role="rowheader"]'));
    const byCol: Element[] = [];
    cells.forEach((cell, i) => (byCol[colIndexOf(cell, i + 1)] = cell));
    return byCol;
  });
  const saysEmpty =
    rows.length === 0 && (root.getAttribute('aria-rowcount') === '1' || !!root.querySelector('[data-empty], .empty'));
  return { headers, rows, saysEmpty };
}

/** The grid whose headers name the most of our fields. */
function findRequestsGrid(doc: Document): Grid | null {
  let best: Grid | null = null;
  let bestScore = 0;
  for (const root of Array.from(doc.querySelectorAll('[role="grid"], [role="treegrid"], table'))) {
    if (root.tagName === 'TABLE' && root.closest('[role="grid"]')) continue;
    const grid = readGrid(root);
    const score = grid ? grid.headers.filter((h) => h.field).length : 0;
    if (grid && score > bestScore) [best, bestScore] = [grid, score];
  }
  return best;
}

const EMPTY_TEXT =
  /no (?:service )?requests|keine (?:service)?anfragen|aucune demande|no hay solicitudes|要求はありません/i;

function cellFor(grid: Grid, row: Element[], field: Field): Element | undefined {
  const header = grid.headers.find((h) => h.field === field);
  return header ? row[header.colIndex] : undefined;
}

function readRow(grid: Grid, row: Element[], index: number, url: URL): CaseSnapshot | ReturnType<typeof problem> {
  const where = `row ${index + 1}`;
  const idText = textOf(cellFor(grid, row, 'id'));
  const caseId = idText?.replace(/^#/, '').trim();
  if (!caseId || !REQUEST_ID.test(caseId)) {
    return problem(where, `Expected a request number in the id column, got ${preview(idText ?? null)}`);
  }
  const titleCell = cellFor(grid, row, 'title');
  const title = textOf(titleCell);
  if (!title) return problem(where, 'Expected a title, found an empty cell', caseId);
  const status = labelOf(cellFor(grid, row, 'status'));
  if (!status) return problem(where, 'Expected a status, found an empty cell', caseId);
  const severity = labelOf(cellFor(grid, row, 'severity'));
  const link = row
    .map((c) => c?.querySelector('a[href]'))
    .find(Boolean)
    ?.getAttribute('href');
  const owner = labelOf(cellFor(grid, row, 'owner'));
  const snapshot: CaseSnapshot = {
    provider: PROVIDER,
    caseId,
    title,
    vendorStatus: status,
    state: stateOf(status),
    severity: severity ? severityOf(severity) : null,
    vendorSeverity: severity,
    createdAt: readCellTime(cellFor(grid, row, 'created')),
    updatedAt: readCellTime(cellFor(grid, row, 'modified')),
    url: safeCaseUrl(link ?? null, url),
  };
  if (owner) snapshot.owner = owner;
  return snapshot;
}

// ---- Detail pane (a side panel or dialog opened over the list) ----

const PANE = '[role="dialog"], [role="complementary"], aside, .ms-Panel';
const MESSAGES_REGION =
  /messages|notes|conversation|history|communications|nachrichten|notizen|verlauf|historique|mensajes|notas|historial|メッセージ|メモ|履歴/i;

function readPanePairs(pane: Element): Map<Field, Element> {
  const pairs = new Map<Field, Element>();
  const add = (label: string | null | undefined, value: Element | null) => {
    const field = label ? mapHeader(label) : null;
    if (field && value && !pairs.has(field)) pairs.set(field, value);
  };
  for (const dt of Array.from(pane.querySelectorAll('dt'))) add(dt.textContent, dt.nextElementSibling);
  for (const tr of Array.from(pane.querySelectorAll('tr')))
    add(tr.querySelector('th')?.textContent, tr.querySelector('td'));
  return pairs;
}

function readPaneMessages(pane: Element): CaseMessage[] {
  const regions = Array.from(pane.querySelectorAll('section, [role="region"], [role="list"], ul, ol')).filter((el) => {
    const name = el.getAttribute('aria-label') ?? el.querySelector('h2, h3, h4')?.textContent ?? '';
    return MESSAGES_REGION.test(name);
  });
  const messages: CaseMessage[] = [];
  const seen = new Set<Element>();
  for (const region of regions) {
    for (const item of Array.from(region.querySelectorAll('[role="listitem"], li, article'))) {
      if (seen.has(item)) continue;
      seen.add(item);
      const at = toUtcIso(item.querySelector('time[datetime]')?.getAttribute('datetime'));
      if (!at) continue;
      const author = textOf(item.querySelector('[data-author], [class*="author"], strong, h4'), 200);
      const isVendor =
        !!item.querySelector('[data-side="vendor"]') ||
        item.getAttribute('data-side') === 'vendor' ||
        /microsoft/i.test(author ?? '');
      messages.push({
        at,
        author,
        side: isVendor ? 'vendor' : 'customer',
        text: cleanBody(blockText(item.querySelector('[class*="body"], p, [data-body]'))),
      });
    }
  }
  return messages.sort((a, b) => a.at.localeCompare(b.at));
}

/** Reads an open request pane; null when no pane naming a request is open. */
function readPane(doc: Document, url: URL): CaseSnapshot | null {
  for (const pane of Array.from(doc.querySelectorAll(PANE))) {
    const pairs = readPanePairs(pane);
    const caseId = textOf(pairs.get('id'))?.replace(/^#/, '').trim();
    if (!caseId || !REQUEST_ID.test(caseId)) continue;
    const title = textOf(pairs.get('title')) ?? textOf(pane.querySelector('h1, h2'));
    const status = labelOf(pairs.get('status'));
    const severity = labelOf(pairs.get('severity'));
    return {
      provider: PROVIDER,
      caseId,
      title: title ?? `Service request ${caseId}`,
      vendorStatus: status,
      state: status ? stateOf(status) : null,
      severity: severity ? severityOf(severity) : null,
      vendorSeverity: severity,
      createdAt: readCellTime(pairs.get('created')),
      updatedAt: readCellTime(pairs.get('modified')),
      url: safeCaseUrl(null, url),
      owner: labelOf(pairs.get('owner')),
      messages: readPaneMessages(pane),
    };
  }
  return null;
}

function isSupportRoute(url: URL): boolean {
  return url.hostname === 'admin.microsoft.com' && /#\/support/i.test(url.hash);
}

export const microsoft365: ProviderAdapter = {
  id: PROVIDER,
  matches: MICROSOFT_365.matches,
  page: {
    detect: (_doc, url) => (isSupportRoute(url) ? 'list' : null),
    isReady(doc) {
      const grid = findRequestsGrid(doc);
      if (grid && (grid.rows.length > 0 || grid.saysEmpty)) return true;
      return !!readPaneIfAny(doc) || EMPTY_TEXT.test(doc.body?.textContent ?? '');
    },
    extract(doc, url) {
      const grid = findRequestsGrid(doc);
      const pane = readPane(doc, url);
      const result: Extraction = { kind: 'list', cases: [], problems: [] };
      if (grid) {
        const missing = KEY_FIELDS.filter((f) => !grid.headers.some((h) => h.field === f));
        if (missing.length) {
          throw new ProviderParseError(
            PROVIDER,
            url.href,
            'layout-changed',
            `Expected request ${missing.join(', ')} columns, found headers ${preview(
              grid.headers.map((h) => h.label),
              300,
            )}`,
          );
        }
        Object.assign(
          result,
          collectItems('list', grid.rows, (row, i) => readRow(grid, row, i, url)),
        );
        if (grid.rows.length === 0 && !grid.saysEmpty && !EMPTY_TEXT.test(doc.body?.textContent ?? '')) {
          throw new ProviderParseError(
            PROVIDER,
            url.href,
            'layout-changed',
            'Expected request rows or an empty-list message, found neither',
          );
        }
      } else if (!pane) {
        if (EMPTY_TEXT.test(doc.body?.textContent ?? '')) return result;
        throw new ProviderParseError(
          PROVIDER,
          url.href,
          'layout-changed',
          'Expected a service-requests grid or table, found none',
        );
      }
      if (pane) {
        // The pane knows more about its request (messages); it replaces that row's snapshot.
        const fromList = result.cases.find((c) => c.caseId === pane.caseId);
        const merged: CaseSnapshot = fromList
          ? {
              ...fromList,
              ...Object.fromEntries(Object.entries(pane).filter(([, v]) => v !== null && v !== undefined)),
              url: fromList.url,
            }
          : pane;
        result.cases = [merged, ...result.cases.filter((c) => c.caseId !== pane.caseId)];
        if (!grid) result.kind = 'detail';
      }
      result.cases = uniqueByCaseId(result.cases);
      return result;
    },
  },
};

function readPaneIfAny(doc: Document): boolean {
  return Array.from(doc.querySelectorAll(PANE)).some((pane) => readPanePairs(pane).has('id'));
}
