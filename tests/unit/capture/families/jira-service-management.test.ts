import { describe, expect, it } from 'vitest';
import { jiraServiceManagement as jsm, stateOfStatus } from '@/lib/capture/families/jira-service-management/adapter';
import { urlMatchesFamily } from '@/lib/capture/families';
import { JIRA_SERVICE_MANAGEMENT } from '@/lib/capture/families/jira-service-management/family';
import type { ParseFailure } from '@/lib/capture/types';
import { parseHtml } from '../../../../scripts/parse-html';
import { fixtureText, loadFixtureDoc, loadFixtureJson } from '../../../helpers/fixtures';

const SITE = 'https://acme-support.atlassian.net';
const API_LIST = `${SITE}/rest/servicedeskapi/request?requestOwnership=ALL_REQUESTS&start=0&limit=50`;
const readApi = (file: string, url = API_LIST) =>
  jsm.api!.extract(loadFixtureJson(`jira-service-management/${file}`), new URL(url));
const readBody = (body: unknown, url = API_LIST) => jsm.api!.extract(body, new URL(url));

const LIST_URL = `${SITE}/servicedesk/customer/user/requests?page=1&reporter=all`;
const readHtml = (html: string, url: string) => jsm.page!.extract(parseHtml(html, url), new URL(url));
const readPage = (file: string, url = LIST_URL) => readHtml(fixtureText(`jira-service-management/${file}`), url);

/** SUP-1042 as both portal pages show it: list row and detail agree, and neither has machine dates. */
const SUP_1042_ON_PAGE = {
  provider: 'jira-service-management',
  caseId: 'SUP-1042',
  title: 'Payment terminal fleet offline & queue stuck',
  vendorStatus: 'Waiting for support',
  state: 'open',
  severity: null,
  vendorSeverity: null,
  createdAt: null,
  updatedAt: null,
  url: `${SITE}/servicedesk/customer/portal/3/SUP-1042`,
};

/** The ProviderParseError a read must throw: its failure kind and what its message says. */
const parseFailure = (failure: ParseFailure, message: RegExp = /./) =>
  expect.objectContaining({ name: 'ProviderParseError', failure, message: expect.stringMatching(message) });

