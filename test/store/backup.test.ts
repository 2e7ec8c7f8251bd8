import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BACKUP_FORMAT,
  BACKUP_LIMITS,
  parseBackup,
  parseBackupText,
  type Backup,
} from '../../src/store/backup';
import { BackupError } from '../../src/store/errors';
import { generateLibrary } from '../../src/store/generate';
import type { Library } from '../../src/store/library';
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

async function seeded(lib: Library, nArticles = 5, nHighlights = 30): Promise<void> {
  const g = generateLibrary(nArticles, nHighlights, 7);
  for (const h of g.highlights) await lib.saveHighlight(h, g.articles.find((a) => a.key === h.articleKey)!);
}

/** The library's content without the export time. */
async function snapshot(lib: Library): Promise<Omit<Backup, 'exportedAt'>> {
  const { exportedAt: _t, ...rest } = await lib.exportBackup();
  return rest;
}

/** A JSON-cloned backup to damage in tests. */
async function plainBackup(
  lib: Library,
): Promise<
  Record<string, unknown> & { highlights: Record<string, unknown>[]; articles: Record<string, unknown>[] }
> {
  return JSON.parse(JSON.stringify(await lib.exportBackup()));
}

describe('backup round trip', () => {
  it('export, clear, import gives the identical library', async () => {
    const { lib } = setup();
    await seeded(lib);
    const before = await snapshot(lib);
    const file = JSON.stringify(await lib.exportBackup());
    await lib.clear();
    const report = await lib.importBackup(JSON.parse(file));
    expect(report).toEqual({ added: 30, updated: 0, unchanged: 0, articles: 5 });
    expect(await snapshot(lib)).toEqual(before);
    expect(before.format).toBe(BACKUP_FORMAT);
    expect(before.version).toBe(1);
    // Search works after import.
    const word = before.highlights[0]!.quote.split(/\W+/)[0]!;
    expect((await lib.search({ text: word })).total).toBeGreaterThan(0);
  });

  it('importing the same backup twice adds nothing', async () => {
    const { lib } = setup();
    await seeded(lib);
    const file = await plainBackup(lib);
    const before = await snapshot(lib);
    expect(await lib.importBackup(file)).toEqual({ added: 0, updated: 0, unchanged: 30, articles: 0 });
    expect(await lib.importBackup(file)).toEqual({ added: 0, updated: 0, unchanged: 30, articles: 0 });
    expect(await snapshot(lib)).toEqual(before);
  });

  it('keeps the newer edit of a highlight, from either side, and adds new ones', async () => {
    const { lib, clock } = setup();
    const a = makeArticle();
    const h1 = await lib.saveHighlight(makeHighlight(), a);
    const h2 = await lib.saveHighlight(makeHighlight(), a);
    const file = await plainBackup(lib);
    // The file has a newer note on h1; the library has a newer note on h2.
    const f1 = file.highlights.find((h) => h.id === h1.id)!;
    f1.note = 'from the file';
    f1.updatedAt = h1.updatedAt + 10;
    const f3 = { ...f1, id: 'another-id', note: 'new one' };
    file.highlights.push(f3);
    clock.now = h2.updatedAt + 20;
    await lib.updateHighlight(h2.id, { note: 'from the library' });
    const fileH2 = file.highlights.find((h) => h.id === h2.id)!;
    fileH2.note = 'older edit in the file';
    fileH2.updatedAt = h2.updatedAt + 5;
    expect(await lib.importBackup(file)).toEqual({ added: 1, updated: 1, unchanged: 1, articles: 0 });
    expect((await lib.getHighlight(h1.id))?.note).toBe('from the file');
    expect((await lib.getHighlight(h2.id))?.note).toBe('from the library');
    expect((await lib.getHighlight('another-id'))?.note).toBe('new one');
  });

  it('reports its writes as it goes, and still writes all or nothing across them', async () => {
    const { lib } = setup();
    const g = generateLibrary(20, 4_500, 3);
    const file = { format: BACKUP_FORMAT, version: 1, exportedAt: new Date(0).toISOString(), ...g };
    const seen: number[] = [];
    const report = await lib.importBackup(file, (p) => {
      expect(p.total).toBe(4_500);
      seen.push(p.written);
    });
    expect(report).toMatchObject({ added: 4_500, updated: 0, unchanged: 0 });
    expect(seen).toEqual([0, 2_000, 4_000, 4_500]);
    expect(await lib.db.highlights.count()).toBe(4_500);
    // Read back whole, across the pages the library reads it in.
    const ids = (await lib.readAll()).highlights.map((h) => h.id);
    expect(ids).toEqual(g.highlights.map((h) => h.id).sort());

    // A failure in a later request takes the earlier ones with it.
    await lib.clear();
    let n = 0;
    lib.db.highlights.hook('creating', () => {
      if (++n === 3_000) throw new Error('disk trouble');
    });
    await expect(lib.importBackup(file)).rejects.toMatchObject({ name: 'StoreError' });
    expect(await lib.db.highlights.count()).toBe(0);
  });

  it('writes all or nothing when a write fails midway', async () => {
    const { lib } = setup();
    await seeded(lib);
    const file = await plainBackup(lib);
    await lib.clear();
    let n = 0;
    lib.db.highlights.hook('creating', () => {
      if (++n === 10) throw new Error('disk trouble');
    });
    await expect(lib.importBackup(file)).rejects.toMatchObject({ name: 'StoreError' });
    expect(await lib.db.highlights.count()).toBe(0);
    expect(await lib.db.articles.count()).toBe(0);
  });
});

