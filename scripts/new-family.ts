/**
 * npm run new-family -- <id> --name "<Platform name>" --domain <tenant domain>
 *
 * Writes a new portal family's skeleton: its folder (record and adapter), its content script, its
 * fixtures (an example list body, read-at.txt, SOURCES.md) and its test, and registers it in the two
 * lists (lib/capture/families/records.ts, lib/capture/index.ts) and in the README's permissions table.
 * The skeleton reads a made-up JSON list ({tickets: [...]}) and passes every test as written, so a
 * family starts green; then replace the example body with a real one and the reader with the portal's
 * shape (docs/contributing.md, "Adding a portal family").
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface FamilyRequest {
  /** Kebab-case: the folder, content script and fixture folder name ("acme-desk"). */
  id: string;
  /** The platform's name as users know it ("Acme Desk"). */
  name: string;
  /** The domain tenants live under ("acmedesk.com": northwind.acmedesk.com is one vendor). */
  domain: string;
}

/** What the scaffold writes: new files, and the new text of the files it registers the family in. */
export interface FamilyPlan {
  files: Record<string, string>;
  edits: Record<string, string>;
}

const RECORDS = 'lib/capture/families/records.ts';
const REGISTRY = 'lib/capture/index.ts';
const README = 'README.md';
const PERMISSIONS_ROW = /^\| content scripts on (.*) \| read case pages/m;

