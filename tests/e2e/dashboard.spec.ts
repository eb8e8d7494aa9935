import type { BrowserContext, Page } from '@playwright/test';
import { HOSTILE, hostileZendeskDetail, hostileZendeskList } from '../helpers/hostile';
import { expect, test } from './extension';
import { demoDay, seedCases, seriousViolations, visitDemoPortals } from './ui-seed';

async function openDashboard(context: BrowserContext, extensionId: string): Promise<Page> {
  const dash = await context.newPage();
  dash.on('dialog', (d) => void d.accept());
  await dash.goto(`chrome-extension://${extensionId}/dashboard.html`);
  return dash;
}

const rowOf = (page: Page, caseKey: string) =>
  page.locator(`[data-testid="dashboard-row"][data-case-key="${caseKey}"]`);
const caseIds = (page: Page) => page.getByTestId('dashboard-row').locator('td:nth-child(3)').allTextContents();
const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

test('search reaches message text; filters, column sort and saved views narrow and order the table', async ({
  context,
  extensionId,
}) => {
  await visitDemoPortals(context, { zendeskDetail: true });
  const dash = await openDashboard(context, extensionId);
  const rows = dash.getByTestId('dashboard-row');
  await expect(dash.getByTestId('dashboard-count')).toHaveText('9 of 9 cases');
  await expect(rowOf(dash, 'northwind.zendesk.com:48213')).toContainText('Critical');

  // Words the vendor wrote in a message, not in any title.
  const search = dash.getByRole('searchbox', { name: 'Search' });
  await search.fill('power-cycle ONT');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('#48213');
  await search.fill('');

  await dash.getByLabel('Vendor', { exact: true }).selectOption('azure');
  await expect(rows).toHaveCount(4);
  await dash.getByLabel('State', { exact: true }).selectOption('active');
  await expect(rows).toHaveCount(3);
  await dash.getByLabel('Severity', { exact: true }).selectOption('low');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('Reserved instance billed twice this month');
  await dash.getByLabel('Severity', { exact: true }).selectOption('');
  await dash.getByLabel('Whose move').selectOption('unknown');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('#2609180010001111');
  await dash.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows).toHaveCount(9);
  await dash.getByLabel('Whose move').selectOption('you');
  await expect(rows).toHaveCount(1);
  await dash.getByRole('button', { name: 'Clear filters' }).click();

  // Sort by a column, both ways (ids compare as numbers).
  const caseHeader = dash.getByRole('columnheader', { name: 'Case' });
  await caseHeader.getByRole('button').click();
  await expect(caseHeader).toHaveAttribute('aria-sort', 'ascending');
  expect((await caseIds(dash)).slice(0, 3)).toEqual(['#46802', '#47950', '#48001']);
  await caseHeader.getByRole('button').click();
  await expect(caseHeader).toHaveAttribute('aria-sort', 'descending');
  expect((await caseIds(dash))[0]).toBe('#2610010040001234');
  await dash.getByRole('columnheader', { name: 'Severity' }).getByRole('button').click();
  await expect(caseHeader).not.toHaveAttribute('aria-sort');
  await expect(rows.first()).toContainText('Critical');

  // A saved view keeps filters and sort across visits.
  await dash.getByLabel('Vendor', { exact: true }).selectOption('azure');
  await dash.getByLabel('State', { exact: true }).selectOption('active');
  await dash.getByLabel('Save as').fill('Azure, not closed');
  await dash.getByRole('button', { name: 'Save view' }).click();
  await expect(dash.getByText('View "Azure, not closed" saved.')).toBeVisible();
  await dash.reload();
  await expect(rows).toHaveCount(9);
  await dash.getByLabel('Saved view', { exact: true }).selectOption('Azure, not closed');
  await expect(rows).toHaveCount(3);
  await expect(dash.getByLabel('Vendor', { exact: true })).toHaveValue('azure');
  await expect(dash.getByRole('columnheader', { name: 'Severity' })).toHaveAttribute('aria-sort', 'ascending');
  await dash.getByRole('button', { name: 'Delete view' }).click();
  await expect(dash.getByLabel('Saved view', { exact: true }).locator('option')).toHaveText(['unsaved']);
});

