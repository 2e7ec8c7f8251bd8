// The memory adapter ships no types; it is a PouchDB plugin.
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
