// @vitest-environment-options {"settings":{"handleDisabledFileLoadingAsSuccess":true}}
/**
 * The hostile-text corpus (tests/fixtures/hostile/strings.json) through every stage (issue 10):
 * adapters keep it as inert text and never make a javascript: link, the CSV, JSON and Markdown exports
 * escape it, and notifications carry it as bounded plain text.
 */
import Papa from 'papaparse';
import browser from 'webextension-polyfill';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CaseradarDB } from '@/lib/store/db';
import { CASE_COLUMNS, EVENT_COLUMNS, neutralizeCell } from '@/lib/export/csv';
import { escapeMarkdown, exportCases } from '@/lib/export/formats';
import { ingestSnapshot } from '@/lib/store/ingest';
import type { CaseSnapshot, ProviderId } from '@/lib/core/model';
import { showAlerts } from '@/lib/alerts/notify';
import { defaultPolicy } from '@/lib/alerts/policy';
import { ADAPTERS } from '@/lib/capture';
import type { Extraction } from '@/lib/capture/types';
import type { SweepResult } from '@/lib/alerts/sweep';
import { cleanBody, cleanText } from '@/lib/core/text';
import { escapeHtml, HOSTILE, hostileZendeskDetail, hostileZendeskList, shownCommentBody } from '../helpers/hostile';
import { extractionFaults } from './fuzz/invariants';
import { fixtureReadAt, loadFixtureJson } from '../helpers/fixtures';
import { ProviderParseError } from '@/lib/capture/types';
import { readdirSync } from 'node:fs';

const freshdeskRead = (input: { url: string; body?: unknown }) =>
  ADAPTERS.find((a) => a.id === 'freshdesk')!.api!.extract(input.body, new URL(input.url));

const JS_URL = /^\s*(?:javascript|vbscript|data):/i;
const link = (s: string) => (JS_URL.test(s) ? s : 'javascript:window.__pwned=1');

/**
 * Per family, a body or page whose title, message text, author and links are the hostile string `s`.
 * The title may come back as a fallback ("Request #1") when `s` has no visible text; never as markup.
 */
type Carrier = (s: string) => { url: string; body?: unknown; html?: string };
const CARRIERS: Partial<Record<ProviderId, Carrier>> = {
  zendesk: (s) => ({
    url: 'https://northwind.zendesk.com/api/v2/requests.json',
    body: { requests: [{ id: 1, status: 'open', subject: s, description: s }] },
  }),
  azure: (s) => ({
    url: 'https://management.azure.com/providers/Microsoft.Support/supportTickets?api-version=2024-04-01',
    body: {
      value: [
        {
          id: link(s),
          name: 'abc',
          type: 'Microsoft.Support/supportTickets',
          properties: {
            supportTicketId: '2610010040001234',
            title: s,
            status: 'Open',
            severity: 'moderate',
            supportEngineer: { emailAddress: s },
          },
        },
      ],
    },
  }),
  aws: (s) => ({
    url: 'https://support.us-east-1.amazonaws.com/',
    body: {
      cases: [
        {
          displayId: '176543210900123',
          caseId: 'case-123456789012-muen-2026-0a1b',
          subject: s,
          status: 'opened',
          severityCode: 'low',
          recentCommunications: {
            communications: [{ body: s, submittedBy: s, timeCreated: '2026-11-01T10:00:00.000Z' }],
          },
        },
      ],
    },
  }),
  gcp: (s) => ({
    url: 'https://cloudsupport.googleapis.com/v2/projects/acme/cases',
    body: { cases: [{ name: 'projects/acme/cases/51234567', displayName: s, state: 'NEW' }] },
  }),
  'microsoft-partner-center': (s) => ({
    url: 'https://api.partnercenter.microsoft.com/v1/servicerequests',
    body: {
      items: [
        {
          id: '615112491169010',
          title: s,
          status: 'open',
          severity: 'minimal',
          notes: [{ createdByName: s, createdDate: '2026-11-01T10:00:00Z', text: s }],
        },
      ],
    },
  }),
  'microsoft-365': (s) => ({
    url: 'https://admin.microsoft.com/Adminportal/Home#/support/requests',
    html:
      '<html><body><table><thead><tr><th>Request ID</th><th>Title</th>' +
      `<th>Status</th><th>Owner</th></tr></thead><tbody><tr><td>7012511220001847</td><td><a href="${escapeHtml(link(s))}">${escapeHtml(s)}</a></td>` +
      `<td>Open</td><td>${escapeHtml(s.slice(0, 150))}</td></tr></tbody></table></body></html>`,
  }),
  freshdesk: (s) => ({
    url: 'https://acme.freshdesk.com/api/v2/tickets',
    body: [{ id: 7, subject: s, description_text: s, status: 2, priority: 1 }],
  }),
  'jira-service-management': (s) => ({
    url: 'https://acme.atlassian.net/rest/servicedeskapi/request/PROJ-1',
    body: {
      issueKey: 'PROJ-1',
      serviceDeskId: '1',
      requestFieldValues: [{ fieldId: 'summary', value: s }],
      currentStatus: { status: 'Open', statusCategory: 'NEW' },
      _links: { web: link(s) },
    },
  }),
  servicenow: (s) => ({
    url: 'https://acme.service-now.com/api/now/table/sn_customerservice_case',
    body: {
      result: [{ number: 'CS0001234', sys_id: 'a'.repeat(32), short_description: s, state: '10', priority: '3' }],
    },
  }),
  salesforce: (s) => ({
    url: 'https://acme.my.site.com/services/data/v60.0/query?q=x',
    body: {
      done: true,
      records: [
        {
          attributes: { type: 'Case', url: link(s) },
          Id: '500000000000001AAA',
          CaseNumber: '00001026',
          Subject: s,
          Status: 'New',
        },
      ],
    },
  }),
};

