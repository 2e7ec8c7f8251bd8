// articleKey is called in the content script, where Firefox hands it the
// page's URL through an Xray wrapper: the searchParams iterators (keys(),
// values(), entries()) cannot be iterated there. These tests pin the key and
// run it once with those iterators broken the way Firefox breaks them.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { articleKey } from '../src/url';

describe('articleKey', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('drops the fragment and tracking parameters and keeps the rest in order', () => {
    expect(
      articleKey('https://Medium.com/pinterest-engineering/post-1?b=2&utm_source=x&a=1&source=rss#frag'),
    ).toBe('https://medium.com/pinterest-engineering/post-1?b=2&a=1');
    expect(articleKey('https://medium.com/p?utm_medium=y&fbclid=z')).toBe('https://medium.com/p');
    expect(articleKey('not a url ')).toBe('not a url');
  });

  it('works when the searchParams iterators cannot be iterated, as under Firefox Xray wrappers', () => {
    // What a Firefox content script gets: an iterator object without Symbol.iterator.
    const notIterable = () => ({ next: () => ({ done: true, value: undefined }) }) as never;
    for (const name of ['keys', 'values', 'entries'] as const)
      vi.spyOn(URLSearchParams.prototype, name).mockImplementation(notIterable);
    expect(articleKey('https://medium.com/p?ref=a&id=7&utm_campaign=c')).toBe('https://medium.com/p?id=7');
  });
});
