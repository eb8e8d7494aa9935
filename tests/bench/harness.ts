/**
 * Runs inside the extension (bench build) so that every figure is taken in the same headless Chromium:
 * the product's code path beside a raw baseline. Exposed as window.caseradarBench for scripts/bench.ts.
 */
import { getDb } from '@/lib/store/db';
import { exportCases } from '@/lib/export/formats';
import { ingestSnapshot } from '@/lib/store/ingest';
import type { CaseEvent, CaseSnapshot, StoredCase } from '@/lib/core/model';
import { defaultPolicy } from '@/lib/alerts/policy';
import { azure } from '@/lib/capture/families/azure/adapter';
import { zendesk } from '@/lib/capture/families/zendesk/adapter';
import { findAlerts } from '@/lib/alerts/staleness';

const DAY = 86_400_000;
const BASE = Date.parse('2026-06-01T09:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const STATES = ['open', 'waiting-on-customer', 'on-hold', 'resolved', 'new'] as const;

function storedCase(i: number, prefix = 'x.zendesk.com'): StoredCase {
  const updated = BASE + (i % 120) * DAY;
  return {
    key: `${prefix}:${100000 + i}`,
    portal: 'x.zendesk.com',
    provider: 'zendesk',
    caseId: String(100000 + i),
    title: `Case ${i}: link flapping at site ${i % 37} & VPN`,
    vendorStatus: 'Open',
    state: STATES[i % STATES.length]!,
    severity: (['critical', 'high', 'normal', 'low'] as const)[i % 4]!,
    vendorSeverity: 'normal',
    createdAt: iso(updated - 3 * DAY),
    updatedAt: iso(updated),
    url: `https://x.zendesk.com/hc/requests/${100000 + i}`,
    owner: 'Sam Support',
    firstSeenAt: iso(updated),
    lastObservedAt: iso(BASE + 150 * DAY),
    observedVia: 'https://x.zendesk.com/hc/en-us/requests',
    observedHow: 'visit',
    lastVendorMessageAt: iso(updated),
    lastCustomerMessageAt: null,
    messageCount: 0,
    vendorRef: null,
    sla: null,
  };
}

function event(c: StoredCase, j: number): CaseEvent {
  const at = iso(Date.parse(c.createdAt!) + j * 3_600_000);
  return {
    caseKey: c.key,
    type: 'message',
    at,
    recordedAt: at,
    dedupKey: `msg:${at}:vendor:Sam`,
    message: {
      at,
      author: 'Sam Support',
      side: j % 2 ? 'vendor' : 'customer',
      text: `Message ${j} on ${c.caseId}: please send the logs, "quoted", =SUM(A1)`,
    },
  };
}

async function clear(): Promise<void> {
  const db = getDb();
  await db.transaction('rw', [db.cases, db.events, db.portals, db.snoozes, db.firedAlerts, db.vendors], async () => {
    await Promise.all([
      db.vendors.clear(),
      db.cases.clear(),
      db.events.clear(),
      db.portals.clear(),
      db.snoozes.clear(),
      db.firedAlerts.clear(),
    ]);
  });
}

/** Seeds `cases` cases with `eventsPerCase` events each, in batches. */
async function seed(cases: number, eventsPerCase: number): Promise<void> {
  await clear();
  const db = getDb();
  for (let start = 0; start < cases; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, cases - start) }, (_, k) => storedCase(start + k));
    await db.cases.bulkPut(batch);
    const events = batch.flatMap((c) => Array.from({ length: eventsPerCase }, (_, j) => event(c, j)));
    for (let e = 0; e < events.length; e += 10_000) await db.events.bulkAdd(events.slice(e, e + 10_000));
  }
}

