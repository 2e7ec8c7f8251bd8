// Questions across interviews put together by what they ask. A question a
// kind claims (question-kinds.ts) goes to that kind; the rest are clustered by
// TF-IDF similarity of their words (question twice, sub-questions and answer
// once), so "Wie gelingt das konkret?" sits with the other questions about
// sustainability because its answer talks about it. A question like no other
// goes to "Other questions". The reader's renames and moves come last.

import type { CompareGroups } from '../../src/types';
import { askedPart, contentStems, detectLang, KINDS, kindOf, type Lang } from './question-kinds';
import { words } from '../../src/store/words';

export interface QuestionItem {
  /** Stable across visits: the interview's key and the question's section key. */
  key: string;
  question: string;
  subQuestions: readonly string[];
  /** The words of the saved answer: quotes and answer blocks under the question. */
  answer: string;
}

export type GroupSource = 'kind' | 'topic' | 'other';

export interface QuestionGroupInfo {
  id: string;
  /** The reader's name when they gave one, else the kind's label or the topic's top words. */
  label: string;
  /** The name grouping would give it, for "reset name". */
  defaultLabel: string;
  source: GroupSource;
  keys: string[];
}

export const OTHER_GROUP = 'other';
export const NO_OVERRIDES: CompareGroups = { names: {}, moves: {} };

const SIMILAR = 0.15;
const TOP_TERMS = 30;
const ANSWER_WORDS = 300;
/** An answer's first characters are enough to tell what it is about, and bound the work per question. */
const ANSWER_CHARS = 2000;
/** A centroid keeps its strongest terms only, so a large cluster does not reach every question. */
const CENTROID_MAX = 400;
const ANSWER_WEIGHT = 1;
const MERGE = 0.18;
const MERGE_PASSES = 4;
const SMALL = 0.7;
/** A question like no cluster's leader may still sit with the cluster it is closest to. */
const ATTACH = 0.08;

interface Vec {
  terms: string[];
  weights: number[];
}

/** Hands control back now and then, so grouping a large library never holds the page for long. */
export type Pause = () => Promise<void> | undefined;

const noPause: Pause = () => undefined;

/** Calls pause about every `everyMs` of work; never in between. */
export function pauseEvery(everyMs: number, yieldNow: () => Promise<void>): Pause {
  let since = performance.now();
  return () => {
    const now = performance.now();
    if (now - since < everyMs) return undefined;
    return yieldNow().then(() => {
      since = performance.now();
    });
  };
}

