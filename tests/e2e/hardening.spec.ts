/**
 * Message and bridge hardening (issue 10), in the real browser: what a hostile page, a frame inside
 * it, or a content script can post or send must not create cases for another provider or origin.
 * Each test has a positive control (the legitimate message of the same kind is accepted), so the
 * refusals are refusals and not a broken channel.
 */
import type { Page } from '@playwright/test';
import { fixture } from '../../scripts/demo-portals';
import { contentScriptWorld, readTables, sendFromPage } from '../helpers/extension-e2e';
import { expect, test } from './extension';

const ORIGIN = 'https://hostile.zendesk.com';
const PAGE = `${ORIGIN}/hc/en-us/requests`;
const EMPTY_LIST =
  '<!DOCTYPE html><html><body><main><p class="no-activities">No requests</p><div id="frames"></div></main></body></html>';

/** The zendesk Requests API fixture with its ids replaced, as a response body. */
function requestsBody(ids: number[]): string {
  const { requests } = JSON.parse(fixture('zendesk/api-requests.json')) as { requests: Record<string, unknown>[] };
  return JSON.stringify({ requests: ids.map((id, i) => ({ ...requests[i % requests.length], id })) });
}
/** What the tap used to post on window (before it had a private channel): a page forging it is ignored. */
const tap = (url: string, body: string) => ({ source: 'caseradar-tap', url, status: 200, body });

async function storedCases(ext: Page): Promise<{ key: string; url: string }[]> {
  return (await readTables(ext, ['cases'])).cases as { key: string; url: string }[];
}

