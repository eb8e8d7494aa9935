/**
 * Hostile portal content (issue 10): a routed Zendesk list and request page carry the whole hostile
 * corpus (tests/fixtures/hostile/strings.json) in titles, comments, authors and the assignee. Our pages
 * must show it as text: no script of it runs (window.__pwned stays undefined, no CSP violation is even
 * attempted), none of its markup becomes an element, and no link of ours points anywhere but http(s).
 */
import type { ConsoleMessage, Page } from '@playwright/test';
import { cleanBody, cleanText } from '@/lib/core/text';
import { readTables } from '../helpers/extension-e2e';
import { HOSTILE, hostileZendeskDetail, hostileZendeskList, shownCommentBody } from '../helpers/hostile';
import { expect, test } from './extension';

const ORIGIN = 'https://hostile.zendesk.com';
const FIRST_ID = 1000;
// Every corpus string is a title; comment authors are stored up to 200 characters, so the page's
// comments carry the strings that fit (longer ones are the list's titles).
const AUTHORS = HOSTILE.filter((h) => h.value.length <= 200);
const OWNER = '<img src=x onerror="window.__pwned=1"> \u202Eowner';
const readable = HOSTILE.filter((h) => cleanText(h.value));
/**
 * The text as the browser hands it over from a UTF-8 page: lone surrogates become U+FFFD; the HTML
 * parser turns NUL into U+FFFD in attributes (titles, authors) and drops it in element text (bodies).
 */
const asAttribute = (s: string) => s.toWellFormed().replaceAll('\u0000', '\uFFFD');
const asText = (s: string) => s.toWellFormed().replaceAll('\u0000', '');

/** Markup the corpus would become if any of it were parsed as HTML. */
const INJECTED =
  'iframe, object, embed, [onerror], [onload], [onclick], [onmouseover], [onfocus], [srcdoc], img[src="x"], svg[onload]';

async function checkInert(page: Page, violations: string[]): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  await expect(page.locator(INJECTED)).toHaveCount(0);
  // Only our own bundle's scripts: none from portal text.
  for (const src of await page.locator('script').evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).src))) {
    expect(src).toMatch(/^chrome-extension:\/\//);
  }
  for (const href of await page
    .locator('a[href]')
    .evaluateAll((els) => els.map((e) => (e as HTMLAnchorElement).href))) {
    expect(href).toMatch(/^(https?|chrome-extension):\/\//);
  }
  expect(violations).toEqual([]);
}

function watchConsole(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (/Content Security Policy|Refused to (execute|load)|__pwned/i.test(m.text())) violations.push(m.text());
  });
  page.on('pageerror', (e) => violations.push(`page error: ${e.message}`));
  return violations;
}

test('the popup, dashboard and print view show the hostile corpus as text, and nothing of it runs', async ({
  context,
  extensionId,
}) => {
  await context.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    const body =
      path === `/hc/en-us/requests/${FIRST_ID}`
        ? hostileZendeskDetail(AUTHORS, FIRST_ID, HOSTILE[0]!.value, OWNER)
        : hostileZendeskList(HOSTILE, FIRST_ID);
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  });
  const portal = await context.newPage();
  await portal.goto(`${ORIGIN}/hc/en-us/requests`);
  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${extensionId}/options.html`);
  await expect.poll(async () => (await readTables(ext, ['cases'])).cases!.length).toBe(readable.length);
  await portal.goto(`${ORIGIN}/hc/en-us/requests/${FIRST_ID}`);
  await expect
    .poll(
      async () =>
        (await readTables(ext, ['events'])).events!.filter((e) => (e as { type: string }).type === 'message').length,
    )
    .toBe(AUTHORS.length);
  const titles = readable.map((h) => cleanText(asAttribute(h.value))!);

  // Popup: one row per readable string; each title is exactly that text.
  const popup = await context.newPage();
  const popupViolations = watchConsole(popup);
  await popup.setViewportSize({ width: 800, height: 4000 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByTestId('case-row')).toHaveCount(readable.length);
  expect((await popup.locator('.case-title').allTextContents()).sort()).toEqual([...titles].sort());
  await expect(popup.getByTestId('case-row').filter({ hasText: OWNER })).toHaveCount(1);
  await checkInert(popup, popupViolations);

  // Dashboard: every row, and a search for markup finds its cases as text.
  const dashboard = await context.newPage();
  const dashboardViolations = watchConsole(dashboard);
  await dashboard.setViewportSize({ width: 1400, height: 4000 });
  await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html`);
  await expect(dashboard.getByTestId('dashboard-row')).toHaveCount(readable.length);
  for (const t of titles.filter((x) => x.length < 200))
    await expect(dashboard.getByTestId('dashboard-row').filter({ hasText: t }).first()).toBeVisible();
  await dashboard.getByRole('searchbox').first().fill('<script>');
  await expect(dashboard.getByTestId('dashboard-row')).toHaveCount(
    titles.filter((t) => t.toLowerCase().includes('<script>')).length,
  );
  await checkInert(dashboard, dashboardViolations);

  // Print view: the request's history with every hostile comment and author.
  const print = await context.newPage();
  const printViolations = watchConsole(print);
  await print.goto(
    `chrome-extension://${extensionId}/print.html?noprint&cases=listed&key=hostile.zendesk.com:${FIRST_ID}`,
  );
  const text = (await print.locator('main').textContent()) ?? '';
  for (const h of AUTHORS) {
    const body = cleanBody(shownCommentBody(asText(h.value)))!;
    expect(text, h.name).toContain(body.slice(0, 60));
    if (cleanText(h.value)) expect(text, h.name).toContain(cleanText(asAttribute(h.value))!.slice(0, 60));
  }
  await checkInert(print, printViolations);
  // The portal's own page rendered the escaped corpus as text too (our routed stand-in, sanity check).
  expect(await portal.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
});
