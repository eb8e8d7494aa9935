/**
 * npm run bench [-- --json] [-- --compare FILE] — measures Caseradar in headless Chromium beside raw
 * baselines and prints each figure, its target and whether it is met. It reports; it never fails on a
 * missed target. --compare prints each figure's change against an earlier `--json` run saved to FILE, so
 * that a regression shows in review.
 */
import { execSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { chromiumPath, launchWithExtension } from './chromium';
import { fulfilHtml } from './demo-portals';

const asJson = process.argv.includes('--json');
const compareIndex = process.argv.indexOf('--compare');
const compareFile = compareIndex >= 0 ? process.argv[compareIndex + 1] : undefined;
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

/**
 * Time from navigation start until an element matching `selector` is in the DOM (taken in the page
 * itself, as timeToList): the radar's first drawn lane beside the dashboard's first table row.
 */
async function timeToFirst(context: BrowserContext, url: string, selector: string): Promise<number> {
  const page = await context.newPage();
  await page.addInitScript((wanted: string) => {
    new MutationObserver((_, obs) => {
      if (document.querySelector(wanted)) {
        (window as unknown as { firstAt: number }).firstAt = performance.now();
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  }, selector);
  await page.goto(url);
  await page.waitForSelector(selector);
  const ms = await page.evaluate(() => (window as unknown as { firstAt: number }).firstAt);
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
  // A bad --compare file is said before five minutes of measuring, not after.
  const earlier = compareFile ? readEarlier(compareFile) : null;
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
  add('popup: time to case list (2,000 cases / 50,000 events)', median(popup), 'ms');
  add('baseline: extension page with one React list element', median(baseline), 'ms');
  add('popup / baseline', median(popup) / median(baseline), '×', '≤ 1.3', median(popup) / median(baseline) <= 1.3);

  // The reports page's radar (default window, 30 days) beside the dashboard's case table, same store.
  log('radar and dashboard table with 2,000 cases and 50,000 events…');
  const table: number[] = [];
  const radar: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const url = (name: string) => `chrome-extension://${extensionId}/${name}.html`;
    table.push(await timeToFirst(context, url('dashboard'), '[data-testid="dashboard-row"]'));
    radar.push(await timeToFirst(context, url('reports'), '[data-testid="radar-lane"]'));
  }
  const radarRatio = median(radar) / median(table);
  add('dashboard: time to first table row (2,000 cases / 50,000 events)', median(table), 'ms');
  add('reports: time to first radar lane drawn (2,000 cases / 50,000 events)', median(radar), 'ms');
  add('radar / dashboard table', radarRatio, '×', '≤ 1.5', radarRatio <= 1.5);

  log('ingest…');
  const ingest = await call<{
    ingestMs: number;
    rawMs: number;
    casesWritten: number;
    eventsWritten: number;
    reingestMs: number;
    rawReadMs: number;
    reingestRowsWritten: number;
  }>(harness, 'ingest', RUNS);
  add('ingest: 500-case snapshot into 2,000 cases', ingest.ingestMs, 'ms');
  add(
    `baseline: raw put of the rows it wrote (${ingest.casesWritten} cases, ${ingest.eventsWritten} events), one tx`,
    ingest.rawMs,
    'ms',
  );
  add('ingest / raw put', ingest.ingestMs / ingest.rawMs, '×', '≤ 1.5', ingest.ingestMs / ingest.rawMs <= 1.5);
  add(
    're-ingest of the same snapshot: rows written',
    ingest.reingestRowsWritten,
    'rows',
    '= 0',
    ingest.reingestRowsWritten === 0,
  );
  add('re-ingest of the same snapshot', ingest.reingestMs, 'ms');
  add('baseline: raw read of the same 500 keys', ingest.rawReadMs, 'ms');
  add(
    're-ingest / raw read',
    ingest.reingestMs / ingest.rawReadMs,
    '×',
    '≤ 1.5',
    ingest.reingestMs / ingest.rawReadMs <= 1.5,
  );

  log('extraction…');
  const ex = await call<{ pageMs: number; jsonMs: number }>(harness, 'extraction', 9);
  add('extract: 500-row Zendesk list page', ex.pageMs, 'ms', '≤ 20 ms', ex.pageMs <= 20);
  add('extract: 500-case Azure JSON body (incl. JSON.parse)', ex.jsonMs, 'ms', '≤ 20 ms', ex.jsonMs <= 20);

  log('content scripts…');
  const csDir = join(BENCH_DIR, 'content-scripts');
  for (const file of readdirSync(csDir).sort()) {
    const gz = gzipSync(readFileSync(join(csDir, file))).length / 1024;
    add(`content script ${file} (gzipped)`, gz, 'KB', '≤ 8 KB', gz <= 8);
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
  add('main-thread script time added to a portal page load', added, 'ms', '≤ 3 ms', added <= 3);

  log('sweep over 10,000 cases…');
  const sw = await call<{ sweepMs: number; alerts: number }>(harness, 'sweep', RUNS);
  add('staleness sweep over 10,000 cases', sw.sweepMs, 'ms', '≤ 15 ms', sw.sweepMs <= 15);

  log('export of 10,000 cases × 20 events (seeding 200,000 events takes a while)…');
  const exp = await call<{
    exportMs: number;
    floorMs: number;
    floorBytes: number;
    bytes: number;
    heapPeakGrowthBytes: number;
  }>(harness, 'exportCsv');
  add('CSV export, 10,000 cases × 20 events', exp.exportMs, 'ms');
  add('baseline: raw getAll of the same rows + one line of text each', exp.floorMs, 'ms');
  add('CSV export / floor', exp.exportMs / exp.floorMs, '×', '≤ 1.5', exp.exportMs / exp.floorMs <= 1.5);
  add('CSV export size', exp.bytes / 1024 / 1024, 'MB');
  const heapMb = exp.heapPeakGrowthBytes / 1024 / 1024;
  add('JS heap peak above start during export', heapMb, 'MB', '≤ 64 MB', heapMb <= 64);

  await call(harness, 'clear');
  await context.close();

  if (asJson) {
    process.stdout.write(`${JSON.stringify({ runs: RUNS, figures }, null, 2)}\n`);
    return;
  }
  const width = Math.max(...figures.map((f) => f.name.length));
  for (const f of figures) {
    const mark = f.target === undefined ? '' : f.met ? 'met' : 'MISSED';
    const before = earlier?.get(f.name);
    const change = earlier ? `  ${describeChange(before, f.value).padStart(16)}` : '';
    process.stdout.write(
      `${f.name.padEnd(width)}  ${String(f.value).padStart(10)} ${f.unit.padEnd(5)} ${(f.target ?? '').padEnd(10)} ${mark.padEnd(6)}${change}\n`,
    );
  }
}

/** An earlier `--json` run's figures by name; exits with the reason when the file is not one. */
function readEarlier(file: string): Map<string, number> {
  let parsed: unknown;
  try {
    const text = readFileSync(file, 'utf8');
    // `npm run bench -- --json > file` also saves npm's own banner above the JSON.
    parsed = JSON.parse(text.slice(Math.max(0, text.indexOf('{'))));
  } catch (error) {
    throw new Error(
      `--compare ${file}: expected the output of npm run bench -- --json, got ${(error as Error).message}`,
    );
  }
  const list = (parsed as { figures?: unknown }).figures;
  if (!Array.isArray(list)) throw new Error(`--compare ${file}: expected {"figures": [...]}, found none`);
  return new Map(
    list.flatMap((f: { name?: unknown; value?: unknown }) =>
      typeof f.name === 'string' && typeof f.value === 'number' ? [[f.name, f.value] as const] : [],
    ),
  );
}

/** "was 12.3 (−8%)", or "new" for a figure the earlier run did not have. */
function describeChange(before: number | undefined, now: number): string {
  if (before === undefined) return 'new';
  if (before === 0) return now === 0 ? 'was 0 (same)' : `was 0`;
  const pct = Math.round(((now - before) / before) * 100);
  return `was ${before} (${pct > 0 ? '+' : pct < 0 ? '−' : '±'}${Math.abs(pct)}%)`;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
