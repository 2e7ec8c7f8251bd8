import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { generateLibrary } from '../../src/store/generate';
import { makeBackup } from '../../src/store/backup';
import { OUTBOX_TABLE, stopOutbox } from '../../src/sync/outbox';
import { type Device, makeDevice } from './devices';
import { startServer, type TestServer } from './server';
import { makeArticle, makeHighlight } from '../store/helpers';
import type { Highlight } from '../../src/types';

// Two or three "devices" (each a fake-indexeddb library with its own memory
// PouchDB copy) syncing through an express-pouchdb server on 127.0.0.1.
// Date is faked (only Date: timers and IndexedDB run as usual), so which edit
// is later is the test's choice.

let server: TestServer;
let dbSeq = 0;
let database = '';
const devices: Device[] = [];

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.UTC(2025, 5, 1, 12));
  database = `lib-${++dbSeq}`;
  await server.createDb(database);
});
afterEach(async () => {
  vi.useRealTimers();
  for (const d of devices.splice(0)) await d.close();
});

const later = (ms = 1000) => vi.setSystemTime(Date.now() + ms);

async function device(name: string): Promise<Device> {
  const d = await makeDevice(name, { server: server.url, database, username: '', password: '' });
  devices.push(d);
  return d;
}

async function syncOk(...ds: Device[]): Promise<void> {
  for (const d of ds) {
    const r = await d.sync();
    expect(r, `${d.name}: ${JSON.stringify(r)}`).toMatchObject({ ok: true });
  }
}

async function library(d: Device) {
  const { articles, highlights } = await d.lib.readAll();
  const by =
    <T>(k: (x: T) => string) =>
    (a: T, b: T) =>
      k(a) < k(b) ? -1 : k(a) > k(b) ? 1 : 0;
  return {
    articles: articles.sort(by((a) => a.key)),
    highlights: highlights.sort(by((h: Highlight) => h.id)),
  };
}

/** No document on the server or in a device's copy is left with conflicting revisions. */
async function expectNoConflicts(...ds: Device[]): Promise<void> {
  const r = await fetch(`${server.url}/${database}/_all_docs?include_docs=true&conflicts=true`);
  const body = (await r.json()) as { rows: { doc: { _conflicts?: string[] } }[] };
  expect(body.rows.filter((x) => x.doc._conflicts?.length)).toEqual([]);
  for (const d of ds) {
    const mine = await d.local.allDocs({
      keys: body.rows.map((x) => (x.doc as { _id: string })._id),
      include_docs: true,
    });
    expect(mine.rows.length).toBe(body.rows.length);
  }
}