describe('jsm servicedeskapi request page (Cloud)', () => {
  it('uses the issue key, the summary field whatever its label, and the status name before its category', () => {
    const { kind, cases } = readApi('api-requests.json');
    expect(kind).toBe('list');
    expect(cases.map((c) => [c.caseId, c.title, c.vendorStatus, c.state])).toEqual([
      ['SUP-1042', 'Payment terminal fleet offline & queue stuck', 'Waiting for support', 'open'],
      [
        'SUP-1038',
        '&lt;not decoded&gt; VPN profile rejected on macOS 15',
        'Waiting for Customer',
        'waiting-on-customer',
      ],
      ['SUP-1031', 'Replacement laptop for new hire (Ü/ß/€ 東京)', 'Pending', 'on-hold'],
      ['SUP-1020', 'Printer on floor 3 jams on duplex', 'Resolved', 'resolved'],
      // Name beats the DONE category (which alone would say resolved).
      ['SUP-1007', 'Duplicate request, please ignore', 'Canceled', 'closed'],
      // Unknown names fall back to the category.
      ['SUP-1001', 'Licence for diagram tool', 'Awaiting approval', 'new'],
      ['HR-88', 'Payslip shows wrong tax class', 'Escalated to payroll provider', 'open'],
    ]);
  });

  it('takes severity only from a priority field, and leaves the owner unset', () => {
    const { cases } = readApi('api-requests.json');
    expect(cases.map((c) => [c.caseId, c.severity, c.vendorSeverity])).toEqual([
      ['SUP-1042', 'critical', 'Highest'],
      ['SUP-1038', 'normal', 'Medium'],
      ['SUP-1031', 'low', 'Low'],
      ['SUP-1020', 'low', 'Lowest'],
      ['SUP-1007', 'high', 'High'],
      ['SUP-1001', null, null],
      ['HR-88', null, 'Major'],
    ]);
    expect(cases.every((c) => c.owner === undefined)).toBe(true);
  });

  it('converts +0100 date objects to UTC and links to the web link only on the same origin', () => {
    const { cases } = readApi('api-requests.json');
    expect(cases[0]).toEqual({
      provider: 'jira-service-management',
      caseId: 'SUP-1042',
      title: 'Payment terminal fleet offline & queue stuck',
      vendorStatus: 'Waiting for support',
      state: 'open',
      severity: 'critical',
      vendorSeverity: 'Highest',
      createdAt: '2026-11-19T08:47:12.000Z',
      updatedAt: '2026-11-19T09:02:00.000Z',
      url: `${SITE}/servicedesk/customer/portal/3/SUP-1042`,
    });
    expect(cases[1]).toMatchObject({ createdAt: '2026-11-18T15:20:00.000Z', updatedAt: '2026-11-19T07:15:30.000Z' });
    // _links.web points at another host: built from serviceDeskId instead.
    expect(cases[6]!.url).toBe(`${SITE}/servicedesk/customer/portal/5/HR-88`);
  });

  it('reports an unreadable request instead of dropping it', () => {
    expect(readApi('api-requests.json').problems).toEqual([
      { where: 'values[7]', reason: 'Expected an issueKey like PROJ-123, got "not a key"' },
    ]);
    const page = { size: 3, start: 0, limit: 50, isLastPage: true, values: [null, 'SUP-1', { issueKey: 'sup-1' }] };
    expect(readBody(page).problems).toEqual([
      { where: 'values[0]', reason: 'Expected a customer request object, got null' },
      { where: 'values[1]', reason: 'Expected a customer request object, got string' },
      { where: 'values[2]', reason: 'Expected an issueKey like PROJ-123, got "sup-1"' },
    ]);
  });

  it('accepts an empty page', () => {
    expect(readApi('api-requests-empty.json')).toEqual({ kind: 'list', cases: [], problems: [] });
  });
});

describe('jsm servicedeskapi on Data Center', () => {
  const DC_URL = 'https://jira.example.com/jira/rest/servicedeskapi/request?start=0&limit=50';
  it('keeps the context path in links and reads iso8601 / jira dates with their offsets', () => {
    const { kind, cases, problems } = readApi('api-requests-dc.json', DC_URL);
    expect(kind).toBe('list');
    expect(problems).toEqual([]);
    expect(cases.map((c) => [c.caseId, c.state, c.createdAt, c.updatedAt, c.url])).toEqual([
      [
        'ITS-204',
        'open',
        '2026-02-01T08:30:00.000Z',
        '2026-02-02T13:05:09.000Z',
        'https://jira.example.com/jira/servicedesk/customer/portal/2/ITS-204',
      ],
      // No epochMillis and no web link: iso8601 (+0100) / jira (+0530) dates, link built under the context path.
      [
        'ITS-205',
        'waiting-on-customer',
        '2026-02-02T23:30:00.000Z',
        '2026-02-03T02:30:00.000Z',
        'https://jira.example.com/jira/servicedesk/customer/portal/2/ITS-205',
      ],
      [
        'ITS-198',
        'closed',
        '2026-01-29T04:15:00.000Z',
        '2026-01-29T15:00:00.000Z',
        'https://jira.example.com/jira/servicedesk/customer/portal/4/ITS-198',
      ],
    ]);
  });

  it('trusts epochMillis over iso8601 when both are present', () => {
    const request = {
      issueKey: 'ITS-1',
      serviceDeskId: '2',
      createdDate: { iso8601: '2026-02-01T09:30:00+0100', epochMillis: Date.UTC(2026, 1, 1, 8, 31) },
      currentStatus: { status: 'Open', statusCategory: 'NEW', statusDate: { iso8601: '2026-02-01T09:30:00' } },
    };
    const c = readBody(request, 'https://jira.example.com/jira/rest/servicedeskapi/request/ITS-1').cases[0]!;
    expect(c.createdAt).toBe('2026-02-01T08:31:00.000Z');
    // A zone-less date is refused rather than guessed.
    expect(c.updatedAt).toBeNull();
    expect(c.url).toBe('https://jira.example.com/jira/servicedesk/customer/portal/2/ITS-1');
  });
});

