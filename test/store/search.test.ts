import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Library } from '../../src/store/library';
import { generateLibrary } from '../../src/store/generate';
import { SearchIndex } from '../../src/store/search';
import { searchForm, originalPrefixLength, tokenize } from '../../src/store/words';
import type { Article, Highlight } from '../../src/types';
import { freshLibrary, makeArticle, makeHighlight } from './helpers';
import { highlightTexts, matchesQuery, queryWords } from '../../popup/search';

const libs: Library[] = [];
afterEach(() => {
  while (libs.length) libs.pop()!.close();
});

function article(n: string, over: Partial<Article> = {}): Article {
  return makeArticle({
    url: `https://example.org/${n}`,
    title: `Plain title ${n}`,
    subject: { name: `Person ${n}` },
    ...over,
  });
}
function hl(a: Article, over: Partial<Highlight> = {}): Highlight {
  return makeHighlight({
    url: a.url,
    articleKey: a.key,
    question: null,
    sectionId: null,
    quote: 'Nothing special here.',
    ...over,
  });
}
function index(pairs: [Article, Highlight[]][]): SearchIndex {
  return new SearchIndex(
    pairs.map((p) => p[0]),
    pairs.flatMap((p) => p[1]),
  );
}
const ids = (r: { hits: { highlight: Highlight }[] }) => r.hits.map((h) => h.highlight.id);

describe('normalisation', () => {
  it('folds case, accents and ligatures', () => {
    expect(searchForm('Résumé')).toBe('resume');
    expect(searchForm('STRAẞE Straße')).toBe('strasse strasse');
    expect(searchForm('ﬁnance eﬃcient')).toBe('finance efficient');
    expect(searchForm('Øyvind Æsir')).toBe('oyvind aesir');
    expect(tokenize("Don't stop, café-au-lait 42x").map((t) => t.word)).toEqual([
      'dont',
      'stop',
      'cafe',
      'au',
      'lait',
      '42x',
    ]);
  });

  it('maps a normalised prefix back to original characters', () => {
    const decomposed = 'Re\u0301sume\u0301';
    expect(originalPrefixLength(decomposed, 2)).toBe(3);
    expect(originalPrefixLength('Straße', 6)).toBe(5);
    expect(originalPrefixLength('ﬁnance', 1)).toBe(1);
  });
});

