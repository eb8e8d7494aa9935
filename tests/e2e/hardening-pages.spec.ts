/**
 * Hardening, round two, in Chromium (issue 19): text inside a message cannot set a case's state, and a
 * background refresh tab the user has started using is never closed under them.
 */
import { fixture, fulfilHtml } from '../../scripts/demo-portals';
import { readTables, sendFromPage } from '../helpers/extension-e2e';
import { expect, test } from './extension';

test("a monitoring mail pasted into a Freshdesk conversation cannot set the ticket's state", async ({
  context,
  openPopup,
}) => {
  // The vendor's reply quotes an alert mail whose table says "Status | RESOLVED"; the ticket itself
  // still waits for the customer's reply.
  const pasted = '<table><tr><td>Status</td><td>RESOLVED</td></tr><tr><td>Priority</td><td>P1</td></tr></table>';
  const page = fixture('freshdesk/portal-detail.html').replace(
    '<p>We rolled back the gateway;',
    `${pasted}<p>We rolled back the gateway;`,
  );
  expect(page).toContain(pasted);
  await context.route('https://acme.freshdesk.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: page }),
  );
  const portal = await context.newPage();
  await portal.goto('https://acme.freshdesk.com/support/tickets/41203');
  const popup = await openPopup();
  const row = popup.getByTestId('case-row').filter({ hasText: '#41203' });
  await expect(row.getByTestId('case-state')).toHaveText('Waiting on you · Awaiting your Reply');
});

test('a refresh tab the user switched to is never closed; one nobody touched is', async ({ context, extensionId }) => {
  const NOW = Date.now();
  const minutes = (n: number) => new Date(NOW + n * 60_000).toISOString();
  // First a visit, so that the portal is known; then the portal answers with a sign-in page.
  let signedIn = true;
  await context.route('https://portal.azure.com/**', (route) =>
    signedIn
      ? fulfilHtml(route, 'azure/portal.html')
      : route.fulfill({
          status: 200,
          contentType: 'text/html',
          body: '<!DOCTYPE html><title>Sign in</title><form><input type="password"></form>',
        }),
  );
  await context.route(/management\.azure\.com/, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': '*' },
      body: fixture('azure/list.json'),
    }),
  );
  const visit = await context.newPage();
  await visit.goto('https://portal.azure.com/#blade/Microsoft_Azure_Support/HelpAndSupportBlade/managesupportrequest');
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const toggle = options.getByLabel('Refresh Azure portal.azure.com in the background');
  await toggle.click();
  await expect(toggle).toBeChecked();
  await visit.close();
  signedIn = false;

  const refreshNow = (at: string) => sendFromPage(options, { name: 'ui:refresh-now', payload: { now: at } });
  const schedule = async () =>
    ((await readTables(options, ['refresh'])).refresh as { tabId: number | null; lastOutcome: string | null }[])[0]!;

  // The refresh opens the list page in a background tab; it lands on sign-in. The user switches to it.
  const [taken] = await Promise.all([context.waitForEvent('page'), refreshNow(minutes(0))]);
  await expect.poll(async () => (await schedule()).tabId).not.toBeNull();
  await taken.bringToFront();
  await expect.poll(async () => (await schedule()).lastOutcome).toBe('You took over the refresh tab; it stays open');
  expect((await schedule()).tabId).toBeNull();

  // Minutes later the next refresh opens a tab of its own and nobody touches it: past its 90 s it is
  // closed, and the tab the user took over is still open.
  const [untouched] = await Promise.all([context.waitForEvent('page'), refreshNow(minutes(2))]);
  const closed = untouched.waitForEvent('close');
  await refreshNow(minutes(4));
  await closed;
  expect(taken.isClosed()).toBe(false);
  await expect(taken).toHaveTitle('Sign in');
});