test('case detail: vertical timeline, workspace, info pack, escalation reminder, status update and who to contact', async ({
  context,
  extensionId,
}) => {
  // Granted to every origin: Chromium refuses to name an extension origin here.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await visitDemoPortals(context, { zendeskDetail: true });
  const dash = await openDashboard(context, extensionId);
  await rowOf(dash, 'northwind.zendesk.com:48213').locator('.case-number').click();
  const detail = dash.getByTestId('case-detail');
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText('ZdNorthwind Fiber #48213');
  await expect(detail.getByRole('heading', { level: 2 })).toBeFocused();

  const history = detail.getByRole('list', { name: 'History of Northwind Fiber #48213' }).getByTestId('history-item');
  await expect(history.locator('.history-heading')).toContainText([
    'Case opened',
    'You wrote (Alex Example)',
    'Vendor wrote (Sam Support (Northwind))',
  ]);
  await expect(history.filter({ hasText: 'Vendor wrote' }).locator('.history-text')).toHaveText(
    'Could you power-cycle the ONT and send us the LED status?',
  );

  await detail.getByLabel('Notes (only for you)').fill('Ask for the RFO once fixed');
  await detail.getByLabel('Environment').fill('Site B, ONT model X-200, firmware 3.1');
  await detail.getByLabel('Steps to reproduce').fill('Ping 10.0.0.1 from Site B');
  await detail.getByLabel('Business impact').fill('Site B (40 staff) is offline');
  await detail.getByRole('button', { name: 'Copy info pack' }).click();
  await expect(detail.getByText('Info pack copied.')).toBeVisible();
  expect(await clipboard(dash)).toBe(
    'Northwind Fiber case 48213: Fiber link down at "Site B" & VPN flapping\n\nEnvironment:\nSite B, ONT model X-200, firmware 3.1\n\n' +
      'Steps to reproduce:\nPing 10.0.0.1 from Site B\n\nBusiness impact:\nSite B (40 staff) is offline',
  );

  // Escalate: the case waits on us since the last working day, overdue, so the escalation is flagged everywhere.
  await detail.getByLabel('Escalation level').fill('2');
  await detail.getByLabel('Escalation engineer or advocate').fill('Dana (duty manager)');
  await detail.getByRole('button', { name: 'Escalated just now' }).click();
  await detail.getByRole('button', { name: 'Save workspace' }).click();
  await expect(detail.getByText('Workspace saved.')).toBeVisible();
  // It waits on us: the advice is to answer, not to chase; the overdue reason is in the alerts below, once.
  await expect(detail.getByTestId('escalation-reminder')).toHaveText(
    'Escalated (level 2, Dana (duty manager)) and still overdue. It waits on your reply: answer the vendor before chasing Dana (duty manager).',
  );
  await expect(detail.getByText('waiting on you for 1 business day (limit 1 business day)')).toHaveCount(1);
  await expect(dash.getByTestId('escalation-reminders')).toContainText('Northwind Fiber #48213');
  await expect(history.last()).toContainText('Escalated: level 2, with Dana (duty manager)');

  const update = detail.getByRole('textbox', { name: 'Status update for your users' });
  const lines = (await update.inputValue()).split('\n');
  expect(lines.slice(0, 2)).toEqual([
    'Status update: Fiber link down at "Site B" & VPN flapping',
    `Reported to Northwind Fiber (case 48213) on ${demoDay('-1bd@09:15')}.`,
  ]);
  expect(lines).toContain('Where it stands: The vendor has asked us for information; we are working on it.');
  expect(lines).toContain('Impact: Site B (40 staff) is offline');
  expect(lines).toContain(`We escalated the case to level 2 on ${demoDay('today')}.`);
  expect(lines).toContain(`Last reply from the vendor: ${demoDay('-1bd@11:40')}.`);
  await expect(update).not.toHaveValue(/RFO/); // private notes stay private
  await detail.getByRole('button', { name: 'Copy status update' }).click();
  expect(await clipboard(dash)).toBe(await update.inputValue());

  // The promise of a next update, then the user's own words: what they copy is what they see.
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await detail.getByLabel('Next update by').fill(`${tomorrow}T12:00`);
  await expect(update).toHaveValue(
    /We will send the next update by \d+ \w+ \d{4}, 12:00 \S+, or sooner if anything changes\.$/,
  );
  await update.fill('Site B is still offline; the ISP asked us for the ONT lights and we sent them.');
  await detail.getByRole('button', { name: 'Copy status update' }).click();
  expect(await clipboard(dash)).toBe('Site B is still offline; the ISP asked us for the ONT lights and we sent them.');
  await detail.getByRole('button', { name: 'Rewrite from the case' }).click();
  await expect(update).toHaveValue(/^Status update: Fiber link down/);

  // The workspace is kept.
  await dash.reload();
  await rowOf(dash, 'northwind.zendesk.com:48213').locator('.case-number').click();
  await expect(dash.getByLabel('Notes (only for you)')).toHaveValue('Ask for the RFO once fixed');
  await expect(dash.getByLabel('Escalation level')).toHaveValue('2');

  // Who to contact: a help-center platform gets its portal's address, nothing invented.
  await expect(dash.getByLabel('Portal link')).toHaveValue('https://northwind.zendesk.com/');
  await expect(dash.getByLabel('Phone')).toHaveValue('');
  await expect(dash.getByLabel('Status page')).toHaveValue('');

  // Azure starts from its public status page; an edit is kept for every Azure case. Beside an open case
  // the table gives the Details button's room to the title: a click on the row opens another case.
  await rowOf(dash, 'azure:2610010040001234').locator('.case-number').click();
  await expect(dash.getByRole('heading', { name: 'Who to contact at Azure' })).toBeVisible();
  await expect(dash.getByLabel('Status page')).toHaveValue('https://azure.status.microsoft/');
  await expect(dash.getByRole('link', { name: 'Open the status page' })).toHaveAttribute(
    'href',
    'https://azure.status.microsoft/',
  );
  await dash.getByLabel('Phone').fill('+1 555 0100');
  await dash.getByLabel('Status page').fill('javascript:alert(1)');
  await dash.getByRole('button', { name: 'Save contact' }).click();
  await expect(dash.getByText('Not saved: statusPage: Expected an http(s) address or nothing')).toBeVisible();
  await dash.getByLabel('Status page').fill('https://azure.status.microsoft/en-us/status');
  await dash.getByRole('button', { name: 'Save contact' }).click();
  await expect(dash.getByText('Contact for Azure saved.')).toBeVisible();
  await rowOf(dash, 'azure:2609250010005678').locator('.case-number').click();
  await expect(dash.getByLabel('Phone')).toHaveValue('+1 555 0100');
  await expect(dash.getByTestId('case-detail')).toContainText('Phone +1 555 0100');
});

