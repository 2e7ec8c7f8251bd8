import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBackup } from '../../src/store/backup';
import { CURRENT_VERSION, openAtVersion, SCHEMA_VERSIONS, type SchemaVersion } from '../../src/store/db';
import { StoreError } from '../../src/store/errors';
import { Library } from '../../src/store/library';
import { searchForm } from '../../src/store/words';
import { HIGHLIGHT_KINDS, type Article, type Highlight } from '../../src/types';
import { makeArticle, makeHighlight } from './helpers';

// Every shipped schema version has a database saved the way that release wrote
// it (test/store/fixtures/db-vN.json, made by scripts/db-fixture.mjs). Each is
// loaded at its own version and opened with today's code: one test per file,
// so a new version only needs its file.

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

interface SavedDb {
  version: number;
  stores: Record<string, string>;
  rows: Record<string, Record<string, unknown>[]>;
}

const saved: { file: string; db: SavedDb }[] = readdirSync(FIXTURES)
  .filter((f) => /^db-v\d+\.json$/.test(f))
  .map((file) => ({ file, db: JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as SavedDb }))
  .sort((a, b) => a.db.version - b.db.version);

/** Version 1 also stored each highlight's search words, a column version 2 dropped. */
type SavedHighlight = Highlight & { words?: string[] };
const savedHighlights = (db: SavedDb): SavedHighlight[] => db.rows.highlights as unknown as SavedHighlight[];
const savedArticles = (db: SavedDb): Article[] => db.rows.articles as unknown as Article[];
const withoutWords = ({ words: _w, ...h }: SavedHighlight): Highlight => h;

