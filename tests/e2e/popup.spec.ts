import type { Page } from '@playwright/test';
import { expect, test } from './extension';
import { DEMO_URLS } from '../../scripts/demo-portals';
import { readTables } from '../helpers/extension-e2e';
import { seedCases, seriousViolations, tourDemoPortals, visitDemoPortals } from './ui-seed';

const row = (popup: Page, caseKey: string) => popup.locator(`[data-testid="case-row"][data-case-key="${caseKey}"]`);

test('open cases are grouped by what the user has to do; a row says what, then one reason why', async ({
  context,
  openPopup,
}) => {
  await visitDemoPortals(context);
  const popup = await openPopup();
  await expect(popup.getByTestId('case-row')).toHaveCount(7);
  const group = (id: string) => popup.getByTestId(`group-${id}`);
  await expect(popup.getByRole('heading', { level: 2 })).toHaveText([
    'Needs you now 3',
    'Needs a look 1',
    'With vendor 2',
    'Closing soon 1',
  ]);

  // Waiting on the user first, then the vendors past their limits, longest silence first.
  await expect(group('now').locator('.case-id')).toHaveText(['#48213', '#48001', '#2610010040001234']);
  const mine = row(popup, 'northwind.zendesk.com:48213');
  await expect(mine.locator('.row-what')).toHaveText(
    /^ZdNorthwind Fiber\s*Fiber link down at "Site B" & VPN flapping\s*#48213$/,
  );
  await expect(mine.getByTestId('alert')).toHaveText('waiting on you for 1 business day (limit 1 business day)');
  await expect(mine.getByTestId('overdue')).toBeVisible();
  // The facts behind the reason open on the row the user is on, and only there.
  await expect(mine.getByTestId('case-state')).toBeHidden();
  await mine.focus();
  await expect(mine.getByTestId('case-state')).toBeVisible();
  await expect(mine.getByTestId('case-state')).toHaveText('Waiting on you · Awaiting your reply');
  await expect(mine.getByTestId('case-seen')).toHaveText(/^seen .+ ago \(visit\)$/);
  // The vendor's quiet time would contradict "waiting on you".
  await expect(mine.getByTestId('case-quiet')).toHaveCount(0);

  const bgp = row(popup, 'northwind.zendesk.com:48001');
  await expect(bgp.getByTestId('alert')).toHaveText('vendor quiet for 5 business days (limit 3 business days)');
  await expect(bgp.getByTestId('overdue')).toBeVisible();
  await bgp.focus();
  await expect(bgp.getByTestId('case-state')).toHaveText('On hold · Open');
  // This weekday last week: 5 business days by our rules and by the row's own count alike.
  await expect(bgp.getByTestId('case-quiet')).toHaveText('vendor quiet 5 business days');
  const vmss = row(popup, 'azure:2610010040001234');
  await expect(vmss.locator('.severity')).toHaveText('Normal');
  await expect(vmss.getByTestId('alert')).toHaveText('vendor quiet for 3 business days (limit 3 business days)');

  // A status Caseradar cannot map is put before the user, with why, instead of passing for "with vendor".
  const look = group('look').getByTestId('case-row');
  await expect(look.locator('.case-id')).toHaveText(['#2609180010001111']);
  await expect(look.getByTestId('case-why')).toHaveText('Caseradar cannot read “Waiting for customer input”');
  await expect(look.getByRole('combobox', { name: 'What “Waiting for customer input” means at Azure' })).toBeVisible();

  // Within their limits, the reason is where the case stands: a low case quiet 2 business days, and
  // this morning's case.
  const vendor = group('vendor').getByTestId('case-row');
  await expect(vendor.locator('.case-id')).toHaveText(['#2609250010005678', '#48177']);
  await expect(vendor.locator('.why')).toHaveText([
    'Open · Updating · vendor quiet 2 business days',
    /^Open · vendor quiet /,
  ]);
  await expect(row(popup, 'azure:2609250010005678').locator('.severity')).toHaveText('Low');
  await expect(vendor.getByTestId('overdue')).toHaveCount(0);
  await expect(vendor.getByTestId('alert')).toHaveCount(0);
  await expect(group('closing').locator('.why')).toHaveText('Resolved · Solved');
  await expect(row(popup, 'northwind.zendesk.com:46802')).toHaveCount(0); // closed

  await popup.getByLabel('show closing soon').uncheck();
  await expect(group('closing')).toHaveCount(0);
  await expect(popup.getByTestId('case-row')).toHaveCount(6);
});