test('a case detail shows portal text as text: markup in a title, owner or message is never parsed', async ({
  context,
  extensionId,
}) => {
  // Strings of the hostile corpus on a routed Zendesk request page (tests/e2e/hostile.spec.ts takes the
  // whole corpus through the popup, the table and the print view).
  const markup = HOSTILE.filter((h) => ['script-tag', 'img-onerror', 'svg-onload', 'iframe-srcdoc'].includes(h.name));
  const id = 1000;
  await context.route('https://hostile.zendesk.com/**', (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body:
        new URL(route.request().url()).pathname === `/hc/en-us/requests/${id}`
          ? hostileZendeskDetail(markup, id, markup[0]!.value, markup[1]!.value)
          : hostileZendeskList(markup.slice(0, 1), id),
    }),
  );
  const portal = await context.newPage();
  await portal.goto('https://hostile.zendesk.com/hc/en-us/requests');
  const dash = await openDashboard(context, extensionId);
  await expect(rowOf(dash, `hostile.zendesk.com:${id}`)).toHaveCount(1);
  await portal.goto(`https://hostile.zendesk.com/hc/en-us/requests/${id}`);
  await rowOf(dash, `hostile.zendesk.com:${id}`).locator('.case-number').click();
  const detail = dash.getByTestId('case-detail');
  const texts = detail.getByTestId('history-item').locator('.history-text');
  for (const h of markup) await expect(texts.filter({ hasText: h.value })).toHaveCount(1);
  await expect(detail.getByRole('link', { name: markup[0]!.value })).toHaveCount(1);
  await expect(detail).toContainText(`Owner: ${markup[1]!.value}`);
  // Our own whose-move bar is the only SVG, and portal text reaches it only as <title> text.
  await expect(
    detail.locator('script, img, iframe, [onerror], [onload], svg:not([data-testid="ball-bar"] svg)'),
  ).toHaveCount(0);
  await expect(detail.getByTestId('ball-bar').locator('foreignObject, script, a, [onerror], [onload]')).toHaveCount(0);
  expect(await dash.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
});

