// What the library page needs from the outside world, as one interface. The
// real page wires the Dexie store and browser APIs (main.tsx); component tests
// wire the same store over fake-indexeddb and record downloads and clipboard.

import type { RankedHits, SearchField } from '../src/store/search';
import type {
  Article,
  ExportOptions,
  Highlight,
  HighlightPatch,
  ListedHighlight,
  Settings,
} from '../src/types';
import type { ArticleSort } from '../src/order';

export interface SearchMatch {
  field: SearchField;
  /** For 'tag': which of the highlight's tags. */
  index?: number;
  start: number;
  end: number;
}

export interface SearchHit {
  id: string;
  score: number;
  /** Positions in the highlight's fields; may be worked out on first read, so read it only for rows on screen. */
  readonly matches: readonly SearchMatch[];
}

/** A search's hits best first, as numbers; `hit(k)` makes the k-th as an object (for its match positions). */
export type SearchHits = RankedHits<SearchHit>;

/** How far an import has written, as the store reports it. */
export interface ImportProgress {
  written: number;
  total: number;
}

/** What an import did, as the store reports it. */
export interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
  articles: number;
}

/** The library store as the page uses it. */
export interface LibraryPort {
  /**
   * Every article and highlight, as listed (no quote selectors: see
   * ListedHighlight); the page filters and groups in memory.
   */
  loadAll(): Promise<{ articles: Article[]; highlights: ListedHighlight[] }>;
  /**
   * Enough to paint the first screen quickly: the first `count` interviews
   * that have highlights, in `sort` order, with their highlights.
   */
  loadFirst(sort: ArticleSort, count: number): Promise<{ articles: Article[]; highlights: Highlight[] }>;
  /** Gets search ready (e.g. builds an index) while the reader is not waiting. */
  warmSearch(): Promise<void>;
  /** Full-text search, ranked best first. */
  search(text: string): Promise<SearchHits>;
  updateHighlight(id: string, edit: HighlightPatch): Promise<void>;
  /** Returns the deleted rows, which restoreHighlights puts back (Undo). */
  deleteHighlights(ids: readonly string[]): Promise<Highlight[]>;
  restoreHighlights(rows: readonly Highlight[]): Promise<void>;
  exportBackup(): Promise<unknown>;
  /** Validates all of data before writing; throws an Error whose message says what is wrong. */
  /** onProgress: highlights written so far, of those the file brings in. */
  importBackup(data: unknown, onProgress?: (p: ImportProgress) => void): Promise<ImportCounts>;
  onChange(cb: () => void): () => void;
}

export interface SettingsPort {
  load(): Promise<Settings>;
  save(patch: Partial<Settings>): Promise<void>;
  onChanged(cb: (s: Settings) => void): () => void;
}

export interface ExportEntry {
  article: Article;
  highlights: Highlight[];
}

/** May answer later: the page loads the renderers on first use, not before its first paint. */
export interface ExporterPort {
  renderHighlights(
    article: Article,
    highlights: readonly Highlight[],
    options: ExportOptions,
  ): string | Promise<string>;
  renderLibraryZip(entries: readonly ExportEntry[], options: ExportOptions): Uint8Array | Promise<Uint8Array>;
  fileNameFor(title: string): string | Promise<string>;
}

export interface Toast {
  message: string;
  action?: { label: string; run: () => void | Promise<void> };
}

export interface Services {
  library: LibraryPort;
  settings: SettingsPort;
  exporter: ExporterPort;
  clipboard: { writeText(text: string): Promise<void> };
  download(fileName: string, data: Blob): void;
  notify(toast: Toast): void;
  /** Opens a URL in a new tab (the page checks it is http/https or a browser settings page). */
  openTab(url: string): Promise<void>;
  /** Tells open pages to repaint after the page wrote the store. */
  announce(articleKeys: readonly string[]): void;
  browser: 'chrome' | 'firefox';
}