function bagOf(
  item: QuestionItem,
  lang: Lang,
  surfaces: Map<string, Map<string, number>>,
): Map<string, number> {
  const bag = new Map<string, number>();
  const add = (text: string, w: number, remember: boolean) => {
    // Terms carry their language: "final" in Spanish is not "final" in English.
    for (const s of contentStems(text, lang)) bag.set(`${lang}:${s}`, (bag.get(`${lang}:${s}`) ?? 0) + w);
    if (remember) {
      for (const raw of text.match(/[\p{L}][\p{L}\p{M}'’-]*/gu) ?? []) {
        const ws = words(raw);
        if (ws.length !== 1) continue;
        const first = contentStems(ws[0]!, lang)[0];
        if (!first) continue;
        const st = `${lang}:${first}`;
        let m = surfaces.get(st);
        if (!m) surfaces.set(st, (m = new Map()));
        m.set(raw, (m.get(raw) ?? 0) + 1);
      }
    }
  };
  add(item.question, 2, true);
  for (const s of item.subQuestions) add(s, 1, true);
  const answer = item.answer.slice(0, ANSWER_CHARS).split(/\s+/, ANSWER_WORDS).join(' ');
  add(answer, ANSWER_WEIGHT, false);
  return bag;
}

async function tfidf(bags: readonly Map<string, number>[], pause: Pause): Promise<Vec[]> {
  const df = new Map<string, number>();
  for (let i = 0; i < bags.length; i++) {
    if ((i & 255) === 0) await pause();
    for (const t of bags[i]!.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const n = bags.length;
  const maxDf = Math.max(2, n * 0.5);
  const out: Vec[] = [];
  for (let i = 0; i < bags.length; i++) {
    if ((i & 127) === 0) await pause();
    out.push(vecOf(bags[i]!, df, n, maxDf));
  }
  return out;
}

function vecOf(b: Map<string, number>, df: Map<string, number>, n: number, maxDf: number): Vec {
  {
    const scored: [string, number][] = [];
    for (const [t, tf] of b) {
      const d = df.get(t)!;
      if (d < 2 || d > maxDf) continue;
      scored.push([t, (1 + Math.log(tf)) * Math.log(n / d)]);
    }
    scored.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
    const top = scored.slice(0, TOP_TERMS);
    const norm = Math.hypot(...top.map((x) => x[1])) || 1;
    return { terms: top.map((x) => x[0]), weights: top.map((x) => x[1] / norm) };
  }
}

/** Drops a centroid's weakest terms once it holds too many; the norm is worked out again. */
function prune(c: Cluster): void {
  if (c.centroid.size > CENTROID_MAX * 2) {
    const kept = [...c.centroid.entries()].sort((a, b) => b[1] - a[1]).slice(0, CENTROID_MAX);
    c.centroid = new Map(kept);
  }
  let sq = 0;
  for (const w of c.centroid.values()) sq += w * w;
  c.norm = Math.sqrt(sq);
}

interface Cluster {
  leader: number;
  members: number[];
  centroid: Map<string, number>;
  norm: number;
}

/**
 * Leader clustering over an inverted index: each question joins the cluster
 * whose centroid is most similar (cosine at least SIMILAR), else starts one.
 */
async function cluster(vecs: readonly Vec[], pause: Pause): Promise<Cluster[]> {
  const clusters: Cluster[] = [];
  const postings = new Map<string, number[]>();
  for (let i = 0; i < vecs.length; i++) {
    if ((i & 63) === 0) await pause();
    const v = vecs[i]!;
    if (v.terms.length === 0) {
      clusters.push({ leader: i, members: [i], centroid: new Map(), norm: 0 });
      continue;
    }
    const dots = new Map<number, number>();
    for (let k = 0; k < v.terms.length; k++) {
      const list = postings.get(v.terms[k]!);
      if (!list) continue;
      for (const c of list) {
        const w = clusters[c]!.centroid.get(v.terms[k]!);
        if (w !== undefined) dots.set(c, (dots.get(c) ?? 0) + w * v.weights[k]!);
      }
    }
    let best = -1;
    let bestSim = SIMILAR;
    for (const [c, dot] of dots) {
      const sim = dot / clusters[c]!.norm;
      if (sim >= bestSim) {
        best = c;
        bestSim = sim;
      }
    }
    let target: Cluster;
    if (best < 0) {
      best = clusters.length;
      target = { leader: i, members: [], centroid: new Map(), norm: 0 };
      clusters.push(target);
    } else target = clusters[best]!;
    target.members.push(i);
    for (let k = 0; k < v.terms.length; k++) {
      const t = v.terms[k]!;
      const had = target.centroid.get(t);
      if (had === undefined) {
        let list = postings.get(t);
        if (!list) postings.set(t, (list = []));
        list.push(best);
      }
      target.centroid.set(t, (had ?? 0) + v.weights[k]!);
    }
    prune(target);
  }
  return mergeClusters(clusters, pause);
}

function cosine(a: Cluster, b: Cluster): number {
  let dot = 0;
  const [small, big] = a.centroid.size < b.centroid.size ? [a, b] : [b, a];
  for (const [t, w] of small.centroid) {
    const x = big.centroid.get(t);
    if (x !== undefined) dot += w * x;
  }
  return a.norm && b.norm ? dot / (a.norm * b.norm) : 0;
}

/**
 * Leader clustering splits a topic whose questions came in an unlucky order:
 * clusters whose centroids are alike are merged, a few passes over an
 * inverted index of their terms.
 */
async function mergeClusters(clusters: Cluster[], pause: Pause): Promise<Cluster[]> {
  let live = clusters.filter((c) => c.members.length > 0);
  for (let pass = 0; pass < MERGE_PASSES; pass++) {
    const postings = new Map<string, number[]>();
    live.forEach((c, i) => {
      for (const t of c.centroid.keys()) {
        let list = postings.get(t);
        if (!list) postings.set(t, (list = []));
        list.push(i);
      }
    });
    const gone = new Set<number>();
    let merged = false;
    for (let i = 0; i < live.length; i++) {
      if ((i & 15) === 0) await pause();
      if (gone.has(i)) continue;
      const a = live[i]!;
      const seen = new Set<number>();
      let best = -1;
      let bestSim = 0;
      for (const t of a.centroid.keys()) {
        for (const j of postings.get(t) ?? []) {
          if (j === i || gone.has(j) || seen.has(j)) continue;
          seen.add(j);
          const sim = cosine(a, live[j]!);
          // A pair's centroid is noisy: it joins a larger cluster on less likeness.
          const needed = Math.min(a.members.length, live[j]!.members.length) <= 2 ? MERGE * SMALL : MERGE;
          if (sim >= needed && sim > bestSim) {
            best = j;
            bestSim = sim;
          }
        }
      }
      if (best < 0) continue;
      const b = live[best]!;
      b.members.push(...a.members);
      if (a.leader < b.leader) b.leader = a.leader;
      for (const [t, w] of a.centroid) b.centroid.set(t, (b.centroid.get(t) ?? 0) + w);
      prune(b);
      gone.add(i);
      merged = true;
    }
    live = live.filter((_, i) => !gone.has(i));
    if (!merged) break;
  }
  const groups = live.filter((c) => c.members.length > 1);
  const postings = new Map<string, Cluster[]>();
  for (const g of groups) {
    for (const t of g.centroid.keys()) {
      let list = postings.get(t);
      if (!list) postings.set(t, (list = []));
      list.push(g);
    }
  }
  let n = 0;
  for (const single of live.filter((c) => c.members.length === 1)) {
    if ((n++ & 63) === 0) await pause();
    let best: Cluster | null = null;
    let bestSim = ATTACH;
    const near = new Set<Cluster>();
    for (const t of single.centroid.keys()) for (const g of postings.get(t) ?? []) near.add(g);
    for (const g of near) {
      const sim = cosine(single, g);
      if (sim >= bestSim) {
        best = g;
        bestSim = sim;
      }
    }
    if (best) {
      best.members.push(...single.members);
      single.members = [];
    }
  }
  return live.filter((c) => c.members.length > 0);
}

function topicLabel(c: Cluster, surfaces: Map<string, Map<string, number>>): string {
  const top = [...c.centroid.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 3)
    .map(([stem]) => {
      const forms = surfaces.get(stem);
      if (!forms) return stem.slice(stem.indexOf(':') + 1);
      return [...forms.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    });
  return top.join(', ');
}

/**
 * Every question in one group: kinds first (in their order), then topics
 * (largest first), then the questions like no other. `pause` is awaited now
 * and then so a caller on the page can give the browser its turn.
 */
export async function groupQuestions(
  items: readonly QuestionItem[],
  overrides: CompareGroups = NO_OVERRIDES,
  pause: Pause = noPause,
): Promise<QuestionGroupInfo[]> {
  const sorted = [...items].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const byKind = new Map<string, string[]>();
  const rest: QuestionItem[] = [];
  const langs: Lang[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if ((i & 7) === 0) await pause();
    const item = sorted[i]!;
    const { asked, lead } = askedPart(item.question);
    const lang = detectLang([
      ...words(asked),
      ...words(lead),
      ...words(item.answer.slice(0, 2000)).slice(0, 200),
    ]);
    const k = kindOf(item, lang).kind;
    if (k) {
      let list = byKind.get(k.id);
      if (!list) byKind.set(k.id, (list = []));
      list.push(item.key);
    } else {
      rest.push(item);
      langs.push(lang);
    }
  }
  const surfaces = new Map<string, Map<string, number>>();
  const bags: Map<string, number>[] = [];
  for (let i = 0; i < rest.length; i++) {
    if ((i & 15) === 0) await pause();
    bags.push(bagOf(rest[i]!, langs[i]!, surfaces));
  }
  await pause();
  const vecs = await tfidf(bags, pause);
  const clusters = await cluster(vecs, pause);

  const groups: QuestionGroupInfo[] = KINDS.map((k) => ({
    id: k.id,
    label: k.label,
    defaultLabel: k.label,
    source: 'kind' as const,
    keys: byKind.get(k.id) ?? [],
  }));
  const other: QuestionGroupInfo = {
    id: OTHER_GROUP,
    label: 'Other questions',
    defaultLabel: 'Other questions',
    source: 'other',
    keys: [],
  };
  const topics: QuestionGroupInfo[] = [];
  for (const c of clusters) {
    if (c.members.length < 2) {
      other.keys.push(rest[c.leader]!.key);
      continue;
    }
    const label = topicLabel(c, surfaces);
    topics.push({
      id: `topic:${rest[c.leader]!.key}`,
      label,
      defaultLabel: label,
      source: 'topic',
      keys: c.members.map((m) => rest[m]!.key),
    });
  }
  topics.sort((a, b) => b.keys.length - a.keys.length || (a.id < b.id ? -1 : 1));
  const all = [...groups, ...topics, other];
  return applyOverrides(all, overrides);
}

/** The reader's moves and names over the computed groups; a move to a group that is gone is ignored. */
export function applyOverrides(
  groups: readonly QuestionGroupInfo[],
  overrides: CompareGroups,
): QuestionGroupInfo[] {
  const byId = new Map(groups.map((g) => [g.id, { ...g, keys: [...g.keys] }]));
  const moves = Object.entries(overrides.moves);
  if (moves.length > 0) {
    const moved = new Map(moves.filter(([, to]) => byId.has(to)));
    for (const g of byId.values()) g.keys = g.keys.filter((k) => !moved.has(k) || moved.get(k) === g.id);
    const present = new Set([...byId.values()].flatMap((g) => g.keys));
    // Only questions that exist are moved in: a move outlives the question it named.
    const known = new Set(groups.flatMap((g) => g.keys));
    for (const [key, to] of moved) {
      if (known.has(key) && !present.has(key)) byId.get(to)!.keys.push(key);
    }
  }
  for (const g of byId.values()) {
    const name = overrides.names[g.id];
    if (name !== undefined && name.trim() !== '') g.label = name.trim();
  }
  return [...byId.values()];
}

/** The group a question is in, by key. */
export function groupOfKey(groups: readonly QuestionGroupInfo[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const g of groups) for (const k of g.keys) m.set(k, g.id);
  return m;
}
