// The library page's first screen, read with plain IndexedDB: the most
// recently clipped interviews that still have highlights, with those
// highlights. Opening the database is the slowest step of the page's first
// paint, so the page starts this from a small script before its main bundle
// (and Dexie in it) has even loaded; Dexie's own connection opens later.
//
// It reads the schema of CURRENT_VERSION only. A database at another version
// (an upgrade still to run) or none at all answers null, and the page then
// waits for Dexie, which creates or upgrades it.

import type { Article, Highlight } from '../types';
import { CURRENT_VERSION, idbVersion, type StoredHighlight } from './schema';

export interface FirstScreen {
  articles: Article[];
  highlights: Highlight[];
}

function withoutWords(row: StoredHighlight): Highlight {
  const { words: _words, ...h } = row;
  return h;
}

export function readFirstScreen(name: string, count: number, idb: IDBFactory = indexedDB): Promise<FirstScreen | null> {
  return new Promise((resolve, reject) => {
    let open: IDBOpenDBRequest;
    try {
      open = idb.open(name);
    } catch (e) {
      reject(e);
      return;
    }
    // Opening without a version creates a missing database at version 1 with
    // no tables; abort that, so Dexie creates it properly later.
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = (e) => {
      e.preventDefault();
      if (open.error?.name === 'AbortError') resolve(null);
      else reject(open.error);
    };
    open.onsuccess = () => {
      const db = open.result;
      // Never hold up an upgrade or a deletion another connection asks for.
      db.onversionchange = () => db.close();
      if (db.version !== idbVersion(CURRENT_VERSION)) {
        db.close();
        resolve(null);
        return;
      }
      let tx: IDBTransaction;
      try {
        tx = db.transaction(['articles', 'highlights'], 'readonly');
      } catch (e) {
        db.close();
        reject(e);
        return;
      }
      const articles: Article[] = [];
      const lists: Highlight[][] = [];
      const highlights = tx.objectStore('highlights').index('articleKey');
      const newest = tx.objectStore('articles').index('lastClippedAt').openCursor(null, 'prev');
      newest.onsuccess = () => {
        // Requests in a transaction complete in order, so every list asked
        // for before this step of the cursor has arrived.
        if (lists.filter((l) => l.length > 0).length >= count) return;
        const cursor = newest.result;
        if (!cursor) return;
        const i = articles.length;
        articles.push(cursor.value as Article);
        const list = highlights.getAll(cursor.primaryKey);
        list.onsuccess = () => {
          lists[i] = (list.result as StoredHighlight[]).map(withoutWords);
        };
        cursor.continue();
      };
      tx.oncomplete = () => {
        db.close();
        const out: FirstScreen = { articles: [], highlights: [] };
        articles.forEach((a, i) => {
          const list = lists[i] ?? [];
          if (list.length === 0 || out.articles.length >= count) return;
          out.articles.push(a);
          out.highlights.push(...list);
        });
        resolve(out);
      };
      tx.onabort = () => {
        db.close();
        reject(tx.error ?? new Error('reading the library was interrupted'));
      };
    };
  });
}
