import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, openAtVersion, SCHEMA_VERSIONS } from '../../src/store/db';
import { searchWords } from '../../src/store/search';
import { Library } from '../../src/store/library';
import { makeArticle, makeHighlight } from './helpers';

// Each shipped schema version gets a database written the way that release
// wrote it; the current code must open it and read every row. When version 2
// lands, add its row shape here and assert what its upgrade rewrote.
describe('schema versions', () => {
  it('are numbered 1, 2, 3… with none skipped', () => {
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual(SCHEMA_VERSIONS.map((_, i) => i + 1));
    expect(CURRENT_VERSION).toBe(SCHEMA_VERSIONS.length);
  });

  for (const { version } of SCHEMA_VERSIONS) {
    it(`opens a library written as version ${version}`, async () => {
      const name = `as-v${version}-${Math.random()}`;
      const a = makeArticle();
      const h = makeHighlight({ tags: ['Career'] });
      const old = openAtVersion(name, version);
      await old.table('articles').put(a);
      await old.table('highlights').put({ ...h, words: searchWords(h, a) });
      expect(old.verno).toBe(version);
      old.close();

      const lib = new Library(name);
      expect(await lib.getArticle(a.key)).toEqual(a);
      expect(await lib.highlightsForArticle(a.key)).toEqual([h]);
      expect((await lib.search({ text: 'career' })).hits.map((x) => x.highlight.id)).toEqual([h.id]);
      expect(lib.db.verno).toBe(CURRENT_VERSION);
      lib.close();
    });
  }
});