const open: { close(): void }[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

let dbSeq = 0;

/** Writes the saved rows into a fresh database declared at the saved version; returns its name. */
async function loadSaved(db: SavedDb, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS): Promise<string> {
  const name = `saved-v${db.version}-${++dbSeq}-${Math.random().toString(36).slice(2)}`;
  const old = openAtVersion(name, db.version, undefined, versions);
  await old.open();
  expect(old.verno).toBe(db.version);
  for (const [table, rows] of Object.entries(db.rows)) await old.table(table).bulkAdd(rows);
  old.close();
  return name;
}

function library(name: string, versions?: readonly SchemaVersion[]): Library {
  const lib = new Library(name, versions ? { versions } : {});
  open.push(lib);
  return lib;
}

/** Every saved row is there with every field it had, and each highlight is found by search. */
async function expectIntact(lib: Library, db: SavedDb): Promise<void> {
  const articles = savedArticles(db);
  const highlights = savedHighlights(db).map(withoutWords);
  for (const a of articles) expect(await lib.getArticle(a.key)).toMatchObject(a);
  for (const h of highlights) expect(await lib.getHighlight(h.id)).toMatchObject(h);
  expect(await lib.countHighlights()).toBe(highlights.length);
  expect(await lib.db.articles.count()).toBe(articles.length);
  for (const a of articles) {
    const ids = highlights.filter((h) => h.articleKey === a.key).map((h) => h.id);
    expect((await lib.highlightsForArticle(a.key)).map((h) => h.id).sort()).toEqual(ids.sort());
  }

  const hitIds = async (q: Parameters<Library['search']>[0]): Promise<string[]> =>
    (await lib.search(q)).hits.map((x) => x.highlight.id);
  for (const h of highlights) {
    expect(await hitIds({ text: h.quote }), h.quote).toContain(h.id);
    // Typed without accents or case, as a reader would.
    expect(await hitIds({ text: searchForm(h.quote) }), h.quote).toContain(h.id);
    if (h.note) expect(await hitIds({ text: h.note }), h.note).toContain(h.id);
    for (const tag of h.tags) expect(await hitIds({ text: tag }), tag).toContain(h.id);
  }
  expect(
    (await lib.readAll()).highlights
      .filter((h) => h.orphaned)
      .map((h) => h.id)
      .sort(),
  ).toEqual(
    highlights
      .filter((h) => h.orphaned)
      .map((h) => h.id)
      .sort(),
  );

  // Each row on disk is the highlight alone: no column of an older version is left behind.
  expect(await lib.db.highlights.toArray()).toEqual(
    expect.arrayContaining(highlights.map((h) => expect.objectContaining(h))),
  );
  for (const row of await lib.db.highlights.toArray()) expect(row).not.toHaveProperty('words');

  // Still valid under today's checks: a backup of it can be read back.
  const backup = await lib.exportBackup();
  expect(parseBackup(JSON.parse(JSON.stringify(backup))).highlights).toHaveLength(highlights.length);
}

describe('schema versions', () => {
  it('are numbered 1, 2, 3… with none skipped', () => {
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual(SCHEMA_VERSIONS.map((_, i) => i + 1));
    expect(CURRENT_VERSION).toBe(SCHEMA_VERSIONS.length);
  });

  it('each has a saved database (run scripts/db-fixture.mjs when one ships)', () => {
    expect(saved.map((s) => s.db.version)).toEqual(SCHEMA_VERSIONS.map((v) => v.version));
  });
});

for (const { file, db } of saved) {
  describe(`the database saved as version ${db.version} (${file})`, () => {
    it('was written with the stores that version declares, which have not been edited since', () => {
      expect(SCHEMA_VERSIONS.find((v) => v.version === db.version)?.stores).toEqual(db.stores);
      expect(savedHighlights(db).every((h) => Array.isArray(h.words) && h.words.length > 0)).toBe(
        db.version === 1,
      );
    });

    it('holds what a real library holds', () => {
      const hs = savedHighlights(db);
      expect(new Set(hs.map((h) => h.kind))).toEqual(new Set(HIGHLIGHT_KINDS));
      expect(hs.some((h) => h.note !== '')).toBe(true);
      expect(hs.some((h) => h.tags.length > 1)).toBe(true);
      expect(hs.some((h) => h.orphaned)).toBe(true);
      expect(hs.some((h) => (h.subQuestions?.length ?? 0) > 0 && (h.answer?.length ?? 0) > 0)).toBe(true);
      expect(hs.some((h) => h.updatedAt > h.createdAt)).toBe(true);
      expect(hs.some((h) => /[^\x00-\x7f]/.test(h.quote + h.note + h.tags.join('')))).toBe(true);
      expect(new Set(savedArticles(db).map((a) => a.site)).size).toBe(3);
      // An article row whose highlights were all deleted is kept (and left out of listings).
      expect(savedArticles(db).some((a) => !hs.some((h) => h.articleKey === a.key))).toBe(true);
    });

    it('opens with the current Library, every row intact and searchable, and takes new saves', async () => {
      const lib = library(await loadSaved(db));
      await expectIntact(lib, db);
      expect(lib.db.verno).toBe(CURRENT_VERSION);

      const a = makeArticle();
      const h = makeHighlight({ tags: ['zeppelinupgrade'] });
      await lib.saveHighlight(h, a);
      expect((await lib.search({ text: 'zeppelinupgrade' })).hits.map((x) => x.highlight.id)).toEqual([h.id]);
      expect(await lib.countHighlights()).toBe(savedHighlights(db).length + 1);
    });

    // The upgrade mechanism itself, with a made-up next version (never added to SCHEMA_VERSIONS).
    const latest = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!;
    const nextStores = { ...latest.stores, highlights: `${latest.stores.highlights}, *tagKeys` };
    const tagKeysOf = (tags: string[]): string[] => [...new Set(tags.map(searchForm))];

    it('survives an upgrade that rewrites every row, losing nothing', async () => {
      const versions: SchemaVersion[] = [
        ...SCHEMA_VERSIONS,
        {
          version: CURRENT_VERSION + 1,
          stores: nextStores,
          upgrade: async (tx) => {
            await tx
              .table('highlights')
              .toCollection()
              .modify((row: Highlight & { tagKeys?: string[] }) => {
                row.tagKeys = tagKeysOf(row.tags);
              });
          },
        },
      ];
      const lib = library(await loadSaved(db), versions);
      await expectIntact(lib, db);
      expect(lib.db.verno).toBe(CURRENT_VERSION + 1);
      // The upgrade ran on every row, and the index it added answers queries.
      const raw = (await lib.db.highlights.toArray()) as (Highlight & { tagKeys?: string[] })[];
      expect(raw.map((r) => r.tagKeys)).toEqual(raw.map((r) => tagKeysOf(r.tags)));
      for (const h of savedHighlights(db)) {
        for (const k of tagKeysOf(h.tags)) {
          expect(await lib.db.highlights.where('tagKeys').equals(k).primaryKeys()).toContain(h.id);
        }
      }
    });

    it('is left exactly as it was when an upgrade fails half-way', async () => {
      const versions: SchemaVersion[] = [
        ...SCHEMA_VERSIONS,
        {
          version: CURRENT_VERSION + 1,
          stores: nextStores,
          upgrade: async (tx) => {
            let n = 0;
            await tx
              .table('highlights')
              .toCollection()
              .modify((row: Highlight) => {
                row.note = 'overwritten by a broken upgrade';
                if (++n === 3) throw new Error('broken upgrade');
              });
          },
        },
      ];
      const name = await loadSaved(db);
      const lib = library(name, versions);
      const failure = await lib.getArticle(savedArticles(db)[0]!.key).then(
        () => null,
        (e: unknown) => e,
      );
      expect(failure).toBeInstanceOf(StoreError);
      expect((failure as StoreError).kind).toBe('unavailable');
      lib.close();

      // Every step of an upgrade runs in one transaction: a failure in the last undoes the earlier ones too.
      const before = openAtVersion(name, db.version);
      open.push(before);
      expect(await before.table('highlights').toArray()).toEqual(savedHighlights(db));
      expect(await before.table('articles').toArray()).toEqual(savedArticles(db));
      expect(before.verno).toBe(db.version);
    });
  });
}
