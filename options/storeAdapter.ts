// The library port over src/store's Library; nothing is decided here.

import type { Library } from '../src/store';
import type { Article, Highlight } from '../src/types';
import type { LibraryPort } from './services';

export function libraryPort(library: Library): LibraryPort {
  return {
    // One read for the page and, later, for the search index (warmSearch builds it from these rows).
    loadAll: () => library.readListed(),
    async loadFirst(sort, count) {
      let articles: Article[];
      if (sort === 'clipped') {
        // The newest interviews straight from the lastClippedAt index: listing
        // every article would decode them all. Twice as many as needed, since
        // article rows outlive their last highlight.
        articles = await library.db.articles
          .orderBy('lastClippedAt')
          .reverse()
          .limit(count * 2)
          .toArray();
      } else {
        articles = await library.listArticles(sort);
      }
      const picked: Article[] = [];
      const highlights: Highlight[] = [];
      for (let i = 0; i < articles.length && picked.length < count; i += count) {
        const batch = articles.slice(i, i + count);
        const lists = await Promise.all(batch.map((a) => library.highlightsForArticle(a.key)));
        batch.forEach((a, j) => {
          const list = lists[j]!;
          if (list.length === 0 || picked.length >= count) return;
          picked.push(a);
          highlights.push(...list);
        });
      }
      return { articles: picked, highlights };
    },
    async warmSearch() {
      await library.search({ text: '', limit: 0 });
    },
    async search(text) {
      // Hits as numbers: the page makes hit objects (and match positions) only for rows on screen.
      return (await library.search({ text })).ranked;
    },
    async updateHighlight(id, edit) {
      await library.updateHighlight(id, edit);
    },
    async deleteHighlights(ids) {
      return library.deleteHighlights([...ids]);
    },
    async restoreHighlights(rows) {
      await library.restoreHighlights([...rows]);
    },
    exportBackup: () => library.exportBackup(),
    importBackup: (data, onProgress) => library.importBackup(data, onProgress),
    onChange(cb) {
      const offOwn = library.onChange(() => cb());
      const offOther = library.onExternalChange(cb);
      return () => {
        offOwn();
        offOther();
      };
    },
  };
}
