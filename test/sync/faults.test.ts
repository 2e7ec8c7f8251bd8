import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateLibrary } from '../../src/store/generate';
import { makeBackup } from '../../src/store/backup';
import { isEntry, OUTBOX_TABLE, type OutboxRow, readState } from '../../src/sync/outbox';
import type { SyncResult } from '../../src/sync/faults';
import { type Device, makeDevice } from './devices';
import { startCutProxy, startServer, type TestServer } from './server';
import { makeArticle, makeHighlight } from '../store/helpers';
import type { Highlight } from '../../src/types';

// Each way a run can fail gives a plain-words result, loses and duplicates
// nothing on the device, and the next run picks up where it stopped.

const ADMIN = { username: 'reader', password: 'right' };
let server: TestServer;
let dbSeq = 0;
let database = '';
const devices: Device[] = [];

beforeAll(async () => {
  server = await startServer({ admin: ADMIN });
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  server.intercept = null;
  server.hold = null;
  database = `faults-${++dbSeq}`;
  await server.createDb(database);
});
afterEach(async () => {
  server.intercept = null;
  server.hold = null;
  for (const d of devices.splice(0)) await d.close();
});

async function device(name: string): Promise<Device> {
  const d = await makeDevice(name, { server: server.url, database, ...ADMIN });
  devices.push(d);
  return d;
}

/** A device holding `n` highlights (a generated library, imported like a backup). */
async function deviceWith(name: string, n: number, seed = 3): Promise<Device> {
  const d = await device(name);
  const { articles, highlights } = generateLibrary(Math.max(1, Math.floor(n / 10)), n, seed);
  await d.lib.importBackup(makeBackup(articles, highlights, Date.now()));
  return d;
}

async function rows(d: Device): Promise<Highlight[]> {
  return (await d.lib.readAll()).highlights.sort((a, b) => (a.id < b.id ? -1 : 1));
}

function expectFailure(r: SyncResult, reason: string): void {
  expect(r, JSON.stringify(r)).toMatchObject({ ok: false, reason });
  if (r.ok) return;
  // A sentence for the reader, not a stack trace.
  expect(r.message).toMatch(/^[A-Z].+\.$/);
  expect(r.message).not.toMatch(/Error|undefined|\bat\b .*:\d+/);
}

/** Two rounds bring every change everywhere; a third then finds nothing to do. */
async function expectInSync(...ds: Device[]): Promise<void> {
  for (const d of [...ds, ...ds]) expect(await d.sync(), d.name).toMatchObject({ ok: true });
  for (const d of ds)
    expect(await d.sync(), d.name).toMatchObject({ ok: true, sent: 0, received: 0, merged: 0 });
  const [first, ...rest] = await Promise.all(ds.map(rows));
  for (const r of rest) expect(r).toEqual(first);
}

