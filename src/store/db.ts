// The IndexedDB schema. One row per highlight, one per article.
//
// Changing the schema: append an entry to SCHEMA_VERSIONS with the next
// version number, the full `stores` map, and an `upgrade` that rewrites old
// rows; never edit an entry that has shipped. Then run `node scripts/db-fixture.mjs`
// to save a database written by the new version as test/store/fixtures/db-vN.json:
// test/store/upgrade.test.ts loads every saved version (openAtVersion) and
// checks the current code opens it with every row intact and searchable.

import Dexie, { type DexieOptions, type Table, type Transaction } from 'dexie';
import { outboxMiddleware } from '../sync/outbox';
import type { Article, Highlight } from '../types';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    // As the first release declared it; version 2 drops what nothing read.
    stores: {
      articles: 'key, lastClippedAt, published, title, createdAt',
      highlights: 'id, articleKey, [articleKey+createdAt], createdAt, updatedAt, *tags, *words',
    },
  },
  {
    // Only the indexes something reads: highlights by article, articles by
    // last clip (the library's first screen). Version 1 also stored each
    // highlight's search words in a `words` column, rewritten on every title
    // change, which no query read: search runs on an index in memory (search.ts).
    version: 2,
    stores: {
      articles: 'key, lastClippedAt',
      highlights: 'id, articleKey',
    },
    upgrade: async (tx) => {
      await tx
        .table('highlights')
        .toCollection()
        .modify((row: { words?: unknown }) => {
          delete row.words;
        });
    },
  },
  {
    version: 3,
    stores: {
      articles: 'key, lastClippedAt',
      highlights: 'id, articleKey',
      // Rows changed since the last sync run, written only while sync is on (src/sync/outbox.ts).
      outbox: 'key',
    },
  },
];

export const CURRENT_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

export const DEFAULT_DB_NAME = 'interview-highlights';

/**
 * Declares versions 1..upTo on a Dexie instance. `versions` is SCHEMA_VERSIONS
 * except in tests that prove the upgrade path with a made-up later version.
 */
export function declareVersions(
  db: Dexie,
  upTo: number = CURRENT_VERSION,
  versions: readonly SchemaVersion[] = SCHEMA_VERSIONS,
): void {
  for (const v of versions) {
    if (v.version > upTo) break;
    const declared = db.version(v.version).stores(v.stores);
    if (v.upgrade) declared.upgrade(v.upgrade);
  }
}

export class LibraryDB extends Dexie {
  articles!: Table<Article, string>;
  highlights!: Table<Highlight, string>;

  constructor(
    name: string = DEFAULT_DB_NAME,
    options?: DexieOptions,
    versions: readonly SchemaVersion[] = SCHEMA_VERSIONS,
  ) {
    super(name, options);
    declareVersions(this, versions[versions.length - 1]!.version, versions);
    // Every write, by any path, notes its rows in the outbox while sync is on.
    this.use(outboxMiddleware());
  }
}

/**
 * A database declared only up to `version`, for writing rows the way an older
 * release did before opening it with LibraryDB in upgrade tests.
 */
export function openAtVersion(
  name: string,
  version: number,
  options?: DexieOptions,
  versions: readonly SchemaVersion[] = SCHEMA_VERSIONS,
): Dexie {
  const db = new Dexie(name, options);
  declareVersions(db, version, versions);
  return db;
}
