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
const boundaries = LAYERS.map((layer, i) => {
  const later = LAYERS.slice(i + 1);
  return {
    files: [`lib/${layer}/**/*.ts`],
    rules: later.length
      ? {
          '@typescript-eslint/no-restricted-imports': [
            'error',
            {
              patterns: [
                {
                  regex: `(^|/)(${later.join('|')})/`,
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
);
