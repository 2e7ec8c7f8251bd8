// Store rules that mutation testing (npm run mutate) found no test pinning
// down: the row checks at their limits, cutting text to them, articles made
// from a highlight, error kinds for odd errors, backup messages and order,
// and what the library tells its listeners.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ValidationError } from '../../src/check';
import { articleFromHighlight, articleFromInterview } from '../../src/store/article';
import {
  BACKUP_FORMAT,
  BACKUP_LIMITS,
  BACKUP_VERSION,
  makeBackup,
  parseBackup,
} from '../../src/store/backup';
import { BackupError, toStoreError } from '../../src/store/errors';
import { Library } from '../../src/store/library';
import { cut, cutOrNull, ROW_LIMITS } from '../../src/store/limits';
import { personLine } from '../../src/store/person';
import { checkArticle, checkHighlight, checkHighlightPatch } from '../../src/store/validate';
import { matchesIn } from '../../src/store/search';
import { searchForm, searchKey } from '../../src/store/words';
import type { Interview } from '../../src/types';
import { freshLibrary, makeArticle, makeHighlight } from './helpers';

const libs: Library[] = [];
function setup() {
  const r = freshLibrary();
  libs.push(r.lib);
  return r;
}
afterEach(() => {
  while (libs.length) libs.pop()!.close();
});

const refusal = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  return 'accepted';
};

describe('row checks at their limits', () => {
  it('a tag may be exactly as long as the limit once its white space is evened out, not longer', () => {
    const full = 't'.repeat(ROW_LIMITS.tag);
    expect(checkHighlight(makeHighlight({ tags: [full] })).tags).toEqual([full]);
    expect(refusal(() => checkHighlight(makeHighlight({ tags: [`${full}x`] })))).toBe(
      `highlight.tags[0]: tag longer than ${ROW_LIMITS.tag} characters`,
    );
    const spaced = `a${' '.repeat(250)}b`;
    expect(checkHighlight(makeHighlight({ tags: [spaced] })).tags).toEqual(['a b']);
  });

  it('a position selector may be empty, never reversed', () => {
    const at = (start: number, end: number) =>
      makeHighlight({ selectors: [{ type: 'TextPositionSelector', start, end }] });
    expect(checkHighlight(at(5, 5)).selectors).toEqual([{ type: 'TextPositionSelector', start: 5, end: 5 }]);
    expect(refusal(() => checkHighlight(at(6, 5)))).toBe(
      'highlight.selectors[0].end: end 5 is before start 6',
    );
  });

  it('a highlight may have no link to its quote; a blank quote is refused by name', () => {
    expect(checkHighlight(makeHighlight({ fragmentUrl: '' })).fragmentUrl).toBe('');
    expect(refusal(() => checkHighlight(makeHighlight({ quote: '  ' })))).toBe(
      'highlight.quote: expected a non-empty string, got "  "',
    );
  });

  it('an edit must change something, and only what an edit may change', () => {
    expect(refusal(() => checkHighlightPatch({}))).toBe('patch: nothing to change');
    expect(() => checkHighlightPatch({})).toThrow(ValidationError);
    expect(() => checkHighlightPatch({ note: 'x', quote: 'y' })).toThrow(ValidationError);
  });

  it('an article needs a key', () => {
    expect(() => checkArticle(makeArticle({ key: '' }))).toThrow(ValidationError);
    expect(checkArticle(makeArticle()).key).toBe(makeArticle().key);
  });
});

describe('cutting page text to the store’s limits', () => {
  it('leaves text that fits, and never leaves half of a surrogate pair', () => {
    expect(cut('abc', 3)).toBe('abc');
    expect(cut('abcd', 3)).toBe('abc');
    expect(cut('a😀b', 2)).toBe('a');
    expect(cut('a😀b', 3)).toBe('a😀');
    expect(cutOrNull(null, 3)).toBeNull();
    expect(cutOrNull('abcd', 3)).toBe('abc');
  });

  it('keeps a page’s byline and people as they are when they fit', () => {
    const iv = {
      url: 'https://example.org/p',
      canonicalUrl: null,
      site: 'generic',
      interview: true,
      title: 'T',
      author: 'Author',
      publication: 'Pub',
      published: null,
      subject: { name: 'Ana', team: 'Search' },
      facts: [],
      intro: [],
      sections: [{ id: 'q', question: 'Q?', subQuestions: [], answer: [] }],
    } satisfies Interview;
    expect(articleFromInterview(iv, iv.url, 1)).toMatchObject({
      author: 'Author',
      publication: 'Pub',
      subject: { name: 'Ana', team: 'Search' },
      sections: [{ id: 'q', question: 'Q?' }],
    });
  });
});

