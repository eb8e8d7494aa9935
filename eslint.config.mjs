// ESLint, with typescript-eslint and react-hooks. They live in tools/lint/ with their own TypeScript 5.x:
// typescript-eslint needs TypeScript's JavaScript API, which the project's TypeScript 7 (the native
// compiler) does not have. Run it with `npm run lint` (part of `npm run check`).
import { createRequire } from 'node:module';

const require = createRequire(new URL('./tools/lint/package.json', import.meta.url));
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const reactHooks = require('eslint-plugin-react-hooks');
const globals = require('globals');

/**
 * The layers of lib/, in the order they may call each other (README.md, "How it fits together"): a file
 * may import code from its own layer and those before it, never after. Naming a later layer's types is
 * allowed (allowTypeImports): a type is no call, and some rows are described where they are made.
 */
const LAYERS = ['core', 'capture', 'store', 'alerts', 'cases', 'background', 'export'];
/**
 * The family records (lib/capture/families/<id>/family.ts and the list of them, records.ts) sit beside
 * their adapters but are plain data of the core layer: core derives the provider ids and platform marks
 * from them, and they may import nothing but core.
 */
const RECORDS = ['lib/capture/families/records.ts', 'lib/capture/families/*/family.ts'];
const boundaries = LAYERS.map((layer, i) => {
  const later = LAYERS.slice(i + 1);
  // Core may name the records by their path under capture/; nothing else of a later layer.
  const laterRe = later.map((l) => (l === 'capture' ? `capture/(?!families/(?:records|[a-z0-9-]+/family)$)` : `${l}/`));
  return {
    files: layer === 'core' ? [`lib/${layer}/**/*.ts`, ...RECORDS] : [`lib/${layer}/**/*.ts`],
    ...(layer === 'capture' ? { ignores: RECORDS } : {}),
    rules: later.length
      ? {
          '@typescript-eslint/no-restricted-imports': [
            'error',
            {
              patterns: [
                {
                  regex: `(^|/)(?:${laterRe.join('|')})`,
                  allowTypeImports: true,
                  message: `lib/${layer} may only call lib/{${LAYERS.slice(0, i + 1).join(',')}}: a lower layer never calls a higher one.`,
                },
                {
                  regex: '(^|/)components/',
                  message: 'lib/ never imports views.',
                },
              ],
            },
          ],
        }
      : {},
  };
});

export default tseslint.config(
  {
    ignores: [
      '.output*/**',
      'coverage/**',
      '.wxt/**',
      '.tools/**',
      'node_modules/**',
      'tools/**',
      'test-results/**',
      'playwright-report/**',
      'demo-screenshots/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // `_name` says "deliberately unused" (a destructured field left out of a copy).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // An empty catch must say why (STYLE: "an empty catch carries a comment").
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    // React code only: elsewhere `use` is Playwright's fixture callback, not React's hook.
    files: ['components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  ...boundaries,
  {
    // A record is data: it names core's types and, in records.ts, the records; nothing else.
    files: RECORDS,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!(?:\\.\\./)+core/|\\./(?:[a-z0-9-]+/)?family$)',
              message: 'A family record is plain data: it may import lib/core and other records only.',
            },
          ],
        },
      ],
    },
  },
);
