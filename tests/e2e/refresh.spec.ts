/** Issue 8 end to end: background refresh without a visit, sign-out detection, backoff. */
import { expect, type Page } from '@playwright/test';
import { DEMO_URLS, fixture, fulfilHtml } from '../../scripts/demo-portals';
import type { ExtensionBrowser } from '../../scripts/chromium';
import { testWithGrants } from './granted';

const ORIGIN = 'https://northwind.zendesk.com';
const test = testWithGrants([ORIGIN]);

type ApiAnswer = 'cases' | 'changed' | 'login-redirect' | 'busy';

/** The Zendesk help center: its list page, its sign-in page and its requests JSON, answering as told. */
async function routeZendesk(context: ExtensionBrowser['context'], answer: { now: ApiAnswer }) {
  await context.route(`${ORIGIN}/**`, (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/hc/en-us/requests') return fulfilHtml(route, 'zendesk/list-classic-my.html');
    if (url.pathname === '/hc/signin') return fulfilHtml(route, 'zendesk/signin.html');
    if (url.pathname === '/api/v2/requests.json') {
      if (answer.now === 'login-redirect')
        return route.fulfill({
          status: 302,
          headers: { location: `${ORIGIN}/hc/signin?return_to=%2Fapi%2Fv2%2Frequests.json` },
        });
      if (answer.now === 'busy')
        return route.fulfill({ status: 503, headers: { 'retry-after': '120' }, body: 'Service Unavailable' });
      const body = JSON.parse(fixture('zendesk/api-requests.json'));
      if (answer.now === 'changed')
        Object.assign(body.requests[1], {
          status: 'pending',
          updated_at: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
        });
      return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
    }
    return route.fulfill({ status: 404, body: 'not in the test' });
  });
}

/** Visits the list once (so the portal is known), then turns background refresh on in Settings. */
async function enableRefresh({ context, extensionId }: ExtensionBrowser): Promise<Page> {
  const list = await context.newPage();
  await list.goto(DEMO_URLS.zendeskList);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(
    options.getByTestId('portal-row').filter({ hasText: 'Northwind Fiber — northwind.zendesk.com' }),
  ).toContainText(/read .* ago/);
  await list.close(); // From here on, nobody visits the portal.
  // Controlled by the store: it turns checked once the grant is confirmed and the schedule saved.
  const toggle = options.getByLabel('Refresh Northwind Fiber northwind.zendesk.com in the background');
  await toggle.click();
  await expect(toggle).toBeChecked();
  await expect(options.getByTestId('refresh-status')).toContainText(
    "Reads the portal's own JSON with your browser session · not tried yet",
  );
  return options;
}

async function openPopup({ context, extensionId }: ExtensionBrowser): Promise<Page> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  return popup;
}

test('a refresh picks up a status change without any visit and updates the popup', async ({ browserWithGrants }) => {
  const answer = { now: 'cases' as ApiAnswer };
  await routeZendesk(browserWithGrants.context, answer);
  const options = await enableRefresh(browserWithGrants);
  const popup = await openPopup(browserWithGrants);
  const row = popup.getByTestId('case-row').filter({ hasText: '#48177' });
  await expect(row).not.toContainText('pending');

  answer.now = 'changed';
  await popup.getByRole('button', { name: 'Refresh now' }).click();
  await expect(popup.getByRole('status').filter({ hasText: 'Refreshed 1 of 1 portal.' })).toBeVisible();
  // The vendor's word from the JSON, and the case moved to the top group (waiting on you).
  await expect(row).toContainText('pending');
  await expect(row).toContainText('(refresh)');
  await expect(options.getByTestId('refresh-status')).toContainText('last try');
  await expect(options.getByTestId('refresh-status')).toContainText('Read 3 cases, 1 unreadable');
  await expect(popup.getByTestId('blind-spot')).toHaveCount(0);
});

test('a login redirect marks the portal signed out, lists it as a blind spot and changes no case', async ({
  browserWithGrants,
}) => {
  const answer = { now: 'cases' as ApiAnswer };
  await routeZendesk(browserWithGrants.context, answer);
  const options = await enableRefresh(browserWithGrants);
  const popup = await openPopup(browserWithGrants);
  const rows = popup.getByTestId('case-row');
  await expect(rows.filter({ hasText: '#48177' })).toContainText('(visit)');
  const before = await rows.allTextContents();

  answer.now = 'login-redirect';
  await popup.getByRole('button', { name: 'Refresh now' }).click();
  await expect(popup.getByRole('status').filter({ hasText: 'Refreshed 0 of 1 portal, 1 failed.' })).toBeVisible();
  const spot = popup.getByTestId('blind-spot');
  await expect(spot).toContainText(
    /Northwind Fiber \(northwind\.zendesk\.com\): signed out — 4 open cases unobserved for 0 h\./,
  );
  await expect(spot).toContainText('Signed out (the portal redirected its JSON to sign in)');
  // Nothing about any case changed (quiet times and "seen" labels are computed from stored fields).
  expect(await rows.allTextContents()).toEqual(before);
  await expect(options.getByTestId('refresh-status')).toContainText(
    'stopped: Signed out: sign in to the portal, then refresh resumes',
  );

  // One click opens the portal to sign in.
  const [signIn] = await Promise.all([
    browserWithGrants.context.waitForEvent('page'),
    spot.getByRole('button', { name: 'Open to sign in' }).click(),
  ]);
  await expect(signIn).toHaveURL(`${ORIGIN}/hc/requests`);
});

test('failures back off, honour Retry-After, and show when the next attempt is', async ({ browserWithGrants }) => {
  const answer = { now: 'busy' as ApiAnswer };
  await routeZendesk(browserWithGrants.context, answer);
  const options = await enableRefresh(browserWithGrants);
  const status = options.getByTestId('refresh-status');
  const minutesUntilNext = async () => (Date.parse((await status.getAttribute('data-next-at'))!) - Date.now()) / 60_000;

  await options.getByRole('button', { name: 'Refresh now' }).click();
  await expect(status).toContainText('HTTP 503 from northwind.zendesk.com · 1 failure in a row');
  // 15 min × 2 with ±10 % jitter (Retry-After asked for only 2 min, so the backoff wins).
  expect(await minutesUntilNext()).toBeGreaterThan(26);
  expect(await minutesUntilNext()).toBeLessThan(34);

  await options.getByRole('button', { name: 'Refresh now' }).click();
  await expect(status).toContainText('2 failures in a row');
  expect(await minutesUntilNext()).toBeGreaterThan(53);
  expect(await minutesUntilNext()).toBeLessThan(67);
  // The cases from the visit are untouched and the portal shows as a blind spot.
  const popup = await openPopup(browserWithGrants);
  await expect(popup.getByTestId('blind-spot')).toContainText(
    'Northwind Fiber (northwind.zendesk.com): cannot observe',
  );
  await expect(popup.getByTestId('case-row').filter({ hasText: '#48177' })).toContainText('(visit)');
  await expect(popup.getByTestId('case-row').filter({ hasText: '#48177' })).not.toContainText('pending');
});