describe('SearchIndex.search', () => {
  const a1 = article('1');
  const a2 = article('2');

  it('is accent-, case- and ligature-insensitive', () => {
    const h1 = hl(a1, { quote: 'My RÉSUMÉ was short.' });
    const h2 = hl(a1, { quote: 'The ﬁnance team and the Straße.' });
    const idx = index([[a1, [h1, h2]]]);
    expect(ids(idx.search({ text: 'resume' }))).toEqual([h1.id]);
    expect(ids(idx.search({ text: 'Résumé' }))).toEqual([h1.id]);
    expect(ids(idx.search({ text: 'FINANCE' }))).toEqual([h2.id]);
    expect(ids(idx.search({ text: 'strasse' }))).toEqual([h2.id]);
  });

  it('matches word prefixes, not infixes, and requires every word', () => {
    const h1 = hl(a1, { quote: 'We ran many interviews last year.' });
    const h2 = hl(a1, { quote: 'Reinterview nobody; hiring is hard.' });
    const h3 = hl(a1, { quote: 'Interviews and hiring go together.' });
    const idx = index([[a1, [h1, h2, h3]]]);
    expect(ids(idx.search({ text: 'interv' })).sort()).toEqual([h1.id, h3.id].sort());
    expect(ids(idx.search({ text: 'interv hiring' }))).toEqual([h3.id]);
    expect(ids(idx.search({ text: 'interv xyz' }))).toEqual([]);
  });

  it('searches note, question, tags, title and interviewee too', () => {
    const a = article('x', { title: 'Inside the Observability team', subject: { name: 'Gábor Kowalski' } });
    const h = hl(a, {
      quote: 'Plain words.',
      note: 'zeppelin',
      question: 'What is kubernetes?',
      tags: ['Mentorship'],
    });
    const idx = index([[a, [h]]]);
    for (const q of ['zeppelin', 'kubernetes', 'mentor', 'observab', 'gabor', 'kowalski']) {
      expect(ids(idx.search({ text: q })), q).toEqual([h.id]);
    }
  });

  it('finds the speaker of a quote and the interviewee by role and team', () => {
    const a = article('s', {
      title: 'Panel on mobile performance',
      subject: { name: 'Ana Lima', role: 'Staff Engineer', team: 'Mobile Performance' },
    });
    const kwame = hl(a, { quote: 'We cut cold start by half.', speaker: 'Kwame Mensah' });
    const other = hl(a, { quote: 'Traces told us where.', speaker: 'Ana Lima' });
    const idx = index([[a, [kwame, other]]]);
    expect(ids(idx.search({ text: 'Kwame' }))).toEqual([kwame.id]);
    expect(ids(idx.search({ text: 'mensah cold' }))).toEqual([kwame.id]);
    expect(ids(idx.search({ text: 'staff engineer' })).sort()).toEqual([kwame.id, other.id].sort());
    expect(ids(idx.search({ text: 'mobile perf' })).sort()).toEqual([kwame.id, other.id].sort());
    const hit = idx.search({ text: 'kwame' }).hits[0]!;
    expect(hit.matches).toEqual([{ field: 'speaker', start: 0, end: 5 }]);
    const role = idx.search({ text: 'staff' }).hits[0]!;
    // Offsets into the person line the header shows: "Ana Lima, Staff Engineer · Mobile Performance".
    expect(role.matches).toEqual([{ field: 'interviewee', start: 10, end: 15 }]);
  });

  it('forgives one typo in a word of five letters or more, ranked below exact and prefix hits', () => {
    const typo = hl(a1, { quote: 'The interview went well.', createdAt: 3 });
    const exact = hl(a1, { quote: 'One intervew, misspelt on purpose.', createdAt: 1 });
    const short = hl(a1, { quote: 'A team of four.', createdAt: 2 });
    const idx = index([[a1, [typo, exact, short]]]);
    expect(ids(idx.search({ text: 'intervew' }))).toEqual([exact.id, typo.id]);
    // Both words are one edit from "interveiw"; the newer row first.
    expect(ids(idx.search({ text: 'interveiw' }))).toEqual([typo.id, exact.id]);
    expect(ids(idx.search({ text: 'inteview went' }))).toEqual([typo.id]);
    // Four letters: no typo forgiven ("tram" is not "team").
    expect(ids(idx.search({ text: 'tram' }))).toEqual([]);
    expect(idx.search({ text: 'intervew' }).hits[1]!.matches).toEqual([
      { field: 'quote', start: 4, end: 13 },
    ]);
    // Two typos are too many.
    expect(ids(idx.search({ text: 'intrvw' }))).toEqual([]);
  });

  it('reads text in the same normal form as the popup: both find the same words', () => {
    const h = hl(a1, { quote: 'Straße ﬁnance Æsir' });
    const idx = index([[a1, [h]]]);
    for (const q of ['strasse', 'finance', 'aesir', 'STRASSE FINANCE']) {
      expect(ids(idx.search({ text: q })), q).toEqual([h.id]);
      expect(matchesQuery(queryWords(q), highlightTexts(h)), q).toBe(true);
    }
  });

  it('ranks exact over prefix, title/question/tag over quote over note, then recency', () => {
    const at = (n: number) => Date.UTC(2024, 0, n);
    const title = article('t', { title: 'Culture at work' });
    const hTitle = hl(title, { createdAt: at(1) });
    const hQuote = hl(a1, { quote: 'Our culture is kind.', createdAt: at(2) });
    const hNote = hl(a1, { note: 'culture', createdAt: at(3) });
    const hPrefixTitle = hl(article('p', { title: 'Cultures compared' }), { createdAt: at(4) });
    const hPrefixQuote = hl(a2, { quote: 'Cultured people.', createdAt: at(5) });
    const hQuoteNewer = hl(a2, { quote: 'A culture of care.', createdAt: at(6) });
    const idx = new SearchIndex(
      [title, a1, a2, article('p', { title: 'Cultures compared' })],
      [hTitle, hQuote, hNote, hPrefixTitle, hPrefixQuote, hQuoteNewer],
    );
    const r = idx.search({ text: 'culture' });
    expect(ids(r)).toEqual([
      hTitle.id,
      hQuoteNewer.id,
      hQuote.id,
      hNote.id,
      hPrefixTitle.id,
      hPrefixQuote.id,
    ]);
    expect(r.hits[0]!.score).toBeGreaterThan(r.hits[1]!.score);
  });

  it('ranks a highlight mentioning the words more often higher within the same field class', () => {
    const h1 = hl(a1, { quote: 'Growth matters.', createdAt: 2 });
    const h2 = hl(a1, { quote: 'Growth, growth and more growth.', createdAt: 1 });
    expect(ids(index([[a1, [h1, h2]]]).search({ text: 'growth' }))).toEqual([h2.id, h1.id]);
  });

  it('reports match positions in the original text, marking only the typed prefix', () => {
    const a = article('m', { title: 'Résumé tips' });
    const h = hl(a, { quote: 'Her résumé and RESUMES.', tags: ['x', 'Résumés'], note: 'see resume' });
    const r = index([[a, [h]]]).search({ text: 'resum' });
    const m = r.hits[0]!.matches;
    expect(m).toEqual([
      { field: 'title', start: 0, end: 5 },
      { field: 'tag', index: 1, start: 0, end: 5 },
      { field: 'quote', start: 4, end: 9 },
      { field: 'quote', start: 15, end: 20 },
      { field: 'note', start: 4, end: 9 },
    ]);
    expect(h.quote.slice(4, 9)).toBe('résum');
    expect(r.terms).toEqual(['resum']);
  });

  it('without text lists newest first; limit cuts hits but not total', () => {
    const hs = [1, 3, 2].map((d) => hl(a1, { createdAt: d }));
    const r = index([[a1, hs]]).search({ limit: 2 });
    expect(r.total).toBe(3);
    expect(r.hits.map((h) => h.highlight.createdAt)).toEqual([3, 2]);
  });
});