describe('jsm status and priority mapping', () => {
  it.each([
    ['Waiting for customer', 'INDETERMINATE', 'waiting-on-customer'],
    ['WAITING FOR CUSTOMER', null, 'waiting-on-customer'],
    ['Waiting for support', 'NEW', 'open'],
    ['In Progress', 'INDETERMINATE', 'open'],
    ['Work in progress', null, 'open'],
    ['Escalated', null, 'open'],
    ['Investigating', null, 'open'],
    ['Under review', null, 'open'],
    ['Reopened', 'NEW', 'open'],
    ['Pending', 'INDETERMINATE', 'on-hold'],
    ['On hold', null, 'on-hold'],
    ['Resolved', 'DONE', 'resolved'],
    ['Closed', 'DONE', 'closed'],
    ['Done', 'DONE', 'closed'],
    ['Canceled', 'DONE', 'closed'],
    ['Cancelled', null, 'closed'],
    ['Declined', 'DONE', 'closed'],
    ['Completed', 'DONE', 'closed'],
    ['Awaiting approval', 'NEW', 'new'],
    ['Escalated to vendor', 'INDETERMINATE', 'open'],
    ['Fixed', 'DONE', 'resolved'],
    ['Parked', 'UNDEFINED', null],
    ['Parked', null, null],
  ] as const)('%s (%s) → %s', (name, category, state) => expect(stateOfStatus(name, category)).toBe(state));

  it.each([
    ['Highest', 'critical'],
    ['Blocker', 'critical'],
    ['Critical', 'critical'],
    ['High', 'high'],
    ['Medium', 'normal'],
    ['Low', 'low'],
    ['Lowest', 'low'],
    ['Major', null],
    ['P2', null],
  ] as const)('priority field %s → %s', (name, severity) => {
    const request = {
      issueKey: 'SUP-9',
      requestFieldValues: [{ fieldId: 'priority', label: 'How bad is it?', value: { name } }],
    };
    expect(readBody(request, `${SITE}/rest/servicedeskapi/request/SUP-9`).cases[0]).toMatchObject({
      severity,
      vendorSeverity: name,
    });
  });
});

