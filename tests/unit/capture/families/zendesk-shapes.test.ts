/**
 * Property tests: the Zendesk adapter reads any realistic input of the shapes documented in
 * docs/portals.md §2 (classic Copenhagen list DOM, Requests API JSON), not only the saved fixtures.
 * The expected values below are an oracle written from docs/portals.md §1 and §2, not from the adapter's code.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { zendesk } from '@/lib/capture/families/zendesk/adapter';
import type { Extraction } from '@/lib/capture/types';
import type { CaseState, Severity } from '@/lib/core/model';
import { expectParseError } from '../../../helpers/parse-error';
import { parseHtml } from '../../../../scripts/parse-html';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { runs } from '../../../helpers/property-runs';

const RUNS = { numRuns: runs(200) };
const LIGHT_RUNS = { numRuns: runs(100) };

// ---- Oracle (docs/portals.md §2) ----

const STATUSES = ['new', 'open', 'pending', 'hold', 'solved', 'closed'] as const;
type ZStatus = (typeof STATUSES)[number];
const STATE_OF: Record<ZStatus, CaseState> = {
  new: 'new',
  open: 'open',
  pending: 'waiting-on-customer',
  hold: 'on-hold',
  solved: 'resolved',
  closed: 'closed',
};
const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
type ZPriority = (typeof PRIORITIES)[number];
const SEVERITY_OF: Record<ZPriority, Severity> = { urgent: 'critical', high: 'high', normal: 'normal', low: 'low' };

const UTC_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;
function expectInstant(actual: string | null, expectedMs: number): void {
  expect(actual).not.toBeNull();
  expect(actual!).toMatch(UTC_ISO);
  expect(Date.parse(actual!)).toBe(expectedMs);
}

// ---- Generators ----

// Whole seconds between 2005 and 2035 (the Copenhagen datetime attribute and the API carry whole seconds).
const instantArb = fc
  .integer({ min: Date.UTC(2005, 0, 1) / 1000, max: Date.UTC(2035, 11, 31) / 1000 })
  .map((s) => s * 1000);

/** Text that realistic subjects are made of: quotes, ampersands, entity-looking text, HTML-looking text, unicode, RTL, emoji. */
const SUBJECT_TOKENS = [
  'Fiber link down',
  'at "Site B"',
  'VPN flapping',
  'AT&T',
  'R&D',
  '&',
  '&amp;',
  '&lt;b&gt;',
  '&#39;',
  '&nbsp;',
  '&copy',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<b>bold</b>',
  "O'Brien's",
  '"quoted"',
  '`backtick`',
  'a=b',
  '50%',
  '{{subject}}',
  'C:\\temp\\x',
  'Re: [#1234]',
  '#42',
  'Ü/ß/€',
  'café',
  'naïve',
  '–',
  '—',
  '…',
  '→',
  '©',
  '東京オフィスの回線速度が遅い',
  '請求書',
  '답변완료',
  'Привет',
  'مرحبا بالعالم',
  'שלום עולם',
  '\u200Fעברית\u200F',
  '\u202Bمرحبا\u202C',
  'abc\u200Edef',
  '🚀',
  '👩‍💻',
  '🇩🇪',
  '👍🏽',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'e\u0301',
];

/** A random grapheme without whitespace or control characters (those are not what users type into a subject). */
const wordArb = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }).filter((s) => !/[\s\p{Cc}\p{Cs}]/u.test(s));

const tokenArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SUBJECT_TOKENS) },
  { weight: 1, arbitrary: wordArb },
);

/** A non-empty subject with single spaces between words (so the expected title is the subject itself). */
const subjectArb = fc.array(tokenArb, { minLength: 1, maxLength: 8 }).map((words) => words.join(' '));

const idArb = fc.oneof(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }));

// ---- Requests API bodies (§5d) ----

interface ApiItemSpec {
  id: number;
  status: ZStatus;
  priority: ZPriority | null | undefined; // undefined = field absent
  subject: string;
  created: number;
  updated: number;
  withMs: boolean;
  full: boolean;
}

const apiItemSpecArb = (id: fc.Arbitrary<number>) =>
  fc.record({
    id,
    status: fc.constantFrom(...STATUSES),
    priority: fc.constantFrom<ZPriority | null | undefined>(...PRIORITIES, null, undefined),
    subject: subjectArb,
    created: instantArb,
    updated: instantArb,
    withMs: fc.boolean(),
    full: fc.boolean(),
  });

