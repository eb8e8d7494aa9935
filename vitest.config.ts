import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'happy-dom',
    globalSetup: ['tests/setup/global.ts'],
    setupFiles: ['fake-indexeddb/auto', 'tests/setup/properties.ts'],
    restoreMocks: true,
  },
});
