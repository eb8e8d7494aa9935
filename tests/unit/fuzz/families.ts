/**
 * Realistic inputs per portal family, before mutation: the saved fixtures in tests/fixtures/<family>/
 * (every file found there, so new fixtures join the fuzzing by themselves) and, for the families of
 * docs/portals.md §3–6, bodies and pages generated from the documented shapes. Each input comes with
 * a URL the content script would read it at (JSON: matching the family's API patterns).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fixtureReadAt } from '../../helpers/fixtures';
import fc from 'fast-check';
import type { ProviderId } from '@/lib/core/model';
import { escapeHtml } from '../../helpers/hostile';
import { textArb } from './strings';

export interface JsonInput {
  url: string;
  body: unknown;
}
export interface PageInput {
  url: string;
  html: string;
}

export interface Channel<T> {
  /** Realistic inputs (fixtures or documented shapes), not yet mutated. */
  bases: fc.Arbitrary<T>;
  /**
   * Share of mutated inputs that must still read at least one case or message, so that the fuzzer is
   * known to reach the reading code. 0 where the shape is a guess (the DOM is "not established", docs/portals.md).
   */
  minReadShare: number;
}

export interface FamilyFuzz {
  api?: Channel<JsonInput>;
  page?: Channel<PageInput>;
}

// ---- Fixtures ----

const FIXTURES = 'tests/fixtures';

function fixtureFiles(family: string, ext: '.json' | '.html'): string[] {
  const dir = `${FIXTURES}/${family}`;
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(ext))
        .sort()
    : [];
}

/**
 * URLs per fixture file: the first rule whose pattern matches the file name gives the URLs the file is
 * usually read at; three times in four it is read there, otherwise at any URL of the family.
 */
type UrlRules = [RegExp, string[]][];

function fromFixtures<T>(
  family: string,
  ext: '.json' | '.html',
  rules: UrlRules,
  make: (url: string, text: string) => T,
): fc.Arbitrary<T>[] {
  const any = [...new Set(rules.flatMap(([, urls]) => urls))];
  return fixtureFiles(family, ext).map((file) => {
    const text = readFileSync(`${FIXTURES}/${family}/${file}`, 'utf8');
    const own = rules.find(([re]) => re.test(file))?.[1] ?? any;
    const url = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...own) },
      { weight: 1, arbitrary: fc.constantFrom(...any) },
    );
    return url.map((u) => make(u, text));
  });
}

const jsonFixtures = (family: string, rules: UrlRules) =>
  fromFixtures(family, '.json', rules, (url, text): JsonInput => ({ url, body: JSON.parse(text) as unknown }));
const pageFixtures = (family: string, rules: UrlRules) =>
  fromFixtures(family, '.html', rules, (url, html): PageInput => ({ url, html }));

function oneOf<T>(arbs: fc.Arbitrary<T>[], family: string): fc.Arbitrary<T> {
  if (arbs.length === 0) throw new Error(`Expected fixtures or generated shapes for ${family}, found none`);
  return fc.oneof(...arbs);
}

// ---- Shared pieces of generated shapes ----