/**
 * For a JSON family without a carrier of its own (a new one, from npm run new-family): its first JSON
 * fixture cut down to the first item of the case list, with the string the adapter read as that case's
 * title replaced by `s`. Null when no fixture reads that way: then the family needs a carrier above.
 */
function fixtureCarrier(id: ProviderId): Carrier | null {
  const adapter = ADAPTERS.find((a) => a.id === id)!;
  const api = fixtureReadAt(id).api;
  if (!adapter.api || !api) return null;
  for (const file of readdirSync(`tests/fixtures/${id}`)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const body = loadFixtureJson(`${id}/${file}`);
    let x: Extraction;
    try {
      x = adapter.api.extract(body, new URL(api));
    } catch (error) {
      if (error instanceof ProviderParseError) continue; // A fixture of a shape the adapter refuses.
      throw error;
    }
    const title = x.cases[0]?.title;
    const json = JSON.stringify(body);
    const list = title && /"(\w+)":\[\{/.exec(json);
    if (!list || !json.includes(JSON.stringify(title))) continue;
    const key = list[1]!;
    return (s) => {
      const one = JSON.parse(json) as Record<string, unknown[]>;
      one[key] = one[key]!.slice(0, 1);
      return { url: api, body: JSON.parse(JSON.stringify(one).replaceAll(JSON.stringify(title), JSON.stringify(s))) };
    };
  }
  return null;
}

const carrierOf = (id: ProviderId): Carrier | null => CARRIERS[id] ?? fixtureCarrier(id);

function read(id: ProviderId, s: string): Extraction {
  const adapter = ADAPTERS.find((a) => a.id === id)!;
  const input = carrierOf(id)!(s);
  const url = new URL(input.url);
  return input.html !== undefined
    ? adapter.page!.extract(new DOMParser().parseFromString(input.html, 'text/html'), url)
    : adapter.api!.extract(input.body, url);
}

describe('adapters keep hostile text inert', () => {
  it.each(ADAPTERS.map((a) => a.id))('%s has a carrier for the corpus', (id) =>
    expect(carrierOf(id), `add ${id} to CARRIERS: none of its JSON fixtures can carry the corpus`).not.toBeNull(),
  );

  it('a JSON family without a carrier of its own is tried with its fixture, hostile text where its title was', () => {
    const carry = fixtureCarrier('freshdesk')!;
    const x = freshdeskRead(carry('<img src=x onerror=alert(1)>'));
    expect(x.cases.map((c) => c.title)).toEqual(['<img src=x onerror=alert(1)>']);
  });

  describe.each(ADAPTERS.map((a) => a.id).filter((id) => carrierOf(id)))('%s', (id) => {
    it.each(HOSTILE.map((h) => [h.name, h.value] as const))('%s', (_name, value) => {
      const x = read(id, value);
      expect(extractionFaults(id, x)).toEqual([]);
      expect(x.cases.length + x.problems.length).toBe(1);
      // A row whose title cell has no visible text at all may be reported instead of read.
      if (x.cases.length === 0) return expect(cleanText(value)).toBeNull();
      const c = x.cases[0]!;
      // The text itself, whitespace-collapsed and clipped, never decoded, stripped or turned into markup.
      const text = cleanText(value);
      if (text) expect(text.startsWith(c.title.replace(/…$/, '')) || c.title === text).toBe(true);
      else expect(c.title).not.toContain(value);
      // Clipping never cuts an emoji in half.
      if (value.isWellFormed()) expect(c.title.isWellFormed()).toBe(true);
      for (const url of [c.url]) {
        expect(['https:', 'http:']).toContain(new URL(url).protocol);
        expect(url).not.toMatch(JS_URL);
      }
      for (const m of [...(c.messages ?? []), ...(x.messageUpdates ?? []).flatMap((u) => u.messages)]) {
        if (m.text !== null) expect(cleanBody(value)?.startsWith(m.text.replace(/…$/, ''))).toBe(true);
      }
    });
  });

  it('zendesk pages: escaped markup in titles, comments, authors and the assignee comes out as the same text', () => {
    const zendesk = ADAPTERS.find((a) => a.id === 'zendesk')!;
    const short = HOSTILE.filter((h) => h.value.length < 300 && cleanText(h.value));
    const list = zendesk.page!.extract(
      new DOMParser().parseFromString(hostileZendeskList(short, 1000), 'text/html'),
      new URL('https://northwind.zendesk.com/hc/en-us/requests'),
    );
    expect(list.cases.map((c) => c.title)).toEqual(short.map((h) => cleanText(h.value)));
    const owner = '<img src=x onerror="window.__pwned=1">';
    const detailUrl = new URL('https://northwind.zendesk.com/hc/en-us/requests/1000');
    const detail = zendesk.page!.extract(
      new DOMParser().parseFromString(hostileZendeskDetail(short, 1000, short[0]!.value, owner), 'text/html'),
      detailUrl,
    );
    const [c] = detail.cases;
    expect(c!.owner).toBe(owner);
    expect(c!.url).toBe(detailUrl.href);
    expect(c!.messages!.map((m) => m.author)).toEqual(short.map((h) => cleanText(h.value)));
    c!.messages!.forEach((m, i) => expect(m.text).toBe(cleanBody(shownCommentBody(short[i]!.value))));
  });
});

// ---- Exports ----

let db: CaseradarDB;
let n = 0;
beforeEach(() => {
  db = new CaseradarDB(`hostile-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

const NOW = '2026-11-21T10:00:00.000Z';
/** The longest each field can be in the store (lib/core/schema.ts limits). */
const fit = (s: string, max: number) => s.slice(0, max);

async function storeCorpus(): Promise<void> {
  const cases: CaseSnapshot[] = HOSTILE.map((h, i) => ({
    provider: 'zendesk',
    caseId: String(i + 1),
    title: fit(h.value, 500),
    vendorStatus: fit(h.value, 200),
    state: 'open',
    severity: null,
    vendorSeverity: fit(h.value, 200),
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-02T10:00:00.000Z',
    url: `https://northwind.zendesk.com/hc/requests/${i + 1}`,
    owner: fit(h.value, 200),
    messages: [{ at: '2026-11-02T10:00:00.000Z', author: fit(h.value, 200), side: 'vendor', text: fit(h.value, 4000) }],
  }));
  await ingestSnapshot(db, {
    provider: 'zendesk',
    pageUrl: 'https://northwind.zendesk.com/hc/en-us/requests',
    sourceUrl: 'https://northwind.zendesk.com/hc/en-us/requests',
    capturedAt: NOW,
    how: 'visit',
    extraction: { kind: 'list', cases, problems: [] },
  });
}

/** What a UTF-8 file can hold: lone surrogates become U+FFFD on the way out. */
const asFile = (s: string) => s.toWellFormed();
const FORMULA_START = /^[=+\-@\t\r]/;

describe('exports escape hostile text', () => {
  it('CSV (cases): every cell parses back to exactly the stored text, formula starters made inert', async () => {
    await storeCorpus();
    const text = await (await exportCases(db, 'csv-cases', { kind: 'all' }, NOW)).text();
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual([...CASE_COLUMNS]);
    const rows = new Map(parsed.data.slice(1).map((r) => [r[CASE_COLUMNS.indexOf('caseId')], r]));
    expect(rows.size).toBe(HOSTILE.length);
    HOSTILE.forEach((h, i) => {
      const row = rows.get(String(i + 1))!;
      const col = (name: (typeof CASE_COLUMNS)[number]) => row[CASE_COLUMNS.indexOf(name)];
      expect(col('title')).toBe(asFile(neutralizeCell(fit(h.value, 500))));
      expect(col('vendorStatus')).toBe(asFile(neutralizeCell(fit(h.value, 200))));
      expect(col('owner')).toBe(asFile(neutralizeCell(fit(h.value, 200))));
      for (const cell of row) expect(cell).not.toMatch(FORMULA_START);
    });
  });

  it('CSV (events): message text and author parse back exactly, formula starters made inert', async () => {
    await storeCorpus();
    const text = await (await exportCases(db, 'csv-events', { kind: 'all' }, NOW)).text();
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
    expect(parsed.errors).toEqual([]);
    const messages = parsed.data.slice(1).filter((r) => r[EVENT_COLUMNS.indexOf('eventType')] === 'message');
    expect(messages).toHaveLength(HOSTILE.length);
    for (const row of messages) {
      const h = HOSTILE[Number(row[EVENT_COLUMNS.indexOf('caseId')]) - 1]!;
      expect(row[EVENT_COLUMNS.indexOf('messageText')]).toBe(asFile(neutralizeCell(fit(h.value, 4000))));
      expect(row[EVENT_COLUMNS.indexOf('messageAuthor')]).toBe(asFile(neutralizeCell(fit(h.value, 200))));
      for (const cell of row) expect(cell).not.toMatch(FORMULA_START);
    }
  });

  it('JSON: parses back to exactly the stored text', async () => {
    await storeCorpus();
    const json = JSON.parse(await (await exportCases(db, 'json', { kind: 'all' }, NOW)).text()) as {
      cases: { caseId: string; title: string; owner: string; events: { message?: { text: string } }[] }[];
    };
    // JSON escapes even lone surrogates (\ud800), so every value comes back exactly.
    for (const c of json.cases) {
      const h = HOSTILE[Number(c.caseId) - 1]!;
      expect(c.title).toBe(fit(h.value, 500));
      expect(c.owner).toBe(fit(h.value, 200));
      expect(c.events.find((e) => e.message)!.message!.text).toBe(fit(h.value, 4000));
    }
  });

  it('Markdown: no markup character of portal text is left unescaped', async () => {
    await storeCorpus();
    const md = await (await exportCases(db, 'markdown', { kind: 'all' }, NOW)).text();
    for (const h of HOSTILE) {
      const escaped = escapeMarkdown(fit(h.value, 500));
      // Every character that could open a link, image, HTML, code or emphasis carries a backslash.
      expect(escaped.replace(/\\[\s\S]/g, '')).not.toMatch(/[\\`*_{}[\]()<>#+!|~-]/);
      expect(md).toContain(asFile(escaped));
    }
    // Our own link line is the only place a raw "<" or "](" appears.
    const lines = md.split('\n').filter((l) => /(?<!\\)[<[]/.test(l));
    expect(lines.every((l) => /^- Link: <https:\/\/northwind\.zendesk\.com\/hc\/requests\/\d+>$/.test(l))).toBe(true);
  });
});

// ---- Notifications ----

describe('notifications carry hostile text as bounded plain text', () => {
  it.each([1, 8])('%i alert(s) at once', async (count) => {
    await storeCorpus();
    const create = vi.spyOn(browser.notifications, 'create').mockResolvedValue('');
    const alerts = HOSTILE.slice(0, count).map((h, i) => ({
      id: `northwind.zendesk.com:${i + 1}|vendor-quiet|x|2026-11-02T10:00:00.000Z`,
      caseKey: `northwind.zendesk.com:${i + 1}`,
      kind: 'vendor-quiet' as const,
      level: 'overdue' as const,
      since: '2026-11-02T10:00:00.000Z',
      reason: 'vendor quiet for 4 business days (limit 3 business days)',
    }));
    const result = { toNotify: alerts, policy: defaultPolicy('UTC') } as unknown as SweepResult;
    await showAlerts(db, result);
    expect(create).toHaveBeenCalled();
    for (const [, options] of create.mock.calls as unknown as [
      string,
      { type: string; title: string; message: string },
    ][]) {
      expect(options.type).toBe('basic');
      expect(typeof options.title).toBe('string');
      expect(options.title.length).toBeLessThanOrEqual(120);
      expect(options.message.length).toBeLessThanOrEqual(400);
    }
    // The case title reaches the notification as the same text (no markup made of it, none stripped).
    const firstTitle = fit(HOSTILE[0]!.value, 500);
    const texts = (create.mock.calls as unknown as [string, { title: string; message: string }][])
      .map(([, o]) => `${o.title}\n${o.message}`)
      .join('\n');
    expect(texts).toContain(firstTitle.slice(0, 40));
  });
});
