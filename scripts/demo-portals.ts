/**
 * The bundled demo portals: real portal URLs fulfilled from local files by Playwright routing, so
 * nothing leaves the machine. Shared by `npm run demo` and the end-to-end tests.
 *
 * The cases come from the demo templates in scripts/demo/portals/ (copies of the unit-test fixtures with
 * realistic titles), whose dates are filled in at each request relative to now, in the process's time
 * zone (scripts/demo/clock.ts): the demo reads like an ordinary working week on whatever day it runs.
 * The unit-test fixtures themselves, with their fixed dates, stay available through `fixture()`.
 *
 * Portals whose cases live in JSON (Azure, AWS, Google Cloud, Partner Center) are served as small
 * stand-in consoles whose own script fetches that JSON, exactly as the real front ends do, so the
 * extension's main-world tap sees a real page fetch.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Route } from '@playwright/test';
import { renderDemoTemplate } from './demo/clock';

const FIXTURES = resolve(import.meta.dirname, '../tests/fixtures');
const DEMO_TEMPLATES = resolve(import.meta.dirname, 'demo/portals');

export const DEMO_URLS = {
  zendeskList: 'https://northwind.zendesk.com/hc/en-us/requests',
  zendeskDetail: 'https://northwind.zendesk.com/hc/en-us/requests/48213',
  azurePortal: 'https://portal.azure.com/#blade/Microsoft_Azure_Support/HelpAndSupportBlade/managesupportrequest',
  awsList: 'https://support.console.aws.amazon.com/support/home#/case/history',
  awsDetail: 'https://support.console.aws.amazon.com/support/home#/case/?displayId=176543210900123&language=en',
  gcpList: 'https://console.cloud.google.com/support/cases?project=acme-prod-123',
  gcpDetail: 'https://console.cloud.google.com/support/cases/detail/v2/51234567?project=acme-prod-123',
  partnerCenter: 'https://partner.microsoft.com/dashboard/support/servicerequests',
  m365List: 'https://admin.microsoft.com/Adminportal/Home#/support/requests',
  m365Detail: 'https://admin.microsoft.com/Adminportal/Home?pane=1#/support/requests/7012511180000777',
  freshdeskList: 'https://acme.freshdesk.com/support/tickets',
  jsmList: 'https://acme.atlassian.net/servicedesk/customer/user/requests',
  salesforceList: 'https://northwind.my.site.com/support/s/case/Case/Default',
  // A ServiceNow CSM portal on an ISP's own domain: read only after "Track this portal".
  servicenowCustom: 'https://help.example-isp.com/csm?id=csm_cases_requests&table=sn_customerservice_case',
  // A portal on no known platform: read only through a recipe the user makes.
  unknownPortal: 'https://care.acme-fibre.example/care/tickets',
} as const;

/** The demo's visits, in order, each with the name of its screenshot: every case of the demo story. */
export const DEMO_TOUR: readonly (readonly [string, string])[] = [
  ['zendesk-requests', DEMO_URLS.zendeskList],
  ['zendesk-request-detail', DEMO_URLS.zendeskDetail],
  ['azure-support-requests', DEMO_URLS.azurePortal],
  ['aws-case-history', DEMO_URLS.awsList],
  ['aws-case-detail', DEMO_URLS.awsDetail],
  ['gcp-cases', DEMO_URLS.gcpList],
  ['gcp-case-detail', DEMO_URLS.gcpDetail],
  ['partner-center-service-requests', DEMO_URLS.partnerCenter],
  ['m365-service-requests', DEMO_URLS.m365List],
  ['m365-request-pane', DEMO_URLS.m365Detail],
  ['freshdesk-tickets', DEMO_URLS.freshdeskList],
  ['jsm-requests', DEMO_URLS.jsmList],
  ['salesforce-site-cases', DEMO_URLS.salesforceList],
];

