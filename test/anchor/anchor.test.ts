// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  anchorSelectors,
  buildTextIndex,
  describeOffsets,
  describeRange,
  rangeFromOffsets,
  type TextIndex,
} from '../../src/anchor';
import type { Selector, TextQuoteSelector } from '../../src/types';
import { editText, loadFixture, offsetsIn, SEED } from './fixtures';

function para(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`no paragraph #${id}`);
  return el;
}

/** A sentence of paragraph `id`, by its position among the paragraph's sentences. */
function sentence(id: string, n: number): string {
  const parts = (para(id).textContent ?? '').match(/[^.?!]+[.?!]/g) ?? [];
  const s = parts[n]?.trim();
  if (!s) throw new Error(`paragraph #${id} has no sentence ${n}`);
  return s;
}

function save(index: TextIndex, id: string, quote: string): Selector[] {
  const { start, end } = offsetsIn(para(id), quote, index);
  return describeOffsets(index, start, end);
}

function placed(index: TextIndex, selectors: Selector[]) {
  const m = anchorSelectors(index, selectors);
  if (!m) return null;
  return { ...m, range: rangeFromOffsets(index, m.start, m.end) };
}

function within(range: Range, el: Element): boolean {
  return el.contains(range.startContainer) && el.contains(range.endContainer);
}

function insertBefore(target: Element, text: string): void {
  const p = document.createElement('p');
  p.textContent = text;
  target.parentNode?.insertBefore(p, target);
}

beforeEach(() => {
  loadFixture(SEED);
});

