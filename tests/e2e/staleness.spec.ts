import type { Page, Worker } from '@playwright/test';
import { DEMO_URLS, fixture, fulfilHtml } from '../../scripts/demo-portals';
import { expect, test } from './extension';

// One Azure ticket, last modified Friday 2026-10-02 10:20 UTC: on Thursday 2026-10-08 the vendor has
// been quiet for 4 business days (Mon–Thu), past the default limit of 3 for a normal case.
const TICKET_ID = '2610010040001234';
const ticketBody = (modifiedDate: string) => {
  const list = JSON.parse(fixture('azure/list.json')) as { value: { properties: Record<string, unknown> }[] };
  const ticket = list.value[0]!;
  return JSON.stringify({ value: [{ ...ticket, properties: { ...ticket.properties, modifiedDate } }] });
};

async function routeAzure(page: Page, modifiedDate: string) {
  await page.context().route('https://portal.azure.com/**', (route) => fulfilHtml(route, 'azure/portal.html'));
  await page.context().route(/management\.azure\.com/, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body: ticketBody(modifiedDate) }));
}

/** Runs a sweep as our own page would, with the clock injected. */
const sweepAt = (popup: Page, now: string) =>
  popup.evaluate((n) => chrome.runtime.sendMessage({ name: 'ui:sweep', payload: { now: n } }), now);

const notifications = (worker: Worker) =>
  worker.evaluate(async () => Object.keys(await (globalThis as unknown as { chrome: typeof chrome }).chrome.notifications.getAll()));

declare const chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> }; notifications: { getAll: () => Promise<Record<string, unknown>> } };

test('a quiet case notifies once, shows overdue, hides while snoozed and resurfaces when the vendor acts', async ({ context, worker, openPopup }) => {
  const portal = await context.newPage();
  await routeAzure(portal, '2026-10-02T10:20:30Z');
  await portal.goto(DEMO_URLS.azurePortal);
  const popup = await openPopup();
  const row = popup.getByTestId('case-row').filter({ hasText: `#${TICKET_ID}` });
  await expect(row).toBeVisible();

  // The clock says Thursday 2026-10-08: quiet 4 business days.
  await sweepAt(popup, '2026-10-08T12:00:00.000Z');
  await sweepAt(popup, '2026-10-08T12:15:00.000Z');
  await expect.poll(() => notifications(worker)).toHaveLength(1);
  const [id] = await notifications(worker);
  expect(id).toContain(`azure:${TICKET_ID}|vendor-quiet|`);
  await expect(row.getByTestId('overdue')).toBeVisible();
  await expect(row.getByTestId('alert')).toContainText(/vendor quiet for \d+ business days \(limit 3\)/);

  // Snooze until the vendor acts: the row leaves the timeline.
  await row.getByText('Snooze').click();
  await row.getByRole('button', { name: 'Done until the vendor acts' }).click();
  await expect(row).toHaveCount(0);
  await expect(popup.getByText('show snoozed (1)')).toBeVisible();

  // Later sweeps do not bring it back while the vendor stays quiet.
  await sweepAt(popup, '2026-10-09T12:00:00.000Z');
  await expect(row).toHaveCount(0);
  expect(await notifications(worker)).toHaveLength(1);

  // The vendor updates the ticket; we observe it on the next portal visit: the case resurfaces.
  await context.unroute(/management\.azure\.com/);
  await routeAzure(portal, new Date().toISOString());
  await portal.reload();
  await expect(row).toBeVisible();
  await expect(row.getByTestId('overdue')).toHaveCount(0);
});

test('a snooze for a time hides the case until it ends, then it notifies again', async ({ context, worker, openPopup }) => {
  const portal = await context.newPage();
  await routeAzure(portal, '2026-10-02T10:20:30Z');
  await portal.goto(DEMO_URLS.azurePortal);
  const popup = await openPopup();
  const row = popup.getByTestId('case-row').filter({ hasText: `#${TICKET_ID}` });
  await expect(row.getByTestId('overdue')).toBeVisible();
  await expect.poll(() => notifications(worker)).toHaveLength(1);
  await worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { notifications: { getAll: () => Promise<object>; clear: (id: string) => Promise<boolean> } } }).chrome;
    for (const id of Object.keys(await c.notifications.getAll())) await c.notifications.clear(id);
  });

  await row.getByText('Snooze').click();
  await row.getByRole('button', { name: '1 week' }).click();
  await expect(row).toHaveCount(0);

  // Eight days later the snooze has ended: the case is back and notifies once more.
  const later = new Date(Date.now() + 8 * 86_400_000).toISOString();
  await sweepAt(popup, later);
  await expect.poll(() => notifications(worker)).toHaveLength(1);
  expect(await popup.evaluate(() => document.body.textContent)).toContain('show snoozed (0)');
});

test('the options page saves thresholds and refuses invalid ones with a clear message', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.getByLabel('Normal amount').fill('5');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved.');
  await page.reload();
  await expect(page.getByLabel('Normal amount')).toHaveValue('5');

  await page.getByLabel('Time zone').fill('Mars/Olympus');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toContainText('Not saved: timeZone: Expected an IANA time zone');
});
