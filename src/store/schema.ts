// The IndexedDB schema as data, apart from Dexie so that a page can read the
// store before Dexie has loaded (see first-screen.ts); db.ts declares it.
//
// Changing the schema: append an entry to SCHEMA_VERSIONS with the next
// version number, the full `stores` map, and an `upgrade` that rewrites old
// rows; never edit an entry that has shipped. Then run `node scripts/db-fixture.mjs`
// to save a database written by the new version as test/store/fixtures/db-vN.json:
// test/store/upgrade.test.ts loads every saved version (openAtVersion) and
// checks the current code opens it with every row intact and searchable.

import type { Transaction } from 'dexie';
import type { Highlight } from '../types';

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
  // { version: 2, stores: {...}, upgrade: async (tx) => { await tx.table('highlights').toCollection().modify(...) } },
];

export const CURRENT_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

export const DEFAULT_DB_NAME = 'interview-highlights';

/** The version IndexedDB itself reports for a schema version: Dexie stores ten times it. */
export function idbVersion(schemaVersion: number): number {
  return schemaVersion * 10;
}
