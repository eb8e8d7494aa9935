import fc from 'fast-check';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseradarDB } from '@/lib/store/db';
import { savePolicy } from '@/lib/alerts/settings';
import { defaultPolicy } from '@/lib/alerts/policy';
import { createBackup, parseBackup, planRestore, RESTORED_PAUSED, restoreBackup } from '@/lib/export/backup';
import { CASE_COLUMNS, EVENT_COLUMNS, neutralizeCell } from '@/lib/export/csv';
import { escapeMarkdown, exportCases } from '@/lib/export/formats';
import { ingestSnapshot } from '@/lib/store/ingest';
import type { CaseSnapshot } from '@/lib/core/model';
import { buildFixtureStore } from '../../helpers/fixture-store';
import { SERVICENOW } from '@/lib/capture/families/servicenow/family';
import { runs } from '../../helpers/property-runs';

/** No origin granted: restored refresh schedules come back only for the families' own hosts. */
const NO_GRANTS = { isGranted: async () => false };

let db: CaseradarDB;
let n = 0;
beforeEach(() => {
  db = new CaseradarDB(`export-test-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

const NOW = '2026-11-21T10:00:00.000Z';
const TABLES = ['cases', 'events', 'portals', 'snoozes', 'firedAlerts', 'settings', 'vendors'] as const;
const dump = async (d: CaseradarDB) =>
  Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await d.table(t).toArray()])));

const HOSTILE_TITLES = [
  '=HYPERLINK("http://evil.example","click")',
  '+1+2',
  '-2+3',
  '@SUM(A1:A2)',
  '\tTabbed',
  '\rReturn',
  'Quotes "inside", commas, and\nnew lines',
  'Unicode ✓ 東京 🚀 \u202Ebidi',
  '<script>alert(1)</script>',
];

const snap = (caseId: string, title: string, extra: Partial<CaseSnapshot> = {}): CaseSnapshot => ({
  provider: 'zendesk',
  caseId,
  title,
  vendorStatus: 'Open',
  state: 'open',
  severity: null,
  vendorSeverity: null,
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-02T10:00:00.000Z',
  url: `https://x.zendesk.com/hc/requests/${caseId}`,
  ...extra,
});

async function seedHostile(): Promise<void> {
  await ingestSnapshot(db, {
    provider: 'zendesk',
    pageUrl: 'https://x.zendesk.com/hc/en-us/requests',
    sourceUrl: 'https://x.zendesk.com/hc/en-us/requests',
    capturedAt: NOW,
    how: 'visit',
    extraction: {
      kind: 'list',
      problems: [],
      cases: HOSTILE_TITLES.map((t, i) =>
        snap(String(i + 1), t, {
          messages: [{ at: '2026-11-02T10:00:00.000Z', author: '=cmd|/c calc', side: 'vendor', text: `-${t}` }],
        }),
      ),
    },
  });
}

describe('CSV export', () => {
  it('neutralises formula-looking cells and nothing else', () => {
    expect(HOSTILE_TITLES.slice(0, 6).map(neutralizeCell)).toEqual(HOSTILE_TITLES.slice(0, 6).map((t) => `'${t}`));
    expect(neutralizeCell('Normal title')).toBe('Normal title');
    expect(neutralizeCell('a=b')).toBe('a=b');
    expect(neutralizeCell('  indented, no formula')).toBe('  indented, no formula');
  });

  it('neutralises formula starters behind white space, NBSP or a line break, and full-width ones', () => {
    const hidden = [
      ' =1+1',
      '\u00a0=HYPERLINK("http://evil.example")',
      '\n=1+1',
      '\u3000@SUM(A1)',
      '＝1+1',
      '＋1',
      '－1',
      '＠SUM(A1)',
      ' \t-2',
    ];
    expect(hidden.map(neutralizeCell)).toEqual(hidden.map((t) => `'${t}`));
  });

  it('parses back to exactly the exported values, with formulas inert', async () => {
    await seedHostile();
    const text = await (await exportCases(db, 'csv-cases', { kind: 'all' }, NOW)).text();
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual([...CASE_COLUMNS]);
    const titles = parsed.data.slice(1).map((row) => row[CASE_COLUMNS.indexOf('title')]);
    expect(titles).toEqual(HOSTILE_TITLES.map(neutralizeCell));
    for (const t of titles) expect(t).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("says whose move it is, since when the vendor is quiet, whether it is overdue, and the user's workspace", async () => {
    await seedHostile();
    const base = (await db.cases.get('x.zendesk.com:1'))!;
    await db.cases.put({
      ...base,
      state: 'open',
      lastVendorMessageAt: '2026-11-10T09:00:00.000Z',
      lastCustomerMessageAt: '2026-11-09T09:00:00.000Z',
    });
    await db.workspaces.put({
      caseKey: base.key,
      notes: 'Ask for the RFO',
      infoPack: { environment: '', repro: '', impact: '' },
      escalation: { level: '2', contact: 'Dana', escalatedAt: '2026-11-18T09:00:00.000Z' },
      updatedAt: NOW,
    });
    const text = await (await exportCases(db, 'csv-cases', { kind: 'keys', keys: [base.key] }, NOW)).text();
    const [header, row] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    const col = (name: (typeof CASE_COLUMNS)[number]) => row![header!.indexOf(name)];
    expect(col('whoseMove')).toBe('vendor');
    expect(col('vendorQuietSince')).toBe('2026-11-10T09:00:00.000Z');
    expect(col('overdue')).toBe('yes');
    expect(col('mostPressingAlert')).toMatch(/^vendor quiet for \d+ business days \(limit 3 business days\)$/);
    expect([col('notes'), col('escalationLevel'), col('escalationContact'), col('escalatedAt')]).toEqual([
      'Ask for the RFO',
      '2',
      'Dana',
      '2026-11-18T09:00:00.000Z',
    ]);
  });

  it("writes local date-times a spreadsheet reads as dates, in the user's zone, beside ISO UTC", async () => {
    await seedHostile();
    await savePolicy(db, { ...defaultPolicy('America/New_York') });
    const base = (await db.cases.get('x.zendesk.com:1'))!;
    await db.cases.put({
      ...base,
      state: 'open',
      createdAt: '2026-11-01T05:30:00.000Z',
      updatedAt: '2026-11-10T09:00:00.000Z',
    });
    const cases = await (await exportCases(db, 'csv-cases', { kind: 'keys', keys: [base.key] }, NOW)).text();
    const [header, row] = Papa.parse<string[]>(cases, { skipEmptyLines: true }).data;
    const col = (name: (typeof CASE_COLUMNS)[number]) => row![header!.indexOf(name)];
    // 1 Nov 2026 is New York's switch to EST: 05:30Z is 01:30 EDT, the first of two 01:30s.
    expect([col('createdAtLocal'), col('updatedAtLocal'), col('timeZone')]).toEqual([
      '2026-11-01 01:30',
      '2026-11-10 04:00',
      'America/New_York',
    ]);
    const events = await (await exportCases(db, 'csv-events', { kind: 'keys', keys: ['x.zendesk.com:7'] }, NOW)).text();
    const rows = Papa.parse<string[]>(events, { skipEmptyLines: true }).data;
    const at = rows[1]![EVENT_COLUMNS.indexOf('eventAt')]!;
    expect(rows[1]![EVENT_COLUMNS.indexOf('eventAtLocal')]).toBe(
      new Intl.DateTimeFormat('sv-SE', { timeZone: 'America/New_York', dateStyle: 'short', timeStyle: 'short' }).format(
        new Date(at),
      ),
    );
  });

  it('writes one row per event with message text, side and author', async () => {
    await seedHostile();
    const text = await (await exportCases(db, 'csv-events', { kind: 'keys', keys: ['x.zendesk.com:7'] }, NOW)).text();
    const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual([...EVENT_COLUMNS]);
    const col = (r: string[], name: (typeof EVENT_COLUMNS)[number]) => r[EVENT_COLUMNS.indexOf(name)];
    expect(rows.slice(1).map((r) => [col(r, 'vendor'), col(r, 'portal'), col(r, 'platform')])).toEqual([
      ['X', 'x.zendesk.com', 'zendesk'],
      ['X', 'x.zendesk.com', 'zendesk'],
    ]);
    expect(
      rows
        .slice(1)
        .map((r) => [col(r, 'eventType'), col(r, 'messageSide'), col(r, 'messageAuthor'), col(r, 'messageText')]),
    ).toEqual([
      ['created', '', '', ''],
      ['message', 'vendor', "'=cmd|/c calc", '\'-Quotes "inside", commas, and\nnew lines'],
    ]);
  });

  it('round-trips any text through the CSV (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 8 }),
        async (titles) => {
          const local = new CaseradarDB(`export-prop-${++n}`);
          try {
            await ingestSnapshot(local, {
              provider: 'zendesk',
              pageUrl: 'https://x.zendesk.com/hc/en-us/requests',
              sourceUrl: 'https://x.zendesk.com/hc/en-us/requests',
              capturedAt: NOW,
              how: 'visit',
              extraction: { kind: 'list', problems: [], cases: titles.map((t, i) => snap(String(i + 1), t)) },
            });
            const text = await (await exportCases(local, 'csv-cases', { kind: 'all' }, NOW)).text();
            const rows = Papa.parse<string[]>(text, { skipEmptyLines: false }).data.filter((r) => r.length > 1);
            const byId = new Map(
              rows.slice(1).map((r) => [r[CASE_COLUMNS.indexOf('caseId')], r[CASE_COLUMNS.indexOf('title')]]),
            );
            titles.forEach((t, i) => expect(byId.get(String(i + 1))).toBe(neutralizeCell(t)));
          } finally {
            await local.delete();
          }
        },
      ),
      { numRuns: runs(60) },
    );
  });
});