function snapshot(i: number): CaseSnapshot {
  const c = storedCase(i);
  return {
    provider: 'zendesk',
    caseId: c.caseId,
    title: `${c.title} (renamed)`,
    vendorStatus: 'Pending',
    state: 'waiting-on-customer',
    severity: c.severity,
    vendorSeverity: c.vendorSeverity,
    createdAt: c.createdAt,
    updatedAt: iso(BASE + 200 * DAY),
    url: c.url,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timeIt(runs: number, setup: () => Promise<void>, fn: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    await setup();
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

/** Ingest of a 500-case snapshot into 2,000 stored cases vs a raw IndexedDB put of the same 500 rows. */
async function ingest(runs: number) {
  const input = {
    provider: 'zendesk' as const,
    pageUrl: 'https://x.zendesk.com/hc/en-us/requests',
    sourceUrl: 'https://x.zendesk.com/hc/en-us/requests',
    capturedAt: iso(BASE + 201 * DAY),
    how: 'visit' as const,
    extraction: { kind: 'list' as const, cases: Array.from({ length: 500 }, (_, i) => snapshot(i * 4)), problems: [] },
  };
  const ingestMs = await timeIt(
    runs,
    () => seed(2000, 0),
    () => ingestSnapshot(getDb(), input),
  );
  const again = await ingestSnapshot(getDb(), input);
  const rows = input.extraction.cases.map((s) => ({ ...storedCase(0), ...s, key: `raw:${s.caseId}` }));
  const rawMs = await timeIt(
    runs,
    () => seed(2000, 0),
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('caseradar-raw-bench', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('rows', { keyPath: 'key' });
        open.onsuccess = () => {
          const tx = open.result.transaction('rows', 'readwrite');
          const store = tx.objectStore('rows');
          for (const r of rows) store.put(r);
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  return { ingestMs, rawMs, reingestRowsWritten: again.rowsWritten };
}

function listPage(n: number): string {
  const rows = Array.from(
    { length: n },
    (_, i) =>
      `<tr><td class="request-info requests-table-info"><a href="/hc/en-us/requests/${1000 + i}" class="striped-list-title" title="Subject ${i} &amp; more">Subject ${i} &amp; more</a></td><td>#${1000 + i}</td><td><time datetime="2026-10-01T07:15:02+00:00">x</time></td><td><time datetime="2026-10-02T11:40:55+00:00">y</time></td><td class="requests-table-status"><span class="status-label status-label-request status-label-${['open', 'pending', 'solved'][i % 3]}">S</span></td></tr>`,
  ).join('');
  return `<html><body><table class="table my-activities-table requests-table my-requests"><thead><tr><th>Subject</th></tr></thead><tbody>${rows}</tbody></table></body></html>`;
}

function azureBody(n: number) {
  return {
    value: Array.from({ length: n }, (_, i) => ({
      id: `/providers/Microsoft.Support/supportTickets/t${i}`,
      name: `t${i}`,
      type: 'Microsoft.Support/supportTickets',
      properties: {
        supportTicketId: String(2610010040000000 + i),
        title: `Ticket ${i}`,
        severity: 'moderate',
        status: 'Open',
        createdDate: '2026-10-01T08:00:00Z',
        modifiedDate: '2026-10-02T10:20:30Z',
      },
    })),
  };
}

/** Adapter time on a 500-row list page (parse excluded: the browser has parsed the page already) and a 500-case JSON body. */
function extraction(runs: number) {
  const url = new URL('https://x.zendesk.com/hc/en-us/requests');
  const doc = new DOMParser().parseFromString(listPage(500), 'text/html');
  const jsonText = JSON.stringify(azureBody(500));
  const apiUrl = new URL(
    'https://management.azure.com/providers/Microsoft.Support/supportTickets?api-version=2024-04-01',
  );
  const page: number[] = [];
  const json: number[] = [];
  for (let r = 0; r < runs; r++) {
    let t = performance.now();
    const a = zendesk.page!.extract(doc, url);
    page.push(performance.now() - t);
    t = performance.now();
    const b = azure.api!.extract(JSON.parse(jsonText), apiUrl);
    json.push(performance.now() - t);
    if (a.cases.length !== 500 || b.cases.length !== 500) throw new Error('Expected 500 cases from each extraction');
  }
  return { pageMs: median(page), jsonMs: median(json) };
}

function sweep(runs: number) {
  const cases = Array.from({ length: 10_000 }, (_, i) => storedCase(i));
  const policy = defaultPolicy('UTC');
  const now = iso(BASE + 151 * DAY);
  const times: number[] = [];
  let alerts = 0;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    alerts = findAlerts(cases, policy, now).length;
    times.push(performance.now() - t);
  }
  return { sweepMs: median(times), alerts };
}

/** CSV of 10,000 cases × 20 events, with the JS heap sampled during the export (peak above start). */
async function exportCsv() {
  await seed(10_000, 20);
  const heap = () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
  const start = heap();
  let peak = start;
  const sampler = setInterval(() => (peak = Math.max(peak, heap())), 20);
  const t = performance.now();
  const blob = await exportCases(getDb(), 'csv-events', { kind: 'all' }, iso(BASE));
  const ms = performance.now() - t;
  clearInterval(sampler);
  return { exportMs: ms, bytes: blob.size, heapPeakGrowthBytes: Math.max(0, peak - start) };
}

/** Bytes per case and per event as the browser accounts them; run first, on a fresh profile. */
async function storage() {
  const usage = async () => (await navigator.storage.estimate()).usage ?? 0;
  const db = getDb();
  const empty = await usage();
  const cases = Array.from({ length: 2000 }, (_, i) => storedCase(i, 'storage'));
  await db.cases.bulkPut(cases);
  const withCases = await usage();
  await db.events.bulkAdd(cases.flatMap((c) => Array.from({ length: 25 }, (_, j) => event(c, j))));
  const withEvents = await usage();
  return { bytesPerCase: (withCases - empty) / 2000, bytesPerEvent: (withEvents - withCases) / 50_000 };
}

export function installBenchHarness(): void {
  Object.assign(window, { caseradarBench: { seed, clear, ingest, extraction, sweep, exportCsv, storage } });
  document.body.dataset.ready = 'true';
}