function zuluTime(ms: number, withMs: boolean): string {
  const iso = new Date(ms).toISOString(); // ...T..:..:..(.sss)Z
  return withMs ? iso : iso.replace(/\.\d{3}Z$/, 'Z');
}

function apiItem(spec: ApiItemSpec, origin: string): Record<string, unknown> {
  const item: Record<string, unknown> = {
    url: `${origin}/api/v2/requests/${spec.id}.json`,
    id: spec.id,
    status: spec.status,
    subject: spec.subject,
    description: `${spec.subject}\n\nMore details & <logs> follow.`,
    requester_id: 361_000_000_001,
    created_at: zuluTime(spec.created, spec.withMs),
    updated_at: zuluTime(spec.updated, spec.withMs),
  };
  if (spec.priority !== undefined) item.priority = spec.priority;
  if (spec.full) {
    Object.assign(item, {
      type: 'incident',
      organization_id: 3_600_000_001,
      via: { channel: 'web', source: { from: {}, to: {}, rel: null } },
      custom_fields: [{ id: 360_000_000_111, value: 'NWF-000-1234' }],
      collaborator_ids: [],
      email_cc_ids: [],
      is_public: true,
      due_at: null,
      can_be_solved_by_me: spec.status !== 'solved' && spec.status !== 'closed',
      solved: spec.status === 'solved' || spec.status === 'closed',
      recipient: 'support@example.invalid',
      followup_source_id: null,
      assignee_id: 222,
      group_id: 360_000_000_002,
      ticket_form_id: 360_000_000_001,
      custom_status_id: 360_000_000_050,
      fields: [{ id: 360_000_000_111, value: 'NWF-000-1234' }],
    });
  }
  return item;
}

const hostArb = fc.oneof(
  fc.stringMatching(/^[a-z][a-z0-9]{1,14}$/).map((s) => `https://${s}.zendesk.com`),
  fc.constantFrom(
    'https://help.example.com',
    'https://support.northwind-fiber.example',
    'https://hilfe.example-isp.de',
  ),
);

const listApiPathArb = fc.constantFrom(
  '/api/v2/requests.json',
  '/api/v2/requests.json?status=open,pending',
  '/api/v2/requests.json?sort_by=updated_at&sort_order=desc',
  '/api/v2/requests.json?page=2',
  '/api/v2/requests/ccd.json',
  '/api/v2/requests/solved.json',
  '/api/v2/requests/search.json?include=users&page=1&per_page=15&query=*%20requester%3Ame',
  '/api/v2/requests/search.json?query=*+requester:me+order_by:updated_at+sort:desc&cc_id=true',
);

function checkApiCase(c: Extraction['cases'][number], spec: ApiItemSpec, origin: string): void {
  expect(c.provider).toBe('zendesk');
  expect(c.caseId).toBe(String(spec.id));
  expect(c.state).toBe(STATE_OF[spec.status]);
  expect(c.vendorStatus).toBe(spec.status);
  expect(c.severity).toBe(spec.priority ? SEVERITY_OF[spec.priority] : null);
  expect(c.vendorSeverity ?? null).toBe(spec.priority ?? null);
  // JSON strings are raw text: never HTML-decoded.
  expect(c.title).toBe(spec.subject);
  expectInstant(c.createdAt, spec.created);
  expectInstant(c.updatedAt, spec.updated);
  const link = new URL(c.url);
  expect(link.origin).toBe(origin);
  expect(link.pathname).toMatch(new RegExp(`^/hc(?:/[a-z]{2,3}(?:-[a-z0-9]+)*)?/requests/${spec.id}$`));
}

