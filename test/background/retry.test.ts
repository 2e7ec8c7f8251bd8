import { describe, expect, it } from 'vitest';
import { RETRY_PREFIX, RetryQueue } from '../../src/background/retry';
import type { KeyValueArea } from '../../src/background/ports';
import type { Article, Highlight } from '../../src/types';
import { makeArticle, makeHighlight } from '../store/helpers';

/** storage.local on a disk that is full until `full` is set to false. */
function fullDiskArea(): KeyValueArea & { full: boolean; data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  const area = {
    full: true,
    data,
    async get(keys: string | string[] | null) {
      const wanted = keys === null ? [...data.keys()] : Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(
        wanted.filter((k) => data.has(k)).map((k) => [k, structuredClone(data.get(k))]),
      );
    },
    async set(items: Record<string, unknown>) {
      if (area.full) throw new Error('IO error: 000003.log: FILE_ERROR_NO_SPACE');
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
    async remove(keys: string | string[]) {
      if (area.full) throw new Error('IO error: 000003.log: FILE_ERROR_NO_SPACE');
      for (const k of Array.isArray(keys) ? keys : [keys]) data.delete(k);
    },
  };
  return area;
}

describe('the retry queue on a full disk', () => {
  it('keeps a highlight the storage area refused, saves it later, and writes the entry once there is room', async () => {
    const area = fullDiskArea();
    const saved: Highlight[] = [];
    let storeFull = true;
    const q = new RetryQueue(area, async (h: Highlight, _a: Article) => {
      if (storeFull) throw new Error('QuotaExceededError');
      saved.push(h);
    });
    const h = makeHighlight();
    await expect(q.add(h, makeArticle())).resolves.toBeUndefined();
    expect((await q.entries()).map((e) => e.highlight.id)).toEqual([h.id]);

    // Still full: the attempt fails and the entry stays, with one more attempt counted.
    expect(await q.run(true)).toBe(0);
    expect((await q.entries()).map((e) => e.attempts)).toEqual([2]);

    // The storage area has room before the store: the entry is written down.
    area.full = false;
    expect(await q.run(true)).toBe(0);
    expect([...area.data.keys()]).toEqual([RETRY_PREFIX + h.id]);

    storeFull = false;
    expect(await q.run(true)).toBe(1);
    expect(saved.map((x) => x.id)).toEqual([h.id]);
    expect(await q.entries()).toEqual([]);
    expect(area.data.size).toBe(0);
    q.dispose();
  });

  it('does not save again an entry whose removal the area refused', async () => {
    const area = fullDiskArea();
    area.full = false;
    let saves = 0;
    const q = new RetryQueue(area, async () => {
      saves++;
    });
    await q.add(makeHighlight(), makeArticle());
    area.full = true;
    expect(await q.run(true)).toBe(1);
    // The area still holds the entry, but it is done: a later edit must not be overwritten by it.
    expect(area.data.size).toBe(1);
    expect(await q.entries()).toEqual([]);
    expect(await q.run(true)).toBe(0);
    area.full = false;
    await q.run(true);
    expect(area.data.size).toBe(0);
    expect(saves).toBe(1);
    q.dispose();
  });
});
