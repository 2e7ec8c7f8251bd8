// PouchDB for Node tests: the very pouchdb-browser build the extension ships,
// with the memory adapter added (its IndexedDB adapter does not run on
// fake-indexeddb).

import './self';
import PouchDB from 'pouchdb-browser';
import memoryAdapter from 'pouchdb-adapter-memory';
import type { PouchDatabase } from '../../src/sync/pouch-api';

PouchDB.plugin(memoryAdapter);

export { PouchDB };

let seq = 0;

/** A fresh in-memory PouchDB (memory databases of one name are shared in a process, so names are unique). */
export function memoryCopy(label = 'copy'): PouchDatabase {
  return new PouchDB(`${label}-${process.pid}-${++seq}`, { adapter: 'memory' });
}
