import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { libraryPort } from '../../options/storeAdapter';
import { Library } from '../../src/store';
import { article, highlight } from './fixtures';

let library: Library | null = null;
afterEach(() => {
  library?.close();
  library = null;
});

async function seeded(n: number): Promise<Library> {
  library = new Library(`adapter-test-${Date.now()}-${Math.random()}`);
  for (let i = 0; i < n; i++) {
    const a = article({
      key: `https://example.com/i${i}`,
      title: `T${String(n - i).padStart(2, '0')}`,
      lastClippedAt: 100_000 + i,
    });
    await library.saveHighlight(highlight(a, { id: `h${i}-a`, start: 5 }), a);
    await library.saveHighlight(highlight(a, { id: `h${i}-b`, start: 1 }), a);
  }
  return library;
}

describe('library port over the store', () => {
  it('loads the newest interviews first, skipping ones emptied by deletes', async () => {
    const lib = await seeded(12);
    await lib.deleteHighlights(['h11-a', 'h11-b']);
    const first = await libraryPort(lib).loadFirst('clipped', 3);
    expect(first.articles.map((a) => a.key)).toEqual([
      'https://example.com/i10',
      'https://example.com/i9',
      'https://example.com/i8',
    ]);
    expect(first.highlights).toHaveLength(6);
  });

  it('follows the other sorts too', async () => {
    const lib = await seeded(5);
    const first = await libraryPort(lib).loadFirst('title', 2);
    expect(first.articles.map((a) => a.title)).toEqual(['T01', 'T02']);
  });

  it('loads everything, and searches with match positions read on demand', async () => {
    const lib = await seeded(3);
    const port = libraryPort(lib);
    const all = await port.loadAll();
    expect(all.articles).toHaveLength(3);
    expect(all.highlights).toHaveLength(6);
    const hits = await port.search('quote h1-a');
    expect(hits.hit(0).id).toBe('h1-a');
    expect(hits.slotting.idOf(hits.slots[0]!)).toBe('h1-a');
    expect(hits.hit(0).matches.some((m) => m.field === 'quote' && m.start === 0 && m.end === 5)).toBe(true);
  });
});
