// `npm run mutate` with every test of the folder MUTATE_TESTS names run against
// every mutant, instead of only the tests that covered it. Per-test coverage
// does not see code run in a beforeAll hook, so it never runs the labelled-page
// checks (test/extract/fixtures.test.ts extracts each page once, before its
// checks) against the extractor's mutants. With MUTATE_TESTS=test/FOLDER it is
// still fast: a folder's tests take seconds.
//
//   MUTATE_TESTS=test/extract npx stryker run stryker.folder.config.mjs --mutate 'src/extract/**/*.ts'
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default { ...base, coverageAnalysis: 'all', ignoreStatic: false };
