// Mutation testing of the core (`npm run mutate`, not part of `npm test`):
// StrykerJS changes the code one small way at a time (a condition, a
// constant, an operator) and runs the unit tests that cover it; a change no
// test notices marks a rule no test pins down. Slow on two cores: run one
// folder at a time, e.g. `npm run mutate -- --mutate 'src/anchor/**/*.ts'`.
// The report goes to reports/mutation/.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts', related: true },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'src/anchor/**/*.ts',
    'src/export/**/*.ts',
    'src/extract/**/*.ts',
    'src/store/**/*.ts',
    '!**/*.d.ts',
    // Test data and a benchmark generator, not rules.
    '!src/store/generate.ts',
  ],
  // Only code gets `// @ts-nocheck` in the sandbox; the saved pages are data.
  disableTypeChecks: '{src,test,popup,options}/**/*.{ts,tsx}',
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 20_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