describe('zendesk Requests API: generated bodies of the documented shape (§5d)', () => {
  it('reads every request of a {requests:[...]} list: ids, states, severities, raw titles, UTC times', () => {
    fc.assert(
      fc.property(
        hostArb,
        listApiPathArb,
        fc.uniqueArray(apiItemSpecArb(idArb), { minLength: 1, maxLength: 12, selector: (s) => s.id }),
        fc.boolean(),
        fc.constantFrom('offset', 'cursor'),
        (origin, path, specs, withUsers, paging) => {
          const body: Record<string, unknown> = { requests: specs.map((s) => apiItem(s, origin)) };
          if (paging === 'offset') {
            Object.assign(body, {
              next_page: `${origin}/api/v2/requests.json?page=2`,
              previous_page: null,
              count: specs.length + 25,
            });
          } else {
            // Zendesk's generic cursor envelope (§5d, if cursor paging is requested).
            Object.assign(body, {
              meta: {
                has_more: true,
                after_cursor: 'eyJvIjoibmljZV9pZCIsInYiOiJhUUVBQUFBQUFBQUEifQ==',
                before_cursor: null,
              },
              links: { next: `${origin}/api/v2/requests.json?page[after]=xyz`, prev: null },
            });
          }
          if (withUsers)
            body.users = [
              { id: 222, name: 'Riley Agent' },
              { id: 361_000_000_001, name: 'Alex Example' },
            ];
          const url = new URL(origin + path);
          expect(zendesk.api!.urlPatterns.some((p) => p.test(url.href))).toBe(true);
          expect(zendesk.api!.detect(body, url)).toBe('list');
          const result = zendesk.api!.extract(body, url);
          expect(result.kind).toBe('list');
          expect(result.problems).toEqual([]);
          expect(result.cases.map((c) => c.caseId)).toEqual(specs.map((s) => String(s.id)));
          result.cases.forEach((c, i) => checkApiCase(c, specs[i]!, origin));
        },
      ),
      RUNS,
    );
  });

  it('reads a single {request:{...}} body as a detail', () => {
    fc.assert(
      fc.property(hostArb, apiItemSpecArb(idArb), (origin, spec) => {
        const url = new URL(`${origin}/api/v2/requests/${spec.id}.json`);
        expect(zendesk.api!.urlPatterns.some((p) => p.test(url.href))).toBe(true);
        const body = { request: apiItem(spec, origin) };
        expect(zendesk.api!.detect(body, url)).toBe('detail');
        const result = zendesk.api!.extract(body, url);
        expect(result.kind).toBe('detail');
        expect(result.problems).toEqual([]);
        expect(result.cases).toHaveLength(1);
        checkApiCase(result.cases[0]!, spec, origin);
      }),
      RUNS,
    );
  });

  it('accounts for every item: cases + problems == items, and no case lacks a caseId', () => {
    const badItemArb = fc.constantFrom<unknown>(
      null,
      'request',
      42,
      [],
      {},
      { status: 'open', subject: 'no id' },
      { id: null, status: 'open', subject: 'null id' },
      { id: -7, status: 'open', subject: 'negative id' },
      { id: 12.5, status: 'open', subject: 'fractional id' },
      { id: 'not-a-number', status: 'open', subject: 'text id' },
      { id: '#123', status: 'open', subject: 'hash id' },
    );
    fc.assert(
      fc.property(
        hostArb,
        fc.uniqueArray(apiItemSpecArb(idArb), { maxLength: 8, selector: (s) => s.id }),
        fc.array(badItemArb, { maxLength: 5 }),
        fc.infiniteStream(fc.boolean()),
        (origin, specs, bad, coin) => {
          // Interleave good and bad items in a random order.
          const good = specs.map((s) => apiItem(s, origin));
          const items: unknown[] = [];
          let g = 0;
          let b = 0;
          while (g < good.length || b < bad.length) {
            if (b >= bad.length || (g < good.length && coin.next().value)) items.push(good[g++]);
            else items.push(bad[b++]);
          }
          const url = new URL(`${origin}/api/v2/requests.json`);
          const result = zendesk.api!.extract(
            { requests: items, next_page: null, previous_page: null, count: items.length },
            url,
          );
          expect(result.cases.length + result.problems.length).toBe(items.length);
          expect(result.cases.map((c) => c.caseId)).toEqual(specs.map((s) => String(s.id)));
          for (const c of result.cases) expect(c.caseId).toMatch(/^[1-9]\d*$/);
          for (const p of result.problems) {
            expect(typeof p.where).toBe('string');
            expect(p.reason.length).toBeGreaterThan(0);
          }
        },
      ),
      RUNS,
    );
  });

  it('reads an empty list as zero cases with no problem and no error', () => {
    fc.assert(
      fc.property(hostArb, listApiPathArb, fc.boolean(), (origin, path, withUsers) => {
        const body: Record<string, unknown> = { requests: [], next_page: null, previous_page: null, count: 0 };
        if (withUsers) body.users = [];
        expect(zendesk.api!.extract(body, new URL(origin + path))).toEqual({ kind: 'list', cases: [], problems: [] });
      }),
      LIGHT_RUNS,
    );
  });

  it('throws a ProviderParseError (unknown-shape) on bodies of unknown shape', () => {
    const unknownArb = fc.oneof(
      fc.constantFrom<unknown>(
        null,
        undefined,
        0,
        'requests',
        true,
        [],
        [{ id: 1, status: 'open' }],
        { tickets: [{ id: 1, status: 'open' }], meta: { has_more: false } },
        { error: 'RecordNotFound', description: 'Not found' },
        { errors: [{ title: 'Forbidden' }] },
        { requests: null },
        { requests: 'none' },
        { requests: { id: 1 } },
        { request: null },
        { request: [1] },
        { custom_statuses: [{ id: 1, status_category: 'open' }] },
      ),
      fc.dictionary(
        fc.string().filter((k) => k !== 'requests' && k !== 'request' && k !== '__proto__'),
        fc.jsonValue(),
      ),
      fc.array(fc.jsonValue()),
      fc.oneof(fc.string(), fc.double(), fc.integer()),
    );
    fc.assert(
      fc.property(unknownArb, (body) => {
        const url = new URL('https://x.zendesk.com/api/v2/requests.json');
        expectParseError(() => zendesk.api!.extract(body, url), 'zendesk', 'unknown-shape');
      }),
      RUNS,
    );
  });
});