/** Checks the request; throws "Expected …" naming the bad field. */
export function checkRequest(req: FamilyRequest, exists: (path: string) => boolean): void {
  if (!/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(req.id))
    throw new Error(`Expected an id in kebab-case (acme-desk), got ${JSON.stringify(req.id)}`);
  if (['custom', 'manual', 'tap'].includes(req.id) || exists(`lib/capture/families/${req.id}`))
    throw new Error(`Expected a new family id, got ${req.id}: it is taken`);
  if (!/^[\p{L}\p{N}][\p{L}\p{N} .&'-]{1,38}$/u.test(req.name))
    throw new Error(`Expected a name of 2 to 39 letters, digits, spaces or .&'-, got ${JSON.stringify(req.name)}`);
  if (!/^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/.test(req.domain))
    throw new Error(`Expected a domain like acmedesk.com, got ${JSON.stringify(req.domain)}`);
}

const constName = (id: string) => id.toUpperCase().replace(/-/g, '_');
const varName = (id: string) => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const regexSource = (s: string) => s.replace(/[.+?^${}()|[\]\\/]/g, '\\$&');
/** Two or three letters for the mark: the name's initials, else its first two letters. */
function markOf(name: string): string {
  const initials = name
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase())
    .join('');
  return initials.length >= 2 ? initials.slice(0, 3) : name.slice(0, 2);
}

/** Plans the skeleton; `read` gives the current text of a repository file. */
export function planFamily(req: FamilyRequest, read: (path: string) => string): FamilyPlan {
  const { id, name, domain } = req;
  const C = constName(id);
  const v = varName(id);
  const match = `https://*.${domain}/*`;
  const tenant = `https://northwind.${domain}`;
  const files: Record<string, string> = {
    [`lib/capture/families/${id}/family.ts`]: `/** ${name}: one vendor per tenant (northwind.${domain}). Written by npm run new-family. */
import type { FamilyRecord } from '../../../core/family-record';

export const ${C} = {
  id: '${id}' as const,
  name: '${name.replace(/'/g, "\\'")}',
  mark: '${markOf(name)}',
  // White text on it keeps a contrast of at least 4.5:1 (tests/unit/core/platforms.test.ts checks).
  colour: '#3d4451',
  tenantHosts: /\\.${regexSource(domain)}$/,
  // Tenants may run on their own domains: "Track this portal" offers it. customDomainPaths: the page
  // paths that suggest it there (Zendesk's /hc/), so that the popup can guess it.
  trackable: true,
  listPage: '/tickets',
  matches: ['${match}'],
  // The JSON the portal's own front end loads: its list and single-ticket endpoints.
  apiOnPageOrigin: true,
  apiUrlPatterns: [/^https:\\/\\/[^/]+\\/api\\/tickets(?:\\/\\d+)?\\/?(?:\\?|$)/],
} satisfies FamilyRecord;
`,
    [`lib/capture/families/${id}/adapter.ts`]: `/**
 * ${name}: reads the ticket list and single ticket JSON ({tickets: [...]}, {ticket: {...}}) the portal's
 * front end loads. Written by npm run new-family for a made-up shape: replace it with the portal's own.
 */
import type { CaseSnapshot, CaseState, Severity } from '../../../core/model';
import { cleanLabel, cleanText, isRecord, lookup, preview, str } from '../../../core/text';
import { toUtcIso } from '../../../core/time';
import { collectItems, problem } from '../../common';
import { ProviderParseError, type PageKind, type ProviderAdapter } from '../../types';
import { ${C} } from './family';

const PROVIDER = ${C}.id;

// The portal's status labels (lower case) and whose move each is.
const STATES: Record<string, CaseState> = {
  new: 'new',
  open: 'open',
  pending: 'waiting-on-customer',
  'on hold': 'on-hold',
  solved: 'resolved',
  closed: 'closed',
};
const SEVERITIES: Record<string, Severity> = { urgent: 'critical', high: 'high', normal: 'normal', low: 'low' };

function readTicket(item: unknown, where: string, url: URL): CaseSnapshot | ReturnType<typeof problem> {
  if (!isRecord(item)) return problem(where, 'Expected a ticket object');
  const caseId = str(item.id);
  if (!caseId || !/^\\d{1,20}$/.test(caseId))
    return problem(where, \`Expected a numeric id, got \${preview(item.id ?? null)}\`);
  const status = cleanLabel(item.status);
  const priority = cleanLabel(item.priority);
  return {
    provider: PROVIDER,
    caseId,
    title: cleanText(str(item.subject)) ?? \`Ticket \${caseId}\`,
    vendorStatus: status,
    // An unknown label is null, shown as "needs a look", never guessed.
    state: status ? (lookup(STATES, status.toLowerCase()) ?? null) : null,
    severity: priority ? (lookup(SEVERITIES, priority.toLowerCase()) ?? null) : null,
    vendorSeverity: priority,
    createdAt: toUtcIso(item.created_at),
    updatedAt: toUtcIso(item.updated_at),
    url: new URL(\`/tickets/\${encodeURIComponent(caseId)}\`, url.origin).href,
  };
}

function detect(body: unknown): PageKind | null {
  if (!isRecord(body)) return null;
  if (Array.isArray(body.tickets)) return 'list';
  if (isRecord(body.ticket)) return 'detail';
  return null;
}

export const ${v}: ProviderAdapter = {
  id: PROVIDER,
  matches: ${C}.matches,
  api: {
    urlPatterns: ${C}.apiUrlPatterns,
    onPageOrigin: ${C}.apiOnPageOrigin,
    detect: (body) => detect(body),
    extract(body, url) {
      const kind = detect(body);
      if (!kind || !isRecord(body))
        throw new ProviderParseError(PROVIDER, url.href, 'unknown-shape', 'Expected {tickets: [...]} or {ticket: {...}}');
      const items = kind === 'list' ? (body.tickets as unknown[]) : [body.ticket];
      return collectItems(kind, items, (item, i) => readTicket(item, kind === 'list' ? \`tickets[\${i}]\` : 'ticket', url));
    },
  },
};
`,
    [`entrypoints/${id}.content.ts`]: `import { defineContentScript } from 'wxt/utils/define-content-script';
import { runAdapter } from '@/lib/capture/run';
import { ${v} } from '@/lib/capture/families/${id}/adapter';

// document_start so that JSON forwarded by the tap early in page load is not missed.
export default defineContentScript({
  matches: ${v}.matches,
  runAt: 'document_start',
  main: (ctx) => runAdapter(${v}, ctx),
});
`,
    [`tests/fixtures/${id}/example-tickets.json`]:
      JSON.stringify(
        {
          tickets: [
            {
              id: 1042,
              subject: 'VPN tunnel drops every night at 02:00',
              status: 'Pending',
              priority: 'High',
              created_at: '2026-11-20T08:15:00Z',
              updated_at: '2026-11-23T14:02:00Z',
            },
            {
              id: 1038,
              subject: 'Invoice shows the wrong VAT number',
              status: 'Open',
              priority: 'Low',
              created_at: '2026-11-18T10:00:00Z',
              updated_at: '2026-11-19T09:30:00Z',
            },
          ],
        },
        null,
        2,
      ) + '\n',
    [`tests/fixtures/${id}/read-at.txt`]: `# Where the tests read these fixtures: a page URL for .html files, an API URL for .json bodies.
api ${tenant}/api/tickets
`,
    [`tests/fixtures/${id}/SOURCES.md`]: `# ${name} fixtures

| file | what it is | where it came from |
|---|---|---|
| example-tickets.json | a ticket list body | written by \`npm run new-family\` as a stand-in: replace it with a captured (and scrubbed) or vendor-published body, and say here where it came from |
`,
    [`tests/unit/capture/families/${id}.test.ts`]: `import { describe, expect, it } from 'vitest';
import { ${v} } from '@/lib/capture/families/${id}/adapter';
import { loadFixtureJson } from '../../../helpers/fixtures';

const LIST = '${tenant}/api/tickets';
const read = (body: unknown) => ${v}.api!.extract(body, new URL(LIST));

describe('${name} ticket JSON', () => {
  it('reads the list: number, title, status, whose move, severity, last update, link', () => {
    const { kind, cases, problems } = read(loadFixtureJson('${id}/example-tickets.json'));
    expect(kind).toBe('list');
    expect(problems).toEqual([]);
    expect(cases.map((c) => [c.caseId, c.title, c.vendorStatus, c.state, c.severity, c.updatedAt, c.url])).toEqual([
      ['1042', 'VPN tunnel drops every night at 02:00', 'Pending', 'waiting-on-customer', 'high', '2026-11-23T14:02:00.000Z', '${tenant}/tickets/1042'],
      ['1038', 'Invoice shows the wrong VAT number', 'Open', 'open', 'low', '2026-11-19T09:30:00.000Z', '${tenant}/tickets/1038'],
    ]);
  });

  it('keeps a row it cannot read as a problem, and refuses a body it does not know', () => {
    expect(read({ tickets: [{ id: 'x' }] }).problems).toEqual([
      expect.objectContaining({ where: 'tickets[0]', reason: expect.stringMatching(/Expected a numeric id/) }),
    ]);
    expect(() => read({ items: [] })).toThrow(/Expected \\{tickets/);
  });
});
`,
  };

  const records = read(RECORDS);
  const registry = read(REGISTRY);
  const readme = read(README);
  const row = PERMISSIONS_ROW.exec(readme);
  if (!row) throw new Error(`Expected the content-scripts row in ${README}'s permissions table, found none`);
  const edits: Record<string, string> = {
    [RECORDS]: insertBefore(
      insertBefore(records, '\nexport const FAMILY_RECORDS', `import { ${C} } from './${id}/family';\n`, RECORDS),
      '] as const;',
      `  ${C},\n`,
      RECORDS,
    ),
    [REGISTRY]: insertBefore(
      insertBefore(
        registry,
        "import { guarded } from './guard';",
        `import { ${v} } from './families/${id}/adapter';\n`,
        REGISTRY,
      ),
      '].map(guarded);',
      `  ${v},\n`,
      REGISTRY,
    ),
    [README]: readme.replace(PERMISSIONS_ROW, (line, hosts: string) => line.replace(hosts, `${hosts}, \`${match}\``)),
  };
  return { files, edits };
}

function insertBefore(text: string, anchor: string, insert: string, file: string): string {
  const at = text.indexOf(anchor);
  if (at < 0) throw new Error(`Expected "${anchor.trim()}" in ${file}, found none: register the family by hand`);
  // An anchor that starts a line after a blank one (\nexport …) takes the insert above the blank line.
  const lineStart = anchor.startsWith('\n') ? at : text.lastIndexOf('\n', at) + 1;
  return text.slice(0, lineStart) + insert + text.slice(lineStart);
}

/** Writes the plan under `root`; refuses to overwrite a file. */
export function writePlan(plan: FamilyPlan, root: string): string[] {
  for (const path of Object.keys(plan.files))
    if (existsSync(`${root}/${path}`)) throw new Error(`Expected ${path} not to exist yet; nothing was written`);
  for (const [path, text] of Object.entries({ ...plan.files, ...plan.edits })) {
    mkdirSync(dirname(`${root}/${path}`), { recursive: true });
    writeFileSync(`${root}/${path}`, text);
  }
  return [...Object.keys(plan.files), ...Object.keys(plan.edits)];
}

function main(argv: string[]): void {
  const id = argv[0] ?? '';
  const option = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? (argv[i + 1] ?? '') : '';
  };
  const req = { id, name: option('--name'), domain: option('--domain') };
  const root = process.cwd();
  checkRequest(req, (p) => existsSync(`${root}/${p}`));
  const written = writePlan(
    planFamily(req, (p) => readFileSync(`${root}/${p}`, 'utf8')),
    root,
  );
  // The templates are not formatted to the house style; Prettier is.
  const code = written.filter((p) => /\.(?:ts|tsx)$/.test(p));
  const prettier = spawnSync('npx', ['prettier', '--log-level', 'warn', '--write', ...code], { stdio: 'inherit' });
  if (prettier.status !== 0) throw new Error(`Expected Prettier to format ${code.join(' ')}; it failed`);
  console.log(`Wrote and registered ${id}:\n${written.map((p) => `  ${p}`).join('\n')}`);
  console.log(
    `Next: npx vitest run tests/unit/capture   (green as written)\n` +
      `      then docs/contributing.md, "Adding a portal family", from step 2.`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
