// The search index cache builds from rows the page read anyway only while no
// write came after that read; otherwise it reads the database again.
import { describe, expect, it } from 'vitest';
import { type Rows, SearchCache } from '../../src/store/search-cache';
import { makeArticle, makeHighlight } from './helpers';

const a = makeArticle();
const alpha = makeHighlight({ id: 'alpha', articleKey: a.key, quote: 'Alpha.' });
const beta = makeHighlight({ id: 'beta', articleKey: a.key, quote: 'Beta.' });
const stored: Rows = { articles: [a], highlights: [alpha, beta] };

describe('SearchCache', () => {
  it('builds from the rows offered when nothing was written since they were read', async () => {
    const cache = new SearchCache(async () => stored);
    cache.offer(stored, cache.stamp());
    const idx = await cache.get();
    expect(cache.builds).toBe(0);
    expect(idx.search({ text: 'beta' }).total).toBe(1);
  });

  it('reads again when a write came after the rows offered were read', async () => {
    const cache = new SearchCache(async () => stored);
    const stamp = cache.stamp();
    cache.changed({ putArticles: [], deletedArticles: [], putHighlights: [beta], deletedHighlights: [] });
    cache.offer({ articles: [a], highlights: [alpha] }, stamp);
    const idx = await cache.get();
    expect(cache.builds).toBe(1);
    expect(idx.search({ text: 'beta' }).total).toBe(1);
  });
});
