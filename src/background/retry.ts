// Highlights the store refused are kept here, one storage entry per highlight
// id, and retried with backoff and on every worker start: a saved quote is
// never dropped because IndexedDB was briefly unavailable.
//
// The storage area sits on the same disk as IndexedDB, so when the disk is
// full it refuses the entry too. Such entries are held in memory (add never
// fails) and written to the area on a later attempt, when there is room.

import type { Article, Highlight } from '../types';
import { fields, int, time, type Check } from '../check';
import { checkArticle, checkHighlight } from '../store/validate';
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

/** An entry read back from storage is checked like any row, by the store's own checkers; null when it is not one. */
const checkEntry: Check<RetryEntry> = fields<RetryEntry>({
  highlight: checkHighlight,
  article: checkArticle,
  attempts: int(0),
  nextAt: time,
});

function readEntry(x: unknown): RetryEntry | null {
  try {
    return checkEntry(x, 'entry');
  } catch {
    return null;
  }
}

export class RetryQueue {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  /** Entries the area could not store yet, by key. */
  private readonly unstored = new Map<string, RetryEntry>();
  /** Keys saved to the store whose area entry could not be removed yet; never retried again. */
  private readonly done = new Set<string>();

  constructor(
    private readonly area: KeyValueArea,
    private readonly save: (h: Highlight, a: Article) => Promise<void>,
    private readonly now: () => number = Date.now,
    private readonly onSaved: (h: Highlight) => void = () => {},
  ) {}

  /** Queues the highlight; never throws, so a refused save is always kept. */
  async add(highlight: Highlight, article: Article): Promise<void> {
    const key = RETRY_PREFIX + highlight.id;
    const existing =
      this.unstored.get(key) ?? (await this.area.get(key).catch(() => ({}) as Record<string, unknown>))[key];
    const attempts = (readEntry(existing)?.attempts ?? 0) + 1;
    const entry: RetryEntry = { highlight, article, attempts, nextAt: this.now() + backoffDelay(attempts) };
    this.done.delete(key);
    await this.put(key, entry);
    this.schedule(backoffDelay(attempts));
  }

  async entries(): Promise<RetryEntry[]> {
    const all = await this.area.get(null).catch(() => ({}) as Record<string, unknown>);
    const byKey = new Map<string, RetryEntry>();
    for (const [k, v] of Object.entries(all)) {
      if (!k.startsWith(RETRY_PREFIX) || this.done.has(k)) continue;
      const entry = readEntry(v);
      if (entry) byKey.set(k, entry);
    }
    for (const [k, v] of this.unstored) byKey.set(k, v);
    return [...byKey.values()];
  }

  private async put(key: string, entry: RetryEntry): Promise<void> {
    try {
      await this.area.set({ [key]: entry });
      this.unstored.delete(key);
    } catch {
      this.unstored.set(key, entry);
    }
  }

  private async drop(key: string): Promise<void> {
    this.unstored.delete(key);
    try {
      await this.area.remove(key);
      this.done.delete(key);
    } catch {
      // Saving it again later would undo edits made since: remember it is done.
      this.done.add(key);
    }
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
        } catch {
          const attempts = entry.attempts + 1;
          const next: RetryEntry = { ...entry, attempts, nextAt: now + backoffDelay(attempts) };
          await this.put(key, next);
          soonest = Math.min(soonest, backoffDelay(attempts));
          continue;
        }
        await this.drop(key);
        saved++;
        this.onSaved(entry.highlight);
      }
      for (const key of [...this.done]) await this.drop(key);
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
