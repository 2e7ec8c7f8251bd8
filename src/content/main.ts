// The content script's shell: wires extract, anchor and paint to the page,
// the in-page UI and the messages. Extraction and indexing happen once per
// page state (load, URL change, late content), never per mutation.

import browser, { type Runtime } from 'webextension-polyfill';
import {
  anchorAll,
  buildTextIndex,
  buildTextIndexSteps,
  rangeFromOffsets,
  runSliced,
  type TextIndex,
} from '../anchor';
import { renderHighlights } from '../export';
import { detectSite, extractInterview, findArticleRoot } from '../extract';
import {
  checkMessage,
  fail,
  message,
  ok,
  TO_CONTENT,
  type HighlightPatch,
  type Message,
  type MessageOf,
  type MessageType,
  type PageState,
  type Reply,
  type ReplyOf,
} from '../messages';
import { loadSettings, onSettingsChanged } from '../settings';
import {
  DEFAULT_SETTINGS,
  type Highlight,
  type HighlightColor,
  type Interview,
  type Settings,
} from '../types';
import { articleKey } from '../url';
import { articleFromInterview } from '../store/article';
import { captureRange, captureSection, type CaptureContext, type CaptureResult } from './capture';
import { Painter, type PaintItem } from './paint';
import { locateSections, type SectionSpan } from './sections';
import { watchPage } from './spa';
import { articleSize } from './budget';
import { measured, recordSlice } from './timing';
import { ContentUI } from './ui';

async function send<T extends MessageType>(msg: MessageOf<T>): Promise<ReplyOf<T>> {
  try {
    const reply = (await browser.runtime.sendMessage(msg)) as ReplyOf<T> | undefined;
    return reply ?? (fail('no answer from the extension') as ReplyOf<T>);
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e)) as ReplyOf<T>;
  }
}

function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Pages served over plain http are not secure contexts and have no randomUUID.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] as number) & 0x0f) | 0x40;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const ORPHAN_REPORT_DELAY_MS = 1500;

export class ContentSession {
  readonly painter = new Painter(document);
  readonly ui = new ContentUI(document);
  settings: Settings = DEFAULT_SETTINGS;

  private url = '';
  private interview: Interview | null = null;
  /** The article is past the size extraction can read without freezing the page (see budget.ts). */
  private tooLarge = false;
  private root: Element = document.body ?? document.documentElement;
  private signature = '';
  private index: TextIndex | null = null;
  private spans: SectionSpan[] | null = null;
  private lastReport = '';
  private highlights = new Map<string, Highlight>();
  private orphaned = new Set<string>();
  private generation = 0;
  private anchoring: AbortController | null = null;
  private orphanTimer: ReturnType<typeof setTimeout> | null = null;
  private selectionTimer: ReturnType<typeof setTimeout> | null = null;
  private stopWatching: (() => void) | null = null;

  start(): void {
    void this.loadSettings();
    void this.refreshPage();
    this.stopWatching = watchPage(
      window,
      { onUrlChange: () => this.onUrlChange(), onContentAdded: () => this.scheduleRefresh() },
      { ignore: (n) => this.ui.contains(n) },
    );
    browser.runtime.onMessage.addListener(this.onMessage);
    document.addEventListener('selectionchange', this.onSelectionChange);
    document.addEventListener('click', this.onClick);
    window.addEventListener('scroll', this.onScroll, { passive: true });
  }

  stop(): void {
    this.stopWatching?.();
    browser.runtime.onMessage.removeListener(this.onMessage);
    document.removeEventListener('selectionchange', this.onSelectionChange);
    document.removeEventListener('click', this.onClick);
    window.removeEventListener('scroll', this.onScroll);
    this.painter.clear();
    this.ui.reset();
  }

  private refreshTimer: ReturnType<typeof setTimeout> | null = null;