describe('JSON and Markdown export', () => {
  it('writes the documented, versioned JSON schema with every event', async () => {
    await seedHostile();
    const json = JSON.parse(await (await exportCases(db, 'json', { kind: 'all' }, NOW)).text());
    expect(json).toMatchObject({ format: 'caseradar-export', version: 1, exportedAt: NOW });
    expect(json.cases).toHaveLength(HOSTILE_TITLES.length);
    expect(json.cases[0].title).toBe(HOSTILE_TITLES[0]); // JSON keeps the raw value
    expect(json.cases[0].events.map((e: { type: string }) => e.type)).toEqual(['created', 'message']);
  });

  it('escapes Markdown so portal text cannot become markup', async () => {
    expect(escapeMarkdown('<b> [x](y) *b* # h')).toBe('\\<b\\> \\[x\\]\\(y\\) \\*b\\* \\# h');
    await seedHostile();
    const md = await (await exportCases(db, 'markdown', { kind: 'keys', keys: ['x.zendesk.com:9'] }, NOW)).text();
    expect(md).toContain('\\<script\\>alert\\(1\\)\\</script\\>');
    expect(md).not.toContain('<script>');
  });

  it('breaks GFM autolinks (bare URLs, www., e-mail addresses) in portal text', () => {
    expect(escapeMarkdown('see https://evil.example/x or www.evil.example, mail bob@evil.example')).toBe(
      'see https\\://evil.example/x or www\\.evil.example, mail bob\\@evil.example',
    );
  });

  it('escapes a time field that is not an ISO time (a hand-edited backup), never a live image', async () => {
    await seedHostile();
    const event = (await db.events.where('caseKey').equals('x.zendesk.com:1').first())!;
    await db.events.put({ ...event, at: '![](https://a.example/b.png)' });
    const md = await (await exportCases(db, 'markdown', { kind: 'keys', keys: ['x.zendesk.com:1'] }, NOW)).text();
    expect(md).toContain('- \\!\\[\\]\\(https\\://a.example/b.png\\) — created');
    expect(md).not.toContain('![](');
    expect(md).toContain('- Created: 2026-11-01T10:00:00.000Z · Updated: 2026-11-02T10:00:00.000Z');
  });

  it('reads as a report: states and severities in words, no empty link for a case typed in by hand', async () => {
    const base = (await seedHostile(), (await db.cases.get('x.zendesk.com:1'))!);
    await db.cases.bulkPut([
      {
        ...base,
        key: 'aws:7',
        provider: 'aws',
        portal: 'aws',
        caseId: '7',
        title: 'Quota',
        state: 'waiting-on-customer',
        vendorStatus: 'pending-customer-action',
        severity: 'critical',
        vendorSeverity: 'urgent',
        url: 'https://support.console.aws.amazon.com/x',
      },
      {
        ...base,
        key: 'manual:T-1',
        provider: 'manual',
        portal: 'manual:acme',
        caseId: 'T-1',
        title: 'Call',
        state: 'open',
        vendorStatus: 'Open',
        severity: null,
        vendorSeverity: null,
        url: '',
      },
    ]);
    const md = await (await exportCases(db, 'markdown', { kind: 'keys', keys: ['aws:7', 'manual:T-1'] }, NOW)).text();
    expect(md).toContain(
      // Parentheses escaped like all Markdown syntax in text.
      '- State: Waiting on you \\(portal: Pending customer action\\)\n- Severity: Critical \\(portal: Urgent\\)',
    );
    expect(md).toContain('- State: Open\n- Severity: Not given');
    expect(md.match(/- Link:/g)).toHaveLength(1);
  });
});

