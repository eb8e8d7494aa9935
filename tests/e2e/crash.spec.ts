/**
 * Crashes (issue 10): Chrome stops the extension's service worker in the middle of an ingest and in
 * the middle of a sweep (DevTools' ServiceWorker.stopAllWorkers, the same stop an idle worker gets).
 * Nothing is half-written, nothing is lost once the work is repeated, and no alert fires twice.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { DEMO_URLS, fulfilHtml } from '../../scripts/demo-portals';
import { MAX_NEW_CASES_PER_READ } from '../../lib/store/ingest';
import {
  clearTables,
  contentScriptWorld,
  readTables,
  sendFromPage,
  stopServiceWorker,
  type Sent,
} from '../helpers/extension-e2e';
import { expect, test } from './extension';

const ORIGIN = 'https://northwind.zendesk.com';
const PAGE = DEMO_URLS.zendeskList;
/**
 * One read creates at most MAX_NEW_CASES_PER_READ cases (the flood bound); each carries MESSAGES
 * messages, so that one ingest still takes a good part of a second on the 2-core machines.
 */
const PER_READ = MAX_NEW_CASES_PER_READ;
const MESSAGES = 12;
/** Cases the sweep test holds (several reads): enough that a sweep firing every alert takes a while. */
const BIG = 3000;
const DAY_MS = 86_400_000;
/**
 * The one clock of these tests: the real now at the start (the worker's own sweeps and ingest use it).
 * Every time below derives from it, so the tests mean the same at any instant.
 */
const NOW = Date.now();
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A snapshot of `count` open requests (ids from `firstId`) as the content script on PAGE sends it:
 * read a minute ago, each request opened 90 days ago and last updated 60 days ago, so the vendor has
 * been quiet far past every limit whatever the weekday or time zone.
 */
function bigSnapshot(firstId: number, count = PER_READ, messages = MESSAGES) {
  return {
    name: 'cs:snapshot',
    payload: {
      provider: 'zendesk',
      pageUrl: PAGE,
      sourceUrl: `${ORIGIN}/api/v2/requests.json`,
      capturedAt: iso(NOW - 60_000),
      extraction: {
        kind: 'list',
        problems: [],
        cases: Array.from({ length: count }, (_, i) => ({
          provider: 'zendesk',
          caseId: String(firstId + i),
          title: `Generated request ${i}`,
          vendorStatus: 'open',
          state: 'open',
          severity: 'normal',
          vendorSeverity: 'normal',
          createdAt: iso(NOW - 90 * DAY_MS),
          updatedAt: iso(NOW - 60 * DAY_MS),
          url: `${ORIGIN}/hc/requests/${firstId + i}`,
          messages: Array.from({ length: messages }, (_, j) => ({
            at: iso(NOW - (61 + j) * DAY_MS),
            side: j % 2 ? 'vendor' : 'customer',
            author: j % 2 ? 'Sam Support' : 'Alex Example',
            text: `Message ${j} on request ${firstId + i}`,
          })),
        })),
      },
    },
  };
}

type Row = Record<string, unknown>;
async function store(ext: Page) {
  const t = (await readTables(ext, ['cases', 'events', 'portals', 'firedAlerts'])) as Record<string, Row[]>;
  return { cases: t.cases!, events: t.events!, portals: t.portals!, firedAlerts: t.firedAlerts! };
}
const keysWith = (rows: Row[], prefix: number) =>
  rows.filter((r) => String(r.key ?? r.caseKey).startsWith(`northwind.zendesk.com:${prefix}`)).length;

/**
 * The routed Zendesk list page (no requests of its own, so every case in the store is one these tests
 * made), one of our pages to read the store from, and the content script's world.
 */
