/** The Firefox suite's test: a fresh Firefox with the extension (and the test's clock) per test. */
import { test as base } from 'vitest';
import { testClock, type TestClock } from './clock';
import { launchFirefox, type FirefoxWithExtension } from './firefox';

export const test = base.extend<{ ff: FirefoxWithExtension; clock: TestClock }>({
  // eslint-disable-next-line no-empty-pattern
  clock: async ({}, use) => {
    await use(testClock());
  },
  // eslint-disable-next-line no-empty-pattern
  ff: async ({}, use) => {
    const ff = await launchFirefox();
    try {
      await use(ff);
    } finally {
      await ff.close();
    }
  },
});

export { expect } from 'vitest';
