// The library's search index, kept in memory between searches. It is built
// from one full read when first needed (or from the read the library page
// made anyway), patched after each write made through the same Library, and
// dropped when another context writes the database, to be read again lazily.

import type { Article, Highlight } from '../types';
import { SearchIndex } from './search';

export interface Rows {
  articles: Article[];
  highlights: Highlight[];
}

/** What one committed write changed, for patching the index. */
export interface RowChanges {
  putArticles: readonly Article[];
  deletedArticles: readonly string[];
  putHighlights: readonly Highlight[];
  deletedHighlights: readonly string[];
}

export class SearchCache {
  private index: SearchIndex | null = null;
  private loading: Promise<SearchIndex> | null = null;
  /** The last full read offered, kept to build from while no write came after it. */
  private offered: (Rows & { generation: number }) | null = null;
  /** Bumped by every write; a read that overlapped a write is read again. */
  private generation = 0;
  /** How many times the index was read from the database (for tests and measurements). */
  builds = 0;

  /** `readRows` reads every article (with highlights or not: an undo may bring theirs back) and every highlight. */
  constructor(private readonly readRows: () => Promise<Rows>) {}

  /** Stamp to hand back to `offer` with rows read after taking it. */
  stamp(): number {
    return this.generation;
  }

  /** Rows read anyway (the library page reads them all): the index is built from them if still current. */
  offer(rows: Rows, stamp: number): void {
    if (!this.index) this.offered = { ...rows, generation: stamp };
  }

  /** After a write through this Library: patch what is built, and no older read is current. */
  changed(ch: RowChanges): void {
    this.generation++;
    const idx = this.index;
    if (!idx) return;
    for (const key of ch.deletedArticles) idx.deleteArticle(key);
    for (const a of ch.putArticles) idx.putArticle(a);
    for (const id of ch.deletedHighlights) idx.deleteHighlight(id);
    for (const h of ch.putHighlights) idx.putHighlight(h);
  }

  /** After the whole library was cleared. */
  emptied(): void {
    this.generation++;
    this.index = new SearchIndex();
  }

  /** After another context wrote the database: what is built may be stale. */
  invalidate(): void {
    this.generation++;
    this.index = null;
  }

  get(): Promise<SearchIndex> {
    if (this.index) return Promise.resolve(this.index);
    this.loading ??= this.load().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private async load(): Promise<SearchIndex> {
    for (;;) {
      // A write that committed while the rows were read may or may not be in them.
      const last = this.offered;
      this.offered = null;
      if (last && last.generation === this.generation) {
        const built = await SearchIndex.sliced(last.articles, last.highlights);
        // A write that committed while it was built is not in it: read again.
        if (last.generation === this.generation) {
          this.index = built;
          return built;
        }
        continue;
      }
      const stamp = this.generation;
      const rows = await this.readRows();
      this.builds++;
      this.offered = { ...rows, generation: stamp };
    }
  }
}
