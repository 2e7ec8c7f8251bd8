// The content script's synchronous steps, recorded as User Timing measures
// named "interview-highlights:STEP". The page's own timeline is where long
// tasks are reported, so these let a test (or a reader with the Performance
// panel open) tell which long tasks were the extension's and which the page's.

const PREFIX = 'interview-highlights:';

/** Runs `fn` and records how long it held the main thread. */
export function measured<T>(step: string, fn: () => T): T {
  const start = performance.now();
  try {
    return fn();
  } finally {
    recordSlice(step, start, performance.now());
  }
}

/** Records a stretch of work done between `start` and `end` (performance.now() times). */
export function recordSlice(step: string, start: number, end: number): void {
  try {
    performance.measure(PREFIX + step, { start, end });
  } catch {
    // A page may have replaced or frozen `performance`; timing is never worth failing for.
  }
}