describe('two devices', () => {
  it('a highlight saved on one arrives on the other with its article, and is found by search there', async () => {
    const a = await device('a');
    const b = await device('b');
    const art = makeArticle();
    const h = await a.lib.saveHighlight(makeHighlight({ note: 'a note to find', tags: ['career'] }), art);
    await syncOk(a, b);
    expect(await b.lib.getHighlight(h.id)).toEqual(h);
    expect((await b.lib.getArticle(art.key))?.title).toBe(art.title);
    expect((await b.lib.search({ text: 'find' })).hits.map((x) => x.highlight.id)).toEqual([h.id]);
    expect((await b.lib.search({ text: 'behind search' })).hits.map((x) => x.highlight.id)).toEqual([h.id]);
    expect(await library(b)).toEqual(await library(a));
  });

  it("tells which articles it changed highlights of here, per commit, as the reader's own writes are told", async () => {
    const a = await device('a');
    const b = await device('b');
    const one = makeArticle({ url: 'https://medium.com/pinterest-engineering/one', key: 'one' });
    const two = makeArticle({ url: 'https://medium.com/pinterest-engineering/two', key: 'two' });
    const h = await a.lib.saveHighlight(makeHighlight({ url: one.url, articleKey: one.key }), one);
    await a.lib.saveHighlight(makeHighlight({ url: two.url, articleKey: two.key }), two);
    await syncOk(a);
    // Its own rows, sent as they are: nothing here changed.
    expect(a.told).toEqual([]);
    await syncOk(b);
    expect(b.told.map((keys) => [...keys].sort())).toEqual([['one', 'two']]);

    for (const edit of [
      () => a.lib.updateHighlight(h.id, { color: 'blue', note: 'a new note' }),
      () => a.lib.deleteHighlights([h.id]),
    ]) {
      b.told.length = 0;
      later();
      await edit();
      await syncOk(a, b);
      expect(b.told).toEqual([['one']]);
    }
    b.told.length = 0;
    await syncOk(b);
    expect(b.told).toEqual([]);
  });

  it('a run with nothing to do sends and changes nothing', async () => {
    const a = await device('a');
    const b = await device('b');
    await a.lib.saveHighlight(makeHighlight(), makeArticle());
    await syncOk(a, b);
    for (const d of [a, b]) {
      expect(await d.sync()).toMatchObject({ ok: true, sent: 0, received: 0, merged: 0, refused: 0 });
      expect(await d.lib.db.table(OUTBOX_TABLE).count()).toBe(1);
    }
  });

  it('the same highlight edited on both while apart ends the same on both: both notes, all tags, the later colour', async () => {
    const a = await device('a');
    const b = await device('b');
    const h = await a.lib.saveHighlight(makeHighlight({ tags: ['career'] }), makeArticle());
    await syncOk(a, b);

    later();
    await a.lib.updateHighlight(h.id, { note: 'written on the laptop', tags: ['career', 'advice'] });
    later();
    await b.lib.updateHighlight(h.id, {
      note: 'written on the desktop',
      tags: ['Career', 'hiring'],
      color: 'blue',
    });
    later();
    await syncOk(a, b, a);

    const onA = await a.lib.getHighlight(h.id);
    expect(onA).toEqual(await b.lib.getHighlight(h.id));
    expect(onA?.note).toBe('written on the laptop\n\nwritten on the desktop');
    // Each library took the merge in, and said so for the page.
    for (const d of [a, b]) expect(d.told).toContainEqual([h.articleKey]);
    expect(onA?.tags.map((t) => t.toLowerCase()).sort()).toEqual(['advice', 'career', 'hiring']);
    expect(onA?.color).toBe('blue');
    expect(await library(a)).toEqual(await library(b));
    await expectNoConflicts(a, b);

    // The merged note edited afterwards is one note again, everywhere.
    later();
    await b.lib.updateHighlight(h.id, { note: 'one note' });
    await syncOk(b, a);
    expect((await a.lib.getHighlight(h.id))?.note).toBe('one note');
  });

  it('a highlight deleted on one disappears on the other, and a delete wins only over older edits', async () => {
    const a = await device('a');
    const b = await device('b');
    const art = makeArticle();
    const gone = await a.lib.saveHighlight(makeHighlight(), art);
    const kept = await a.lib.saveHighlight(makeHighlight(), art);
    await syncOk(a, b);

    // gone: edited on B, then deleted later on A. kept: deleted on A, then edited later on B.
    later();
    await b.lib.updateHighlight(gone.id, { note: 'edited before the delete' });
    await a.lib.deleteHighlights([kept.id]);
    later();
    await a.lib.deleteHighlights([gone.id]);
    await b.lib.updateHighlight(kept.id, { note: 'edited after the delete' });
    later();
    await syncOk(a, b, a);

    for (const d of [a, b]) {
      expect(await d.lib.getHighlight(gone.id)).toBeUndefined();
      expect((await d.lib.getHighlight(kept.id))?.note).toBe('edited after the delete');
    }
    expect(await library(a)).toEqual(await library(b));
    await expectNoConflicts(a, b);
  });

  it('an undo of a delete that was already sent brings the highlight back everywhere', async () => {
    const a = await device('a');
    const b = await device('b');
    const h = await a.lib.saveHighlight(makeHighlight({ note: 'keep me' }), makeArticle());
    await syncOk(a, b);
    later();
    const removed = await a.lib.deleteHighlights([h.id]);
    await syncOk(a, b);
    expect(await b.lib.getHighlight(h.id)).toBeUndefined();
    later();
    await a.lib.restoreHighlights(removed);
    await syncOk(a, b);
    expect((await b.lib.getHighlight(h.id))?.note).toBe('keep me');
    expect(await library(a)).toEqual(await library(b));
  });

  it('a backup imported on one device syncs like any other change, and clearing the library clears it everywhere', async () => {
    const a = await device('a');
    const b = await device('b');
    const { articles, highlights } = generateLibrary(5, 40, 7);
    const report = await a.lib.importBackup(makeBackup(articles, highlights, Date.now()));
    expect(report.added).toBe(40);
    await syncOk(a, b);
    expect(await b.lib.countHighlights()).toBe(40);
    expect(await library(b)).toEqual(await library(a));

    later();
    await b.lib.clear();
    await syncOk(b, a);
    expect(await a.lib.countHighlights()).toBe(0);
  });

  it('sends nothing and records nothing once sync is turned off', async () => {
    const a = await device('a');
    await stopOutbox(a.lib.db);
    await a.lib.saveHighlight(makeHighlight(), makeArticle());
    expect(await a.sync()).toMatchObject({ ok: false, reason: 'off' });
    expect(await a.lib.db.table(OUTBOX_TABLE).count()).toBe(0);
  });

  it('keeps an edit made while a run is under way, and sends it the next run', async () => {
    const a = await device('a');
    const b = await device('b');
    const h = await a.lib.saveHighlight(makeHighlight({ note: 'first' }), makeArticle());
    await syncOk(a, b);

    // B's next run pulls A's change; while the server holds that answer back, the reader edits on B.
    later();
    await a.lib.updateHighlight(h.id, { tags: ['from-a'] });
    await syncOk(a);
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    server.hold = (req) => {
      if (!req.url?.includes('_changes')) return undefined;
      server.hold = null;
      return held;
    };
    const running = b.sync();
    later();
    await b.lib.updateHighlight(h.id, { note: 'typed during the run' });
    release();
    expect(await running).toMatchObject({ ok: true });
    await syncOk(b, a);
    for (const d of [a, b]) {
      const got = await d.lib.getHighlight(h.id);
      expect(got?.note).toBe('typed during the run');
      expect(got?.tags).toEqual(['from-a']);
    }
  });
});

