import type { Article, Highlight } from '../../src/types';
import { groupByQuestion } from '../../src/order';
import { words } from '../../src/store/words';

export interface Theme {
  id: string;
  label: string;
  /** Word prefixes or phrases (several words); a question matches when it holds any. */
  keywords: string[];
}

// Interviews ask the same few things in many wordings; these sets cover the
// wordings seen on the Pinterest blog and careers profiles and in common Q&As.
export const THEMES: readonly Theme[] = [
  {
    id: 'joining',
    label: 'Joining / why this company',
    keywords: [
      'join',
      'why pinterest',
      'why did you',
      'what led you',
      'what brought you',
      'drew you',
      'attract',
      'decide',
      'choose',
      'chose',
      'first day',
      'came to',
    ],
  },
  {
    id: 'interview-process',
    label: 'Interview process',
    keywords: ['interview', 'hiring', 'recruit', 'apply', 'application', 'onsite', 'prepare for'],
  },
  {
    id: 'advice',
    label: 'Advice',
    keywords: [
      'advice',
      'advise',
      'tip',
      'recommend',
      'someone starting',
      'aspiring',
      'younger self',
      'lesson',
      'learned',
      'would you tell',
    ],
  },
  {
    id: 'career-growth',
    label: 'Career growth',
    keywords: [
      'career',
      'grow',
      'growth',
      'promot',
      'mentor',
      'manager',
      'leader',
      'develop',
      'path',
      'journey',
      'transition',
    ],
  },
  {
    id: 'team-and-work',
    label: 'Team and work',
    keywords: [
      'team',
      'work on',
      'working on',
      'day to day',
      'typical day',
      'project',
      'role',
      'responsib',
      'proud',
      'challenge',
      'culture',
    ],
  },
];

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
