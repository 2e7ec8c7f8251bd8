import { defineConfig, mergeConfig } from 'vitest/config';
import unit from './vitest.config';

// The unit tests StrykerJS runs against each mutant: all of them except the
// property-test and hostile-text sweeps, which would multiply a slow run by
// their thousands of cases (they run in `npm test`; the template sweep alone
// takes 50 of test/export's 60 seconds), and the CSP check, which bundles the instrumented
// source and so finds StrykerJS's own `new Function`. Also `npm run test:fast`.
const config = mergeConfig(
  unit,
  defineConfig({
    test: {
      exclude: [
        '**/*.fuzz.test.ts',
        '**/*.property.test.ts',
        'test/hardening/render-hostile.test.ts',
        'test/export/template-hostile.test.ts',
        'test/export/template-csp.test.ts',
      ],
    },
  }),
);

// `MUTATE_TESTS=test/export` runs only that folder's tests against each mutant: many
// times faster on two cores, and a lower bound (another folder's test may kill a mutant).
const only = process.env.MUTATE_TESTS;
if (only) config.test = { ...config.test, include: [`${only}/**/*.test.ts`, `${only}/**/*.test.tsx`] };

export default config;
