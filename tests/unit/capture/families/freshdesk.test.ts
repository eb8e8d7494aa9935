import { describe, expect, it } from 'vitest';
import { freshdesk } from '@/lib/capture/families/freshdesk/adapter';
import { urlMatchesFamily } from '@/lib/capture/families';
import { FRESHDESK } from '@/lib/capture/families/freshdesk/family';
import type { ParseFailure } from '@/lib/capture/types';
import { loadFixtureDoc, loadFixtureJson } from '../../../helpers/fixtures';

const API_LIST = 'https://acme-shop.freshdesk.com/api/v2/tickets?order_by=updated_at&per_page=30';
const readApi = (file: string, url = API_LIST) =>
  freshdesk.api!.extract(loadFixtureJson(`freshdesk/${file}`), new URL(url));
const readBody = (body: unknown, url = API_LIST) => freshdesk.api!.extract(body, new URL(url));

const PORTAL = 'https://support.acme-shop.example.com';
const readPage = (file: string, url = `${PORTAL}/support/tickets`) =>
  freshdesk.page!.extract(loadFixtureDoc(`freshdesk/${file}`, url), new URL(url));

/** The ProviderParseError a read must throw: its failure kind and what its message says. */
const parseFailure = (failure: ParseFailure, message: RegExp = /./) =>
  expect.objectContaining({ name: 'ProviderParseError', failure, message: expect.stringMatching(message) });

describe('freshdesk API v2 tickets list', () => {
  it('reads the bare array, mapping numeric status and priority', () => {
    const { kind, cases } = readApi('api-tickets.json');
    expect(kind).toBe('list');
    expect(cases.map((c) => [c.caseId, c.state, c.vendorStatus, c.severity, c.vendorSeverity])).toEqual([
      ['41203', 'open', 'Open', 'critical', 'Urgent'],
      ['41190', 'waiting-on-customer', 'Pending', 'high', 'High'],
      // Account-defined status: label kept, state unknown.
      ['41177', null, 'Custom status 7', 'normal', 'Medium'],
      ['41012', 'resolved', 'Resolved', 'low', 'Low'],
      ['40877', 'closed', 'Closed', 'normal', 'Medium'],
    ]);
  });

  it('keeps JSON strings raw, times in UTC, due_by as the SLA expiry and links into the portal', () => {
    const { cases } = readApi('api-tickets.json');
    expect(cases[0]).toEqual({
      provider: 'freshdesk',
      caseId: '41203',
      title: 'Checkout API returns 502 for EU customers & retries fail',
      vendorStatus: 'Open',
      state: 'open',
      severity: 'critical',
      vendorSeverity: 'Urgent',
      createdAt: '2026-11-19T08:47:12.000Z',
      updatedAt: '2026-11-19T15:02:40.000Z',
      url: 'https://acme-shop.freshdesk.com/support/tickets/41203',
      sla: { startAt: null, expiresAt: '2026-11-20T13:00:00.000Z', minutes: null },
    });
    expect(cases[1]!.title).toBe('&lt;not decoded&gt; Webhook signature mismatch after key rotation');
    expect(cases[2]!.title).toBe('Rechnung doppelt belastet – Ü/ß/€ 請求書');
    // Empty subject: an excerpt of description_text.
    expect(cases[3]!.title).toBe("Please export last month's order history as CSV f…");
    // due_by null: no SLA at all rather than an empty one.
    expect(cases[4]!.sla).toBeUndefined();
    expect(cases[4]!.owner).toBeUndefined();
  });

  it('reports unreadable items instead of dropping them', () => {
    expect(readApi('api-tickets.json').problems).toEqual([
      { where: 'tickets[5]', reason: 'Expected a positive integer id, got "40001"' },
      { where: 'tickets[6]', reason: 'Expected an integer status, got "open"', caseId: '40002' },
    ]);
    expect(readBody([null, 7, { id: 0, status: 2 }, { id: 1.5, status: 2 }, { id: 9, status: 2 }]).problems).toEqual([
      { where: 'tickets[0]', reason: 'Expected a ticket object, got null' },
      { where: 'tickets[1]', reason: 'Expected a ticket object, got number' },
      { where: 'tickets[2]', reason: 'Expected a positive integer id, got 0' },
      { where: 'tickets[3]', reason: 'Expected a positive integer id, got 1.5' },
    ]);
  });

  it('accepts [] and an empty search as empty lists', () => {
    expect(readApi('api-empty.json')).toEqual({ kind: 'list', cases: [], problems: [] });
    expect(
      readBody({ results: [], total: 0 }, 'https://acme-shop.freshdesk.com/api/v2/search/tickets?query=%22status:2%22'),
    ).toEqual({
      kind: 'list',
      cases: [],
      problems: [],
    });
    expect(freshdesk.api!.detect([], new URL(API_LIST))).toBe('list');
  });
});

