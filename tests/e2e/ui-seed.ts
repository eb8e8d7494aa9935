/**
 * Helpers of the popup and dashboard specs: the routed demo portals read as a user would, a store
 * seeded with thousands of cases, and the accessibility check.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { DEMO_URLS, routeDemoPortals } from '../../scripts/demo-portals';

/**
 * Reads the routed demo portals as a user's visits would: the Zendesk list (5 cases, 1 closed), with
 * `zendeskDetail` the detail page of #48213 (its messages), and Azure (4 tickets, 1 closed).
 */
export async function visitDemoPortals(context: BrowserContext, { zendeskDetail = false } = {}): Promise<void> {
  await routeDemoPortals(context);
  const zendesk = await context.newPage();
  await zendesk.goto(DEMO_URLS.zendeskList);
  await expect(zendesk.locator('table.requests-table')).toBeVisible();
  if (zendeskDetail) await (await context.newPage()).goto(DEMO_URLS.zendeskDetail);
  const azure = await context.newPage();
  await azure.goto(DEMO_URLS.azurePortal);
  await expect(azure.getByRole('cell', { name: '2610010040001234' })).toBeVisible();
}

export interface SeedOptions {
  cases: number;
  eventsPerCase: number;
}

/**
 * Seeds the store from one of the extension's own pages with raw IndexedDB (the schema Dexie made), then
 * reloads the page so that its live queries read the new rows.
 * Case i: provider azure/aws/gcp/zendesk/manual ("Acme ISP") by i % 5, state by i % 6, id 900000 + i.
 */
export async function seedCases(page: Page, { cases, eventsPerCase }: SeedOptions): Promise<void> {
  await page.evaluate(async ({ cases, eventsPerCase }) => {
    const DAY = 86_400_000;
    const now = Date.now();
    const iso = (ms: number) => new Date(ms).toISOString();
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
        const key = `${provider}:${caseId}`;
        const updated = now - ((i % 40) + 1) * DAY;
        const lastVendor = iso(updated);
        tx.objectStore('cases').put({
          key, provider, caseId, title: `${topics[i % 5]} at site ${i}`, vendorStatus: `Vendor says ${states[i % 6]}`, state: states[i % 6],
          severity: ['critical', 'high', 'normal', 'low'][i % 4], vendorSeverity: null, createdAt: iso(updated - 5 * DAY), updatedAt: iso(updated),
          url: `https://support.example-vendor.test/cases/${caseId}`, owner: null, vendorName: provider === 'manual' ? 'Acme ISP' : null,
          firstSeenAt: iso(updated - 5 * DAY), lastObservedAt: iso(now - i * 60_000), observedVia: 'https://support.example-vendor.test/cases',
          observedHow: i % 3 === 0 ? 'refresh' : 'visit', lastVendorMessageAt: eventsPerCase ? lastVendor : null, lastCustomerMessageAt: null,
          messageCount: eventsPerCase, vendorRef: null, sla: null,
        });
        for (let j = 0; j < eventsPerCase; j++) {
          const at = iso(updated - (eventsPerCase - j) * 3_600_000);
          const side = j % 2 ? 'vendor' : 'customer';
          tx.objectStore('events').add({
            caseKey: key, type: 'message', at, recordedAt: at, dedupKey: `msg:${at}:${side}:`,
            message: { at, side, author: side === 'vendor' ? 'Sam Support' : 'Alex Example', text: `Message ${j} about ${topics[i % 5]}; ref${i}x${j}` },
          });
        }
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    }
    db.close();
  }, { cases, eventsPerCase });
  await page.reload();
}

/** Accessibility violations that block a release: axe impact "serious" or "critical". */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}
