import { defineConfig } from 'vitest/config';

// Real-browser tests: Chromium with dist/chrome loaded. One file at a time,
// since each launches a browser and the machine has two cores.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    globalSetup: ['test/e2e/global-setup.ts'],
  },
});
