/**
 * npm run demo — builds the extension (npm script), starts Chromium with it loaded, opens the bundled
 * demo portals at their real URLs (fulfilled from local demo templates; nothing leaves the machine) and
 * shows the popup's unified timeline. The demo's dates are relative to now (scripts/demo/clock.ts): it
 * reads like an ordinary working week whenever it runs.
 * It writes screenshots of the popup and of the dashboard (a case's detail open), in the light and the
 * dark theme, to the folder it prints (demo-screenshots/; docs/screenshots/ holds copies for the README).
 * With a display: a window stays open until you close it. Without one: runs headless and also writes
 * screenshots of the portal pages.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { launchWithExtension } from './chromium';
import { DEMO_TOUR, routeDemoPortals } from './demo-portals';

const headless = !process.env.DISPLAY || process.argv.includes('--headless');
const outDir = resolve(process.env.DEMO_OUT ?? 'demo-screenshots');

async function main(): Promise<void> {
  const { context, extensionId } = await launchWithExtension({ headless });
  await routeDemoPortals(context);
  mkdirSync(outDir, { recursive: true });

  const portals = DEMO_TOUR;
  for (const [name, url] of portals) {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    if (headless) await page.screenshot({ path: resolve(outDir, `${name}.png`), fullPage: true });
  }

  const popup = await context.newPage();
  // The popup as Chrome shows it: 600 px wide, at most 600 px tall.
  await popup.setViewportSize({ width: 600, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  // The popup fills from the store as the content scripts' snapshots are ingested.
  await popup.getByTestId('case-row').first().waitFor({ timeout: 15_000 });
  await popup.waitForTimeout(500);
  const rows = await popup.getByTestId('case-row').count();
  const providers = await popup.locator('.case-row .provider-name').allTextContents();
  console.log(`Popup shows ${rows} open cases from: ${[...new Set(providers)].join(', ')}`);

  // The dashboard with one case's detail open: its timeline, workspace and status update.
  const dashboard = await context.newPage();
  await dashboard.setViewportSize({ width: 1440, height: 960 });
  await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html`);
  await dashboard.locator('[data-case-key="northwind.zendesk.com:48213"] .case-number').click();
  await dashboard.getByTestId('history-item').first().waitFor();

  // Options, scrolled to the portals: each vendor by its name, where it runs, and its refresh.
  const options = await context.newPage();
  await options.setViewportSize({ width: 1100, height: 900 });
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByRole('heading', { name: 'Portals' }).scrollIntoViewIfNeeded();

  await writeThemedScreenshots(popup, 'popup');
  await writeThemedScreenshots(dashboard, 'dashboard');
  // A small laptop: the case stays open beside the list, and the list keeps what matters.
  await dashboard.setViewportSize({ width: 1024, height: 768 });
  await writeThemedScreenshots(dashboard, 'dashboard-1024');
  await dashboard.setViewportSize({ width: 1440, height: 960 });
  await writeThemedScreenshots(options, 'options');

  // The reports page: the radar, the vendor scorecard and open-case age, each as its own screenshot.
  for (const view of ['radar', 'scorecard', 'age'] as const) {
    const reports = await context.newPage();
    await reports.setViewportSize({ width: 1440, height: 900 });
    await reports.goto(`chrome-extension://${extensionId}/reports.html#${view}`);
    await reports.waitForLoadState('networkidle');
    await reports.waitForTimeout(1500);
    await writeThemedScreenshots(reports, `reports-${view}`);
  }
  if (headless) {
    console.log(`No display: ran headless. Screenshots written to ${outDir}/`);
    await context.close();
    return;
  }
  console.log(`Screenshots of the popup and dashboard written to ${outDir}/`);
  await popup.emulateMedia({ colorScheme: null });
  await dashboard.emulateMedia({ colorScheme: null });
  await popup.bringToFront();
  console.log('Chromium is open with Caseradar loaded; the popup is in the last tab. Close the window to finish.');
  await new Promise<void>((done) => context.on('close', () => done()));
}

/** `<name>-light.png` and `<name>-dark.png`: the page in each colour scheme (it follows the system's). */
async function writeThemedScreenshots(page: Page, name: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.waitForTimeout(200);
    // The viewport only: rows below it are laid out lazily (content-visibility) and would print blank.
    await page.screenshot({ path: resolve(outDir, `${name}-${colorScheme}.png`) });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
