import { describe, expect, it } from 'vitest';
import { type HighlightDoc, highlightDoc, highlightFromDoc } from '../../src/sync/docs';
import { foldArticle, foldHighlight, foldHighlightDelete } from '../../src/sync/fold';
import { mergeHighlightDocs } from '../../src/sync/merge';
import { articleDoc } from '../../src/sync/docs';
import { checkArticle, checkHighlight } from '../../src/store/validate';
import type { Highlight } from '../../src/types';
import { makeArticle, makeHighlight } from '../store/helpers';

// A pending change on this device, folded into the synced document: the
// reader's edits replace what they saw; what they did not touch stays as the
// document has it, including changes from other devices that arrived meanwhile.

const T = Date.UTC(2025, 3, 1);
const row = (over: Partial<Highlight> = {}): Highlight =>
  checkHighlight({
    ...makeHighlight({ id: 'h-9', note: '', tags: [], updatedAt: T, createdAt: T }),
    ...over,
  });
const view = (d: HighlightDoc) => highlightFromDoc(d);

describe('foldHighlight', () => {
  it('replaces the note the reader edited, tags added and removed, the colour picked', () => {
    const before = row({ note: 'draft', tags: ['career', 'hiring'] });
    const doc = highlightDoc(before);
    const now = row({ note: 'final', tags: ['Hiring', 'advice'], color: 'green', updatedAt: T + 5 });
    const next = foldHighlight(doc, before, now, T + 5);
    expect(view(next)).toEqual(now);
    expect(next.notes.map((n) => n.text)).toEqual(['final']);
  });

  it('returns the document unchanged when the row is as it was', () => {
    const before = row({ note: 'same' });
    const doc = highlightDoc(before);
    expect(foldHighlight(doc, before, before, T + 9)).toBe(doc);
  });

  it('keeps what arrived from elsewhere and was not touched here', () => {
    const before = row({ note: 'seen', tags: ['career'] });
    // Another device added a tag and a second note text meanwhile.
    const remote = mergeHighlightDocs(
      highlightDoc(before),
      highlightDoc(row({ note: 'other device', tags: ['career', 'remote'], updatedAt: T + 2 })),
    );
    const now = row({ note: 'seen', tags: ['career', 'local'], color: 'pink', updatedAt: T + 3 });
    const r = view(foldHighlight(remote, before, now, T + 3))!;
    expect(r.note).toBe('seen\n\nother device');
    expect(r.tags).toEqual(['career', 'local', 'remote']);
    expect(r.color).toBe('pink');
  });

  it('replaces every note text the reader saw joined, keeping texts they did not see', () => {
    const a = highlightDoc(row({ note: 'one', updatedAt: T + 1 }));
    const b = highlightDoc(row({ note: 'two', updatedAt: T + 2 }));
    const seen = mergeHighlightDocs(a, b);
    const before = view(seen)!;
    expect(before.note).toBe('one\n\ntwo');
    const later = mergeHighlightDocs(seen, highlightDoc(row({ note: 'three', updatedAt: T + 4 })));
    const now = { ...before, note: 'one and two, merged by hand', updatedAt: T + 5 };
    expect(view(foldHighlight(later, before, now, T + 5))!.note).toBe('three\n\none and two, merged by hand');
  });

  it('does not bring back a note text or tag one device removed while the other only did something else', () => {
    const base = row({ note: 'old text', tags: ['career', 'hiring'] });
    const doc = highlightDoc(base);
    const onA = foldHighlight(
      doc,
      base,
      { ...base, note: 'new text', tags: ['career'], updatedAt: T + 5 },
      T + 5,
    );
    const onB = foldHighlight(doc, base, { ...base, color: 'purple', updatedAt: T + 6 }, T + 6);
    const r = view(mergeHighlightDocs(onA, onB))!;
    expect(r).toMatchObject({ note: 'new text', tags: ['career'], color: 'purple' });
    // Both replaced it: both new texts kept, the old one gone.
    const onC = foldHighlight(doc, base, { ...base, note: 'other new text', updatedAt: T + 7 }, T + 7);
    expect(view(mergeHighlightDocs(onA, onC))!.note).toBe('new text\n\nother new text');
  });

  it('lets a later edit bring back a highlight deleted elsewhere, and an older one stay deleted', () => {
    const before = row({ note: 'n' });
    const deleted = foldHighlightDelete(highlightDoc(before), before.id, T + 10);
    expect(view(deleted)).toBeNull();
    expect(
      view(foldHighlight(deleted, before, { ...before, note: 'later', updatedAt: T + 20 }, T + 20))?.note,
    ).toBe('later');
    expect(
      view(foldHighlight(deleted, before, { ...before, note: 'older', updatedAt: T + 5 }, T + 5)),
    ).toBeNull();
  });

  it('brings back a highlight restored after its delete was sent (undo), as of the restore', () => {
    const h = row({ note: 'kept' });
    const deleted = foldHighlightDelete(highlightDoc(h), h.id, T + 10);
    const restored = foldHighlight(deleted, null, h, T + 30);
    expect(view(restored)).toMatchObject({ note: 'kept', updatedAt: T + 30 });
  });

  it('deletes what the reader saw, even when the document is stamped ahead of this clock', () => {
    const h = row({ updatedAt: T + 1000 });
    expect(view(foldHighlightDelete(highlightDoc(h), h.id, Math.max(T, h.updatedAt)))).toBeNull();
  });
});

describe('foldArticle', () => {
  it('takes the reader’s row, keeping the earliest first clip and the latest last clip', () => {
    const a = checkArticle(makeArticle({ createdAt: T, lastClippedAt: T + 50 }));
    const now = { ...a, title: 'New title', createdAt: T + 10, lastClippedAt: T + 20, updatedAt: T + 20 };
    expect(foldArticle(articleDoc(a), a, now).article).toEqual({
      ...now,
      createdAt: T,
      lastClippedAt: T + 50,
    });
    expect(foldArticle(articleDoc(a), a, a).article).toEqual(a);
  });
});
