import { defineConfig } from 'wxt';

// Least privilege: no "permissions" beyond what a feature needs. Content scripts on the vendors' own
// hosts need no host permission to run; reading those pages is all the foundation does.
// `npm run bench` builds a separate copy with two extra pages (the harness and the baseline page).
const isBenchBuild = process.env.CASERADAR_BENCH === '1';
// CASERADAR_OUT lets two builds (e.g. two e2e runs) live side by side; scripts/chromium.ts reads it too.
const outDir = process.env.CASERADAR_OUT ?? (isBenchBuild ? '.output-bench' : '.output');

export default defineConfig({
  // No '@wxt-dev/webextension-polyfill' module: it would alias WXT's own `browser` to the polyfill in every
  // bundle, content scripts included (10 KB minified each, on every portal page). The background and the
  // extension pages import webextension-polyfill themselves; content scripts use the browsers' own
  // promise-based API (lib/core/send-from-page.ts).
  modules: ['@wxt-dev/module-react'],
  outDir,
  hooks: {
    'entrypoints:resolved': (_wxt, entrypoints) => {
      for (const e of entrypoints) if (!isBenchBuild && e.name.startsWith('bench')) e.skipped = true;
    },
  },
  manifest: ({ browser }) => ({
    name: 'Caseradar',
    description: 'Every support case you have open with a vendor, in one timeline. Stays on your machine.',
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_title: 'Caseradar' },
    // alarms: the staleness sweep and background refresh survive worker restarts; notifications:
    // plain-text alerts; scripting: content scripts for portals the user tracks on their own domains
    // (registered at run time, only where a host permission was granted); activeTab: "Track this
    // portal" and recipes read the current tab only when the user clicks.
    permissions: ['alarms', 'notifications', 'scripting', 'activeTab', 'contextMenus'],
    // No host permission up front: a portal on a custom domain, or background refresh of a portal,
    // asks the user for that one origin at the moment they turn it on.
    optional_host_permissions: ['https://*/*'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // data_collection_permissions exists from Firefox 140 (Android 142); web-ext lint warns below that.
            gecko: {
              id: 'caseradar@caseradar.invalid',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  // `npm run zip`: the Chrome and Firefox packages, plus (Firefox only, as addons.mozilla.org asks for
  // bundled code) a sources zip holding exactly what rebuilds the Firefox package — the lock file, the
  // config and the sources, nothing else (no tests, scripts or benchmark pages). docs/amo-build.md says
  // how a reviewer rebuilds and compares.
  zip: {
    includeSources: [
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'wxt.config.ts',
      'entrypoints/**',
      'components/**',
      'lib/**',
      'public/**',
      'docs/amo-build.md',
    ],
    excludeSources: ['entrypoints/bench/**', 'entrypoints/bench-baseline/**'],
  },
  webExt: { disabled: true },
});
