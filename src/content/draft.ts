// What the reader types into a highlight's card is written as they type: the
// last change waits a moment for the next key, and every way out of the card
// (Escape, a click elsewhere, the field losing focus, the page being hidden or
// unloaded) flushes it at once. A note is the most valuable thing a reader
// types, so no path drops it.

export type DraftState = 'saving' | 'saved' | 'failed';

/** Typing pauses this long before the change is written. */
export const DRAFT_DELAY_MS = 300;

export class Draft<T> {
  private pending: T | null = null;
  private written: string;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    initial: T,
    private readonly write: (value: T) => Promise<boolean>,
    private readonly onState: (state: DraftState) => void = () => undefined,
    private readonly delayMs = DRAFT_DELAY_MS,
  ) {
    this.written = JSON.stringify(initial);
  }

  /** The reader changed something: written after a pause, or sooner by flush(). */
  change(value: T): void {
    this.pending = value;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  get dirty(): boolean {
    return this.pending !== null;
  }

  /** Writes what is pending now (nothing when it equals what was last written). */
  flush(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const value = this.pending;
    this.pending = null;
    if (value === null) return this.inFlight;
    const key = JSON.stringify(value);
    if (key === this.written) return this.inFlight;
    this.written = key;
    this.onState('saving');
    // Writes go one after another, so a slow first one cannot land after a later one.
    this.inFlight = this.inFlight.then(async () => {
      let done = false;
      try {
        done = await this.write(value);
      } catch {
        done = false;
      }
      if (!done) this.written = '';
      this.onState(done ? 'saved' : 'failed');
    });
    return this.inFlight;
  }
}
