// The synced documents: one per highlight and one per article, with ids
// derived from the library rows (`highlight:<id>`, `article:<key>`), so the
// same row on two devices is the same document.
//
// A highlight document keeps what a merge needs and a row cannot hold: each
// note text and each tag with the time it was written, a mark with the time
// for each note text and tag the reader removed (so a merge with a device
// that still has it does not bring it back), the colour with the time it was
// set, and the time of the latest delete. A highlight is shown while its
// latest edit is newer than its latest delete. The row shown in the library
// is a view of the document, checked by the store's own row checker before
// it is written.

import { array, record, str, time, ValidationError } from '../check';
import { ROW_LIMITS as LIMITS } from '../store/limits';
import { checkArticle, checkHighlight, color as checkColor } from '../store/validate';
import type { Article, Highlight, HighlightColor } from '../types';
import type { SyncedTable } from './outbox';

export interface Stamped<T> {
  value: T;
  /** When this value was written (the row's updatedAt on the device that wrote it). */
  at: number;
}

export interface NoteText {
  text: string;
  at: number;
}

export interface TagMark {
  tag: string;
  at: number;
}

/** A note text (`n:` and its hash) or a tag (`t:` and its key) removed at `at`. */
export interface Dropped {
  key: string;
  at: number;
}

export interface HighlightDoc {
  _id: string;
  type: 'highlight';
  /** The latest edit of any version merged in: the row's updatedAt. */
  touchedAt: number;
  /** The latest delete, 0 if none. Shown while touchedAt > deletedAt. */
  deletedAt: number;
  /** Distinct texts, sorted; more than one after edits on two devices met. */
  notes: NoteText[];
  /** One per tag ignoring case, sorted by that key. */
  tags: TagMark[];
  /** Removed note texts and tags, sorted by key. A text or tag shows only if written after its mark. */
  dropped: Dropped[];
  /** Absent only in a delete made where the highlight's content was unknown. */
  color?: Stamped<HighlightColor>;
  /** The latest version's whole row: the fields no merge changes, and the tags' order. */
  body?: Stamped<Highlight>;
}

export interface ArticleDoc {
  _id: string;
  type: 'article';
  article: Article;
}

export type SyncDoc = HighlightDoc | ArticleDoc;

/** How the texts of a merged note are joined in the row the reader sees. */
export const NOTE_SEPARATOR = '\n\n';

/** More entries than this in one document's lists means it was not written by this code. */
const MAX_ENTRIES = 10_000;

const PREFIX: Record<SyncedTable, string> = { highlights: 'highlight:', articles: 'article:' };

export function docId(table: SyncedTable, id: string): string {
  return PREFIX[table] + id;
}

/** The table and row id a document id names, or null for ids this code never writes (design docs). */
export function rowOfDocId(id: string): { table: SyncedTable; id: string } | null {
  for (const table of Object.keys(PREFIX) as SyncedTable[]) {
    if (id.startsWith(PREFIX[table])) return { table, id: id.slice(PREFIX[table].length) };
  }
  return null;
}

export const tagKey = (tag: string): string => tag.toLowerCase();

const cmpStr = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A total order on stamped values: later wins, and a tie goes to the greater value text. */
export function laterOf<T>(a: Stamped<T> | undefined, b: Stamped<T> | undefined): Stamped<T> | undefined {
  if (!a) return b;
  if (!b) return a;
  if (a.at !== b.at) return a.at > b.at ? a : b;
  return cmpStr(JSON.stringify(a.value), JSON.stringify(b.value)) >= 0 ? a : b;
}

/** cyrb53: a short, stable hash of a note text, the same on every device, for its removal mark. */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

export const noteMark = (text: string): string => `n:${hash(text)}`;
export const tagMark = (tag: string): string => `t:${tagKey(tag)}`;

