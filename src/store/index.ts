// The store's public face: import from 'src/store'.
export {
  LibraryDB,
  openAtVersion,
  SCHEMA_VERSIONS,
  CURRENT_VERSION,
  DEFAULT_DB_NAME,
} from './db';
export {
  Library,
  type ImportProgress,
  type ImportReport,
  type LibraryOptions,
} from './library';
export { type ArticleSort, compareArticles, comparePageOrder, groupByQuestion } from '../order';
export { importedArticle, importReplaces, mergeArticle } from './merge';
export { StoreError, BackupError, toStoreError, type StoreErrorKind } from './errors';
export {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  parseBackup,
  parseBackupText,
  makeBackup,
  type Backup,
} from './backup';
export {
  SearchIndex,
  type LibraryQuery,
  type SearchField,
  type SearchHit,
  type SearchMatch,
  type SearchResult,
} from './search';
export { searchForm, searchKey, tokenize, words } from './words';
