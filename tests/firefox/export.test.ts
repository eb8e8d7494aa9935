/**
 * Export download, backup and restore from the dashboard in Firefox (Chromium: tests/e2e/export.spec.ts).
 * Downloads are plain <a download> clicks on blob URLs; Firefox saves them in the test's directory.
 */
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { ElementHandle, Page } from 'puppeteer-core';
import { expect, test } from './fixtures';
import { downloads, type FirefoxWithExtension } from './firefox';
import { button, click, count, fill, soon, testId, texts } from './page';
import { routeZendesk, URLS, ZENDESK_VENDOR, zendeskKey } from './portals';

const row = (caseKey: string) => `[data-testid="dashboard-row"][data-case-key="${caseKey}"]`;
const SEARCH = '::-p-aria([name="Search"][role="searchbox"])';
/** How a download's name spells the second it was made: UTC, 2026-12-02-01-20-55. */
const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace(/[:T]/g, '-');

/**
 * Clicks `control` and returns the file it downloads. Its name carries the second of the click
 * (UTC): it must be one of the seconds between just before the click and the file's arrival.
 */
async function download(
  ff: FirefoxWithExtension,
  page: Page,
  control: string,
  name: (stamp: string) => string,
): Promise<string> {
  const before = new Set(downloads(ff.downloadsDir));
  const from = Date.now();
  await click(page, control);
  let file: string | undefined;
  await soon(async () => (file = downloads(ff.downloadsDir).find((f) => !before.has(f)))).toBeDefined();
  const names = new Set<string>();
  for (let t = Math.floor(from / 1000) * 1000; t <= Date.now(); t += 1000) names.add(name(stamp(t)));
  expect(names).toContain(file);
  const path = join(ff.downloadsDir, file!);
  // Firefox first makes an empty file by that name and writes into `<name>.part`, which it renames
  // over it at the end: complete once the .part file is gone and the file has content.
  await soon(() => !existsSync(`${path}.part`) && statSync(path).size > 0).toBe(true);
  return path;
}