const SUBJECT_WORDS = [
  'VPN',
  'tunnel',
  'down',
  'after',
  'upgrade',
  'invoice',
  'wrong',
  'Mail',
  'delayed',
  '&',
  '"quoted"',
  '<b>',
  'Störung',
  '東京',
  'شبكة',
  '🚀',
  'R&D',
  '50%',
  '#42',
];
const subjectArb = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.array(fc.constantFrom(...SUBJECT_WORDS), { minLength: 1, maxLength: 8 }).map((w) => w.join(' ')),
  },
  { weight: 1, arbitrary: textArb },
);
const personArb = fc.constantFrom(
  'Alex Example',
  'Sam Support',
  'José Ñúñez',
  '山田 太郎',
  "Siobhán O'Neill",
  'Support Bot',
);
const instantArb = fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2030, 0, 1) });
const zulu = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const offsetArb = fc.constantFrom(0, 60, -300, 330, 540, -720);
/** 2024-02-01T09:30:00+0100 (or with ms / colon), the instant written in that offset. */
function withOffset(ms: number, offsetMinutes: number, style: 'plain' | 'ms' | 'colon'): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, style === 'ms' ? 23 : 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const hh = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0');
  const mm = String(Math.abs(offsetMinutes) % 60).padStart(2, '0');
  return `${local}${sign}${hh}${style === 'colon' ? ':' : ''}${mm}`;
}
const hex = (n: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${n}}$`));
const subdomainArb = fc.stringMatching(/^[a-z][a-z0-9]{2,12}$/);

// ---- §6 Freshdesk ----

const freshdeskTicketArb = fc
  .record({
    id: fc.integer({ min: 1, max: 9_999_999 }),
    subject: subjectArb,
    description_text: subjectArb,
    status: fc.constantFrom(2, 3, 4, 5, 6, 7, 12),
    priority: fc.constantFrom(1, 2, 3, 4),
    source: fc.constantFrom(1, 2, 3, 7, 9, 10),
    type: fc.constantFrom('Question', 'Incident', 'Problem', null),
    requester_id: fc.integer({ min: 1, max: 9e11 }),
    responder_id: fc.option(fc.integer({ min: 1, max: 9e11 })),
    created: instantArb,
    updated: instantArb,
    withStats: fc.boolean(),
  })
  .map((t) => ({
    id: t.id,
    subject: t.subject,
    description: `<div>${escapeHtml(t.description_text)}</div>`,
    description_text: t.description_text,
    status: t.status,
    priority: t.priority,
    source: t.source,
    type: t.type,
    requester_id: t.requester_id,
    responder_id: t.responder_id,
    group_id: null,
    company_id: 5000012345,
    product_id: null,
    email_config_id: null,
    cc_emails: [],
    fwd_emails: [],
    reply_cc_emails: [],
    to_emails: null,
    fr_escalated: false,
    is_escalated: false,
    spam: false,
    due_by: zulu(t.updated + 86_400_000),
    fr_due_by: zulu(t.created + 3_600_000),
    custom_fields: { cf_environment: 'production' },
    tags: [],
    attachments: [],
    created_at: zulu(t.created),
    updated_at: zulu(t.updated),
    association_type: null,
    ...(t.withStats
      ? {
          stats: {
            agent_responded_at: null,
            requester_responded_at: zulu(t.updated),
            first_responded_at: null,
            status_updated_at: zulu(t.updated),
            reopened_at: null,
            resolved_at: null,
            closed_at: null,
            pending_since: null,
          },
        }
      : {}),
  }));

const freshdeskApi: fc.Arbitrary<JsonInput> = fc
  .record({
    host: fc.oneof(
      subdomainArb.map((s) => `https://${s}.freshdesk.com`),
      fc.constant('https://support.example-isp.com'),
    ),
    tickets: fc.array(freshdeskTicketArb, { maxLength: 8 }),
    shape: fc.constantFrom('list', 'search', 'single'),
    query: fc.constantFrom(
      '',
      '?page=2&per_page=30',
      '?include=requester,stats&order_by=updated_at&order_type=desc',
      '?filter=new_and_my_open',
    ),
  })
  .map(({ host, tickets, shape, query }) => {
    if (shape === 'single' && tickets[0]) return { url: `${host}/api/v2/tickets/${tickets[0].id}`, body: tickets[0] };
    if (shape === 'search')
      return {
        url: `${host}/api/v2/search/tickets?query="status:2"`,
        body: { results: tickets, total: tickets.length },
      };
    return { url: `${host}/api/v2/tickets${query}`, body: tickets };
  });

// Portal markup is not established (docs/portals.md §3): a plausible page, for robustness only.
const freshdeskPage: fc.Arbitrary<PageInput> = fc
  .record({ sub: subdomainArb, tickets: fc.array(freshdeskTicketArb, { maxLength: 6 }), detail: fc.boolean() })
  .map(({ sub, tickets, detail }) => {
    const origin = `https://${sub}.freshdesk.com`;
    const rows = tickets.map(
      (t) => `<div class="c-row c-ticket-row"><span class="status-label status-${t.status}">${t.status}</span>
      <a class="c-link" href="/support/tickets/${t.id}" title="${escapeHtml(t.subject)}">${escapeHtml(t.subject)}</a>
      <span class="help-text">#${t.id} · <time datetime="${t.updated_at}">x</time></span></div>`,
    );
    const body =
      detail && tickets[0]
        ? `<h2 class="heading">${escapeHtml(tickets[0].subject)}</h2><div class="ticket-status">Open</div>`
        : `<div id="ticket-list">${rows.join('') || '<div class="no-results">No tickets</div>'}</div>`;
    return {
      url: detail && tickets[0] ? `${origin}/support/tickets/${tickets[0].id}` : `${origin}/support/tickets`,
      html: `<!DOCTYPE html><html><body><section class="main">${body}</section></body></html>`,
    };
  });

