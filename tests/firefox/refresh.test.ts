/**
 * Background refresh of a JSON portal in Firefox (Chromium: tests/e2e/refresh.spec.ts): the background
 * page fetches Zendesk's requests JSON with the user's session, without any visit. That fetch is not a
 * page's, so it reaches the portal through the loopback proxy — the route log says so.
 *
 * The help center answers its JSON only to a signed-in session, as the real one does: the visit sets
 * a SameSite=Lax session cookie, and a call without it is redirected to sign in. So a successful
 * refresh shows that Firefox sends the portal's session cookies with the event page's fetch.
 *
 * No pre-granted copy of the extension is needed here, unlike in Chromium: Firefox grants an MV3
 * extension its content scripts' hosts at install (https://*.zendesk.com/* among them), so the
 * permission request behind the toggle resolves at once, as it does for a user.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'puppeteer-core';
import type { TestClock } from './clock';
import { expect, test } from './fixtures';
import type { FirefoxWithExtension } from './firefox';
import { button, click, count, readTables, rowFacts, soon, testId, texts } from './page';
import { URLS, ZENDESK, ZENDESK_VENDOR, zendeskApiRequests, zendeskKey, zendeskList } from './portals';
import { html, json, notFound } from './routes';

type ApiAnswer = 'cases' | 'changed' | 'login-redirect';
const API_PATH = '/api/v2/requests.json';

const SESSION = `_help_center_session=${randomUUID()}`;
const toSignIn = {
  status: 302,
  headers: { location: `${ZENDESK}/hc/signin?return_to=%2Fapi%2Fv2%2Frequests.json` },
  body: '',
};

/** The help center: its list page (which sets the session), its sign-in page and its requests JSON, answering as told. */
function routeZendesk(ff: FirefoxWithExtension, clock: TestClock, answer: { now: ApiAnswer }) {
  ff.routes.route(ZENDESK, ({ parsed, headers }) => {
    if (parsed.pathname === '/hc/en-us/requests') {
      const page = html(zendeskList(clock));
      return {
        ...page,
        headers: { ...page.headers, 'set-cookie': `${SESSION}; Path=/; Secure; HttpOnly; SameSite=Lax` },
      };
    }
    if (parsed.pathname === '/hc/requests' || parsed.pathname === '/hc/signin')
      return html('<!DOCTYPE html><title>Sign in</title><h1>Sign in to Northwind</h1>');
    if (parsed.pathname !== API_PATH) return notFound();
    if (answer.now === 'login-redirect' || !(headers.cookie ?? '').split('; ').includes(SESSION)) return toSignIn;
    const body = zendeskApiRequests(clock);
    // The vendor asks us something about 48177, an hour after its previous update a week ago.
    if (answer.now === 'changed')
      Object.assign(body.requests[1]!, {
        status: 'pending',
        updated_at: clock.iso(Date.parse(clock.noonWeeksAgo(1)) + 3_600_000),
      });
    return json(body);
  });
}

const TOGGLE = `[aria-label="Refresh ${ZENDESK_VENDOR} northwind.zendesk.com in the background"]`;

/** Visits the list once (so the portal is known), then turns background refresh on in Settings. */
async function enableRefresh(ff: FirefoxWithExtension): Promise<Page> {
  const list = await ff.openPortal(URLS.zendeskList);
  const options = await ff.openExtensionPage('options.html');
  await soon(() => count(options, TOGGLE)).toBe(1);
  await list.close(); // From here on, nobody visits the portal.
  await click(options, TOGGLE);
  // Controlled by the store: it turns checked once the grant is confirmed and the schedule saved.
  await soon(() => options.$eval(TOGGLE, (e) => (e as HTMLInputElement).checked)).toBe(true);
  // (What follows, "next due now" or "next at <time>", depends on when the page's clock last ticked.)
  const [status] = await texts(options, testId('refresh-status'));
  expect(status!.split(' · ').slice(0, 2)).toEqual([
    "Reads the portal's own JSON with your browser session",
    'not tried yet',
  ]);
  return options;
}

/** The calls to the requests JSON, as "method how status". */
const apiCalls = (ff: FirefoxWithExtension) =>
  ff.routes.log
    .filter((r) => r.url === `${ZENDESK}${API_PATH}?sort_by=updated_at&sort_order=desc`)
    .map((r) => `${r.method} ${r.via} ${r.status}`);

