// Capture as the reader does it: the selection (Save button, context menu,
// shortcut) or a Q&A or paragraph picked in the popup becomes a highlight
// (capture.ts), painted at once and sent to the background to be stored.

import { rangeFromOffsets } from '../anchor';
import { fail, message, ok, type Reply, type ReplyOf } from '../messages';
import type { Highlight, HighlightColor } from '../types';
import { type CaptureContext, type CaptureResult, captureRange, captureSection } from './capture';
import type { ContentEnv } from './env';
import type { PageReader } from './page';
import type { Painter } from './paint';
import type { Placement } from './placing';
import { measured } from './timing';
import type { ContentUI } from './ui';

export interface SavingParts {
  env: ContentEnv;
  page: PageReader;
  placement: Placement;
  painter: Painter;
  ui: ContentUI;
  /** Re-reads the page: late content may not have been seen yet, and the index must match the page. */
  refresh(): Promise<void>;
  color(): CaptureContext['color'];
  /** A highlight to show the reader in its card: one already saved at the same place, or a fresh one to note. */
  open(h: Highlight, opts: { focusNote?: boolean }): void;
}

/** How the reader asked to save: a colour other than the default, and whether a note comes next. */
export interface SaveChoice {
  color?: HighlightColor;
  withNote?: boolean;
}

export class Saving {
  constructor(private readonly s: SavingParts) {}

  private captureContext(color?: HighlightColor): CaptureContext | null {
    const { page, env } = this.s;
    if (!page.interview) return null;
    return {
      interview: page.interview,
      index: page.getIndex(),
      spans: page.getSpans(),
      pageUrl: env.window.location.href,
      color: color ?? this.s.color(),
      now: env.now(),
      newId: () => env.newId(),
      unchecked: page.tooLarge,
    };
  }

  private refuse(error: string): Reply<never> {
    this.s.ui.toast(error);
    return fail(error);
  }

  async saveSelection(choice: SaveChoice = {}): Promise<ReplyOf<'selection:save'>> {
    const { page, painter, ui, env } = this.s;
    await this.s.refresh();
    // Built in slices before the selection is read, so a first save on a huge page does not freeze it.
    await page.indexInSlices(new AbortController().signal);
    const sel = env.window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed || sel.toString().trim() === '')
      return this.refuse('Select some text to save it as a highlight.');
    const range = sel.getRangeAt(0);
    if (ui.contains(range.commonAncestorContainer) || ui.contains(sel.anchorNode))
      return this.refuse('That text is part of Interview Highlights itself.');
    if (!page.root.contains(range.commonAncestorContainer) && !page.root.contains(range.startContainer)) {
      return this.refuse('Select text inside the article to save it.');
    }
    const clipped = clipToRoot(range, page.root);
    const ctx = this.captureContext(choice.color);
    if (!ctx) return this.refuse('This page could not be read.');
    // Paint before building the text-fragment link (the slow part of a capture,
    // tens of milliseconds on a long page), so the reader sees the save at once.
    const id = env.newId();
    ctx.newId = () => id;
    painter.upsert({ id, range: clipped.cloneRange(), color: ctx.color, hasNote: false });
    const result = measured('capture', () => captureRange(ctx, clipped));
    if (!result.ok) painter.remove(id);
    if (result.ok) {
      // Cleared now, not after the round trip: by then the reader may have selected the next quote.
      sel.removeAllRanges();
      ui.hideSaveButton();
    }
    return this.persist(result, choice.withNote === true);
  }

  async saveSection(sectionId: string, paragraphIndex?: number): Promise<ReplyOf<'page:saveSection'>> {
    await this.s.refresh();
    await this.s.page.indexInSlices(new AbortController().signal);
    const ctx = this.captureContext();
    if (!ctx) return fail('This page could not be read.');
    const index = ctx.index;
    return this.persist(
      captureSection(ctx, sectionId, paragraphIndex, (s, e) => rangeFromOffsets(index, s, e)),
    );
  }

  private async persist(result: CaptureResult, withNote = false): Promise<Reply<Highlight>> {
    const { page, placement, painter, ui, env } = this.s;
    if (!result.ok) return this.refuse(result.error);
    const { highlight, article, start, end } = result.value;
    const range = rangeFromOffsets(page.getIndex(), start, end);
    // Optimistic: the reader sees the paint at once; the background keeps a failed write for retry.
    placement.highlights.set(highlight.id, highlight);
    if (range) painter.upsert({ id: highlight.id, range, color: highlight.color, hasNote: false });
    const reply = await env.send(message('highlight:save', { highlight, article }));
    if (reply.ok && reply.value !== null) {
      // Saved here before: one row, and the reader is taken to it.
      const { existing } = reply.value;
      placement.highlights.delete(highlight.id);
      painter.remove(highlight.id);
      const known = placement.highlights.get(existing.id) ?? existing;
      if (!placement.highlights.has(existing.id)) {
        placement.highlights.set(existing.id, existing);
        if (range)
          painter.upsert({
            id: existing.id,
            range,
            color: existing.color,
            hasNote: existing.note.trim() !== '',
          });
      }
      ui.toast('Already saved: this is the highlight you saved here.');
      this.s.open(known, { focusNote: withNote });
      return ok(known);
    }
    if (reply.ok) {
      ui.announce('Highlight saved.');
      if (withNote) this.s.open(highlight, { focusNote: true });
      return ok(highlight);
    }
    if (reply.retrying) {
      ui.toast(`Not saved yet: ${reply.error} It will be retried.`);
      return reply;
    }
    placement.highlights.delete(highlight.id);
    painter.remove(highlight.id);
    ui.toast(`Could not save the highlight: ${reply.error}`);
    return reply;
  }
}

/** A selection that starts or ends outside the article is cut to the article. */
function clipToRoot(range: Range, root: Element): Range {
  const r = range.cloneRange();
  if (!root.contains(r.startContainer)) r.setStart(root, 0);
  if (!root.contains(r.endContainer)) r.setEnd(root, root.childNodes.length);
  return r;
}
