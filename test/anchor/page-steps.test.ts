// @vitest-environment happy-dom
// Page-wide search and normalisation in steps: the same answers as one
// whole-text pass, however the page is cut, and anchorAll gives the page its
// thread back in the middle of one highlight's page-wide search.
import search from 'approx-string-match';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { anchorAll, anchorSelectors, anchorSteps, buildTextIndex, describeOffsets } from '../../src/anchor';
import { errorBudget, searchPage, searchPageSteps, searchSteps } from '../../src/anchor/fuzzy';
import { normalizeWithMapSteps } from '../../src/anchor/normalize';
import { runSteps, STEP_CHARS } from '../../src/anchor/steps';

/** Text from a tiny alphabet, so that near matches (and ties between them) are common. */
const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' '), maxLength: 400 });
const pattern = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' '), minLength: 1, maxLength: 40 });

function countSteps<T>(steps: Generator<void, T, void>): { value: T; pauses: number } {
  let pauses = 0;
  for (;;) {
    const r = steps.next();
    if (r.done) return { value: r.value, pauses };
    pauses++;
  }
}

describe('searchSteps', () => {
  it('finds exactly what one whole-text search finds, for any stretch length', () => {
    fc.assert(
      fc.property(
        text,
        pattern,
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 1, max: 64 }),
        (t, p, maxErrors, step) => {
          const whole = search(t, p, maxErrors);
          const stepped = runSteps(searchSteps(t, p, maxErrors, step));
          expect(stepped).toEqual(whole);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('pauses once per stretch of the page', () => {
    const page = 'lorem ipsum dolor sit amet '.repeat(20_000);
    const { value, pauses } = countSteps(searchSteps(page, 'dolar sit amat', 3));
    expect(pauses).toBe(Math.ceil(page.length / STEP_CHARS) - 1);
    expect(value).toEqual(search(page, 'dolar sit amat', 3));
  });

  it('searchPage keeps its answers for long quotes, found by their end chunks', () => {
    const words = Array.from({ length: 6000 }, (_, i) => `word${(i * 7919) % 6007}`).join(' ');
    const quote = words.slice(40_000, 40_600);
    const edited = `${quote.slice(0, 300)}XYZ${quote.slice(303)}`;
    const { value, pauses } = countSteps(searchPageSteps(words, edited));
    expect(pauses).toBeGreaterThan(0);
    expect(value.map((h) => h.start)).toContain(40_000);
    expect(value).toEqual(searchPage(words, edited));
    expect(errorBudget(edited.length, true)).toBeGreaterThan(0);
  });
});

describe('normalizeWithMapSteps', () => {
  it('folds white space runs that straddle a stretch boundary into one space', () => {
    const raw = `${'x'.repeat(STEP_CHARS - 2)} \u00a0\n\u2026y`;
    const { value, pauses } = countSteps(normalizeWithMapSteps(raw));
    expect(pauses).toBeGreaterThan(0);
    expect(value.text).toBe(`${'x'.repeat(STEP_CHARS - 2)} ...y`);
    const space = STEP_CHARS - 2;
    expect([value.rawStart[space], value.rawEnd[space]]).toEqual([STEP_CHARS - 2, STEP_CHARS + 1]);
  });
});

describe('anchoring a quote gone from a long page', () => {
  const saved = (globalThis as { scheduler?: unknown }).scheduler;
  afterEach(() => {
    (globalThis as { scheduler?: unknown }).scheduler = saved;
  });

  function longPage(paragraphs: number): HTMLElement {
    const article = document.createElement('article');
    for (let i = 0; i < paragraphs; i++) {
      const p = document.createElement('p');
      p.textContent = `Paragraph ${i} talks about item ${(i * 7919) % 100_003} and the team that built it. `;
      article.append(p);
    }
    document.body.replaceChildren(article);
    return article;
  }

  it('pauses inside the one highlight, and answers as anchorSelectors does', async () => {
    const root = longPage(6000);
    const index = buildTextIndex(root);
    expect(index.text.length).toBeGreaterThan(4 * STEP_CHARS);
    const selectors = describeOffsets(index, 1000, 1060).map((s) =>
      s.type === 'TextQuoteSelector'
        ? { ...s, exact: 'A sentence that this page never held, nor anything like it.' }
        : s,
    );
    let yields = 0;
    (globalThis as { scheduler?: unknown }).scheduler = {
      yield: () => {
        yields++;
        return Promise.resolve();
      },
    };
    const slices: number[] = [];
    const result = await anchorAll(index, [{ id: 'gone', selectors }], {
      sliceMs: 0,
      onSlice: (s, e) => slices.push(e - s),
    });
    expect(result.get('gone')).toBeNull();
    expect(anchorSelectors(index, selectors)).toBeNull();
    // One item, yet many pauses: the page-wide steps were split.
    const { pauses } = countSteps(anchorSteps(buildTextIndex(root), selectors));
    expect(pauses).toBeGreaterThan(4);
    expect(yields).toBeGreaterThanOrEqual(pauses);
    expect(slices.length).toBe(yields + 1);
  });

  it('finds an edited quote anywhere on the page, in steps', async () => {
    const root = longPage(6000);
    const index = buildTextIndex(root);
    const at = index.text.indexOf('Paragraph 5500 ');
    const [quote] = describeOffsets(index, at, at + 70);
    if (quote?.type !== 'TextQuoteSelector') throw new Error('no quote selector');
    const edited = { ...quote, exact: quote.exact.replace('talks about', 'talked about') };
    // No position: nothing to search near, so the whole page is searched.
    const result = await anchorAll(index, [{ id: 'moved', selectors: [edited] }], { sliceMs: 0 });
    const m = result.get('moved');
    expect(m?.method).toBe('fuzzy');
    expect(Math.abs(m!.start - at)).toBeLessThan(5);
  });
});
