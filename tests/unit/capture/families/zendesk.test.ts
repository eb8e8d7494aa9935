import { describe, expect, it } from 'vitest';
import { zendesk } from '@/lib/capture/families/zendesk/adapter';
import { ProviderParseError } from '@/lib/capture/types';
import { loadFixtureDoc, loadFixtureJson } from '../../../helpers/fixtures';

const LIST_URL = 'https://northwind.zendesk.com/hc/en-us/requests';
const readPage = (file: string, url = LIST_URL) => {
  const doc = loadFixtureDoc(`zendesk/${file}`, url);
  return zendesk.page!.extract(doc, new URL(url));
};
const readApi = (file: string, url = 'https://northwind.zendesk.com/api/v2/requests.json') =>
  zendesk.api!.extract(loadFixtureJson(`zendesk/${file}`), new URL(url));

describe('zendesk classic request list', () => {
  it('reads every row with state from the status class, not the localized label', () => {
    const { kind, cases, problems } = readPage('list-classic-my.html');
    expect(kind).toBe('list');
    expect(problems).toEqual([]);
    expect(cases.map((c) => [c.caseId, c.state, c.vendorStatus])).toEqual([
      ['48213', 'waiting-on-customer', 'Awaiting your reply'],
      ['48177', 'open', 'Open'],
      ['48001', 'on-hold', 'Open'],
      ['47950', 'resolved', '답변완료'],
      ['46802', 'closed', 'Closed'],
    ]);
  });

  it('decodes entities once and keeps script-looking titles as plain text', () => {
    const { cases } = readPage('list-classic-my.html');
    expect(cases[0]!.title).toBe('Fiber link down at "Site B" & VPN flapping');
    expect(cases[1]!.title).toBe('<script>alert(1)</script> in invoice PDF');
    expect(cases[2]!.title).toBe('東京オフィスの回線速度が遅い 🚀');
  });

  it('falls back to the link text when the subject attribute is empty', () => {
    expect(readPage('list-classic-my.html').cases[3]!.title).toMatch(/^Our static IP block 203\.0\.113\.0\/29/);
  });

  it('takes times from the datetime attribute as UTC and links to the case on the same origin', () => {
    const first = readPage('list-classic-my.html').cases[0]!;
    expect(first).toMatchObject({
      provider: 'zendesk',
      createdAt: '2026-10-01T07:15:02.000Z',
      updatedAt: '2026-10-02T11:40:55.000Z',
      severity: null,
      url: 'https://northwind.zendesk.com/hc/en-us/requests/48213',
    });
  });

  it('reads the organization tab, whose third column is the requester', () => {
    const { cases, problems } = readPage(
      'list-classic-org.html',
      'https://help.example-isp.de/hc/de/requests?filter_by=organization',
    );
    expect(problems).toEqual([]);
    expect(cases).toHaveLength(2);
    expect(cases[0]).toMatchObject({
      caseId: '9120',
      state: 'waiting-on-customer',
      vendorStatus: 'Wartet auf Antwort',
      createdAt: '2026-09-30T06:00:00.000Z', // from the mobile meta block
      updatedAt: '2026-10-01T14:30:00.000Z',
      url: 'https://help.example-isp.de/hc/de/requests/9120',
    });
    expect(cases[1]).toMatchObject({ caseId: '9107', state: 'new', title: 'Rechnung & Gutschrift' });
  });

  it('tells a valid empty list from an unreadable one', () => {
    expect(readPage('list-empty.html')).toEqual({ kind: 'list', cases: [], problems: [] });
    expect(() => readPage('list-unknown-layout.html')).toThrow(ProviderParseError);
    try {
      readPage('list-unknown-layout.html');
    } catch (error) {
      expect((error as ProviderParseError).failure).toBe('layout-changed');
      expect((error as Error).message).toMatch(/Expected a requests table or the "no requests" marker/);
    }
  });

  it('reports rows it cannot read instead of dropping them', () => {
    const { cases, problems } = readPage('list-row-problems.html');
    expect(cases.map((c) => c.caseId)).toEqual(['501']);
    expect(problems).toEqual([
      { where: 'row 2', reason: 'Expected a request link or "#id" cell, found neither' },
      { where: 'row 3', reason: 'Expected a status-label-{status} element, found none', caseId: '503' },
    ]);
  });

  it('reports a sign-in page as signed out', () => {
    const url =
      'https://northwind.zendesk.com/hc/en-us/signin?return_to=https%3A%2F%2Fnorthwind.zendesk.com%2Fhc%2Fen-us%2Frequests';
    const doc = loadFixtureDoc('zendesk/signin.html', url);
    expect(zendesk.page!.detect(doc, new URL(url))).toBe('list');
    expect(() => zendesk.page!.extract(doc, new URL(url))).toThrow(/sign-in page/);
  });

  it('defers the newer client-rendered list to its JSON instead of guessing states', () => {
    const result = readPage('new-list-shell.html', 'https://help.northwind-fiber.example/hc/en-us/requests');
    expect(result).toMatchObject({ cases: [], deferredToApi: true });
  });
});

describe('zendesk page detection', () => {
  const doc = loadFixtureDoc('zendesk/list-empty.html', LIST_URL);
  it.each([
    ['https://x.zendesk.com/hc/en-us/requests', 'list'],
    ['https://help.custom-isp.example/hc/pt-br/requests/', 'list'],
    ['https://help.custom-isp.example/hc/requests', 'list'],
    ['https://x.zendesk.com/hc/en-us/requests/123', 'detail'],
    ['https://x.zendesk.com/hc/requests/123', 'detail'],
    ['https://x.zendesk.com/hc/en-us/requests/new', null],
    ['https://x.zendesk.com/hc/en-us/articles/123-How-to', null],
    ['https://x.zendesk.com/hc/en-us', null],
  ])('%s → %s', (url, kind) => expect(zendesk.page!.detect(doc, new URL(url))).toBe(kind));
});