test('cases at two vendors are linked into one incident with a merged timeline', async ({ context, extensionId }) => {
  await visitDemoPortals(context, { zendeskDetail: true });
  const dash = await openDashboard(context, extensionId);
  await dash.getByRole('checkbox', { name: 'Select Northwind Fiber #48213' }).check();
  await expect(dash.getByRole('button', { name: 'Link into a new incident' })).toBeDisabled();
  await dash.getByRole('checkbox', { name: 'Select Azure #2610010040001234' }).check();
  await expect(dash.getByTestId('selected-count')).toHaveText(
    '2 selected: Northwind Fiber #48213, Azure #2610010040001234',
  );
  await dash.getByLabel('Incident name').fill('Site B outage');
  await dash.getByRole('button', { name: 'Link into a new incident' }).click();

  const incident = dash.getByTestId('incident-detail');
  await expect(incident.getByRole('heading', { level: 2 })).toHaveText('Incident: Site B outage');
  const merged = incident.getByRole('list', { name: 'Merged history of Site B outage' }).getByTestId('history-item');
  const labels = await merged.locator('.history-case').allTextContents();
  expect(new Set(labels)).toEqual(new Set(['Northwind Fiber #48213', 'Azure #2610010040001234']));
  const times = await merged
    .locator('time')
    .evaluateAll((ts) => ts.map((t) => Date.parse(t.getAttribute('datetime')!)));
  expect(times).toEqual([...times].sort((a, b) => a - b));
  await expect(merged.filter({ hasText: 'Vendor wrote (Sam Support (Northwind))' })).toHaveCount(1);
  await expect(dash.getByTestId('selected-count')).toHaveCount(0);

  await expect(dash.getByTestId('incident')).toContainText('Site B outage');
  // The case detail links back to its incident.
  await incident.getByRole('button', { name: 'Azure #2610010040001234', exact: true }).click();
  await dash.getByTestId('case-detail').getByRole('button', { name: 'Site B outage' }).click();
  await incident.getByRole('button', { name: 'Unlink Northwind Fiber #48213' }).click();
  await expect(merged.locator('.history-case')).not.toContainText(['Northwind Fiber #48213']);
  await expect(dash.getByTestId('incident').locator('.chip')).toHaveText(['Azure #2610010040001234']);
});