/**
 * The canonical form of a highlight document's lists: one note per text and
 * one tag per key (the latest; a tie goes to the smaller spelling), one mark
 * per key (the latest), and no text or tag that a mark at or after it hides.
 * Sorted, so equal content is equal JSON.
 */
export function canonicalSets(
  notes: readonly NoteText[],
  tags: readonly TagMark[],
  dropped: readonly Dropped[],
): { notes: NoteText[]; tags: TagMark[]; dropped: Dropped[] } {
  const marks = new Map<string, number>();
  for (const d of dropped) marks.set(d.key, Math.max(marks.get(d.key) ?? 0, d.at));
  const shows = (key: string, at: number) => at > (marks.get(key) ?? 0);
  const byText = new Map<string, number>();
  for (const n of notes) if (n.text !== '') byText.set(n.text, Math.max(byText.get(n.text) ?? 0, n.at));
  const byKey = new Map<string, TagMark>();
  for (const t of tags) {
    const k = tagKey(t.tag);
    const had = byKey.get(k);
    if (!had || t.at > had.at || (t.at === had.at && t.tag < had.tag)) byKey.set(k, { tag: t.tag, at: t.at });
  }
  return {
    notes: [...byText]
      .filter(([text, at]) => shows(noteMark(text), at))
      .sort(([a], [b]) => cmpStr(a, b))
      .map(([text, at]) => ({ text, at })),
    tags: [...byKey]
      .filter(([, t]) => shows(tagMark(t.tag), t.at))
      .sort(([a], [b]) => cmpStr(a, b))
      .map(([, t]) => t),
    dropped: [...marks].sort(([a], [b]) => cmpStr(a, b)).map(([key, at]) => ({ key, at })),
  };
}

export function isShown(doc: HighlightDoc): boolean {
  return doc.touchedAt > doc.deletedAt;
}

/** The document of a highlight as one device has it: every element at time `at`. */
export function highlightDoc(h: Highlight, when: number = h.updatedAt): HighlightDoc {
  // Time 0 means "never" for deletedAt; a row stamped 0 still counts as written.
  const at = Math.max(when, 1);
  return {
    _id: docId('highlights', h.id),
    type: 'highlight',
    touchedAt: at,
    deletedAt: 0,
    ...canonicalSets(
      [{ text: h.note, at }],
      h.tags.map((tag) => ({ tag, at })),
      [],
    ),
    color: { value: h.color, at },
    body: { value: h, at },
  };
}

/** A delete at `at` of a highlight whose content this device does not have. */
export function deletedHighlightDoc(id: string, at: number): HighlightDoc {
  return {
    _id: docId('highlights', id),
    type: 'highlight',
    touchedAt: 0,
    deletedAt: at,
    notes: [],
    tags: [],
    dropped: [],
  };
}

export function articleDoc(a: Article): ArticleDoc {
  return { _id: docId('articles', a.key), type: 'article', article: a };
}

/** Notes in the order they were written, oldest first. */
function noteText(doc: HighlightDoc): string {
  return [...doc.notes]
    .sort((a, b) => a.at - b.at || cmpStr(a.text, b.text))
    .map((n) => n.text)
    .join(NOTE_SEPARATOR);
}

/** Tags in the latest version's order, then any others by key. */
function tagList(doc: HighlightDoc, order: readonly string[]): string[] {
  const rank = new Map(order.map((t, i) => [tagKey(t), i]));
  return [...doc.tags]
    .sort((a, b) => (rank.get(tagKey(a.tag)) ?? order.length) - (rank.get(tagKey(b.tag)) ?? order.length))
    .map((t) => t.tag);
}

/**
 * The row the reader sees, or null when the highlight is deleted. Throws
 * ValidationError when the document cannot make a valid row (the store's
 * checker decides).
 */