describe('zendesk request detail', () => {
  const url = 'https://northwind.zendesk.com/hc/en-us/requests/48213';
  it('reads status, priority, assignee, times and messages with their side', () => {
    const { kind, cases, problems } = readPage('detail.html', url);
    expect(kind).toBe('detail');
    expect(problems).toEqual([]);
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({
      caseId: '48213',
      title: 'Fiber link down at "Site B" & VPN flapping',
      state: 'waiting-on-customer',
      vendorStatus: 'Awaiting your reply',
      severity: 'critical',
      vendorSeverity: 'Urgent',
      owner: 'Sam Support (Northwind)',
      createdAt: '2026-10-01T07:15:02.000Z',
      updatedAt: '2026-10-02T11:40:55.000Z',
      url,
    });
    const messages = cases[0]!.messages!;
    expect(messages.map((m) => [m.side, m.author, m.at])).toEqual([
      ['customer', 'Alex Example', '2026-10-01T07:15:02.000Z'],
      ['vendor', 'Sam Support (Northwind)', '2026-10-02T11:40:55.000Z'],
    ]);
    // Paragraphs stay paragraphs; markup in the text stays text.
    expect(messages[0]!.text).toBe(
      'Since 06:50 the link at Site B is down.\n\nCircuit ID: NWF-000-1234 <b>not bold</b>',
    );
  });

  it('fails with a named error when the detail layout is unknown', () => {
    expect(() => readPage('list-unknown-layout.html', 'https://northwind.zendesk.com/hc/en-us/requests/700')).toThrow(
      /Expected h1.request-title and dl.request-details/,
    );
  });
});

describe('zendesk Requests API', () => {
  it('reads the requests list, keeping JSON strings raw and reporting unreadable items', () => {
    const { kind, cases, problems } = readApi('api-requests.json');
    expect(kind).toBe('list');
    expect(cases.map((c) => [c.caseId, c.state, c.severity])).toEqual([
      ['48213', 'waiting-on-customer', 'critical'],
      ['48177', 'on-hold', null],
      ['47950', 'resolved', 'low'],
    ]);
    expect(cases[1]!.title).toBe('&lt;not decoded&gt; &amp; kept as typed');
    expect(cases[2]!.title).toBe('Our static IP block 203.0.113.0/29 is not routed …');
    expect(cases[0]).toMatchObject({
      vendorStatus: 'pending',
      vendorSeverity: 'urgent',
      createdAt: '2026-10-01T07:15:02.000Z',
      url: 'https://northwind.zendesk.com/hc/requests/48213',
    });
    expect(problems).toEqual([{ where: 'requests[3]', reason: 'Expected a positive integer id, got "not-a-number"' }]);
  });

  it('reads requests/search with side-loaded users as owners, on a custom domain', () => {
    const { cases } = readApi(
      'api-search.json',
      'https://help.northwind-fiber.example/api/v2/requests/search.json?query=*',
    );
    expect(cases).toHaveLength(2);
    expect(cases[0]).toMatchObject({
      caseId: '5001',
      owner: 'Riley Agent',
      state: 'waiting-on-customer',
      severity: 'high',
    });
    expect(cases[0]!.url).toBe('https://help.northwind-fiber.example/hc/requests/5001');
    expect(cases[1]).toMatchObject({ caseId: '4990', state: 'new', severity: 'normal' });
    expect(cases[1]!.owner).toBeUndefined();
  });

  it('reads a single request', () => {
    const { kind, cases } = readApi('api-request.json', 'https://northwind.zendesk.com/api/v2/requests/48213.json');
    expect(kind).toBe('detail');
    expect(cases[0]).toMatchObject({ caseId: '48213', state: 'open', updatedAt: '2026-10-03T08:00:00.000Z' });
  });

  it('accepts an empty list and rejects an unknown shape', () => {
    expect(readApi('api-requests-empty.json')).toEqual({ kind: 'list', cases: [], problems: [] });
    expect(() => readApi('api-unknown.json')).toThrow(/Expected \{requests: \[...\]\} or \{request: \{...\}\}/);
  });

  it('captures only Requests API URLs', () => {
    const wanted = (u: string) => zendesk.api!.urlPatterns.some((p) => p.test(u));
    expect(wanted('https://x.zendesk.com/api/v2/requests.json')).toBe(true);
    expect(wanted('https://x.zendesk.com/api/v2/requests/search.json?query=*%20requester:me')).toBe(true);
    expect(wanted('https://help.isp.example/api/v2/requests/123.json')).toBe(true);
    expect(wanted('https://x.zendesk.com/api/v2/requests/123/comments.json')).toBe(false);
    expect(wanted('https://x.zendesk.com/api/v2/users/me.json')).toBe(false);
  });
});

describe('zendesk Requests API ids', () => {
  it.each([0, -0, -3, 1.5, '00123', '12a'])('rejects %j as an id', (id) => {
    const body = { requests: [{ id, status: 'open', subject: 's', created_at: '2024-03-05T13:22:10Z' }] };
    const { cases, problems } = zendesk.api!.extract(body, new URL('https://x.zendesk.com/api/v2/requests.json'));
    expect(cases).toEqual([]);
    expect(problems).toHaveLength(1);
  });
});
