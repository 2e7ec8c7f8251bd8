import { defineConfig } from 'vitest/config';

// Unit and component tests run in Node; a file that needs a DOM says so with
// `// @vitest-environment happy-dom`. Real-browser tests live in test/e2e and
// run through their own config (vitest.e2e.config.ts).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    setupFiles: ['test/setup-fast-check.ts'],
    testTimeout: 20000,
  },
});
