import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { RowHeights, visibleRange } from '../logic/windowing';

interface Props<T> {
  items: readonly T[];
  keyOf: (item: T) => string;
  estimate: (item: T) => number;
  render: (item: T) => ComponentChildren;
  /** Pixels rendered beyond the viewport on each side, so fast scrolling shows no gaps. */
  overscan?: number;
  label: string;
  /** A row to scroll into view and focus (its `[data-focus-row]` element), each time revealSeq changes. */
  reveal?: { key: string; seq: number } | null;
}

// Before layout (and in DOM-less tests) the scroller has no height; assume a window's worth.
const FALLBACK_VIEWPORT = 900;

/** Rows to sample for the height of rows not yet near the screen. */
const FALLBACK_SAMPLE = 64;

/** What a row not yet near the screen counts for: the mean estimate of the first rows. */
function fallbackHeight<T>(items: readonly T[], estimate: (item: T) => number): number {
  const n = Math.min(items.length, FALLBACK_SAMPLE);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += estimate(items[i]!);
  return n === 0 ? 0 : sum / n;
}

/** Renders only the rows in view inside its own scroll box; row heights are measured as rows appear. */
export function VirtualList<T extends object>({
  items,
  keyOf,
  estimate,
  render,
  overscan = 400,
  label,
  reveal,
}: Props<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  // Measured heights by row object: rows a list keeps between renders (the
  // library reuses a highlight's row) keep their height without hashing keys.
  const measured = useRef(new WeakMap<T, number>());
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(FALLBACK_VIEWPORT);
  const [, setVersion] = useState(0);
  const scrollTo = useRef<number | null>(null);

  // A list shown again (the whole library after a search is cleared) keeps its heights.
  const byItems = useRef(new WeakMap<readonly T[], RowHeights>());
  const heights = useMemo(() => {
    let h = byItems.current.get(items);
    if (!h) {
      h = new RowHeights(items.length, fallbackHeight(items, estimate));
      byItems.current.set(items, h);
    }
    return h;
    // estimate is stable per list; items decides the rows.
  }, [items]);
  // A row's own height once it comes near the screen: measured before, else estimated.
  const heightOf = (i: number): number => {
    const it = items[i]!;
    return measured.current.get(it) ?? estimate(it);
  };

  // Scrolls a row into view before the range is worked out, so it renders in this pass.
  const revealed = useRef(0);
  const pendingFocus = useRef<string | null>(null);
  let top = scrollTop;
  if (reveal && reveal.seq !== revealed.current) {
    revealed.current = reveal.seq;
    const index = items.findIndex((it) => keyOf(it) === reveal.key);
    if (index >= 0) {
      heights.resolve(index - 1, index + 1, heightOf);
      const y0 = heights.offsetOf(index);
      const y1 = heights.offsetOf(index + 1);
      // The row with the one above it in view, so a question stays with its first quote.
      const above = index > 0 ? heights.offsetOf(index - 1) : 0;
      if (y0 < scrollTop) top = above;
      else if (y1 > scrollTop + viewport) top = Math.max(0, y1 - viewport + 16);
      pendingFocus.current = reveal.key;
    }
  }
  if (top !== scrollTop) {
    // Set on the next layout effect; state follows so this render already shows the rows.
    scrollTo.current = top;
  }
  const { start, end } = visibleRange(heights, top, viewport, overscan, heightOf);
  const slice = items.slice(start, end);

  /** Measures rendered rows: all of them (a resize), or only those never measured (a render). */
  const measure = (all: boolean): void => {
    const box = scroller.current;
    if (!box) return;
    let changed = false;
    for (const el of box.querySelectorAll<HTMLElement>('[data-row]')) {
      const index = Number(el.dataset.row);
      const row = items[index];
      if (row === undefined) continue;
      const known = measured.current.get(row);
      if (!all && known !== undefined) {
        // Its height is known; the list may still hold an older estimate for this index.
        if (heights.set(index, known)) changed = true;
        continue;
      }
      const h = el.getBoundingClientRect().height;
      // A zero height means no layout (hidden tab, test DOM): keep the estimate.
      if (!(h > 0)) continue;
      measured.current.set(row, h);
      if (heights.set(index, h)) changed = true;
    }
    if (changed) setVersion((v) => v + 1);
  };

  // Keep the latest measure for the observer, which lives as long as the list.
  const measureRef = useRef(measure);
  measureRef.current = measure;
  const observer = useRef<ResizeObserver | null>(null);
  const observed = useRef(new Set<Element>());

  useLayoutEffect(() => {
    const box = scroller.current;
    if (!box) return;
    const update = (): void => {
      if (box.clientHeight > 0) setViewport(box.clientHeight);
    };
    update();
    if (typeof ResizeObserver === 'undefined') return;
    // Rows grow when a note editor opens or the window narrows; re-measure then.
    const ro = new ResizeObserver(() => {
      update();
      measureRef.current(true);
    });
    ro.observe(box);
    observer.current = ro;
    return () => {
      ro.disconnect();
      observer.current = null;
      observed.current.clear();
    };
  }, []);

  useLayoutEffect(() => {
    const box = scroller.current;
    if (box && scrollTo.current !== null) {
      box.scrollTop = scrollTo.current;
      setScrollTop(box.scrollTop);
      scrollTo.current = null;
    }
    const key = pendingFocus.current;
    if (box && key !== null) {
      const row = [...box.querySelectorAll<HTMLElement>('[data-key]')].find((el) => el.dataset.key === key);
      if (row) {
        pendingFocus.current = null;
        (row.querySelector<HTMLElement>('[data-focus-row]') ?? row).focus({ preventScroll: true });
      }
    }
  });

  useLayoutEffect(() => {
    measure(false);
    const ro = observer.current;
    const box = scroller.current;
    if (!ro || !box) return;
    for (const el of observed.current) {
      if (!el.isConnected) {
        ro.unobserve(el);
        observed.current.delete(el);
      }
    }
    for (const el of box.querySelectorAll('[data-row]')) {
      if (!observed.current.has(el)) {
        ro.observe(el);
        observed.current.add(el);
      }
    }
  });

  return (
    <div
      ref={scroller}
      class="vlist"
      role="region"
      tabIndex={-1}
      aria-label={label}
      onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
    >
      <div class="vlist-space" style={{ height: `${heights.total()}px` }}>
        <div class="vlist-window" style={{ transform: `translateY(${heights.offsetOf(start)}px)` }}>
          {slice.map((item, i) => (
            <div key={keyOf(item)} data-row={start + i} data-key={keyOf(item)}>
              {render(item)}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
