// sortSteps sorts in steps what one stable sort would: the search index orders
// every highlight by date with it while the library page stays responsive.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runSteps, sortSteps } from '../../src/anchor/steps';

describe('sortSteps', () => {
  it('gives what a stable sort gives, for any items, also with ties', () => {
    const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 3_000, size: 'max' }), (keys) => {
        const items = keys.map((key, at) => ({ key, at }));
        expect(runSteps(sortSteps(items, byKey))).toEqual([...items].sort(byKey));
      }),
      { numRuns: 40 },
    );
  });

  it('leaves its input as it was and pauses while it sorts', () => {
    const items = Array.from({ length: 5_000 }, (_, i) => (i * 7919) % 5_000);
    const copy = [...items];
    const steps = sortSteps(items, (a, b) => a - b);
    let pauses = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) pauses++;
    expect(r.value).toEqual([...copy].sort((a, b) => a - b));
    expect(items).toEqual(copy);
    expect(pauses).toBeGreaterThan(10);
  });
});