describe('an index patched many times', () => {
  it('answers as one built fresh from the same rows, after the word store is compacted', () => {
    const a = article('p');
    let rows = ['amber basil cedar', 'delta ember fjord', 'gamut haven ivory', 'jumbo koala lemon'].map(
      (quote, i) => hl(a, { quote, createdAt: 1000 + i }),
    );
    const patched = index([[a, rows]]);
    // Edits leave the old words behind in the store, between rows still in use; once
    // they are half of it, building the postings (the next search) compacts it.
    const edits = ['mango nectar', 'olive pecan', 'quartz rumba'];
    for (let round = 0; round < edits.length; round++) {
      patched.search({ text: 'amber' });
      const i = round % 2 === 0 ? 1 : 3;
      rows = rows.map((h, j) =>
        j === i || j === 0 ? { ...h, quote: `${edits[round]} ${j}`, tags: [`t${round}`] } : h,
      );
      patched.putHighlight(rows[i]!);
      patched.putHighlight(rows[0]!);
    }
    patched.deleteHighlight(rows[2]!.id);
    const fresh = index([[a, [rows[0]!, rows[1]!, rows[3]!]]]);
    for (const text of ['quartz', 'olive', 'mango', 'amber', 'delta', 'gamut', 'jumbo', 't2', 't1', '']) {
      const got = patched.search({ text });
      const want = fresh.search({ text });
      expect(ids(got), text).toEqual(ids(want));
      expect(
        got.hits.map((h) => h.score),
        text,
      ).toEqual(want.hits.map((h) => h.score));
    }
    expect(new Set(ids(patched.search({ text: 'quartz' })))).toEqual(new Set([rows[0]!.id, rows[1]!.id]));
    expect(ids(patched.search({ text: 'olive' }))).toEqual([rows[3]!.id]);
  });
});

describe('Library.search keeps its index fresh', () => {
  it('sees its own writes without re-reading the database', async () => {
    const { lib } = freshLibrary();
    libs.push(lib);
    const a = makeArticle();
    const h = await lib.saveHighlight(makeHighlight({ quote: 'Kindness first.' }), a);
    expect(ids(await lib.search({ text: 'kind' }))).toEqual([h.id]);
    expect(lib.indexBuilds).toBe(1);
    await lib.updateHighlight(h.id, { note: 'zebra' });
    expect(ids(await lib.search({ text: 'zebra' }))).toEqual([h.id]);
    await lib.saveHighlight(
      makeHighlight({ quote: 'Kindred spirits.' }),
      makeArticle({ title: 'New title' }),
    );
    expect((await lib.search({ text: 'kind' })).total).toBe(2);
    expect((await lib.search({ text: 'new title' })).total).toBe(2);
    await lib.deleteHighlights([h.id]);
    expect((await lib.search({ text: 'kind' })).total).toBe(1);
    expect(lib.indexBuilds).toBe(1);
  });

  it('builds from the rows the page read anyway, unless a write came after that read', async () => {
    const { lib } = freshLibrary();
    libs.push(lib);
    await lib.saveHighlight(makeHighlight({ quote: 'Alpha.' }), makeArticle());
    await lib.readAll();
    expect((await lib.search({ text: 'alpha' })).total).toBe(1);
    expect(lib.indexBuilds).toBe(0);

    const { lib: second } = freshLibrary();
    libs.push(second);
    await second.saveHighlight(makeHighlight({ quote: 'Alpha.' }), makeArticle());
    await second.readAll();
    await second.saveHighlight(makeHighlight({ quote: 'Beta.' }), makeArticle());
    expect((await second.search({ text: 'beta' })).total).toBe(1);
    expect(second.indexBuilds).toBe(1);
  });

  it('lists equal times by id when there is no text to rank by', () => {
    const a = article('tie');
    const hs = ['c', 'a', 'b'].map((id) => hl(a, { id, createdAt: 5 }));
    expect(ids(new SearchIndex([a], hs).search({}))).toEqual(['a', 'b', 'c']);
  });

  it('rebuilds after a write made through another Library on the same database', async () => {
    const { lib } = freshLibrary();
    const other = new Library(lib.db.name);
    libs.push(lib, other);
    await lib.saveHighlight(makeHighlight({ quote: 'Alpha.' }), makeArticle());
    let external = 0;
    lib.onExternalChange(() => external++);
    expect((await lib.search({ text: 'beta' })).total).toBe(0);
    await other.saveHighlight(makeHighlight({ quote: 'Beta.' }), makeArticle());
    expect(external).toBe(1);
    expect((await lib.search({ text: 'beta' })).total).toBe(1);
    expect(lib.indexBuilds).toBe(2);
    await lib.updateHighlight((await lib.search({ text: 'beta' })).hits[0]!.highlight.id, { note: 'gamma' });
    expect(external).toBe(1);
    expect(lib.indexBuilds).toBe(2);
  });
});

