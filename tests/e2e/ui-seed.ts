/**
 * Helpers of the specs that read the demo portals or a seeded store: the routed demo portals read as a
 * user would, a store seeded with thousands of cases, and the accessibility check.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { demoInstant, nextLocalMidnight } from '../../scripts/demo/clock';
import { DEMO_TOUR, DEMO_URLS, demoTimeZone, routeDemoPortals } from '../../scripts/demo-portals';

/**
 * The demo portals' dates are relative to today (scripts/demo/clock.ts), so they move on at local
 * midnight: "the last working day" becomes two days back. A test that could not finish before the next
 * midnight waits for it first, so that everything it reads and asserts belongs to one day.
 */
export async function awayFromMidnight(): Promise<void> {
  const left = nextLocalMidnight(Date.now(), demoTimeZone()) - Date.now();
  const budget = test.info().timeout;
  if (left > budget) return;
  test.info().setTimeout(budget + left + 1000);
  await new Promise((resolve) => setTimeout(resolve, left + 1000));
}

/** The demo portals, routed for a test that will not straddle local midnight. */
export async function routeDemo(context: BrowserContext): Promise<void> {
  await awayFromMidnight();
  await routeDemoPortals(context);
}

/** A demo time (a token's <when>, e.g. "-1bd@09:15", or "today") as our status update writes a day: "1 Dec 2026". */
export function demoDay(when: string): string {
  const timeZone = demoTimeZone();
  const day = new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric' });
  return day.format(when === 'today' ? Date.now() : demoInstant(when, Date.now(), timeZone));
}

/**
 * Reads the routed demo portals as a user's visits would: the Zendesk list (5 cases, 1 closed), with
 * `zendeskDetail` the detail page of #48213 (its messages), and Azure (4 tickets, 1 closed).
 * The story they tell, at any instant (tests/unit/demo-clock.test.ts checks it):
 * - #48213, urgent: the vendor asked for the ONT's LEDs on the last working day; waiting on you, overdue.
 * - #48177: opened this morning, with the vendor.
 * - #48001, on hold: vendor quiet since this weekday last week, exactly 5 business days; overdue (limit 3).
 * - #47950: solved yesterday; #46802: closed.
 * - Azure #2610010040001234, normal: vendor quiet 3 business days; overdue (limit 3).
 * - Azure #2609250010005678, low: vendor quiet 2 business days. #2609180010001111: an unknown vendor status.
 */
export async function visitDemoPortals(context: BrowserContext, { zendeskDetail = false } = {}): Promise<void> {
  await routeDemo(context);
  const zendesk = await context.newPage();
  await zendesk.goto(DEMO_URLS.zendeskList);
  await expect(zendesk.locator('table.requests-table')).toBeVisible();
  if (zendeskDetail) await (await context.newPage()).goto(DEMO_URLS.zendeskDetail);
  const azure = await context.newPage();
  await azure.goto(DEMO_URLS.azurePortal);
  await expect(azure.getByRole('cell', { name: '2610010040001234' })).toBeVisible();
}

/** Every demo portal, as `npm run demo` visits them: the whole story, 35 open cases from 12 vendors. */
export async function tourDemoPortals(context: BrowserContext): Promise<void> {
  await routeDemo(context);
  const pages: Page[] = [];
  for (const [, url] of DEMO_TOUR) {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    pages.push(page);
  }
  await Promise.all(pages.map((p) => p.close()));
}

export interface SeedOptions {
  cases: number;
  eventsPerCase: number;
}

/**
 * Seeds the store from one of the extension's own pages with raw IndexedDB (the schema Dexie made), then
 * reloads the page so that its live queries read the new rows.
 * Case i: provider azure/aws/gcp/zendesk/manual ("Acme ISP") by i % 5, state by i % 6, id 900000 + i.
 * Its vendor last wrote 1–5 whole weeks ago by the local calendar (i % 5 + 1), at the current local time:
 * 7 days always hold exactly 5 business days, so every case that is not resolved or closed is over its
 * limit whatever the weekday: 1334 of the 1667 open cases of 2,000 are overdue.
 */
export async function seedCases(page: Page, { cases, eventsPerCase }: SeedOptions): Promise<void> {
  await page.evaluate(
    async ({ cases, eventsPerCase }) => {
      const DAY = 86_400_000;
      const now = Date.now();
      const iso = (ms: number) => new Date(ms).toISOString();
      /** `days` back by the local calendar, at the same local time (setDate keeps the wall clock across DST). */
      const daysBack = (days: number) => {
        const date = new Date(now);
        date.setDate(date.getDate() - days);
        return date.getTime();
      };
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('caseradar');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const providers = ['azure', 'aws', 'gcp', 'zendesk', 'manual'];
      const states = ['open', 'waiting-on-customer', 'on-hold', 'resolved', 'closed', 'new'];
      const topics = ['VPN tunnel flaps', 'Mailbox quota', 'Billing mismatch', 'Disk latency', 'DNS timeouts'];
      for (let start = 0; start < cases; start += 500) {
        const tx = db.transaction(['cases', 'events'], 'readwrite');
        for (let i = start; i < Math.min(cases, start + 500); i++) {
          const provider = providers[i % 5]!;
          const caseId = String(900000 + i);
          // Store version 3 rows: consoles are their own portal; the others live at the example host.
          const portal =
            provider === 'manual'
              ? 'manual:acme isp'
              : provider === 'zendesk'
                ? 'support.example-vendor.test'
                : provider;
          const key = provider === 'manual' ? `manual:${caseId}` : `${portal}:${caseId}`;
          const vendorName = (
            {
              azure: 'Azure',
              aws: 'AWS',
              gcp: 'Google Cloud',
              zendesk: 'Example Vendor',
              manual: 'Acme ISP',
            } as Record<string, string>
          )[provider];
          const updated = daysBack(((i % 5) + 1) * 7);
          const lastVendor = iso(updated);
          tx.objectStore('cases').put({
            key,
            portal,
            provider,
            caseId,
            title: `${topics[i % 5]} at site ${i}`,
            vendorStatus: `Vendor says ${states[i % 6]}`,
            state: states[i % 6],
            severity: ['critical', 'high', 'normal', 'low'][i % 4],
            vendorSeverity: null,
            createdAt: iso(updated - 5 * DAY),
            updatedAt: iso(updated),
            url: `https://support.example-vendor.test/cases/${caseId}`,
            owner: null,
            vendorName,
            firstSeenAt: iso(updated - 5 * DAY),
            lastObservedAt: iso(now - i * 60_000),
            observedVia: 'https://support.example-vendor.test/cases',
            observedHow: i % 3 === 0 ? 'refresh' : 'visit',
            lastVendorMessageAt: eventsPerCase ? lastVendor : null,
            lastCustomerMessageAt: null,
            messageCount: eventsPerCase,
            vendorRef: null,
            sla: null,
          });
          for (let j = 0; j < eventsPerCase; j++) {
            const at = iso(updated - (eventsPerCase - j) * 3_600_000);
            const side = j % 2 ? 'vendor' : 'customer';
            tx.objectStore('events').add({
              caseKey: key,
              type: 'message',
              at,
              recordedAt: at,
              dedupKey: `msg:${at}:${side}:`,
              message: {
                at,
                side,
                author: side === 'vendor' ? 'Sam Support' : 'Alex Example',
                text: `Message ${j} about ${topics[i % 5]}; ref${i}x${j}`,
              },
            });
          }
        }
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      }
      db.close();
    },
    { cases, eventsPerCase },
  );
  await page.reload();
}

/** Accessibility violations that block a release: axe impact "serious" or "critical". */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
}