// ---- §7 Jira Service Management ----

const jsmDate = (ms: number, offset: number) => ({
  iso8601: withOffset(ms, offset, 'plain'),
  jira: withOffset(ms, offset, 'ms'),
  friendly: 'Today 09:30 AM',
  epochMillis: ms,
});
const JSM_STATUSES: [string, string][] = [
  ['Waiting for support', 'INDETERMINATE'],
  ['Waiting for customer', 'INDETERMINATE'],
  ['In progress', 'INDETERMINATE'],
  ['Pending', 'INDETERMINATE'],
  ['Resolved', 'DONE'],
  ['Closed', 'DONE'],
  ['Canceled', 'DONE'],
  ['Open', 'NEW'],
  ['Triage', 'NEW'],
  ['Escalated', 'INDETERMINATE'],
  ['Custom thing', 'UNDEFINED'],
];

const jsmRequestArb = (base: string) =>
  fc
    .record({
      project: fc.constantFrom('PROJ', 'IT', 'HELP', 'SUP'),
      n: fc.integer({ min: 1, max: 99_999 }),
      issueId: fc.integer({ min: 10_000, max: 999_999 }),
      summary: subjectArb,
      summaryLabel: fc.constantFrom('Summary', 'What do you need?', 'Betreff', 'Résumé'),
      status: fc.constantFrom(...JSM_STATUSES),
      created: instantArb,
      statusDate: instantArb,
      offset: offsetArb,
      reporter: personArb,
      withDescription: fc.boolean(),
    })
    .map((r) => {
      const key = `${r.project}-${r.n}`;
      return {
        _expands: ['participant', 'status', 'sla', 'requestType', 'serviceDesk', 'attachment', 'action', 'comment'],
        issueId: String(r.issueId),
        issueKey: key,
        requestTypeId: '25',
        serviceDeskId: '10',
        createdDate: jsmDate(r.created, r.offset),
        reporter: {
          accountId: '5b10ac8d82e05b22cc7d4ef5',
          emailAddress: 'alex@example.invalid',
          displayName: r.reporter,
          active: true,
          timeZone: 'Europe/Berlin',
          _links: { self: `${base}/rest/api/2/user?accountId=5b10ac8d82e05b22cc7d4ef5` },
        },
        requestFieldValues: [
          { fieldId: 'summary', label: r.summaryLabel, value: r.summary },
          ...(r.withDescription
            ? [
                {
                  fieldId: 'description',
                  label: 'Description',
                  value: r.summary,
                  renderedValue: { html: `<p>${escapeHtml(r.summary)}</p>` },
                },
              ]
            : []),
        ],
        currentStatus: {
          status: r.status[0],
          statusCategory: r.status[1],
          statusDate: jsmDate(r.statusDate, r.offset),
        },
        _links: {
          jiraRest: `${base}/rest/api/2/issue/${r.issueId}`,
          web: `${base}/servicedesk/customer/portal/10/${key}`,
          self: `${base}/rest/servicedeskapi/request/${r.issueId}`,
        },
      };
    });

const jsmBaseArb = fc.oneof(
  subdomainArb.map((s) => `https://${s}.atlassian.net`),
  fc.constant('https://jira.example.com/jira'),
);