describe('freshdesk API v2 status and priority codes', () => {
  const one = (fields: Record<string, unknown>) =>
    readBody(
      { id: 5, subject: 's', created_at: '2026-01-01T00:00:00Z', ...fields },
      'https://x.freshdesk.com/api/v2/tickets/5',
    ).cases[0]!;

  it.each([
    [2, 'open', 'Open'],
    [3, 'waiting-on-customer', 'Pending'],
    [4, 'resolved', 'Resolved'],
    [5, 'closed', 'Closed'],
    [6, null, 'Custom status 6'],
    [17, null, 'Custom status 17'],
    [1, null, 'Status 1'],
  ])('status %i → %s (%s)', (status, state, label) => {
    expect(one({ status })).toMatchObject({ state, vendorStatus: label });
  });

  it.each([
    [1, 'low', 'Low'],
    [2, 'normal', 'Medium'],
    [3, 'high', 'High'],
    [4, 'critical', 'Urgent'],
    [9, null, 'Priority 9'],
    [undefined, null, null],
  ])('priority %s → %s (%s)', (priority, severity, label) => {
    expect(one({ status: 2, priority })).toMatchObject({ severity, vendorSeverity: label });
  });

  it('normalises offset timestamps to UTC and refuses zone-less ones', () => {
    const c = one({
      status: 2,
      created_at: '2026-11-19T14:17:12+05:30',
      updated_at: '2026-11-19T15:02:40',
      due_by: '2026-11-20T08:00:00-05:00',
    });
    expect(c.createdAt).toBe('2026-11-19T08:47:12.000Z');
    expect(c.updatedAt).toBeNull();
    expect(c.sla).toEqual({ startAt: null, expiresAt: '2026-11-20T13:00:00.000Z', minutes: null });
  });
});

describe('freshdesk API v2 single ticket and search', () => {
  it('reads GET /api/v2/tickets/{id} as a detail', () => {
    const { kind, cases, problems } = readApi(
      'api-ticket.json',
      'https://acme-shop.freshdesk.com/api/v2/tickets/41203?include=stats',
    );
    expect(kind).toBe('detail');
    expect(problems).toEqual([]);
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({
      caseId: '41203',
      state: null,
      vendorStatus: 'Custom status 6',
      severity: 'critical',
      updatedAt: '2026-11-20T06:30:00.000Z',
      url: 'https://acme-shop.freshdesk.com/support/tickets/41203',
    });
  });

  it('reads {results, total} from search, linking on the custom domain it was served from', () => {
    const { kind, cases, problems } = readApi(
      'api-search.json',
      `${PORTAL}/api/v2/search/tickets?query=%22status:2%20OR%20status:3%22`,
    );
    expect(kind).toBe('list');
    expect(problems).toEqual([]);
    expect(cases.map((c) => [c.caseId, c.state, c.severity, c.url])).toEqual([
      ['3120', 'open', 'high', `${PORTAL}/support/tickets/3120`],
      ['3101', 'waiting-on-customer', 'low', `${PORTAL}/support/tickets/3101`],
    ]);
    expect(readBody({ results: [{ id: 'x' }], total: 1 }).problems).toEqual([
      { where: 'results[0]', reason: 'Expected a positive integer id, got "x"' },
    ]);
  });

  it.each([
    ['an error body', loadFixtureJson('freshdesk/api-unknown.json')],
    ['an array of non-tickets (ticket_fields)', [{ id: 73000000001, name: 'status', label: 'Status', choices: {} }]],
    ['an array of strings', ['41203']],
    ['a ticket with a string status', { id: 1, status: 'Open' }],
    ['null', null],
  ])('rejects %s as an unknown shape', (_name, body) => {
    expect(freshdesk.api!.detect(body, new URL(API_LIST))).toBeNull();
    expect(() => readBody(body)).toThrow(
      parseFailure('unknown-shape', /Expected a ticket array, \{results: \[...\], total\} or one ticket/),
    );
  });
});

