// Runs inside the benchmark page (bundled by bench/anchor.mjs): makes
// highlights on the page, edits the page, and times anchorAll on it.

import {
  anchorAll,
  anchorSelectors,
  buildTextIndex,
  describeRange,
  rangeFromOffsets,
  type AnchorMatch,
} from '../../src/anchor';
import { seededRandom } from '../../src/store/generate';
import type { Selector } from '../../src/types';

interface Saved {
  id: string;
  selectors: Selector[];
  block: Element;
  quote: string;
  /** Offset of the quote inside its block's text when it was saved. */
  inBlock: number;
}

const BLOCKS = 'article p, article li, article h1, article h2, article h3, article blockquote';

let saved: Saved[] = [];
const edited = new Set<Element>();
const longTasks: { start: number; duration: number }[] = [];

new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
}).observe({ type: 'longtask', buffered: true });

/** Makes the article `times` copies of itself, as one long page. */
export function repeatArticle(times: number): void {
  const article = document.querySelector('article');
  if (!article) throw new Error('the page has no <article>');
  for (const el of article.querySelectorAll('[id]')) el.removeAttribute('id');
  const original = [...article.childNodes];
  for (let i = 1; i < times; i++) for (const n of original) article.appendChild(n.cloneNode(true));
}

function blocks(): Element[] {
  // Innermost blocks only, so a quote's block is the one that holds its text.
  return [...document.querySelectorAll(BLOCKS)].filter((b) => !b.querySelector(BLOCKS));
}

export function setup(
  count: number,
  seed: number,
): { highlights: number; textLength: number; blocks: number } {
  const rand = seededRandom(seed);
  const index = buildTextIndex(document.body);
  const all = blocks().filter((b) => /[.?!]/.test(b.textContent ?? ''));
  saved = [];
  while (saved.length < count) {
    const block = all[Math.floor(rand() * all.length)] as Element;
    const text = block.textContent ?? '';
    const sentences = [...text.matchAll(/[^.?!]+[.?!]+/g)].filter((m) => m[0].trim().length >= 12);
    const pick = sentences[Math.floor(rand() * sentences.length)];
    if (!pick || pick.index === undefined) continue;
    const lead = pick[0].length - pick[0].trimStart().length;
    const inBlock = pick.index + lead;
    const quote = pick[0].trim();
    const first = index.nodes.findIndex((n) => block.contains(n));
    const base = index.starts[first] as number;
    const range = rangeFromOffsets(index, base + inBlock, base + inBlock + quote.length);
    if (range.toString() !== quote) throw new Error('sampling broke: block text is not contiguous');
    saved.push({ id: `h${saved.length}`, selectors: describeRange(index, range), block, quote, inBlock });
  }
  return { highlights: saved.length, textLength: index.text.length, blocks: all.length };
}

const WORDS = ['remarkably', 'team', 'often', 'new', 'product', 'quickly', 'also', 'engineers'];

/** Edits `fraction` of the paragraphs: a few words replaced or inserted in each. */
export function editParagraphs(fraction: number, seed: number): { edited: number; paragraphs: number } {
  const rand = seededRandom(seed);
  const paragraphs = blocks().filter((b) => b.tagName === 'P' && (b.textContent ?? '').length > 40);
  const target = Math.round(paragraphs.length * fraction);
  const pool = [...paragraphs];
  while (edited.size < target && pool.length > 0) {
    const p = pool.splice(Math.floor(rand() * pool.length), 1)[0] as Element;
    const texts: Text[] = [];
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode())
      if ((n as Text).data.length > 20) texts.push(n as Text);
    if (texts.length === 0) continue;
    const edits = 2 + Math.floor(rand() * 2);
    for (let k = 0; k < edits; k++) {
      const t = texts[Math.floor(rand() * texts.length)] as Text;
      const words = [...t.data.matchAll(/\b[a-z]{4,}\b/g)];
      const w = words[Math.floor(rand() * words.length)];
      if (!w || w.index === undefined) continue;
      const word = WORDS[Math.floor(rand() * WORDS.length)] as string;
      const insert = rand() < 0.5;
      t.data = insert
        ? `${t.data.slice(0, w.index)}${word} ${t.data.slice(w.index)}`
        : `${t.data.slice(0, w.index)}${word}${t.data.slice(w.index + w[0].length)}`;
    }
    edited.add(p);
  }
  return { edited: edited.size, paragraphs: paragraphs.length };
}

