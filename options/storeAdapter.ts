// The library port over src/store's Library. Field names differ slightly (the
// store says 'tag', the page says 'tags'); nothing else is decided here.

import type { Library, SearchMatch as StoreMatch } from '../src/store';
import type { LibraryPort, MatchField, SearchMatch } from './services';

function toMatch(m: StoreMatch): SearchMatch {
  const field: MatchField = m.field === 'tag' ? 'tags' : m.field;
  return m.index === undefined ? { field, start: m.start, end: m.end } : { field, index: m.index, start: m.start, end: m.end };
}

export function libraryPort(library: Library): LibraryPort {
  return {
    async loadAll() {
      // The backup read is one transaction over both tables and does not build
      // the search index, which would hold the first paint back (warmSearch does that later).
      const { articles, highlights } = await library.exportBackup();
      return { articles, highlights };
    },
    async loadFirst(pick) {
      // A count reads no rows; per-article counts would read every key.
      const [articles, total] = await Promise.all([library.listArticles(), library.countHighlights()]);
      const lists = await Promise.all(pick(articles).map((k) => library.highlightsForArticle(k)));
      return { articles, highlights: lists.flat(), total };
    },
    async warmSearch() {
      await library.search({ text: '', limit: 0 });
    },
    async search(text) {
      const r = await library.search({ text });
      return r.hits.map((h) => ({ id: h.highlight.id, score: h.score, matches: h.matches.map(toMatch) }));
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
    importBackup: (data) => library.importBackup(data),
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