describe('freshdesk API URLs and portal hosts', () => {
  const wanted = (u: string) => freshdesk.api!.urlPatterns.some((p) => p.test(u));

  it.each([
    'https://acme.freshdesk.com/api/v2/tickets',
    'https://acme.freshdesk.com/api/v2/tickets?include=requester,stats&page=2',
    'https://acme.freshdesk.com/api/v2/tickets/41203',
    'https://acme.freshdesk.com/api/v2/tickets/41203?include=conversations',
    'https://support.acme-shop.example.com/api/v2/search/tickets?query=%22status:2%22',
  ])('captures %s', (u) => expect(wanted(u)).toBe(true));

  it.each([
    'https://acme.freshdesk.com/api/v2/tickets/41203/conversations',
    'https://acme.freshdesk.com/api/v2/tickets/outbound_email',
    'https://acme.freshdesk.com/api/v2/ticket_fields',
    'https://acme.freshdesk.com/api/v2/search/contacts?query=%22email:a@example.com%22',
    'https://acme.freshdesk.com/api/v2/contacts',
    'https://acme.freshdesk.com/api/_/tickets',
    'http://acme.freshdesk.com/api/v2/tickets',
  ])('ignores %s', (u) => expect(wanted(u)).toBe(false));

  it('injects on Freshdesk portal paths, with or without a language prefix, and nowhere else', () => {
    expect(freshdesk.matches).toEqual(FRESHDESK.matches);
    expect(urlMatchesFamily(FRESHDESK, 'https://acme.freshdesk.com/support/tickets')).toBe(true);
    expect(urlMatchesFamily(FRESHDESK, 'https://acme.freshdesk.com/en/support/tickets/41203')).toBe(true);
    expect(urlMatchesFamily(FRESHDESK, 'https://acme.freshdesk.com/a/tickets/41203')).toBe(false);
    expect(urlMatchesFamily(FRESHDESK, 'https://acme.freshdesk.com.evil.example/support/tickets')).toBe(false);
  });
});

describe('freshdesk portal page detection', () => {
  const doc = loadFixtureDoc('freshdesk/portal-empty.html', `${PORTAL}/support/tickets`);
  it.each([
    [`${PORTAL}/support/tickets`, 'list'],
    [`${PORTAL}/support/tickets/`, 'list'],
    [`${PORTAL}/en/support/tickets`, 'list'],
    [`${PORTAL}/pt-BR/support/tickets`, 'list'],
    [`${PORTAL}/support/login`, 'list'],
    [`${PORTAL}/support/tickets/41203`, 'detail'],
    [`${PORTAL}/de/support/tickets/41203`, 'detail'],
    [`${PORTAL}/support/tickets/new`, null],
    [`${PORTAL}/support/tickets/41203/edit`, null],
    [`${PORTAL}/support/solutions/articles/123-how-to`, null],
    [`${PORTAL}/support/home`, null],
  ])('%s → %s', (url, kind) => expect(freshdesk.page!.detect(doc, new URL(url))).toBe(kind));
});

