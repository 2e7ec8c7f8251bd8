// The in-page UI wired to the page: the floating Save button that follows the
// reader's selection, and the menu a click on a painted highlight opens (note,
// tags, colour, copy as Markdown, delete with undo). The UI itself, in its
// shadow root, is ui.ts.

import { renderHighlights } from '../export';
import { message } from '../messages';
import { articleFromInterview } from '../store/article';
import type { Highlight, HighlightColor, HighlightPatch, Settings } from '../types';
import type { ContentEnv } from './env';
import type { PageReader } from './page';
import type { Painter } from './paint';
import type { Placement } from './placing';
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
  saveSelection(): void;
}

export class PageUI {
  private readonly selectionTimer: Timer;

  constructor(
    private readonly s: PageUIParts,
    signal: AbortSignal,
  ) {
    this.selectionTimer = new Timer(signal);
    const { window } = s.env;
    window.document.addEventListener('selectionchange', this.onSelectionChange, { signal });
    window.document.addEventListener('click', this.onClick, { signal });
    window.addEventListener('scroll', this.onScroll, { passive: true, signal });
  }

  // ---- Floating Save button ----

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
    ui.showSaveButton(last, () => this.s.saveSelection());
  }

  // ---- Click menu on a painted highlight ----

  private readonly onClick = (e: MouseEvent): void => {
    const { ui, painter, placement, env } = this.s;
    if (ui.contains(e.target as Node | null)) return;
    if (ui.menuOpen) ui.closeMenu();
    if (painter.ids().length === 0) return;
    const sel = env.window.getSelection();
    if (sel && !sel.isCollapsed) return;
    const hit = painter.hitTest(e.clientX, e.clientY);
    if (!hit) return;
    const h = placement.highlights.get(hit.id);
    if (h) this.openMenu(h, e.clientX, e.clientY);
  };

  openMenu(h: Highlight, x: number, y: number): void {
    this.s.ui.openMenu(
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
    const { placement, painter, ui, env } = this.s;
    const h = placement.highlights.get(id);
    if (!h) return;
    const reply = await env.send(message('highlight:update', { id, patch, articleKey: h.articleKey }));
    if (!reply.ok) {
      ui.toast(`Could not change the highlight: ${reply.error}`);
      return;
    }
    Object.assign(h, patch, { updatedAt: env.now() });
    const painted = painter.get(id);
    if (painted) painter.upsert({ ...painted, color: h.color, hasNote: h.note.trim() !== '' });
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
      run: () =>
        void env.send(message('highlight:restore', { rows })).then((r) => {
          if (!r.ok) ui.toast(`Could not restore the highlight: ${r.error}`);
        }),
    });
  }
}