export function highlightFromDoc(doc: HighlightDoc): Highlight | null {
  if (!isShown(doc)) return null;
  if (!doc.body || !doc.color) throw new ValidationError(doc._id, 'shown but has no content');
  return checkHighlight(
    {
      ...doc.body.value,
      note: noteText(doc),
      tags: tagList(doc, doc.body.value.tags),
      color: doc.color.value,
      updatedAt: doc.touchedAt,
    },
    doc._id,
  );
}

export function articleFromDoc(doc: ArticleDoc): Article {
  return doc.article;
}

/** Same content, whatever the revision. */
export function sameDoc(a: SyncDoc, b: SyncDoc): boolean {
  return JSON.stringify(content(a)) === JSON.stringify(content(b));
}

function content(d: SyncDoc): SyncDoc {
  if (d.type === 'article') return { _id: d._id, type: d.type, article: d.article };
  const out: HighlightDoc = {
    _id: d._id,
    type: d.type,
    touchedAt: d.touchedAt,
    deletedAt: d.deletedAt,
    notes: d.notes,
    tags: d.tags,
    dropped: d.dropped,
  };
  if (d.color) out.color = d.color;
  if (d.body) out.body = d.body;
  return out;
}

// ---- checking what comes from the server ----

function stamped<T>(v: unknown, path: string, check: (x: unknown, p: string) => T): Stamped<T> {
  const o = record(v, path);
  return { value: check(o.value, `${path}.value`), at: time(o.at, `${path}.at`) };
}

/**
 * A checked, canonical copy of a document from the local copy or the server;
 * throws ValidationError naming the first bad value. Rows inside are checked
 * by the store's checkHighlight and checkArticle.
 */
export function checkDoc(v: unknown): SyncDoc {
  const o = record(v, 'doc');
  const id = str(o._id, 'doc._id', LIMITS.url + 20, { nonEmpty: true });
  const row = rowOfDocId(id);
  if (!row)
    throw new ValidationError('doc._id', `not a highlight or article document: ${JSON.stringify(id)}`);
  if (row.table === 'articles') {
    if (o.type !== 'article') throw new ValidationError('doc.type', 'expected "article"');
    const article = checkArticle(o.article, 'doc.article');
    if (article.key !== row.id)
      throw new ValidationError('doc.article.key', 'does not match the document id');
    return { _id: id, type: 'article', article };
  }
  if (o.type !== 'highlight') throw new ValidationError('doc.type', 'expected "highlight"');
  const notes = array(o.notes, 'doc.notes', MAX_ENTRIES).map((n, i) => {
    const r = record(n, `doc.notes[${i}]`);
    return { text: str(r.text, `doc.notes[${i}].text`, LIMITS.note), at: time(r.at, `doc.notes[${i}].at`) };
  });
  const tags = array(o.tags, 'doc.tags', MAX_ENTRIES).map((t, i) => {
    const r = record(t, `doc.tags[${i}]`);
    return { tag: str(r.tag, `doc.tags[${i}].tag`, LIMITS.tag), at: time(r.at, `doc.tags[${i}].at`) };
  });
  const dropped = array(o.dropped, 'doc.dropped', MAX_ENTRIES).map((d, i) => {
    const r = record(d, `doc.dropped[${i}]`);
    return {
      key: str(r.key, `doc.dropped[${i}].key`, LIMITS.tag + 2),
      at: time(r.at, `doc.dropped[${i}].at`),
    };
  });
  const doc: HighlightDoc = {
    _id: id,
    type: 'highlight',
    touchedAt: time(o.touchedAt, 'doc.touchedAt'),
    deletedAt: time(o.deletedAt, 'doc.deletedAt'),
    ...canonicalSets(notes, tags, dropped),
  };
  if (o.color !== undefined) doc.color = stamped(o.color, 'doc.color', checkColor);
  if (o.body !== undefined) {
    doc.body = stamped(o.body, 'doc.body', checkHighlight);
    if (doc.body.value.id !== row.id)
      throw new ValidationError('doc.body.value.id', 'does not match the document id');
  }
  return doc;
}