describe('many hits', () => {
  it('gives every hit its match offsets, also past the first hundred', () => {
    const a = article('many');
    const hs = Array.from({ length: 150 }, (_, i) => hl(a, { quote: `Word${i} growth.`, createdAt: i }));
    const r = new SearchIndex([a], hs).search({ text: 'growth' });
    expect(r.total).toBe(150);
    const last = r.hits[149]!;
    expect(last.matches).toEqual([
      {
        field: 'quote',
        start: last.highlight.quote.indexOf('growth'),
        end: last.highlight.quote.indexOf('growth') + 6,
      },
    ]);
    expect(last.matches).toBe(last.matches);
    expect(JSON.parse(JSON.stringify(last)).matches).toEqual(last.matches);
  });
});

describe('hits as numbers', () => {
  it('ranks the same hits as the hit objects, and makes each object once', () => {
    const g = generateLibrary(40, 3_000, 5);
    const idx = new SearchIndex(g.articles, g.highlights);
    for (const [text, limit] of [
      ['culture', undefined],
      ['eng', 200],
      ['latency model', undefined],
      ['zzzz', undefined],
      ['', 50],
    ] as const) {
      const r = idx.search(limit === undefined ? { text } : { text, limit });
      const { ranked } = r;
      expect(ranked.length, text).toBe(r.hits.length);
      expect(
        Array.from(ranked.slots, (s) => ranked.slotting.idOf(s)),
        text,
      ).toEqual(r.hits.map((h) => h.id));
      expect(Array.from(ranked.scores), text).toEqual(r.hits.map((h) => h.score));
      r.hits.forEach((h, k) => {
        expect(ranked.hit(k)).toBe(h);
      });
    }
  });

  it('numbers slots the same way until the index changes', () => {
    const g = generateLibrary(10, 200, 6);
    const idx = new SearchIndex(g.articles, g.highlights);
    const before = idx.search({ text: 'culture' }).ranked.slotting;
    expect(idx.search({ text: 'eng' }).ranked.slotting).toBe(before);
    // A word nothing starts with answers in the same numbering.
    expect(idx.search({ text: 'zzzz' }).ranked.slotting).toBe(before);
    idx.deleteHighlight(g.highlights[0]!.id);
    const after = idx.search({ text: 'culture' }).ranked.slotting;
    expect(after).not.toBe(before);
    expect(after.size).toBe(before.size - 1);
  });
});

describe('an index built in slices', () => {
  it('answers every query as one built at once, and gives the thread back while it builds', async () => {
    const g = generateLibrary(40, 3_000, 11);
    const whole = new SearchIndex(g.articles, g.highlights);
    let turns = 0;
    let building = true;
    const counter = (async () => {
      while (building) {
        turns++;
        await new Promise((r) => setTimeout(r, 0));
      }
    })();
    const sliced = await SearchIndex.sliced(g.articles, g.highlights);
    building = false;
    await counter;
    // Other work ran between its slices: the page would have stayed responsive.
    expect(turns).toBeGreaterThan(1);
    for (const text of ['', 'culture', 'eng', 'straße', 'mentor ship', 'latency model', 'zzzz']) {
      const a = whole.search({ text });
      const b = sliced.search({ text });
      expect(b.total, text).toBe(a.total);
      expect(
        b.hits.map((h) => [h.id, h.score]),
        text,
      ).toEqual(a.hits.map((h) => [h.id, h.score]));
    }
  });
});