describe('jsm servicedeskapi single request and unknown shapes', () => {
  it('reads GET /request/{key} as a detail', () => {
    const { kind, cases, problems } = readApi('api-request.json', `${SITE}/rest/servicedeskapi/request/SUP-1042`);
    expect(kind).toBe('detail');
    expect(problems).toEqual([]);
    expect(cases).toEqual([
      expect.objectContaining({
        caseId: 'SUP-1042',
        state: 'waiting-on-customer',
        severity: null,
        vendorSeverity: null,
        updatedAt: '2026-11-20T06:05:00.000Z',
        url: `${SITE}/servicedesk/customer/portal/3/SUP-1042`,
      }),
    ]);
  });

  it.each([
    ['an error body', loadFixtureJson('jira-service-management/api-unknown.json')],
    ['a bare array', [{ issueKey: 'SUP-1' }]],
    ['values without a page envelope', { values: [] }],
    ['null', null],
  ])('rejects %s as an unknown shape', (_name, body) => {
    expect(jsm.api!.detect(body, new URL(API_LIST))).toBeNull();
    expect(() => readBody(body)).toThrow(
      parseFailure(
        'unknown-shape',
        /Expected a page \{values: \[...\], isLastPage\} of customer requests or one request with issueKey/,
      ),
    );
  });

  const wanted = (u: string) => jsm.api!.urlPatterns.some((p) => p.test(u));
  it.each([
    `${SITE}/rest/servicedeskapi/request`,
    `${SITE}/rest/servicedeskapi/request?requestOwnership=ALL_REQUESTS&requestStatus=OPEN_REQUESTS&start=0&limit=50`,
    `${SITE}/rest/servicedeskapi/request/SUP-1042`,
    `${SITE}/rest/servicedeskapi/request/10342?expand=status`,
    'https://jira.example.com/jira/rest/servicedeskapi/request?start=0',
    'https://jira.example.com/rest/servicedeskapi/request/ITS-204',
  ])('captures %s', (u) => expect(wanted(u)).toBe(true));

  it.each([
    `${SITE}/rest/servicedeskapi/request/SUP-1042/comment`,
    `${SITE}/rest/servicedeskapi/request/SUP-1042/status`,
    `${SITE}/rest/servicedeskapi/requesttype`,
    `${SITE}/rest/servicedeskapi/servicedesk/3/requesttype`,
    `${SITE}/rest/api/2/issue/SUP-1042`,
    `${SITE}/servicedesk/customer/user/requests`,
    'http://jira.example.com/rest/servicedeskapi/request',
  ])('ignores %s', (u) => expect(wanted(u)).toBe(false));

  it('injects on the Cloud customer portal only', () => {
    expect(jsm.matches).toEqual(JIRA_SERVICE_MANAGEMENT.matches);
    expect(urlMatchesFamily(JIRA_SERVICE_MANAGEMENT, `${SITE}/servicedesk/customer/user/requests`)).toBe(true);
    expect(urlMatchesFamily(JIRA_SERVICE_MANAGEMENT, `${SITE}/servicedesk/customer/portal/3/SUP-1042`)).toBe(true);
    expect(urlMatchesFamily(JIRA_SERVICE_MANAGEMENT, `${SITE}/jira/software/projects/SUP/boards/1`)).toBe(false);
    expect(urlMatchesFamily(JIRA_SERVICE_MANAGEMENT, 'https://id.atlassian.com/login')).toBe(false);
  });
});

describe('jsm portal page detection', () => {
  const doc = loadFixtureDoc('jira-service-management/portal-empty.html', LIST_URL);
  it.each([
    [`${SITE}/servicedesk/customer/user/requests`, 'list'],
    [`${SITE}/servicedesk/customer/user/requests/`, 'list'],
    ['https://jira.example.com/jira/servicedesk/customer/user/requests', 'list'],
    [`${SITE}/servicedesk/customer/user/login?destination=user%2Frequests`, 'list'],
    [`${SITE}/servicedesk/customer/portal/3/user/login`, 'list'],
    [`${SITE}/servicedesk/customer/portal/3/SUP-1042`, 'detail'],
    ['https://jira.example.com/jira/servicedesk/customer/portal/2/ITS-204', 'detail'],
    [`${SITE}/servicedesk/customer/portal/3/sup-1042`, null],
    [`${SITE}/servicedesk/customer/portal/3`, null],
    [`${SITE}/servicedesk/customer/portal/3/create/12`, null],
    [`${SITE}/servicedesk/customer/portals`, null],
    [`${SITE}/servicedesk/customer/user/approvals`, null],
  ])('%s → %s', (url, kind) => expect(jsm.page!.detect(doc, new URL(url))).toBe(kind));
});

