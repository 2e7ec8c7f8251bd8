// pouchdb-browser ships no types; src/sync/pouch-api.ts says why not @types/pouchdb.
declare module 'pouchdb-browser' {
  const PouchDB: import('./pouch-api').PouchStatic;
  export default PouchDB;
}
