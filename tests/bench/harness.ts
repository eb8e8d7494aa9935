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

/** A raw IndexedDB database with the store's own cases and events indexes (lib/store/db.ts). */
function openRawDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('caseradar-raw-bench', 2);
    open.onupgradeneeded = () => {
      const db = open.result;
      for (const name of [...db.objectStoreNames]) db.deleteObjectStore(name);
      const cases = db.createObjectStore('cases', { keyPath: 'key' });
      cases.createIndex('portal', 'portal');
      cases.createIndex('provider', 'provider');
      cases.createIndex('portal+vendorRef', ['portal', 'vendorRef']);
      const events = db.createObjectStore('events', { keyPath: 'id', autoIncrement: true });
      events.createIndex('caseKey', 'caseKey');
      events.createIndex('caseKey+dedupKey', ['caseKey', 'dedupKey'], { unique: true });
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

function rawTx(db: IDBDatabase, mode: IDBTransactionMode, work: (tx: IDBTransaction) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(['cases', 'events'], mode);
    work(tx);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

/**
 * Ingest of a 500-case snapshot into 2,000 stored cases, beside the floor: the very rows that ingest
 * wrote (cases and events), put with the raw IndexedDB API in one transaction into stores with the same
 * indexes. And an unchanged re-ingest beside a raw read of the same 500 keys.
 */
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
  // What one ingest writes, read back: its 500 cases and the events it recorded.
  await seed(2000, 0);
  await ingestSnapshot(getDb(), input);
  const written = {
    cases: (await getDb().cases.bulkGet(input.extraction.cases.map((c) => `x.zendesk.com:${c.caseId}`))).filter(
      (c) => c !== undefined,
    ),
    events: (await getDb().events.where('caseKey').startsWith('x.zendesk.com:').toArray())
      .filter((e) => e.recordedAt === input.capturedAt)
      .map(({ id: _id, ...e }) => e),
  };
  const raw = await openRawDb();
  const rawMs = await timeIt(
    runs,
    () => rawTx(raw, 'readwrite', (tx) => (tx.objectStore('cases').clear(), tx.objectStore('events').clear())),
    () =>
      rawTx(raw, 'readwrite', (tx) => {
        const cases = tx.objectStore('cases');
        const events = tx.objectStore('events');
        for (const c of written.cases) cases.put(c);
        for (const e of written.events) events.add(e);
      }),
  );
  const reingestMs = await timeIt(
    runs,
    async () => undefined,
    () => ingestSnapshot(getDb(), input),
  );
  const again = await ingestSnapshot(getDb(), input);
  const keys = written.cases.map((c) => c.key);
  const rawReadMs = await timeIt(
    runs,
    () => rawTx(raw, 'readwrite', (tx) => written.cases.forEach((c) => tx.objectStore('cases').put(c))),
    () =>
      rawTx(raw, 'readonly', (tx) => {
        const cases = tx.objectStore('cases');
        for (const k of keys) cases.get(k);
      }),
  );
  raw.close();
  return {
    ingestMs,
    rawMs,
    casesWritten: written.cases.length,
    eventsWritten: written.events.length,
    reingestMs,
    rawReadMs,
    reingestRowsWritten: again.rowsWritten,
  };
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
  // The floor: the same rows read with the raw IndexedDB API (one getAll per table) and each turned into a
  // line of text (a join of its values), with no escaping, grouping or formatting.
  const floorStart = performance.now();
  const db = getDb().backendDB();
  const all = (table: 'cases' | 'events') =>
    new Promise<Record<string, unknown>[]>((resolve, reject) => {
      const req = db.transaction(table, 'readonly').objectStore(table).getAll();
      req.onsuccess = () => resolve(req.result as Record<string, unknown>[]);
      req.onerror = () => reject(req.error);
    });
  const [cases, events] = await Promise.all([all('cases'), all('events')]);
  const byKey = new Map(cases.map((c) => [c.key, c]));
  const parts: string[] = [];
  for (const e of events) {
    const c = byKey.get(e.caseKey)!;
    parts.push(`${c.key},${c.title},${c.state},${e.type},${e.at},${JSON.stringify(e.message ?? null)}\n`);
  }
  const floorBytes = new Blob(parts).size;
  const floorMs = performance.now() - floorStart;
  return { exportMs: ms, floorMs, floorBytes, bytes: blob.size, heapPeakGrowthBytes: Math.max(0, peak - start) };
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
