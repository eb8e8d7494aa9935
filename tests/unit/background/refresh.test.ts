import type { Runtime } from 'webextension-polyfill';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '@/lib/background/handlers';
import { CaseradarDB, portalKey } from '@/lib/store/db';
import {
  IN_FLIGHT_TIMEOUT_MS,
  MAX_FAILURES,
  nextDelayMinutes,
  newSchedule,
  releaseRefreshTab,
  retryAfterMs,
  runRefreshes,
  type RefreshDeps,
} from '@/lib/background/refresh';
import { fixtureText } from '../../helpers/fixtures';

const ORIGIN = 'https://northwind.zendesk.com';
const KEY = portalKey('zendesk', ORIGIN);
const T0 = new Date('2026-11-04T10:00:00.000Z');

let db: CaseradarDB;
let n = 0;
let clock: Date;
let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;
let openTab: ReturnType<typeof vi.fn<(url: string) => Promise<number>>>;
let closeTab: ReturnType<typeof vi.fn<(id: number) => Promise<void>>>;
let deps: RefreshDeps;

/** A fetch Response with the read-only fields a real one would have after redirects. */
function reply(
  body: string,
  init: {
    status?: number;
    headers?: Record<string, string>;
    url?: string;
    redirected?: boolean;
    type?: ResponseType;
  } = {},
): Response {
  const response = new Response(body, { status: init.status ?? 200, headers: init.headers });
  if (init.type) Object.defineProperty(response, 'type', { value: init.type });
  Object.defineProperty(response, 'url', { value: init.url ?? `${ORIGIN}/api/v2/requests.json` });
  Object.defineProperty(response, 'redirected', { value: init.redirected ?? false });
  return response;
}
const requestsBody = (status = 'pending') => {
  const body = JSON.parse(fixtureText('zendesk/api-requests.json'));
  body.requests[0].status = status;
  if (status !== 'pending') body.requests[0].updated_at = '2026-11-04T09:00:00Z';
  return JSON.stringify(body);
};

beforeEach(async () => {
  db = new CaseradarDB(`refresh-test-${++n}`);
  clock = T0;
  fetchMock = vi.fn<typeof fetch>(async () => reply(requestsBody()));
  openTab = vi.fn(async () => 41);
  closeTab = vi.fn(async () => undefined);
  deps = { db, now: () => clock, fetch: fetchMock, random: () => 0.5, openTab, closeTab };
  await db.refresh.put(newSchedule('zendesk', ORIGIN, T0.toISOString())!);
});
afterEach(async () => {
  await db.delete();
});

const schedule = async () => (await db.refresh.get(KEY))!;
const minutesUntilNext = async () => (Date.parse((await schedule()).nextAt!) - clock.getTime()) / 60_000;

