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

/** What a highlight row holds on disk: the Highlight plus its search words. */
export interface StoredHighlight extends Highlight {
  /** Normalised words of quote, note, question, tags and the article's title and interviewee (see words.ts). */
  words: string[];
}

export interface SchemaVersion {
  version: number;
  stores: Record<string, string>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      // published and title are indexed for range queries; sorting for display is
      // done in memory because null dates are left out of an index and titles
      // need a locale collation.
      articles: 'key, lastClippedAt, published, title, createdAt',
      highlights: 'id, articleKey, [articleKey+createdAt], createdAt, updatedAt, *tags, *words',
    },
  },
  {
    version: 2,
    stores: {
      articles: 'key, lastClippedAt, published, title, createdAt',
      highlights: 'id, articleKey, [articleKey+createdAt], createdAt, updatedAt, *tags, *words',
      // Rows changed since the last sync run, written only while sync is on (src/sync/outbox.ts).
      outbox: 'key',
    },
  },
  // { version: 3, stores: {...}, upgrade: async (tx) => { await tx.table('highlights').toCollection().modify(...) } },
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
  highlights!: Table<StoredHighlight, string>;

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
