// Compare's columns: every interview's saved answers under the questions of
// one group (question-groups.ts), or under questions holding the reader's own
// words.

import { clipPlainText, clipView } from '../../src/clip';
import { groupByQuestion } from '../../src/order';
import { words } from '../../src/store/words';
import type { Article, Highlight } from '../../src/types';
import type { Pause, QuestionItem } from './question-groups';

export interface Theme {
  id: string;
  label: string;
  /** Word prefixes or phrases (several words); a question matches when it holds any. */
  keywords: string[];
}

/** A reader's own theme: every word in the text is a keyword. */
export function freeTheme(text: string): Theme {
  return { id: 'free', label: text.trim(), keywords: words(text) };
}

/**
 * True when a keyword occurs in the question: every word of the keyword, in
 * order and adjacent, each a prefix of a question word ("join" finds
 * "joining"; "why pinterest" finds "Why Pinterest?").
 */
export function questionMatches(question: string, theme: Theme): boolean {
  const qWords = words(question);
  for (const kw of theme.keywords) {
    const k = words(kw);
    if (k.length === 0) continue;
    for (let i = 0; i + k.length <= qWords.length; i++) {
      let ok = true;
      for (let j = 0; j < k.length; j++) {
        if (!qWords[i + j]!.startsWith(k[j]!)) {
          ok = false;
          break;
        }
      }
      if (ok) return true;
    }
  }
  return false;
}

export interface CompareEntry {
  /** Set for a question in a group: what a move names. */
  key?: string;
  question: string;
  highlights: Highlight[];
}

export interface CompareColumn {
  article: Article;
  entries: CompareEntry[];
}

/** One column per interview holding highlights under questions of the theme; columns in the given article order. */
export function compareByTheme(
  articleOrder: readonly Article[],
  highlightsByArticle: ReadonlyMap<string, readonly Highlight[]>,
  theme: Theme,
): CompareColumn[] {
  if (theme.keywords.length === 0) return [];
  const cols: CompareColumn[] = [];
  for (const article of articleOrder) {
    const hs = highlightsByArticle.get(article.key);
    if (!hs || hs.length === 0) continue;
    const entries: CompareEntry[] = [];
    for (const g of groupByQuestion(article, hs)) {
      if (g.question !== null && questionMatches(g.question, theme)) {
        entries.push({ question: g.question, highlights: g.highlights });
      }
    }
    if (entries.length > 0) cols.push({ article, entries });
  }
  return cols;
}

/** A question of one interview with the highlights saved under it. */
export interface CompareQuestion {
  /** The interview's key, '#', the question's section key: what the reader's moves name. */
  key: string;
  article: Article;
  question: string;
  highlights: Highlight[];
}

/** Every question holding highlights, interview by interview in the given order. */
export function compareQuestions(
  articleOrder: readonly Article[],
  highlightsByArticle: ReadonlyMap<string, readonly Highlight[]>,
): CompareQuestion[] {
  const out: CompareQuestion[] = [];
  for (const article of articleOrder) {
    const hs = highlightsByArticle.get(article.key);
    if (!hs || hs.length === 0) continue;
    for (const g of groupByQuestion(article, hs)) {
      if (g.question === null) continue;
      out.push({ key: `${article.key}#${g.key}`, article, question: g.question, highlights: g.highlights });
    }
  }
  return out;
}

/** compareQuestions, handing control back through `pause` between interviews. */
export async function compareQuestionsSliced(
  articleOrder: readonly Article[],
  highlightsByArticle: ReadonlyMap<string, readonly Highlight[]>,
  pause: Pause,
): Promise<CompareQuestion[]> {
  const out: CompareQuestion[] = [];
  for (let i = 0; i < articleOrder.length; i += 32) {
    await pause();
    out.push(...compareQuestions(articleOrder.slice(i, i + 32), highlightsByArticle));
  }
  return out;
}

/** What grouping reads of a question: its text, the sub-questions and the words of the answers saved under it. */
export function questionItem(q: CompareQuestion): QuestionItem {
  const subs = new Set<string>();
  const answer: string[] = [];
  let length = 0;
  for (const h of q.highlights) {
    // Grouping reads an answer's first words only (question-groups.ts): past them, only sub-questions count.
    if (length >= ANSWER_CHARS && !h.subQuestions?.length) continue;
    const v = clipView(h);
    for (const s of v.subQuestions) subs.add(s);
    if (length < ANSWER_CHARS) {
      const text = clipPlainText(v);
      answer.push(text);
      length += text.length;
    }
  }
  return { key: q.key, question: q.question, subQuestions: [...subs], answer: answer.join('\n') };
}

const ANSWER_CHARS = 2000;

/** questionItem for every question, handing control back through `pause` now and then. */
export async function questionItems(
  questions: readonly CompareQuestion[],
  pause: Pause,
): Promise<QuestionItem[]> {
  const out: QuestionItem[] = [];
  for (let i = 0; i < questions.length; i++) {
    if ((i & 63) === 0) await pause();
    out.push(questionItem(questions[i]!));
  }
  return out;
}

/** One column per interview holding questions of the group; columns in the questions' order. */
export function columnsFor(
  questions: readonly CompareQuestion[],
  keys: ReadonlySet<string>,
): CompareColumn[] {
  const cols: CompareColumn[] = [];
  let last: CompareColumn | null = null;
  for (const q of questions) {
    if (!keys.has(q.key)) continue;
    if (last?.article.key !== q.article.key) {
      last = { article: q.article, entries: [] };
      cols.push(last);
    }
    last.entries.push({ key: q.key, question: q.question, highlights: q.highlights });
  }
  return cols;
}