describe('an article made from a highlight alone', () => {
  it('lists the highlight’s question when it has one, and nothing else', () => {
    const h = makeHighlight({ sectionId: 's', question: 'Why?' });
    expect(articleFromHighlight(h, 9).sections).toEqual([{ id: 's', question: 'Why?' }]);
    expect(articleFromHighlight({ ...h, question: null }, 9).sections).toEqual([]);
    expect(articleFromHighlight({ ...h, sectionId: null }, 9).sections).toEqual([]);
    expect(articleFromHighlight(h, 9).subject).toEqual({});
  });
});

describe('errors of every shape get a kind', () => {
  it('anything thrown, even not an Error, becomes StoreError unknown', () => {
    for (const e of [null, undefined, 'text', 42, { name: 7, message: 8 }]) {
      const s = toStoreError(e);
      expect(s.kind, String(e)).toBe('unknown');
    }
    expect(toStoreError({ message: 'IO error: FILE_ERROR_NO_SPACE' }).kind).toBe('quota');
    expect(toStoreError({ name: 'Wrapper', inner: { name: 'QuotaExceededError' } }).kind).toBe('quota');
    expect(toStoreError({ name: 'OpenFailedError', message: 'x' }).userMessage).not.toMatch(/newer version/);
  });

  it('a refused backup names itself', () => {
    expect(new BackupError('x').name).toBe('BackupError');
  });
});

describe('backup files', () => {
  const file = (over: Record<string, unknown> = {}) => {
    const a = makeArticle();
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: '2026-01-01T00:00:00Z',
      articles: [a],
      highlights: [makeHighlight({ articleKey: a.key, url: a.url })],
      ...over,
    };
  };
  const message = (data: unknown) => refusal(() => parseBackup(data));

  it('says what is wrong, and suggests an update only for a newer version', () => {
    expect(message(file({ version: 2 }))).toBe(
      'version: expected 1, got 2 (made by a newer version of Interview Highlights; update the extension)',
    );
    expect(message(file({ version: '2' }))).toBe('version: expected 1, got "2"');
    expect(message(file({ version: 0 }))).toBe('version: expected 1, got 0');
    expect(message(file({ format: 'x' }))).toBe('format: expected "interview-highlights-backup", got "x"');
    expect(message(file({ exportedAt: 'soon' }))).toBe('exportedAt: expected an ISO date, got "soon"');
    expect(message(file({ extra: new Date(0) }))).toBe('extra: expected plain JSON data');
    expect(message(file({ extra: () => 1 }))).toBe('extra: expected JSON data, got function');
    const twice = file();
    (twice.articles as unknown[]).push(twice.articles[0]);
    expect(message(twice)).toMatch(/^articles\[1\]\.key: ".*" appears twice$/);
  });

  it('counts every string, key and array element of a parsed file against its size budget', () => {
    // Keys "ab" and "c" (3), the array's 2 elements, "xyz" and "w" (4), "pq" (2): 11 characters.
    const value = { ab: ['xyz', 'w'], c: 'pq' };
    const limits = BACKUP_LIMITS as { chars: number };
    const before = limits.chars;
    try {
      limits.chars = 11;
      expect(message(value)).not.toMatch(/larger than/);
      limits.chars = 10;
      expect(message(value)).toBe('file: larger than 10 characters');
    } finally {
      limits.chars = before;
    }
  });

  it('may nest as deep as the limit, not deeper', () => {
    const nest = (n: number): unknown => (n === 0 ? 1 : { x: nest(n - 1) });
    // The file is depth 0, its fields depth 1: an unknown field nested to depth 16 is kept out but allowed.
    expect(message(file({ extra: nest(15) }))).toBe('accepted');
    expect(message(file({ extra: nest(16) }))).toMatch(/nested deeper than 16 levels$/);
  });

  it('lists articles by key and highlights by article, then clip time, then id', () => {
    const a = makeArticle({ url: 'https://example.org/a' });
    const b = makeArticle({ url: 'https://example.org/b' });
    const row = (art: typeof a, createdAt: number, id: string) =>
      makeHighlight({ url: art.url, articleKey: art.key, createdAt, id });
    const hs = [row(b, 1, 'z'), row(a, 5, 'y'), row(a, 5, 'x'), row(a, 2, 'w')];
    const backup = makeBackup([b, a], hs, 0);
    expect(backup.articles.map((x) => x.key)).toEqual([a.key, b.key]);
    expect(backup.highlights.map((h) => h.id)).toEqual(['w', 'x', 'y', 'z']);
  });
});

