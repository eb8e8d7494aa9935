/**
 * The portals of the Firefox suite: the raw fixtures of tests/fixtures, with their dates moved to
 * whole weeks before the test's clock (see clock.ts), served at the real portal URLs.
 */
import { DEMO_URLS, fixture } from '../../scripts/demo-portals';
import { redated, type TestClock } from './clock';
import { html, json, notFound, type Router } from './routes';

export const ZENDESK = 'https://northwind.zendesk.com';
/** The vendor the help center names itself after ("My requests – Northwind Fiber Support"). */
export const ZENDESK_VENDOR = 'Northwind Fiber';
/** A Zendesk case's key: cases belong to the vendor's portal, here the help center's host. */
export const zendeskKey = (requestId: string) => `northwind.zendesk.com:${requestId}`;
export const AZURE_PORTAL = 'https://portal.azure.com';
export const URLS = {
  zendeskList: DEMO_URLS.zendeskList,
  zendeskDetail: DEMO_URLS.zendeskDetail,
  azurePortal: DEMO_URLS.azurePortal,
} as const;
const AZURE_TICKETS = /^https:\/\/management\.azure\.com\/providers\/Microsoft\.Support\/supportTickets\?/;

/**
 * Zendesk request 48213 (the one the detail page shows): opened three weeks ago, the vendor's last word
 * two weeks ago. The same two instants are the detail page's two comments.
 */
const zendesk48213 = (c: TestClock) => ({
  '2026-10-01T07:15:02+00:00': c.noonWeeksAgo(3),
  '2026-10-02T11:40:55+00:00': c.noonWeeksAgo(2),
});

/** The classic request list: 48213 awaiting our reply, 48177 open, 48001 on hold, 47950 solved, 46802 closed. */
export const zendeskList = (c: TestClock) =>
  redated('zendesk/list-classic-my.html', {
    ...zendesk48213(c),
    '2026-09-28T16:03:44+00:00': c.noonWeeksAgo(4), // 48177 created
    '2026-09-30T08:00:00+00:00': c.noonWeeksAgo(1), // 48177 last activity
    '2026-09-15T01:30:00+00:00': c.noonWeeksAgo(6), // 48001
    '2026-09-29T12:12:12+00:00': c.noonWeeksAgo(3),
    '2026-09-10T09:00:00+00:00': c.noonWeeksAgo(7), // 47950
    '2026-09-30T17:45:10+00:00': c.noonWeeksAgo(2),
    '2026-08-01T10:00:00+00:00': c.noonWeeksAgo(10), // 46802
    '2026-08-12T10:00:00+00:00': c.noonWeeksAgo(9),
  });

export const zendeskDetail = (c: TestClock) => redated('zendesk/detail.html', zendesk48213(c));

/** The help center's own requests JSON (what background refresh reads), dated like the list. */
export const zendeskApiRequests = (c: TestClock) =>
  JSON.parse(
    redated('zendesk/api-requests.json', {
      '2026-10-01T07:15:02Z': c.noonWeeksAgo(3),
      '2026-10-02T11:40:55Z': c.noonWeeksAgo(2),
      '2026-09-28T16:03:44Z': c.noonWeeksAgo(4),
      '2026-09-30T08:00:00Z': c.noonWeeksAgo(1),
      '2026-09-10T09:00:00Z': c.noonWeeksAgo(7),
      '2026-09-30T17:45:10Z': c.noonWeeksAgo(2),
    }),
  ) as { requests: Record<string, unknown>[] };

/**
 * Azure's supportTickets JSON: 2610010040001234 (normal, open, last modified two weeks ago, opened with
 * its 8-hour SLA window three weeks ago), 2609250010005678 (low, "Updating", four weeks), 2609200010009999
 * (closed) and 2609180010001111 (Azure's "critical", a status we do not map, eight weeks).
 */
export const azureTickets = (c: TestClock) => {
  const opened = c.noonWeeksAgo(3);
  return redated('azure/list.json', {
    '2026-10-01T08:00:00Z': opened,
    '2026-10-01T16:00:00Z': c.iso(Date.parse(opened) + 8 * 3_600_000),
    '2026-10-02T10:20:30Z': c.noonWeeksAgo(2),
    '2026-09-25T12:00:00Z': c.noonWeeksAgo(5),
    '2026-09-30T09:00:00Z': c.noonWeeksAgo(4),
    '2026-09-20T03:00:00Z': c.noonWeeksAgo(7),
    '2026-09-21T18:00:00Z': c.noonWeeksAgo(6),
    '2026-09-18T07:00:00Z': c.noonWeeksAgo(9),
    '2026-09-19T07:00:00Z': c.noonWeeksAgo(8),
  });
};

/** Zendesk's help center: the list and the detail of 48213; anything else is not there. */
export function routeZendesk(routes: Router, c: TestClock): () => void {
  return routes.route(ZENDESK, ({ parsed }) => {
    if (parsed.pathname === '/hc/en-us/requests') return html(zendeskList(c));
    if (parsed.pathname === '/hc/en-us/requests/48213') return html(zendeskDetail(c));
    return notFound();
  });
}

/**
 * The Azure portal's support blade, whose own script fetches the tickets JSON from management.azure.com
 * (the extension's main-world tap captures that response). `tickets` answers that call.
 */
export function routeAzure(routes: Router, tickets: () => ReturnType<typeof json>): () => void {
  const unrouteBlade = routes.route(AZURE_PORTAL, () => html(fixture('azure/portal.html')));
  const unrouteApi = routes.route(AZURE_TICKETS, tickets);
  return () => {
    unrouteBlade();
    unrouteApi();
  };
}
