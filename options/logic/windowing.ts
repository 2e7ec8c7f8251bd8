// The virtual list keeps one height per row: measured once a row has been on
// screen, estimated before. Offsets are prefix sums, so finding the first
// visible row is a binary search and scrolling costs O(log n).

export class RowHeights {
  private heights: Float64Array;
  private offsets: Float64Array;
  private dirtyFrom = 0;

  constructor(estimates: readonly number[]) {
    this.heights = Float64Array.from(estimates);
    this.offsets = new Float64Array(estimates.length + 1);
    this.dirtyFrom = 0;
  }

  get count(): number {
    return this.heights.length;
  }

  /** Records a measured height; returns true when it changed. */
  set(index: number, height: number): boolean {
    if (index < 0 || index >= this.heights.length) return false;
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

/** Rows [start, end) to render for a viewport, with overscan pixels above and below. */
export function visibleRange(
  heights: RowHeights,
  scrollTop: number,
  viewport: number,
  overscan: number,
): { start: number; end: number } {
  if (heights.count === 0) return { start: 0, end: 0 };
  const start = heights.indexAt(Math.max(0, scrollTop - overscan));
  const last = heights.indexAt(scrollTop + viewport + overscan);
  return { start, end: Math.min(heights.count, last + 1) };
}
