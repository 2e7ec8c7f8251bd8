// One checker per shape: the same random rows, good and spoiled, fed to every
// way a row enters the library (a save or restore message from a page, a
// save and a restore in the store, an entry of the background's retry queue, a
// backup file) are accepted by all of them or refused by all, and the ones
// accepted come out the same. Before there was one checker, a message let
// through a `javascript:` link and a time past the year 275,000 that the store
// then refused, and refused a Q&A or a tag the store would have kept.

import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { KeyValueArea } from '../src/background/ports';
import { RETRY_PREFIX, RetryQueue } from '../src/background/retry';
import { checkMessage } from '../src/messages';
import { BACKUP_FORMAT, BACKUP_VERSION, parseBackup } from '../src/store/backup';
import { Library } from '../src/store/library';
import type { Article, Highlight } from '../src/types';
import { runs } from './hardening/dom';
import { articleFor, highlightFor, pageUrl } from './hardening/message-arbitraries';

/** Values that one copy of a rule or another used to treat differently, and plain junk. */
const SPOILERS: unknown[] = [
  '',
  '   ',
  'javascript:alert(1)',
  'data:text/html,hi',
  'not a url',
  1e16,
  -1,
  1.5,
  Number.NaN,
  null,
  true,
  ['x'],
  { x: 1 },
  'x'.repeat(9000),
  ['', '  ', 'Culture', 'culture', ' a  b '],
];

type Path = (string | number)[];

function paths(x: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(x)) return x.flatMap((v, i) => [[...prefix, i], ...paths(v, [...prefix, i])]);
  if (typeof x === 'object' && x !== null)
    return Object.entries(x).flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])]);
  return [];
}

/** A copy of `row` with the value at one path replaced (or deleted), keys that tie rows together left alone. */
function spoil<T>(row: T, pick: number, value: number, del: boolean): T {
  const copy = structuredClone(row) as Record<string | number, unknown>;
  const targets = paths(copy).filter((p) => p[0] !== 'articleKey' && p[0] !== 'key' && p[0] !== 'id');
  if (targets.length === 0) return copy as T;
  const p = targets[pick % targets.length]!;
  const parent = p.slice(0, -1).reduce<Record<string | number, unknown>>((o, k) => o[k] as never, copy);
  const last = p[p.length - 1]!;
  if (del && !Array.isArray(parent)) delete parent[last];
  else parent[last] = structuredClone(SPOILERS[value % SPOILERS.length]);
  return copy as T;
}

const spoiled = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T> =>
  fc.oneof(
    arb,
    fc
      .tuple(arb, fc.nat(), fc.nat(), fc.boolean())
      .map(([row, pick, value, del]) => spoil(row, pick, value, del)),
  );

/** A highlight and its article, about the same page; now and then a Q&A with a blank quote (kept: its answer carries the text). */
const rows = pageUrl.chain((url) =>
  fc.tuple(
    spoiled(
      fc.oneof(
        highlightFor(url),
        highlightFor(url).map((h) => ({ ...h, kind: 'qa' as const, quote: ' ' })),
      ),
    ),
    spoiled(articleFor(url)),
  ),
);

class MemoryArea implements KeyValueArea {
  data: Record<string, unknown> = {};
  async get(keys: string | string[] | null): Promise<Record<string, unknown>> {
    if (keys === null) return { ...this.data };
    const out: Record<string, unknown> = {};
    for (const k of Array.isArray(keys) ? keys : [keys]) if (k in this.data) out[k] = this.data[k];
    return out;
  }
  async set(items: Record<string, unknown>): Promise<void> {
    Object.assign(this.data, items);
  }
  async remove(keys: string | string[]): Promise<void> {
    for (const k of Array.isArray(keys) ? keys : [keys]) delete this.data[k];
  }
}

type Verdict<T> = { ok: true; value: T } | { ok: false };

async function verdict<T>(run: () => T | Promise<T>): Promise<Verdict<T>> {
  try {
    return { ok: true, value: await run() };
  } catch {
    return { ok: false };
  }
}

const lib = new Library(`rows-${process.pid}-${Math.random().toString(36).slice(2)}`);
afterAll(() => lib.close());

/** What each entry point makes of the pair: the highlight it would keep, or a refusal. */
async function entryPoints(h: Highlight, a: Article): Promise<Record<string, Verdict<Highlight>>> {
  await lib.clear();
  const area = new MemoryArea();
  area.data[`${RETRY_PREFIX}${String(h.id)}`] = { highlight: h, article: a, attempts: 1, nextAt: 0 };
  const queue = new RetryQueue(area, async () => {});
  const saveMessage = checkMessage({ type: 'highlight:save', highlight: h, article: a });
  const fromRetry = (await queue.entries())[0];
  const out: Record<string, Verdict<Highlight>> = {
    'highlight:save message': saveMessage.ok
      ? { ok: true, value: (saveMessage.message as { highlight: Highlight }).highlight }
      : { ok: false },
    'store save': await verdict(() => lib.saveHighlight(h, a)),
    'retry queue': fromRetry ? { ok: true, value: fromRetry.highlight } : { ok: false },
    'backup file': await verdict(
      () =>
        parseBackup({
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          exportedAt: '2026-01-01T00:00:00.000Z',
          articles: [structuredClone(a)],
          highlights: [structuredClone(h)],
        }).highlights[0]!,
    ),
  };
  queue.dispose();
  return out;
}

describe('every entry point checks a row by the same rule', () => {
  it('accepts and refuses the same highlights and articles, and keeps them alike', async () => {
    let accepted = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(rows, async ([h, a]) => {
        const seen = await entryPoints(h, a);
        const verdicts = Object.entries(seen).map(([where, v]) => `${where}: ${v.ok ? 'kept' : 'refused'}`);
        const first = Object.values(seen)[0]!;
        for (const v of Object.values(seen)) {
          expect(v.ok, verdicts.join('; ')).toBe(first.ok);
          if (v.ok && first.ok) expect(v.value).toEqual(first.value);
        }
        if (first.ok) accepted++;
        else refused++;
        // Undo carries the highlight alone: the message and the store agree on it too.
        const restore = checkMessage({ type: 'highlight:restore', rows: [h] });
        const restored = await verdict(() => lib.restoreHighlights([h]));
        expect(restored.ok, 'restore').toBe(restore.ok);
        if (first.ok) expect(restore.ok).toBe(true);
        if (restore.ok)
          expect(await lib.getHighlight(String(h.id))).toEqual(
            restore.message.type === 'highlight:restore' && restore.message.rows[0],
          );
      }),
      { numRuns: runs(300) },
    );
    // Both sides of the rule were exercised.
    expect(accepted).toBeGreaterThan(runs(300) / 10);
    expect(refused).toBeGreaterThan(runs(300) / 10);
  }, 120_000);
});
