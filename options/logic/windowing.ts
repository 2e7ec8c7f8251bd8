// The virtual list keeps one height per row: measured once a row has been on
// screen, estimated once it comes near the screen, and before that one
// fallback for all, so a list of 55,000 rows is not estimated row by row each
// time a search hands it over. Offsets are prefix sums, so finding the first
// visible row is a binary search and scrolling costs O(log n).

export class RowHeights {
  private heights: Float64Array;
  private offsets: Float64Array;
  /** 1 where a row's own height (estimated or measured) replaced the fallback. */
  private own: Uint8Array;
  private dirtyFrom = 0;

  constructor(count: number, fallback: number) {
    this.heights = new Float64Array(count).fill(fallback);
    this.offsets = new Float64Array(count + 1);
    this.own = new Uint8Array(count);
  }

  /**
   * Gives rows [start, end) still at the fallback their own height; returns
   * true when that moved anything, so the caller works out its range again.
   */
  resolve(start: number, end: number, heightOf: (index: number) => number): boolean {
    let changed = false;
    for (let i = Math.max(0, start); i < Math.min(end, this.heights.length); i++) {
      if (this.own[i] === 1) continue;
      this.own[i] = 1;
      if (this.set(i, heightOf(i))) changed = true;
    }
    return changed;
  }

  get count(): number {
    return this.heights.length;
  }

  /** Records a measured height; returns true when it changed. */
  set(index: number, height: number): boolean {
    if (index < 0 || index >= this.heights.length) return false;
    this.own[index] = 1;
    if (Math.abs((this.heights[index] ?? 0) - height) < 0.5) return false;
    this.heights[index] = height;
    if (index < this.dirtyFrom) this.dirtyFrom = index;
    return true;
  }

  private settle(): void {
    if (this.dirtyFrom >= this.heights.length) return;
    for (let i = this.dirtyFrom; i < this.heights.length; i++) {
      this.offsets[i + 1] = (this.offsets[i] ?? 0) + (this.heights[i] ?? 0);
    }
    this.dirtyFrom = this.heights.length;
  }

  offsetOf(index: number): number {
    this.settle();
    return this.offsets[Math.max(0, Math.min(index, this.heights.length))] ?? 0;
  }

  total(): number {
    return this.offsetOf(this.heights.length);
  }

  /** The row that holds pixel y (clamped to the rows). */
  indexAt(y: number): number {
    this.settle();
    const n = this.heights.length;
    if (n === 0) return 0;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.offsets[mid] ?? 0) <= y) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/**
 * Rows [start, end) to render for a viewport, with overscan pixels above and
 * below; with `heightOf`, rows in that range get their own heights first.
 */
export function visibleRange(
  heights: RowHeights,
  scrollTop: number,
  viewport: number,
  overscan: number,
  heightOf?: (index: number) => number,
): { start: number; end: number } {
  for (;;) {
    if (heights.count === 0) return { start: 0, end: 0 };
    const start = heights.indexAt(Math.max(0, scrollTop - overscan));
    const last = heights.indexAt(scrollTop + viewport + overscan);
    const end = Math.min(heights.count, last + 1);
    // Each pass resolves at least one row more, so this ends.
    if (!heightOf || !heights.resolve(start, end, heightOf)) return { start, end };
  }
}