describe('what the library tells its listeners', () => {
  it('nothing after a write that changed nothing; every listener even when one throws; nothing once unsubscribed', async () => {
    const { lib } = setup();
    const a = makeArticle();
    const h = makeHighlight();
    await lib.saveHighlight(h, a);
    const first = vi.fn(() => {
      throw new Error('a listener’s own bug');
    });
    const second = vi.fn();
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const off = lib.onChange(first);
    lib.onChange(second);
    await lib.setOrphaned(a.key, []);
    await lib.deleteHighlights(['no-such-id']);
    expect(second).not.toHaveBeenCalled();
    await lib.setOrphaned(a.key, [h.id]);
    expect(second).toHaveBeenCalledWith([a.key]);
    expect(first).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalled();
    off();
    await lib.setOrphaned(a.key, []);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(2);
    error.mockRestore();
  });

  it('an import that moves a highlight to another article tells both', async () => {
    const { lib, clock } = setup();
    const a = makeArticle({ url: 'https://example.org/a' });
    const b = makeArticle({ url: 'https://example.org/b' });
    const h = makeHighlight({ url: a.url, articleKey: a.key });
    await lib.saveHighlight(h, a);
    const moved = { ...h, url: b.url, articleKey: b.key, updatedAt: h.updatedAt + 1 };
    clock.now += 1;
    const seen: string[][] = [];
    lib.onChange((keys) => seen.push(keys.sort()));
    await lib.importBackup(JSON.parse(JSON.stringify(makeBackup([a, b], [moved], 0))));
    expect(seen).toEqual([[a.key, b.key].sort()]);
  });

  it('pruning removes only the articles left without highlights', async () => {
    const { lib } = setup();
    const a = makeArticle({ url: 'https://example.org/a' });
    const b = makeArticle({ url: 'https://example.org/b' });
    const h = makeHighlight({ url: a.url, articleKey: a.key });
    await lib.saveHighlight(h, a);
    const g = makeHighlight({ url: b.url, articleKey: b.key });
    await lib.saveHighlight(g, b);
    await lib.deleteHighlights([g.id]);
    expect(await lib.pruneEmptyArticles()).toEqual([b.key]);
    expect(await lib.getArticle(a.key)).toBeDefined();
  });

  it('stops telling about other contexts’ writes once unsubscribed, and ignores other databases', async () => {
    const { lib } = setup();
    const other = freshLibrary().lib;
    const same = new Library(lib.db.name);
    libs.push(other, same);
    const external = vi.fn();
    const off = lib.onExternalChange(external);
    await other.saveHighlight(makeHighlight(), makeArticle());
    expect(external).not.toHaveBeenCalled();
    await same.saveHighlight(makeHighlight({ id: 'same-1' }), makeArticle());
    const told = external.mock.calls.length;
    expect(told).toBeGreaterThan(0);
    off();
    await same.saveHighlight(makeHighlight({ id: 'same-2' }), makeArticle());
    expect(external).toHaveBeenCalledTimes(told);
  });
});

describe('search helpers', () => {
  it('folds each letter NFKD leaves whole to the Latin a reader types, in either case', () => {
    expect(searchForm('ßẞæÆœŒøØłŁđĐðþı')).toBe('ssssaeaeoeoeoolldddthi');
  });

  it('names an interviewee by what the page gave: name, role and team, leaving out what it did not', () => {
    expect(personLine({ name: 'Kwame Mensah', role: 'Engineer', team: 'Ads' })).toBe(
      'Kwame Mensah, Engineer · Ads',
    );
    expect(personLine({ name: 'Kwame Mensah', team: 'Ads' })).toBe('Kwame Mensah · Ads');
    expect(personLine({ name: 'Kwame Mensah', role: 'Engineer' })).toBe('Kwame Mensah, Engineer');
    expect(personLine({ role: 'Engineer' })).toBe('Engineer');
    expect(personLine({})).toBe('');
  });

  it('a whole-text key evens out and trims white space', () => {
    expect(searchKey('  Chloé \n Dubois ')).toBe('chloe dubois');
  });

  it('marks only the typed prefix of a word, in the original characters', () => {
    const t = 'Ré\u0301sumé';
    const [m] = matchesIn(t, ['res'], 'quote');
    expect(t.slice(m!.start, m!.end)).toBe('Ré\u0301s');
    expect(matchesIn('', ['a'], 'note')).toEqual([]);
    expect(matchesIn('abc', [], 'note')).toEqual([]);
  });
});
