// What this device's pending change to a row makes of the synced document.
//
// The outbox keeps each changed row's `before` (the row when its pending
// changes began), so a change is known field by field: the reader replaced
// this note, added that tag, took off another, picked another colour. Those
// edits are made on the current document, which may hold changes from other
// devices that arrived meanwhile; what the reader did not touch stays as the
// document has it, and what they removed leaves a mark so a merge with a
// device that still has it does not bring it back. Where the row has no `before` (first sent, restored by undo, imported)
// or the document was deleted meanwhile, the row is a version of its own and
// is merged with the document by the rules of merge.ts.

import {
  type ArticleDoc,
  articleDoc,
  canonicalSets,
  type Dropped,
  deletedHighlightDoc,
  type HighlightDoc,
  highlightDoc,
  NOTE_SEPARATOR,
  type NoteText,
  noteMark,
  type TagMark,
  tagKey,
  tagMark,
} from './docs';
import { mergeArticleDocs, mergeHighlightDocs } from './merge';
import type { Article, Highlight } from '../types';

/** True when `text` was one of the note texts joined into `shown`. */
function wasShown(text: string, shown: string): boolean {
  return (
    text === shown ||
    shown.startsWith(text + NOTE_SEPARATOR) ||
    shown.endsWith(NOTE_SEPARATOR + text) ||
    shown.includes(NOTE_SEPARATOR + text + NOTE_SEPARATOR)
  );
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * @param doc the synced document now, if there is one
 * @param before the row when this device's pending changes began (null: it did not exist)
 * @param row the row now
 * @param writtenAt when the pending write was made (0 for rows there before sync was turned on)
 */
export function foldHighlight(
  doc: HighlightDoc | undefined,
  before: Highlight | null,
  row: Highlight,
  writtenAt: number,
): HighlightDoc {
  if (!doc) return highlightDoc(row);
  // Brought back (undo, import) or sent the first time: the reader wants it,
  // as of when they did that, so it wins over a delete made before then.
  if (!before) return mergeHighlightDocs(doc, highlightDoc(row, Math.max(row.updatedAt, writtenAt)));
  // Deleted by a device that never had it: nothing to edit, the row is a version of its own.
  if (!doc.body) return mergeHighlightDocs(doc, highlightDoc(row));
  if (same(before, row)) return doc;
  // Also when the document was deleted meanwhile: the edit shows it again if it is the later.

  const at = row.updatedAt;
  const marks = new Map(doc.dropped.map((d) => [d.key, d.at]));
  const notes: NoteText[] = [...doc.notes];
  const tags: TagMark[] = [...doc.tags];
  const dropped: Dropped[] = [...doc.dropped];
  // Written after any mark for it, or it would not show; a mark after what it removes, or it would not hide it.
  const write = (key: string) => Math.max(at, (marks.get(key) ?? 0) + 1);
  const drop = (key: string, was: number) => dropped.push({ key, at: Math.max(at, was) });

  if (row.note !== before.note) {
    for (const n of doc.notes) if (wasShown(n.text, before.note)) drop(noteMark(n.text), n.at);
    if (row.note !== '') notes.push({ text: row.note, at: write(noteMark(row.note)) });
  }
  const had = new Map(before.tags.map((t) => [tagKey(t), t]));
  const has = new Set(row.tags.map(tagKey));
  for (const t of doc.tags) if (had.has(tagKey(t.tag)) && !has.has(tagKey(t.tag))) drop(tagMark(t.tag), t.at);
  for (const t of row.tags) if (had.get(tagKey(t)) !== t) tags.push({ tag: t, at: write(tagMark(t)) });

  return {
    _id: doc._id,
    type: 'highlight',
    touchedAt: Math.max(doc.touchedAt, at),
    deletedAt: doc.deletedAt,
    ...canonicalSets(notes, tags, dropped),
    color: row.color !== before.color || !doc.color ? { value: row.color, at } : doc.color,
    body: { value: row, at },
  };
}

/** A delete made at `deletedAt` of the highlight `id`. */
export function foldHighlightDelete(
  doc: HighlightDoc | undefined,
  id: string,
  deletedAt: number,
): HighlightDoc {
  const gone = deletedHighlightDoc(id, deletedAt);
  return doc ? mergeHighlightDocs(doc, gone) : gone;
}

export function foldArticle(doc: ArticleDoc | undefined, before: Article | null, row: Article): ArticleDoc {
  if (!doc) return articleDoc(row);
  if (!before) return mergeArticleDocs(doc, articleDoc(row));
  if (same(before, row)) return doc;
  const a = doc.article;
  return articleDoc({
    ...row,
    createdAt: Math.min(a.createdAt, row.createdAt),
    lastClippedAt: Math.max(a.lastClippedAt, row.lastClippedAt),
  });
}