test('a 600 × 600 popup shows at least 8 cases of the whole demo whole, each in two lines', async ({
  context,
  openPopup,
}) => {
  await tourDemoPortals(context);
  const popup = await openPopup();
  await popup.setViewportSize({ width: 600, height: 600 });
  await expect(popup.getByTestId('summary')).toHaveText(/^35 open · 4 waiting on you/);
  await expect(popup.getByTestId('case-row').first()).toBeVisible();
  const shown = await popup.getByTestId('case-row').evaluateAll((rows) =>
    rows
      .filter((r) => {
        const box = r.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight;
      })
      .map((r) => {
        // A line of text is one line box: its height under two line heights.
        const lineHeight = parseFloat(getComputedStyle(r).lineHeight);
        const lines = [...r.children].filter((c) => (c as HTMLElement).offsetHeight > 0);
        return {
          key: r.getAttribute('data-case-key'),
          lines: lines.length,
          oneLineEach: lines.every((c) => (c as HTMLElement).offsetHeight < 2 * lineHeight),
        };
      }),
  );
  expect(shown.length).toBeGreaterThanOrEqual(8);
  for (const r of shown) expect(r, r.key ?? '').toMatchObject({ lines: 2, oneLineEach: true });
});

test('an unknown status is mapped once per vendor portal, and the case moves to where it belongs', async ({
  context,
  openPopup,
  extensionId,
}) => {
  await visitDemoPortals(context);
  const popup = await openPopup();
  const look = row(popup, 'azure:2609180010001111');
  await look
    .getByRole('combobox', { name: 'What “Waiting for customer input” means at Azure' })
    .selectOption('Waiting on me');
  await expect(popup.getByTestId('group-look')).toHaveCount(0);
  await expect(popup.getByTestId('group-now').locator('[data-case-key="azure:2609180010001111"]')).toBeVisible();
  // Now the user's move, and past the one-business-day limit.
  await expect(look.getByTestId('alert')).toHaveText(
    /^waiting on you for \d+ business days? \(limit 1 business day\)$/,
  );
  await expect(popup.getByTestId('summary')).toHaveText(/ · 2 waiting on you/);

  // Remembered for the portal: Settings shows it, and forgetting it puts the case back.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const mapped = options.getByRole('list', { name: 'Status words mapped for Azure' });
  await expect(mapped).toHaveText(/“Waiting for customer input” means Waiting on you/);
  await mapped.getByRole('button', { name: 'Forget' }).click();
  await expect(options.getByRole('status')).toContainText('1 case back under “Needs a look”');
  await expect(popup.getByTestId('group-look').getByTestId('case-row')).toHaveCount(1);
});

test('the keyboard drives the popup: j/k move, o and Enter open, e is done, s snoozes, / filters, ? helps', async ({
  context,
  openPopup,
}) => {
  await visitDemoPortals(context);
  const popup = await openPopup();
  const rows = popup.getByTestId('case-row');
  await expect(rows).toHaveCount(7);

  await popup.keyboard.press('j');
  await expect(rows.nth(0)).toBeFocused();
  await popup.keyboard.press('j');
  await popup.keyboard.press('j');
  await expect(rows.nth(2)).toBeFocused();
  await expect(rows.nth(2)).toHaveAttribute('aria-current', 'true');
  await popup.keyboard.press('k');
  await popup.keyboard.press('k');
  await expect(rows.nth(0)).toBeFocused();
  await expect(rows.nth(0)).toHaveAttribute('data-case-key', 'northwind.zendesk.com:48213');

  // o and Enter open the case in its portal, in a new tab.
  for (const key of ['o', 'Enter']) {
    const [tab] = await Promise.all([context.waitForEvent('page'), popup.keyboard.press(key)]);
    await expect(tab).toHaveURL('https://northwind.zendesk.com/hc/en-us/requests/48213');
    await tab.close();
  }

  // e: done until the vendor acts. The case leaves; the keyboard stays on the next one.
  await rows.nth(0).focus();
  await popup.keyboard.press('e');
  await expect(row(popup, 'northwind.zendesk.com:48213')).toHaveCount(0);
  await expect(popup.getByText('show snoozed (1)')).toBeVisible();
  await expect(rows.nth(0)).toBeFocused();
  const next = await rows.nth(0).getAttribute('data-case-key');

  // s opens that case's snooze menu on its first choice; Escape closes it, Enter picks a choice.
  await popup.keyboard.press('s');
  const menu = row(popup, next!).getByRole('group', { name: 'Snooze for' });
  await expect(menu.getByRole('button', { name: '4 hours' })).toBeFocused();
  await popup.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await rows.nth(0).focus();
  await popup.keyboard.press('s');
  await popup.keyboard.press('Tab');
  await expect(menu.getByRole('button', { name: '1 business day' })).toBeFocused();
  await popup.keyboard.press('Enter');
  await expect(row(popup, next!)).toHaveCount(0);
  await expect(popup.getByText('show snoozed (2)')).toBeVisible();

  // "/" focuses the filter without typing into it; keys typed there filter, they do not move.
  await popup.keyboard.press('/');
  const filter = popup.getByRole('searchbox', { name: 'Filter open cases' });
  await expect(filter).toBeFocused();
  await expect(filter).toHaveValue('');
  await popup.keyboard.type('scale set');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('#2610010040001234');
  await popup.keyboard.press('ArrowDown');
  await expect(rows.nth(0)).toBeFocused();
  await filter.fill('no such case');
  await expect(popup.getByTestId('no-match')).toHaveText('No open case matches “no such case”.');
  await filter.fill('');

  // "?" shows the shortcuts; Escape closes them and gives the focus back.
  await rows.nth(1).focus();
  await popup.keyboard.press('?');
  const help = popup.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Done until the vendor acts');
  await popup.keyboard.press('j'); // inside the dialog: not a shortcut
  await popup.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(rows.nth(1)).toBeFocused();
});

