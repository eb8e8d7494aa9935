/**
 * Stock Firefox ESR with the built extension, driven by puppeteer-core over WebDriver BiDi (no
 * geckodriver, no browser download). One fresh profile per test, as the Chromium suite does.
 *
 * - The extension is installed as a temporary add-on from the firefox-mv3 build, under a UUID fixed up
 *   front (the `extensions.webextensions.uuids` pref), so moz-extension://<uuid>/popup.html is known.
 * - Portal URLs are answered by the test's Router: pages the test opens are intercepted; everything
 *   else (the background page's own fetch) goes through the loopback proxy in proxy.ts.
 * - Downloads land in a directory of the test's own, without a dialog.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startPortalProxy, type PortalProxy } from './proxy';
import { Router } from './routes';

export const FIREFOX_EXTENSION_DIR = resolve(
  import.meta.dirname,
  '../..',
  process.env.CASERADAR_OUT ?? '.output',
  'firefox-mv3',
);

export function firefoxPath(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found)
    throw new Error('Expected Firefox at /usr/bin/firefox-esr (apt-get install firefox-esr) or $FIREFOX_PATH');
  return found;
}

export interface FirefoxWithExtension {
  browser: Browser;
  routes: Router;
  /** moz-extension://<uuid> */
  extensionOrigin: string;
  downloadsDir: string;
  /** A new tab on a portal URL, answered by the routes; resolves once the page has loaded. */
  openPortal: (url: string) => Promise<Page>;
  /** A new tab on one of our pages (popup.html, options.html, dashboard.html), loaded. */
  openExtensionPage: (path: string) => Promise<Page>;
  /** Loads a portal page again (its answer may have changed meanwhile). */
  reload: (page: Page) => Promise<void>;
  close: () => Promise<void>;
}

const intercepted = new WeakSet<Page>();

async function intercept(page: Page, routes: Router): Promise<void> {
  if (intercepted.has(page)) return;
  intercepted.add(page);
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (!/^https?:/.test(url)) return void request.continue();
    void (async () => {
      const body = request.hasPostData() ? ((await request.fetchPostData()) ?? '') : '';
      const reply = routes.answer({ url, method: request.method(), headers: request.headers(), body, via: 'page' });
      await request.respond({ status: reply.status, headers: reply.headers, body: reply.body });
    })();
  });
}

/** Waits until the page has finished loading `url` (puppeteer's own load wait can hang on moz-extension pages). */
async function waitLoaded(page: Page, url: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await page
      .evaluate(() => [location.href, document.readyState] as const)
      .catch(() => ['', 'navigating'] as const);
    if (state[0] === url && state[1] === 'complete') return;
    if (Date.now() > deadline)
      throw new Error(`Expected ${url} to load within ${timeoutMs} ms; at ${state[0]} (${state[1]})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Unlike the Chromium suite, no copy of the build with pre-granted hosts is needed: Firefox grants an
 * MV3 extension its content scripts' hosts at install, so a permission request for one of those portals
 * (background refresh) resolves without a prompt, as it does for a user.
 */
export async function launchFirefox(): Promise<FirefoxWithExtension> {
  if ((process.env.LD_PRELOAD ?? '').includes('libfaketime')) {
    throw new Error(
      'Expected no libfaketime in LD_PRELOAD (Firefox ESR hangs under it); npm run test:firefox leaves it out (tests/firefox/run.sh)',
    );
  }
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`Expected a built extension in ${FIREFOX_EXTENSION_DIR}; run npm run build:firefox first`);
  }
  const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const geckoId: string = manifest.browser_specific_settings.gecko.id;
  const routes = new Router();
  const proxy: PortalProxy = await startPortalProxy(routes);
  const uuid = randomUUID();
  const downloadsDir = mkdtempSync(join(tmpdir(), 'caseradar-ff-downloads-'));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxPath(),
      headless: true,
      // Lets BiDi navigate to moz-extension:// pages.
      args: ['--remote-allow-system-access'],
      acceptInsecureCerts: true,
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
        // Every request that is not intercepted goes to the loopback proxy, localhost included.
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
        // Firefox's own notification windows: headless Firefox has no system notification service, and
        // without one a notification is closed (and gone from getAll()) the moment it is created.
        'alerts.useSystemBackend': false,
        // Downloads are saved to downloadsDir without asking.
        'browser.download.folderList': 2,
        'browser.download.dir': downloadsDir,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'browser.download.start_downloads_in_tmp_dir': false,
        'browser.download.alwaysOpenPanel': false,
      },
    });
  } catch (error) {
    await proxy.close();
    throw error;
  }
  const close = async () => {
    await browser.close().catch(() => undefined);
    await proxy.close();
    rmSync(downloadsDir, { recursive: true, force: true });
  };
  try {
    // A temporary add-on, as from about:debugging.
    await browser.installExtension(FIREFOX_EXTENSION_DIR);
  } catch (error) {
    await close();
    throw error;
  }
  const extensionOrigin = `moz-extension://${uuid}`;

  const openPortal = async (url: string) => {
    const page = await browser.newPage();
    await intercept(page, routes);
    await page.goto(url, { waitUntil: 'load' });
    return page;
  };
  const openExtensionPage = async (path: string) => {
    const page = await browser.newPage();
    await intercept(page, routes);
    const url = `${extensionOrigin}/${path}`;
    // goto() starts the navigation but may never see a load event here; the page itself says when it is done.
    void page.goto(url).catch(() => undefined);
    await waitLoaded(page, url);
    return page;
  };
  const reload = async (page: Page) => void (await page.reload({ waitUntil: 'load' }));
  return {
    browser,
    routes,
    extensionOrigin,
    downloadsDir,
    openPortal,
    openExtensionPage,
    reload,
    close,
  };
}

/** Files saved in the downloads directory (complete ones: Firefox writes `.part` files until done). */
export function downloads(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => !f.endsWith('.part'))
    .sort();
}
