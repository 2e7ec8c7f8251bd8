import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { FIRST_SCREEN_ARTICLES, startFirstScreen, takeFirstScreen } from '../../options/first-screen';
import { readFirstScreen } from '../../src/store/first-screen';
import { CURRENT_VERSION, DEFAULT_DB_NAME, idbVersion } from '../../src/store/schema';
import type { Library } from '../../src/store/library';
import { freshLibrary, makeArticle, makeHighlight } from './helpers';

const libs: Library[] = [];
afterEach(() => {
  while (libs.length) libs.pop()!.close();
});

function library(): Library {
  const { lib } = freshLibrary();
  libs.push(lib);
  return lib;
}

async function exists(name: string): Promise<boolean> {
  return (await indexedDB.databases()).some((d) => d.name === name);
}

describe('reading the first screen without Dexie', () => {
  it('gives the newest interviews that have highlights, with them, as the store holds them', async () => {
    const lib = library();
    const saved = new Map<string, string[]>();
    for (let i = 0; i < 5; i++) {
      const a = makeArticle({ url: `https://example.org/${i}`, title: `Interview ${i}`, lastClippedAt: 1000 + i });
      for (let j = 0; j <= i % 2; j++) {
        const h = await lib.saveHighlight(makeHighlight({ url: a.url, note: `note ${i}.${j}`, tags: ['café'] }), a);
        saved.set(a.key, [...(saved.get(a.key) ?? []), h.id]);
      }
    }
    // The newest interview loses its only highlight; its row stays behind.
    await lib.deleteHighlights(saved.get('https://example.org/4')!);
    const keys = ['https://example.org/3', 'https://example.org/2'];

    const first = await lib.firstScreen(2);
    expect(first!.articles).toEqual(await Promise.all(keys.map((k) => lib.getArticle(k))));
    const expected = (await Promise.all(keys.map((k) => lib.highlightsForArticle(k)))).flat();
    expect(first!.highlights.sort((x, y) => (x.id < y.id ? -1 : 1))).toEqual(expected.sort((x, y) => (x.id < y.id ? -1 : 1)));
    // Rows come without the stored search words.
    expect(first!.highlights.every((h) => !('words' in h))).toBe(true);
  });

  it('reads every interview when there are fewer than asked for', async () => {
    const lib = library();
    const a = makeArticle();
    await lib.saveHighlight(makeHighlight(), a);
    const first = await lib.firstScreen(8);
    expect(first!.articles.map((x) => x.key)).toEqual([a.key]);
    expect(first!.highlights).toHaveLength(1);
  });

  it('answers null for a library never written, without creating the database', async () => {
    const name = `never-${Math.random()}`;
    expect(await readFirstScreen(name, 8)).toBeNull();
    expect(await exists(name)).toBe(false);
  });

  it('answers null for a database at another schema version', async () => {
    const name = `other-version-${Math.random()}`;
    await new Promise<void>((resolve, reject) => {
      const r = indexedDB.open(name, idbVersion(CURRENT_VERSION) - 5);
      r.onupgradeneeded = () => {
        r.result.createObjectStore('articles', { keyPath: 'key' }).createIndex('lastClippedAt', 'lastClippedAt');
        r.result.createObjectStore('highlights', { keyPath: 'id' }).createIndex('articleKey', 'articleKey');
      };
      r.onsuccess = () => {
        r.result.close();
        resolve();
      };
      r.onerror = () => reject(r.error);
    });
    expect(await readFirstScreen(name, 8)).toBeNull();
  });

  it('steps aside when another connection upgrades the database mid-read', async () => {
    const lib = library();
    await lib.saveHighlight(makeHighlight(), makeArticle());
    const name = lib.db.name;
    lib.close();
    const reading = readFirstScreen(name, 8);
    const upgraded = await new Promise<boolean>((resolve, reject) => {
      const r = indexedDB.open(name, idbVersion(CURRENT_VERSION) + 10);
      r.onblocked = () => resolve(false);
      r.onsuccess = () => {
        r.result.close();
        resolve(true);
      };
      r.onerror = () => reject(r.error);
    });
    expect(upgraded).toBe(true);
    await reading;
  });
});

describe('the boot script hand-off', () => {
  it('starts only for the default first screen and is taken once, for the same database and count', async () => {
    startFirstScreen('?q=kafka');
    expect(takeFirstScreen(DEFAULT_DB_NAME, FIRST_SCREEN_ARTICLES)).toBeUndefined();
    startFirstScreen('?sort=title');
    expect(takeFirstScreen(DEFAULT_DB_NAME, FIRST_SCREEN_ARTICLES)).toBeUndefined();

    startFirstScreen('?view=settings');
    expect(takeFirstScreen('another-db', FIRST_SCREEN_ARTICLES)).toBeUndefined();
    startFirstScreen('');
    const read = takeFirstScreen(DEFAULT_DB_NAME, FIRST_SCREEN_ARTICLES);
    expect(read).toBeInstanceOf(Promise);
    expect(takeFirstScreen(DEFAULT_DB_NAME, FIRST_SCREEN_ARTICLES)).toBeUndefined();
    await read;
  });
});