async function setUp(context: BrowserContext, extensionId: string) {
  await context.route(`${ORIGIN}/**`, (route) => fulfilHtml(route, 'zendesk/list-empty.html'));
  const portal = await context.newPage();
  await portal.goto(PAGE);
  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${extensionId}/options.html`);
  // The content script has read the page: the portal's health is on record.
  await expect.poll(async () => (await store(ext)).portals.length).toBe(1);
  return { portal, ext, send: (await contentScriptWorld(context, portal)).send };
}

test('a worker stopped mid-ingest writes nothing of that snapshot; sent again, it lands once and whole', async ({
  context,
  extensionId,
}) => {
  const { portal, ext, send } = await setUp(context, extensionId);

  // How long a whole ingest of this size takes here.
  const started = Date.now();
  expect(await send(bigSnapshot(100_000))).toEqual({
    ok: expect.objectContaining({ created: PER_READ, eventsAdded: PER_READ * (1 + MESSAGES) }),
  });
  const ingestMs = Date.now() - started;
  const before = await store(ext);

  // Stop the worker part-way through the next one, at a few points of it.
  let interrupted = 0;
  for (const [attempt, share] of [0.3, 0.5, 0.7].entries()) {
    const firstId = 200_000 + attempt * 10_000;
    const pending: Promise<Sent> = send(bigSnapshot(firstId));
    await portal.waitForTimeout(Math.round(ingestMs * share));
    await stopServiceWorker(context, ext);
    const outcome = await pending;
    const after = await store(ext);
    const landed = keysWith(after.cases, firstId / 10_000);
    // All or nothing: never some of the snapshot's cases, never cases without their events.
    expect([0, PER_READ], `attempt ${attempt}: ${landed} of ${PER_READ} cases stored`).toContain(landed);
    expect(keysWith(after.events, firstId / 10_000)).toBe(landed * (1 + MESSAGES));
    test.info().annotations.push({
      type: 'stop',
      description: `at ${share * 100}% of ${ingestMs} ms: ${landed ? 'ingest had committed' : 'ingest interrupted'}`,
    });
    if (landed === 0) {
      interrupted++;
      expect(outcome, 'the content script hears that the snapshot was not stored').toHaveProperty('error');
      expect(after.cases).toEqual(before.cases);
      expect(after.portals).toEqual(before.portals);
    }
    // The content script's next read sends it again (a new worker starts for it): it lands whole, once.
    const again = await send(bigSnapshot(firstId));
    expect(again).toEqual({
      ok: expect.objectContaining({
        created: landed ? 0 : PER_READ,
        eventsAdded: landed ? 0 : PER_READ * (1 + MESSAGES),
      }),
    });
    const final = await store(ext);
    expect(keysWith(final.cases, firstId / 10_000)).toBe(PER_READ);
    expect(keysWith(final.events, firstId / 10_000)).toBe(PER_READ * (1 + MESSAGES));
    before.cases = final.cases;
    before.portals = final.portals;
  }
  expect(interrupted, 'at least one stop fell inside an ingest').toBeGreaterThan(0);
});

test('a worker stopped mid-sweep records and notifies nothing of that sweep; the next sweep notifies each alert once', async ({
  context,
  extensionId,
}) => {
  const { ext, send } = await setUp(context, extensionId);
  // BIG cases, as several reads bring them in (no messages: the vendor last updated 60 days ago).
  for (let first = 100_000; first < 100_000 + BIG; first += PER_READ) {
    expect(await send(bigSnapshot(first, PER_READ, 0))).toEqual({ ok: expect.objectContaining({ created: PER_READ }) });
  }
  const notifications = () =>
    ext.evaluate(async () =>
      Object.keys(
        await (
          globalThis as unknown as { chrome: { notifications: { getAll: () => Promise<object> } } }
        ).chrome.notifications.getAll(),
      ),
    );
  const clearNotifications = () =>
    ext.evaluate(async () => {
      const n = (
        globalThis as unknown as {
          chrome: { notifications: { getAll: () => Promise<object>; clear: (id: string) => Promise<boolean> } };
        }
      ).chrome.notifications;
      for (const id of Object.keys(await n.getAll())) await n.clear(id);
    });
  // Every case, quiet for 60 days, is overdue: one vendor-quiet alert each. The ingest above already
  // swept (and notified) at the worker's now; these sweeps run a minute later, from a clean slate.
  const sweep = (at: number) => sendFromPage(ext, { name: 'ui:sweep', payload: { now: iso(at) } });
  const SWEEP_AT = NOW + 60_000;
  await clearTables(ext, ['firedAlerts']);
  await clearNotifications();

  // How long a whole sweep that fires every alert takes here, then start clean.
  const started = Date.now();
  const full = await sweep(SWEEP_AT);
  const sweepMs = Date.now() - started;
  const alerts = (full as { ok: { notified: number } }).ok.notified;
  expect(alerts).toBe(BIG);

  let interrupted = 0;
  for (const share of [0.2, 0.4, 0.6]) {
    await clearTables(ext, ['firedAlerts']);
    await clearNotifications();
    const pending = sweep(SWEEP_AT);
    await ext.waitForTimeout(Math.round(sweepMs * share));
    await stopServiceWorker(context, ext);
    const outcome = await pending;
    const fired = (await store(ext)).firedAlerts.length;
    const shown = await notifications();
    test.info().annotations.push({
      type: 'stop',
      description: `at ${share * 100}% of ${sweepMs} ms: ${fired ? 'sweep had committed' : 'sweep interrupted'}`,
    });
    // All or nothing: a sweep records all of its alerts or none.
    expect([0, alerts]).toContain(fired);
    if (fired === 0) {
      interrupted++;
      expect(outcome).toHaveProperty('error');
      // Nothing recorded, so nothing may have been shown either.
      expect(shown).toEqual([]);
    }
    // The next sweep (alarm or page) notifies exactly what was not recorded, and the one after, nothing.
    const next = await sweep(SWEEP_AT);
    expect(next).toEqual({ ok: expect.objectContaining({ notified: alerts - fired }) });
    expect((await store(ext)).firedAlerts.length).toBe(alerts);
    expect(await sweep(SWEEP_AT + 15 * 60_000)).toEqual({ ok: expect.objectContaining({ notified: 0 }) });
    if (fired === 0) await expect.poll(notifications).toHaveLength(1); // one digest for the many alerts
  }
  expect(interrupted, 'at least one stop fell inside a sweep').toBeGreaterThan(0);
});