describe('API refresh', () => {
  it('reads the portal JSON with the session, stores cases as observed by refresh, and schedules the next', async () => {
    const reports = await runRefreshes(deps);
    expect(reports).toEqual([{ key: KEY, outcome: 'ok', message: 'Read 3 cases, 1 unreadable' }]);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe(`${ORIGIN}/api/v2/requests.json?sort_by=updated_at&sort_order=desc`);
    expect(init).toMatchObject({ credentials: 'include', cache: 'no-store', redirect: 'manual' });
    const stored = await db.cases.get('northwind.zendesk.com:48213');
    expect(stored).toMatchObject({
      state: 'waiting-on-customer',
      observedHow: 'refresh',
      lastObservedAt: T0.toISOString(),
    });
    expect(await schedule()).toMatchObject({ consecutiveFailures: 0, inFlightSince: null, pausedReason: null });
    expect(await minutesUntilNext()).toBe(15); // random 0.5 = no jitter
  });

  it("never fetches or opens an address that is not the portal's own (a row planted by an old backup)", async () => {
    await db.refresh.put({ ...(await schedule()), url: 'http://127.0.0.1:8080/account/delete?confirm=1' });
    expect(await runRefreshes(deps, { force: true })).toEqual([
      { key: KEY, outcome: 'skipped', message: "Not this portal's own refresh address" },
    ]);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(openTab).not.toHaveBeenCalled();
  });

  it('picks up a status change without any visit', async () => {
    await runRefreshes(deps);
    fetchMock.mockImplementation(async () => reply(requestsBody('solved')));
    clock = new Date(T0.getTime() + 16 * 60_000);
    await runRefreshes(deps);
    expect((await db.cases.get('northwind.zendesk.com:48213'))!.state).toBe('resolved');
    const events = await db.events.where('caseKey').equals('northwind.zendesk.com:48213').toArray();
    expect(events.filter((e) => e.type === 'state').map((e) => [e.from, e.to])).toEqual([['pending', 'solved']]);
  });

  it('does nothing before the next attempt is due, and "refresh now" (force) runs anyway', async () => {
    await runRefreshes(deps);
    clock = new Date(T0.getTime() + 5 * 60_000);
    expect(await runRefreshes(deps)).toEqual([{ key: KEY, outcome: 'skipped', message: null }]);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await runRefreshes(deps, { force: true });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('runs at most one refresh per portal at a time', async () => {
    let release!: () => void;
    fetchMock.mockImplementation(() => new Promise((resolve) => (release = () => resolve(reply(requestsBody())))));
    const first = runRefreshes(deps);
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    expect(await runRefreshes(deps, { force: true })).toEqual([{ key: KEY, outcome: 'skipped', message: null }]);
    release();
    await first;
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('retries a claim left by a worker that died mid-refresh once it is stale', async () => {
    await db.refresh.update(KEY, { inFlightSince: T0.toISOString() });
    clock = new Date(T0.getTime() + IN_FLIGHT_TIMEOUT_MS - 1000);
    expect((await runRefreshes(deps))[0]!.outcome).toBe('skipped');
    clock = new Date(T0.getTime() + IN_FLIGHT_TIMEOUT_MS);
    expect((await runRefreshes(deps))[0]!.outcome).toBe('ok');
  });

  it('drops cases a body places on another origin', async () => {
    const body = JSON.parse(requestsBody());
    body.requests[1].url = 'https://evil.example/api/v2/requests/1.json';
    fetchMock.mockImplementation(async () =>
      reply(JSON.stringify(body), { url: 'https://evil.example/api/v2/requests.json', redirected: false }),
    );
    await runRefreshes(deps);
    expect(await db.cases.count()).toBe(0);
  });
});

describe('failures never change a case', () => {
  const casesSnapshot = async () => JSON.stringify(await db.cases.toArray());

  it.each([
    // fetch(redirect: 'manual') answers a redirect as an opaque response with status 0.
    [
      'a redirect (not followed)',
      () => reply('', { status: 200, type: 'opaqueredirect' }),
      /Signed out \(the portal redirected its JSON to sign in\)/,
    ],
    ['HTTP 401', () => reply('{"error":"Couldn\'t authenticate you"}', { status: 401 }), /Signed out \(HTTP 401\)/],
    [
      'a redirect followed to the sign-in page',
      () =>
        reply('<html><form><input type="password"></form></html>', {
          url: `${ORIGIN}/hc/signin?return_to=x`,
          redirected: true,
        }),
      /Signed out \(sent to northwind\.zendesk\.com\/hc\/signin\)/,
    ],
    [
      'a redirect to an identity provider',
      () => reply('<html></html>', { url: 'https://login.example-idp.com/saml', redirected: true }),
      /Signed out \(sent to login\.example-idp\.com/,
    ],
    [
      'a sign-in page answered with 200',
      () => reply('<!doctype html><form><input name="p" type=password></form>'),
      /Signed out \(got a sign-in page\)/,
    ],
  ])('%s marks the portal signed out, pauses refresh and leaves cases alone', async (_label, make, message) => {
    await runRefreshes(deps);
    const before = await casesSnapshot();
    fetchMock.mockImplementation(async () => make());
    clock = new Date(T0.getTime() + 20 * 60_000);
    expect((await runRefreshes(deps))[0]).toMatchObject({ outcome: 'failed', message: expect.stringMatching(message) });
    expect(await casesSnapshot()).toBe(before);
    expect(await schedule()).toMatchObject({
      consecutiveFailures: 1,
      pausedReason: expect.stringMatching(/^Signed out/),
    });
    const health = (await db.portals.get(KEY))!;
    expect(health.lastError).toMatchObject({
      failure: 'signed-out',
      message: expect.stringMatching(/^Background refresh: Signed out/),
    });
    // Paused: the alarm does not knock on the login page again.
    clock = new Date(T0.getTime() + 24 * 3_600_000);
    expect((await runRefreshes(deps))[0]!.outcome).toBe('skipped');
  });

  it('backs off exponentially, honours Retry-After, and stops after repeated failures', async () => {
    fetchMock.mockImplementation(async () => reply('busy', { status: 503, headers: { 'Retry-After': '7200' } }));
    await runRefreshes(deps);
    expect(await schedule()).toMatchObject({
      consecutiveFailures: 1,
      lastOutcome: 'HTTP 503 from northwind.zendesk.com',
      pausedReason: null,
    });
    expect(await minutesUntilNext()).toBe(120); // Retry-After (2 h) beats the 30 min backoff
    fetchMock.mockImplementation(async () => reply('oops', { status: 500 }));
    const delays: number[] = [];
    for (let i = 2; i <= MAX_FAILURES; i++) {
      clock = new Date(Date.parse((await schedule()).nextAt!));
      await runRefreshes(deps);
      delays.push(await minutesUntilNext());
    }
    expect(delays).toEqual([60, 120, 240, 360]); // 15·2^n, capped at 6 h
    expect((await schedule()).pausedReason).toBe(`Stopped after ${MAX_FAILURES} failed refreshes in a row`);
    expect((await db.portals.get(KEY))!.lastError).toMatchObject({ failure: 'cannot-observe' });
    expect(await db.cases.count()).toBe(0);
  });

  it('reports a body it cannot read as the adapter named it', async () => {
    fetchMock.mockImplementation(async () => reply('{"unexpected":true}'));
    await runRefreshes(deps);
    expect((await db.portals.get(KEY))!.lastError).toMatchObject({ failure: 'unknown-shape' });
  });
});

describe('scheduling arithmetic', () => {
  it('jitters by ±10 % and never goes below the interval after a success', () => {
    expect(nextDelayMinutes(15, 0, () => 0)).toBeCloseTo(13.5);
    expect(nextDelayMinutes(15, 0, () => 1)).toBeCloseTo(16.5);
    expect(nextDelayMinutes(15, 3, () => 0.5)).toBe(120);
  });
  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-11-04T10:00:00Z');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Wed, 04 Nov 2026 10:05:00 GMT', now)).toBe(300_000);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });
  it('clamps intervals to at least 5 minutes', () => {
    expect(newSchedule('zendesk', ORIGIN, T0.toISOString(), 1)!.intervalMinutes).toBe(5);
    expect(newSchedule('manual', ORIGIN, T0.toISOString())).toBeNull();
  });
});

describe('page refresh in a background tab', () => {
  const AZURE = 'https://portal.azure.com';
  const AZURE_KEY = portalKey('azure', AZURE);
  const tabSender = (tabId: number): Runtime.MessageSender => ({
    id: 'caseradar',
    url: `${AZURE}/#view/x`,
    tab: { id: tabId, url: `${AZURE}/#view/x` } as Runtime.MessageSender['tab'],
  });
  const azureSnapshot = () => ({
    provider: 'azure',
    pageUrl: `${AZURE}/#view/x`,
    sourceUrl: `${AZURE}/#view/x`,
    capturedAt: T0.toISOString(),
    extraction: {
      kind: 'list',
      problems: [],
      cases: [
        {
          provider: 'azure',
          caseId: '2611040010001234',
          title: 'VM',
          vendorStatus: 'Open',
          state: 'open',
          severity: 'high',
          vendorSeverity: 'B',
          createdAt: null,
          updatedAt: '2026-11-04T09:00:00.000Z',
          url: `${AZURE}/#view/case/2611040010001234`,
        },
      ],
    },
  });

  beforeEach(async () => {
    await db.refresh.clear();
    await db.refresh.put(newSchedule('azure', AZURE, T0.toISOString())!);
  });

  it("opens the list page in the background; that tab's snapshot counts as a refresh and the tab is closed", async () => {
    expect(await runRefreshes(deps)).toEqual([{ key: AZURE_KEY, outcome: 'pending', message: null }]);
    expect(openTab).toHaveBeenCalledWith(expect.stringMatching(/^https:\/\/portal\.azure\.com\//));
    const handlers = createHandlers({
      db,
      now: () => clock,
      extensionOrigin: 'chrome-extension://caseradar/',
      refresh: deps,
      onStoreChanged: async () => ({ notified: 0, active: 0, waitingOnYou: 0, hasOverdue: false }),
    });
    await handlers['cs:snapshot'](azureSnapshot(), tabSender(41));
    expect((await db.cases.get('azure:2611040010001234'))!.observedHow).toBe('refresh');
    expect(closeTab).toHaveBeenCalledWith(41);
    expect(await db.refresh.get(AZURE_KEY)).toMatchObject({
      tabId: null,
      inFlightSince: null,
      lastOutcome: 'Read 1 case',
    });
    // The same page in a tab the user opened is a visit.
    await handlers['cs:snapshot'](
      { ...azureSnapshot(), capturedAt: new Date(T0.getTime() + 120_000).toISOString() },
      tabSender(7),
    );
    expect((await db.cases.get('azure:2611040010001234'))!.observedHow).toBe('visit');
  });

  it('closes a tab that never reported and counts a failure', async () => {
    await runRefreshes(deps);
    clock = new Date(T0.getTime() + IN_FLIGHT_TIMEOUT_MS);
    await runRefreshes(deps);
    expect(closeTab).toHaveBeenCalledWith(41);
    expect(await db.refresh.get(AZURE_KEY)).toMatchObject({ consecutiveFailures: 1, tabId: null });
    expect((await db.portals.get(AZURE_KEY))!.lastError).toMatchObject({ failure: 'layout-changed' });
  });

  it('never closes a refresh tab the user switched to; that attempt is no failure and its report is a visit', async () => {
    await runRefreshes(deps);
    expect(await releaseRefreshTab(deps, 41)).toBe(true);
    expect(await releaseRefreshTab(deps, 7)).toBe(false); // not one of ours
    clock = new Date(T0.getTime() + IN_FLIGHT_TIMEOUT_MS);
    await runRefreshes(deps);
    expect(closeTab).not.toHaveBeenCalled();
    expect(await db.refresh.get(AZURE_KEY)).toMatchObject({
      tabId: null,
      inFlightSince: null,
      consecutiveFailures: 0,
      lastOutcome: 'You took over the refresh tab; it stays open',
    });
    const handlers = createHandlers({
      db,
      now: () => clock,
      extensionOrigin: 'chrome-extension://caseradar/',
      refresh: deps,
      onStoreChanged: async () => ({ notified: 0, active: 0, waitingOnYou: 0, hasOverdue: false }),
    });
    await handlers['cs:snapshot'](azureSnapshot(), tabSender(41));
    expect((await db.cases.get('azure:2611040010001234'))!.observedHow).toBe('visit');
    expect(closeTab).not.toHaveBeenCalled();
  });
});

describe('a visit resumes a paused refresh', () => {
  it('lifts the sign-out pause when the user reads the portal again', async () => {
    await db.refresh.update(KEY, {
      pausedReason: 'Signed out: sign in to the portal, then refresh resumes',
      consecutiveFailures: 1,
    });
    const handlers = createHandlers({
      db,
      now: () => clock,
      extensionOrigin: 'chrome-extension://caseradar/',
      refresh: deps,
      onStoreChanged: async () => ({ notified: 0, active: 0, waitingOnYou: 0, hasOverdue: false }),
    });
    const page = `${ORIGIN}/hc/en-us/requests`;
    await handlers['cs:snapshot'](
      {
        provider: 'zendesk',
        pageUrl: page,
        sourceUrl: page,
        capturedAt: T0.toISOString(),
        extraction: { kind: 'list', cases: [], problems: [] },
      },
      { id: 'caseradar', url: page, tab: { id: 3, url: page } as Runtime.MessageSender['tab'] },
    );
    expect(await schedule()).toMatchObject({ pausedReason: null, consecutiveFailures: 0, nextAt: T0.toISOString() });
  });
});