describe('anchorSelectors on the seed interview', () => {
  it('places a quote on an unchanged page by its position', () => {
    const index = buildTextIndex(document.body);
    const quote = sentence('b5e2', 1);
    const selectors = save(index, 'b5e2', quote);
    const m = placed(index, selectors);
    expect(m?.method).toBe('position');
    expect(m?.score).toBe(1);
    expect(m?.range.toString()).toBe(quote);
    expect(within(m!.range, para('b5e2'))).toBe(true);
  });

  it('finds the quote by its text when text was inserted before it', () => {
    const quote = sentence('9e04', 1);
    const selectors = save(buildTextIndex(document.body), '9e04', quote);
    insertBefore(
      para('a77b'),
      'An editor’s note added after the reader saved the highlight, long enough to move everything.',
    );
    const index = buildTextIndex(document.body);
    const m = placed(index, selectors);
    expect(m?.method).toBe('quote');
    expect(m?.range.toString()).toBe(quote);
    expect(within(m!.range, para('9e04'))).toBe(true);
  });

  it('finds a quote whose own words were lightly edited, fuzzily', () => {
    const quote = sentence('8b2c', 1);
    expect(quote).toContain('smartest engineers');
    const selectors = save(buildTextIndex(document.body), '8b2c', quote);
    editText(para('8b2c'), 'smartest engineers', 'brightest engineers');
    insertBefore(para('a77b'), 'A short new line.');
    const index = buildTextIndex(document.body);
    const m = placed(index, selectors);
    expect(m?.method).toBe('fuzzy');
    expect(within(m!.range, para('8b2c'))).toBe(true);
    expect(m?.range.toString()).toBe(quote.replace('smartest', 'brightest'));
    expect(m!.score).toBeGreaterThan(0.6);
    expect(m!.score).toBeLessThan(1);
  });

  it('finds a quote through typographic and white-space changes', () => {
    const quote = sentence('4b71', 1);
    expect(quote).toContain('there’s a problem');
    const selectors = save(buildTextIndex(document.body), '4b71', quote);
    editText(para('4b71'), 'there’s a problem', "there's  a\u00A0problem");
    editText(para('4b71'), 'from various', 'from\n    various');
    const index = buildTextIndex(document.body);
    const m = placed(index, selectors);
    expect(m?.method).toBe('quote');
    expect(within(m!.range, para('4b71'))).toBe(true);
    const found = m!.range.toString();
    expect(found).toContain("there's  a\u00A0problem");
    expect(found.startsWith(quote.slice(0, 10))).toBe(true);
    expect(found.endsWith(quote.slice(-10))).toBe(true);
  });

  it('finds a quote saved with straight quotes on a page that now has curly ones', () => {
    const quote = sentence('d8a3', 0);
    expect(quote).toContain('I’m');
    const q = save(buildTextIndex(document.body), 'd8a3', quote);
    const straight = q.map((s) =>
      s.type === 'TextQuoteSelector' ? { ...s, exact: s.exact.replace(/’/g, "'") } : s,
    );
    const index = buildTextIndex(document.body);
    const m = placed(index, straight);
    expect(m?.method).toBe('quote');
    expect(m?.range.toString()).toBe(quote);
  });

  it('chooses between two occurrences of a quote by its context', () => {
    const original = para('2c63');
    const quote = sentence('2c63', 0);
    // A copy of the paragraph elsewhere: the same words, with other neighbours.
    const copy = original.cloneNode(true) as HTMLElement;
    copy.id = 'copy';
    para('a77b').after(copy);
    const before = buildTextIndex(document.body);
    const fromOriginal = save(before, '2c63', quote);
    const fromCopy = save(before, 'copy', quote);
    expect(fromOriginal).not.toEqual(fromCopy);
    insertBefore(para('a77b'), 'Text that moves both copies along.');
    const index = buildTextIndex(document.body);
    const m1 = placed(index, fromOriginal);
    const m2 = placed(index, fromCopy);
    expect(m1?.range.toString()).toBe(quote);
    expect(m2?.range.toString()).toBe(quote);
    expect(within(m1!.range, original)).toBe(true);
    expect(within(m2!.range, copy)).toBe(true);
  });

  it('chooses the occurrence nearest the old position when the context is the same', () => {
    const original = para('2c63');
    // The middle of the paragraph: 32 characters either side are inside it, so both copies agree.
    const quote = 'have these bigger models';
    const copy = original.cloneNode(true) as HTMLElement;
    copy.id = 'copy';
    para('a77b').after(copy);
    const before = buildTextIndex(document.body);
    const [q1, p1] = save(before, '2c63', quote) as [TextQuoteSelector, Selector];
    const [q2] = save(before, 'copy', quote) as [TextQuoteSelector, Selector];
    expect(q1).toEqual(q2);
    insertBefore(para('a77b'), 'Inserted.');
    const index = buildTextIndex(document.body);
    expect(within(placed(index, [q1, p1])!.range, original)).toBe(true);
    const p2 = save(before, 'copy', quote)[1] as Selector;
    expect(within(placed(index, [q2, p2])!.range, copy)).toBe(true);
  });

  it('orphans a quote that is gone instead of placing it on similar text', () => {
    const quote = sentence('2f47', 1);
    const selectors = save(buildTextIndex(document.body), '2f47', quote);
    // The paragraph goes; a similar sentence appears elsewhere, in other surroundings.
    para('2f47').remove();
    const similar = quote.replace('Every minute', 'Each minute').replace('inspiration', 'inspirations');
    insertBefore(para('7d3a'), `Unrelated lead-in words here. ${similar} And a different ending follows it.`);
    const index = buildTextIndex(document.body);
    expect(index.text).toContain(similar);
    expect(anchorSelectors(index, selectors)).toBeNull();
  });

  // The score threshold (MIN_SCORE) is what keeps a short quote off the wrong
  // words: its text alone is no proof, only its surroundings or its place are.
  describe('a short quote whose paragraph moved far down the page', () => {
    const said = 'We asked about growth, and the hardest part was saying no to good ideas.';
    const quote = 'the hardest part';

    function savedThenMoved(newText: string) {
      const first = para('a77b');
      insertBefore(first, said);
      const index = buildTextIndex(document.body);
      const start = index.text.indexOf(quote);
      const selectors = describeOffsets(index, start, start + quote.length);
      first.previousElementSibling!.remove();
      const last = document.createElement('p');
      last.textContent = newText;
      document.body.append(last);
      const after = buildTextIndex(document.body);
      expect(after.text.indexOf(quote)).toBeGreaterThan(start + 2000);
      return { after, selectors, last };
    }

    it('is placed there when its surroundings came along', () => {
      const { after, selectors, last } = savedThenMoved(said);
      const m = placed(after, selectors);
      expect(m?.range.toString()).toBe(quote);
      expect(within(m!.range, last)).toBe(true);
    });

    it('is orphaned when the same words stand there in other surroundings', () => {
      const { after, selectors } = savedThenMoved('Nobody thinks the hardest part of cooking is the salt.');
      expect(anchorSelectors(after, selectors)).toBeNull();
    });
  });

  it('orphans a quote whose text is nowhere on the page', () => {
    const selectors = save(buildTextIndex(document.body), '7d3a', sentence('7d3a', 0));
    para('7d3a').remove();
    expect(anchorSelectors(buildTextIndex(document.body), selectors)).toBeNull();
  });

  it('round-trips a range across several paragraphs', () => {
    const index = buildTextIndex(document.body);
    const range = document.createRange();
    const from = para('0c9f').firstChild as Text;
    const to = para('9e04').firstChild as Text;
    range.setStart(from, 10);
    range.setEnd(to, 25);
    const selectors = describeRange(index, range);
    const edited = buildTextIndex(document.body);
    const m = anchorSelectors(edited, selectors);
    expect(m).not.toBeNull();
    expect(rangeFromOffsets(edited, m!.start, m!.end).toString()).toBe(range.toString());
    expect(range.toString()).toContain(para('d8a3').textContent ?? 'missing');
  });

  it('re-anchors a long multi-paragraph quote after an edit inside it', () => {
    const range = document.createRange();
    range.setStart(para('0c9f').firstChild as Text, 0);
    range.setEndAfter(para('9e04'));
    const selectors = describeRange(buildTextIndex(document.body), range);
    const quote = (selectors[0] as TextQuoteSelector).exact;
    expect(quote.length).toBeGreaterThan(600);
    editText(para('d8a3'), 'really excited', 'very excited');
    insertBefore(para('a77b'), 'Moved along by this line.');
    const index = buildTextIndex(document.body);
    const m = anchorSelectors(index, selectors);
    expect(m?.method).toBe('fuzzy');
    const found = rangeFromOffsets(index, m!.start, m!.end).toString();
    expect(found).toBe(quote.replace('really excited', 'very excited'));
  });

  it('finds an edited quote page-wide when no position was saved', () => {
    const quote = sentence('8b2c', 1);
    const [q] = save(buildTextIndex(document.body), '8b2c', quote);
    editText(para('8b2c'), 'smartest engineers', 'brightest engineers');
    const index = buildTextIndex(document.body);
    const m = anchorSelectors(index, [q as Selector]);
    expect(m?.method).toBe('fuzzy');
    expect(rangeFromOffsets(index, m!.start, m!.end).toString()).toBe(quote.replace('smartest', 'brightest'));
  });

  it('finds a long edited quote page-wide by its end chunks', () => {
    const range = document.createRange();
    range.setStart(para('0c9f').firstChild as Text, 0);
    range.setEndAfter(para('d8a3'));
    const [q] = describeRange(buildTextIndex(document.body), range) as [TextQuoteSelector];
    expect(q.exact.length).toBeGreaterThan(256);
    editText(para('d8a3'), 'really excited', 'very excited');
    editText(para('0c9f'), 'Relevant ads', 'Relevant adverts');
    const index = buildTextIndex(document.body);
    const m = anchorSelectors(index, [q]);
    expect(m?.method).toBe('fuzzy');
    expect(rangeFromOffsets(index, m!.start, m!.end).toString()).toBe(
      q.exact.replace('really excited', 'very excited').replace('Relevant ads', 'Relevant adverts'),
    );
  });

  it('returns null for selectors without a quote that no longer fit', () => {
    const index = buildTextIndex(document.body);
    expect(
      anchorSelectors(index, [{ type: 'TextPositionSelector', start: 5, end: index.text.length + 10 }]),
    ).toBeNull();
    expect(anchorSelectors(index, [])).toBeNull();
  });
});
