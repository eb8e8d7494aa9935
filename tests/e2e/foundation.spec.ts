import { DEMO_URLS, fulfilHtml } from '../../scripts/demo-portals';
import { expect, test } from './extension';
import { routeDemo } from './ui-seed';

// The demo portals' dates are relative to today (see visitDemoPortals in ui-seed.ts for their story), so
// what these tests assert holds whatever the date, weekday and time of day.

test('Zendesk and Azure portal visits fill one timeline, most urgent first, with the badge', async ({
  context,
  openPopup,
  badgeText,
}) => {
  await routeDemo(context);
  const zendesk = await context.newPage();
  await zendesk.goto(DEMO_URLS.zendeskList);
  await expect(zendesk.locator('table.requests-table')).toBeVisible();
  const azure = await context.newPage();
  await azure.goto(DEMO_URLS.azurePortal);
  // The portal's own front end rendered the tickets it fetched.
  await expect(azure.getByRole('cell', { name: '2610010040001234' })).toBeVisible();

  const popup = await openPopup();
  const rows = popup.getByTestId('case-row');
  // Zendesk: 4 open of 5 (one closed); Azure: 3 open of 4 (one closed).
  await expect(rows).toHaveCount(7);
  // Overdue: the reply we owe since the last working day, and two vendors quiet past their limits.
  await expect(popup.getByTestId('summary')).toHaveText('7 open · 1 waiting on you · 3 overdue');
  // Waiting on you comes first.
  await expect(rows.first()).toContainText('Northwind Fiber');
  await expect(rows.first()).toContainText('#48213');
  await expect(rows.first()).toContainText('Waiting on you · Awaiting your reply');
  const azureRow = rows.filter({ hasText: '#2610010040001234' });
  await expect(azureRow).toContainText('Azure');
  await expect(azureRow).toContainText('VM scale set stuck in "Updating" after OS upgrade');
  await expect(azureRow).toContainText('Normal');
  await expect(azureRow.getByTestId('alert')).toHaveText('vendor quiet for 3 business days (limit 3)');
  await expect(azureRow.getByTestId('case-seen')).toHaveText(/^seen .+ ago \(visit\)$/);
  await expect(azureRow.getByRole('link')).toHaveAttribute('href', /^https:\/\/portal\.azure\.com\/#resource\//);
  // Portal text shown as text, never as markup: tests/e2e/hostile.spec.ts, with the hostile corpus.
  expect(await badgeText()).toBe('1');
});

test('opening a case detail adds its messages, severity and owner', async ({ context, openPopup }) => {
  await routeDemo(context);
  const list = await context.newPage();
  await list.goto(DEMO_URLS.zendeskList);
  const popup = await openPopup();
  const row = popup.getByTestId('case-row').filter({ hasText: '#48213' });
  await expect(row).toBeVisible();
  await expect(row.getByTestId('case-messages')).toHaveCount(0);

  const detail = await context.newPage();
  await detail.goto(DEMO_URLS.zendeskDetail);
  await expect(row.getByTestId('case-messages')).toHaveText('2 messages');
  await expect(row).toContainText('Critical');
  await expect(row).toContainText('owner Sam Support (Northwind)');
});

test('a page whose layout is unknown shows as a blind spot and changes no case', async ({ context, openPopup }) => {
  await routeDemo(context);
  const page = await context.newPage();
  await page.goto(DEMO_URLS.zendeskList);
  const popup = await openPopup();
  await expect(popup.getByTestId('case-row')).toHaveCount(4);
  const before = await popup.getByTestId('case-row').allTextContents();

  // The theme changes: the same URL now serves a layout the adapter does not know.
  await context.unroute('https://northwind.zendesk.com/**');
  await context.route('https://northwind.zendesk.com/**', (route) =>
    fulfilHtml(route, 'zendesk/list-unknown-layout.html'),
  );
  await page.reload();

  const blindSpot = popup.getByTestId('blind-spot');
  await expect(blindSpot).toContainText(
    /Northwind Fiber \(northwind\.zendesk\.com\): layout changed — 4 open cases unobserved/,
  );
  await expect(blindSpot).toContainText('layout changed');
  await expect(blindSpot).toContainText(/Last good read .* ago/);
  await expect(popup.getByTestId('case-row')).toHaveCount(4);
  expect(await popup.getByTestId('case-row').allTextContents()).toEqual(before);
});

test('a signed-out Azure session is reported, not turned into "no cases"', async ({ context, openPopup }) => {
  await context.route('https://portal.azure.com/**', (route) => fulfilHtml(route, 'azure/portal.html'));
  await context.route(/management\.azure\.com/, (route) =>
    route.fulfill({
      status: 401,
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': '*' },
      body: '{"error":{"code":"AuthenticationFailed"}}',
    }),
  );
  const page = await context.newPage();
  await page.goto(DEMO_URLS.azurePortal);
  const popup = await openPopup();
  await expect(popup.getByTestId('blind-spot')).toContainText('Azure (portal.azure.com): signed out');
  await expect(popup.getByTestId('empty')).toBeVisible();
});
