// express-pouchdb ships no types; the tests use this much of it.
declare module 'express-pouchdb' {
  import type { RequestListener } from 'node:http';
  interface CouchConfig {
    set(section: string, key: string, value: unknown, cb: (err?: unknown) => void): void;
  }
  interface ExpressPouchDBApp extends RequestListener {
    couchConfig: CouchConfig;
  }
  function expressPouchDB(
    PouchDB: import('../../src/sync/pouch-api').PouchStatic,
    options?: {
      mode?: 'fullCouchDB' | 'minimumForPouchDB' | 'custom';
      inMemoryConfig?: boolean;
      logPath?: string;
    },
  ): ExpressPouchDBApp;
  export = expressPouchDB;
}
