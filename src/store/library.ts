// The library: every read and write of highlights and articles. Each public
// write is one read-write transaction over both tables, so a failure leaves
// nothing half-written, and every error leaves as a StoreError.
//
// Change notification: `onChange(cb)` fires after each committed write made
// through this Library instance, with the article keys it touched.
// `onExternalChange(cb)` fires when another context (the background, another
// tab, another Library) wrote to the same database; re-query everything then.
// Dexie's liveQuery over `library.db` works as well for UIs that prefer it.
//
// How rows merge (clipping again, importing) is merge.ts; the search index
// kept between searches is search-cache.ts.

import Dexie, { type DexieOptions, type Transaction } from 'dexie';
import { ValidationError } from '../check';
import { type ArticleSort, compareArticles, comparePageOrder } from '../order';
import type { Article, Highlight, HighlightPatch, ListedHighlight } from '../types';
import { uniqueTags } from '../tags';
import { articleFromHighlight } from './article';
import { makeBackup, parseBackup, type Backup } from './backup';
import { DEFAULT_DB_NAME, LibraryDB, type SchemaVersion } from './db';
import { StoreError, toStoreError } from './errors';
import { listedHighlight, StringPool } from './listed';
import { importedArticle, importReplaces, mergeArticle } from './merge';
import type { LibraryQuery, SearchResult } from './search';
import { type RowChanges, SearchCache } from './search-cache';
import { checkArticle, checkHighlight, checkHighlightPatch } from './validate';

export interface ImportReport {
  /** Highlights new to this library. */
  added: number;
  /** Highlights replaced by a newer edit (a later updatedAt) from the file. */
  updated: number;
  /** Highlights already here, as new as or newer than the file's. */
  unchanged: number;
  /** Article rows added or replaced. */
  articles: number;
}

/** How far an import has written: highlights put so far, of those the file brings in. */
export interface ImportProgress {
  written: number;
  total: number;
}

/**
 * Highlights written per request during an import. Between requests the
 * transaction stays open and the page can paint its progress; one request of
 * 100,000 rows gives it nothing to show for a minute.
 */
const IMPORT_CHUNK = 2_000;

/**
 * Highlights decoded per request when the whole library is read. Each page is
 * decoded in one task, and while a full collection is marking, the collector
 * takes its share of that task in proportion to what it allocates: at 2,000 a
 * page, the library page at 100,000 highlights had tasks of 250-320 ms in
 * every load; at 500, mostly under 170 ms.
 */
const READ_PAGE = 500;

export interface LibraryOptions {
  /** The clock; tests pin it. */
  now?: () => number;
  /** Dexie options, e.g. a separate IDBFactory per test. */
  dexie?: DexieOptions;
  /** The schema versions to declare; SCHEMA_VERSIONS unless a test proves an upgrade with a made-up later one. */
  versions?: readonly SchemaVersion[];
}

interface Changes extends RowChanges {
  articleKeys: Set<string>;
  putArticles: Article[];
  deletedArticles: string[];
  putHighlights: Highlight[];
  deletedHighlights: string[];
}

function emptyChanges(): Changes {
  return {
    articleKeys: new Set(),
    putArticles: [],
    deletedArticles: [],
    putHighlights: [],
    deletedHighlights: [],
  };
}

function invalid(e: unknown): never {
  if (e instanceof ValidationError) throw new StoreError('invalid', e.message, { cause: e });
  throw e;
}

/**
 * Why a transaction was aborted. Dexie rejects with the error of the request
 * the abort cut short (an AbortError); the transaction's own error holds the
 * cause, e.g. the QuotaExceededError of a full disk.
 */
function abortCause(e: unknown, tx: Transaction | undefined): unknown {
  const cause = tx?.idbtrans?.error;
  const name = (x: unknown): unknown => (x as { name?: unknown } | null)?.name;
  const aborted = name(e) === 'AbortError' || name((e as { inner?: unknown } | null)?.inner) === 'AbortError';
  return aborted && cause && cause.name !== 'AbortError' ? cause : e;
}

