/**
 * A vendor is a portal, not a platform, in the real browser: a hostile help center on the same
 * platform cannot touch another vendor's cases, even with the same case numbers and the same name, and
 * a vendor renamed in Options shows under its new name in every open page at once.
 */
import { DEMO_URLS, demoPage, fixture } from '../../scripts/demo-portals';
import { readTables } from '../helpers/extension-e2e';
import { expect, test } from './extension';
import { routeDemo } from './ui-seed';

const EVIL = 'https://evil.zendesk.com';

/**
 * Evil's help center: Northwind's own list page copied (same request numbers, same brand in the title),
 * and a theme script that loads its own Requests API, which says #48213 was closed a minute ago under a
 * phishing title. Help-center themes run their own JavaScript, so a page can load whatever it likes.
 */
function evilListPage(): string {
  const script = `<script>fetch('/api/v2/requests.json').then((r) => r.json()).then(() => { document.body.dataset.loaded = 'true'; });</script>`;
  return demoPage('zendesk/list-classic-my.html').replace(/<\/body>/i, `${script}</body>`);
}
function forgedRequests(): string {
  const body = JSON.parse(fixture('zendesk/api-requests.json')) as { requests: Record<string, unknown>[] };
  const forged = {
    ...body.requests[0],
    id: 48213,
    url: `${EVIL}/api/v2/requests/48213.json`,
    subject: 'Sign in again to keep your service',
    status: 'closed',
    updated_at: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  };
  return JSON.stringify({ ...body, requests: [forged] });
}

test("a forged, newer snapshot from another tenant leaves the vendor's case untouched; same numbers stay two cases", async ({
  context,
  openPopup,
  extensionId,
}) => {
  await routeDemo(context);
  const northwind = await context.newPage();
  await northwind.goto(DEMO_URLS.zendeskList);
  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${extensionId}/dashboard.html`);
  const caseOf = async (key: string) =>
    ((await readTables(ext, ['cases'])).cases as { key: string }[]).find((c) => c.key === key);
  await expect.poll(() => caseOf('northwind.zendesk.com:48213')).toBeDefined();
  const before = await caseOf('northwind.zendesk.com:48213');
  expect(before).toMatchObject({
    portal: 'northwind.zendesk.com',
    vendorName: 'Northwind Fiber',
    state: 'waiting-on-customer',
  });

  await context.route(`${EVIL}/**`, (route) =>
    new URL(route.request().url()).pathname.startsWith('/api/v2/requests')
      ? route.fulfill({ status: 200, contentType: 'application/json', body: forgedRequests() })
      : route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: evilListPage() }),
  );
  const evil = await context.newPage();
  await evil.goto(`${EVIL}/hc/en-us/requests`);
  await expect(evil.locator('body[data-loaded="true"]')).toBeAttached();
  // Both reads of the evil page (its list and its JSON) arrived: #48213 there is closed.
  await expect
    .poll(async () => (await caseOf('evil.zendesk.com:48213')) as unknown)
    .toMatchObject({
      state: 'closed',
      title: 'Sign in again to keep your service',
      vendorName: 'Northwind Fiber (evil.zendesk.com)',
    });
  expect(await caseOf('northwind.zendesk.com:48213')).toEqual(before);

  // What the user sees: Northwind's case as it was, linked to Northwind, and the imitation told apart.
  const popup = await openPopup();
  const rows = popup.getByTestId('case-row');
  const real = popup.locator('[data-case-key="northwind.zendesk.com:48213"]');
  await expect(real.locator('.row-what')).toHaveText(
    'ZdNorthwind FiberFiber link down at "Site B" & VPN flapping#48213',
  );
  await real.focus();
  await expect(real.getByTestId('case-state')).toHaveText('Waiting on you · Awaiting your reply');
  await expect(real.getByRole('link').first()).toHaveAttribute('href', /^https:\/\/northwind\.zendesk\.com\//);
  // Evil's closed #48213 is not on the popup; its other copies are, under their own name.
  await expect(rows.filter({ hasText: 'Sign in again' })).toHaveCount(0);
  await expect(rows.filter({ hasText: 'Northwind Fiber (evil.zendesk.com)' })).toHaveCount(3);
  await expect(rows.filter({ hasText: '#48213' })).toHaveCount(1);

  // The dashboard lists every case, closed ones too: two cases #48213, one per vendor portal.
  await ext.reload();
  const both = ext.locator('[data-case-key$=":48213"]');
  await expect(both).toHaveCount(2);
  await expect(ext.locator('[data-case-key="evil.zendesk.com:48213"]')).toContainText(
    'Northwind Fiber (evil.zendesk.com)#48213',
  );
});

test('a vendor renamed in Options shows under its new name in the open popup and dashboard at once', async ({
  context,
  openPopup,
  extensionId,
}) => {
  await routeDemo(context);
  const list = await context.newPage();
  await list.goto(DEMO_URLS.zendeskList);
  const popup = await openPopup();
  const row = popup.locator('[data-case-key="northwind.zendesk.com:48213"]');
  await expect(row.locator('.provider-name')).toHaveText('Northwind Fiber');
  const dash = await context.newPage();
  await dash.goto(`chrome-extension://${extensionId}/dashboard.html`);
  const dashRow = dash.locator('[data-case-key="northwind.zendesk.com:48213"]');
  await expect(dashRow).toContainText('Northwind Fiber#48213');

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const vendor = options.locator('[data-testid="vendor-controls"][data-portal="northwind.zendesk.com"]');
  await expect(vendor).toContainText('runs on Zendesk');
  await expect(vendor).toContainText('5 cases'); // the closed one too
  const name = vendor.getByLabel('Vendor name for northwind.zendesk.com');
  await expect(name).toHaveAttribute('placeholder', 'Northwind Fiber');
  await name.fill('Northwind Leased Lines');
  await name.press('Enter');
  await expect(vendor.getByRole('status')).toHaveText('Shown as Northwind Leased Lines everywhere.');

  // No reload: the open pages follow the store.
  await expect(row.locator('.provider-name')).toHaveText('Northwind Leased Lines');
  await expect(dashRow).toContainText('Northwind Leased Lines#48213');
  await expect(
    popup.locator('[data-case-key^="northwind.zendesk.com:"]').filter({ hasText: 'Northwind Fiber' }),
  ).toHaveCount(0);
  // The status update for the user's own people names the vendor as they know it.
  await dashRow.locator('.case-number').click();
  await expect(dash.getByRole('textbox', { name: 'Status update for your users' })).toHaveValue(
    /Reported to Northwind Leased Lines \(case 48213\)/,
  );
});