test('the keyboard drives the dashboard: j/k, Enter for details, o to open, Escape, / and ?', async ({
  context,
  extensionId,
}) => {
  await visitDemoPortals(context, { zendeskDetail: true });
  const dash = await openDashboard(context, extensionId);
  const rows = dash.getByTestId('dashboard-row');
  await expect(rows).toHaveCount(9);
  await dash.keyboard.press('j');
  await dash.keyboard.press('j');
  await expect(rows.nth(1)).toBeFocused();
  await dash.keyboard.press('k');
  await expect(rows.nth(0)).toBeFocused();
  const key = await rows.nth(0).getAttribute('data-case-key');
  await dash.keyboard.press('Enter');
  await expect(dash.getByTestId('case-detail').getByRole('heading', { level: 2 })).toBeFocused();
  await expect(rowOf(dash, key!)).toHaveAttribute('aria-current', 'true');
  await dash.keyboard.press('Escape');
  await expect(dash.getByTestId('case-detail')).toHaveCount(0);
  await expect(rows.nth(0)).toBeFocused();
  const [tab] = await Promise.all([context.waitForEvent('page'), dash.keyboard.press('o')]);
  await expect(tab).toHaveURL('https://northwind.zendesk.com/hc/en-us/requests/48213');
  await tab.close();

  await dash.keyboard.press('/');
  await expect(dash.getByRole('searchbox', { name: 'Search' })).toBeFocused();
  await dash.keyboard.type('jk');
  await expect(dash.getByRole('searchbox', { name: 'Search' })).toHaveValue('jk');
  await dash.getByRole('searchbox', { name: 'Search' }).fill('');
  await dash.getByRole('heading', { level: 1 }).click();
  await dash.keyboard.press('?');
  await expect(dash.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Details of the case');
  await dash.keyboard.press('Escape');
  await expect(dash.getByRole('dialog')).toBeHidden();
});

test('2,000 cases and 50,000 events: a virtual table with full row semantics, search and keyboard', async ({
  context,
  extensionId,
}) => {
  const dash = await openDashboard(context, extensionId);
  await expect(dash.getByTestId('dashboard-count')).toHaveText('0 of 0 cases');
  await seedCases(dash, { cases: 2000, eventsPerCase: 25 });
  await expect(dash.getByTestId('dashboard-count')).toHaveText('2000 of 2000 cases');
  const table = dash.getByRole('table', { name: 'Case list' });
  await expect(table).toHaveAttribute('aria-rowcount', '2001');
  const rows = dash.getByTestId('dashboard-row');
  // Only the rows in view (plus a few) are in the DOM.
  expect(await rows.count()).toBeLessThan(60);

  // Scrolled to the end, the last row is there with its true position.
  await dash.getByTestId('case-table').evaluate((t) => t.parentElement!.scrollTo(0, t.parentElement!.scrollHeight));
  await expect(rows.last()).toHaveAttribute('aria-rowindex', '2001');
  expect(await rows.count()).toBeLessThan(60);

  // Search covers the 50,000 messages.
  const started = Date.now();
  await dash.getByRole('searchbox', { name: 'Search' }).fill('ref1234x7');
  await expect(rows).toHaveCount(1);
  console.log(`search over 50,000 messages answered in ${Date.now() - started} ms`);
  await expect(rows).toContainText('#901234');
  await dash.getByRole('searchbox', { name: 'Search' }).fill('');
  await expect(dash.getByTestId('dashboard-count')).toHaveText('2000 of 2000 cases');

  // The keyboard walks past the rendered window: rows are rendered and focused as it goes.
  await dash.getByTestId('case-table').evaluate((t) => t.parentElement!.scrollTo(0, 0));
  await dash.getByRole('heading', { level: 1 }).click();
  for (let i = 0; i < 80; i++) await dash.keyboard.press('j');
  const focused = dash.locator('[data-testid="dashboard-row"]:focus');
  await expect(focused).toHaveAttribute('aria-rowindex', '81');
  await expect(focused).toBeInViewport();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`dashboard (with case and incident detail) and settings have no serious accessibility violations (${colorScheme})`, async ({
    context,
    extensionId,
  }) => {
    await visitDemoPortals(context, { zendeskDetail: true });
    const dash = await openDashboard(context, extensionId);
    await dash.emulateMedia({ colorScheme });
    await expect(dash.getByTestId('dashboard-row')).toHaveCount(9);
    expect(await seriousViolations(dash)).toEqual([]);
    await rowOf(dash, 'northwind.zendesk.com:48213').locator('.case-number').click();
    await expect(dash.getByTestId('history-item').first()).toBeVisible();
    expect(await seriousViolations(dash)).toEqual([]);
    await dash.getByRole('checkbox', { name: 'Select Northwind Fiber #48213' }).check();
    await dash.getByRole('checkbox', { name: 'Select Azure #2610010040001234' }).check();
    await dash.getByRole('button', { name: 'Link into a new incident' }).click();
    await expect(dash.getByTestId('incident-detail')).toBeVisible();
    expect(await seriousViolations(dash)).toEqual([]);

    const options = await context.newPage();
    await options.emulateMedia({ colorScheme });
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.getByRole('heading', { name: 'Caseradar settings' })).toBeVisible();
    expect(await seriousViolations(options)).toEqual([]);
  });
}

