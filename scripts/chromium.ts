/** Starts Debian's Chromium with the built extension loaded. */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from '@playwright/test';

export const EXTENSION_DIR = resolve(import.meta.dirname, '..', process.env.CASERADAR_OUT ?? '.output', 'chrome-mv3');

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    Boolean,
  ) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('Expected Chromium at /usr/bin/chromium (apt-get install chromium) or $CHROMIUM_PATH');
  return found;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
}

export async function launchWithExtension(options: {
  headless: boolean;
  extensionDir?: string;
}): Promise<ExtensionBrowser> {
  const dir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`Expected a built extension in ${dir}; run npm run build first`);
  }
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'caseradar-')), {
    executablePath: chromiumPath(),
    headless: options.headless,
    viewport: { width: 1200, height: 800 },
    args: [
      // Only our unpacked build; Chromium ignores --load-extension without the "except" list.
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      // Runs as root in containers and CI, where the sandbox cannot start; no GPU there either.
      '--no-sandbox',
      '--disable-gpu',
      // No network of its own: portal URLs are fulfilled by routing, and nothing may leak out. QUIC and
      // background requests would bypass or outlive the routes; the resolver maps every host to nothing.
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, extensionId: new URL(worker.url()).host, worker };
}
