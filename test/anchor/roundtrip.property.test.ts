// @vitest-environment happy-dom
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  anchorSelectors,
  buildTextIndex,
  describeRange,
  rangeFromOffsets,
  type TextIndex,
} from '../../src/anchor';
import { loadFixture, SEED } from './fixtures';

let index: TextIndex;

beforeAll(() => {
  loadFixture(SEED);
  index = buildTextIndex(document.body);
});

const span = () =>
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 600 })).map(([a, len]) => {
    const start = a % (index.text.length - 1);
    return { start, end: Math.min(index.text.length, start + len) };
  });

describe('describe → anchor round trip on the seed page', () => {
  it('places any non-empty range back on exactly its own text', () => {
    fc.assert(
      fc.property(span(), ({ start, end }) => {
        const range = rangeFromOffsets(index, start, end);
        const selectors = describeRange(index, range);
        const m = anchorSelectors(index, selectors);
        expect(m).toMatchObject({ start, end, method: 'position' });
        expect(rangeFromOffsets(index, m!.start, m!.end).toString()).toBe(range.toString());
      }),
      { numRuns: 300 },
    );
  });

  it('finds any quote with real words again after text is inserted before the article', () => {
    const doc = document;
    const saved = fc.sample(span(), { numRuns: 150, seed: 42 }).filter(({ start, end }) => {
      return index.text.slice(start, end).replace(/\s/g, '').length >= 12;
    });
    const described = saved.map(({ start, end }) => ({
      start,
      end,
      selectors: describeRange(index, rangeFromOffsets(index, start, end)),
    }));
    const extra = doc.createElement('p');
    extra.textContent = 'Inserted before everything else on the page.';
    doc.body.prepend(extra);
    const moved = buildTextIndex(doc.body);
    const shift = extra.textContent.length;
    for (const { start, end, selectors } of described) {
      const m = anchorSelectors(moved, selectors);
      expect(m).toMatchObject({ start: start + shift, end: end + shift });
    }
    extra.remove();
  });
});