describe('three devices, random saves, edits, deletes and syncs', () => {
  it('end alike, with every highlight saved anywhere and never deleted present everywhere', async () => {
    type Op =
      | { kind: 'save'; on: number }
      | { kind: 'edit'; on: number; pick: number; note: string }
      | { kind: 'delete'; on: number; pick: number }
      | { kind: 'sync'; on: number };
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ kind: fc.constant('save' as const), on: fc.nat(2) }),
      fc.record({
        kind: fc.constant('edit' as const),
        on: fc.nat(2),
        pick: fc.nat(),
        note: fc.constantFrom('x', 'y', 'z'),
      }),
      fc.record({ kind: fc.constant('delete' as const), on: fc.nat(2), pick: fc.nat() }),
      fc.record({ kind: fc.constant('sync' as const), on: fc.nat(2) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 25 }), async (ops) => {
        database = `lib-${++dbSeq}`;
        await server.createDb(database);
        const ds = [await device('p'), await device('q'), await device('r')];
        const art = makeArticle();
        const saved: string[] = [];
        const deleted = new Set<string>();
        for (const o of ops) {
          later(10);
          const d = ds[o.on]!;
          const ids = (await d.lib.readAll()).highlights.map((h) => h.id).sort();
          if (o.kind === 'save') saved.push((await d.lib.saveHighlight(makeHighlight(), art)).id);
          else if (o.kind === 'sync') await syncOk(d);
          else if (ids.length > 0) {
            const id = ids[o.pick % ids.length]!;
            if (o.kind === 'edit') await d.lib.updateHighlight(id, { note: o.note });
            else {
              await d.lib.deleteHighlights([id]);
              deleted.add(id);
            }
          }
        }
        await syncOk(...ds, ...ds);
        const [p, ...rest] = await Promise.all(ds.map(library));
        for (const r of rest) expect(r).toEqual(p);
        const present = new Set(p!.highlights.map((h) => h.id));
        for (const id of saved) if (!deleted.has(id)) expect(present.has(id)).toBe(true);
        await expectNoConflicts(...ds);
        for (const d of devices.splice(0)) await d.close();
      }),
      { numRuns: 12 },
    );
  });
});