const jsmApi: fc.Arbitrary<JsonInput> = jsmBaseArb.chain((base) =>
  fc
    .record({
      values: fc.array(jsmRequestArb(base), { maxLength: 8 }),
      single: fc.boolean(),
      query: fc.constantFrom(
        '',
        '?requestOwnership=ALL_REQUESTS&requestStatus=OPEN_REQUESTS',
        '?start=50&limit=50',
        '?expand=status',
      ),
      isLastPage: fc.boolean(),
    })
    .map(({ values, single, query, isLastPage }) => {
      if (single && values[0])
        return { url: `${base}/rest/servicedeskapi/request/${values[0].issueKey}`, body: values[0] };
      return {
        url: `${base}/rest/servicedeskapi/request${query}`,
        body: {
          _expands: [],
          size: values.length,
          start: 0,
          limit: 50,
          isLastPage,
          _links: {
            base,
            context: '',
            ...(isLastPage ? {} : { next: `${base}/rest/servicedeskapi/request?start=50&limit=50` }),
          },
          values,
        },
      };
    }),
);

// List DOM partly documented (docs/portals.md §4): header cells' data-testid, key link in the 2nd column.
const jsmPage: fc.Arbitrary<PageInput> = subdomainArb.chain((sub) => {
  const base = `https://${sub}.atlassian.net`;
  return fc
    .record({ values: fc.array(jsmRequestArb(base), { maxLength: 6 }), detail: fc.boolean() })
    .map(({ values, detail }) => {
      const head = ['Type', 'Reference', 'Summary', 'Status', 'Service project', 'Requester']
        .map((h) => `<th data-testid="request-list.request-list-table-v2--head--cell">${h}</th>`)
        .join('');
      const rows = values
        .map(
          (v) => `<tr><td>Help</td><td><a href="/servicedesk/customer/portal/10/${v.issueKey}">${v.issueKey}</a></td>
      <td>${escapeHtml(String(v.requestFieldValues[0]!.value))}</td><td><span>${escapeHtml(v.currentStatus.status)}</span></td><td>IT help</td>
      <td>${escapeHtml(v.reporter.displayName)}</td></tr>`,
        )
        .join('');
      const url =
        detail && values[0]
          ? `${base}/servicedesk/customer/portal/10/${values[0].issueKey}`
          : `${base}/servicedesk/customer/user/requests?page=1&reporter=all&statuses=open`;
      return {
        url,
        html: `<!DOCTYPE html><html><body><div id="root"><table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div></body></html>`,
      };
    });
});

// ---- §8 ServiceNow ----

const SN_CASE_STATES: [string, string][] = [
  ['1', 'New'],
  ['10', 'Open'],
  ['18', 'Awaiting Info'],
  ['6', 'Resolved'],
  ['3', 'Closed'],
  ['7', 'Cancelled'],
  ['42', 'Vendor custom'],
];
const SN_INCIDENT_STATES: [string, string][] = [
  ['1', 'New'],
  ['2', 'In Progress'],
  ['3', 'On Hold'],
  ['6', 'Resolved'],
  ['7', 'Closed'],
  ['8', 'Canceled'],
];
const SN_PRIORITIES: [string, string][] = [
  ['1', '1 - Critical'],
  ['2', '2 - High'],
  ['3', '3 - Moderate'],
  ['4', '4 - Low'],
  ['5', '5 - Planning'],
];
const snDate = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

