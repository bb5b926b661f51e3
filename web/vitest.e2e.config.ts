import { defineConfig } from 'vitest/config';

// Browser tests: real Chromium against the real API on the embedded engine (see e2e/global-setup.ts).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['e2e/global-setup.ts'],
    // One browser at a time: the machine has two cores, and the API instances need one.
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // expect.poll gives up after 1 s by default: far too soon for a page that reloads or calls the API
    // on a loaded two-core machine. Wait as long as expectText does; what is expected stays the same.
    expect: { poll: { timeout: 10_000, interval: 100 } },
  },
});
