// Everything the popup needs from the outside world, behind one small interface:
// the real one talks to the tab, the store and the clipboard; tests hand in fakes,
// so every component runs in happy-dom without an extension.

import type { PageState } from '../src/messages';
import type { Article, ExportOptions, Highlight, HighlightPatch, Interview, Settings } from '../src/types';

/** What the content script reports about its page: the answer to `page:get`. */
export type PageSnapshot = PageState;

/**
 * no-receiver: nothing listens in the tab (the content script does not run there
 * automatically); the reader may inject it. error: it listens but failed.
 */
export type PageResult =
  | { status: 'ok'; page: PageSnapshot }
  | { status: 'no-receiver' }
  | { status: 'error'; message: string };

/** forbidden: the browser refuses to script this page (browser pages, the web store, the PDF viewer). */
export type InjectResult = { status: 'ok' } | { status: 'forbidden'; message: string };

export interface PopupServices {
  getPage(): Promise<PageResult>;
  inject(): Promise<InjectResult>;
  /** Without paragraphIndex the whole Q&A; with it the answer block at that index. */
  saveSection(sectionId: string, paragraphIndex?: number): Promise<Highlight>;
  scrollTo(sectionId: string): Promise<void>;
  /** Scrolls the page to a saved highlight and flashes it. */
  showHighlight(id: string): Promise<void>;
  /** The tab's address, when the browser shows it to the extension. */
  tabUrl(): Promise<string | null>;

  highlightsForArticle(articleKey: string): Promise<Highlight[]>;
  getArticle(articleKey: string): Promise<Article | undefined>;
  /**
   * Written by the background (library:update), which also tells the tabs: the
   * message is sent before this returns, so an edit flushed as the popup
   * closes is not lost with the popup's own IndexedDB connection.
   */
  updateHighlight(id: string, patch: HighlightPatch, articleKey: string): Promise<void>;
  /**
   * Hands the background what is being typed, at every key: it writes it if
   * the popup goes before its own write is answered (src/background/drafts.ts).
   */
  draftHighlight(id: string, patch: HighlightPatch, articleKey: string): void;
  /** Answers the rows it removed, so they can be restored by Undo. */
  deleteHighlights(ids: string[]): Promise<Highlight[]>;
  restoreHighlights(rows: Highlight[]): Promise<void>;
  /** Tells the background that the popup wrote the store, so tabs repaint. */
  libraryChanged(articleKeys: string[]): Promise<void>;
  /** Calls back when the store changes from elsewhere; answers an unsubscribe. */
  onLibraryChange(callback: () => void): () => void;

  loadSettings(): Promise<Settings>;
  /** Async so the renderer can load after the first paint. */
  renderHighlights(article: Article, highlights: Highlight[], options: ExportOptions): Promise<string>;
  renderInterview(interview: Interview): Promise<string>;

  copyText(text: string): Promise<void>;
  /** Opens the library page (the options page). */
  openLibraryPage(): Promise<void>;
  /** The keyboard shortcut that highlights a selection, as the browser shows it, if one is set. */
  selectionShortcut(): Promise<string | null>;
}