/** The page text and saved selectors, to replay anchoring outside the browser. */
export function dump(): { text: string; items: { id: string; selectors: Selector[] }[] } {
  return {
    text: buildTextIndex(document.body).text,
    items: saved.map((s) => ({ id: s.id, selectors: s.selectors })),
  };
}

/** The slowest single highlights, to see where time goes. */
export function slowest(n: number): { id: string; ms: number; method: string | null; len: number }[] {
  const index = buildTextIndex(document.body);
  const out = saved.map((s) => {
    const t = performance.now();
    const m = anchorSelectors(index, s.selectors);
    return { id: s.id, ms: performance.now() - t, method: m?.method ?? null, len: s.quote.length };
  });
  return out.sort((a, b) => b.ms - a.ms).slice(0, n);
}

interface Outcome {
  indexMs: number;
  anchorMs: number;
  methods: Record<string, number>;
  orphaned: number;
  misplaced: number;
  longTasks: number;
  longestTaskMs: number;
}

function judge(
  s: Saved,
  m: AnchorMatch | null,
  index: ReturnType<typeof buildTextIndex>,
): 'orphaned' | 'misplaced' | 'ok' {
  if (!m) return 'orphaned';
  const range = rangeFromOffsets(index, m.start, m.end);
  if (!s.block.contains(range.startContainer) || !s.block.contains(range.endContainer)) return 'misplaced';
  if (edited.has(s.block)) return 'ok';
  // In an untouched block the very same characters must come back.
  const first = index.nodes.findIndex((n) => s.block.contains(n));
  const ok = m.start - (index.starts[first] as number) === s.inBlock && range.toString() === s.quote;
  return ok ? 'ok' : 'misplaced';
}

/** One timed pass: a fresh index (so no cache survives), then anchorAll over every saved highlight. */
export async function run(sliceMs?: number): Promise<Outcome> {
  const t0 = performance.now();
  const index = buildTextIndex(document.body);
  // The index is built in its own task, so the long-task count is about anchoring alone.
  await new Promise((r) => setTimeout(r, 0));
  const t1 = performance.now();
  const result = await anchorAll(index, saved, sliceMs === undefined ? {} : { sliceMs });
  const t2 = performance.now();
  // Long-task entries arrive after the task ends.
  await new Promise((r) => setTimeout(r, 60));
  const during = longTasks.filter((t) => t.start + t.duration > t1 && t.start < t2);
  const methods: Record<string, number> = {};
  let orphaned = 0;
  let misplaced = 0;
  const byPos = [...saved].sort(
    (a, b) => (a.selectors[1] as { start: number }).start - (b.selectors[1] as { start: number }).start,
  );
  for (const s of byPos) {
    const m = result.get(s.id) ?? null;
    if (m) methods[m.method] = (methods[m.method] ?? 0) + 1;
    const verdict = judge(s, m, index);
    if (verdict === 'orphaned') orphaned++;
    if (verdict === 'misplaced') {
      misplaced++;
      if (misplaced <= 5) {
        const first = index.nodes.findIndex((n) => s.block.contains(n));
        const truth = (index.starts[first] as number) + s.inBlock;
        const pos = s.selectors[1] as { start: number };
        console.log(
          JSON.stringify({
            id: s.id,
            m,
            truth,
            old: pos.start,
            edited: edited.has(s.block),
            quote: s.quote.slice(0, 40),
            got: m ? index.text.slice(m.start, m.end).slice(0, 40) : null,
          }),
        );
      }
    }
  }
  return {
    indexMs: t1 - t0,
    anchorMs: t2 - t1,
    methods,
    orphaned,
    misplaced,
    longTasks: during.filter((t) => t.duration > 50).length,
    longestTaskMs: during.reduce((a, t) => Math.max(a, t.duration), 0),
  };
}