test('an escalated case that is still overdue is flagged in the popup', async ({ context, openPopup, extensionId }) => {
  await visitDemoPortals(context);
  const dash = await context.newPage();
  await dash.goto(`chrome-extension://${extensionId}/dashboard.html`);
  await dash.locator('[data-case-key="azure:2610010040001234"]').locator('.case-number').click();
  await dash.getByLabel('Escalation level').fill('2');
  await dash.getByLabel('Escalation engineer or advocate').fill('Dana (duty manager)');
  await dash.getByRole('button', { name: 'Escalated just now' }).click();
  await dash.getByRole('button', { name: 'Save workspace' }).click();
  await expect(dash.getByText('Workspace saved.')).toBeVisible();

  const popup = await openPopup();
  await expect(row(popup, 'azure:2610010040001234').getByTestId('escalation-reminder')).toHaveText(
    'Escalated (level 2, Dana (duty manager)) and still overdue',
  );
  await expect(popup.getByTestId('escalation-reminder')).toHaveCount(1);
});

test('2,000 cases: the first 100 rows paint, sections stay in order, "show all" and the filter work', async ({
  openPopup,
}) => {
  const popup = await openPopup();
  await expect(popup.getByTestId('empty')).toBeVisible();
  await seedCases(popup, { cases: 2000, eventsPerCase: 2 });
  const rows = popup.getByTestId('case-row');
  await expect(rows).toHaveCount(100);
  // i % 6: open, waiting, on-hold, resolved, closed, new → 1667 open, 334 waiting on you; every open one
  // but the 333 resolved is weeks past its limit.
  await expect(popup.getByTestId('summary')).toHaveText('1667 open · 334 waiting on you · 1334 overdue');
  await expect(popup.getByRole('heading', { level: 2 }).first()).toHaveText('Needs you now 1334');
  await expect(popup.getByTestId('group-now').getByTestId('case-row')).toHaveCount(100);
  // Manual cases carry the vendor's name; refreshed ones say so.
  await expect(row(popup, 'manual:900004')).toHaveCount(0); // not within the first 100
  await popup.getByRole('searchbox', { name: 'Filter open cases' }).fill('site 1989');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('Acme ISP');
  await rows.focus();
  await expect(rows.getByTestId('case-seen')).toHaveText(/\(refresh\)$/);
  await popup.getByRole('searchbox', { name: 'Filter open cases' }).fill('');

  await popup.getByRole('button', { name: 'Show all 1667 open cases' }).click();
  await expect(rows).toHaveCount(1667);
  // Keyboard movement stays on the list across sections.
  await rows.nth(1333).focus();
  await popup.keyboard.press('j');
  await expect(rows.nth(1334)).toBeFocused();
  await expect(popup.getByTestId('group-closing').getByTestId('case-row').first()).toBeFocused();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the popup has no serious accessibility violations (${colorScheme})`, async ({ context, openPopup }) => {
    await visitDemoPortals(context);
    const popup = await openPopup();
    await popup.emulateMedia({ colorScheme });
    await expect(popup.getByTestId('case-row')).toHaveCount(7);
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.keyboard.press('?');
    await expect(popup.getByRole('dialog')).toBeVisible();
    expect(await seriousViolations(popup)).toEqual([]);
  });
}

test('the popup says what is new since it was last opened, and only once', async ({ context, openPopup }) => {
  await visitDemoPortals(context);
  // A first look marks nothing: everything would be new.
  const first = await openPopup();
  await expect(first.getByTestId('case-row').first()).toBeVisible();
  await expect(first.getByTestId('news')).toHaveCount(0);
  await expect
    .poll(async () =>
      ((await readTables(first, ['settings'])).settings as { key: string }[]).some((s) => s.key === 'popup-seen'),
    )
    .toBe(true);
  await first.close();

  // Meanwhile the user reads #48213's page: its two messages arrive.
  await (await context.newPage()).goto(DEMO_URLS.zendeskDetail);
  const second = await openPopup();
  await expect(row(second, 'northwind.zendesk.com:48213').getByTestId('news')).toHaveText('2 new messages');
  await expect(second.getByTestId('news')).toHaveCount(1);
  await expect(second.getByTestId('summary')).toContainText('1 new since last look');
  await second.close();

  // Seen now: the next opening has nothing new to say.
  const third = await openPopup();
  await expect(row(third, 'northwind.zendesk.com:48213')).toBeVisible();
  await expect(third.getByTestId('news')).toHaveCount(0);
});
