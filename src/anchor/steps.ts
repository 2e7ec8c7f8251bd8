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

/** Items sorted in place per step before they are merged: a fraction of a millisecond. */
const SORT_RUN = 512;
/** Comparisons per merge step. */
const MERGE_STEP = 4096;

/**
 * `items` sorted by `compare`, as a stable sort gives them, in steps: sorting
 * 100,000 rows by comparison at once held the library page for 100–270 ms.
 * Runs of SORT_RUN are sorted natively, then merged pairwise.
 */
export function* sortSteps<T>(items: readonly T[], compare: (a: T, b: T) => number): Steps<T[]> {
  const n = items.length;
  let src = items.slice();
  for (let lo = 0; lo < n; lo += SORT_RUN) {
    const run = src.slice(lo, lo + SORT_RUN).sort(compare);
    for (let j = 0; j < run.length; j++) src[lo + j] = run[j]!;
    yield;
  }
  let dst = src.slice();
  let work = 0;
  for (let width = SORT_RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        // The right run's item goes first only when strictly smaller: equal items keep their order.
        dst[k++] = compare(src[j]!, src[i]!) < 0 ? src[j++]! : src[i++]!;
        if (++work === MERGE_STEP) {
          work = 0;
          yield;
        }
      }
      while (i < mid) dst[k++] = src[i++]!;
      while (j < hi) dst[k++] = src[j++]!;
    }
    [src, dst] = [dst, src];
  }
  return src;
}
