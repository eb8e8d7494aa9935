/**
 * npm run bench [-- --json] — measures Caseradar in headless Chromium beside raw baselines and prints
 * each figure, its target and whether it is met. It reports; it never fails on a missed target.
 */
import { execSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { chromiumPath, launchWithExtension } from './chromium';
import { fulfilHtml } from './demo-portals';

const asJson = process.argv.includes('--json');
const RUNS = 5;
const BENCH_DIR = resolve(import.meta.dirname, '../.output-bench/chrome-mv3');
const log = (m: string) => !asJson && process.stderr.write(`${m}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: string;
  met?: boolean;
}
const figures: Figure[] = [];
const add = (name: string, value: number, unit: string, target?: string, met?: boolean) =>
  figures.push({ name, value: Math.round(value * 100) / 100, unit, ...(target ? { target, met } : {}) });

type Bench = Record<string, (...args: unknown[]) => Promise<unknown>>;
const call = <T>(page: Page, fn: string, ...args: unknown[]) =>
  page.evaluate(
    ([f, a]) => (window as unknown as { caseradarBench: Bench }).caseradarBench[f as string]!(...(a as unknown[])),
    [fn, args] as const,
  ) as Promise<T>;

/** Time from navigation start until the first case row is in the DOM (taken in the page itself). */
async function timeToList(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    new MutationObserver((_, obs) => {
      if (document.querySelector('[data-testid="case-row"]')) {
        (window as unknown as { listAt: number }).listAt = performance.now();
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(url);
  await page.waitForSelector('[data-testid="case-row"]');
  const ms = await page.evaluate(() => (window as unknown as { listAt: number }).listAt);
  await page.close();
  return ms;
}

async function scriptDuration(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url);
  await page.waitForTimeout(300);
  const { metrics } = await cdp.send('Performance.getMetrics');
  await page.close();
  return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
}

async function main(): Promise<void> {
  log('building the bench copy of the extension…');
  execSync('npx wxt build', { env: { ...process.env, CASERADAR_BENCH: '1' }, stdio: 'ignore' });
  const { context, extensionId } = await launchWithExtension({ headless: true, extensionDir: BENCH_DIR });
  const harness = await context.newPage();
  await harness.goto(`chrome-extension://${extensionId}/bench.html`);
  await harness.waitForSelector('body[data-ready="true"]', { state: 'attached' });

  // Storage first, on the fresh profile: browsers reclaim deleted IndexedDB space lazily.
  log('storage…');
  const st = await call<{ bytesPerCase: number; bytesPerEvent: number }>(harness, 'storage');
  add('IndexedDB bytes per case', st.bytesPerCase, 'B');
  add('IndexedDB bytes per event', st.bytesPerEvent, 'B');

  log('popup with 2,000 cases and 50,000 events…');
  await call(harness, 'seed', 2000, 25);
  const popup: number[] = [];
  const baseline: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    popup.push(await timeToList(context, `chrome-extension://${extensionId}/popup.html`));
    baseline.push(await timeToList(context, `chrome-extension://${extensionId}/bench-baseline.html`));
  }
  add('popup: time to case list (2,000 cases / 50,000 events)', median(popup), 'ms', '≤ 150 ms', median(popup) <= 150);
  add('baseline: extension page with one React list element', median(baseline), 'ms');
  add('popup / baseline', median(popup) / median(baseline), '×', '≤ 1.3', median(popup) / median(baseline) <= 1.3);

  log('ingest…');
  const ingest = await call<{ ingestMs: number; rawMs: number; reingestRowsWritten: number }>(harness, 'ingest', RUNS);
  add('ingest: 500-case snapshot into 2,000 cases', ingest.ingestMs, 'ms');
  add('baseline: raw IndexedDB put of the same 500 rows', ingest.rawMs, 'ms');
  add('ingest / raw put', ingest.ingestMs / ingest.rawMs, '×', '≤ 2', ingest.ingestMs / ingest.rawMs <= 2);
  add(
    're-ingest of the same snapshot: rows written',
    ingest.reingestRowsWritten,
    'rows',
    '= 0',
    ingest.reingestRowsWritten === 0,
  );

  log('extraction…');
  const ex = await call<{ pageMs: number; jsonMs: number }>(harness, 'extraction', 9);
  add('extract: 500-row Zendesk list page', ex.pageMs, 'ms', '≤ 20 ms', ex.pageMs <= 20);
  add('extract: 500-case Azure JSON body (incl. JSON.parse)', ex.jsonMs, 'ms', '≤ 20 ms', ex.jsonMs <= 20);

  log('content scripts…');
  const csDir = join(BENCH_DIR, 'content-scripts');
  for (const file of readdirSync(csDir).sort()) {
    const gz = gzipSync(readFileSync(join(csDir, file))).length / 1024;
    add(`content script ${file} (gzipped)`, gz, 'KB', '≤ 10 KB', gz <= 10);
  }
  const portal = 'https://northwind.zendesk.com/hc/en-us/requests';
  await context.route('https://northwind.zendesk.com/**', (route) => fulfilHtml(route, 'zendesk/list-classic-my.html'));
  const plain = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const plainContext = await plain.newContext();
  await plainContext.route('https://northwind.zendesk.com/**', (route) =>
    fulfilHtml(route, 'zendesk/list-classic-my.html'),
  );
  const withExt: number[] = [];
  const without: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    withExt.push(await scriptDuration(context, portal));
    without.push(await scriptDuration(plainContext, portal));
  }
  await plain.close();
  const added = Math.max(0, median(withExt) - median(without));
  add('main-thread script time added to a portal page load', added, 'ms', '≤ 5 ms', added <= 5);

  log('sweep over 10,000 cases…');
  const sw = await call<{ sweepMs: number; alerts: number }>(harness, 'sweep', RUNS);
  add('staleness sweep over 10,000 cases', sw.sweepMs, 'ms', '≤ 20 ms', sw.sweepMs <= 20);

  log('export of 10,000 cases × 20 events (seeding 200,000 events takes a while)…');
  const exp = await call<{ exportMs: number; bytes: number; heapPeakGrowthBytes: number }>(harness, 'exportCsv');
  add('CSV export, 10,000 cases × 20 events', exp.exportMs, 'ms', '≤ 1000 ms', exp.exportMs <= 1000);
  add('CSV export size', exp.bytes / 1024 / 1024, 'MB');
  add('JS heap peak above start during export (50 MB written)', exp.heapPeakGrowthBytes / 1024 / 1024, 'MB');

  await call(harness, 'clear');
  await context.close();

  if (asJson) {
    process.stdout.write(`${JSON.stringify({ runs: RUNS, figures }, null, 2)}\n`);
    return;
  }
  const width = Math.max(...figures.map((f) => f.name.length));
  for (const f of figures) {
    const mark = f.target === undefined ? '' : f.met ? 'met' : 'MISSED';
    process.stdout.write(
      `${f.name.padEnd(width)}  ${String(f.value).padStart(10)} ${f.unit.padEnd(5)} ${(f.target ?? '').padEnd(10)} ${mark}\n`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
