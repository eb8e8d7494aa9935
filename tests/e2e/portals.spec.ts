/** Issue 4 end to end: custom-domain portals, recipes made on the page, and manual cases. */
import { expect } from '@playwright/test';
import { DEMO_URLS, routeCustomDomainPortals, routeDemoPortals } from '../../scripts/demo-portals';
import { testWithGrants } from './granted';
import type { ExtensionBrowser } from '../../scripts/chromium';

const test = testWithGrants(['https://help.example-isp.com', 'https://care.acme-fibre.example']);

/** The popup as a page, acting on the given tab (a real popup acts on the active tab). */
async function popupFor({ context, extensionId, worker }: ExtensionBrowser, tabUrlPrefix: string) {
  const tabId = await worker.evaluate(async (prefix) => {
    const tabs = await (globalThis as unknown as { chrome: typeof import('webextension-polyfill') }).chrome.tabs.query(
      {},
    );
    return tabs.find((t) => t.url?.startsWith(prefix))?.id;
  }, tabUrlPrefix);
  expect(tabId).toBeTruthy();
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

test('a ServiceNow portal on its own domain is read after "Track this portal"', async ({ browserWithGrants }) => {
  const { context } = browserWithGrants;
  await routeCustomDomainPortals(context);
  const portal = await context.newPage();
  await portal.goto(DEMO_URLS.servicenowCustom);
  await expect(portal.locator('body[data-loaded="true"]')).toHaveCount(1);

  const popup = await popupFor(browserWithGrants, 'https://help.example-isp.com/');
  // Not read before the user asks: no manifest entry covers this host.
  await expect(popup.getByTestId('case-row')).toHaveCount(0);
  // The path (/csm) suggests ServiceNow; the user confirms.
  await expect(popup.getByLabel('Portal platform')).toHaveValue('servicenow');
  await popup.getByRole('button', { name: 'Track this portal' }).click();
  await expect(
    popup.getByRole('status').filter({ hasText: 'Tracking help.example-isp.com as ServiceNow' }),
  ).toBeVisible();

  // The tab was reloaded with the registered scripts; the portal's Table API JSON became cases.
  const rows = popup.getByTestId('case-row');
  await expect(rows.filter({ hasText: 'CS0001234' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'CS0001234' })).toContainText('Example ISP');
  await expect(rows.filter({ hasText: 'CS0001234' }).getByRole('link').first()).toHaveAttribute(
    'href',
    /^https:\/\/help\.example-isp\.com\/csm\?id=csm_ticket/,
  );
  await expect(popup.locator('.tracked')).toContainText('Tracking help.example-isp.com as ServiceNow.');

  // Still read on the next visit (the registration persists), and stopping ends it.
  await popup.getByRole('button', { name: 'Stop tracking' }).click();
  await expect(popup.getByRole('status').filter({ hasText: 'Stopped reading help.example-isp.com' })).toBeVisible();
  const registered = await browserWithGrants.worker.evaluate(async () =>
    (
      await (
        globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> } } }
      ).chrome.scripting.getRegisteredContentScripts()
    ).map((s) => s.id),
  );
  expect(registered).toEqual([]);
  // Its cases stay in the history.
  await expect(rows.filter({ hasText: 'CS0001234' })).toHaveCount(1);
});

