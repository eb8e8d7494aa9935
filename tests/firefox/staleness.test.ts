/**
 * The staleness sweep and its notification in Firefox (Chromium: tests/e2e/staleness.spec.ts). Firefox
 * has no notification buttons: the notification is shown without them, and snoozing is done in the popup.
 */
import type { Page } from 'puppeteer-core';
import type { TestClock } from './clock';
import { expect, test } from './fixtures';
import { caseRow, click, count, readTables, recordNotifications, rowFacts, sendFromPage, soon, texts } from './page';
import { azureTickets, routeAzure, URLS } from './portals';
import { json, type Router } from './routes';

const TICKET_ID = '2610010040001234';
const KEY = `azure:${TICKET_ID}`;
const HOUR_MS = 3_600_000;

/** The first Azure ticket alone, last modified at `modifiedDate` (normal severity: 3 business days allowed). */
function routeOneTicket(routes: Router, clock: TestClock, modifiedDate: string): () => void {
  const all = JSON.parse(azureTickets(clock)) as { value: { properties: Record<string, unknown> }[] };
  const ticket = all.value[0]!;
  return routeAzure(routes, () => json({ value: [{ ...ticket, properties: { ...ticket.properties, modifiedDate } }] }));
}

/** Runs a sweep as our own pages do, with the clock injected. */
const sweepAt = (page: Page, nowIso: string) => sendFromPage(page, { name: 'ui:sweep', payload: { now: nowIso } });

test('a quiet case notifies once, shows overdue, hides while snoozed and resurfaces when the vendor acts', async ({
  ff,
  clock,
}) => {
  const twoWeeksAgo = clock.noonWeeksAgo(2);
  const unroute = routeOneTicket(ff.routes, clock, twoWeeksAgo);
  // The popup is open before the visit, so it hears the notification the visit's own sweep shows.
  const popup = await ff.openExtensionPage('popup.html');
  const notifications = await recordNotifications(popup);
  const portal = await ff.openPortal(URLS.azurePortal);
  await soon(() => rowFacts(popup, KEY)).toMatchObject({
    overdue: true,
    why: 'vendor quiet for 10 business days (limit 3 business days)',
  });
  const notified = {
    id: `${KEY}|vendor-quiet||${twoWeeksAgo}`,
    title: `Azure #${TICKET_ID}: vendor quiet for 10 business days (limit 3 business days)`,
    message: 'VM scale set stuck in "Updating" after OS upgrade',
  };
  await soon(() => notifications.shown()).toEqual([notified]);

  // The next sweeps, a quarter of an hour apart, do not notify it again.
  await sweepAt(popup, clock.iso(clock.now + HOUR_MS / 4));
  await sweepAt(popup, clock.iso(clock.now + HOUR_MS / 2));
  expect(await firedAlertIds(popup)).toEqual([notified.id]);
  expect(await notifications.shown()).toEqual([notified]);

  // Snooze until the vendor acts: the row leaves the timeline.
  await click(popup, `${caseRow(KEY)} details.snooze summary`);
  await click(popup, `${caseRow(KEY)} .snooze-options button::-p-text(Done until the vendor acts)`);
  await soon(() => count(popup, caseRow(KEY))).toBe(0);
  expect(await texts(popup, 'label.toggle')).toEqual(['show closing soon', 'show snoozed (1)']);

  // A day later the vendor is still quiet: it stays hidden and nothing is notified.
  await sweepAt(popup, clock.iso(clock.now + 24 * HOUR_MS));
  expect(await count(popup, caseRow(KEY))).toBe(0);
  expect(await notifications.shown()).toEqual([notified]);

  // The vendor updates the ticket and we read it on the next portal visit: the case is back, and the
  // vendor has just acted, so it is not overdue.
  unroute();
  routeOneTicket(ff.routes, clock, clock.iso(Date.now()));
  await ff.reload(portal);
  await soon(() => rowFacts(popup, KEY)).toMatchObject({
    overdue: false,
    why: expect.stringMatching(/ · vendor quiet under 1 h$/),
  });
  expect(await texts(popup, 'label.toggle')).toEqual(['show closing soon', 'show snoozed (0)']);
  expect(await notifications.shown()).toEqual([notified]);
});

test('a snooze for a week hides the case until it ends, then it notifies again', async ({ ff, clock }) => {
  const twoWeeksAgo = clock.noonWeeksAgo(2);
  routeOneTicket(ff.routes, clock, twoWeeksAgo);
  const popup = await ff.openExtensionPage('popup.html');
  const notifications = await recordNotifications(popup);
  await ff.openPortal(URLS.azurePortal);
  // What the visit read comes first: without it there is nothing to notify.
  await soon(() => rowFacts(popup, KEY)).toMatchObject({ overdue: true });
  const quiet = `${KEY}|vendor-quiet||${twoWeeksAgo}`;
  await soon(async () => (await notifications.shown()).map((n) => n.id)).toEqual([quiet]);

  await click(popup, `${caseRow(KEY)} details.snooze summary`);
  await click(popup, `${caseRow(KEY)} .snooze-options button::-p-text(1 week)`);
  await soon(() => count(popup, caseRow(KEY))).toBe(0);

  // Eight days after the visit the snooze has ended: the case is back and notifies once more. Nobody
  // has read the portal for those eight days, so what it says first is that our data is old.
  const { cases } = await readTables(popup, ['cases']);
  const lastObservedAt = cases.find((c) => c.key === KEY)!.lastObservedAt as string;
  await sweepAt(popup, clock.iso(Date.parse(lastObservedAt) + 8 * 24 * HOUR_MS));
  await soon(async () => (await notifications.shown()).slice(1)).toEqual([
    {
      id: `${KEY}|not-observed||${lastObservedAt}`,
      title: `Azure #${TICKET_ID}: not observed for 8 days; open the portal to refresh before trusting its state`,
      message: 'VM scale set stuck in "Updating" after OS upgrade',
    },
  ]);
  expect(await texts(popup, 'label.toggle')).toEqual(['show closing soon', 'show snoozed (0)']);
});

/** The alert ids the sweeps have recorded as notified. */
async function firedAlertIds(page: Page): Promise<string[]> {
  const { firedAlerts } = await readTables(page, ['firedAlerts']);
  return firedAlerts.map((a) => a.id as string);
}
