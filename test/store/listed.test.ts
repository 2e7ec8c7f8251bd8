// The library page holds highlights as listed (src/store/listed.ts): without
// their quote selectors, its strings shared. These show that nothing the page
// does with them changes: the rows are the stored ones less the quote
// selectors, search finds the same, and Markdown and zip exports of listed
// rows are byte for byte those of the full rows. Undo is shown in
// test/library/page.test.tsx (it restores rows the store hands back).

import { describe, expect, it } from 'vitest';
import { renderHighlights, renderLibraryZip } from '../../src/export';
import { generateLibrary } from '../../src/store/generate';
import { DEFAULT_SETTINGS, LINK_STYLES, type Highlight } from '../../src/types';
import { freshLibrary } from './helpers';

const g = generateLibrary(30, 600, 5);

async function filled() {
  const { lib } = freshLibrary();
  await lib.importBackup({
    format: 'interview-highlights-backup',
    version: 1,
    exportedAt: '2026-12-03T00:00:00.000Z',
    ...g,
  });
  return lib;
}

const lessQuote = (h: Highlight): Highlight => ({
  ...h,
  selectors: h.selectors.filter((s) => s.type === 'TextPositionSelector'),
});

describe('highlights as the library page lists them', () => {
  it('are the stored rows without their quote selectors, and the store keeps them whole', async () => {
    const lib = await filled();
    const full = await lib.readAll();
    const listed = await lib.readListed();
    expect(full.highlights.some((h) => h.selectors.some((s) => s.type === 'TextQuoteSelector'))).toBe(true);
    expect(listed.articles).toEqual(full.articles);
    expect(listed.highlights).toEqual(full.highlights.map(lessQuote));
    expect((await lib.exportBackup()).highlights.length).toBe(g.highlights.length);
    expect(await lib.getHighlight(g.highlights[0]!.id)).toEqual(
      full.highlights.find((h) => h.id === g.highlights[0]!.id),
    );
  });

  it('search the same after the index is built from them', async () => {
    const lib = await filled();
    const fullLib = await filled();
    await lib.readListed();
    for (const text of ['culture', 'eng', 'straße', 'latency model', 'Kwame']) {
      const a = await lib.search({ text });
      const b = await fullLib.search({ text });
      expect(a.hits.map((h) => [h.id, h.score, h.matches])).toEqual(
        b.hits.map((h) => [h.id, h.score, h.matches]),
      );
    }
  });

  it('export to the same Markdown and zip bytes as the full rows, for every link style', async () => {
    const lib = await filled();
    const full = await lib.readAll();
    const listed = await lib.readListed();
    const byArticle = (hs: readonly Highlight[], key: string) => hs.filter((h) => h.articleKey === key);
    for (const linkStyle of LINK_STYLES) {
      const options = { ...DEFAULT_SETTINGS.export, linkStyle };
      for (const a of full.articles) {
        expect(renderHighlights(a, byArticle(listed.highlights, a.key), options)).toBe(
          renderHighlights(a, byArticle(full.highlights, a.key), options),
        );
      }
      const entries = (hs: readonly Highlight[]) =>
        full.articles.map((article) => ({ article, highlights: byArticle(hs, article.key) }));
      expect(renderLibraryZip(entries(listed.highlights), options)).toEqual(
        renderLibraryZip(entries(full.highlights), options),
      );
    }
  });
});
