import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { DEMO_URLS } from '../../scripts/demo-portals';
import { expect, test } from './extension';
import { routeDemo } from './ui-seed';

test('export from the dashboard downloads the histories; a backup restores a wiped store', async ({
  context,
  extensionId,
}) => {
  await routeDemo(context);
  const portal = await context.newPage();
  await portal.goto(DEMO_URLS.zendeskList);
  const dash = await context.newPage();
  dash.on('dialog', (d) => void d.accept());
  await dash.goto(`chrome-extension://${extensionId}/dashboard.html`);
  const rows = dash.getByTestId('dashboard-row');
  await expect(rows).toHaveCount(5); // open and closed alike
  // The detail page adds the messages (and the priority shown as severity).
  await portal.goto(DEMO_URLS.zendeskDetail);
  await expect(rows.filter({ hasText: '#48213' })).toContainText('Critical');

  // CSV of events: parsed back, values intact (quotes and ampersands included).
  const [csvDownload] = await Promise.all([
    dash.waitForEvent('download'),
    dash.getByRole('button', { name: 'Export' }).click(),
  ]);
  expect(csvDownload.suggestedFilename()).toMatch(/^caseradar-csv-events-.*\.csv$/);
  const csv = Papa.parse<string[]>(readFileSync((await csvDownload.path())!, 'utf8'), { skipEmptyLines: true }).data;
  const header = csv[0]!;
  expect(header.slice(0, 5)).toEqual(['vendor', 'portal', 'platform', 'caseId', 'title']);
  const col = (r: string[], name: string) => r[header.indexOf(name)];
  const messages = csv.filter((r) => col(r, 'eventType') === 'message');
  expect(
    messages.map((r) => [col(r, 'vendor'), col(r, 'caseId'), col(r, 'messageSide'), col(r, 'messageAuthor')]),
  ).toEqual([
    ['Northwind Fiber', '48213', 'customer', 'Alex Example'],
    ['Northwind Fiber', '48213', 'vendor', 'Sam Support (Northwind)'],
  ]);
  const titles = new Set(csv.filter((r) => col(r, 'caseId') === '48213').map((r) => col(r, 'title')));
  expect([...titles]).toEqual(['Fiber link down at "Site B" & VPN flapping']);

  // JSON of the cases matching a search.
  await dash.getByPlaceholder('id, title, vendor, status').fill('vpn flapping');
  await expect(rows).toHaveCount(1);
  await dash.getByLabel('Format').selectOption('json');
  await dash.getByLabel('Cases').selectOption('shown');
  const [jsonDownload] = await Promise.all([
    dash.waitForEvent('download'),
    dash.getByRole('button', { name: 'Export' }).click(),
  ]);
  const json = JSON.parse(readFileSync((await jsonDownload.path())!, 'utf8'));
  expect(json).toMatchObject({ format: 'caseradar-export', version: 1 });
  expect(json.cases.map((c: { caseId: string }) => c.caseId)).toEqual(['48213']);
  await dash.getByPlaceholder('id, title, vendor, status').fill('');

  // Back up, wipe every case through the UI, restore the backup through the UI.
  const [backupDownload] = await Promise.all([
    dash.waitForEvent('download'),
    dash.getByRole('button', { name: 'Back up everything' }).click(),
  ]);
  const backupPath = (await backupDownload.path())!;
  for (let left = 5; left > 0; left--) {
    await rows.first().locator('.case-number').click();
    await dash.getByTestId('case-detail').getByRole('button', { name: 'Delete' }).click();
    await expect(rows).toHaveCount(left - 1);
  }
  await expect(dash.getByTestId('dashboard-count')).toHaveText('0 of 0 cases');
  await dash.getByLabel('Restore from a backup').setInputFiles(backupPath);
  await expect(dash.getByTestId('restore-plan')).toContainText('Merge: adds 5 cases');
  await dash.getByRole('button', { name: 'Merge' }).click();
  await expect(dash.getByRole('status')).toHaveText('Restored (merge).');
  await expect(rows).toHaveCount(5);
  await expect(rows.filter({ hasText: '#48213' })).toContainText('Fiber link down at "Site B" & VPN flapping');
});

test('a file that is not a backup is refused with its reason, and nothing changes', async ({
  context,
  extensionId,
}) => {
  const dash = await context.newPage();
  await dash.goto(`chrome-extension://${extensionId}/dashboard.html`);
  await dash
    .getByLabel('Restore from a backup')
    .setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"other"}') });
  await expect(dash.getByRole('status')).toContainText(
    'Reading the backup failed: Expected a file with "format": "caseradar-backup"',
  );
  await expect(dash.getByTestId('restore-plan')).toHaveCount(0);
});
