// A second save of the same quote at the same place is the first highlight,
// not a second row; anything else (another spot, another kind, another page)
// is a highlight of its own.
import { describe, expect, it } from 'vitest';
import { findDuplicate, samePlace } from '../../src/store/duplicate';
import type { Highlight } from '../../src/types';
import { makeHighlight } from '../rows';

const QUOTE = 'Pinterest has a very unique culture.';

function again(h: Highlight, over: Partial<Highlight> = {}): Highlight {
  const fresh = makeHighlight({ quote: h.quote, ...over });
  return { ...fresh, selectors: structuredClone(h.selectors), ...over };
}

describe('the same quote at the same place', () => {
  it('is found when the text, the spot and the article are the same, white space aside', () => {
    const first = makeHighlight({ quote: QUOTE, start: 40 });
    const second = again(first, { quote: `  ${QUOTE.replace(' ', '\n ')}` });
    expect(second.id).not.toBe(first.id);
    expect(samePlace(first, second)).toBe(true);
    expect(findDuplicate([makeHighlight(), first], second)).toBe(first);
  });

  it('is found by the words around it when the page moved it', () => {
    const first = makeHighlight({ quote: QUOTE, start: 40 });
    const moved = makeHighlight({ quote: QUOTE, start: 900 });
    expect(samePlace(first, moved)).toBe(true);
  });

  it('is not the same quote elsewhere on the page, another kind, another question or another page', () => {
    const first = makeHighlight({ quote: QUOTE, start: 40 });
    const elsewhere = makeHighlight({ quote: QUOTE, start: 900 });
    elsewhere.selectors = elsewhere.selectors.map((s) =>
      s.type === 'TextQuoteSelector' ? { ...s, prefix: 'somewhere else ' } : s,
    );
    expect(samePlace(first, elsewhere)).toBe(false);
    expect(samePlace(first, again(first, { kind: 'qa' }))).toBe(false);
    expect(samePlace(first, again(first, { sectionId: 'q-other' }))).toBe(false);
    expect(samePlace(first, again(first, { articleKey: 'https://example.org/other' }))).toBe(false);
    expect(samePlace(first, again(first, { quote: 'Pinterest has a very unique culture' }))).toBe(false);
    expect(samePlace(first, first)).toBe(false);
    expect(findDuplicate([], first)).toBeUndefined();
  });
});
