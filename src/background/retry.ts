// Highlights the store refused are kept here, one storage entry per highlight
// id, and retried with backoff and on every worker start: a saved quote is
// never dropped because IndexedDB was briefly unavailable.

import type { Article, Highlight } from '../types';
import { checkArticle, checkHighlight } from '../messages';
import type { KeyValueArea } from './ports';

export const RETRY_PREFIX = 'ih:retry:';

export interface RetryEntry {
  highlight: Highlight;
  article: Article;
  attempts: number;
  /** Epoch ms of the next attempt. */
  nextAt: number;
}

const BASE_DELAY_MS = 2_000;
const MAX_DELAY_MS = 10 * 60_000;

export function backoffDelay(attempts: number): number {
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
}

function isEntry(x: unknown): x is RetryEntry {
  if (typeof x !== 'object' || x === null) return false;
  const e = x as Record<string, unknown>;
  try {
    checkHighlight(e.highlight, 'highlight');
    checkArticle(e.article, 'article');
  } catch {
    return false;
  }
  return typeof e.attempts === 'number' && typeof e.nextAt === 'number';
}

export class RetryQueue {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;

  constructor(
    private readonly area: KeyValueArea,
    private readonly save: (h: Highlight, a: Article) => Promise<void>,
    private readonly now: () => number = Date.now,
    private readonly onSaved: (h: Highlight) => void = () => {},
  ) {}

  async add(highlight: Highlight, article: Article): Promise<void> {
    const key = RETRY_PREFIX + highlight.id;
    const existing = (await this.area.get(key))[key];
    const attempts = isEntry(existing) ? existing.attempts + 1 : 1;
    const entry: RetryEntry = { highlight, article, attempts, nextAt: this.now() + backoffDelay(attempts) };
    await this.area.set({ [key]: entry });
    this.schedule(backoffDelay(attempts));
  }

  async entries(): Promise<RetryEntry[]> {
    const all = await this.area.get(null);
    return Object.entries(all)
      .filter(([k, v]) => k.startsWith(RETRY_PREFIX) && isEntry(v))
      .map(([, v]) => v as RetryEntry);
  }

  /** Tries every entry that is due (all of them when `force`); returns how many were saved. */
  async run(force = false): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    let saved = 0;
    try {
      const now = this.now();
      let soonest = Infinity;
      for (const entry of await this.entries()) {
        if (!force && entry.nextAt > now) {
          soonest = Math.min(soonest, entry.nextAt - now);
          continue;
        }
        const key = RETRY_PREFIX + entry.highlight.id;
        try {
          await this.save(entry.highlight, entry.article);
          await this.area.remove(key);
          saved++;
          this.onSaved(entry.highlight);
        } catch {
          const attempts = entry.attempts + 1;
          const next: RetryEntry = { ...entry, attempts, nextAt: now + backoffDelay(attempts) };
          await this.area.set({ [key]: next });
          soonest = Math.min(soonest, backoffDelay(attempts));
        }
      }
      if (soonest !== Infinity) this.schedule(soonest);
    } finally {
      this.running = false;
    }
    return saved;
  }

  private schedule(delay: number): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, delay);
  }

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
