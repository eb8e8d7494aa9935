/**
 * Playwright cannot click the browser's own permission prompt (microsoft/playwright#32755), so the
 * tests that need "the user clicked Allow" load a copy of the built extension whose manifest already
 * holds that grant. permissions.request() then resolves true at once — the same path a user takes
 * after allowing — and everything after it (registration, fetch, reading) is the real code.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { EXTENSION_DIR, launchWithExtension, type ExtensionBrowser } from '../../scripts/chromium';

export function extensionCopyWithGrants(origins: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'caseradar-granted-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.host_permissions = origins.map((o) => `${o}/*`);
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return dir;
}

/** A test whose browser has the extension with these origins already granted. */
export function testWithGrants(origins: string[]) {
  return base.extend<{ browserWithGrants: ExtensionBrowser }>({
    // eslint-disable-next-line no-empty-pattern
    browserWithGrants: async ({}, use) => {
      const launched = await launchWithExtension({ headless: true, extensionDir: extensionCopyWithGrants(origins) });
      await use(launched);
      await launched.context.close();
    },
  });
}
