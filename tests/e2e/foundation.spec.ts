import { DEMO_URLS, fixture, fulfilHtml } from '../../scripts/demo-portals';
import { readTables } from '../helpers/extension-e2e';
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
  await expect(azureRow.getByTestId('alert')).toHaveText('vendor quiet for 3 business days (limit 3 business days)');
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

test("Zendesk's newer list with no requests is read from its JSON, not reported as a changed layout", async ({
  context,
  openPopup,
}) => {
  // The request-list module renders only "No requests found" (no table, marker or cells) after loading
  // its requests JSON, which says there are none.
  const empty = `<!DOCTYPE html><html lang="en-US"><head><title>Requests – Northwind Fiber</title></head><body>
    <main><h1>Requests</h1><div id="main-content"><p>No requests found</p></div></main>
    <script>fetch('/api/v2/requests.json').then((r) => r.json()).then(() => { document.body.dataset.loaded = 'true'; });</script>
    </body></html>`;
  await context.route('https://northwind.zendesk.com/**', (route) =>
    new URL(route.request().url()).pathname.startsWith('/api/')
      ? route.fulfill({ contentType: 'application/json', body: fixture('zendesk/api-requests-empty.json') })
      : route.fulfill({ contentType: 'text/html', body: empty }),
  );
  const page = await context.newPage();
  await page.goto(DEMO_URLS.zendeskList);
  await expect(page.locator('body')).toHaveAttribute('data-loaded', 'true');
  const popup = await openPopup();
  type Health = { origin: string; lastSuccessAt: string | null; lastErrorAt: string | null };
  const health = async () =>
    ((await readTables(popup, ['portals'])).portals as Health[]).find(
      (p) => p.origin === 'https://northwind.zendesk.com',
    );
  await expect.poll(async () => (await health())?.lastSuccessAt ?? null).not.toBeNull();
  // The page reader gives up on rendering after 8 s; until this was fixed, it then reported the portal blind.
  await page.waitForTimeout(9_000);
  expect(await health()).toMatchObject({ lastErrorAt: null });
  await popup.reload();
  await expect(popup.getByText('0 open · 0 waiting on you')).toBeVisible();
  await expect(popup.getByTestId('blind-spot')).toHaveCount(0);
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
