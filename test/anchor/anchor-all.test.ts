// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  anchorAll,
  anchorSelectors,
  buildTextIndex,
  describeOffsets,
  rangesForMatches,
  runSliced,
  type TextIndex,
} from '../../src/anchor';
import type { Selector } from '../../src/types';
import { indexOfText, loadFixture, SEED } from './fixtures';

/** Every sentence of the page (within one line of its text) as a saved highlight. */
function sentenceItems(index: TextIndex): { id: string; selectors: Selector[]; quote: string }[] {
  const items: { id: string; selectors: Selector[]; quote: string }[] = [];
  const re = /[A-Z][^.?!\n]{20,}[.?!]/g;
  for (let m = re.exec(index.text); m; m = re.exec(index.text)) {
    items.push({
      id: `h${items.length}`,
      selectors: describeOffsets(index, m.index, m.index + m[0].length),
      quote: m[0],
    });
  }
  return items;
}

type Scheduled = { scheduler?: { yield(): Promise<void> } };
const g = globalThis as Scheduled;
const saved = g.scheduler;

beforeEach(() => {
  loadFixture(SEED);
});

afterEach(() => {
  if (saved === undefined) delete g.scheduler;
  else g.scheduler = saved;
});

describe('anchorAll', () => {
  it('places every highlight of an unchanged page by position', async () => {
    const index = buildTextIndex(document.body);
    const items = sentenceItems(index);
    expect(items.length).toBeGreaterThan(40);
    const result = await anchorAll(index, items);
    expect(result.size).toBe(items.length);
    for (const item of items) expect(result.get(item.id)?.method).toBe('position');
    const ranges = rangesForMatches(index, result);
    for (const item of items) expect(ranges.get(item.id)?.toString()).toBe(item.quote);
  });

  it('after text is inserted, re-places every highlight by its quote, as one-at-a-time anchoring does', async () => {
    const items = sentenceItems(buildTextIndex(document.body));
    const p = document.createElement('p');
    p.textContent = 'A correction was added at the top of the article.';
    document.querySelector('article')?.prepend(p);
    const index = buildTextIndex(document.body);
    const result = await anchorAll(index, items);
    for (const item of items) {
      const m = result.get(item.id);
      expect(m?.method).not.toBe('fuzzy');
      expect(index.text.slice(m!.start, m!.end)).toBe(item.quote);
      // The same answer as one at a time, where nothing is carried over.
      expect(m?.start).toBe(anchorSelectors(index, item.selectors)?.start);
    }
  });

  it('keeps going in slices of 0 ms, yielding between items, and returns all', async () => {
    let yields = 0;
    g.scheduler = {
      yield: () => {
        yields++;
        return Promise.resolve();
      },
    };
    const index = buildTextIndex(document.body);
    const items = sentenceItems(index);
    const result = await anchorAll(index, items, { sliceMs: 0 });
    expect(result.size).toBe(items.length);
    expect(yields).toBeGreaterThanOrEqual(items.length - 1);
  });

  it('yields through a message channel when there is no scheduler.yield', async () => {
    delete g.scheduler;
    const index = buildTextIndex(document.body);
    const items = sentenceItems(index).slice(0, 10);
    let done = false;
    const pending = anchorAll(index, items, { sliceMs: 0 }).then((r) => {
      done = true;
      return r;
    });
    // A yield to a task, not a microtask: draining microtasks does not finish the work.
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(done).toBe(false);
    const result = await pending;
    expect(result.size).toBe(10);
    expect([...result.values()].every((m) => m !== null)).toBe(true);
  });

  it('stops when aborted, rejecting with the abort reason', async () => {
    const controller = new AbortController();
    let yields = 0;
    g.scheduler = {
      yield: () => {
        if (++yields === 3) controller.abort();
        return Promise.resolve();
      },
    };
    const index = buildTextIndex(document.body);
    const items = sentenceItems(index);
    await expect(anchorAll(index, items, { signal: controller.signal, sliceMs: 0 })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(yields).toBe(3);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const index = buildTextIndex(document.body);
    await expect(
      anchorAll(index, sentenceItems(index), { signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});

describe('anchorAll carries the shift of a confident match to the next highlight', () => {
  // A block repeated twice; the second copy was saved. After text is inserted
  // above both, the first copy sits nearer the saved position than the saved one.
  const block =
    'Repeated block: the words before it, the quote that stands twice on this page and the words after it, repeated too. ';
  const repeated = 'the quote that stands twice on this page';
  const first = 'a quote that moves down with the page';
  const before = `Intro words of this page, and more. A first highlight, ${first}. ${'Filler sentence between the two. '.repeat(3)}${block}${block}The end.`;
  const inserted = 'An editor’s note added later. '.repeat(7);

  function saved() {
    const index = indexOfText(before);
    const at = (q: string, from = 0) => before.indexOf(q, from);
    const b = at(repeated, at(repeated) + 1);
    return {
      a: { id: 'a', selectors: describeOffsets(index, at(first), at(first) + first.length) },
      b: { id: 'b', selectors: describeOffsets(index, b, b + repeated.length) },
    };
  }

  it('so a highlight in repeated text follows the one above it, whatever order they come in', async () => {
    const { a, b } = saved();
    const index = indexOfText(inserted + before);
    const copy = index.text.indexOf(repeated);
    const own = index.text.lastIndexOf(repeated);
    // Alone, with only its saved position to go by, the highlight lands on the nearer copy.
    expect(anchorSelectors(index, b.selectors)?.start).toBe(copy);
    for (const items of [
      [b, a],
      [a, b],
    ]) {
      const result = await anchorAll(index, items);
      expect(result.get('a')).toMatchObject({
        start: inserted.length + before.indexOf(first),
        method: 'quote',
      });
      expect(result.get('a')!.score).toBeGreaterThanOrEqual(0.9);
      expect(result.get('b')).toEqual({ start: own, end: own + repeated.length, method: 'quote', score: 1 });
    }
  });

  it('but not the shift of a match below the confidence bar', async () => {
    const { a, b } = saved();
    // The first highlight's words were edited: it is found, fuzzily and with less confidence.
    const edited = before.replace('moves down with', 'moved down along with');
    const index = indexOfText(inserted + edited);
    const result = await anchorAll(index, [a, b]);
    expect(result.get('a')?.method).toBe('fuzzy');
    expect(result.get('a')!.score).toBeLessThan(0.9);
    expect(result.get('b')?.start).toBe(anchorSelectors(index, b.selectors)?.start);
  });
});

describe('runSliced', () => {
  type Clocked = { steps: Generator<void, string, void>; ran: () => number };
  let clock = 0;
  const yields: number[] = [];

  beforeEach(() => {
    clock = 0;
    yields.length = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    g.scheduler = {
      yield: () => {
        yields.push(clock);
        return Promise.resolve();
      },
    };
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** `n` steps of `ms` each on the fake clock. */
  function work(n: number, ms: number): Clocked {
    let ran = 0;
    function* steps(): Generator<void, string, void> {
      for (let i = 0; i < n; i++) {
        clock += ms;
        ran++;
        yield;
      }
      return 'done';
    }
    return { steps: steps(), ran: () => ran };
  }

  it('yields only once a slice has used its time', async () => {
    const slices: [number, number][] = [];
    const { steps } = work(10, 3);
    expect(await runSliced(steps, { sliceMs: 10, onSlice: (s, e) => slices.push([s, e]) })).toBe('done');
    // 3 ms steps in 10 ms slices: a yield after every fourth step.
    expect(yields).toEqual([12, 24]);
    expect(slices).toEqual([
      [0, 12],
      [12, 24],
      [24, 30],
    ]);
  });

  it('keeps to 8 ms slices by default, and treats a negative slice as none', async () => {
    await runSliced(work(6, 3).steps);
    expect(yields).toEqual([9, 18]);
    yields.length = 0;
    clock = 0;
    await runSliced(work(3, 3).steps, { sliceMs: -5 });
    expect(yields).toEqual([3, 6, 9]);
  });

  it('does not start when the signal is already aborted', async () => {
    const { steps, ran } = work(3, 3);
    const reason = new Error('gone');
    await expect(runSliced(steps, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(ran()).toBe(0);
  });

  it('stops at the next yield once aborted, with an AbortError when no reason was given', async () => {
    const controller = new AbortController();
    const { steps, ran } = work(10, 5);
    g.scheduler = {
      yield: () => {
        controller.abort();
        return Promise.resolve();
      },
    };
    await expect(runSliced(steps, { signal: controller.signal, sliceMs: 10 })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(ran()).toBe(2);
  });
});

describe('anchorAll slices', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('run for sliceMs between yields, not one item each', async () => {
    let clock = 0;
    // Every reading of the clock finds 10 ms gone: about five items to a 50 ms slice.
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 10));
    let yields = 0;
    g.scheduler = {
      yield: () => {
        yields++;
        return Promise.resolve();
      },
    };
    const index = buildTextIndex(document.body);
    const items = sentenceItems(index);
    const result = await anchorAll(index, items, { sliceMs: 50 });
    expect(result.size).toBe(items.length);
    expect(yields).toBeGreaterThan(0);
    expect(yields).toBeLessThan(items.length / 3);
    yields = 0;
    // With the clock standing still, one slice holds everything.
    vi.spyOn(performance, 'now').mockImplementation(() => 0);
    await anchorAll(index, items);
    expect(yields).toBe(0);
  });
});
