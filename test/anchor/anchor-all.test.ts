// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  anchorAll,
  anchorSelectors,
  buildTextIndex,
  describeOffsets,
  rangesForMatches,
  type TextIndex,
} from '../../src/anchor';
import type { Selector } from '../../src/types';
import { loadFixture, SEED } from './fixtures';

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
