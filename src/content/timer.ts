// The content script's timeouts (debounces, the orphan report) hang on the
// session's AbortSignal: when the session stops, none is left pending.

/** One pending timeout at a time; cancelled, and never started again, once `signal` aborts. */
export class Timer {
  private id: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly signal: AbortSignal) {
    signal.addEventListener('abort', () => this.cancel(), { once: true });
  }

  get pending(): boolean {
    return this.id !== null;
  }

  start(ms: number, run: () => void): void {
    this.cancel();
    if (this.signal.aborted) return;
    this.id = setTimeout(() => {
      this.id = null;
      run();
    }, ms);
  }

  cancel(): void {
    if (this.id !== null) clearTimeout(this.id);
    this.id = null;
  }
}