describe('refusing bad files', () => {
  type Mutate = (
    f: Record<string, unknown> & {
      highlights: Record<string, unknown>[];
      articles: Record<string, unknown>[];
    },
  ) => unknown;
  const cases: [string, Mutate, RegExp][] = [
    ['not an object', () => 'hello', /^file: expected an object, got "hello"/],
    ['null', () => null, /^file: expected an object, got null/],
    [
      'wrong format name',
      (f) => ({ ...f, format: 'other-app' }),
      /^format: expected "interview-highlights-backup", got "other-app"/,
    ],
    ['newer version', (f) => ({ ...f, version: 2 }), /^version: expected 1, got 2 \(made by a newer version/],
    ['version as string', (f) => ({ ...f, version: '1' }), /^version: expected 1, got "1"/],
    [
      'missing highlights array',
      (f) => ({ ...f, highlights: undefined }),
      /^highlights: expected an array, got nothing/,
    ],
    ['articles not an array', (f) => ({ ...f, articles: {} }), /^articles: expected an array, got an object/],
    [
      'bad colour',
      (f) => {
        f.highlights[3]!.color = 'red';
        return f;
      },
      /^highlights\[3\]\.color: expected one of yellow, green, blue, pink, purple, got "red"$/,
    ],
    [
      'numeric id',
      (f) => {
        f.highlights[1]!.id = 12;
        return f;
      },
      /^highlights\[1\]\.id: expected a string, got number 12/,
    ],
    [
      'bad selector',
      (f) => {
        f.highlights[2]!.selectors = [{ type: 'XPathSelector', value: '/html' }];
        return f;
      },
      /^highlights\[2\]\.selectors\[0\]\.type: expected one of TextQuoteSelector, TextPositionSelector/,
    ],
    [
      'negative position',
      (f) => {
        f.highlights[2]!.selectors = [{ type: 'TextPositionSelector', start: -1, end: 3 }];
        return f;
      },
      /^highlights\[2\]\.selectors\[0\]\.start/,
    ],
    [
      'javascript: url',
      (f) => {
        f.highlights[0]!.url = 'javascript:alert(document.cookie)';
        return f;
      },
      /^highlights\[0\]\.url: expected an http\(s\) or file URL/,
    ],
    [
      'javascript: fragment url',
      (f) => {
        f.highlights[0]!.fragmentUrl = 'JavaScript:alert(1)';
        return f;
      },
      /^highlights\[0\]\.fragmentUrl/,
    ],
    [
      'data: article url',
      (f) => {
        f.articles[0]!.url = 'data:text/html,<script>alert(1)</script>';
        return f;
      },
      /^articles\[0\]\.url/,
    ],
    [
      '__proto__ key',
      (f) => JSON.parse(JSON.stringify(f).replace('"note":', '"__proto__":{"polluted":true},"note":')),
      /^highlights\[0\]\.__proto__: forbidden key/,
    ],
    [
      'constructor key hidden in an unknown field',
      (f) => {
        f.highlights[4]!.extra = JSON.parse('{"constructor":{"prototype":{"x":1}}}');
        return f;
      },
      /^highlights\[4\]\.extra\.constructor: forbidden key/,
    ],
    [
      '10 MB quote',
      (f) => {
        f.highlights[0]!.quote = 'x'.repeat(10_000_000);
        return f;
      },
      /^highlights\[0\]\.quote: string of 10000000 characters is longer than/,
    ],
    [
      'non-finite time',
      (f) => {
        f.highlights[0]!.createdAt = 'yesterday';
        return f;
      },
      /^highlights\[0\]\.createdAt: expected a time in epoch milliseconds/,
    ],
    [
      'orphaned not boolean',
      (f) => {
        f.highlights[0]!.orphaned = 'no';
        return f;
      },
      /^highlights\[0\]\.orphaned: expected true or false/,
    ],
    [
      'tags not strings',
      (f) => {
        f.highlights[0]!.tags = ['ok', 5];
        return f;
      },
      /^highlights\[0\]\.tags\[1\]: expected a string/,
    ],
    [
      'duplicate id',
      (f) => {
        f.highlights[1]!.id = f.highlights[0]!.id;
        return f;
      },
      /^highlights\[1\]\.id: ".*" appears twice/,
    ],
    [
      'highlight without its article',
      (f) => {
        f.highlights[0]!.articleKey = 'https://nowhere.example/';
        return f;
      },
      /^highlights\[0\]\.articleKey: no article with key/,
    ],
    [
      'bad published date',
      (f) => {
        f.articles[0]!.published = '03/08/2023';
        return f;
      },
      /^articles\[0\]\.published: expected a YYYY-MM-DD date/,
    ],
    [
      'bad site',
      (f) => {
        f.articles[0]!.site = 'myspace';
        return f;
      },
      /^articles\[0\]\.site: expected one of/,
    ],
    [
      'deep nesting',
      (f) => {
        let x: unknown = 1;
        for (let i = 0; i < 50; i++) x = [x];
        f.highlights[0]!.extra = x;
        return f;
      },
      /nested deeper than/,
    ],
  ];

  for (const [name, mutate, message] of cases) {
    it(`refuses ${name} and leaves the library unchanged`, async () => {
      const { lib } = setup();
      await seeded(lib);
      const before = await snapshot(lib);
      const good = await plainBackup(lib);
      await lib.clear();
      await lib.importBackup(good);
      const bad = mutate(await plainBackup(lib));
      const err = await lib.importBackup(bad).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(BackupError);
      expect((err as BackupError).message).toMatch(message);
      expect((err as BackupError).userMessage).toContain((err as BackupError).message);
      expect(await snapshot(lib)).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('refuses text that is not JSON, or too large', () => {
    expect(() =>
      parseBackupText('{"format": "interview-highlights-backup", "version": 1, "articles": ['),
    ).toThrow(/^file: not valid JSON/);
    expect(() => parseBackupText(' '.repeat(BACKUP_LIMITS.chars + 1))).toThrow(/^file: larger than/);
  });

  it('drops unknown fields instead of storing them', async () => {
    const { lib } = setup();
    const h = makeHighlight();
    const file = parseBackup({
      format: BACKUP_FORMAT,
      version: 1,
      exportedAt: new Date(0).toISOString(),
      articles: [{ ...makeArticle(), secret: 1 }],
      highlights: [{ ...h, html: '<img onerror=alert(1)>' }],
    });
    expect(file.highlights[0]).toEqual(h);
    expect(file.articles[0]).not.toHaveProperty('secret');
    await lib.importBackup(file);
    expect(await lib.getHighlight(h.id)).toEqual(h);
  });
});
