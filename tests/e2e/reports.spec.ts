import { readFileSync } from 'node:fs';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expect, test } from './extension';
import { seedCases, seriousViolations, tourDemoPortals } from './ui-seed';

async function openReports(context: BrowserContext, extensionId: string, hash = ''): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`chrome-extension://${extensionId}/reports.html${hash}`);
  return page;
}

const laneOf = (page: Page, caseKey: string) => page.locator(`[data-testid="radar-lane"][data-case-key="${caseKey}"]`);
/** The lane of a case, scrolled to: only the lanes in view are in the page. */
async function scrollToLane(page: Page, caseKey: string): Promise<Locator> {
  const lane = laneOf(page, caseKey);
  const list = page.getByTestId('radar-lanes');
  await list.evaluate((el) => el.scrollTo(0, 0));
  for (let i = 0; i < 50 && (await lane.count()) === 0; i++) await list.evaluate((el) => el.scrollBy(0, 300));
  await lane.scrollIntoViewIfNeeded();
  return lane;
}
/** The radar once every case's history is read (until then only the lanes in view are drawn in full). */
const radarComplete = (page: Page) =>
  expect(page.getByTestId('radar-window')).not.toContainText('reading the history', { timeout: 20_000 });
const titleOf = (el: Locator) => el.locator(':scope > title').textContent();
/** The number a bar's tooltip says: "AWS: 14.5 business hours" → "14.5". */
const numberIn = (title: string | null) => /: ([\d.<\s]+|—)/.exec(title ?? '')?.[1]?.trim();
const download = async (page: Page, click: () => Promise<void>) => {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), body: readFileSync((await file.path())!) };
};

