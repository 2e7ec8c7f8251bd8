// Merging two versions of a document that were changed apart (on two devices,
// or on one device and the server), without asking and without loss. The
// merge is commutative, associative and idempotent, so every device that
// sees the same versions, in any order and any number of times, ends with
// the same document; test/sync/merge.test.ts checks those laws on random
// documents.
//
// Highlights: every note text written on either side kept, the union of the
// tags added on either side, the latest colour, and a delete winning only
// over edits no newer than it (an edit after a delete brings the highlight
// back). What the reader removed on one side (a note text replaced, a tag
// taken off) stays removed unless the other side wrote it again after that.
// Articles hold page facts
// read from the page: the latest version wins, keeping the first clip and the
// last clip dates of both.

import { type ArticleDoc, canonicalSets, type HighlightDoc, laterOf, type SyncDoc } from './docs';
import type { Article } from '../types';

export function mergeHighlightDocs(a: HighlightDoc, b: HighlightDoc): HighlightDoc {
  const out: HighlightDoc = {
    _id: a._id,
    type: 'highlight',
    touchedAt: Math.max(a.touchedAt, b.touchedAt),
    deletedAt: Math.max(a.deletedAt, b.deletedAt),
    ...canonicalSets([...a.notes, ...b.notes], [...a.tags, ...b.tags], [...a.dropped, ...b.dropped]),
  };
  const color = laterOf(a.color, b.color);
  if (color) out.color = color;
  const body = laterOf(a.body, b.body);
  if (body) out.body = body;
  return out;
}

/** The part of an article that the latest version decides: all but the clip dates. */
const decided = (a: Article): string => JSON.stringify({ ...a, createdAt: 0, lastClippedAt: 0 });

export function mergeArticleDocs(a: ArticleDoc, b: ArticleDoc): ArticleDoc {
  const x = a.article;
  const y = b.article;
  const w =
    x.updatedAt !== y.updatedAt ? (x.updatedAt > y.updatedAt ? x : y) : decided(x) >= decided(y) ? x : y;
  return {
    _id: a._id,
    type: 'article',
    article: {
      ...w,
      createdAt: Math.min(x.createdAt, y.createdAt),
      lastClippedAt: Math.max(x.lastClippedAt, y.lastClippedAt),
    },
  };
}

/** Merges versions of one document (same id, hence same type). */
export function mergeDocs<D extends SyncDoc>(a: D, b: D): D {
  if (a._id !== b._id || a.type !== b.type) throw new Error(`cannot merge ${a._id} with ${b._id}`);
  return (
    a.type === 'highlight'
      ? mergeHighlightDocs(a, b as HighlightDoc)
      : mergeArticleDocs(a as ArticleDoc, b as ArticleDoc)
  ) as D;
}
