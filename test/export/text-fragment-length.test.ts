// A quote made of one enormous word cannot be shortened in a text directive
// (directives match whole words): the link falls back to the page address
// instead of growing without bound and being refused downstream.
import { describe, expect, it } from 'vitest';
import { fallbackFragmentUrl, fragmentFromText, MAX_FRAGMENT_URL } from '../../src/export/text-fragment';

const PAGE = 'https://medium.com/pinterest-engineering/a-post-0123#old';
const WORD = 'x'.repeat(100_000);

describe('text-fragment links for enormous words', () => {
  it('falls back to the page address when the directive would be too long', () => {
    const text = `Intro words here. ${WORD} and after.`;
    const start = text.indexOf(WORD);
    const url = fragmentFromText(text, start, start + WORD.length, PAGE);
    expect(url).toBe('https://medium.com/pinterest-engineering/a-post-0123');
    expect(fallbackFragmentUrl(PAGE, WORD)).toBe('https://medium.com/pinterest-engineering/a-post-0123');
  });

  it('keeps ordinary directives', () => {
    const text = 'Intro words here. A short quote to find. And after.';
    const start = text.indexOf('A short');
    const url = fragmentFromText(text, start, start + 'A short quote to find.'.length, PAGE);
    expect(url.startsWith('https://medium.com/pinterest-engineering/a-post-0123#:~:text=')).toBe(true);
    expect(url.length).toBeLessThanOrEqual(MAX_FRAGMENT_URL);
  });
});