test('export from the dashboard downloads the histories; a backup restores a wiped store', async ({ ff, clock }) => {
  routeZendesk(ff.routes, clock);
  const portal = await ff.openPortal(URLS.zendeskList);
  const dash = await ff.openExtensionPage('dashboard.html');
  // A laptop's window: the table shows its Severity column (a narrow one gives it up to the title).
  await dash.setViewport({ width: 1280, height: 900 });
  dash.on('dialog', (d) => void d.accept());
  await soon(() => texts(dash, testId('dashboard-count'))).toEqual(['5 of 5 cases']); // open and closed alike
  // The detail page adds the messages (and the priority shown as severity).
  await portal.goto(URLS.zendeskDetail, { waitUntil: 'load' });
  await soon(async () => (await texts(dash, `${row(zendeskKey('48213'))} td`)).includes('Critical')).toBe(true);

  // CSV of events: parsed back, values intact, the two messages with their portal times.
  const csvPath = await download(ff, dash, button('Export'), (s) => `caseradar-csv-events-${s}.csv`);
  const csv = Papa.parse<string[]>(readFileSync(csvPath, 'utf8'), { skipEmptyLines: true }).data;
  const header = csv[0]!;
  expect(header).toEqual([
    'vendor',
    'portal',
    'platform',
    'caseId',
    'title',
    'state',
    'vendorStatus',
    'severity',
    'eventType',
    'eventAt',
    'eventAtLocal',
    'recordedAt',
    'from',
    'to',
    'messageSide',
    'messageAuthor',
    'messageText',
    'messageVia',
    'caseUrl',
    'timeZone',
  ]);
  const col = (r: string[], name: string) => r[header.indexOf(name)];
  const rows = csv.slice(1);
  expect(
    rows
      .filter((r) => col(r, 'eventType') === 'message')
      .map((r) => [
        col(r, 'vendor'),
        col(r, 'caseId'),
        col(r, 'eventAt'),
        col(r, 'messageSide'),
        col(r, 'messageAuthor'),
      ]),
  ).toEqual([
    [ZENDESK_VENDOR, '48213', clock.noonWeeksAgo(3), 'customer', 'Alex Example'],
    [ZENDESK_VENDOR, '48213', clock.noonWeeksAgo(2), 'vendor', 'Sam Support (Northwind)'],
  ]);
  // Beside each UTC instant, the same one as a spreadsheet date-time in the user's zone.
  const zone = col(rows[0]!, 'timeZone')!;
  expect(zone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  const local = new Intl.DateTimeFormat('sv-SE', { timeZone: zone, dateStyle: 'short', timeStyle: 'short' });
  for (const r of rows) expect(col(r, 'eventAtLocal')).toBe(local.format(new Date(col(r, 'eventAt')!)));
  expect(new Set(rows.map((r) => col(r, 'caseId')))).toEqual(new Set(['48213', '48177', '48001', '47950', '46802']));
  expect(rows.filter((r) => col(r, 'caseId') === '48177').map((r) => col(r, 'title'))).toContain(
    '<script>alert(1)</script> in invoice PDF',
  );

  // JSON of the cases matching a search.
  await fill(dash, SEARCH, 'vpn flapping'); // (not "fiber": the vendor, Northwind Fiber, is searched too)
  await soon(() => count(dash, testId('dashboard-row'))).toBe(1);
  await fill(dash, '::-p-aria([name="Format"][role="combobox"])', 'json');
  await fill(dash, '::-p-aria([name="Cases"][role="combobox"])', 'shown');
  const jsonPath = await download(ff, dash, button('Export'), (s) => `caseradar-json-${s}.json`);
  const exported = JSON.parse(readFileSync(jsonPath, 'utf8'));
  expect(exported).toMatchObject({ format: 'caseradar-export', version: 1 });
  expect(exported.cases.map((c: { caseId: string }) => c.caseId)).toEqual(['48213']);
  await fill(dash, SEARCH, '');
  await soon(() => count(dash, testId('dashboard-row'))).toBe(5);

  // Back up, wipe every case through the UI (each delete confirmed), restore the backup through the UI.
  const backupPath = await download(ff, dash, button('Back up everything'), (s) => `caseradar-backup-${s}.json`);
  const backup = JSON.parse(readFileSync(backupPath, 'utf8'));
  expect(backup.tables.cases).toHaveLength(5);
  for (let left = 5; left > 0; left--) {
    // A click on the row opens its details (the Details button gives way on a narrow window).
    await click(dash, `${testId('dashboard-row')} td.case-number`);
    await click(dash, `${testId('case-detail')} ${button('Delete')}`);
    await soon(() => count(dash, testId('dashboard-row'))).toBe(left - 1);
  }
  await soon(() => texts(dash, testId('dashboard-count'))).toEqual(['0 of 0 cases']);
  const input = (await dash.$(
    'input[type="file"][aria-label="Restore from a backup"]',
  )) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(backupPath);
  await soon(async () => (await texts(dash, testId('restore-plan')))[0]?.split('.')[0]).toEqual(
    `Merge: adds 5 cases and ${backup.tables.events.length} events, updates 0 older cases, removes nothing`,
  );
  await click(dash, `${testId('restore-plan')} ${button('Merge')}`);
  await soon(() => texts(dash, '.data-panel [role="status"]')).toEqual(['Restored (merge).']);
  await soon(() => texts(dash, testId('dashboard-count'))).toEqual(['5 of 5 cases']);
  expect(await texts(dash, `${row(zendeskKey('48213'))} td`)).toContain('Critical');
  expect((await texts(dash, row(zendeskKey('48213'))))[0]).toContain('Fiber link down at "Site B" & VPN flapping');
});

test('a file that is not a backup is refused with its reason, and nothing changes', async ({ ff }) => {
  const dash = await ff.openExtensionPage('dashboard.html');
  await soon(() => texts(dash, testId('dashboard-count'))).toEqual(['0 of 0 cases']);
  const dir = mkdtempSync(join(ff.downloadsDir, 'upload-'));
  writeFileSync(join(dir, 'x.json'), '{"format":"other"}');
  const input = (await dash.$(
    'input[type="file"][aria-label="Restore from a backup"]',
  )) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(join(dir, 'x.json'));
  await soon(() => texts(dash, '.data-panel [role="status"]')).toEqual([
    'Reading the backup failed: Expected a file with "format": "caseradar-backup"',
  ]);
  expect(await count(dash, testId('restore-plan'))).toBe(0);
});
