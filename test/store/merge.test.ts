// How a row already in the library and a new copy of it become one
// (src/store/merge.ts): clipping the same page again, importing a backup.
import { describe, expect, it } from 'vitest';
import { importedArticle, importReplaces, mergeArticle } from '../../src/store/merge';
import { makeArticle, makeHighlight } from '../rows';

describe('clipping a page again (mergeArticle)', () => {
  const old = makeArticle({
    canonicalUrl: null,
    author: null,
    publication: null,
    published: null,
    subject: { name: 'Ana', role: 'Engineer' },
    sections: [
      { id: 'a', question: 'A?' },
      { id: 'b', question: 'B?' },
    ],
    createdAt: 100,
    updatedAt: 100,
    lastClippedAt: 500,
  });

  it('a first clip takes the page as it is, dated now and clipped at the latest of both', () => {
    const page = makeArticle({ lastClippedAt: 50 });
    expect(mergeArticle(undefined, page, 80, 999)).toEqual({ ...page, updatedAt: 999, lastClippedAt: 80 });
    expect(mergeArticle(undefined, page, 20, 999).lastClippedAt).toBe(50);
  });

  it('takes what the page says now, keeps what it no longer says', () => {
    const page = makeArticle({
      url: old.url,
      canonicalUrl: 'https://example.org/canonical',
      site: 'generic',
      title: 'New title',
      author: 'Author',
      publication: 'Publication',
      published: '2024-01-02',
      subject: { name: '', team: 'Search' },
      sections: [
        { id: 'c', question: 'C?' },
        { id: 'a', question: 'A, reworded?' },
      ],
      createdAt: 900,
    });
    expect(mergeArticle(old, page, 700, 999)).toEqual({
      key: old.key,
      url: old.url,
      canonicalUrl: 'https://example.org/canonical',
      site: 'generic',
      title: 'New title',
      author: 'Author',
      publication: 'Publication',
      published: '2024-01-02',
      // An empty name on the page does not erase the one known.
      subject: { name: 'Ana', role: 'Engineer', team: 'Search' },
      // The page's order first; a question gone from it stays for older highlights.
      sections: [
        { id: 'c', question: 'C?' },
        { id: 'a', question: 'A, reworded?' },
        { id: 'b', question: 'B?' },
      ],
      createdAt: 100,
      updatedAt: 999,
      lastClippedAt: 700,
    });
  });

  it('keeps the known facts where the page says nothing, and the later clip', () => {
    const known = {
      ...old,
      canonicalUrl: 'https://example.org/c',
      author: 'A',
      publication: 'P',
      published: '2020-01-01',
      title: 'Old title',
    };
    const silent = makeArticle({
      url: '',
      canonicalUrl: null,
      title: '',
      author: null,
      publication: null,
      published: null,
      subject: {},
    });
    expect(mergeArticle(known, silent, 10, 999)).toMatchObject({
      url: known.url,
      canonicalUrl: 'https://example.org/c',
      title: 'Old title',
      author: 'A',
      publication: 'P',
      published: '2020-01-01',
      subject: { name: 'Ana', role: 'Engineer' },
      lastClippedAt: 500,
    });
  });
});

describe('importing a backup', () => {
  const ours = makeArticle({ title: 'Ours', createdAt: 100, updatedAt: 200, lastClippedAt: 300 });

  it('an article new here is taken as it is', () => {
    expect(importedArticle(undefined, ours)).toBe(ours);
  });

  it('the file’s article replaces ours only when edited later, keeping the first and the last clip of both', () => {
    const later = { ...ours, title: 'Theirs', createdAt: 150, updatedAt: 201, lastClippedAt: 250 };
    expect(importedArticle(ours, later)).toEqual({ ...later, createdAt: 100, lastClippedAt: 300 });
    const earlier = { ...later, createdAt: 50, lastClippedAt: 400 };
    expect(importedArticle(ours, earlier)).toEqual({ ...earlier, createdAt: 50, lastClippedAt: 400 });
    expect(importedArticle(ours, { ...later, updatedAt: 200 })).toBeNull();
    expect(importedArticle(ours, { ...later, updatedAt: 199 })).toBeNull();
  });

  it('the file’s highlight replaces ours only when edited later', () => {
    const h = makeHighlight({ updatedAt: 200 });
    expect(importReplaces(undefined, h)).toBe(true);
    expect(importReplaces(h, { ...h, updatedAt: 201 })).toBe(true);
    expect(importReplaces(h, { ...h, updatedAt: 200 })).toBe(false);
    expect(importReplaces(h, { ...h, updatedAt: 199 })).toBe(false);
  });
});
