import { defineConfig } from 'vitest/config';

// The Firefox end-to-end suite (tests/firefox): plain Node drives stock Firefox ESR through
// puppeteer-core. One file at a time and one test at a time: each test starts its own Firefox, and
// CI machines have 2 cores.
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 30_000,
    retry: 0,
    reporters: ['verbose'],
  },
});