test('radar: lanes by vendor with marks on one time axis; zoom changes the axis; a lane opens its case', async ({
  context,
  extensionId,
}) => {
  await tourDemoPortals(context);
  const page = await openReports(context, extensionId);
  await expect(page.getByRole('tab', { name: 'Radar' })).toHaveAttribute('aria-selected', 'true');
  await radarComplete(page);

  // Grouped by vendor portal, named as everywhere else, by name.
  await expect(page.getByTestId('radar-vendor').first()).toHaveText(/^JSAcme IT\d+ cases?$/);
  const vendors = await page.getByTestId('radar-table').locator('tbody th').allTextContents();
  expect(vendors).toEqual([...vendors].sort((a, b) => a.localeCompare(b)));
  expect(vendors).toEqual(expect.arrayContaining(['Azure', 'AWS', 'Northwind Fiber', 'Google Cloud']));

  // The urgent Zendesk case: the vendor wrote on the last working day, and it is past waiting on you.
  const urgent = await scrollToLane(page, 'northwind.zendesk.com:48213');
  await expect(urgent).toHaveAccessibleName(/^#48213 Fiber link down at "Site B" & VPN flapping — Northwind Fiber\./);
  const vendorMark = urgent.locator('path.mark-vendor-message').last();
  expect(await titleOf(vendorMark)).toMatch(/^Vendor message: \d+ \w+ \d{4}, \d\d:\d\d \S+$/);
  await expect(urgent.locator('path.mark-your-message')).not.toHaveCount(0);
  expect(await titleOf(urgent.getByTestId('over-limit').last())).toMatch(/^Past the waiting-on-you limit: .* – now$/);

  // Zoom: the axis and the stated window follow.
  const ticks = () => page.getByTestId('radar-tick').allTextContents();
  const at30 = await ticks();
  const window30 = await page.getByTestId('radar-window').textContent();
  await page.getByRole('button', { name: '7 days', exact: true }).click();
  await expect(page.getByRole('button', { name: '7 days', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('radar-window')).not.toHaveText(window30!);
  await radarComplete(page);
  expect(await ticks()).not.toEqual(at30);
  await page.getByRole('button', { name: 'All', exact: true }).click();
  await radarComplete(page);
  const allCount = Number(/^(\d+) cases/.exec((await page.getByTestId('radar-window').textContent())!)?.[1]);
  expect(allCount).toBeGreaterThanOrEqual(Number(/^(\d+) cases/.exec(window30!)?.[1]));

  // The table alternative counts what the lanes show.
  await page.getByText('The radar as a table').click();
  const table = page.getByTestId('radar-table').getByRole('table');
  const azureCases = /(\d+) cases?$/.exec(
    (await page.getByTestId('radar-vendor').filter({ hasText: 'Azure' }).textContent())!,
  );
  await expect(table.locator('tr[data-key="azure"] td').first()).toHaveText(azureCases![1]!);

  // A lane is a link to its case.
  await page.getByRole('button', { name: '30 days' }).click();
  await radarComplete(page);
  await (await scrollToLane(page, 'northwind.zendesk.com:48213')).click();
  await expect(page).toHaveURL(/\/dashboard\.html#case=northwind\.zendesk\.com%3A48213$/);
  await expect(page.getByRole('heading', { name: 'Caseradar — all cases' })).toBeVisible();
  // The dashboard opens that case's details, its whose-move bar first.
  await expect(page.getByRole('heading', { name: 'Whose move, over time' })).toBeVisible();
  await expect(page.getByTestId('case-detail').locator('#detail-title')).toContainText('#48213');

  // Keyboard: one lane in the tab order, arrows move, Enter opens.
  await page.goBack();
  await radarComplete(page);
  const lanes = page.getByTestId('radar-lane');
  await page.getByRole('button', { name: 'All', exact: true }).focus();
  await page.keyboard.press('Tab');
  await expect(lanes.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(lanes.nth(1)).toBeFocused();
  const key = await lanes.nth(1).getAttribute('data-case-key');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#case=${encodeURIComponent(key!).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
});

test('vendor scorecard: table beside charts with the same numbers, CSV, SVG and PNG, print', async ({
  context,
  extensionId,
}) => {
  await tourDemoPortals(context);
  const page = await openReports(context, extensionId);
  await page.getByRole('tab', { name: 'Vendor scorecard' }).click();
  await expect(page).toHaveURL(/#scorecard$/);
  const table = page.getByTestId('scorecard-table');
  await expect(table.getByRole('caption')).toContainText('Vendor scorecard, last 30 days');
  const cell = (portal: string, column: string) =>
    table.locator(`tr[data-key="${portal}"] td[data-column="${column}"]`);
  await expect(table.locator('tr[data-key="azure"] th')).toHaveText('Azure');

  // Each bar's tooltip says the number its vendor's table cell says, for every vendor and chart.
  const charts: [string, string][] = [
    ['first-response', 'medianFirstResponseHours'],
    ['reply-time', 'medianReplyHours'],
    ['waiting-share', 'vendorShare'],
  ];
  for (const [chart, column] of charts) {
    const bars = page.getByTestId(`chart-${chart}`).getByTestId('bar');
    expect(await bars.count()).toBe(await table.locator('tbody tr').count());
    for (const bar of await bars.all()) {
      const portal = (await bar.getAttribute('data-key'))!;
      const said = await titleOf(bar);
      const shown = (await cell(portal, column).textContent())!;
      if (shown === '—') expect(said).toMatch(/no data|no time counted/);
      else expect(numberIn(said)).toBe(shown.replace('%', ''));
    }
  }
  // A vendor that answered: its bar is drawn and its chart's own table agrees.
  const firstResponse = page.getByTestId('chart-first-response');
  await firstResponse.getByText('Median first response: the numbers as a table').click();
  const aws = firstResponse.locator('tr[data-key="aws"] td');
  await expect(aws).toHaveText((await cell('aws', 'medianFirstResponseHours').textContent())!);
  expect(await firstResponse.locator('[data-testid="bar"][data-key="aws"] rect').count()).toBe(1);

  // Opened and closed per month: the bars' values and the table's cells.
  const months = page.getByTestId('chart-per-month');
  await months.getByText('Opened and closed per month: the numbers as a table').click();
  for (const row of await months.locator('tbody tr').all()) {
    const month = await row.getAttribute('data-key');
    const [opened, closed] = await row.locator('td').allTextContents();
    await expect(months.locator(`[data-testid="bar"][data-key="${month}:opened"]`)).toHaveAttribute(
      'data-value',
      opened!,
    );
    await expect(months.locator(`[data-testid="bar"][data-key="${month}:closed"]`)).toHaveAttribute(
      'data-value',
      closed!,
    );
  }
  const openedTotal = (await months.locator('tbody tr td:nth-of-type(1)').allTextContents()).reduce(
    (n, v) => n + Number(v),
    0,
  );
  const openedInTable = (await table.locator('td[data-column="opened"]').allTextContents()).reduce(
    (n, v) => n + Number(v),
    0,
  );
  expect(openedTotal).toBe(openedInTable);

  // The period: a longer one never has fewer cases opened.
  await page.getByRole('combobox', { name: 'Period' }).selectOption('365');
  await expect(table.getByRole('caption')).toContainText('last 365 days');
  const opened365 = (await table.locator('td[data-column="opened"]').allTextContents()).reduce(
    (n, v) => n + Number(v),
    0,
  );
  expect(opened365).toBeGreaterThanOrEqual(openedInTable);
  await page.getByRole('combobox', { name: 'Period' }).selectOption('30');

  // CSV: the table's rows, raw numbers, formula-safe (unit-tested), named for the period.
  const csv = await download(page, () => page.getByRole('button', { name: 'Export table as CSV' }).click());
  expect(csv.name).toMatch(/^caseradar-scorecard-30d-.*\.csv$/);
  const lines = csv.body.toString('utf8').trim().split(/\r?\n/);
  expect(lines[0]).toMatch(/^Vendor,Portal,Open at end,Opened,Closed,Median first response \(business h\),/);
  expect(lines).toHaveLength((await table.locator('tbody tr').count()) + 1);
  expect(lines.some((l) => l.startsWith('Azure,azure,'))).toBe(true);

  // Each chart as SVG (colours written in) and PNG.
  const svg = await download(page, () =>
    page.getByRole('button', { name: 'Download Median first response as SVG' }).click(),
  );
  expect(svg.name).toMatch(/^caseradar-median-first-response-.*\.svg$/);
  const svgText = svg.body.toString('utf8');
  expect(svgText).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(svgText).toContain('<title>Median first response</title>');
  expect(svgText).not.toContain('var(--');
  const png = await download(page, () =>
    page.getByRole('button', { name: 'Download Time waiting on the vendor vs on you as PNG' }).click(),
  );
  expect(png.body.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

  // Print: the button prints; the printed page is the scorecard without tabs or buttons.
  await page.evaluate(() => {
    window.print = () => document.body.setAttribute('data-printed', 'true');
  });
  await page.getByRole('button', { name: 'Print monthly report' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'true');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('tablist')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Export table as CSV' })).toBeHidden();
  await expect(page.getByText(/^Caseradar vendor report — last 30 days/)).toBeVisible();
  await expect(table).toBeVisible();
  await expect(page.getByTestId('chart-per-month').locator('svg.chart-svg')).toBeVisible();
});

test('open-case age: bars per vendor and age with a table of the same counts', async ({ context, extensionId }) => {
  await tourDemoPortals(context);
  const page = await openReports(context, extensionId, '#age');
  await expect(page.getByRole('tab', { name: 'Open-case age' })).toHaveAttribute('aria-selected', 'true');
  const chart = page.getByTestId('chart-open-age');
  await chart.getByText('Open cases by age: the numbers as a table').click();
  const table = page.getByTestId('age-table');
  let total = 0;
  for (const row of await table.locator('tbody tr').all()) {
    const portal = await row.getAttribute('data-key');
    const vendor = await row.locator('th').textContent();
    for (const cell of await row.locator('td[data-bucket]').all()) {
      const bucket = await cell.getAttribute('data-bucket');
      const count = (await cell.textContent())!;
      const bar = chart.locator(`[data-testid="bar"][data-key="${portal}:${bucket}"]`);
      await expect(bar).toHaveAttribute('data-value', count);
      expect(await titleOf(bar)).toMatch(
        new RegExp(`^${vendor!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, .*: ${count} open cases?$`),
      );
      total += Number(count);
    }
  }
  // The demo's 35 open cases, every one in a bucket.
  expect(total).toBe(35);
  await expect(chart.locator('figcaption')).toContainText('35 open cases');
});

test('2,000 cases and 50,000 events: only the lanes in view are drawn; End reaches the last lane', async ({
  context,
  extensionId,
}) => {
  const page = await openReports(context, extensionId);
  await expect(page.getByText('No case was open in this window.')).toBeVisible();
  await seedCases(page, { cases: 2000, eventsPerCase: 25 });
  await radarComplete(page);
  // Every case opened 6 to 40 days ago (tests/e2e/ui-seed.ts): all of them are in the window of 90 days.
  await page.getByRole('button', { name: '90 days' }).click();
  await radarComplete(page);
  await expect(page.getByTestId('radar-window')).toContainText(/^2000 cases from/);
  expect(await page.getByTestId('radar-lane').count()).toBeLessThan(80);
  await page.getByRole('button', { name: 'All', exact: true }).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('End');
  const last = page.locator('[data-testid="radar-lane"]:focus');
  await expect(last).toBeInViewport();
  // The last vendor by name is Google Cloud (GCP: every fifth case), its newest case last.
  await expect(last).toHaveAccessibleName(/^#\d+ .* — Google Cloud\./);
  expect(await page.getByTestId('radar-lane').count()).toBeLessThan(80);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`reports have no serious accessibility violations (${colorScheme})`, async ({ context, extensionId }) => {
    await tourDemoPortals(context);
    const page = await openReports(context, extensionId);
    await page.emulateMedia({ colorScheme });
    await radarComplete(page);
    await page.getByText('The radar as a table').click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Vendor scorecard' }).click();
    await expect(page.getByTestId('scorecard-table')).toBeVisible();
    for (const summary of await page.locator('.chart-table summary').all()) await summary.click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Open-case age' }).click();
    await page.getByText('Open cases by age: the numbers as a table').click();
    expect(await seriousViolations(page)).toEqual([]);
  });
}
