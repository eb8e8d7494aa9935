/**
 * Faults the fuzzers found (issue 10), each with the minimal input that showed it. All are fixed —
 * mostly by lib/capture/guard.ts, which fits every adapter's output to the store — and kept here as
 * regression inputs: each must now read without any fault.
 */
import type { ProviderId } from '@/lib/core/model';

export interface FixedFault {
  provider: ProviderId;
  /** Matches the fault line of tests/unit/fuzz/invariants.ts. */
  fault: RegExp;
  why: string;
  /** A minimal input that shows it: a JSON body, or a page. */
  input: { url: string; body: unknown } | { url: string; html: string };
}

const long = (n: number, c = 'x') => c.repeat(n);
const ZD_API = 'https://northwind.zendesk.com/api/v2/requests.json';
const ZD_LIST = 'https://northwind.zendesk.com/hc/en-us/requests';
const zendeskRow = (statusClass: string) =>
  `<html><body><table class="requests-table"><tbody><tr><td><a class="striped-list-title" href="/hc/en-us/requests/7" title="T">T</a></td>` +
  `<td>#7</td><td></td><td></td><td class="requests-table-status"><span class="status-label ${statusClass}">Open</span></td></tr></tbody></table></body></html>`;

export const FIXED_FAULTS: FixedFault[] = [
  // ---- lib/capture/families/zendesk/adapter.ts ----
  {
    provider: 'zendesk',
    fault: /^problems\.\d+\.reason: .*Too big/,
    why: 'the problem reason quotes the whole id (JSON.stringify)',
    input: { url: ZD_API, body: { requests: [{ id: long(600), status: 'open', subject: 'T' }] } },
  },
  {
    provider: 'zendesk',
    fault: /^cases\.\d+\.(caseId|title): .*Too big/,
    why: 'a numeric id of any length is accepted (and the fallback title repeats it)',
    input: { url: ZD_API, body: { requests: [{ id: long(150, '1'), status: 'open', subject: 'T' }] } },
  },
  {
    provider: 'zendesk',
    fault: /^cases\.\d+\.vendorStatus: .*Too big/,
    why: 'the status label is not clipped to 200',
    input: { url: ZD_API, body: { requests: [{ id: 1, status: long(300), subject: 'T' }] } },
  },
  {
    provider: 'zendesk',
    fault: /^cases\.\d+\.vendorSeverity: .*Too big/,
    why: 'the priority label is not clipped to 200',
    input: { url: ZD_API, body: { requests: [{ id: 1, status: 'open', priority: long(300), subject: 'T' }] } },
  },
  {
    provider: 'zendesk',
    fault: /^cases\.\d+\.owner: .*Too big/,
    why: 'the assignee name is clipped to 500, the store keeps 200',
    input: {
      url: ZD_API,
      body: {
        requests: [{ id: 1, status: 'open', subject: 'T', assignee_id: 2 }],
        users: [{ id: 2, name: long(300) }],
      },
    },
  },
  {
    provider: 'zendesk',
    fault: /^cases\.\d+\.(state|severity): .* is not in the vocabulary/,
    why: 'STATUS_SUFFIXES/PRIORITIES looked up by vendor text reach Object.prototype',
    input: { url: ZD_API, body: { requests: [{ id: 1, status: 'constructor', priority: '__proto__', subject: 'T' }] } },
  },
  {
    provider: 'zendesk',
    fault: /^cases\.\d+\.messages\.\d+\.author: .*Too big/,
    why: 'a comment author is clipped to 500, the store keeps 200: the whole request page is rejected',
    input: {
      url: 'https://northwind.zendesk.com/hc/en-us/requests/7',
      html:
        '<html><body><h1 class="request-title">T</h1><dl class="request-details"><dt>Id</dt><dd>#7</dd></dl>' +
        `<ul class="comment-list"><li class="comment"><span class="comment-meta"><span title="${long(300)}">a</span></span><time datetime="2026-11-01T10:00:00Z">x</time>` +
        '<section class="comment-body">hi</section></li></ul></body></html>',
    },
  },
  {
    provider: 'zendesk',
    fault: /^cases\.\d+\.state: .* is not in the vocabulary/,
    why: '"status-label-constructor" passes `suffix in STATUS_SUFFIXES`',
    input: { url: ZD_LIST, html: zendeskRow('status-label-constructor') },
  },

  // ---- lib/capture/families/freshdesk/adapter.ts ----
  {
    provider: 'freshdesk',
    fault: /^problems\.\d+\.reason: .*Too big/,
    why: 'the problem reason quotes the whole id (JSON.stringify)',
    input: {
      url: 'https://acme.freshdesk.com/api/v2/tickets',
      body: [
        { id: 7, subject: 'T', status: 2 },
        { id: long(600), status: 2 },
      ],
    },
  },
  {
    provider: 'freshdesk',
    fault: /^cases\.\d+\.state: .* is not in the vocabulary/,
    why: 'PORTAL_LABELS looked up by the status cell text reaches Object.prototype',
    input: {
      url: 'https://acme.freshdesk.com/support/tickets',
      html:
        '<html><body><table><thead><tr><th>Subject</th><th>Status</th></tr></thead>' +
        '<tbody><tr><td><a href="/support/tickets/7">Printer</a></td><td>constructor</td></tr></tbody></table></body></html>',
    },
  },
  {
    provider: 'freshdesk',
    fault: /^cases\.\d+\.vendorStatus: .*Too big/,
    why: 'the status cell text is clipped to 500, the store keeps 200',
    input: {
      url: 'https://acme.freshdesk.com/support/tickets',
      html:
        '<html><body><table><thead><tr><th>Subject</th><th>Status</th></tr></thead>' +
        `<tbody><tr><td><a href="/support/tickets/7">Printer</a></td><td>${long(300)}</td></tr></tbody></table></body></html>`,
    },
  },

  // ---- lib/capture/families/jira-service-management/adapter.ts ----
  {
    provider: 'jira-service-management',
    fault: /^problems\.\d+\.reason: .*Too big/,
    why: 'the problem reason quotes the whole issueKey (JSON.stringify)',
    input: {
      url: 'https://acme.atlassian.net/rest/servicedeskapi/request',
      body: { values: [{ issueKey: long(600) }], isLastPage: true },
    },
  },
  {
    provider: 'jira-service-management',
    fault: /^cases\.\d+\.vendorSeverity: .*Too big/,
    why: 'a priority name is not clipped to 200',
    input: {
      url: 'https://acme.atlassian.net/rest/servicedeskapi/request/PROJ-1',
      body: {
        issueKey: 'PROJ-1',
        requestFieldValues: [
          { fieldId: 'summary', value: 'T' },
          { fieldId: 'priority', value: { name: long(300) } },
        ],
        currentStatus: { status: 'Open', statusCategory: 'NEW' },
      },
    },
  },
  {
    provider: 'jira-service-management',
    fault: /^cases\.\d+\.caseId: .*Too big/,
    why: 'an issueKey of any length is accepted',
    input: {
      url: 'https://acme.atlassian.net/rest/servicedeskapi/request/PROJ-1',
      body: {
        issueKey: `PROJ-${long(150, '1')}`,
        requestFieldValues: [{ fieldId: 'summary', value: 'T' }],
        currentStatus: { status: 'Open', statusCategory: 'NEW' },
      },
    },
  },
  {
    provider: 'jira-service-management',
    fault: /^cases\.\d+\.url: .*Too big/,
    why: 'a same-origin _links.web of any length becomes the case link',
    input: {
      url: 'https://acme.atlassian.net/rest/servicedeskapi/request/PROJ-1',
      body: {
        issueKey: 'PROJ-1',
        requestFieldValues: [{ fieldId: 'summary', value: 'T' }],
        currentStatus: { status: 'Open', statusCategory: 'NEW' },
        _links: { web: `https://acme.atlassian.net/servicedesk/customer/portal/1/PROJ-1?${long(3000)}` },
      },
    },
  },
  {
    provider: 'jira-service-management',
    fault: /^cases\.\d+\.vendorStatus: .*Too big/,
    why: 'the status name is not clipped to 200',
    input: {
      url: 'https://acme.atlassian.net/rest/servicedeskapi/request/PROJ-1',
      body: {
        issueKey: 'PROJ-1',
        requestFieldValues: [{ fieldId: 'summary', value: 'T' }],
        currentStatus: { status: long(300), statusCategory: 'NEW' },
      },
    },
  },
  {
    provider: 'jira-service-management',
    fault: /^cases\.\d+\.(state|severity): .* is not in the vocabulary/,
    why: 'STATUS_NAMES and PRIORITY_NAMES looked up by vendor names reach Object.prototype',
    input: {
      url: 'https://acme.atlassian.net/rest/servicedeskapi/request/PROJ-1',
      body: {
        issueKey: 'PROJ-1',
        requestFieldValues: [
          { fieldId: 'summary', value: 'T' },
          { fieldId: 'priority', value: { name: '__proto__' } },
        ],
        currentStatus: { status: 'constructor', statusCategory: 'NEW' },
      },
    },
  },

  // ---- lib/capture/families/servicenow/adapter.ts ----
  {
    provider: 'servicenow',
    fault: /^cases\.\d+\.state: undefined is not in the vocabulary/,
    why: 'a state code "constructor" finds Object in the choice table; its .state is undefined',
    input: {
      url: 'https://acme.service-now.com/api/now/table/sn_customerservice_case',
      body: {
        result: [
          {
            number: 'CS0000001',
            sys_id: long(32, 'a'),
            short_description: 'T',
            state: { value: 'constructor', display_value: 'Open' },
          },
        ],
      },
    },
  },
  {
    provider: 'servicenow',
    fault: /^cases\.\d+\.(caseId|title): .*Too big/,
    why: 'a number of any length is accepted (and the fallback title repeats it)',
    input: {
      url: 'https://acme.service-now.com/api/now/table/sn_customerservice_case',
      body: { result: [{ number: `CS${long(150, '1')}`, sys_id: long(32, 'a'), short_description: 'T', state: '10' }] },
    },
  },
  {
    provider: 'servicenow',
    fault: /^cases\.\d+\.vendorStatus: .*Too big/,
    why: 'an unknown state code is kept as the label, unclipped',
    input: {
      url: 'https://acme.service-now.com/api/now/table/sn_customerservice_case',
      body: { result: [{ number: 'CS0000001', sys_id: long(32, 'a'), short_description: 'T', state: long(300) }] },
    },
  },
  {
    provider: 'servicenow',
    fault: /^cases\.\d+\.vendorSeverity: .*Too big/,
    why: 'a priority label is kept unclipped',
    input: {
      url: 'https://acme.service-now.com/api/now/table/sn_customerservice_case',
      body: {
        result: [
          {
            number: 'CS0000001',
            sys_id: long(32, 'a'),
            short_description: 'T',
            state: '10',
            priority: { value: '9', display_value: long(300) },
          },
        ],
      },
    },
  },
  {
    provider: 'servicenow',
    fault: /^problems\.\d+\.(reason|caseId): .*Too big/,
    why: 'a problem carries the whole number and quotes the whole sys_id',
    input: {
      url: 'https://acme.service-now.com/api/now/table/sn_customerservice_case',
      body: { result: [{ number: long(150), sys_id: long(600) }] },
    },
  },

  // ---- lib/capture/families/salesforce/adapter.ts ----
  {
    provider: 'salesforce',
    fault: /^cases\.\d+\.(caseId|title): .*Too big/,
    why: 'a CaseNumber of any length is accepted (and the fallback title repeats it)',
    input: {
      url: 'https://acme.my.site.com/services/data/v60.0/query?q=x',
      body: {
        done: true,
        records: [
          {
            attributes: { type: 'Case' },
            Id: '500000000000001AAA',
            CaseNumber: long(150, '1'),
            Subject: 'T',
            Status: 'New',
          },
        ],
      },
    },
  },
  {
    provider: 'salesforce',
    fault: /^cases\.\d+\.(vendorStatus|vendorSeverity): .*Too big/,
    why: 'Status and Priority labels are not clipped to 200',
    input: {
      url: 'https://acme.my.site.com/services/data/v60.0/query?q=x',
      body: {
        done: true,
        records: [
          {
            attributes: { type: 'Case' },
            Id: '500000000000001AAA',
            CaseNumber: '00001026',
            Subject: 'T',
            Status: long(300),
            Priority: long(300),
          },
        ],
      },
    },
  },
  {
    provider: 'salesforce',
    fault: /^cases\.\d+\.state: .* is not in the vocabulary/,
    why: 'STATUSES looked up by the Status label reaches Object.prototype',
    input: {
      url: 'https://acme.my.site.com/services/data/v60.0/query?q=x',
      body: {
        done: true,
        records: [
          {
            attributes: { type: 'Case' },
            Id: '500000000000001AAA',
            CaseNumber: '00001026',
            Subject: 'T',
            Status: '__proto__',
          },
        ],
      },
    },
  },
  {
    provider: 'salesforce',
    fault: /^cases\.\d+\.severity: .* is not in the vocabulary/,
    why: 'PRIORITIES looked up by the Priority label reaches Object.prototype',
    input: {
      url: 'https://acme.my.site.com/services/data/v60.0/query?q=x',
      body: {
        done: true,
        records: [
          {
            attributes: { type: 'Case' },
            Id: '500000000000001AAA',
            CaseNumber: '00001026',
            Subject: 'T',
            Status: 'New',
            Priority: 'constructor',
          },
        ],
      },
    },
  },
  {
    provider: 'salesforce',
    fault: /^problems\.\d+\.(reason|caseId): .*Too big/,
    why: 'a problem quotes the whole record type and carries the whole CaseNumber',
    input: {
      url: 'https://acme.my.site.com/services/data/v60.0/query?q=x',
      body: { done: true, records: [{ attributes: { type: long(600) }, CaseNumber: long(150) }] },
    },
  },
];