describe('freshdesk portal ticket list', () => {
  it('reads ticket links inside #ticket-list and the Status column, ignoring the sidebar and scripts', () => {
    const { kind, cases, problems } = readPage('portal-list.html');
    expect(kind).toBe('list');
    expect(problems).toEqual([]);
    expect(cases.map((c) => [c.caseId, c.state, c.vendorStatus])).toEqual([
      ['41203', 'open', 'Being Processed'],
      ['41190', 'waiting-on-customer', 'Awaiting your Reply'],
      // Not a known English label: kept verbatim, state unknown.
      ['41177', null, 'Waiting on Engineering'],
      ['41012', 'resolved', 'This ticket has been Resolved'],
      ['40877', 'closed', 'Closed'],
    ]);
  });

  it('takes the subject (not "#id") as title, decodes entities once and never reads human dates', () => {
    const { cases } = readPage('portal-list.html');
    expect(cases[0]).toEqual({
      provider: 'freshdesk',
      caseId: '41203',
      title: 'Checkout API returns 502 for EU customers & retries fail',
      vendorStatus: 'Being Processed',
      state: 'open',
      severity: null,
      vendorSeverity: null,
      createdAt: null,
      updatedAt: null,
      url: `${PORTAL}/support/tickets/41203`,
    });
    expect(cases[1]!.title).toBe('<script>alert(1)</script> Webhook signature mismatch');
    expect(cases[2]!.title).toBe('Rechnung doppelt belastet – Ü/ß/€ 請求書');
  });

  it('finds a known label in rows without a table and reports rows whose status it cannot read', () => {
    const url = 'https://help.northwind.example/en/support/tickets';
    const { cases, problems } = readPage('portal-list-rows.html', url);
    expect(cases.map((c) => [c.caseId, c.title, c.state, c.vendorStatus, c.url])).toEqual([
      [
        '7702',
        'Fiber link down at "Site B"',
        'waiting-on-customer',
        'Pending',
        'https://help.northwind.example/en/support/tickets/7702',
      ],
      [
        '7688',
        'Static IP block not routed',
        'on-hold',
        'Waiting on Third Party',
        'https://help.northwind.example/en/support/tickets/7688',
      ],
      [
        '7650',
        'Router replacement shipped twice',
        null,
        null,
        'https://help.northwind.example/en/support/tickets/7650',
      ],
    ]);
    expect(problems).toEqual([
      {
        where: 'ticket 7650',
        reason: 'Expected a Status column or a known status label, found neither',
        caseId: '7650',
      },
    ]);
  });

  it('tells an empty list from a layout it cannot read', () => {
    expect(readPage('portal-empty.html')).toEqual({ kind: 'list', cases: [], problems: [] });
    expect(() => readPage('portal-unknown-layout.html')).toThrow(
      parseFailure('layout-changed', /Expected links to \/support\/tickets\/\{id\} or a "no tickets" message/),
    );
  });

  it('reports the sign-in page, and a sign-in form served at the list URL, as signed out', () => {
    for (const url of [`${PORTAL}/support/login`, `${PORTAL}/support/tickets`]) {
      expect(() => readPage('portal-signin.html', url)).toThrow(parseFailure('signed-out'));
    }
  });
});

describe('freshdesk portal ticket detail', () => {
  const url = `${PORTAL}/support/tickets/41203`;
  it('reads the subject heading and the labelled status', () => {
    expect(readPage('portal-detail.html', url)).toEqual({
      kind: 'detail',
      problems: [],
      cases: [
        {
          provider: 'freshdesk',
          caseId: '41203',
          title: 'Checkout API returns 502 for EU customers & retries fail',
          vendorStatus: 'Awaiting your Reply',
          state: 'waiting-on-customer',
          severity: null,
          vendorSeverity: null,
          createdAt: null,
          updatedAt: null,
          url,
        },
      ],
    });
  });

  it('fails with layout-changed when no "Status" label is present, instead of guessing from the text', () => {
    expect(() => readPage('portal-unknown-layout.html', url)).toThrow(
      parseFailure(
        'layout-changed',
        /Expected a heading \(h1, h2\) and a "Status" label on the case page, found no status label/,
      ),
    );
  });
});
