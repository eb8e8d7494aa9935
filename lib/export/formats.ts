/**
 * Case-history exports: CSV (events or cases), JSON (versioned, documented schema), Markdown.
 * Each is produced page by page from the store into a Blob, so memory does not grow with the store.
 */
import type { CaseradarDB } from '../store/db';
import { caseLabel } from '../core/model';
import { casesCsv, eventsCsv } from './csv';
import { loadPolicy } from '../alerts/settings';
import { alertsForCase } from '../alerts/staleness';
import { walkCases, type CaseWithEvents, type ExportScope } from './walk';
import { capitalised, portalWordBeside, SEVERITY_LABELS, STATE_LABELS } from '../cases/format';

export type ExportFormat = 'csv-events' | 'csv-cases' | 'json' | 'markdown';

export const EXPORT_FORMATS: Record<ExportFormat, { label: string; extension: string; mime: string }> = {
  'csv-events': { label: 'CSV, one row per event', extension: 'csv', mime: 'text/csv;charset=utf-8' },
  'csv-cases': { label: 'CSV, one row per case', extension: 'csv', mime: 'text/csv;charset=utf-8' },
  json: { label: 'JSON (caseradar-export v1)', extension: 'json', mime: 'application/json' },
  markdown: { label: 'Markdown', extension: 'md', mime: 'text/markdown;charset=utf-8' },
};

/**
 * JSON export schema, version 1:
 * { format: "caseradar-export", version: 1, exportedAt: ISO, cases: [ StoredCase & { events: CaseEvent[] } ] }
 * Timestamps are ISO-8601 UTC; fields are those of lib/core/model.ts.
 */
export const JSON_EXPORT_VERSION = 1;

/**
 * Markdown-significant characters escaped so portal text stays literal text in any renderer. GFM also
 * links bare URLs (scheme://, www.) and e-mail addresses: an escape inside each pattern breaks it.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()<>#+!|~@-]/g, '\\$&')
    .replace(/:\/\//g, '\\://')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/\r?\n/g, '  \n');
}

const md = (text: string | null | undefined) => escapeMarkdown(text ?? '—');
/** An ISO time as it is; anything else in a time field (a hand-edited backup) escaped like text. */
const mdTime = (iso: string | null | undefined) =>
  iso && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/.test(iso) ? iso : md(iso);

/** "Waiting on you (portal: Pending customer action)"; the portal's word alone when it says the same. */
function withPortalWord(ours: string, portal: string | null | undefined): string {
  const theirs = portalWordBeside(ours, portal);
  return theirs ? `${ours} (portal: ${capitalised(theirs)})` : ours;
}

function markdownPage(page: CaseWithEvents[]): string {
  return page
    .map(({ case: c, events }) => {
      const lines = [
        `## ${escapeMarkdown(`${caseLabel(c)}: ${c.title}`)}`,
        '',
        // In words, with the portal's own label where it says more (as the popup shows them).
        `- State: ${escapeMarkdown(withPortalWord(c.state ? STATE_LABELS[c.state] : 'Unknown', c.vendorStatus))}`,
        `- Severity: ${escapeMarkdown(withPortalWord(c.severity ? SEVERITY_LABELS[c.severity] : 'Not given', c.vendorSeverity))}`,
        // Times too: a restored row is checked, but an export must not trust that it was.
        `- Created: ${mdTime(c.createdAt)} · Updated: ${mdTime(c.updatedAt)} · Last observed: ${mdTime(c.lastObservedAt)}`,
        // A case typed in by hand may have no link: no empty "<>".
        ...(/^https?:\/\//i.test(c.url) ? [`- Link: <${c.url.replace(/[<>\s]/g, encodeURIComponent)}>`] : []),
        '',
        '### History',
        '',
        ...events.map((e) => {
          if (e.type === 'message' && e.message) {
            const via = e.message.via === 'email' ? ', by email' : e.message.via === 'selection' ? ', from a page' : '';
            const who = `${e.message.side}${e.message.author ? `, ${e.message.author}` : ''}${via}`;
            return `- ${mdTime(e.at)} — message (${escapeMarkdown(who)}): ${escapeMarkdown(e.message.text ?? '')}`;
          }
          return `- ${mdTime(e.at)} — ${e.type}: ${md(e.from)} → ${md(e.to)}`;
        }),
        '',
      ];
      return lines.join('\n');
    })
    .join('\n');
}

/** Builds the export as a Blob, page by page. */
export async function exportCases(
  db: CaseradarDB,
  format: ExportFormat,
  scope: ExportScope,
  nowIso: string,
): Promise<Blob> {
  const { mime } = EXPORT_FORMATS[format];
  let blob = new Blob([], { type: mime });
  let first = true;
  // CSVs say what is overdue and write local times by the user's policy: read once per export.
  const policy = format === 'csv-cases' || format === 'csv-events' ? await loadPolicy(db) : null;
  const timeZone = policy?.timeZone ?? 'UTC';
  if (format === 'json')
    blob = new Blob(
      [
        `{"format":"caseradar-export","version":${JSON_EXPORT_VERSION},"exportedAt":${JSON.stringify(nowIso)},"cases":[`,
      ],
      { type: mime },
    );
  if (format === 'markdown') blob = new Blob([`# Caseradar export\n\nExported ${nowIso}.\n\n`], { type: mime });
  for await (const page of walkCases(db, scope)) {
    let chunk: string;
    if (format === 'csv-events') chunk = eventsCsv(page, first, timeZone);
    else if (format === 'csv-cases') {
      const keys = page.map((p) => p.case.key);
      const workspaces = new Map(
        (await db.workspaces.bulkGet(keys)).flatMap((w) => (w ? [[w.caseKey, w] as const] : [])),
      );
      chunk = casesCsv(page, first, {
        alerts: (c) => (policy ? alertsForCase(c, policy, nowIso) : []),
        workspaces,
        timeZone,
      });
    } else if (format === 'json') chunk = page.map(({ case: c, events }) => JSON.stringify({ ...c, events })).join(',');
    else chunk = markdownPage(page);
    if (format === 'json' && !first && chunk) chunk = `,${chunk}`;
    // Chaining Blobs lets the browser keep earlier parts out of the JS heap.
    blob = new Blob([blob, chunk], { type: mime });
    first = false;
  }
  if (format === 'json') blob = new Blob([blob, ']}\n'], { type: mime });
  if (first && (format === 'csv-events' || format === 'csv-cases')) {
    blob = new Blob(
      [
        format === 'csv-events'
          ? eventsCsv([], true, timeZone)
          : casesCsv([], true, { alerts: () => [], workspaces: new Map(), timeZone }),
      ],
      { type: mime },
    );
  }
  return blob;
}