test('a refresh picks up a status change without any visit and updates the popup', async ({ ff, clock }) => {
  const answer = { now: 'cases' as ApiAnswer };
  routeZendesk(ff, clock, answer);
  const options = await enableRefresh(ff);
  const popup = await ff.openExtensionPage('popup.html');
  await soon(() => rowFacts(popup, zendeskKey('48177'))).toMatchObject({
    state: 'Open',
    seenHow: '(visit)',
    quiet: 'vendor quiet 5 business days',
  });

  answer.now = 'changed';
  await click(popup, button('Refresh now'));
  await soon(() => texts(popup, '.action-status')).toEqual(['Refreshed 1 of 1 portal.']);
  // The vendor's word from the JSON, and the case moved to the top group (waiting on you).
  expect(await rowFacts(popup, zendeskKey('48177'))).toEqual({
    // The JSON's subject is raw text: entities in it are shown as typed.
    id: '#48177',
    provider: ZENDESK_VENDOR,
    title: '&lt;not decoded&gt; &amp; kept as typed',
    severity: null,
    overdue: true,
    state: 'Waiting on you · pending',
    quiet: null,
    owner: null,
    messages: null,
    seenHow: '(refresh)',
    why: 'waiting on you for 5 business days (limit 1 business day)',
  });
  expect(await count(popup, testId('blind-spot'))).toBe(0);
  // The background page's own fetch, through the proxy, with the session cookie: one call, answered 200.
  expect(apiCalls(ff)).toEqual(['GET proxy 200']);
  const { refresh } = await readTables(options, ['refresh']);
  expect(refresh.map((s) => [s.key, s.lastOutcome, s.consecutiveFailures, s.pausedReason])).toEqual([
    [`zendesk|${ZENDESK}`, 'Read 3 cases, 1 unreadable', 0, null],
  ]);
  await soon(async () => (await texts(options, testId('refresh-status')))[0]).toContain(
    ': Read 3 cases, 1 unreadable · next at ',
  );
});

test('a login redirect marks the portal signed out, lists it as a blind spot and changes no case', async ({
  ff,
  clock,
}) => {
  const answer = { now: 'cases' as ApiAnswer };
  routeZendesk(ff, clock, answer);
  const options = await enableRefresh(ff);
  const popup = await ff.openExtensionPage('popup.html');
  await soon(() => count(popup, testId('case-row'))).toBe(4);
  const { cases: before } = await readTables(popup, ['cases']);

  answer.now = 'login-redirect';
  await click(popup, button('Refresh now'));
  await soon(() => texts(popup, '.action-status')).toEqual(['Refreshed 0 of 1 portal, 1 failed.']);
  expect(apiCalls(ff)).toEqual(['GET proxy 302']);
  await soon(() => texts(popup, testId('blind-spot'))).toHaveLength(1);
  const [spot] = await texts(popup, testId('blind-spot'));
  // (Then "Last good read <how long> ago.", from the visit's time.)
  expect(spot!.slice(0, spot!.indexOf(' Last good read '))).toBe(
    `${ZENDESK_VENDOR} (northwind.zendesk.com): signed out — 4 open cases unobserved for 0 h. Background refresh: Signed out (the portal redirected its JSON to sign in)`,
  );
  expect(spot).toMatch(/ ago\. Open to sign in$/);
  // Nothing about any case changed.
  expect((await readTables(popup, ['cases'])).cases).toEqual(before);
  await soon(async () => (await texts(options, testId('refresh-status')))[0]).toContain(
    ' · stopped: Signed out: sign in to the portal, then refresh resumes',
  );

  // One click opens the portal to sign in, in a tab the extension opens (answered through the proxy).
  const opened = ff.browser.waitForTarget((t) => t.url() === `${ZENDESK}/hc/requests`, { timeout: 15_000 });
  await click(popup, `${testId('blind-spot')} ${button('Open to sign in')}`);
  await opened;
  await soon(() => ff.routes.log.filter((r) => r.url === `${ZENDESK}/hc/requests`).map((r) => r.via)).toEqual([
    'proxy',
  ]);
});
