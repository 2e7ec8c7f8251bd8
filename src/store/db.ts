// The Dexie database over the schema in schema.ts: one row per highlight,
// one per article.

import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { Article } from '../types';
import { CURRENT_VERSION, DEFAULT_DB_NAME, SCHEMA_VERSIONS, type SchemaVersion, type StoredHighlight } from './schema';

export { CURRENT_VERSION, DEFAULT_DB_NAME, SCHEMA_VERSIONS, type SchemaVersion, type StoredHighlight } from './schema';

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

  constructor(name: string = DEFAULT_DB_NAME, options?: DexieOptions, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS) {
    super(name, options);
    declareVersions(this, versions[versions.length - 1]!.version, versions);
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
