// Work over a whole page that must not hold the main thread: written once as a
// generator that pauses (`yield`) wherever it may hand the thread back, then
// either run straight through (Node, tests, a small page) or driven in time
// slices by anchorAll. One body of code, so both ways give the same answer.

export type Steps<T> = Generator<void, T, void>;

/** Characters of page text one step covers: a millisecond or two of scanning. */
export const STEP_CHARS = 1 << 16;

/** Runs every step at once and answers the result. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
