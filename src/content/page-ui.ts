// The in-page UI wired to the page: the Save bar that follows the reader's
// selection (colours, "add a note"), the card a click on a painted highlight
// opens (note, tags, colour, copy as Markdown, delete with undo), and the
// keyboard's way through the highlights (Alt+Shift+. and Alt+Shift+, or the
// extension's commands, then Enter). The UI itself, in its shadow root, is ui.ts.

import { renderHighlights } from '../export';
import { message, type StepDirection } from '../messages';
import { articleFromInterview } from '../store/article';
import type { Highlight, HighlightColor, HighlightPatch, Settings } from '../types';
import type { ContentEnv } from './env';
import type { PageReader } from './page';
import type { Painter } from './paint';
import type { Placement } from './placing';
import type { SaveChoice } from './saving';
import { Timer } from './timer';
import type { ContentUI } from './ui';

/** The selection settles this long before the Save button moves to it. */
export const SELECTION_SETTLE_MS = 120;

export interface PageUIParts {
  env: ContentEnv;
  page: PageReader;
  placement: Placement;
  painter: Painter;
  ui: ContentUI;
  settings(): Settings;
  saveSelection(choice: SaveChoice): void;
}

/** The keys that step through highlights on the page, as the manifest's commands name them too. */
export const STEP_KEYS: Readonly<Record<string, StepDirection>> = { Period: 'next', Comma: 'previous' };

function isEditable(node: Element | null): boolean {
  if (!node) return false;
  return (node as HTMLElement).isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(node.tagName);
}

export class PageUI {
  private readonly selectionTimer: Timer;
  private stepped: string | null = null;
  /**
   * The last edit written per highlight and when it was sent. A list of the
   * page's highlights asked for before that write can answer after it and put
   * the old note back in place; until the store's row is as new as the edit,
   * the card opens with the edit.
   */
  private readonly written = new Map<string, { patch: HighlightPatch; at: number }>();

  constructor(
    private readonly s: PageUIParts,
    signal: AbortSignal,
  ) {
    this.selectionTimer = new Timer(signal);
    const { window } = s.env;
    window.document.addEventListener('selectionchange', this.onSelectionChange, { signal });
    window.document.addEventListener('click', this.onClick, { signal });
    window.document.addEventListener('keydown', this.onKeyDown, { signal, capture: true });
    window.addEventListener('scroll', this.onScroll, { passive: true, signal });
    // Every way the page goes away writes what the card holds first.
    window.addEventListener('pagehide', this.flush, { signal });
    window.addEventListener('blur', this.flush, { signal });
    window.document.addEventListener(
      'visibilitychange',
      () => {
        if (window.document.visibilityState === 'hidden') this.flush();
      },
      { signal },
    );
  }

  private readonly flush = (): void => {
    void this.s.ui.flushMenu();
  };

  // ---- Floating Save bar ----

  private readonly onSelectionChange = (): void => {
    this.selectionTimer.start(SELECTION_SETTLE_MS, () => this.updateSaveButton());
  };

  private readonly onScroll = (): void => {
    if (this.s.ui.saveButtonShown) this.updateSaveButton();
  };

  private updateSaveButton(): void {
    const { ui, page, env } = this.s;
    const sel = env.window.getSelection();
    if (
      !this.s.settings().showSaveButton ||
      !sel ||
      sel.rangeCount === 0 ||
      sel.isCollapsed ||
      sel.toString().trim() === ''
    ) {
      ui.hideSaveButton();
      return;
    }
    const range = sel.getRangeAt(0);
    if (ui.contains(range.commonAncestorContainer) || !page.root.contains(range.commonAncestorContainer)) {
      ui.hideSaveButton();
      return;
    }
    const rects = range.getClientRects();
    const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
    const near = range.endContainer.parentElement;
    ui.showSaveButton(
      last,
      {
        save: (color) => this.s.saveSelection(color ? { color } : {}),
        saveWithNote: () => this.s.saveSelection({ withNote: true }),
      },
      near,
    );
  }

  // ---- Keys: reach the Save bar, dismiss it, step through highlights ----

  private readonly onKeyDown = (e: KeyboardEvent): void => {
    const { ui, env } = this.s;
    // The step keys work from the page and from our own marker alike.
    const direction = e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey ? STEP_KEYS[e.code] : undefined;
    if (direction) {
      if (this.step(direction) !== null) e.preventDefault();
      return;
    }
    if (ui.contains(e.target as Element | null)) return;
    if (!ui.saveButtonShown || isEditable(env.window.document.activeElement)) return;
    if (e.key === 'Escape') {
      ui.hideSaveButton();
    } else if (e.key === 'Tab' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey) {
      // The bar lives outside the page's tab order: the first Tab after a selection reaches it.
      e.preventDefault();
      ui.focusSaveButton();
    }
  };