test('a row menu and the bulk bar: snooze ticked cases to a menu choice or a picked day, export, delete', async ({
  context,
  extensionId,
  openPopup,
}) => {
  // Before any visit the empty table says how cases arrive, not that a search found nothing.
  const first = await openDashboard(context, extensionId);
  await expect(first.getByTestId('table-empty')).toHaveText(/^No cases yet\. Visit a support portal/);
  await first.close();

  await visitDemoPortals(context);
  const dash = await openDashboard(context, extensionId);
  await expect(dash.getByTestId('dashboard-count')).toHaveText('9 of 9 cases');

  // One case, from its row's menu (keyboard-operable: Radix's menu pattern).
  await dash.getByRole('button', { name: 'Actions for Northwind Fiber #48001' }).click();
  await dash.getByRole('menuitem', { name: 'Snooze 1 week' }).click();
  await expect(dash.getByTestId('action-notice')).toHaveText(
    /^Snoozed Northwind Fiber #48001 until \d+ \w+ \d{4}, \d\d:\d\d /,
  );

  // Two ticked cases, snoozed until a picked day: that day's first working hour, in the user's zone.
  await rowOf(dash, 'azure:2610010040001234').getByRole('checkbox').check();
  await rowOf(dash, 'azure:2609250010005678').getByRole('checkbox').check();
  const bulk = dash.getByRole('group', { name: 'Actions on the 2 selected cases' });
  const day = await dash.evaluate(() => {
    const d = new Date(Date.now() + 9 * 86_400_000);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  await bulk.getByLabel('Snooze until the day').fill(day);
  await bulk.getByRole('button', { name: 'Snooze until then' }).click();
  await expect(dash.getByTestId('action-notice')).toHaveText(/^Snoozed 2 cases until .+, 09:00 /);

  // The popup hides all three: they wait until their time, or until the vendor acts.
  const popup = await openPopup();
  await expect(popup.getByText('show snoozed (3)')).toBeVisible();
  await expect(popup.locator('[data-case-key="azure:2610010040001234"]')).toHaveCount(0);

  // Export the ticked cases, then delete them (after a confirmation).
  const [download] = await Promise.all([
    dash.waitForEvent('download'),
    bulk.getByRole('button', { name: 'Export (CSV)' }).click(),
  ]);
  const csv = await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8');
  expect(csv.trim().split('\n')).toHaveLength(3); // a header and the two cases
  await bulk.getByRole('button', { name: 'Delete…' }).click();
  await expect(dash.getByTestId('dashboard-count')).toHaveText('7 of 7 cases');
  await expect(dash.getByTestId('action-notice')).toHaveText('Deleted 2 cases.');
  await expect(bulk).toHaveCount(0);
});
