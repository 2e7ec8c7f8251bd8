// Anchoring and paint: this page's saved highlights are fetched, found in the
// page's text (src/anchor) and painted (paint.ts); the ones that cannot be
// placed are reported as orphaned once the page has settled.

import { anchorAll, rangeFromOffsets, type TextIndex } from '../anchor';
import { message } from '../messages';
import type { Highlight } from '../types';
import type { ContentEnv } from './env';
import type { PageReader } from './page';
import type { PaintItem, Painter } from './paint';
import { Timer } from './timer';
import { measured, recordSlice } from './timing';

/** Late content often places what looked orphaned: the report waits this long for the page to settle. */
export const ORPHAN_REPORT_DELAY_MS = 1500;

export class Placement {
  highlights = new Map<string, Highlight>();
  orphaned = new Set<string>();
  /** Bumped by every load and page change: an answer for an older one is dropped. */
  private generation = 0;
  private anchoring: AbortController | null = null;
  private readonly orphanTimer: Timer;

  constructor(
    private readonly env: ContentEnv,
    private readonly page: PageReader,
    private readonly painter: Painter,
    private readonly signal: AbortSignal,
  ) {
    this.orphanTimer = new Timer(signal);
    signal.addEventListener('abort', () => this.anchoring?.abort(), { once: true });
  }

  /** The page went elsewhere: what was found or painted for the old one must not linger. */
  forget(): void {
    this.anchoring?.abort();
    this.generation++;
    this.painter.clear();
  }

  /** forget(), and the rows too. */
  clear(): void {
    this.forget();
    this.highlights.clear();
    this.orphaned.clear();
  }

  /** Fetches this page's highlights and paints them. */
  async load(): Promise<void> {
    const gen = ++this.generation;
    const reply = await this.env.send(message('highlights:list', { url: this.page.url }));
    if (gen !== this.generation || !reply.ok || this.signal.aborted) return;
    const key = this.page.articleKey;
    const rows = reply.value.filter((h) => h.articleKey === key);
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
      index = await this.page.indexInSlices(controller.signal);
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

  /** Waits for the page to settle, and writes only a change. */
  private scheduleOrphanReport(): void {
    this.orphanTimer.start(ORPHAN_REPORT_DELAY_MS, () => {
      const stored = [...this.highlights.values()]
        .filter((h) => h.orphaned)
        .map((h) => h.id)
        .sort();
      const now = [...this.orphaned].sort();
      if (JSON.stringify(stored) === JSON.stringify(now)) return;
      for (const h of this.highlights.values()) h.orphaned = this.orphaned.has(h.id);
      void this.env.send(
        message('highlights:orphaned', { articleKey: this.page.articleKey, orphanedIds: now }),
      );
    });
  }
}
