// The part of PouchDB's API that sync uses, typed here. The DefinitelyTyped
// packages (@types/pouchdb-*, last made for PouchDB 7) declare a global
// `Buffer` interface that breaks Node's own Buffer type everywhere, so they
// are not used.

export type Seq = number | string;

/** A document as PouchDB returns it. */
export interface PouchDoc {
  _id: string;
  _rev: string;
  _deleted?: boolean;
  _conflicts?: string[];
  [field: string]: unknown;
}

export interface ChangesResponse {
  results: { id: string; seq: Seq; deleted?: boolean; doc?: PouchDoc }[];
  last_seq: Seq;
}

export type AllDocsRow =
  | { key: string; id: string; value: { rev: string; deleted?: boolean }; doc?: PouchDoc | null }
  | { key: string; error: string };

export type BulkDocsResult =
  | { ok: true; id: string; rev: string }
  | { id?: string; error: string; reason?: string };

export interface ReplicationResult {
  docs_read: number;
  docs_written: number;
  doc_write_failures: number;
}

export interface ReplicateOptions {
  live: false;
  retry: false;
  batch_size: number;
}

export interface PouchDatabase {
  info(): Promise<{ update_seq: Seq; doc_count: number }>;
  changes(options: {
    since: Seq;
    limit: number;
    include_docs: true;
    conflicts: true;
  }): PromiseLike<ChangesResponse>;
  get(id: string, options: { open_revs: string[] }): Promise<({ ok: PouchDoc } | { missing: string })[]>;
  allDocs(options: { keys: string[]; include_docs: true }): Promise<{ rows: AllDocsRow[] }>;
  bulkDocs(docs: object[]): Promise<BulkDocsResult[]>;
  replicate: {
    to(remote: PouchDatabase, options: ReplicateOptions): PromiseLike<ReplicationResult>;
    from(remote: PouchDatabase, options: ReplicateOptions): PromiseLike<ReplicationResult>;
  };
  close(): Promise<unknown>;
  destroy(): Promise<unknown>;
}

export interface PouchStatic {
  new (name: string, options?: Record<string, unknown>): PouchDatabase;
  plugin(plugin: unknown): PouchStatic;
  defaults(options: Record<string, unknown>): PouchStatic;
}