// ---- Classic list DOM (§5a) ----

/** Deterministic per-character choices from a generated seed, so failures shrink and replay. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const NAMED: Record<string, string> = {
  é: '&eacute;',
  ü: '&uuml;',
  Ü: '&Uuml;',
  ß: '&szlig;',
  '€': '&euro;',
  '–': '&ndash;',
  '—': '&mdash;',
  '…': '&hellip;',
  '→': '&rarr;',
  '©': '&copy;',
  ï: '&iuml;',
};

/**
 * Encodes plain text the way server templates do (Handlebars: &amp; &lt; &gt; &quot; &#x27; &#x60; &#x3D;;
 * Rails: &#39;), with some numeric and named references for other characters. Decoding it once gives `text` back.
 */
function encodeHtml(text: string, seed: number, inAttr: boolean): string {
  const r = rng(seed);
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const numeric = [`&#${cp};`, `&#x${cp.toString(16).toUpperCase()};`, `&#x${cp.toString(16)};`];
    switch (ch) {
      case '&':
        out += pick(r, ['&amp;', '&amp;', '&#38;', '&#x26;']);
        break;
      case '<':
        out += pick(r, ['&lt;', '&lt;', '&#60;', '&#x3C;']);
        break;
      case '>':
        out += pick(r, ['&gt;', '&gt;', '&#62;', '>']);
        break;
      case '"':
        out += pick(r, inAttr ? ['&quot;', '&#34;', '&#x22;'] : ['&quot;', '&#34;', '"']);
        break;
      case "'":
        out += pick(r, ['&#x27;', '&#39;', "'"]);
        break;
      case '`':
        out += pick(r, ['&#x60;', '`']);
        break;
      case '=':
        out += pick(r, ['&#x3D;', '=']);
        break;
      default:
        if (NAMED[ch] && r() < 0.5) out += NAMED[ch];
        else if (r() < 0.15) out += pick(r, numeric);
        else out += ch;
    }
  }
  return out;
}

const OFFSETS = [0, 60, 120, 180, 330, 345, 540, 570, 600, 780, 840, -180, -210, -300, -480, -600, -720];
type OffsetStyle = 'colon' | 'nocolon' | 'Z';
interface TimeSpec {
  ms: number;
  offset: number;
  style: OffsetStyle;
}
const timeSpecArb: fc.Arbitrary<TimeSpec> = fc.record({
  ms: instantArb,
  offset: fc.constantFrom(...OFFSETS),
  style: fc.constantFrom<OffsetStyle>('colon', 'nocolon', 'Z'),
});

/** `datetime` value for an instant written in a given UTC offset: +00:00, +05:30, -0800, Z, ... */
function datetimeAttr({ ms, offset, style }: TimeSpec): string {
  const wall = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
  if (style === 'Z' && offset === 0) return `${wall}Z`;
  const sign = offset < 0 ? '-' : '+';
  const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const mm = String(Math.abs(offset) % 60).padStart(2, '0');
  return style === 'nocolon' ? `${wall}${sign}${hh}${mm}` : `${wall}${sign}${hh}:${mm}`;
}

