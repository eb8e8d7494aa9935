import type { Page, Worker } from '@playwright/test';
import { setHours, startOfDay, subDays } from 'date-fns';
import { DEMO_URLS, fixture, fulfilHtml } from '../../scripts/demo-portals';
import { expect, test } from './extension';

/**
 * The one clock of these tests: the real now (the popup and the worker's own sweeps use it), with
 * every other time derived from it. One Azure ticket, last modified at noon two weeks ago by the local
 * calendar (the browser runs in this process's time zone): whatever the weekday, that is exactly 10
 * business days of vendor silence (Monday–Friday, no holidays by default), past the limit of 3 for a
 * normal case.
 */
const NOW = Date.now();
const iso = (ms: number) => new Date(ms).toISOString();
const TWO_WEEKS_AGO = setHours(startOfDay(subDays(new Date(NOW), 14)), 12).toISOString();
const HOUR_MS = 3_600_000;
const TICKET_ID = '2610010040001234';
/** The ticket, opened (with its SLA window) the day before its last modification. */
const ticketBody = (modifiedDate: string) => {
  const list = JSON.parse(fixture('azure/list.json')) as { value: { properties: Record<string, unknown> }[] };
  const ticket = list.value[0]!;
  const opened = iso(Date.parse(modifiedDate) - 24 * HOUR_MS);
  const serviceLevelAgreement = {
    startTime: opened,
    expirationTime: iso(Date.parse(opened) + 8 * HOUR_MS),
    slaMinutes: 480,
  };
  return JSON.stringify({
    value: [
      { ...ticket, properties: { ...ticket.properties, createdDate: opened, serviceLevelAgreement, modifiedDate } },
    ],
  });
};

async function routeAzure(page: Page, modifiedDate: string) {
  await page.context().route('https://portal.azure.com/**', (route) => fulfilHtml(route, 'azure/portal.html'));
  await page.context().route(/management\.azure\.com/, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': '*' },
      body: ticketBody(modifiedDate),
    }),
  );
}

/** Runs a sweep as our own page would, with the clock injected. */
const sweepAt = (popup: Page, now: string) =>
  popup.evaluate((n) => chrome.runtime.sendMessage({ name: 'ui:sweep', payload: { now: n } }), now);

const notifications = (worker: Worker) =>
  worker.evaluate(async () =>
    Object.keys(await (globalThis as unknown as { chrome: typeof chrome }).chrome.notifications.getAll()),
  );

declare const chrome: {
  runtime: { sendMessage: (m: unknown) => Promise<unknown> };
  notifications: { getAll: () => Promise<Record<string, unknown>> };
};

test('a quiet case notifies once, shows overdue, hides while snoozed and resurfaces when the vendor acts', async ({
  context,
  worker,
  openPopup,
}) => {
  const portal = await context.newPage();
  await routeAzure(portal, TWO_WEEKS_AGO);
  await portal.goto(DEMO_URLS.azurePortal);
  const popup = await openPopup();
  const row = popup.getByTestId('case-row').filter({ hasText: `#${TICKET_ID}` });
  await expect(row).toBeVisible();

  // The sweep after the read, and the next ones a quarter of an hour apart, notify it once.
  await sweepAt(popup, iso(NOW + HOUR_MS / 4));
  await sweepAt(popup, iso(NOW + HOUR_MS / 2));
  await expect.poll(() => notifications(worker)).toHaveLength(1);
  const [id] = await notifications(worker);
  expect(id).toBe(`azure:${TICKET_ID}|vendor-quiet||${TWO_WEEKS_AGO}`);
  await expect(row.getByTestId('overdue')).toBeVisible();
  await expect(row.getByTestId('alert')).toHaveText('vendor quiet for 10 business days (limit 3 business days)');

  // Snooze until the vendor acts: the row leaves the timeline.
  await row.getByText('Snooze').click();
  await row.getByRole('button', { name: 'Done until the vendor acts' }).click();
  await expect(row).toHaveCount(0);
  await expect(popup.getByText('show snoozed (1)')).toBeVisible();

  // Later sweeps do not bring it back while the vendor stays quiet.
  await sweepAt(popup, iso(NOW + 24 * HOUR_MS));
  await expect(row).toHaveCount(0);
  expect(await notifications(worker)).toHaveLength(1);

  // The vendor updates the ticket; we observe it on the next portal visit: the case resurfaces.
  await context.unroute(/management\.azure\.com/);
  await routeAzure(portal, iso(Date.now()));
  await portal.reload();
  await expect(row).toBeVisible();
  await expect(row.getByTestId('overdue')).toHaveCount(0);
});

test('a snooze for a time hides the case until it ends, then it notifies again', async ({
  context,
  worker,
  openPopup,
}) => {
  const portal = await context.newPage();
  await routeAzure(portal, TWO_WEEKS_AGO);
  await portal.goto(DEMO_URLS.azurePortal);
  const popup = await openPopup();
  const row = popup.getByTestId('case-row').filter({ hasText: `#${TICKET_ID}` });
  await expect(row.getByTestId('overdue')).toBeVisible();
  await expect.poll(() => notifications(worker)).toHaveLength(1);
  await worker.evaluate(async () => {
    const c = (
      globalThis as unknown as {
        chrome: { notifications: { getAll: () => Promise<object>; clear: (id: string) => Promise<boolean> } };
      }
    ).chrome;
    for (const id of Object.keys(await c.notifications.getAll())) await c.notifications.clear(id);
  });

  await row.getByText('Snooze').click();
  await row.getByRole('button', { name: '1 week' }).click();
  await expect(row).toHaveCount(0);

  // Eight days later the snooze has ended: the case is back and notifies once more.
  await sweepAt(popup, iso(Date.now() + 8 * 24 * HOUR_MS));
  await expect.poll(() => notifications(worker)).toHaveLength(1);
  expect(await popup.evaluate(() => document.body.textContent)).toContain('show snoozed (0)');
});

test('the options page saves thresholds and refuses invalid ones with a clear message', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.getByLabel('Normal amount').fill('5');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('Saved.');
  await page.reload();
  await expect(page.getByLabel('Normal amount')).toHaveValue('5');

  // The zone is picked from the browser's own list; a working day that ends before it starts is refused
  // in the words the page uses.
  await page.getByLabel('Time zone').selectOption('America/New_York');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('Saved.');
  await page.reload();
  await expect(page.getByLabel('Time zone')).toHaveValue('America/New_York');
  await page.getByLabel('Working hours from').fill('18:00');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(
    'Not saved: Working hours: Expected the working day to end after it starts',
  );
});