describe('backup and restore', () => {
  it('backup → wipe → restore gives an identical store, for a store built from every fixture', async () => {
    const snapshots = await buildFixtureStore(db);
    expect(snapshots).toBeGreaterThan(15);
    await db.snoozes.put({
      caseKey: 'northwind.zendesk.com:48213',
      until: null,
      vendorMarker: '2026-10-02T11:40:55.000Z',
      createdAt: NOW,
    });
    await db.settings.put({ key: 'policy', value: { any: 'value' } });
    const before = await dump(db);
    expect((before.cases as unknown[]).length).toBeGreaterThan(20);
    const file = JSON.stringify(await createBackup(db, NOW));
    await Promise.all(TABLES.map((t) => db.table(t).clear()));
    const backup = parseBackup(file);
    const plan = await planRestore(db, backup, 'replace', NO_GRANTS);
    expect(plan.tables.cases.add).toBe((before.cases as unknown[]).length);
    await restoreBackup(db, backup, 'replace', NO_GRANTS);
    expect(await dump(db)).toEqual(before);
  });

  it('round-trips a fuzzed store', async () => {
    const title = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 });
    const msg = fc.record({
      at: fc
        .date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString()),
      author: fc.option(fc.string({ maxLength: 20 }), { nil: null }),
      side: fc.constantFrom('vendor' as const, 'customer' as const),
      text: fc.option(fc.string({ maxLength: 60 }), { nil: null }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 500 }), title, fc.array(msg, { maxLength: 4 })), { maxLength: 12 }),
        async (items) => {
          const local = new CaseradarDB(`backup-prop-${++n}`);
          try {
            await ingestSnapshot(local, {
              provider: 'zendesk',
              pageUrl: 'https://x.zendesk.com/hc/en-us/requests',
              sourceUrl: 'https://x.zendesk.com/hc/en-us/requests',
              capturedAt: NOW,
              how: 'visit',
              extraction: {
                kind: 'list',
                problems: [],
                cases: items.map(([id, t, messages]) => snap(String(id), t, { messages })),
              },
            });
            const before = await dump(local);
            const file = JSON.stringify(await createBackup(local, NOW));
            await Promise.all(TABLES.map((t) => local.table(t).clear()));
            await restoreBackup(local, parseBackup(file), 'replace', NO_GRANTS);
            expect(await dump(local)).toEqual(before);
          } finally {
            await local.delete();
          }
        },
      ),
      { numRuns: runs(40) },
    );
  });

  it('merges without losing rows: keeps local-only rows, adds backup-only rows, newer case wins', async () => {
    await seedHostile();
    const file = JSON.stringify(await createBackup(db, NOW));
    // After the backup: one case changes (newer), one new case appears locally.
    await ingestSnapshot(db, {
      provider: 'zendesk',
      pageUrl: 'https://x.zendesk.com/hc/en-us/requests',
      sourceUrl: 'https://x.zendesk.com/hc/en-us/requests',
      capturedAt: '2026-11-22T10:00:00.000Z',
      how: 'visit',
      extraction: {
        kind: 'list',
        problems: [],
        cases: [snap('1', 'Renamed', { updatedAt: '2026-11-22T09:00:00.000Z' }), snap('100', 'Only local')],
      },
    });
    await db.cases.delete('x.zendesk.com:2'); // lost locally; the backup still has it
    const eventsBefore = await db.events.count();
    const backup = parseBackup(file);
    const plan = await planRestore(db, backup, 'merge', NO_GRANTS);
    expect(plan.tables.cases).toMatchObject({ add: 1, update: 0 });
    await restoreBackup(db, backup, 'merge', NO_GRANTS);
    expect((await db.cases.get('x.zendesk.com:1'))!.title).toBe('Renamed');
    expect(await db.cases.get('x.zendesk.com:100')).toBeDefined();
    expect(await db.cases.get('x.zendesk.com:2')).toBeDefined();
    expect(await db.events.count()).toBe(eventsBefore); // every backup event was already here
    await restoreBackup(db, backup, 'merge', NO_GRANTS); // idempotent
    expect(await db.events.count()).toBe(eventsBefore);
  });

  it('merging a backup from another machine recounts the messages of the cases it touches', async () => {
    const first = { at: '2026-11-02T10:00:00.000Z', author: 'Sam', side: 'vendor' as const, text: 'Looking into it.' };
    const reply = {
      at: '2026-11-20T09:00:00.000Z',
      author: 'Sam',
      side: 'vendor' as const,
      text: 'Fixed on our side.',
    };
    const visit = (d: CaseradarDB, messages: (typeof reply)[], capturedAt: string) =>
      ingestSnapshot(d, {
        provider: 'zendesk',
        pageUrl: 'https://x.zendesk.com/hc/en-us/requests/1',
        sourceUrl: 'https://x.zendesk.com/hc/en-us/requests/1',
        capturedAt,
        how: 'visit',
        extraction: { kind: 'detail', problems: [], cases: [snap('1', 'VPN drops', { messages })] },
      });
    const other = new CaseradarDB(`export-other-${++n}`);
    try {
      // The other machine read the vendor's reply; this one read the case later, but before the reply showed.
      await visit(other, [first, reply], '2026-11-20T10:00:00.000Z');
      await visit(db, [first], '2026-11-21T11:00:00.000Z');
      const before = (await db.cases.get('x.zendesk.com:1'))!;
      expect(before).toMatchObject({ messageCount: 1, lastVendorMessageAt: first.at });
      await restoreBackup(db, parseBackup(JSON.stringify(await createBackup(other, NOW))), 'merge', NO_GRANTS);
      // This machine's case row is the newer one and stays; its counters now include the reply.
      expect(await db.cases.get('x.zendesk.com:1')).toEqual({
        ...before,
        messageCount: 2,
        lastVendorMessageAt: reply.at,
      });
    } finally {
      await other.delete();
    }
  });

  it('restores a backup that holds the same event twice, in merge and in replace', async () => {
    await seedHostile();
    const backup = await createBackup(db, NOW);
    const doubled = {
      ...backup,
      tables: { ...backup.tables, events: [...backup.tables.events, ...backup.tables.events] },
    };
    const parsed = parseBackup(JSON.stringify(doubled));
    expect(parsed.tables.events).toEqual(backup.tables.events);
    const before = await dump(db);
    await restoreBackup(db, parsed, 'merge', NO_GRANTS);
    expect(await dump(db)).toEqual(before);
    await restoreBackup(db, parsed, 'replace', NO_GRANTS);
    expect(await dump(db)).toEqual(before);
  });

  it('rejects files that are not valid backups with a clear reason', () => {
    expect(() => parseBackup('not json')).toThrow(/not JSON/);
    expect(() => parseBackup('{"format":"other"}')).toThrow(/"format": "caseradar-backup"/);
    expect(() => parseBackup('{"format":"caseradar-backup","version":99}')).toThrow(/version 99.*Update Caseradar/);
    expect(() =>
      parseBackup(
        JSON.stringify({ format: 'caseradar-backup', version: 3, createdAt: NOW, tables: { cases: [{ key: 'x' }] } }),
      ),
    ).toThrow(/^Invalid backup at cases row 1 \("x"\), field provider: /);
    // An older backup is upgraded first: a case it cannot place under a vendor is named as such.
    expect(() =>
      parseBackup(
        JSON.stringify({ format: 'caseradar-backup', version: 1, createdAt: NOW, tables: { cases: [{ key: 'x' }] } }),
      ),
    ).toThrow(/older backup has no link, provider or case number/);
  });

  it('refuses a backup with one malformed time, naming the row and the field', async () => {
    await seedHostile();
    const backup = await createBackup(db, NOW);
    const bad = structuredClone(backup);
    bad.tables.cases[2]!.lastObservedAt = 'soon';
    expect(() => parseBackup(JSON.stringify(bad))).toThrow(
      'Invalid backup at cases row 3 ("x.zendesk.com:3"), field lastObservedAt: Expected an ISO-8601 time with a zone',
    );
    const image = structuredClone(backup);
    image.tables.events[0]!.at = '![](https://a.example/b.png)';
    expect(() => parseBackup(JSON.stringify(image))).toThrow(/^Invalid backup at events row 1 \(.*\), field at: /);
  });

  it('brings refresh schedules back only for portals we may read, at our own address, paused', async () => {
    const schedule = (provider: string, origin: string, url: string) => ({
      key: `${provider}|${origin}`,
      provider,
      origin,
      enabled: true,
      intervalMinutes: 15,
      url,
      nextAt: NOW,
      consecutiveFailures: 0,
      pausedReason: null,
      lastAttemptAt: null,
      lastOutcome: null,
      inFlightSince: null,
      tabId: null,
    });
    const backup = await createBackup(db, NOW);
    const planted = structuredClone(backup) as unknown as { tables: { refresh: unknown[] } };
    planted.tables.refresh = [
      // A local service nobody granted: dropped.
      schedule('custom', 'http://127.0.0.1:8080', 'http://127.0.0.1:8080/account/delete?confirm=1'),
      // The Azure console (a page refresh on the family's own host) pointing at another page of it.
      schedule('azure', 'https://portal.azure.com', 'https://portal.azure.com/#blade/Account/DeleteBlade'),
      // JSON portals: fetched with the user's session, so only once the user granted their origin.
      schedule(
        'servicenow',
        'https://help.example-isp.com',
        'https://help.example-isp.com/api/now/table/sn_customerservice_case',
      ),
      schedule('zendesk', 'https://northwind.zendesk.com', 'https://northwind.zendesk.com/account/delete'),
    ];
    const parsed = parseBackup(JSON.stringify(planted));
    const plan = await planRestore(db, parsed, 'merge', NO_GRANTS);
    expect(plan.tables.refresh).toMatchObject({ add: 1 });
    await restoreBackup(db, parsed, 'merge', NO_GRANTS);
    const AZURE_LIST = 'https://portal.azure.com/#view/Microsoft_Azure_Support/HelpAndSupportBlade/~/overview';
    expect(await db.refresh.toArray()).toEqual([
      expect.objectContaining({
        key: 'azure|https://portal.azure.com',
        url: AZURE_LIST,
        enabled: false,
        pausedReason: RESTORED_PAUSED,
        nextAt: null,
      }),
    ]);
    // Once the user granted the two portals, their schedules come back too: paused, at our own address.
    const granted = new Set(['https://help.example-isp.com', 'https://northwind.zendesk.com']);
    await restoreBackup(db, parsed, 'replace', { isGranted: async (origin) => granted.has(origin) });
    expect((await db.refresh.toArray()).map((s) => [s.key, s.url, s.enabled, s.pausedReason])).toEqual([
      ['azure|https://portal.azure.com', AZURE_LIST, false, RESTORED_PAUSED],
      [
        'servicenow|https://help.example-isp.com',
        `https://help.example-isp.com${SERVICENOW.refreshPath}`,
        false,
        RESTORED_PAUSED,
      ],
      [
        'zendesk|https://northwind.zendesk.com',
        'https://northwind.zendesk.com/api/v2/requests.json?sort_by=updated_at&sort_order=desc',
        false,
        RESTORED_PAUSED,
      ],
    ]);
  });
});

