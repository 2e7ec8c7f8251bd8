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
    ['abort caused by quota', new Dexie.AbortError('aborted', new DOMException('full', 'QuotaExceededError')), 'quota'],
    ['open failed because of quota', new Dexie.OpenFailedError(new DOMException('full', 'QuotaExceededError')), 'quota'],
    ['DatabaseClosedError', new Dexie.DatabaseClosedError('closed'), 'unavailable'],
    ['MissingAPIError', new Dexie.MissingAPIError('no idb'), 'unavailable'],
    ['private mode InvalidStateError', new Dexie.OpenFailedError(new DOMException('mutation', 'InvalidStateError')), 'unavailable'],
    ['VersionError', new Dexie.VersionError('too new'), 'unavailable'],
    ['blocked', { name: 'BlockedError', message: 'blocked' }, 'blocked'],
    ['ConstraintError', new Dexie.ConstraintError('dup'), 'invalid'],
    ['DataCloneError', new DOMException('clone', 'DataCloneError'), 'invalid'],
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
    expect(toStoreError(new DOMException('full', 'QuotaExceededError')).userMessage).toMatch(/storage .* is full/);
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
  it('a closed database fails with kind unavailable, and the write is refused', async () => {
    const lib = new Library(`closed-${Math.random()}`);
    await lib.countHighlights();
    lib.db.close({ disableAutoOpen: true });
    const err = await lib.saveHighlight(makeHighlight(), makeArticle()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).kind).toBe('unavailable');
    expect((err as StoreError).cause).toMatchObject({ name: 'DatabaseClosedError' });
    lib.close();
  });

  it('without IndexedDB, reads fail with kind unavailable', async () => {
    const lib = new Library(`none-${Math.random()}`, { dexie: { indexedDB: undefined as never, IDBKeyRange: undefined as never } });
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