// Human text the client rewrites; some of it looks like a date on purpose (it must never be parsed).
const RELATIVE_TEXTS = [
  '3 days ago',
  'vor 2 Tagen',
  'Today at 13:52',
  'il y a 5 heures',
  '2 か月前',
  '1999-12-31 23:59',
  '2001-01-01T00:00:00Z',
];

function timeTag(t: TimeSpec, seed: number): string {
  const r = rng(seed);
  // `title` is viewer-local: write it in yet another zone so that it disagrees with the instant.
  const local = new Date(t.ms + 9 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
  return `<time datetime="${datetimeAttr(t)}" title="${local}" data-datetime="relative">${pick(r, RELATIVE_TEXTS)}</time>`;
}

const LABELS = [
  'Open',
  'Awaiting your reply',
  'Solved',
  'Closed',
  'Offen',
  'Wartet auf Antwort',
  'Gelöst',
  '답변완료',
  'En attente & revue',
  '対応中',
  'مفتوح',
  '<b>Open</b>',
  'New "custom" status',
];

type Tab = 'my' | 'organization' | 'ccd';
interface RowSpec {
  id: number;
  locale: string;
  status: ZStatus;
  subject: string; // '' = no subject: the link text is an excerpt of the description
  excerpt: string;
  label: string;
  statusRequestClass: boolean; // some themes drop `status-label-request`
  metaRequestClass: boolean;
  shuffleClasses: boolean;
  created: TimeSpec;
  updated: TimeSpec;
  requester: string;
  seed: number;
}

const LOCALES = ['en-us', 'en-gb', 'de', 'fr', 'pt-br', 'es-419', 'ja', 'ko', 'zh-tw', 'ar', 'he', 'nl'];

const rowSpecArb = (id: fc.Arbitrary<number>, locale: string): fc.Arbitrary<RowSpec> =>
  fc.record({
    id,
    locale: fc.constant(locale),
    status: fc.constantFrom(...STATUSES),
    subject: fc.oneof({ weight: 6, arbitrary: subjectArb }, { weight: 1, arbitrary: fc.constant('') }),
    excerpt: subjectArb.map((s) => `${Array.from(s).slice(0, 47).join('').trimEnd()}...`),
    label: fc.oneof(fc.constantFrom(...LABELS), subjectArb),
    statusRequestClass: fc.boolean(),
    metaRequestClass: fc.boolean(),
    shuffleClasses: fc.boolean(),
    created: timeSpecArb,
    updated: timeSpecArb,
    requester: fc.constantFrom('Kim Muster', 'Jo Beispiel', 'José Ñúñez', 'محمد علي', '山田 太郎', "Siobhán O'Neill"),
    seed: fc.integer(),
  });

function statusSpan(row: RowSpec, withRequestClass: boolean, seed: number): string {
  const classes = ['status-label', ...(withRequestClass ? ['status-label-request'] : []), `status-label-${row.status}`];
  if (row.shuffleClasses) classes.reverse();
  const description = encodeHtml('We are waiting for your response & "feedback".', seed, true);
  return `<span class="${classes.join(' ')}" title="${description}">${encodeHtml(row.label, seed + 1, false)}</span>`;
}

/** Hooks a customised theme may drop (§5a: "keep most hooks but may drop some"). */
interface ThemeDrops {
  linkClass?: boolean; // a.striped-list-title -> a
  statusCellClass?: boolean; // td.requests-table-status -> td
  mobileMeta?: boolean; // no div.requests-table-meta
}

function rowHtml(row: RowSpec, tab: Tab, drops: ThemeDrops = {}): string {
  const s = row.seed;
  const href = `/hc/${row.locale}/requests/${row.id}`;
  const linkText = row.subject || row.excerpt;
  return `
            <tr${row.status === 'closed' ? ' class="request-closed"' : ''}>
              <td class="request-info requests-table-info">
                <a href="${href}"${drops.linkClass ? '' : ' class="striped-list-title"'} title="${encodeHtml(row.subject, s + 2, true)}">
                  ${encodeHtml(linkText, s + 3, false)}
                </a>${
                  drops.mobileMeta
                    ? ''
                    : `
                <div class="requests-table-meta">
                  <span class="meta-data">#${row.id}</span>
                  <span class="meta-data">${timeTag(row.created, s + 4)}</span>
                  ${statusSpan(row, row.metaRequestClass, s + 5)}
                </div>`
                }
              </td>
              <td>#${row.id}</td>
              <td>${tab === 'my' ? timeTag(row.created, s + 6) : encodeHtml(row.requester, s + 7, false)}</td>
              <td>${timeTag(row.updated, s + 8)}</td>
              <td${drops.statusCellClass ? '' : ' class="requests-table-status"'}>
                ${statusSpan(row, row.statusRequestClass, s + 9)}
              </td>
            </tr>`;
}

const HEADERS: Record<Tab, string[]> = {
  my: ['Subject', 'Id', 'Created', 'Last activity', 'Status'],
  organization: ['Subject', 'Id', 'Requester', 'Last activity', 'Status'],
  ccd: ['Subject', 'Id', 'Requester', 'Last activity', 'Status'],
};

function pageHtml(locale: string, tab: Tab, body: string): string {
  return `<!DOCTYPE html>
<html dir="${locale === 'ar' || locale === 'he' ? 'rtl' : 'ltr'}" lang="${locale}">
<head><meta charset="utf-8"><title>My requests &ndash; Example &amp; Co Support</title></head>
<body>
  <header class="header"><nav class="user-nav"><a class="submit-a-request" href="/hc/${locale}/requests/new">Submit a request</a></nav></header>
  <main role="main"><div class="container">
    <header class="my-activities-header">
      <h1>My activities</h1>
      <div class="my-activities-sub-nav">
        <nav class="collapsible-nav collapsible-nav-border"><ul class="collapsible-nav-list">
          <li${tab === 'my' ? ' class="current"' : ''}><a href="/hc/${locale}/requests">My requests</a></li>
          <li${tab === 'ccd' ? ' class="current"' : ''}><a href="/hc/${locale}/requests?filter_by=ccd">Requests I'm CC'd on</a></li>
          <li${tab === 'organization' ? ' class="current"' : ''}><a href="/hc/${locale}/requests?filter_by=organization">Organization requests</a></li>
        </ul></nav>
      </div>
    </header>
    <form id="main-content" class="requests-table-toolbar" action="/hc/${locale}/requests" method="get">
      <input id="quick-search" type="search" class="requests-search" name="query">
    </form>
    ${body}
    <nav class="pagination"><ul><li class="pagination-next"><a href="/hc/${locale}/requests?page=2" rel="next">›</a></li></ul></nav>
  </div></main>
</body></html>`;
}

function tableHtml(tab: Tab, rows: string[]): string {
  return `<div class="requests">
      <table class="table my-activities-table requests-table ${tab}-requests">
        <thead><tr>${HEADERS[tab].map((h) => `<th>${h}</th>`).join('')}</tr></thead>
        <tbody>${rows.join('')}
        </tbody>
      </table>
    </div>`;
}

const tabArb = fc.constantFrom<Tab>('my', 'organization', 'ccd');
const listQueryArb = fc.constantFrom(
  '',
  '?sort_by=created_at&sort_order=asc',
  '?sort_by=updated_at&sort_order=desc',
  '?page=2',
  '/',
);
function pageUrlFor(origin: string, locale: string, tab: Tab, query: string): string {
  const params = new URLSearchParams(query.startsWith('?') ? query.slice(1) : '');
  if (tab !== 'my') params.set('filter_by', tab); // exact filter URLs are not verified (§5): any query must do
  const qs = params.toString();
  return `${origin}/hc/${locale}/requests${query === '/' ? '/' : ''}${qs ? `?${qs}` : ''}`;
}

const listPageArb = fc
  .record({ origin: hostArb, locale: fc.constantFrom(...LOCALES), tab: tabArb, query: listQueryArb })
  .chain((p) =>
    fc.record({
      page: fc.constant(p),
      rows: fc.uniqueArray(rowSpecArb(idArb, p.locale), { minLength: 1, maxLength: 6, selector: (r) => r.id }),
    }),
  );

// Generated pages are parsed with the test environment's DOMParser (the same happy-dom parser as
// scripts/parse-html): a happy-dom Window per page, as parseHtml makes, is never freed, and hundreds of them
// exhaust memory. A separate test checks that both give the same reading. happy-dom frees a DOMParser
// document only once the event loop turns, so the page properties let it turn after every run.
const freePages = fc.afterEach(() => nextTurn());
const PAGE_RUNS = { ...RUNS, plugins: [freePages] };
const LIGHT_PAGE_RUNS = { ...LIGHT_RUNS, plugins: [freePages] };

function readListPage(html: string, pageUrl: string): Extraction {
  const url = new URL(pageUrl);
  const doc = new DOMParser().parseFromString(html, 'text/html');
  expect(zendesk.page!.detect(doc, url)).toBe('list');
  return zendesk.page!.extract(doc, url);
}

describe('zendesk classic list: generated Copenhagen pages (§5a)', () => {
  it('reads every row: id, state from the status-label-{status} class, once-decoded title, UTC times', async () => {
    await fc.assert(
      fc.asyncProperty(listPageArb, async ({ page, rows }) => {
        const pageUrl = pageUrlFor(page.origin, page.locale, page.tab, page.query);
        const html = pageHtml(
          page.locale,
          page.tab,
          tableHtml(
            page.tab,
            rows.map((r) => rowHtml(r, page.tab)),
          ),
        );
        const result = readListPage(html, pageUrl);
        expect(result.kind).toBe('list');
        expect(result.problems).toEqual([]);
        expect(result.cases.map((c) => c.caseId)).toEqual(rows.map((r) => String(r.id)));
        result.cases.forEach((c, i) => {
          const row = rows[i]!;
          expect(c.provider).toBe('zendesk');
          expect(c.state).toBe(STATE_OF[row.status]);
          // The visible label is localized / custom: kept verbatim, never used for the state.
          expect(c.vendorStatus).toBe(row.label);
          // Decoded exactly once: "&amp;amp;" in the page is the text "&amp;".
          expect(c.title).toBe(row.subject || row.excerpt);
          expect(c.severity).toBeNull();
          expectInstant(c.createdAt, row.created.ms);
          expectInstant(c.updatedAt, row.updated.ms);
          expect(c.url).toBe(new URL(`/hc/${row.locale}/requests/${row.id}`, page.origin).href);
        });
      }),
      PAGE_RUNS,
    );
  });

  it('reads DOMParser pages exactly like scripts/parse-html pages', () => {
    for (const { page, rows } of fc.sample(listPageArb, 25)) {
      const pageUrl = pageUrlFor(page.origin, page.locale, page.tab, page.query);
      const html = pageHtml(
        page.locale,
        page.tab,
        tableHtml(
          page.tab,
          rows.map((r) => rowHtml(r, page.tab)),
        ),
      );
      const url = new URL(pageUrl);
      expect(zendesk.page!.extract(parseHtml(html, pageUrl), url)).toEqual(readListPage(html, pageUrl));
    }
  });

  it('still reads rows when a customised theme drops the link class, the status cell class or the mobile block', async () => {
    await fc.assert(
      fc.asyncProperty(
        listPageArb,
        fc.record({ linkClass: fc.boolean(), statusCellClass: fc.boolean(), mobileMeta: fc.boolean() }),
        async ({ page, rows }, drops) => {
          const pageUrl = pageUrlFor(page.origin, page.locale, page.tab, page.query);
          const html = pageHtml(
            page.locale,
            page.tab,
            tableHtml(
              page.tab,
              rows.map((r) => rowHtml(r, page.tab, drops)),
            ),
          );
          const result = readListPage(html, pageUrl);
          expect(result.problems).toEqual([]);
          expect(result.cases.map((c) => c.caseId)).toEqual(rows.map((r) => String(r.id)));
          result.cases.forEach((c, i) => {
            const row = rows[i]!;
            expect(c.state).toBe(STATE_OF[row.status]);
            expect(c.vendorStatus).toBe(row.label);
            expect(c.title).toBe(row.subject || row.excerpt);
            expectInstant(c.updatedAt, row.updated.ms);
            // Without the mobile block, shared tabs show no machine creation time at all (only the requester).
            if (page.tab === 'my' || !drops.mobileMeta) expectInstant(c.createdAt, row.created.ms);
            else expect(c.createdAt).toBeNull();
          });
        },
      ),
      LIGHT_PAGE_RUNS,
    );
  });

  it('reads the same instant whatever offset the datetime attribute is written in', async () => {
    await fc.assert(
      fc.asyncProperty(
        hostArb,
        rowSpecArb(fc.integer({ min: 1, max: 9_999_999 }), 'en-us'),
        fc.constantFrom(...OFFSETS),
        fc.constantFrom(...OFFSETS),
        fc.constantFrom<OffsetStyle>('colon', 'nocolon', 'Z'),
        fc.constantFrom<OffsetStyle>('colon', 'nocolon', 'Z'),
        async (origin, row, offA, offB, styleA, styleB) => {
          // Two rows with the same instants, written in two different offsets / styles.
          const a: RowSpec = {
            ...row,
            created: { ...row.created, offset: offA, style: styleA },
            updated: { ...row.updated, offset: offA, style: styleA },
          };
          const b: RowSpec = {
            ...row,
            id: row.id + 1,
            created: { ...row.created, offset: offB, style: styleB },
            updated: { ...row.updated, offset: offB, style: styleB },
          };
          const html = pageHtml('en-us', 'my', tableHtml('my', [rowHtml(a, 'my'), rowHtml(b, 'my')]));
          const [ca, cb] = readListPage(html, `${origin}/hc/en-us/requests`).cases;
          expect(ca!.createdAt).toBe(cb!.createdAt);
          expect(ca!.updatedAt).toBe(cb!.updatedAt);
          expectInstant(ca!.createdAt, row.created.ms);
          expectInstant(ca!.updatedAt, row.updated.ms);
        },
      ),
      PAGE_RUNS,
    );
  });

  it('accounts for every row: cases + problems == rows, and no case lacks a caseId', async () => {
    // Rows a theme can break: no status label at all, or neither a request link nor a "#id" cell.
    const brokenRow = (kind: 'no-status' | 'no-id', n: number) =>
      kind === 'no-status'
        ? `<tr><td class="request-info requests-table-info"><a href="/hc/en-us/requests/${n}" class="striped-list-title" title="Broken ${n}">Broken ${n}</a></td>` +
          `<td>#${n}</td><td><time datetime="2024-03-05T13:22:10+00:00">x</time></td><td><time datetime="2024-03-05T13:22:10+00:00">x</time></td><td class="requests-table-status"><span>Open</span></td></tr>`
        : `<tr><td class="request-info requests-table-info"><span>Subject only</span></td><td></td><td></td><td></td>` +
          `<td class="requests-table-status"><span class="status-label status-label-request status-label-open">Open</span></td></tr>`;
    await fc.assert(
      fc.asyncProperty(
        tabArb,
        fc.uniqueArray(rowSpecArb(fc.integer({ min: 1, max: 899_999 }), 'en-us'), {
          maxLength: 5,
          selector: (r) => r.id,
        }),
        fc.array(fc.constantFrom<'no-status' | 'no-id'>('no-status', 'no-id'), { maxLength: 3 }),
        fc.infiniteStream(fc.boolean()),
        async (tab, rows, broken, coin) => {
          fc.pre(rows.length + broken.length > 0);
          const html: string[] = [];
          let g = 0;
          let b = 0;
          while (g < rows.length || b < broken.length) {
            if (b >= broken.length || (g < rows.length && coin.next().value)) html.push(rowHtml(rows[g++]!, tab));
            else html.push(brokenRow(broken[b]!, 900_000 + b++));
          }
          const result = readListPage(
            pageHtml('en-us', tab, tableHtml(tab, html)),
            'https://x.zendesk.com/hc/en-us/requests',
          );
          expect(result.cases.length + result.problems.length).toBe(rows.length + broken.length);
          expect(result.cases.map((c) => c.caseId)).toEqual(rows.map((r) => String(r.id)));
          for (const c of result.cases) expect(c.caseId).toMatch(/^[1-9]\d*$/);
        },
      ),
      LIGHT_PAGE_RUNS,
    );
  });

  it('reads the "no requests" page as zero cases with no problem and no error', async () => {
    await fc.assert(
      fc.asyncProperty(
        hostArb,
        fc.constantFrom(...LOCALES),
        tabArb,
        fc.constantFrom('No requests', 'Keine Anfragen', 'リクエストはありません', ''),
        fc.boolean(),
        async (origin, locale, tab, text, withEmptyDiv) => {
          const body = `<p class="no-activities">${text}</p>${withEmptyDiv ? '<div class="requests"></div>' : ''}`;
          const result = readListPage(pageHtml(locale, tab, body), pageUrlFor(origin, locale, tab, ''));
          expect(result).toEqual({ kind: 'list', cases: [], problems: [] });
        },
      ),
      { ...LIGHT_PAGE_RUNS, numRuns: runs(50) },
    );
  });
});