async function freePort(): Promise<number> {
  const s = createServer();
  s.listen(0, '127.0.0.1');
  await new Promise((r) => s.once('listening', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

describe('the server', () => {
  it('down: says it cannot be reached, keeps the changes in the local copy, and sends them once it is up', async () => {
    const a = await deviceWith('a', 30);
    const before = await rows(a);
    const r = await a.sync({ server: `http://127.0.0.1:${await freePort()}` });
    expectFailure(r, 'unreachable');
    expect(await rows(a)).toEqual(before);
    // Drained into the local copy even so: the outbox does not pile up while offline.
    expect((await a.lib.db.table<OutboxRow>(OUTBOX_TABLE).toArray()).filter(isEntry)).toEqual([]);
    const b = await device('b');
    await expectInSync(a, b);
    expect(await rows(b)).toEqual(before);
  });

  it('wrong password: says so, sends nothing, and syncs once it is right', async () => {
    const a = await deviceWith('a', 5);
    expectFailure(await a.sync({ password: 'wrong' }), 'unauthorized');
    const info = await fetch(`${server.url}/${database}`, {
      headers: {
        authorization: `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}`,
      },
    }).then((x) => x.json() as Promise<{ doc_count: number }>);
    expect(info.doc_count).toBe(0);
    await expectInSync(a, await device('b'));
  });

  it('database missing: says so, and does not create it', async () => {
    const a = await deviceWith('a', 5);
    expectFailure(await a.sync({ database: 'no-such-db' }), 'db-missing');
    expect((await fetch(`${server.url}/no-such-db`)).status).toBe(404);
  });

  it('answering garbage (a web page, or JSON that is not CouchDB’s): says it is not a CouchDB database, nothing changes here', async () => {
    const a = await deviceWith('a', 5);
    const before = await rows(a);
    server.intercept = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>Welcome to nginx!</title>');
      return true;
    };
    expectFailure(await a.sync(), 'bad-server');
    server.intercept = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"rows":"no","results":42}');
      return true;
    };
    expectFailure(await a.sync(), 'bad-server');
    server.intercept = null;
    expect(await rows(a)).toEqual(before);
    await expectInSync(a, await device('b'));
  });

  it('holding documents that are not valid: leaves them out, applies the rest', async () => {
    const a = await deviceWith('a', 5);
    await expectInSync(a);
    const auth = `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}`;
    const bad = [
      {
        _id: 'highlight:evil',
        type: 'highlight',
        touchedAt: 1,
        deletedAt: 0,
        notes: 'x',
        tags: [],
        dropped: [],
      },
      { _id: 'article:javascript:alert(1)', type: 'article', article: { key: 'javascript:alert(1)' } },
      { _id: 'something-else', hello: 'world' },
    ];
    for (const doc of bad) {
      const res = await fetch(`${server.url}/${database}/${encodeURIComponent(doc._id)}`, {
        method: 'PUT',
        headers: { authorization: auth, 'content-type': 'application/json' },
        body: JSON.stringify(doc),
      });
      expect(res.ok).toBe(true);
    }
    const b = await device('b');
    const r = await b.sync();
    expect(r).toMatchObject({ ok: true, refused: 2 });
    expect(await rows(b)).toEqual(await rows(a));
    expect(await b.lib.getHighlight('evil')).toBeUndefined();
  });

  it('stopped in the middle of a run: says the connection was lost, and the next run finishes the job', async () => {
    const a = await deviceWith('a', 120);
    const b = await device('b');
    let bulk = 0;
    server.hold = (req) => {
      if (!req.url?.includes('_bulk_docs') || ++bulk !== 2) return undefined;
      // The second batch reaches a server that is going away.
      return server.stop().then(() => undefined);
    };
    const r = await a.sync({ batchSize: 50 });
    expect(r.ok).toBe(false);
    expect(['interrupted', 'unreachable']).toContain(r.ok ? '' : r.reason);
    server.hold = null;
    await server.restart();
    await expectInSync(a, b);
    expect(await b.lib.countHighlights()).toBe(120);
  });
});

describe('a connection cut part way', () => {
  it('while sending: nothing is sent twice and the next run sends the rest', async () => {
    const a = await deviceWith('a', 150);
    const proxy = await startCutProxy(server, 20_000);
    try {
      expectFailure(await a.sync({ server: proxy.url, batchSize: 40 }), 'interrupted');
      expect(proxy.cuts).toBeGreaterThan(0);
    } finally {
      await proxy.close();
    }
    const b = await device('b');
    await expectInSync(a, b);
    expect(await b.lib.countHighlights()).toBe(150);
    expect((await rows(b)).some((h) => h.note.includes('\n\n'))).toBe(false);
  });

  it('while receiving: what arrived is applied, nothing twice, and the next run brings the rest', async () => {
    const a = await deviceWith('a', 150);
    await expectInSync(a);
    const b = await device('b');
    const proxy = await startCutProxy(server, 60_000);
    try {
      expectFailure(await b.sync({ server: proxy.url, batchSize: 40 }), 'interrupted');
    } finally {
      await proxy.close();
    }
    const part = await b.lib.countHighlights();
    expect(part).toBeLessThan(150);
    await expectInSync(b, a);
    expect(await rows(b)).toEqual(await rows(a));
  });

  it('at any request of a run: the next run always ends with both devices alike and nothing lost', async () => {
    const a = await deviceWith('a', 12);
    const b = await deviceWith('b', 12, 4);
    await expectInSync(a, b);
    const h = (await rows(a))[0]!;
    for (let k = 1; k <= 14; k++) {
      await a.lib.updateHighlight(h.id, { note: `note ${k} from a`, tags: [`a${k}`] });
      await b.lib.saveHighlight(makeHighlight({ note: `new ${k}` }), makeArticle());
      let n = 0;
      server.intercept = (req) => {
        if (++n !== k) return false;
        req.socket.destroy();
        return true;
      };
      const r = await a.sync({ batchSize: 5 });
      server.intercept = null;
      if (!r.ok) expect(['interrupted', 'unreachable']).toContain(r.reason);
      await expectInSync(a, b);
      expect((await a.lib.getHighlight(h.id))?.note).toBe(`note ${k} from a`);
    }
    expect(await a.lib.countHighlights()).toBe(24 + 14);
  });

  it('during the progress reads PouchDB makes between batches: no unhandled rejection, the run goes on', async () => {
    const a = await deviceWith('a', 20);
    await expectInSync(a);
    const b = await device('b');
    const unhandled: unknown[] = [];
    const note = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', note);
    let infos = 0;
    server.intercept = (req) => {
      if (req.method !== 'GET' || req.url !== `/${database}/` || ++infos < 2) return false;
      req.socket.destroy();
      return true;
    };
    try {
      expect(await b.sync({ batchSize: 5 })).toMatchObject({ ok: true });
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      process.off('unhandledRejection', note);
    }
    expect(infos).toBeGreaterThan(2);
    expect(unhandled).toEqual([]);
    expect(await rows(b)).toEqual(await rows(a));
  });
});