describe('jsm portal request list', () => {
  it('reads the key from the 2nd column and the other columns by header word', () => {
    const { kind, cases } = readPage('portal-list.html');
    expect(kind).toBe('list');
    expect(cases.map((c) => [c.caseId, c.vendorStatus, c.state])).toEqual([
      ['SUP-1042', 'Waiting for support', 'open'],
      ['SUP-1038', 'Waiting for customer', 'waiting-on-customer'],
      ['SUP-1031', 'Pending', 'on-hold'],
      // The DOM carries no status category: an unknown name stays unknown.
      ['HR-88', 'Escalated to payroll provider', null],
      ['SUP-1020', 'Resolved', 'resolved'],
    ]);
    // "Yesterday 9:47 AM" is human text: never parsed, so no dates.
    expect(cases[0]).toEqual(SUP_1042_ON_PAGE);
    expect(cases[1]!.title).toBe('<script>alert(1)</script> VPN profile rejected');
  });

  it('reports a row it cannot read instead of dropping it', () => {
    expect(readPage('portal-list.html').problems).toEqual([
      { where: 'row 6', reason: 'Expected a status, found an empty cell', caseId: 'SUP-1015' },
    ]);
  });

  it('falls back to the 2nd column without a Reference header, and keeps a Data Center context path in links', () => {
    const html = fixtureText('jira-service-management/portal-list.html')
      .replace('<span>Reference</span>', '<span></span>')
      .replaceAll('href="/servicedesk/', 'href="/jira/servicedesk/');
    const url = 'https://jira.example.com/jira/servicedesk/customer/user/requests';
    const { cases } = readHtml(html, url);
    expect(cases.map((c) => c.caseId)).toEqual(['SUP-1042', 'SUP-1038', 'SUP-1031', 'HR-88', 'SUP-1020']);
    expect(cases[3]!.url).toBe('https://jira.example.com/jira/servicedesk/customer/portal/5/HR-88');
  });

  it('refuses a table whose Summary or Status column it cannot find', () => {
    const html = fixtureText('jira-service-management/portal-list.html').replace(
      '<span>Summary</span>',
      '<span>Topic</span>',
    );
    expect(() => readHtml(html, LIST_URL)).toThrow(
      parseFailure('layout-changed', /Expected summary columns, found headers \["Type","Reference","Topic","Status"/),
    );
  });

  it('tells an empty list from a layout it cannot read', () => {
    expect(readPage('portal-empty.html')).toEqual({ kind: 'list', cases: [], problems: [] });
    expect(() => readPage('portal-unknown-layout.html')).toThrow(
      parseFailure('layout-changed', /Expected the request list table .* or an empty-state message, found neither/),
    );
  });

  it('reports the login page, on its own path or rendered at the list URL, as signed out', () => {
    for (const url of [
      `${SITE}/servicedesk/customer/user/login?destination=user%2Frequests`,
      'https://jira.example.com/jira/servicedesk/customer/user/login',
      LIST_URL,
    ]) {
      expect(() => readPage('portal-login.html', url)).toThrow(parseFailure('signed-out'));
    }
  });

  it.each([
    ['portal-list.html', LIST_URL, true],
    ['portal-empty.html', LIST_URL, true],
    ['portal-login.html', `${SITE}/servicedesk/customer/user/login`, true],
    ['portal-unknown-layout.html', LIST_URL, false],
    ['portal-detail.html', `${SITE}/servicedesk/customer/portal/3/SUP-1042`, true],
    ['portal-unknown-layout.html', `${SITE}/servicedesk/customer/portal/3/SUP-1042`, false],
  ])('isReady(%s at %s) → %s', (file, url, ready) => {
    expect(jsm.page!.isReady!(loadFixtureDoc(`jira-service-management/${file}`, url), new URL(url))).toBe(ready);
  });
});

describe('jsm portal request detail', () => {
  const url = `${SITE}/servicedesk/customer/portal/3/SUP-1042`;
  it('reads the summary heading and the labelled status, with the key from the URL', () => {
    expect(url).toBe(SUP_1042_ON_PAGE.url);
    expect(readPage('portal-detail.html', url)).toEqual({ kind: 'detail', problems: [], cases: [SUP_1042_ON_PAGE] });
  });

  it('fails with layout-changed when the status label is missing', () => {
    expect(() => readPage('portal-unknown-layout.html', url)).toThrow(
      parseFailure(
        'layout-changed',
        /Expected a heading \(h1\) and a "Status" label on the case page, found no status label/,
      ),
    );
  });
});