  /**
   * The previous page's paint goes at once; extraction waits for the app to
   * swap its content in (pushState comes before the new DOM), so one pass
   * sees the new page instead of the old content under the new address.
   */
  private onUrlChange(): void {
    if (articleKey(location.href) !== articleKey(this.url)) {
      this.anchoring?.abort();
      this.generation++;
      this.painter.clear();
      this.ui.reset();
    }
    this.scheduleRefresh();
  }

  private scheduleRefresh(delay = 300): void {
    if (this.refreshTimer !== null) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = null;
      void this.refreshPage();
    }, delay);
  }

  private async loadSettings(): Promise<void> {
    try {
      this.settings = await loadSettings();
      onSettingsChanged((s: Settings) => {
        this.settings = s;
        if (!s.showSaveButton) this.ui.hideSaveButton();
      });
    } catch {
      // Defaults are a fine way to keep working when settings cannot be read.
    }
  }

  get articleKey(): string {
    return articleKey(this.url || location.href);
  }

  // ---- Page state ----

  /** Re-extracts when the URL changed or the article's text did; repaints for the new state. */
  async refreshPage(): Promise<void> {
    const url = location.href;
    const pageChanged = articleKey(url) !== articleKey(this.url);
    const root =
      measured('root', () => findArticleRoot(document)) ?? document.body ?? document.documentElement;
    const size = measured('size', () => articleSize(root));
    const signature = `${articleKey(url)}|${size.signature}`;
    if (this.refreshTimer !== null) {
      clearTimeout(this.refreshTimer);
      this.refreshTimer = null;
    }
    if (!pageChanged && root === this.root && signature === this.signature) return;

    if (pageChanged) {
      // Paint and UI of the previous page must not linger on the next one.
      this.anchoring?.abort();
      this.painter.clear();
      this.ui.reset();
      this.highlights.clear();
      this.orphaned.clear();
    }
    this.url = url;
    this.root = root;
    this.signature = signature;
    this.index = null;
    this.spans = null;
    try {
      this.tooLarge = size.tooLarge;
      this.interview = this.tooLarge
        ? unreadInterview(document, url)
        : measured('extract', () => extractInterview(document, url));
    } catch (e) {
      console.warn('[interview-highlights] extraction failed', e);
      this.interview = null;
    }
    const report = {
      url,
      questionCount: this.interview?.sections.length ?? 0,
      interview: this.interview?.interview ?? false,
    };
    const reportKey = JSON.stringify(report);
    if (reportKey !== this.lastReport) {
      this.lastReport = reportKey;
      void send(message('page:extracted', report));
    }
    await this.loadHighlights();
  }

  private getIndex(): TextIndex {
    this.index ??= measured('text-index', () => buildTextIndex(this.root));
    return this.index;
  }

  /** The index, built in slices when it is not there yet, so a huge page does not freeze while it is read. */
  private async indexInSlices(signal: AbortSignal): Promise<TextIndex> {
    if (this.index) return this.index;
    const root = this.root;
    const built = await runSliced(buildTextIndexSteps(root), {
      signal,
      onSlice: (start, end) => recordSlice('text-index', start, end),
    });
    // A save may have built it meanwhile; the root may have changed: keep what matches the page now.
    if (root === this.root) this.index ??= built;
    return this.index ?? built;
  }

  private getSpans(): SectionSpan[] {
    this.spans ??= this.interview
      ? measured('sections', () => locateSections(this.getIndex().text, this.interview!.sections))
      : [];
    return this.spans;
  }

  /** Fetches this page's highlights and paints them. */
  async loadHighlights(): Promise<void> {
    const gen = ++this.generation;
    const reply = await send(message('highlights:list', { url: this.url }));
    if (gen !== this.generation || !reply.ok) return;
    const rows = reply.value.filter((h) => h.articleKey === this.articleKey);
    this.highlights = new Map(rows.map((h) => [h.id, h]));
    await this.anchorAndPaint(gen);
  }

  private async anchorAndPaint(gen: number): Promise<void> {
    this.anchoring?.abort();
    if (this.highlights.size === 0) {
      this.painter.clear();
      this.orphaned.clear();
      return;
    }
    const controller = new AbortController();
    this.anchoring = controller;
    const rows = [...this.highlights.values()];
    let index: TextIndex;
    let places: Awaited<ReturnType<typeof anchorAll>>;
    try {
      index = await this.indexInSlices(controller.signal);
      places = await anchorAll(index, rows, {
        signal: controller.signal,
        onSlice: (start, end) => recordSlice('anchor', start, end),
      });
    } catch (e) {
      if (!controller.signal.aborted) console.warn('[interview-highlights] anchoring failed', e);
      return;
    }
    if (gen !== this.generation || controller.signal.aborted) return;
    const items: PaintItem[] = [];
    const orphaned = new Set<string>();
    for (const h of rows) {
      const place = places.get(h.id);
      const range = place ? rangeFromOffsets(index, place.start, place.end) : null;
      if (!range) {
        orphaned.add(h.id);
        continue;
      }
      items.push({ id: h.id, range, color: h.color, hasNote: h.note.trim() !== '' });
    }
    measured('paint', () => this.painter.setAll(items));
    this.orphaned = orphaned;
    this.scheduleOrphanReport();
  }

  /** Waits for the page to settle (late content often places what looked orphaned), and writes only a change. */
  private scheduleOrphanReport(): void {
    if (this.orphanTimer !== null) clearTimeout(this.orphanTimer);
    this.orphanTimer = setTimeout(() => {
      this.orphanTimer = null;
      const stored = [...this.highlights.values()]
        .filter((h) => h.orphaned)
        .map((h) => h.id)
        .sort();
      const now = [...this.orphaned].sort();
      if (JSON.stringify(stored) === JSON.stringify(now)) return;
      for (const h of this.highlights.values()) h.orphaned = this.orphaned.has(h.id);
      void send(message('highlights:orphaned', { articleKey: this.articleKey, orphanedIds: now }));
    }, ORPHAN_REPORT_DELAY_MS);
  }

  // ---- Capture ----

  private captureContext(): CaptureContext | null {
    if (!this.interview) return null;
    return {
      interview: this.interview,
      index: this.getIndex(),
      spans: this.getSpans(),
      pageUrl: location.href,
      color: this.settings.defaultColor,
      now: Date.now(),
      newId,
      unchecked: this.tooLarge,
    };
  }

  private refuse(error: string): Reply<never> {
    this.ui.toast(error);
    return fail(error);
  }

  async saveSelection(): Promise<ReplyOf<'selection:save'>> {
    // Late content may not have been seen yet; make sure the index matches the page.
    await this.refreshPage();
    // Built in slices before the selection is read, so a first save on a huge page does not freeze it.
    await this.indexInSlices(new AbortController().signal);
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed || sel.toString().trim() === '')
      return this.refuse('Select some text to save it as a highlight.');
    const range = sel.getRangeAt(0);
    if (this.ui.contains(range.commonAncestorContainer) || this.ui.contains(sel.anchorNode))
      return this.refuse('That text is part of Interview Highlights itself.');
    if (!this.root.contains(range.commonAncestorContainer) && !this.root.contains(range.startContainer)) {
      return this.refuse('Select text inside the article to save it.');
    }
    const clipped = clipToRoot(range, this.root);
    const ctx = this.captureContext();
    if (!ctx) return this.refuse('This page could not be read.');
    // Paint before building the text-fragment link (the slow part of a capture,
    // tens of milliseconds on a long page), so the reader sees the save at once.
    const id = newId();
    ctx.newId = () => id;
    this.painter.upsert({ id, range: clipped.cloneRange(), color: ctx.color, hasNote: false });
    const result = measured('capture', () => captureRange(ctx, clipped));
    if (!result.ok) this.painter.remove(id);
    if (result.ok) {
      // Cleared now, not after the round trip: by then the reader may have selected the next quote.
      sel.removeAllRanges();
      this.ui.hideSaveButton();
    }
    return this.persist(result);
  }

  async saveSection(sectionId: string, paragraphIndex?: number): Promise<ReplyOf<'page:saveSection'>> {
    await this.refreshPage();
    await this.indexInSlices(new AbortController().signal);
    const ctx = this.captureContext();
    if (!ctx) return fail('This page could not be read.');
    const index = ctx.index;
    return this.persist(
      captureSection(ctx, sectionId, paragraphIndex, (s, e) => rangeFromOffsets(index, s, e)),
    );
  }

  private async persist(result: CaptureResult): Promise<Reply<Highlight>> {
    if (!result.ok) return this.refuse(result.error);
    const { highlight, article, start, end } = result.value;
    const range = rangeFromOffsets(this.getIndex(), start, end);
    // Optimistic: the reader sees the paint at once; the background keeps a failed write for retry.
    this.highlights.set(highlight.id, highlight);
    if (range) this.painter.upsert({ id: highlight.id, range, color: highlight.color, hasNote: false });
    const reply = await send(message('highlight:save', { highlight, article }));
    if (reply.ok) return ok(highlight);
    if (reply.retrying) {
      this.ui.toast(`Not saved yet: ${reply.error} It will be retried.`);
      return reply;
    }
    this.highlights.delete(highlight.id);
    this.painter.remove(highlight.id);
    this.ui.toast(`Could not save the highlight: ${reply.error}`);
    return reply;
  }

  // ---- Popup requests ----

  pageState(): PageState {
    const placed = this.painter.ids();
    const state: PageState = {
      interview: this.interview,
      articleKey: this.articleKey,
      orphanedIds: [...this.orphaned],
      placedIds: placed,
    };
    return this.tooLarge ? { ...state, tooLarge: true } : state;
  }

  scrollTo(sectionId: string): Reply<null> {
    const span = this.getSpans().find((s) => s.id === sectionId);
    if (!span) return fail('That question is not on this page.');
    const range = rangeFromOffsets(this.getIndex(), span.start, span.questionEnd);
    if (!range) return fail('That question is not on this page.');
    const node = range.startContainer;
    const target = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
    target?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    this.painter.flash(range);
    return ok(null);
  }

  // ---- Messages ----

  private readonly onMessage = (
    raw: unknown,
    sender: Runtime.MessageSender,
  ): Promise<Reply<unknown>> | undefined => {
    // Only the extension itself talks to us, from its worker or its pages, never from a tab.
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    const parsed = checkMessage(raw);
    if (!parsed.ok) return Promise.resolve(fail(parsed.error));
    if (!(TO_CONTENT as readonly string[]).includes(parsed.message.type)) return undefined;
    return this.handle(parsed.message);
  };

  private async handle(m: Message): Promise<Reply<unknown>> {
    switch (m.type) {
      case 'selection:save':
        return this.saveSelection();
      case 'highlights:changed':
        if (m.articleKeys.includes(this.articleKey)) await this.loadHighlights();
        return ok(null);
      case 'page:get':
        await this.refreshPage();
        return ok(this.pageState());
      case 'page:scrollTo':
        return this.scrollTo(m.sectionId);
      case 'page:saveSection':
        return this.saveSection(m.sectionId, m.paragraphIndex);
      default:
        return fail(`${m.type} is not for the page`);
    }
  }

  // ---- Floating Save button ----

  private readonly onSelectionChange = (): void => {
    if (this.selectionTimer !== null) clearTimeout(this.selectionTimer);
    this.selectionTimer = setTimeout(() => {
      this.selectionTimer = null;
      this.updateSaveButton();
    }, 120);
  };

  private readonly onScroll = (): void => {
    if (this.ui.saveButtonShown) this.updateSaveButton();
  };

  private updateSaveButton(): void {
    const sel = window.getSelection();
    if (
      !this.settings.showSaveButton ||
      !sel ||
      sel.rangeCount === 0 ||
      sel.isCollapsed ||
      sel.toString().trim() === ''
    ) {
      this.ui.hideSaveButton();
      return;
    }
    const range = sel.getRangeAt(0);
    if (
      this.ui.contains(range.commonAncestorContainer) ||
      !this.root.contains(range.commonAncestorContainer)
    ) {
      this.ui.hideSaveButton();
      return;
    }
    const rects = range.getClientRects();
    const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
    this.ui.showSaveButton(last, () => void this.saveSelection());
  }

  // ---- Click menu on a painted highlight ----

  private readonly onClick = (e: MouseEvent): void => {
    if (this.ui.contains(e.target as Node | null)) return;
    if (this.ui.menuOpen) this.ui.closeMenu();
    if (this.painter.ids().length === 0) return;
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed) return;
    const hit = this.painter.hitTest(e.clientX, e.clientY);
    if (!hit) return;
    const h = this.highlights.get(hit.id);
    if (h) this.openMenu(h, e.clientX, e.clientY);
  };

  openMenu(h: Highlight, x: number, y: number): void {
    this.ui.openMenu(
      x,
      y,
      { note: h.note, tags: h.tags, color: h.color },
      {
        save: ({ note, tags }) => void this.update(h.id, { note, tags }),
        setColor: (color: HighlightColor) => void this.update(h.id, { color }),
        copyMarkdown: () => void this.copyMarkdown(h.id),
        remove: () => void this.remove(h.id),
      },
    );
  }

  private async update(id: string, patch: HighlightPatch): Promise<void> {
    const h = this.highlights.get(id);
    if (!h) return;
    const reply = await send(message('highlight:update', { id, patch, articleKey: h.articleKey }));
    if (!reply.ok) {
      this.ui.toast(`Could not change the highlight: ${reply.error}`);
      return;
    }
    Object.assign(h, patch, { updatedAt: Date.now() });
    const painted = this.painter.get(id);
    if (painted) this.painter.upsert({ ...painted, color: h.color, hasNote: h.note.trim() !== '' });
  }

  private async copyMarkdown(id: string): Promise<void> {
    const h = this.highlights.get(id);
    if (!h || !this.interview) return;
    const md = renderHighlights(
      articleFromInterview(this.interview, this.url, h.createdAt),
      [h],
      this.settings.export,
    );
    try {
      await navigator.clipboard.writeText(md);
      this.ui.toast('Copied as Markdown.');
    } catch {
      this.ui.toast('Could not reach the clipboard.');
    }
  }

  private async remove(id: string): Promise<void> {
    const h = this.highlights.get(id);
    if (!h) return;
    const reply = await send(message('highlight:delete', { ids: [id], articleKey: h.articleKey }));
    if (!reply.ok) {
      this.ui.toast(`Could not delete the highlight: ${reply.error}`);
      return;
    }
    this.highlights.delete(id);
    this.painter.remove(id);
    const rows = reply.value.length > 0 ? reply.value : [h];
    this.ui.toast('Highlight deleted.', {
      label: 'Undo',
      run: () =>
        void send(message('highlight:restore', { rows })).then((r) => {
          if (!r.ok) this.ui.toast(`Could not restore the highlight: ${r.error}`);
        }),
    });
  }
}

/**
 * A page too large to read for questions: no Q&A, but enough for a highlight
 * to be filed under the page (its title is the tab's).
 */
function unreadInterview(document: Document, url: string): Interview {
  return {
    url,
    canonicalUrl: null,
    site: detectSite(document, url),
    interview: false,
    title: (document.title ?? '').trim(),
    author: null,
    publication: null,
    published: null,
    subject: {},
    facts: [],
    intro: [],
    sections: [],
  };
}

/** A selection that starts or ends outside the article is cut to the article. */
function clipToRoot(range: Range, root: Element): Range {
  const r = range.cloneRange();
  if (!root.contains(r.startContainer)) r.setStart(root, 0);
  if (!root.contains(r.endContainer)) r.setEnd(root, root.childNodes.length);
  return r;
}

export function startContentScript(): ContentSession {
  const session = new ContentSession();
  session.start();
  return session;
}
