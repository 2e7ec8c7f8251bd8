// The library port over src/store's Library. Field names differ slightly (the
// store says 'tag', the page says 'tags'); nothing else is decided here.

import type { Library, SearchHit as StoreHit, SearchMatch as StoreMatch } from '../src/store';
import type { Article, Highlight } from '../src/types';
import { takeFirstScreen } from './first-screen';
import type { LibraryPort, MatchField, SearchHit, SearchMatch } from './services';

function toMatch(m: StoreMatch): SearchMatch {
  const field: MatchField = m.field === 'tag' ? 'tags' : m.field;
  return m.index === undefined ? { field, start: m.start, end: m.end } : { field, index: m.index, start: m.start, end: m.end };
}

/** A store hit as the page reads it; match positions are converted on first read, for rows on screen only. */
class PageHit implements SearchHit {
  private converted: SearchMatch[] | undefined;

  constructor(private readonly hit: StoreHit) {}

  get id(): string {
    return this.hit.highlight.id;
  }

  get score(): number {
    return this.hit.score;
  }

  get matches(): readonly SearchMatch[] {
    return (this.converted ??= this.hit.matches.map(toMatch));
  }
}

export function libraryPort(library: Library): LibraryPort {
  return {
    // One read for the page and, later, for the search index (warmSearch builds it from these rows).
    loadAll: () => library.readAll(),
    async loadFirst(sort, count) {
      if (sort === 'clipped') {
        // Usually started by boot.js before this bundle loaded. Null means no
        // database yet or an upgrade to run: Dexie's read below sees to both.
        const early = takeFirstScreen(library.db.name, count) ?? library.firstScreen(count);
        const first = await early.catch(() => null);
        if (first) return first;
      }
      let articles: Article[];
      if (sort === 'clipped') {
        // Twice as many as needed, since article rows outlive their last highlight.
        articles = await library.db.articles.orderBy('lastClippedAt').reverse().limit(count * 2).toArray();
      } else {
        articles = await library.listArticles(sort === 'published' ? 'published' : 'title');
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
      const r = await library.search({ text });
      return r.hits.map((h) => new PageHit(h));
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
