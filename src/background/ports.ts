// The store as the background uses it. src/store's Library fits this shape;
// keeping the port here lets the router be tested with a fake in Node.

import type { Article, Highlight, HighlightPatch } from '../types';

export interface BackgroundStore {
  saveHighlight(h: Highlight, article: Article): Promise<unknown>;
  updateHighlight(id: string, patch: HighlightPatch): Promise<unknown>;
  setOrphaned(articleKey: string, orphanedIds: string[]): Promise<unknown>;
  deleteHighlights(ids: string[]): Promise<Highlight[]>;
  restoreHighlights(rows: Highlight[]): Promise<unknown>;
  highlightsForArticle(articleKey: string): Promise<Highlight[]>;
  /** Every tag in the library, each once (src/tags.ts), sorted. */
  tagsInUse(): Promise<string[]>;
}

/** The key-value area the retry queue lives in (browser.storage.local). */
export interface KeyValueArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}
