// The checks of /work/shared/tools/score-extraction.mjs, in TypeScript, so the
// fixture tests judge the extractor exactly as the shared scorer does.

export interface Expected {
  url: string;
  site?: string;
  interview?: boolean;
  title?: string;
  author?: string;
  publication?: string;
  published?: string;
  subject?: Record<string, string>;
  facts?: Record<string, string>;
  questions?: ExpectedQuestion[];
  notQuestions?: string[];
  notInAnyAnswer?: string[];
}

export interface ExpectedQuestion {
  question: string;
  subQuestions?: string[];
  answerStartsWith?: string;
  answerEndsWith?: string;
  answerContains?: string[];
  answerOnce?: string[];
  answerHeadings?: string[];
  answerListItems?: number;
  answerSpeakers?: string[];
}

export const norm = (s: unknown): string =>
  String(s ?? '')
    .normalize('NFC')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
export const normQ = (s: unknown): string => norm(s).replace(/\s*:$/, '');

interface ViewBlock {
  kind: unknown;
  text: string;
  speaker: string | null;
}
interface ViewSection {
  question: string;
  subQuestions: string[];
  blocks: ViewBlock[];
  text: string;
}
export interface View {
  got: Record<string, unknown>;
  sections: ViewSection[];
  facts: { label: string; value: string }[];
}

const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const show = (x: unknown): string => JSON.stringify(x);
type Rec = Record<string, unknown>;
const rec = (x: unknown): Rec => (x && typeof x === 'object' ? (x as Rec) : {});

/** The extractor's output, read leniently (as the scorer does). */
export function view(output: unknown): View {
  const got = rec(output);
  const sections = list(got.sections).map((raw) => {
    const s = rec(raw);
    const blocks = list(s.answer).map((rb) => {
      const b = rec(rb);
      return { kind: b.kind, text: norm(b.text), speaker: b.speaker ? norm(b.speaker) : null };
    });
    return {
      question: normQ(s.question),
      subQuestions: list(s.subQuestions).map(normQ),
      blocks,
      text: norm(blocks.map((b) => b.text).join(' ')),
    };
  });
  let facts: unknown = got.facts;
  if (facts && !Array.isArray(facts) && typeof facts === 'object')
    facts = Object.entries(facts).map(([label, value]) => ({ label, value }));
  return {
    got,
    sections,
    facts: list(facts).map((f) => ({ label: normQ(rec(f).label), value: norm(rec(f).value) })),
  };
}

/** true when the check passes, else a reason. */
export type Outcome = true | string;
export interface Check {
  description: string;
  test: (v: View) => Outcome;
}

export function checksFor(exp: Expected): Check[] {
  const c: Check[] = [];
  const add = (description: string, test: (v: View) => Outcome | boolean): void => {
    c.push({
      description,
      test: (v) => {
        const r = test(v);
        return r === false ? 'failed' : r;
      },
    });
  };
  for (const key of ['site', 'interview', 'title', 'author', 'publication', 'published'] as const) {
    if (key in exp)
      add(
        `${key} is ${show(exp[key])}`,
        (v) => norm(v.got[key]) === norm(exp[key]) || `got ${show(v.got[key])}`,
      );
  }
  for (const [k, val] of Object.entries(exp.subject ?? {})) {
    add(
      `subject.${k} is ${show(val)}`,
      (v) => norm(rec(v.got.subject)[k]) === norm(val) || `got ${show(rec(v.got.subject)[k])}`,
    );
  }
  const expFacts = Object.entries(exp.facts ?? {});
  for (const [k, val] of expFacts) {
    add(
      `fact ${show(k)} is ${show(val)}`,
      (v) =>
        v.facts.find((f) => f.label === normQ(k))?.value === norm(val) ||
        `got ${show(v.facts.find((f) => f.label === normQ(k))?.value)}`,
    );
  }
  if (expFacts.length > 1) {
    add('facts in page order', (v) => {
      const order = v.facts.map((f) => f.label).filter((l) => expFacts.some(([k]) => normQ(k) === l));
      return (
        show(order) === show(expFacts.map(([k]) => normQ(k)).filter((l) => order.includes(l))) ||
        `got ${show(order)}`
      );
    });
  }
  if (exp.questions) {
    const expQs = exp.questions.map((q) => normQ(q.question));
    add(
      `${expQs.length} questions`,
      (v) =>
        v.sections.length === expQs.length ||
        `got ${v.sections.length}: ${show(v.sections.map((s) => s.question))}`,
    );
    if (expQs.length > 1) {
      add('questions in page order', (v) => {
        const got = v.sections.map((s) => s.question).filter((q) => expQs.includes(q));
        return (
          (got.length > 1 && show(got) === show(expQs.filter((q) => got.includes(q)))) || `got ${show(got)}`
        );
      });
    }
  }
  for (const q of exp.questions ?? []) {
    const Q = normQ(q.question);
    const about = `question ${show(q.question)}`;
    const sec = (v: View): ViewSection | undefined => v.sections.find((s) => s.question === Q);
    add(`${about} is extracted`, (v) => !!sec(v));
    const on = (desc: string, test: (s: ViewSection) => Outcome | boolean): void =>
      add(`${about}: ${desc}`, (v) => {
        const s = sec(v);
        return s ? test(s) : 'question missing';
      });
    on(
      `subQuestions ${show(q.subQuestions ?? [])}`,
      (s) =>
        show(s.subQuestions) === show((q.subQuestions ?? []).map(normQ)) || `got ${show(s.subQuestions)}`,
    );
    if (q.answerStartsWith !== undefined) {
      const t = norm(q.answerStartsWith);
      on(`answer starts ${show(t)}`, (s) => s.text.startsWith(t) || `starts ${show(s.text.slice(0, 80))}`);
    }
    if (q.answerEndsWith !== undefined) {
      const t = norm(q.answerEndsWith);
      on(`answer ends ${show(t)}`, (s) => s.text.endsWith(t) || `ends ${show(s.text.slice(-80))}`);
    }
    for (const t of q.answerContains ?? []) on(`answer contains ${show(t)}`, (s) => s.text.includes(norm(t)));
    for (const t of q.answerOnce ?? [])
      on(
        `answer holds ${show(t)} exactly once`,
        (s) => s.text.split(norm(t)).length === 2 || `found ${s.text.split(norm(t)).length - 1} times`,
      );
    if (q.answerHeadings) {
      const want = q.answerHeadings.map(norm);
      on(`headings ${show(want)}`, (s) => {
        const h = s.blocks.filter((b) => b.kind === 'heading').map((b) => b.text);
        return show(h) === show(want) || `got ${show(h)}`;
      });
    }
    if (q.answerListItems !== undefined) {
      const n0 = q.answerListItems;
      on(`${n0} list items`, (s) => {
        const n = s.blocks.filter((b) => b.kind === 'list-item').length;
        return n === n0 || `got ${n}`;
      });
    }
    if (q.answerSpeakers) {
      const want = q.answerSpeakers.map(norm);
      on(`speakers ${show(want)}`, (s) => {
        const sp = [...new Set(s.blocks.map((b) => b.speaker).filter(Boolean))];
        return show(sp) === show(want) || `got ${show(sp)}`;
      });
    }
  }
  for (const nq of exp.notQuestions ?? [])
    add(`${show(nq)} is not a question`, (v) => !v.sections.some((s) => s.question === normQ(nq)));
  for (const t of exp.notInAnyAnswer ?? [])
    add(`no answer holds ${show(t)}`, (v) => !v.sections.some((s) => s.text.includes(norm(t))));
  return c;
}