describe('this device', () => {
  it('storage full while applying: says so, the library is as it was, and the next run applies it all', async () => {
    const a = await deviceWith('a', 40);
    await expectInSync(a);
    const fromA = new Set((await rows(a)).map((h) => h.articleKey));
    const b = await deviceWith('b', 3, 9);
    const mine = await rows(b);
    const full = () => {
      throw new DOMException('disk is full', 'QuotaExceededError');
    };
    b.lib.db.highlights.hook('creating', full);
    expectFailure(await b.sync(), 'quota');
    expect(await rows(b)).toEqual(mine);
    // A transaction that did not commit changed nothing a page could show.
    expect(b.told).toEqual([]);
    b.lib.db.highlights.hook('creating').unsubscribe(full);
    await expectInSync(b, a);
    expect(await b.lib.countHighlights()).toBe(43);
    expect(new Set(b.told.flat())).toEqual(fromA);
  });

  it('storage full in the local copy: says so, the outbox keeps every change, and the next run sends them', async () => {
    const a = await deviceWith('a', 20);
    const real = a.local.bulkDocs.bind(a.local);
    // What PouchDB's IndexedDB adapter rejects with when the disk is full.
    a.local.bulkDocs = () =>
      Promise.reject(
        Object.assign(new Error('unknown'), {
          status: 500,
          name: 'indexed_db_went_bad',
          reason: 'QuotaExceededError',
        }),
      );
    expectFailure(await a.sync(), 'quota');
    expect((await a.lib.db.table<OutboxRow>(OUTBOX_TABLE).toArray()).filter(isEntry)).toHaveLength(20 + 2);
    a.local.bulkDocs = real;
    const b = await device('b');
    await expectInSync(a, b);
    expect(await b.lib.countHighlights()).toBe(20);
  });

  it('the run dying right after writing to its local copy (a worker stopped): the next run neither loses nor repeats', async () => {
    const a = await deviceWith('a', 10);
    const b = await device('b');
    await expectInSync(a, b);
    const h = (await rows(a))[0]!;
    await a.lib.updateHighlight(h.id, { note: 'before the crash' });
    const real = a.local.bulkDocs.bind(a.local);
    a.local.bulkDocs = async (docs) => {
      await real(docs);
      throw new Error('the worker was stopped');
    };
    expectFailure(await a.sync(), 'local-storage');
    expect((await readState(a.lib.db))?.draining).toBe(true);
    a.local.bulkDocs = real;
    // The reader types on before the next run.
    await a.lib.updateHighlight(h.id, { note: 'after the crash' });
    await expectInSync(a, b);
    expect((await b.lib.getHighlight(h.id))?.note).toBe('after the crash');
    expect((await readState(a.lib.db))?.draining).toBe(false);
  });
});