const serviceNowRecordArb = (
  table: 'sn_customerservice_case' | 'incident',
  display: 'false' | 'true' | 'all',
  origin: string,
) =>
  fc
    .record({
      sysId: hex(32),
      n: fc.integer({ min: 1, max: 9_999_999 }),
      short: subjectArb,
      state: fc.constantFrom(...(table === 'incident' ? SN_INCIDENT_STATES : SN_CASE_STATES)),
      priority: fc.constantFrom(...SN_PRIORITIES),
      opened: instantArb,
      updated: instantArb,
      holdReason: fc.constantFrom('', '1', '5'),
      assignee: fc.option(personArb),
    })
    .map((r) => {
      const ref = (value: string, label: string) => ({
        link: `${origin}/api/now/table/sys_user/${value}`,
        value,
        display_value: label,
      });
      const field = (value: string, label: string) =>
        display === 'false' ? value : display === 'true' ? label : { display_value: label, value };
      // display_value=true gives dates in the user's zone and format: deliberately not UTC here.
      const date = (ms: number) => field(snDate(ms), new Date(ms + 3_600_000).toLocaleString('en-GB'));
      const number = `${table === 'incident' ? 'INC' : 'CS'}${String(r.n).padStart(7, '0')}`;
      return {
        sys_id: field(r.sysId, r.sysId),
        number: field(number, number),
        short_description: field(r.short, r.short),
        description: field(r.short, r.short),
        state: field(r.state[0], r.state[1]),
        priority: field(r.priority[0], r.priority[1]),
        impact: field('2', '2 - Medium'),
        urgency: field('2', '2 - Medium'),
        active: field('true', 'true'),
        opened_at: date(r.opened),
        sys_created_on: date(r.opened),
        sys_updated_on: date(r.updated),
        resolved_at: field('', ''),
        closed_at: field('', ''),
        ...(table === 'incident'
          ? { hold_reason: field(r.holdReason, r.holdReason === '1' ? 'Awaiting Caller' : '') }
          : {}),
        contact:
          display === 'false'
            ? { link: `${origin}/api/now/table/customer_contact/abc`, value: 'abc' }
            : field('abc', 'Alex Example'),
        assigned_to: r.assignee
          ? display === 'false'
            ? ref('0a1b', r.assignee)
            : field('0a1b', r.assignee)
          : field('', ''),
      };
    });

const serviceNowApi: fc.Arbitrary<JsonInput> = fc
  .record({
    origin: fc.oneof(
      subdomainArb.map((s) => `https://${s}.service-now.com`),
      fc.constant('https://help.ovhcloud.example'),
    ),
    table: fc.constantFrom('sn_customerservice_case' as const, 'incident' as const),
    display: fc.constantFrom('false' as const, 'true' as const, 'all' as const),
    version: fc.constantFrom('', 'v2/'),
    single: fc.boolean(),
  })
  .chain(({ origin, table, display, version, single }) =>
    fc
      .array(serviceNowRecordArb(table, display, origin), { minLength: single ? 1 : 0, maxLength: 8 })
      .chain((records) =>
        hex(32).map((sysId) => {
          const path = `${origin}/api/now/${version}table/${table}`;
          const params = `sysparm_display_value=${display}&sysparm_limit=50&sysparm_query=active%3Dtrue%5EORDERBYDESCsys_updated_on`;
          return single
            ? { url: `${path}/${sysId}?${params}`, body: { result: records[0] } }
            : { url: `${path}?${params}`, body: { result: records } };
        }),
      ),
  );

// Portal DOM (Angular widgets) is not established (docs/portals.md §5): a plausible page, for robustness only.
const serviceNowPage: fc.Arbitrary<PageInput> = subdomainArb.chain((sub) => {
  const origin = `https://${sub}.service-now.com`;
  return fc
    .record({
      records: fc.array(serviceNowRecordArb('sn_customerservice_case', 'true', origin), { maxLength: 6 }),
      path: fc.constantFrom(
        '/csm?id=csm_cases_requests&table=sn_customerservice_case',
        '/sp?id=my_requests',
        '/csp?id=csm_ticket&table=sn_customerservice_case&number=CS0001234&view=csp',
      ),
    })
    .map(({ records, path }) => {
      const rows = records
        .map(
          (
            r,
          ) => `<tr><td><a href="?id=csm_ticket&table=sn_customerservice_case&sys_id=${String(r.sys_id)}">${escapeHtml(String(r.number))}</a></td>
        <td>${escapeHtml(String(r.short_description))}</td><td>${escapeHtml(String(r.state))}</td><td>${escapeHtml(String(r.sys_updated_on))}</td></tr>`,
        )
        .join('');
      return {
        url: origin + path,
        html: `<!DOCTYPE html><html><body><div ng-app="sn.$sp"><div class="panel"><table class="table table-striped">
        <thead><tr><th>Number</th><th>Short description</th><th>State</th><th>Updated</th></tr></thead><tbody>${rows}</tbody></table></div></div></body></html>`,
      };
    });
});

// ---- §9 Salesforce ----

const SF_STATUSES: [string, boolean][] = [
  ['New', false],
  ['Working', false],
  ['Escalated', false],
  ['On Hold', false],
  ['Closed', true],
  ['In Progress', false],
  ['Waiting on Customer', false],
  ['Resolved', true],
  ['Custom Closed', true],
  ['Custom Open', false],
];

