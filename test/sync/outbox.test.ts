import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { CURRENT_VERSION, openAtVersion } from '../../src/store/db';
import type { StoreError } from '../../src/store/errors';
import { Library } from '../../src/store/library';
import {
  entryKey,
  isEntry,
  OUTBOX_TABLE,
  type OutboxEntry,
  type OutboxRow,
  pendingChanges,
  readState,
  startOutbox,
  stopOutbox,
} from '../../src/sync/outbox';
import { freshLibrary, makeArticle, makeHighlight } from '../store/helpers';

// The outbox is filled by a Dexie middleware, so every way the library writes
// is covered without the write functions knowing about sync. These tests go
// through each public write of Library and look at what the outbox holds.

const open: Library[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

function setup() {
  const made = freshLibrary();
  open.push(made.lib);
  return made;
}

async function entries(lib: Library): Promise<OutboxEntry[]> {
  const rows = await lib.db.table<OutboxRow, string>(OUTBOX_TABLE).toArray();
  return rows.filter(isEntry);
}

/** As after a sync run: every entry taken, sync still on. */
async function drained(lib: Library): Promise<void> {
  await lib.db.table(OUTBOX_TABLE).where('key').notEqual('#state').delete();
}

const byKey = (es: OutboxEntry[]) => Object.fromEntries(es.map((e) => [e.key, e]));

describe('with sync off', () => {
  it('records nothing, whatever the library does', async () => {
    const { lib } = setup();
    const a = makeArticle();
    const h = await lib.saveHighlight(makeHighlight(), a);
    await lib.updateHighlight(h.id, { note: 'n' });
    const removed = await lib.deleteHighlights([h.id]);
    await lib.restoreHighlights(removed);
    await lib.importBackup(await lib.exportBackup());
    await lib.clear();
    expect(await lib.db.table(OUTBOX_TABLE).count()).toBe(0);
    expect(await readState(lib.db)).toBeUndefined();
  });
});

describe('with sync on', () => {
  it('starts with an entry for every row already there, and starting again changes nothing', async () => {
    const { lib } = setup();
    const a = makeArticle();
    const h1 = await lib.saveHighlight(makeHighlight(), a);
    const h2 = await lib.saveHighlight(makeHighlight(), a);
    await startOutbox(lib.db);
    const first = await entries(lib);
    expect(first.map((e) => e.key).sort()).toEqual(
      [entryKey('articles', a.key), entryKey('highlights', h1.id), entryKey('highlights', h2.id)].sort(),
    );
    expect(first.every((e) => e.op === 'put' && e.at === 0 && e.before === null)).toBe(true);
    expect(await readState(lib.db)).toEqual({ key: '#state', appliedSeq: 0, draining: false });
    await startOutbox(lib.db);
    expect(await entries(lib)).toEqual(first);
  });

  it('records a save, an edit, an orphan mark, a delete, an undo, an import and a clear', async () => {
    const { lib, clock } = setup();
    await startOutbox(lib.db);
    const a = makeArticle();
    const h = await lib.saveHighlight(makeHighlight({ note: 'first' }), a);
    let es = byKey(await entries(lib));
    expect(Object.keys(es).sort()).toEqual(
      [entryKey('articles', a.key), entryKey('highlights', h.id)].sort(),
    );
    expect(es[entryKey('highlights', h.id)]).toMatchObject({
      op: 'put',
      table: 'highlights',
      id: h.id,
      before: null,
    });

    await drained(lib);
    clock.now += 1000;
    await lib.updateHighlight(h.id, { note: 'second' });
    es = byKey(await entries(lib));
    // The edit's entry keeps the row as it was before it.
    expect(es[entryKey('highlights', h.id)]!.before).toMatchObject({ note: 'first' });

    await lib.setOrphaned(a.key, [h.id]);
    const removed = await lib.deleteHighlights([h.id]);
    es = byKey(await entries(lib));
    expect(es[entryKey('highlights', h.id)]).toMatchObject({ op: 'delete' });
    // Still the row before the first pending change, not the one just deleted.
    expect(es[entryKey('highlights', h.id)]!.before).toMatchObject({ note: 'first', orphaned: false });

    await lib.restoreHighlights(removed);
    expect(byKey(await entries(lib))[entryKey('highlights', h.id)]).toMatchObject({ op: 'put' });

    await drained(lib);
    const other = makeHighlight({ articleKey: a.key });
    const backup = await lib.exportBackup();
    backup.highlights.push(other);
    await lib.importBackup(backup);
    expect((await entries(lib)).map((e) => e.key)).toEqual([entryKey('highlights', other.id)]);

    await lib.clear();
    es = byKey(await entries(lib));
    expect(es[entryKey('highlights', h.id)]).toMatchObject({ op: 'delete' });
    expect(es[entryKey('highlights', other.id)]).toMatchObject({ op: 'delete' });
    expect(es[entryKey('articles', a.key)]).toMatchObject({ op: 'delete' });
  });

  it('holds one entry per row however often it is written, each write with a new stamp', async () => {
    const { lib, clock } = setup();
    await startOutbox(lib.db);
    expect(await pendingChanges(lib.db)).toBe(0);
    const h = await lib.saveHighlight(makeHighlight(), makeArticle());
    expect(await pendingChanges(lib.db)).toBe(2);
    const stamps = new Set<string>();
    for (let i = 0; i < 50; i++) {
      clock.now += 1000;
      await lib.updateHighlight(h.id, { note: `note ${i}` });
      stamps.add(byKey(await entries(lib))[entryKey('highlights', h.id)]!.stamp);
    }
    expect(await entries(lib)).toHaveLength(2);
    expect(stamps.size).toBe(50);
  });

  it('records nothing when the write itself fails', async () => {
    const { lib } = setup();
    await startOutbox(lib.db);
    lib.db.highlights.hook('creating', () => {
      throw new DOMException('disk is full', 'QuotaExceededError');
    });
    const err = await lib.saveHighlight(makeHighlight(), makeArticle()).catch((e: unknown) => e);
    expect((err as StoreError).kind).toBe('quota');
    expect(await entries(lib)).toEqual([]);
  });

  it('is emptied when sync is turned off, the library untouched', async () => {
    const { lib } = setup();
    await startOutbox(lib.db);
    await lib.saveHighlight(makeHighlight(), makeArticle());
    await stopOutbox(lib.db);
    expect(await lib.db.table(OUTBOX_TABLE).count()).toBe(0);
    expect(await lib.countHighlights()).toBe(1);
    await lib.saveHighlight(makeHighlight(), makeArticle());
    expect(await lib.db.table(OUTBOX_TABLE).count()).toBe(0);
  });
});

describe('a library saved before the outbox existed (test/store/fixtures/db-v1.json)', () => {
  const saved = JSON.parse(
    readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../store/fixtures/db-v1.json'), 'utf8'),
  ) as { version: number; rows: Record<string, Record<string, unknown>[]> };

  it('opens with an empty outbox, records nothing until sync is on, then sends all of it', async () => {
    expect(saved.version).toBe(1);
    const name = `sync-upgrade-${Math.random().toString(36).slice(2)}`;
    const old = openAtVersion(name, 1);
    for (const [table, rows] of Object.entries(saved.rows)) await old.table(table).bulkAdd(rows);
    old.close();

    const lib = new Library(name);
    open.push(lib);
    const ids = saved.rows.highlights!.map((h) => h.id as string);
    expect(await lib.countHighlights()).toBe(ids.length);
    expect(lib.db.verno).toBe(CURRENT_VERSION);
    expect(await lib.db.table(OUTBOX_TABLE).count()).toBe(0);

    const h = (await lib.getHighlight(ids[0]!))!;
    await lib.updateHighlight(h.id, { note: 'edited after the upgrade' });
    expect(await lib.db.table(OUTBOX_TABLE).count()).toBe(0);

    await startOutbox(lib.db);
    const keys = (await entries(lib)).map((e) => e.key);
    for (const id of ids) expect(keys).toContain(entryKey('highlights', id));
    for (const a of saved.rows.articles!) expect(keys).toContain(entryKey('articles', a.key as string));
  });
});