test('a recipe made by clicking on an unknown portal reads its rows on the next visit', async ({
  browserWithGrants,
}) => {
  const { context } = browserWithGrants;
  await routeCustomDomainPortals(context);
  const portal = await context.newPage();
  await portal.goto(DEMO_URLS.unknownPortal);
  const popup = await popupFor(browserWithGrants, 'https://care.acme-fibre.example/');
  await expect(popup.getByLabel('Portal platform')).toHaveValue('');
  await popup.getByRole('button', { name: 'Make a recipe' }).click();

  // The picker box appears on the portal page; the user clicks a row, then its fields.
  const picker = portal.getByRole('dialog', { name: 'Caseradar recipe picker' });
  await expect(picker).toContainText('Click one case row');
  const firstRow = portal.locator('tbody tr').first();
  await firstRow.locator('td.subject').click();
  await expect(picker).toContainText('click the case number');
  await firstRow.locator('td.ref a').click();
  await expect(portal).toHaveURL(DEMO_URLS.unknownPortal); // the link click did not navigate
  await firstRow.locator('td.subject').click();
  await firstRow.locator('.badge').click();
  await firstRow.locator('time').click();
  await expect(picker.getByTestId('recipe-preview')).toHaveText('3 case rows found on this page.');
  await picker.getByLabel('Portal name').fill('Acme Fibre');
  await picker.getByRole('button', { name: 'Save recipe' }).click();
  await expect(picker).toContainText('Saved.');

  // Next visit: the recipe script reads the rows.
  await portal.reload();
  const rows = popup.getByTestId('case-row');
  await expect(rows.filter({ hasText: '880112@care.acme-fibre.example' })).toContainText('Acme Fibre');
  await expect(rows.filter({ hasText: '880087@care.acme-fibre.example' })).toContainText(
    'Static IP block not routed after migration',
  );
  await expect(rows.filter({ hasText: '880112@care.acme-fibre.example' })).toContainText('Awaiting your reply');

  // The recipe is listed, editable and exportable in Settings.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${browserWithGrants.extensionId}/options.html`);
  await expect(options.getByTestId('recipe')).toContainText('Acme Fibre — care.acme-fibre.example/care/tickets');

  // When the page no longer matches, the portal needs attention instead of reading as "no cases".
  await context.route('https://care.acme-fibre.example/care/tickets', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html',
      body: '<main><div class="grid">Your tickets moved</div></main>',
    }),
  );
  await portal.reload();
  await expect(popup.getByTestId('blind-spot')).toContainText(
    /Acme Fibre \(care\.acme-fibre\.example\): layout changed — 2 open cases unobserved/,
    { timeout: 20_000 },
  );
  // Nothing was closed or dropped: the two open cases are still listed.
  await expect(rows.filter({ hasText: '@care.acme-fibre.example' })).toHaveCount(2);
});

test('a case entered by hand appears in the timeline', async ({ browserWithGrants }) => {
  const { context, extensionId } = browserWithGrants;
  await routeDemoPortals(context);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByRole('button', { name: 'Add a case by hand' }).click();
  const form = popup.getByRole('form', { name: 'Add a case by hand' });
  await form.getByLabel('Vendor').fill('Acme Fibre');
  await form.getByLabel('Their reference').fill('T-4711');
  await form.getByLabel('Title').fill('Branch line down, reported by phone');
  await form.getByLabel('Severity').selectOption('high');
  await form.getByLabel('Link').fill('javascript:alert(1)');
  await form.getByRole('button', { name: 'Add case' }).click();
  await expect(form.getByRole('alert')).toHaveText('A link must start with http:// or https://');
  await form.getByLabel('Link').fill('');
  await form.getByRole('button', { name: 'Add case' }).click();
  const row = popup.getByTestId('case-row').filter({ hasText: 'T-4711' });
  await expect(row).toContainText('Acme Fibre');
  await expect(row).toContainText('Branch line down, reported by phone');
  await expect(row).toContainText('High');
});

test('a case entered by hand goes on: the next call is logged and its state moves, as the popup shows', async ({
  browserWithGrants,
}) => {
  const { context, extensionId } = browserWithGrants;
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByRole('button', { name: 'Add a case by hand' }).click();
  const form = popup.getByRole('form', { name: 'Add a case by hand' });
  await form.getByLabel('Vendor').fill('Contoso Telecom');
  await form.getByLabel('Their reference').fill('CT-88');
  await form.getByLabel('Title').fill('Number porting stuck');
  await form.getByRole('button', { name: 'Add case' }).click();
  const row = popup.getByTestId('case-row').filter({ hasText: 'CT-88' });
  await expect(row).toContainText('Contoso Telecom');

  const dash = await context.newPage();
  await dash.goto(`chrome-extension://${extensionId}/dashboard.html`);
  await dash.locator('[data-case-key="manual:CT-88"]').locator('.case-number').click();
  const followUp = dash.getByTestId('manual-follow-up');
  await expect(followUp.getByRole('heading')).toHaveText('Follow up (phone)');
  await followUp.getByLabel('What was said').fill('They need the signed porting form before Friday.');
  await followUp.getByRole('button', { name: 'Log it, dated now' }).click();
  await expect(followUp.getByRole('status')).toHaveText('Logged what the vendor said.');
  await followUp.getByLabel('State').selectOption('waiting-on-customer');
  await expect(followUp.getByRole('status')).toHaveText('State set to Waiting on you.');
  await expect(dash.getByTestId('history-item').filter({ hasText: 'They need the signed porting form' })).toHaveCount(
    1,
  );

  // The popup, open all along, now has it waiting on the user, with the message counted.
  const ct88 = popup.getByTestId('group-now').getByTestId('case-row').filter({ hasText: 'CT-88' });
  await ct88.focus();
  await expect(ct88.getByTestId('case-messages')).toHaveText('1 message');
});