export class Library {
  readonly db: LibraryDB;
  private readonly now: () => number;
  private readonly listeners = new Set<(articleKeys: string[]) => void>();
  private readonly externalListeners = new Set<() => void>();
  private readonly ownTransactions = new Set<Transaction>();
  private readonly searchCache = new SearchCache(() => this.readRows());
  /** Set by close(): a connection closed on purpose is not reopened. */
  private closed = false;

  constructor(name: string = DEFAULT_DB_NAME, options: LibraryOptions = {}) {
    this.db = new LibraryDB(name, options.dexie, options.versions);
    this.now = options.now ?? Date.now;
    Dexie.on.storagemutated.subscribe(this.onStorageMutated);
  }

  /** How many times the search index was read from IndexedDB (for tests and measurements). */
  get indexBuilds(): number {
    return this.searchCache.builds;
  }

  close(): void {
    this.closed = true;
    Dexie.on.storagemutated.unsubscribe(this.onStorageMutated);
    this.db.close();
  }

  onChange(cb: (articleKeys: string[]) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  onExternalChange(cb: () => void): () => void {
    this.externalListeners.add(cb);
    return () => this.externalListeners.delete(cb);
  }

  // ---- writes ----

  async saveHighlight(h: Highlight, article: Article): Promise<Highlight> {
    let hl: Highlight;
    let art: Article;
    try {
      hl = checkHighlight(h);
      art = checkArticle(article);
    } catch (e) {
      invalid(e);
    }
    if (hl.articleKey !== art.key) {
      throw new StoreError(
        'invalid',
        `highlight.articleKey ${JSON.stringify(hl.articleKey)} is not article.key ${JSON.stringify(art.key)}`,
      );
    }
    await this.write(async (ch) => {
      const old = await this.db.articles.get(art.key);
      const merged = mergeArticle(old, art, hl.createdAt, this.now());
      await this.db.articles.put(merged);
      ch.putArticles.push(merged);
      await this.db.highlights.put(hl);
      ch.putHighlights.push(hl);
      ch.articleKeys.add(art.key);
    });
    return hl;
  }

  /** Tags are cleaned as every stored row's are (validate.ts); updatedAt moves on. */
  async updateHighlight(id: string, patch: HighlightPatch): Promise<Highlight> {
    let edit: HighlightPatch;
    try {
      edit = checkHighlightPatch(patch);
    } catch (e) {
      invalid(e);
    }
    return this.write(async (ch) => {
      const row = await this.db.highlights.get(id);
      if (!row) throw new StoreError('not-found', `no highlight with id ${JSON.stringify(id)}`);
      const next: Highlight = { ...row, ...edit, updatedAt: Math.max(this.now(), row.updatedAt) };
      await this.db.highlights.put(next);
      ch.putHighlights.push(next);
      ch.articleKeys.add(next.articleKey);
      return next;
    });
  }

  /** Marks exactly `orphanedIds` among the article's highlights as orphaned; not an edit, so updatedAt stays. */
  async setOrphaned(articleKey: string, orphanedIds: string[]): Promise<void> {
    const orphaned = new Set(orphanedIds);
    await this.write(async (ch) => {
      const rows = await this.db.highlights.where('articleKey').equals(articleKey).toArray();
      const changed = rows
        .filter((r) => r.orphaned !== orphaned.has(r.id))
        .map((r) => ({ ...r, orphaned: !r.orphaned }));
      if (changed.length === 0) return;
      await this.db.highlights.bulkPut(changed);
      ch.putHighlights.push(...changed);
      ch.articleKeys.add(articleKey);
    });
  }

  /**
   * Removes the highlights and returns the removed rows, for undo. Article rows
   * stay (page facts and first-clip date are still true of the page); an
   * article without highlights is left out of listArticles and backups, and
   * pruneEmptyArticles removes such rows for good.
   */
  async deleteHighlights(ids: string[]): Promise<Highlight[]> {
    return this.write(async (ch) => {
      const rows = (await this.db.highlights.bulkGet(ids)).filter((r): r is Highlight => r !== undefined);
      await this.db.highlights.bulkDelete(rows.map((r) => r.id));
      for (const r of rows) ch.articleKeys.add(r.articleKey);
      ch.deletedHighlights.push(...rows.map((r) => r.id));
      return rows;
    });
  }

  /**
   * Undo for deleteHighlights: puts the rows back exactly as they were. If an
   * article row is gone by then (pruned, cleared), a plain one is made from the
   * highlight so nothing is left without its article.
   */
  async restoreHighlights(rows: Highlight[]): Promise<void> {
    let highlights: Highlight[];
    try {
      highlights = rows.map((h, i) => checkHighlight(h, `rows[${i}]`));
    } catch (e) {
      invalid(e);
    }
    await this.write(async (ch) => {
      const byKey = new Map<string, Article>();
      for (const h of highlights) {
        let a = byKey.get(h.articleKey) ?? (await this.db.articles.get(h.articleKey));
        if (!a) {
          a = articleFromHighlight(h, this.now());
          await this.db.articles.put(a);
          ch.putArticles.push(a);
        }
        byKey.set(a.key, a);
        await this.db.highlights.put(h);
        ch.putHighlights.push(h);
        ch.articleKeys.add(h.articleKey);
      }
    });
  }

  /** Removes article rows that have no highlights left; returns their keys. */
  async pruneEmptyArticles(): Promise<string[]> {
    return this.write(async (ch) => {
      const used = new Set((await this.db.highlights.orderBy('articleKey').uniqueKeys()).map(String));
      const empty = (await this.db.articles.toCollection().primaryKeys()).filter((k) => !used.has(k));
      await this.db.articles.bulkDelete(empty);
      ch.deletedArticles.push(...empty);
      for (const k of empty) ch.articleKeys.add(k);
      return empty;
    });
  }

  async clear(): Promise<void> {
    await this.write(async (ch) => {
      for (const k of await this.db.articles.toCollection().primaryKeys()) ch.articleKeys.add(k);
      await this.db.highlights.clear();
      await this.db.articles.clear();
      ch.deletedArticles.push(...ch.articleKeys);
    });
    this.searchCache.emptied();
  }

  // ---- reads ----

  async highlightsForArticle(articleKey: string): Promise<Highlight[]> {
    const rows = await this.read(() => this.db.highlights.where('articleKey').equals(articleKey).toArray());
    return rows.sort(comparePageOrder);
  }

  /**
   * Every tag in the library, each once by the one tag rule (src/tags.ts),
   * sorted for the reader. Tags have no index (schema version 2 keeps only
   * what a query reads), so this walks the rows: once per card opened.
   */
  async tagsInUse(): Promise<string[]> {
    const tags: string[] = [];
    await this.read(() => this.db.highlights.each((h) => void tags.push(...h.tags)));
    return uniqueTags(tags).sort((a, b) => a.localeCompare(b));
  }

  async getHighlight(id: string): Promise<Highlight | undefined> {
    return this.read(() => this.db.highlights.get(id));
  }

  async getArticle(key: string): Promise<Article | undefined> {
    return this.read(() => this.db.articles.get(key));
  }

  /** Articles that hold at least one highlight. */
  async listArticles(sort: ArticleSort = 'clipped'): Promise<Article[]> {
    const [all, used] = await this.read(() =>
      this.db.transaction('r', this.db.articles, this.db.highlights, () =>
        Promise.all([this.db.articles.toArray(), this.db.highlights.orderBy('articleKey').uniqueKeys()]),
      ),
    );
    const withHighlights = new Set(used.map(String));
    return all.filter((a) => withHighlights.has(a.key)).sort(compareArticles(sort));
  }

  /** All highlights, or one article's. */
  async countHighlights(articleKey?: string): Promise<number> {
    return this.read(() =>
      articleKey === undefined
        ? this.db.highlights.count()
        : this.db.highlights.where('articleKey').equals(articleKey).count(),
    );
  }

  /** Highlights per article key, read from the index alone. */
  async countsByArticle(): Promise<Map<string, number>> {
    const keys = await this.read(() => this.db.highlights.orderBy('articleKey').keys());
    const counts = new Map<string, number>();
    for (const k of keys) counts.set(String(k), (counts.get(String(k)) ?? 0) + 1);
    return counts;
  }

  async search(q: LibraryQuery = {}): Promise<SearchResult> {
    return (await this.searchCache.get()).search(q);
  }

  // ---- backup ----

  async exportBackup(): Promise<Backup> {
    const { articles, highlights } = await this.readAll();
    return makeBackup(articles, highlights, this.now());
  }

  /**
   * Every highlight and the articles they belong to, in one read. The search
   * index is built from the same rows when it is first needed, so a page that
   * shows the whole library and then searches reads it once, not twice.
   */
  async readAll(): Promise<{ articles: Article[]; highlights: Highlight[] }> {
    const stamp = this.searchCache.stamp();
    const rows = await this.readRows();
    this.searchCache.offer(rows, stamp);
    const used = new Set(rows.highlights.map((r) => r.articleKey));
    return { articles: rows.articles.filter((a) => used.has(a.key)), highlights: rows.highlights };
  }

  /**
   * readAll for the library page: the highlights as listed (listed.ts), which
   * the search index is then built from too. Whatever needs a whole row (undo,
   * a backup) reads it from the store.
   */
  async readListed(): Promise<{ articles: Article[]; highlights: ListedHighlight[] }> {
    const stamp = this.searchCache.stamp();
    const rows = await this.readRows(true);
    this.searchCache.offer(rows, stamp);
    const used = new Set(rows.highlights.map((r) => r.articleKey));
    return { articles: rows.articles.filter((a) => used.has(a.key)), highlights: rows.highlights };
  }

  /** Every article, with highlights or not, and every highlight, in one transaction. */
  private async readRows(listed: true): Promise<{ articles: Article[]; highlights: ListedHighlight[] }>;
  private async readRows(listed?: false): Promise<{ articles: Article[]; highlights: Highlight[] }>;
  private async readRows(listed = false): Promise<{ articles: Article[]; highlights: Highlight[] }> {
    return this.read(() =>
      this.db.transaction('r', this.db.articles, this.db.highlights, async () => {
        const articles = await this.db.articles.toArray();
        const pool = listed ? new StringPool(articles) : null;
        // In pages by id: the browser decodes a request's rows in one task, and
        // 100,000 highlights in one request held the page for seconds.
        const highlights: Highlight[] = [];
        for (let last: string | undefined; ; ) {
          const from =
            last === undefined
              ? this.db.highlights.orderBy(':id')
              : this.db.highlights.where(':id').above(last);
          const page = await from.limit(READ_PAGE).toArray();
          for (const h of page) highlights.push(pool ? listedHighlight(h, pool) : h);
          if (page.length < READ_PAGE) return { articles, highlights };
          last = page[page.length - 1]!.id;
        }
      }),
    );
  }

  /** Checks the whole file first (BackupError names what is wrong), then merges it in one transaction. */
  async importBackup(data: unknown, onProgress?: (p: ImportProgress) => void): Promise<ImportReport> {
    const backup = parseBackup(data);
    return this.write(async (ch) => {
      const report: ImportReport = { added: 0, updated: 0, unchanged: 0, articles: 0 };
      const oldArticles = await this.db.articles.bulkGet(backup.articles.map((a) => a.key));
      const putArticles: Article[] = [];
      backup.articles.forEach((a, i) => {
        const row = importedArticle(oldArticles[i], a);
        if (row) putArticles.push(row);
      });
      // Only rows already here are read back: into an empty library (a new
      // device, a restore) a getMany of every id in the file is all misses,
      // and in Chromium it took as long as a third of the writes.
      const present = new Set(await this.db.highlights.toCollection().primaryKeys());
      const mine = backup.highlights.filter((h) => present.has(h.id));
      const found = new Map(
        (await this.db.highlights.bulkGet(mine.map((h) => h.id))).map((row, i) => [mine[i]!.id, row]),
      );
      const oldRows = backup.highlights.map((h) => found.get(h.id));
      const putRows: Highlight[] = [];
      backup.highlights.forEach((h, i) => {
        const old = oldRows[i];
        if (!importReplaces(old, h)) {
          report.unchanged++;
          return;
        }
        if (old) report.updated++;
        else report.added++;
        putRows.push(h);
        ch.articleKeys.add(h.articleKey);
        if (old && old.articleKey !== h.articleKey) ch.articleKeys.add(old.articleKey);
      });
      await this.db.articles.bulkPut(putArticles);
      onProgress?.({ written: 0, total: putRows.length });
      for (let i = 0; i < putRows.length; i += IMPORT_CHUNK) {
        await this.db.highlights.bulkPut(putRows.slice(i, i + IMPORT_CHUNK));
        onProgress?.({ written: Math.min(i + IMPORT_CHUNK, putRows.length), total: putRows.length });
      }
      report.articles = putArticles.length;
      for (const a of putArticles) ch.articleKeys.add(a.key);
      ch.putArticles.push(...putArticles);
      ch.putHighlights.push(...putRows);
      return report;
    });
  }

  // ---- internals ----

  /**
   * Runs `op`, and once more on a fresh connection if the browser closed ours.
   * Chromium closes an IndexedDB connection whose commit failed on a full
   * disk; Dexie then keeps failing with the error of its reopen attempt, even
   * after the disk has room again, until it is opened anew.
   */
  private async withReopen<T>(op: () => Promise<T>): Promise<T> {
    let lost: unknown;
    try {
      return await op();
    } catch (e) {
      if (this.closed || (e as { name?: unknown } | null)?.name !== 'DatabaseClosedError')
        throw toStoreError(e);
      lost = e;
    }
    try {
      this.db.close();
      await this.db.open();
    } catch {
      // Still cannot open (disk still full, failed upgrade): the first error says why.
      throw toStoreError(lost);
    }
    try {
      return await op();
    } catch (e) {
      throw toStoreError(e);
    }
  }

  private read<T>(fn: () => Promise<T>): Promise<T> {
    return this.withReopen(fn);
  }

  private async write<T>(fn: (ch: Changes) => Promise<T>): Promise<T> {
    let ch = emptyChanges();
    const result = await this.withReopen(async () => {
      // A retried transaction starts over: nothing of the failed one was committed.
      ch = emptyChanges();
      const held: { tx?: Transaction } = {};
      try {
        return await this.db.transaction('rw', this.db.articles, this.db.highlights, (t) => {
          held.tx = t;
          this.ownTransactions.add(t);
          return fn(ch);
        });
      } catch (e) {
        throw abortCause(e, held.tx);
      } finally {
        if (held.tx) this.ownTransactions.delete(held.tx);
      }
    });
    this.searchCache.changed(ch);
    const keys = [...ch.articleKeys];
    if (keys.length > 0) {
      for (const cb of [...this.listeners]) {
        try {
          cb(keys);
        } catch (e) {
          console.error('[interview-highlights] onChange listener failed', e);
        }
      }
    }
    return result;
  }

  private readonly onStorageMutated = (parts: Record<string, unknown>): void => {
    const prefix = `idb://${this.db.name}/`;
    if (!Object.keys(parts).some((k) => k === 'all' || k.startsWith(prefix))) return;
    // Our own commits fire this too, synchronously as the transaction completes
    // (Dexie marks it inactive, then tells), before write() goes on and forgets
    // it; those changes are patched in by write() itself.
    for (const t of this.ownTransactions) if (!t.active) return;
    this.searchCache.invalidate();
    for (const cb of [...this.externalListeners]) {
      try {
        cb();
      } catch (e) {
        console.error('[interview-highlights] onExternalChange listener failed', e);
      }
    }
  };
}
