// Approximate search (src/anchor/fuzzy.ts): how many edits a quote may carry,
// that a window search answers only inside its window, and that a long quote
// found page-wide by its end chunks is found once per place, also when one of
// its chunks was edited. Mutation testing found these rules unpinned.
import { describe, expect, it } from 'vitest';
import { errorBudget, searchPage, searchWindow } from '../../src/anchor/fuzzy';

describe('errorBudget', () => {
  it('is a quarter of the quote, at most 32 page-wide and 256 in a window', () => {
    expect(errorBudget(3, false)).toBe(0);
    expect(errorBudget(40, false)).toBe(10);
    expect(errorBudget(40, true)).toBe(10);
    expect(errorBudget(400, true)).toBe(32);
    expect(errorBudget(400, false)).toBe(100);
    expect(errorBudget(2000, false)).toBe(256);
  });
});

describe('searchWindow', () => {
  const text = 'the cat sat on the mat, the cat sat again';

  it('answers only matches inside the window, in the text’s offsets', () => {
    const starts = (from: number, to: number) => searchWindow(text, 'the cas', from, to).map((h) => h.start);
    expect(starts(0, text.length)).toEqual(expect.arrayContaining([0, 24]));
    expect(starts(20, text.length).every((s) => s === 24)).toBe(true);
    expect(starts(0, 20).every((s) => s === 0)).toBe(true);
    expect(starts(20, text.length).length).toBeGreaterThan(0);
    expect(starts(0, 20).length).toBeGreaterThan(0);
  });

  it('answers nothing for a window outside the text', () => {
    expect(searchWindow(text, 'the cat', 50, 60)).toEqual([]);
    expect(searchWindow(text, 'the cat', 20, 20)).toEqual([]);
  });

  it('does not search approximately for a quote under 4 characters, which has no error budget', () => {
    expect(searchWindow('abc abc', 'abc', 0, 7)).toEqual([]);
    expect(searchWindow('xx abed xx', 'abcd', 0, 10)).toContainEqual({ start: 3, end: 7, errors: 1 });
  });
});

describe('searchPage', () => {
  it('does not search for a quote under 4 characters, and allows a 4-character one an edit', () => {
    expect(searchPage('abc abc', 'abc')).toEqual([]);
    expect(searchPage('xx abed xx', 'abcd')).toContainEqual({ start: 3, end: 7, errors: 1 });
  });

  describe('a long quote, by its end chunks', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `word${(i * 7919) % 6007}`).join(' ');
    const AT = 10_000;
    const quote = words.slice(AT, AT + 600);

    /** The quote with the characters at `at` (offsets in the quote) replaced: one edit each. */
    function edited(at: number[]): string {
      const chars = [...quote];
      for (const i of at) chars[i] = '#';
      return chars.join('');
    }
    const every = (from: number, to: number, step: number) =>
      Array.from({ length: Math.ceil((to - from) / step) }, (_, k) => from + k * step);
    const page = (q: string) => `${words.slice(0, AT)}${q}${words.slice(AT + 600)}`;

    it('is found once, with its errors, when edited between its chunks beyond a chunk’s own budget', () => {
      // 30 edits: more than the 16 a 64-character chunk may carry, all between the chunks.
      const middle = edited(every(100, 490, 13));
      expect(searchPage(page(middle), quote)).toEqual([{ start: AT, end: AT + 600, errors: 30 }]);
    });

    it('is found at each place it stands', () => {
      const middle = edited(every(100, 490, 13));
      const twice = `${words.slice(0, AT)}${middle}${words.slice(AT + 600, 2 * AT)}${middle}${words.slice(2 * AT + 600)}`;
      expect(searchPage(twice, quote)).toEqual([
        { start: AT, end: AT + 600, errors: 30 },
        { start: 2 * AT, end: 2 * AT + 600, errors: 30 },
      ]);
    });

    it('is found by its last chunk when its first was edited, and by its first when its last was', () => {
      // The edited chunk matches elsewhere at best, so each such place is searched too and answers
      // its own best match, with far more errors: the scoring that follows turns those away.
      const best = (q: string) => {
        const hits = searchPage(page(q), quote);
        const fewest = Math.min(...hits.map((h) => h.errors));
        return hits.filter((h) => h.errors === fewest);
      };
      expect(best(edited(every(10, 50, 2)))).toEqual([{ start: AT, end: AT + 600, errors: 20 }]);
      expect(best(edited(every(550, 590, 2)))).toEqual([{ start: AT, end: AT + 600, errors: 20 }]);
    });
  });
});