  /** Moves to the next or previous painted highlight, marks it and focuses a marker Enter opens; answers its id. */
  step(direction: StepDirection): string | null {
    const { painter, placement, ui } = this.s;
    const items = painter
      .ids()
      .map((id) => painter.get(id)!)
      .sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
    if (items.length === 0) {
      ui.toast('No highlights on this page yet.');
      return null;
    }
    const at = items.findIndex((i) => i.id === this.stepped);
    const next =
      at < 0
        ? direction === 'next'
          ? 0
          : items.length - 1
        : (at + (direction === 'next' ? 1 : -1) + items.length) % items.length;
    const item = items[next]!;
    this.stepped = item.id;
    const start = item.range.startContainer;
    (start.nodeType === Node.ELEMENT_NODE ? (start as Element) : start.parentElement)?.scrollIntoView({
      block: 'center',
    });
    painter.flash(item.range);
    const rect = item.range.getClientRects()[0] ?? item.range.getBoundingClientRect();
    ui.showPointer(rect, `Highlight ${next + 1} of ${items.length}: Enter opens`, () => {
      const h = placement.highlights.get(item.id);
      if (h) this.openMenu(h, rect.left, rect.bottom, { near: rect });
    });
    return item.id;
  }

  // ---- The card of a painted highlight ----

  private readonly onClick = (e: MouseEvent): void => {
    const { ui, painter, placement, env } = this.s;
    if (ui.contains(e.target as Node | null)) return;
    if (ui.menuOpen) ui.closeMenu();
    ui.hidePointer();
    if (painter.ids().length === 0) return;
    const sel = env.window.getSelection();
    if (sel && !sel.isCollapsed) return;
    const hit = painter.hitTest(e.clientX, e.clientY);
    if (!hit) return;
    const h = placement.highlights.get(hit.id);
    if (h) this.openMenu(h, e.clientX, e.clientY);
  };

  /** Opens the card of a highlight saved a moment ago (or found saved already), beside its paint. */
  openSaved(h: Highlight, opts: { focusNote?: boolean } = {}): void {
    const painted = this.s.painter.get(h.id);
    const rect = painted?.range.getBoundingClientRect();
    const x = rect?.left ?? 16;
    const y = rect?.bottom ?? 16;
    this.openMenu(h, x, y, { ...(rect ? { near: rect } : {}), ...opts });
  }

  /** The highlight as the reader last left it (see `written`). */
  private latest(h: Highlight): Highlight {
    const edit = this.written.get(h.id);
    if (!edit) return h;
    if (h.updatedAt >= edit.at) {
      this.written.delete(h.id);
      return h;
    }
    return { ...h, ...edit.patch };
  }

  openMenu(
    stored: Highlight,
    x: number,
    y: number,
    opts: { near?: DOMRect; focusNote?: boolean } = {},
  ): void {
    const { ui, page, env } = this.s;
    const h = this.latest(stored);
    ui.openMenu(
      x,
      y,
      {
        question: h.question,
        pageTitle: page.interview?.title || env.window.document.title,
        note: h.note,
        tags: h.tags,
        color: h.color,
        colorNames: ui.colorNames,
      },
      {
        write: ({ note, tags }) => this.update(h.id, { note, tags }),
        setColor: (color: HighlightColor) => void this.update(h.id, { color }),
        copyMarkdown: () => void this.copyMarkdown(h.id),
        remove: () => {
          ui.closeMenu({ restoreFocus: true });
          void this.remove(h.id);
        },
        suggestTags: async () => {
          const r = await env.send(message('tags:suggest', {}));
          return r.ok ? r.value : [];
        },
        close: () => undefined,
      },
      opts,
    );
  }

  private async update(id: string, patch: HighlightPatch): Promise<boolean> {
    const { placement, painter, ui, env } = this.s;
    const row = placement.highlights.get(id);
    if (!row) return false;
    // Known before the reply comes: a card reopened while the write is on its way shows it.
    const before = this.written.get(id);
    this.written.set(id, { patch: { ...before?.patch, ...patch }, at: env.now() });
    const reply = await env.send(message('highlight:update', { id, patch, articleKey: row.articleKey }));
    if (!reply.ok) {
      if (before) this.written.set(id, before);
      else this.written.delete(id);
      ui.toast(`Could not change the highlight: ${reply.error}`);
      return false;
    }
    // The page's list may have been read again meanwhile: change the row it holds now.
    const h = placement.highlights.get(id) ?? row;
    Object.assign(h, patch, { updatedAt: env.now() });
    const painted = painter.get(id);
    if (painted) painter.upsert({ ...painted, color: h.color, hasNote: h.note.trim() !== '' });
    return true;
  }

  private async copyMarkdown(id: string): Promise<void> {
    const { placement, page, ui, env } = this.s;
    const h = placement.highlights.get(id);
    if (!h || !page.interview) return;
    const md = renderHighlights(
      articleFromInterview(page.interview, page.url, h.createdAt),
      [h],
      this.s.settings().export,
    );
    try {
      await env.clipboard.writeText(md);
      ui.toast('Copied as Markdown.');
    } catch {
      ui.toast('Could not reach the clipboard.');
    }
  }

  private async remove(id: string): Promise<void> {
    const { placement, painter, ui, env } = this.s;
    const h = placement.highlights.get(id);
    if (!h) return;
    const reply = await env.send(message('highlight:delete', { ids: [id], articleKey: h.articleKey }));
    if (!reply.ok) {
      ui.toast(`Could not delete the highlight: ${reply.error}`);
      return;
    }
    placement.highlights.delete(id);
    painter.remove(id);
    const rows = reply.value.length > 0 ? reply.value : [h];
    ui.toast('Highlight deleted.', {
      label: 'Undo',
      focus: true,
      run: () =>
        void env.send(message('highlight:restore', { rows })).then((r) => {
          ui.toast(r.ok ? 'Highlight restored.' : `Could not restore the highlight: ${r.error}`);
        }),
    });
  }
}
