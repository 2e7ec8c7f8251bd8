// Every Article the extension makes is one the store keeps: built one way
// (src/store/article.ts) and cut to the store's limits.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleFromHighlight, articleFromInterview } from '../../src/store/article';
import { ROW_LIMITS } from '../../src/store/limits';
import { checkArticle } from '../../src/store/validate';
import { SITES, type Interview } from '../../src/types';
import { makeHighlight } from './helpers';

const long = (n: number) => fc.string({ unit: 'grapheme', minLength: 0, maxLength: n });

const interview: fc.Arbitrary<Interview> = fc.record({
  url: fc.constant('https://example.org/post#section'),
  canonicalUrl: fc.constantFrom(null, 'https://example.org/post'),
  site: fc.constantFrom(...SITES),
  interview: fc.boolean(),
  title: fc.oneof(long(40), fc.constant('😀'.repeat(ROW_LIMITS.title))),
  author: fc.option(fc.oneof(long(20), fc.constant('A'.repeat(ROW_LIMITS.shortText + 1)))),
  publication: fc.option(long(20)),
  published: fc.constantFrom(null, '2024-02-29'),
  subject: fc.record(
    { name: fc.oneof(long(20), fc.constant('N'.repeat(ROW_LIMITS.shortText * 2))), role: long(20) },
    { requiredKeys: [] },
  ),
  facts: fc.constant([]),
  intro: fc.constant([]),
  sections: fc.array(
    fc.record({
      id: fc.stringMatching(/^[a-z]{1,8}$/),
      question: fc.oneof(long(40), fc.constant('?'.repeat(ROW_LIMITS.question + 3))),
      subQuestions: fc.constant([]),
      answer: fc.constant([]),
    }),
    { maxLength: 3 },
  ),
});

describe('articles the extension makes', () => {
  it('from a page: always one the store keeps, cut and never split inside a surrogate pair', () => {
    fc.assert(
      fc.property(interview, (iv) => {
        const a = articleFromInterview(iv, iv.url, 1);
        expect(checkArticle(a)).toEqual(a);
        expect(a.title).toBe(iv.title.slice(0, a.title.length));
        expect(a.title).not.toMatch(/[\uD800-\uDBFF]$/);
      }),
    );
  });

  it('from a page: filed under the tab’s address without its fragment', () => {
    const a = articleFromInterview(
      fc.sample(interview, 1)[0]!,
      'https://example.org/post?utm_source=x#frag',
      1,
    );
    expect(a).toMatchObject({
      key: 'https://example.org/post',
      url: 'https://example.org/post?utm_source=x',
    });
  });

  it('from a highlight alone: one the store keeps, even when its address is longer than a title may be', () => {
    const url = `https://example.org/${'p'.repeat(ROW_LIMITS.title * 2)}`;
    const a = articleFromHighlight(makeHighlight({ url, articleKey: url }), 5);
    expect(checkArticle(a)).toEqual(a);
    expect(a.title).toHaveLength(ROW_LIMITS.title);
  });
});
