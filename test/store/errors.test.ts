import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { StoreError, toStoreError } from '../../src/store/errors';
import { Library } from '../../src/store/library';
import { makeArticle, makeHighlight } from './helpers';

describe('toStoreError', () => {
  const cases: [string, unknown, StoreError['kind']][] = [
    ['DOMException QuotaExceededError', new DOMException('full', 'QuotaExceededError'), 'quota'],
    ['Dexie QuotaExceededError', new Dexie.QuotaExceededError('full'), 'quota'],
    [
      'abort caused by quota',
      new Dexie.AbortError('aborted', new DOMException('full', 'QuotaExceededError')),
      'quota',
    ],
    [
      'open failed because of quota',
      new Dexie.OpenFailedError(new DOMException('full', 'QuotaExceededError')),
      'quota',
    ],
    ['DatabaseClosedError', new Dexie.DatabaseClosedError('closed'), 'unavailable'],
    ['MissingAPIError', new Dexie.MissingAPIError('no idb'), 'unavailable'],
    [
      'private mode InvalidStateError',
      new Dexie.OpenFailedError(new DOMException('mutation', 'InvalidStateError')),
      'unavailable',
    ],
    ['VersionError', new Dexie.VersionError('too new'), 'unavailable'],
    ['blocked', { name: 'BlockedError', message: 'blocked' }, 'blocked'],
    ['ConstraintError', new Dexie.ConstraintError('dup'), 'invalid'],
    ['DataCloneError', new DOMException('clone', 'DataCloneError'), 'invalid'],
    [
      'Chromium closing the connection on a disk with no byte left',
      new DOMException(
        'Connection is closing because of: IO error: .../chrome-extension_x_0.indexeddb.leveldb/000003.log: FILE_ERROR_NO_SPACE (ChromeMethodBFE: 3::WritableFileAppend::8)',
        'UnknownError',
      ),
      'quota',
    ],
    [
      'a write failing with ENOSPC',
      new Dexie.AbortError('aborted', new Error('write failed: No space left on device')),
      'quota',
    ],
    [
      'UnknownError about something else',
      new DOMException('Internal error opening backing store', 'UnknownError'),
      'unknown',
    ],
    ['plain Error', new Error('boom'), 'unknown'],
    ['a string', 'boom', 'unknown'],
    ['undefined', undefined, 'unknown'],
  ];
  for (const [name, e, kind] of cases) {
    it(`maps ${name} to ${kind}`, () => {
      const s = toStoreError(e);
      expect(s).toBeInstanceOf(StoreError);
      expect(s.kind).toBe(kind);
      expect(s.userMessage.length).toBeGreaterThan(20);
      expect(s.cause).toBe(e);
    });
  }

  it('says what to do for each kind', () => {
    expect(toStoreError(new DOMException('full', 'QuotaExceededError')).userMessage).toMatch(
      /storage .* is full/,
    );
    expect(toStoreError(new Dexie.VersionError('x')).userMessage).toMatch(/newer version/);
    expect(toStoreError(new Dexie.MissingAPIError('x')).userMessage).toMatch(/Private browsing/);
    expect(toStoreError({ name: 'BlockedError' }).userMessage).toMatch(/Close or reload/);
  });

  it('passes a StoreError through unchanged', () => {
    const e = new StoreError('not-found', 'gone');
    expect(toStoreError(e)).toBe(e);
  });
});

describe('errors from a real database', () => {
  it('a closed library fails with kind unavailable, and the write is refused', async () => {
    const lib = new Library(`closed-${Math.random()}`);
    await lib.countHighlights();
    lib.close();
    const err = await lib.saveHighlight(makeHighlight(), makeArticle()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).kind).toBe('unavailable');
    expect((err as StoreError).cause).toMatchObject({ name: 'DatabaseClosedError' });
  });

  // Chromium closes the connection after a commit fails on a full disk, and
  // Dexie then keeps failing with its reopen error even once there is room.
  it('a connection closed under the library is opened anew for the next read and write', async () => {
    const lib = new Library(`lost-${Math.random()}`);
    const h = makeHighlight();
    await lib.saveHighlight(h, makeArticle());
    lib.db.close({ disableAutoOpen: true });
    expect(await lib.getHighlight(h.id)).toEqual(h);
    lib.db.close({ disableAutoOpen: true });
    const h2 = makeHighlight();
    await lib.saveHighlight(h2, makeArticle());
    expect((await lib.highlightsForArticle(h.articleKey)).map((x) => x.id)).toEqual([h.id, h2.id]);
    lib.close();
  });

  it('without IndexedDB, reads fail with kind unavailable', async () => {
    const lib = new Library(`none-${Math.random()}`, {
      dexie: { indexedDB: undefined as never, IDBKeyRange: undefined as never },
    });
    const saved = globalThis.indexedDB;
    // Dexie looks the API up when opening.
    (globalThis as { indexedDB?: unknown }).indexedDB = undefined;
    try {
      await expect(lib.countHighlights()).rejects.toMatchObject({ kind: 'unavailable' });
    } finally {
      globalThis.indexedDB = saved;
      lib.close();
    }
  });
});
