/**
 * Restore and bad rows, in Chromium (issue 19, items 1 and 2): a backup cannot plant a background
 * refresh of an address of its choosing, a backup with a malformed time is refused with its row named,
 * and a bad row already in the store (written before restore checked times) leaves every page usable.
 */
import type { Page } from '@playwright/test';
import { readTables, sendFromPage } from '../helpers/extension-e2e';
import { expect, test } from './extension';

const NOW = Date.now();
const iso = (ms: number) => new Date(ms).toISOString();
const HOUR = 3_600_000;

/** A stored case as the store holds it, on Northwind's help center, read an hour ago. */
const storedCase = (id: string, over: Record<string, unknown> = {}) => ({
  key: `northwind.zendesk.com:${id}`,
  portal: 'northwind.zendesk.com',
  provider: 'zendesk',
  vendorName: 'Northwind Fiber',
  caseId: id,
  title: `Mailbox migration stuck (${id})`,
  vendorStatus: 'Open',
  state: 'open',
  severity: 'normal',
  vendorSeverity: 'Normal',
  createdAt: iso(NOW - 48 * HOUR),
  updatedAt: iso(NOW - 24 * HOUR),
  url: `https://northwind.zendesk.com/hc/en-us/requests/${id}`,
  owner: null,
  firstSeenAt: iso(NOW - 48 * HOUR),
  lastObservedAt: iso(NOW - HOUR),
  observedVia: 'https://northwind.zendesk.com/hc/en-us/requests',
  observedHow: 'visit',
  lastVendorMessageAt: null,
  lastCustomerMessageAt: null,
  messageCount: 0,
  vendorRef: null,
  sla: null,
  ...over,
});

const EMPTY_TABLES = {
  cases: [],
  events: [],
  portals: [],
  snoozes: [],
  firedAlerts: [],
  settings: [],
  workspaces: [],
  incidents: [],
  contacts: [],
  trackedOrigins: [],
  recipes: [],
  refresh: [],
  vendors: [],
};
const backupFile = (tables: Partial<Record<keyof typeof EMPTY_TABLES, unknown[]>>) => ({
  name: 'caseradar-backup.json',
  mimeType: 'application/json',
  buffer: Buffer.from(
    JSON.stringify({
      format: 'caseradar-backup',
      version: 3,
      createdAt: iso(NOW),
      tables: { ...EMPTY_TABLES, ...tables },
    }),
  ),
});

