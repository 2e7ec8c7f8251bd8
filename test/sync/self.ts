// pouchdb-browser reads `self` when it loads, as in a worker or a page. Node
// has none: import this first in any test module that loads PouchDB.
(globalThis as { self?: unknown }).self ??= globalThis;
