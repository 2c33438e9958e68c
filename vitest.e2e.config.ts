import { defineConfig } from 'vitest/config';

/** End-to-end flows: the built renderer in Chromium over real handlers. One file at a time. */
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['test/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // A view catches up with a write after its query refetches: a second by default (vitest's)
    // is too short on a loaded CI machine, where a Dashboard refresh has taken longer.
    expect: { poll: { timeout: 10_000 } },
  },
});