/** Puts rows straight into the store, as an older version of Caseradar could have left them. */
function putRows(page: Page, table: string, rows: unknown[]): Promise<void> {
  return page.evaluate(
    ({ table, rows }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('caseradar');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          // Before the page's own store has opened there is no table to write to: say so, never hang.
          if (!open.result.objectStoreNames.contains(table)) {
            open.result.close();
            reject(new Error(`Expected the store's ${table} table, found none: open the page's store first`));
            return;
          }
          const tx = open.result.transaction(table, 'readwrite');
          for (const row of rows) tx.objectStore(table).put(row);
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    { table, rows },
  );
}

test('a backup cannot plant a background refresh: schedules come back only for our own portals, paused', async ({
  context,
  extensionId,
}) => {
  const planted: string[] = [];
  await context.route(
    /^http:\/\/127\.0\.0\.1:9999\//,
    (route) => (planted.push(route.request().url()), route.fulfill({ status: 200, body: 'ok' })),
  );
  const dash = await context.newPage();
  await dash.goto(`chrome-extension://${extensionId}/dashboard.html`);
  const schedule = (provider: string, origin: string, url: string) => ({
    key: `${provider}|${origin}`,
    provider,
    origin,
    enabled: true,
    intervalMinutes: 5,
    url,
    nextAt: iso(NOW - HOUR),
    consecutiveFailures: 0,
    pausedReason: null,
    lastAttemptAt: null,
    lastOutcome: null,
    inFlightSince: null,
    tabId: null,
  });
  await dash.getByLabel('Restore from a backup').setInputFiles(
    backupFile({
      cases: [storedCase('48213')],
      refresh: [
        schedule('custom', 'http://127.0.0.1:9999', 'http://127.0.0.1:9999/account/delete?confirm=1'),
        schedule('azure', 'https://portal.azure.com', 'http://127.0.0.1:9999/account/delete?confirm=1'),
      ],
    }),
  );
  const plan = dash.getByTestId('restore-plan');
  await expect(plan).toContainText('Merge: adds 1 cases and 0 events');
  // The Azure console's schedule comes back (it needs no grant), at the console's own address, paused.
  await expect(plan).toContainText('Merge also adds: 1 background refresh schedules (paused until you turn them on).');
  await dash.getByRole('button', { name: 'Merge' }).click();
  await expect(dash.getByRole('status')).toHaveText('Restored (merge).');

  const { refresh } = (await readTables(dash, ['refresh'])) as {
    refresh: { key: string; url: string; enabled: boolean }[];
  };
  expect(refresh.map((s) => [s.key, s.url, s.enabled])).toEqual([
    [
      'azure|https://portal.azure.com',
      'https://portal.azure.com/#view/Microsoft_Azure_Support/HelpAndSupportBlade/~/overview',
      false,
    ],
  ]);
  // "Refresh now" for every portal: nothing runs, and nothing reaches the planted address.
  expect(await sendFromPage(dash, { name: 'ui:refresh-now', payload: {} })).toEqual({ ok: [] });
  await dash.waitForTimeout(500);
  expect(planted).toEqual([]);
});

test('a backup with a malformed time is refused with its row named, and nothing changes', async ({
  context,
  extensionId,
}) => {
  const dash = await context.newPage();
  await dash.goto(`chrome-extension://${extensionId}/dashboard.html`);
  await dash.getByLabel('Restore from a backup').setInputFiles(
    backupFile({
      cases: [storedCase('48213'), storedCase('48214', { lastObservedAt: 'soon' })],
    }),
  );
  await expect(dash.getByRole('status')).toHaveText(
    'Reading the backup failed: Invalid backup at cases row 2 ("northwind.zendesk.com:48214"), field lastObservedAt: Expected an ISO-8601 time with a zone',
  );
  await expect(dash.getByTestId('restore-plan')).toHaveCount(0);
  expect((await readTables(dash, ['cases'])).cases).toEqual([]);
});

test('a bad row already in the store blanks no page: it says what failed, the rest and the backup stay usable', async ({
  context,
  extensionId,
  openPopup,
}) => {
  const dash = await context.newPage();
  await dash.goto(`chrome-extension://${extensionId}/dashboard.html`);
  // The dashboard has opened (and so created) the store once it counts its cases.
  await expect(dash.getByTestId('dashboard-count')).toBeVisible();
  await putRows(dash, 'cases', [
    storedCase('48213'),
    storedCase('48214', { lastObservedAt: 'soon', title: 'Broken row' }),
  ]);

  const popup = await openPopup();
  await expect(popup.getByTestId('case-row')).toHaveCount(1);
  await expect(popup.getByTestId('case-row')).toContainText('#48213');
  await expect(popup.getByTestId('render-error')).toHaveText('Case 48214 could not be shown (Invalid time value).');

  await dash.reload();
  await expect(dash.getByTestId('dashboard-count')).toHaveText('2 of 2 cases');
  await expect(dash.locator('[data-case-key="northwind.zendesk.com:48213"]')).toContainText(
    'Mailbox migration stuck (48213)',
  );
  await expect(dash.getByTestId('render-error')).toHaveText('Case 48214 could not be shown (Invalid time value).');
  // The way out: a backup of everything, bad row included, still downloads.
  const [download] = await Promise.all([
    dash.waitForEvent('download'),
    dash.getByRole('button', { name: 'Back up everything' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^caseradar-backup-.*\.json$/);
  await expect(dash.getByRole('status')).toHaveText('Backup saved: 2 cases, 0 events.');
});