test('forged main-world tap messages for another provider, another origin or from a frame create no case', async ({
  context,
  extensionId,
}) => {
  await context.route(`${ORIGIN}/**`, (route) =>
    route.request().url().startsWith(`${ORIGIN}/api/v2/requests.json`)
      ? route.fulfill({ status: 200, contentType: 'application/json', body: requestsBody([700001, 700002]) })
      : route.fulfill({ status: 200, contentType: 'text/html', body: EMPTY_LIST }),
  );
  // A third-party frame inside the portal posts what the tap would, for the portal's own API URL.
  await context.route('https://evil.example/**', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html',
      body: `<!DOCTYPE html><html><body><script>
      parent.postMessage(${JSON.stringify(tap(`${ORIGIN}/api/v2/requests.json`, requestsBody([900001, 900002])))}, '*');
      document.title = 'posted';
    </script></body></html>`,
    }),
  );
  const portal = await context.newPage();
  await portal.goto(PAGE);
  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${extensionId}/dashboard.html`);

  // The page itself forges messages: another provider's API, and its own family's API path on another host.
  await portal.evaluate(
    (messages) => messages.forEach((m) => window.postMessage(m, '*')),
    [
      tap(
        'https://management.azure.com/providers/Microsoft.Support/supportTickets?api-version=2024-04-01',
        fixture('azure/list.json'),
      ),
      tap('https://evil.example/api/v2/requests.json', requestsBody([800001, 800002])),
      // A forged 401 for the family's API path on another host must not mark this portal signed out.
      { ...tap('https://evil.example/api/v2/requests.json', '{}'), status: 401 },
    ],
  );
  await portal.evaluate(() => {
    const frame = document.createElement('iframe');
    frame.src = 'https://evil.example/frame.html';
    document.getElementById('frames')!.append(frame);
  });
  await expect
    .poll(() =>
      portal
        .frames()
        .find((f) => f.url().startsWith('https://evil.example'))
        ?.title(),
    )
    .toBe('posted');

  // The same message for the page's own API URL, posted by the page, is not believed either: only the
  // tap's private channel carries bodies.
  await portal.evaluate(
    (m) => window.postMessage(m, '*'),
    tap(`${ORIGIN}/api/v2/requests.json`, requestsBody([600001, 600002])),
  );
  // Positive control: the page's own fetch of its API, which the tap hands over; a page listener hears
  // no body, and the tap left no global behind.
  const heard = await portal.evaluate(async (api) => {
    const messages: string[] = [];
    window.addEventListener('message', (e) => messages.push(JSON.stringify(e.data)));
    await (await fetch(api)).text();
    await new Promise((r) => setTimeout(r, 500));
    return { messages, globals: Object.keys(window).filter((k) => /caseradar/i.test(k)) };
  }, `${ORIGIN}/api/v2/requests.json`);
  expect(heard).toEqual({ messages: [], globals: [] });
  await expect.poll(async () => (await storedCases(ext)).length).toBe(2);
  // Give any other message that reached the background the same time again.
  await portal.waitForTimeout(1_000);
  const cases = await storedCases(ext);
  expect(cases.map((c) => c.key).sort()).toEqual(['hostile.zendesk.com:700001', 'hostile.zendesk.com:700002']);
  for (const c of cases) expect(new URL(c.url).origin).toBe(ORIGIN);
  const { portals } = (await readTables(ext, ['portals'])) as { portals: { key: string; lastError: unknown }[] };
  expect(portals.map((p) => [p.key, p.lastError])).toEqual([[`zendesk|${ORIGIN}`, null]]);
});

test('a content script cannot speak for another origin, provider or page: Chrome names the sender and the background checks it', async ({
  context,
  extensionId,
}) => {
  await context.route(`${ORIGIN}/**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: EMPTY_LIST }),
  );
  const portal = await context.newPage();
  await portal.goto(PAGE);
  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${extensionId}/dashboard.html`);
  const { send } = await contentScriptWorld(context, portal);

  const snapshot = (over: Record<string, unknown>, caseOver: Record<string, unknown> = {}) => ({
    name: 'cs:snapshot',
    payload: {
      provider: 'zendesk',
      pageUrl: PAGE,
      sourceUrl: PAGE,
      capturedAt: new Date().toISOString(),
      extraction: {
        kind: 'list',
        problems: [],
        cases: [
          {
            provider: 'zendesk',
            caseId: '7',
            title: 'T',
            vendorStatus: 'Open',
            state: 'open',
            severity: null,
            vendorSeverity: null,
            createdAt: null,
            updatedAt: null,
            url: `${PAGE}/7`,
            ...caseOver,
          },
        ],
      },
      ...over,
    },
  });
  const refusals: [string, unknown, RegExp][] = [
    [
      'another origin of the same family',
      snapshot(
        {
          pageUrl: 'https://victim.zendesk.com/hc/en-us/requests',
          sourceUrl: 'https://victim.zendesk.com/hc/en-us/requests',
        },
        { url: 'https://victim.zendesk.com/hc/en-us/requests/7' },
      ),
      /Expected the page URL on https:\/\/hostile\.zendesk\.com/,
    ],
    [
      'another provider',
      snapshot(
        { provider: 'azure', pageUrl: 'https://portal.azure.com/', sourceUrl: 'https://portal.azure.com/' },
        { provider: 'azure', url: 'https://portal.azure.com/#x' },
      ),
      /Expected a sender on azure hosts/,
    ],
    [
      'case links to another origin',
      snapshot({}, { url: 'https://victim.zendesk.com/hc/en-us/requests/7' }),
      /Expected case links on/,
    ],
    ['a javascript: case link', snapshot({}, { url: 'javascript:alert(1)' }), /http\(s\) URL/],
    [
      'a source that is neither the page origin nor a known API',
      snapshot({ sourceUrl: 'https://evil.example/api' }),
      /known API/,
    ],
    [
      'a failure report for another origin',
      {
        name: 'cs:extract-failed',
        payload: {
          provider: 'zendesk',
          pageUrl: 'https://victim.zendesk.com/hc/en-us/requests',
          failure: 'signed-out',
          message: 'x',
        },
      },
      /Expected the page URL on/,
    ],
    [
      'a sweep, which only our own pages may ask for',
      { name: 'ui:sweep', payload: {} },
      /Expected a message from an extension page/,
    ],
  ];
  for (const [what, message, reason] of refusals) {
    const result = await send(message);
    expect('error' in result ? result.error : `accepted: ${JSON.stringify(result)}`, what).toMatch(reason);
  }
  // Positive control: the content script's own snapshot for its own page is accepted.
  expect(await send(snapshot({}))).toEqual({ ok: expect.objectContaining({ created: 1 }) });
  expect((await storedCases(ext)).map((c) => c.key)).toEqual(['hostile.zendesk.com:7']);
  const { portals } = (await readTables(ext, ['portals'])) as { portals: { key: string; lastError: unknown }[] };
  expect(portals.map((p) => [p.key, p.lastError])).toEqual([[`zendesk|${ORIGIN}`, null]]);
  // And our own page may ask for a sweep.
  // Its one case was created just now: nothing is overdue, nothing to notify.
  expect(await sendFromPage(ext, { name: 'ui:sweep', payload: {} })).toEqual({
    ok: expect.objectContaining({ notified: 0 }),
  });
});