const salesforceRecordArb = (version: string) =>
  fc
    .record({
      id: fc.stringMatching(/^500[0-9A-Za-z]{15}$/),
      number: fc.integer({ min: 1, max: 99_999_999 }).map((n) => String(n).padStart(8, '0')),
      subject: subjectArb,
      status: fc.constantFrom(...SF_STATUSES),
      priority: fc.constantFrom('High', 'Medium', 'Low', 'Critical', 'Urgent', null),
      created: instantArb,
      modified: instantArb,
      fields: fc.subarray([
        'Origin',
        'Type',
        'Reason',
        'IsEscalated',
        'ClosedDate',
        'ContactId',
        'AccountId',
        'OwnerId',
      ]),
    })
    .map((r) => {
      const record: Record<string, unknown> = {
        attributes: { type: 'Case', url: `/services/data/${version}/sobjects/Case/${r.id}` },
        Id: r.id,
        CaseNumber: r.number,
        Subject: r.subject,
        Status: r.status[0],
        Priority: r.priority,
        IsClosed: r.status[1],
        CreatedDate: withOffset(r.created, 0, 'ms'),
        LastModifiedDate: withOffset(r.modified, 0, 'ms'),
      };
      const extra: Record<string, unknown> = {
        Origin: 'Web',
        Type: 'Problem',
        Reason: null,
        IsEscalated: false,
        ClosedDate: r.status[1] ? withOffset(r.modified, 0, 'ms') : null,
        ContactId: '003000000000001AAA',
        AccountId: '001000000000001AAA',
        OwnerId: '005000000000001AAA',
      };
      for (const f of r.fields) record[f] = extra[f];
      return record;
    });

const salesforceApi: fc.Arbitrary<JsonInput> = fc
  .record({
    origin: fc.oneof(
      subdomainArb.map((s) => `https://${s}.my.site.com/support`),
      subdomainArb.map((s) => `https://${s}.force.com`),
    ),
    version: fc.constantFrom('v58.0', 'v60.0', 'v62.0'),
    done: fc.boolean(),
  })
  .chain(({ origin, version, done }) =>
    fc.array(salesforceRecordArb(version), { maxLength: 8 }).map((records) => ({
      url: `${origin}/services/data/${version}/query?q=${encodeURIComponent('SELECT Id,CaseNumber,Subject,Status,Priority,IsClosed,CreatedDate,LastModifiedDate FROM Case')}`,
      body: {
        totalSize: records.length + (done ? 0 : 2000),
        done,
        ...(done ? {} : { nextRecordsUrl: `/services/data/${version}/query/01gD0000002HU6KIAW-2000` }),
        records,
      },
    })),
  );

// Lightning DOM is not established (docs/portals.md §6): a plausible page, for robustness only.
const salesforcePage: fc.Arbitrary<PageInput> = fc
  .record({
    sub: subdomainArb,
    records: fc.array(salesforceRecordArb('v60.0'), { maxLength: 6 }),
    detail: fc.boolean(),
  })
  .map(({ sub, records, detail }) => {
    const origin = `https://${sub}.my.site.com`;
    const rows = records
      .map(
        (
          r,
        ) => `<tr><th scope="row"><a href="/support/s/case/${String(r.Id)}/${String(r.CaseNumber)}">${String(r.CaseNumber)}</a></th>
      <td>${escapeHtml(String(r.Subject))}</td><td>${escapeHtml(String(r.Status))}</td></tr>`,
      )
      .join('');
    const first = records[0];
    const url =
      detail && first
        ? `${origin}/support/s/case/${String(first.Id)}/${String(first.CaseNumber)}`
        : `${origin}/support/s/case/Case/Default`;
    return {
      url,
      html: `<!DOCTYPE html><html><body><div class="forceCommunityRecordListView"><table class="slds-table">
      <thead><tr><th title="Case Number">Case Number</th><th title="Subject">Subject</th><th title="Status">Status</th></tr></thead>
      <tbody>${rows}</tbody></table></div></body></html>`,
    };
  });

// ---- Every family ----