export const API = {
  azureTickets: 'https://management.azure.com/providers/Microsoft.Support/supportTickets?api-version=2024-04-01',
  aws: 'https://support.us-east-1.amazonaws.com/',
  gcpCases: 'https://cloudsupport.googleapis.com/v2/projects/acme-prod-123/cases?pageSize=25',
  gcpCase: 'https://cloudsupport.googleapis.com/v2/projects/acme-prod-123/cases/51234567',
  gcpComments: 'https://cloudsupport.googleapis.com/v2/projects/acme-prod-123/cases/51234567/comments',
  partnerCenter: 'https://api.partnercenter.microsoft.com/v1/servicerequests',
  salesforceQuery: `https://northwind.my.site.com/support/services/data/v60.0/query?q=${encodeURIComponent('SELECT Id,CaseNumber,Subject,Status,Priority,IsClosed,CreatedDate,LastModifiedDate FROM Case')}`,
  servicenowCases:
    'https://help.example-isp.com/api/now/table/sn_customerservice_case?sysparm_display_value=all&sysparm_limit=20',
} as const;

/** A saved portal page plus the same-origin fetch its own front end makes (for the main-world tap). */
function pageWithFetch(file: string, apiUrl: string): string {
  const script = `<script>fetch(${JSON.stringify(apiUrl)}, { headers: { Accept: 'application/json' } }).then((r) => r.json()).then(() => { document.body.dataset.loaded = 'true'; });</script>`;
  return fixture(file).replace(/<\/body>/i, `${script}</body>`);
}

export function fixture(path: string): string {
  return readFileSync(resolve(FIXTURES, path), 'utf8');
}

/** The zone the demo's local times are in: the browser runs in this process's environment, so in this zone. */
export function demoTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** A demo template (scripts/demo/portals/<path>) with its dates filled in for this moment. */
export function demoPage(path: string): string {
  return renderDemoTemplate(readFileSync(resolve(DEMO_TEMPLATES, path), 'utf8'), Date.now(), demoTimeZone());
}

function fulfilHtmlBody(route: Route, body: string, status = 200): Promise<void> {
  return route.fulfill({ status, contentType: 'text/html; charset=utf-8', body });
}

export function fulfilHtml(route: Route, file: string, status = 200): Promise<void> {
  return fulfilHtmlBody(route, fixture(file), status);
}

const CORS_HEADERS = (route: Route) => ({
  'access-control-allow-origin': route.request().headers().origin ?? '*',
  'access-control-allow-headers': 'content-type, x-amz-target',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
});

function fulfilJsonBody(route: Route, body: () => string, status = 200): Promise<void> {
  if (route.request().method() === 'OPTIONS') return route.fulfill({ status: 204, headers: CORS_HEADERS(route) });
  const contentType = 'application/json; charset=utf-8';
  return route.fulfill({ status, contentType, headers: CORS_HEADERS(route), body: body() });
}

/** Answers a cross-origin JSON call the way the vendor's API host does for its console (CORS). */
export function fulfilJson(route: Route, file: string, status = 200): Promise<void> {
  return fulfilJsonBody(route, () => fixture(file), status);
}

/** The same, with a demo template's JSON. */
function fulfilDemoJson(route: Route, file: string): Promise<void> {
  return fulfilJsonBody(route, () => demoPage(file));
}

const fulfilDemoHtml = (route: Route, file: string) => fulfilHtmlBody(route, demoPage(file));

interface ConsoleCall {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: unknown;
}

/** One screen of a stand-in console: shown when location.href matches `when`. */
interface ConsoleView {
  when: string;
  calls: ConsoleCall[];
}

/**
 * A stand-in console page. Like the real single-page consoles it picks its view from its own URL
 * (including the hash, which never reaches the server), makes that view's calls in order and lists
 * what came back, as text.
 */
