import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { makeBackup } from '../../src/store/backup';
import { generateLibrary } from '../../src/store/generate';
import { freshLibrary } from './helpers';

describe('generateLibrary', () => {
  it('is deterministic per seed and valid for the store', async () => {
    const a = generateLibrary(20, 200, 42);
    expect(generateLibrary(20, 200, 42)).toEqual(a);
    expect(generateLibrary(20, 200, 43)).not.toEqual(a);
    expect(a.articles).toHaveLength(20);
    expect(a.highlights).toHaveLength(200);
    expect(new Set(a.highlights.map((h) => h.id)).size).toBe(200);
    const { lib } = freshLibrary();
    expect(await lib.importBackup(makeBackup(a.articles, a.highlights, 0))).toMatchObject({
      added: 200,
      articles: 20,
    });
    lib.close();
  });
});

// Prints timings; speed is not asserted (shared CI machines vary), results are.
describe('search at library scale (10,000 highlights, 500 interviews)', () => {
  it('answers queries and reports timings', async () => {
    const { articles, highlights } = generateLibrary(500, 10_000, 2026);
    const { lib } = freshLibrary();
    let t = performance.now();
    await lib.importBackup(makeBackup(articles, highlights, 0));
    const importMs = performance.now() - t;

    t = performance.now();
    const first = await lib.search({ text: 'culture' });
    const firstMs = performance.now() - t;
    expect(first.total).toBeGreaterThan(0);

    const queries = [
      { text: 'culture' },
      { text: 'interv' },
      { text: 'resume' },
      { text: 'engineering team growth' },
      { text: 'c' },
      { text: 'the' },
      { text: 'strasse' },
      { text: 'career' },
      { text: 'mentor', limit: 50 },
      { text: articles[3]!.subject.name! },
      {},
    ];
    const times: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const q of queries) {
        const s = performance.now();
        const r = await lib.search(q);
        times.push(performance.now() - s);
        expect(r.hits.length).toBeLessThanOrEqual(r.total);
      }
    }
    times.sort((x, y) => x - y);
    const median = times[Math.floor(times.length / 2)]!;
    const p95 = times[Math.floor(times.length * 0.95)]!;
    const max = times[times.length - 1]!;
    // Results check: every hit of an accented query contains the word in some field.
    const resume = await lib.search({ text: 'resume' });
    expect(resume.total).toBeGreaterThan(0);
    for (const h of resume.hits) expect(h.matches.length).toBeGreaterThan(0);

    t = performance.now();
    await lib.updateHighlight(highlights[0]!.id, { note: 'a fresh zeppelin note' });
    const editMs = performance.now() - t;
    t = performance.now();
    expect((await lib.search({ text: 'zeppelin' })).total).toBe(1);
    const afterEditMs = performance.now() - t;
    expect(lib.indexBuilds).toBe(1);

    // The machine is shared: a fixed loop timed alongside tells how loaded it was.
    t = performance.now();
    let sink = 0;
    for (let i = 0; i < 1e7; i++) sink += i % 7;
    const calibrationMs = performance.now() - t;
    expect(sink).toBeGreaterThan(0);
    console.log(
      `[store perf] calibration loop (about 10 ms on an idle core): ${calibrationMs.toFixed(0)} ms; ` +
        ` import 10k: ${importMs.toFixed(0)} ms; first search (index build): ${firstMs.toFixed(0)} ms; ` +
        `search median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, max ${max.toFixed(2)} ms over ${times.length}; ` +
        `edit ${editMs.toFixed(1)} ms, search after edit ${afterEditMs.toFixed(2)} ms`,
    );
    lib.close();
  }, 120_000);
});