const ZD = 'https://northwind.zendesk.com';
const AZ = 'https://management.azure.com';
const AZ_TICKET = `${AZ}/subscriptions/00000000-0000-0000-0000-0000000000aa/providers/Microsoft.Support/supportTickets/7f3e2d1c-0000-4000-8000-000000000001`;
const GCP = 'https://cloudsupport.googleapis.com/v2/projects/acme-prod-123/cases';
const MPC = 'https://api.partnercenter.microsoft.com/v1';
const M365 = 'https://admin.microsoft.com/Adminportal/Home';

/** Generators written for a family's shapes; a family without an entry is fuzzed from its fixtures (fuzzFor). */
export const FUZZ_FAMILIES: Partial<Record<ProviderId, FamilyFuzz>> = {
  zendesk: {
    api: {
      minReadShare: 0.15,
      bases: oneOf(
        jsonFixtures('zendesk', [
          [/api-request\.json$/, [`${ZD}/api/v2/requests/48213.json`]],
          [/search/, [`${ZD}/api/v2/requests/search.json?include=users&query=*%20requester%3Ame`]],
          [
            /./,
            [
              `${ZD}/api/v2/requests.json`,
              `${ZD}/api/v2/requests/ccd.json`,
              'https://help.example.com/api/v2/requests/solved.json?page=2',
            ],
          ],
        ]),
        'zendesk',
      ),
    },
    page: {
      minReadShare: 0.15,
      bases: oneOf(
        pageFixtures('zendesk', [
          [/detail/, [`${ZD}/hc/en-us/requests/48213`, `${ZD}/hc/requests/48213`]],
          [/signin/, [`${ZD}/hc/en-us/signin?return_to=%2Fhc%2Fen-us%2Frequests`, `${ZD}/hc/en-us/requests`]],
          [
            /./,
            [`${ZD}/hc/en-us/requests`, `${ZD}/hc/requests/`, `${ZD}/hc/de/requests?filter_by=organization&page=2`],
          ],
        ]),
        'zendesk',
      ),
    },
  },
  azure: {
    api: {
      minReadShare: 0.15,
      bases: oneOf(
        jsonFixtures('azure', [
          [/communications/, [`${AZ_TICKET}/communications?api-version=2024-04-01`]],
          [/single/, [`${AZ_TICKET}?api-version=2024-04-01`]],
          [
            /./,
            [
              `${AZ}/providers/Microsoft.Support/supportTickets?api-version=2024-04-01`,
              `${AZ}/subscriptions/00000000-0000-0000-0000-0000000000aa/providers/Microsoft.Support/supportTickets?api-version=2020-04-01&$top=25`,
            ],
          ],
        ]),
        'azure',
      ),
    },
  },
  aws: {
    api: {
      minReadShare: 0.15,
      bases: oneOf(
        jsonFixtures('aws', [
          [
            /./,
            [
              'https://support.us-east-1.amazonaws.com/',
              'https://support.console.aws.amazon.com/support/api/v1/proxy?op=DescribeCases',
            ],
          ],
        ]),
        'aws',
      ),
    },
  },
  gcp: {
    api: {
      minReadShare: 0.15,
      bases: oneOf(
        jsonFixtures('gcp', [
          [
            /comments/,
            [
              `${GCP}/51234567/comments`,
              'https://cloudsupport.clients6.google.com/v2beta/organizations/1234/cases/51234567/comments?pageSize=50',
            ],
          ],
          [/^case\.json$/, [`${GCP}/51234567`]],
          [
            /./,
            [
              GCP,
              `${GCP}:search?query=state%3DOPEN`,
              'https://cloudsupport.googleapis.com/v2/organizations/1234/cases?pageSize=25',
            ],
          ],
        ]),
        'gcp',
      ),
    },
  },
  'microsoft-partner-center': {
    api: {
      minReadShare: 0.15,
      bases: oneOf(
        jsonFixtures('microsoft-partner-center', [
          [/servicerequest\.json$/, [`${MPC}/servicerequests/615112491169010`]],
          [/./, [`${MPC}/servicerequests`, `${MPC}/customers/3b33e682-00c3-41ee-9dd2-a548adf56438/servicerequests`]],
        ]),
        'microsoft-partner-center',
      ),
    },
  },
  'microsoft-365': {
    page: {
      minReadShare: 0.15,
      bases: oneOf(
        pageFixtures('microsoft-365', [
          [/pane/, [`${M365}?pane=1#/support/requests/7012511180000777`]],
          [/./, [`${M365}#/support/requests`, `${M365}#/support`]],
        ]),
        'microsoft-365',
      ),
    },
  },
  // Families whose adapters are being written: documented shapes now, their fixtures as soon as they exist.
  freshdesk: {
    api: {
      minReadShare: 0.15,
      bases: fc.oneof(
        freshdeskApi,
        ...jsonFixtures('freshdesk', [[/./, ['https://acme.freshdesk.com/api/v2/tickets']]]),
      ),
    },
    page: {
      minReadShare: 0,
      bases: fc.oneof(
        freshdeskPage,
        ...pageFixtures('freshdesk', [[/./, ['https://acme.freshdesk.com/support/tickets']]]),
      ),
    },
  },
  'jira-service-management': {
    api: {
      minReadShare: 0.15,
      bases: fc.oneof(
        jsmApi,
        ...jsonFixtures('jira-service-management', [[/./, ['https://acme.atlassian.net/rest/servicedeskapi/request']]]),
      ),
    },
    page: {
      minReadShare: 0,
      bases: fc.oneof(
        jsmPage,
        ...pageFixtures('jira-service-management', [
          [/./, ['https://acme.atlassian.net/servicedesk/customer/user/requests']],
        ]),
      ),
    },
  },
  servicenow: {
    api: {
      minReadShare: 0.15,
      bases: fc.oneof(
        serviceNowApi,
        ...jsonFixtures('servicenow', [
          // ServiceNow's published CSM Case API examples, read where that API serves them.
          [
            /^csm-case-api-list\./,
            [
              'https://acme.service-now.com/api/sn_customerservice/case?sysparm_query=account%3D86837a386f0331003b3c498f5d3ee4ca&sysparm_limit=2&sysparm_offset=2',
              'https://acme.service-now.com/api/sn_customerservice/v1/case',
            ],
          ],
          [
            /^csm-case-api-single\./,
            [
              'https://acme.service-now.com/api/sn_customerservice/case/ba325dbe64f01300964fae39b050e9a6',
              'https://acme.service-now.com/api/sn_customerservice/case/CS0000871',
            ],
          ],
          [/./, ['https://acme.service-now.com/api/now/table/sn_customerservice_case']],
        ]),
      ),
    },
    page: {
      minReadShare: 0,
      bases: fc.oneof(
        serviceNowPage,
        ...pageFixtures('servicenow', [[/./, ['https://acme.service-now.com/csm?id=csm_cases_requests']]]),
      ),
    },
  },
  salesforce: {
    api: {
      minReadShare: 0.15,
      bases: fc.oneof(
        salesforceApi,
        ...jsonFixtures('salesforce', [
          [/./, ['https://acme.my.site.com/services/data/v60.0/query?q=SELECT+Id+FROM+Case']],
        ]),
      ),
    },
    page: {
      minReadShare: 0,
      bases: fc.oneof(
        salesforcePage,
        ...pageFixtures('salesforce', [[/./, ['https://acme.my.site.com/s/case/Case/Default']]]),
      ),
    },
  },
};

/**
 * A family's fuzz inputs: its own generators, else its fixtures read where read-at.txt says. A family
 * with neither for a channel it reads fails the fuzz suite.
 */
export function fuzzFor(family: ProviderId): FamilyFuzz {
  return FUZZ_FAMILIES[family] ?? fixtureFuzz(family);
}

/** Fuzz inputs from a family's fixtures alone, read at the URLs its read-at.txt names. */
export function fixtureFuzz(family: ProviderId): FamilyFuzz {
  const at = fixtureReadAt(family);
  const json = at.api ? jsonFixtures(family, [[/./, [at.api]]]) : [];
  const pages = at.page ? pageFixtures(family, [[/./, [at.page]]]) : [];
  return {
    ...(json.length ? { api: { minReadShare: 0.15, bases: oneOf(json, family) } } : {}),
    ...(pages.length ? { page: { minReadShare: 0.15, bases: oneOf(pages, family) } } : {}),
  };
}
