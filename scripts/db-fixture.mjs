// Saves a database written by the current schema version, for upgrade tests.
//
//   node scripts/db-fixture.mjs [--force]
//
// Writes the sample library of test/store/fixtures/sample-library.ts through
// today's Library (src/store, on fake-indexeddb in Node), then dumps every raw
// stored row, exactly as IndexedDB holds it, to test/store/fixtures/db-vN.json,
// N being CURRENT_VERSION. test/store/upgrade.test.ts loads each db-v*.json
// into a database declared at that version and opens it with the current
// Library, so every file saved here stays a test of every later upgrade.
//
// Run it once when a schema version ships (right after appending it to
// SCHEMA_VERSIONS in src/store/db.ts) and commit the file. A saved version's
// file is what that release wrote: it refuses to overwrite one unless --force.

import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importTs } from './import-ts.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const force = process.argv.includes('--force');

// The store is TypeScript: import-ts.mjs bundles this entry for Node.
const entry = `
import 'fake-indexeddb/auto';
import { Library } from './src/store/library';
import { CURRENT_VERSION, SCHEMA_VERSIONS } from './src/store/db';
import { writeSampleLibrary } from './test/store/fixtures/sample-library';
export async function dump() {
  const clock = { now: 0 };
  const lib = new Library('db-fixture', { now: () => clock.now });
  await writeSampleLibrary(lib, clock);
  const rows = {};
  for (const table of lib.db.tables) {
    // In primary-key order, so the file only changes when the rows do.
    rows[table.name] = await table.toArray();
  }
  const verno = lib.db.verno;
  lib.close();
  const schema = SCHEMA_VERSIONS.find((v) => v.version === CURRENT_VERSION);
  return { version: verno, stores: schema.stores, rows };
}
`;
const { dump } = await importTs(entry, 'db-fixture');
const dumped = await dump();

const file = path.join(root, 'test/store/fixtures', `db-v${dumped.version}.json`);
if (existsSync(file) && !force) {
  console.error(
    `${path.relative(root, file)} exists: a shipped version's database is not rewritten (use --force if it never shipped)`,
  );
  process.exit(1);
}
const header = {
  comment: `A database as schema version ${dumped.version} stores it, written by scripts/db-fixture.mjs; do not edit by hand.`,
};
writeFileSync(file, `${JSON.stringify({ ...header, ...dumped }, null, 1)}\n`);
const counts = Object.entries(dumped.rows)
  .map(([t, r]) => `${r.length} ${t}`)
  .join(', ');
console.log(`wrote ${path.relative(root, file)}: ${counts}`);