describe('evidence bundle', () => {
  it('hashes the content so that any later edit is detectable', async () => {
    const { buildEvidence, verifyEvidence } = await import('@/lib/export/evidence');
    await seedHostile();
    await db.workspaces.put({
      caseKey: 'x.zendesk.com:1',
      notes: 'Vendor promised a fix by Friday on the phone.',
      infoPack: { environment: 'EU tenant', repro: '', impact: 'Checkout down' },
      escalation: null,
      updatedAt: NOW,
    });
    const bundle = await buildEvidence(db, 'x.zendesk.com:1', NOW);
    expect(bundle).toMatchObject({ format: 'caseradar-evidence', version: 2, content: { case: { caseId: '1' } } });
    expect(bundle.content.workspace).toMatchObject({
      notes: 'Vendor promised a fix by Friday on the phone.',
      infoPack: { impact: 'Checkout down' },
    });
    expect(bundle.integrity).toMatch(/does not prove who made the file or when/);
    expect(bundle.content.events.map((e) => e.type)).toEqual(['created', 'message']);
    expect(bundle.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    const roundTripped = JSON.parse(JSON.stringify(bundle));
    expect(await verifyEvidence(roundTripped)).toBe(true);
    roundTripped.content.events[1].message.text = 'edited later';
    expect(await verifyEvidence(roundTripped)).toBe(false);
  });
});