export function consolePage(title: string, views: ConsoleView[]): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:14px system-ui;margin:0}header{background:#232f3e;color:#fff;padding:10px 16px}main{padding:16px}</style>
</head><body><header>${title}</header><main><h1>Support cases</h1><ul id="out"></ul></main>
<script>
(async () => {
  const views = ${JSON.stringify(views)};
  const view = views.find((v) => new RegExp(v.when).test(location.href)) || { calls: [] };
  const out = document.getElementById('out');
  for (const c of view.calls) {
    const init = { method: c.method || 'GET', headers: c.headers || {} };
    if (c.body !== undefined) init.body = JSON.stringify(c.body);
    const res = await fetch(c.url, init);
    const data = await res.json();
    const items = data.cases || data.value || data.items || data.comments || data.communications || [data];
    for (const item of items) {
      const li = document.createElement('li');
      li.textContent = item.displayId || item.name || item.id || JSON.stringify(item).slice(0, 80);
      out.append(li);
    }
  }
  document.body.dataset.loaded = 'true';
})();
</script></body></html>`;
}

function fulfilConsole(route: Route, title: string, views: ConsoleView[]): Promise<void> {
  return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: consolePage(title, views) });
}

const AWS_TARGET = (op: string) => ({
  'content-type': 'application/x-amz-json-1.1',
  'x-amz-target': `AWSSupport_20130415.${op}`,
});

/**
 * Routes every demo portal; pages the demo lacks answer 404 like a real server would. Case pages and
 * JSON are the demo templates, rendered at each request; the pages around them (the Azure blade, the
 * Salesforce and ServiceNow shells, which carry no case) are the fixtures.
 */
export async function routeDemoPortals(context: BrowserContext): Promise<void> {
  await context.route('https://northwind.zendesk.com/**', (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/hc/en-us/requests') return fulfilDemoHtml(route, 'zendesk/list-classic-my.html');
    if (path === '/hc/en-us/requests/48213') return fulfilDemoHtml(route, 'zendesk/detail.html');
    return route.fulfill({ status: 404, body: 'not in the demo' });
  });

  await context.route('https://portal.azure.com/**', (route) => fulfilHtml(route, 'azure/portal.html'));
  await context.route(/^https:\/\/management\.azure\.com\/providers\/Microsoft\.Support\/supportTickets\?/, (route) =>
    fulfilDemoJson(route, 'azure/list.json'),
  );
  // The portal's front end loads a ticket's communications when the user opens it.
  await context.route(/\/supportTickets\/7f3e2d1c-0000-4000-8000-000000000001\/communications/, (route) =>
    fulfilDemoJson(route, 'azure/communications.json'),
  );

  // AWS support console: one JSON 1.1 endpoint; the operation is in X-Amz-Target.
  await context.route('https://support.console.aws.amazon.com/**', (route) =>
    fulfilConsole(route, 'AWS Support Center', [
      {
        when: 'displayId=',
        calls: [
          {
            url: API.aws,
            method: 'POST',
            headers: AWS_TARGET('DescribeCases'),
            body: { displayId: '176543210900123', includeResolvedCases: true },
          },
          {
            url: API.aws,
            method: 'POST',
            headers: AWS_TARGET('DescribeCommunications'),
            body: { caseId: 'case-123456789012-muen-2026-0a1b2c3d4e5f6a7b' },
          },
        ],
      },
      {
        when: '#/case/history',
        calls: [
          {
            url: API.aws,
            method: 'POST',
            headers: AWS_TARGET('DescribeCases'),
            body: { includeResolvedCases: false, maxResults: 100 },
          },
          {
            url: API.aws,
            method: 'POST',
            headers: AWS_TARGET('DescribeCases'),
            body: { includeResolvedCases: false, maxResults: 100, nextToken: 'eyJwYWdlIjoyfQ==' },
          },
        ],
      },
    ]),
  );
  await context.route(API.aws, (route) => {
    if (route.request().method() === 'OPTIONS') return fulfilJson(route, 'aws/describe-cases-empty.json');
    const target = route.request().headers()['x-amz-target'] ?? '';
    if (target.endsWith('DescribeCommunications')) return fulfilDemoJson(route, 'aws/describe-communications.json');
    const body = route.request().postData() ?? '';
    if (body.includes('"displayId"')) return fulfilDemoJson(route, 'aws/describe-case.json');
    const page = body.includes('"nextToken"') ? 'aws/describe-cases-page2.json' : 'aws/describe-cases.json';
    return fulfilDemoJson(route, page);
  });

  await context.route('https://console.cloud.google.com/**', (route) =>
    fulfilConsole(route, 'Google Cloud console — Support', [
      { when: '/support/cases/detail/', calls: [{ url: API.gcpCase }, { url: API.gcpComments }] },
      { when: '/support/cases', calls: [{ url: API.gcpCases }] },
    ]),
  );
  await context.route(/^https:\/\/cloudsupport\.googleapis\.com\//, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path.endsWith('/comments')) return fulfilDemoJson(route, 'gcp/comments.json');
    if (path.endsWith('/cases')) return fulfilDemoJson(route, 'gcp/cases-list.json');
    return fulfilDemoJson(route, 'gcp/case.json');
  });

  await context.route('https://partner.microsoft.com/**', (route) =>
    fulfilConsole(route, 'Partner Center — Service requests', [
      { when: '/support/servicerequests', calls: [{ url: API.partnerCenter }] },
    ]),
  );
  await context.route(/^https:\/\/api\.partnercenter\.microsoft\.com\//, (route) =>
    fulfilDemoJson(route, 'microsoft-partner-center/servicerequests.json'),
  );

  await context.route('https://acme.freshdesk.com/**', (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/support/tickets') return fulfilDemoHtml(route, 'freshdesk/portal-list.html');
    return route.fulfill({ status: 404, body: 'not in the demo' });
  });
  await context.route('https://acme.atlassian.net/**', (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/servicedesk/customer/user/requests') {
      return fulfilDemoHtml(route, 'jira-service-management/portal-list.html');
    }
    return route.fulfill({ status: 404, body: 'not in the demo' });
  });
  // The Experience Cloud site loads its cases as SOQL JSON under its /support prefix.
  await context.route('https://northwind.my.site.com/**', (route) => {
    const url = new URL(route.request().url());
    if (url.pathname.includes('/services/data/')) return fulfilDemoJson(route, 'salesforce/query-done.json');
    if (url.pathname.startsWith('/support/s/case/')) {
      return fulfilHtmlBody(route, pageWithFetch('salesforce/site-case-list.html', API.salesforceQuery));
    }
    return route.fulfill({ status: 404, body: 'not in the demo' });
  });
  await routeCustomDomainPortals(context);

  // The admin center renders its grid in the page; the demo serves two plausible markups.
  await context.route('https://admin.microsoft.com/**', (route) =>
    fulfilDemoHtml(
      route,
      new URL(route.request().url()).searchParams.has('pane')
        ? 'microsoft-365/request-pane-fr.html'
        : 'microsoft-365/requests-fluent-grid.html',
    ),
  );
}

/**
 * Portals on hosts no manifest entry covers: the user tracks them (custom domain) or makes a recipe.
 * `servicenowCases` names a fixture to serve as the Table API's answer instead of the demo's cases.
 */
export async function routeCustomDomainPortals(context: BrowserContext, servicenowCases?: string): Promise<void> {
  await context.route('https://help.example-isp.com/**', (route) => {
    const url = new URL(route.request().url());
    if (url.pathname.startsWith('/api/now/table/')) {
      if (servicenowCases) return fulfilJson(route, servicenowCases);
      return fulfilDemoJson(route, 'servicenow/case-list-all.json');
    }
    if (url.pathname === '/csm') {
      return fulfilHtmlBody(route, pageWithFetch('servicenow/portal-csm-list.html', API.servicenowCases));
    }
    return route.fulfill({ status: 404, body: 'not in the demo' });
  });
  await context.route('https://care.acme-fibre.example/**', (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/care/tickets') return fulfilDemoHtml(route, 'custom/acme-isp-tickets.html');
    return route.fulfill({ status: 404, body: 'not in the demo' });
  });
}
