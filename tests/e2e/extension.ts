/** Playwright fixtures: a fresh Chromium profile with the built extension, per test. */
import { test as base, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { launchWithExtension } from '../../scripts/chromium';

interface ExtensionFixtures {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  openPopup: () => Promise<Page>;
  badgeText: () => Promise<string>;
}

export const test = base.extend<ExtensionFixtures>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const { context } = await launchWithExtension({ headless: true });
    await use(context);
    await context.close();
  },
  worker: async ({ context }, use) => {
    await use(context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')));
  },
  extensionId: async ({ worker }, use) => {
    await use(new URL(worker.url()).host);
  },
  openPopup: async ({ context, extensionId }, use) => {
    await use(async () => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      return page;
    });
  },
  badgeText: async ({ worker }, use) => {
    // Runs inside the service worker, where `chrome` is the extension API.
    await use(() =>
      worker.evaluate(() =>
        (globalThis as unknown as { chrome: typeof import('webextension-polyfill') }).chrome.action.getBadgeText({}),
      ),
    );
  },
});

export { expect };
