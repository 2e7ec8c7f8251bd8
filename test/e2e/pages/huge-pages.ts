// Huge interview-shaped pages for the real-browser tests, made at run time
// (never committed): a ~20 MB Medium interview with long answers, and one with
// 100,000 short paragraphs. The words come from a seeded generator, so every
// paragraph differs (a quote is unique on the page) and runs repeat.

import { seededRandom } from '../../../src/store/generate';

export interface HugePage {
  html: string;
  /** The question headings, in page order. */
  questions: string[];
  /** A sentence from the page's last answer, unique on the page: the quote the tests save. */
  lateQuote: string;
}

const WORDS = (
  'team people pinterest engineering machine learning model data science product users advertisers ' +
  'infrastructure growth career mentor impact scale latency ranking signal quality experiment launch ' +
  'review design system service platform mobile web search discovery inspiration journey culture ' +
  'collaboration feedback ownership hiring interview manager leader project roadmap metric'
).split(' ');

function sentence(rnd: () => number, words: number, tag: string): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(rnd() * WORDS.length)]!);
  out[0] = out[0]!.charAt(0).toUpperCase() + out[0]!.slice(1);
  // The tag makes each sentence unique even where the random words repeat.
  return `${out.join(' ')} ${tag}.`;
}

function head(title: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${title} | by Pinterest Engineering | Pinterest Engineering Blog | Medium</title>
<meta property="og:site_name" content="Medium">
<meta property="og:type" content="article">
<meta property="og:title" content="${title}">
<meta property="article:published_time" content="2024-05-01T10:00:00.000Z">
<meta name="author" content="Pinterest Engineering">
<meta name="twitter:site" content="@Medium">
</head><body><article><div><section>
<h1 data-testid="storyTitle">${title}</h1>
<p><em>An interview with Ada Example | Pinterest Staff Engineer</em></p>
<p>At Pinterest we sat down with Ada Example to hear about the engineering career she loves.</p>
`;
}

const TAIL = '</section></div></article></body></html>';

export interface HugePageOptions {
  questions: number;
  paragraphsPerAnswer: number;
  sentencesPerParagraph: number;
  seed?: number;
}

export function interviewPage(title: string, opts: HugePageOptions): HugePage {
  const rnd = seededRandom(opts.seed ?? 1);
  const parts = [head(title)];
  const questions: string[] = [];
  let lateQuote = '';
  for (let q = 0; q < opts.questions; q++) {
    const question = `What did you learn in your year number ${q + 1} on the team?`;
    questions.push(question);
    parts.push(`<h1>${question}</h1>\n`);
    for (let p = 0; p < opts.paragraphsPerAnswer; p++) {
      const sentences: string[] = [];
      for (let s = 0; s < opts.sentencesPerParagraph; s++)
        sentences.push(sentence(rnd, 8 + Math.floor(rnd() * 8), `q${q}p${p}s${s}`));
      parts.push(`<p>${sentences.join(' ')}</p>\n`);
      if (q === opts.questions - 1 && p === opts.paragraphsPerAnswer - 2) lateQuote = sentences[0]!;
    }
  }
  parts.push(TAIL);
  return { html: parts.join(''), questions, lateQuote };
}

/** About 20 MB of HTML: 40 questions, each with 500 paragraphs of about a thousand characters. */
export function twentyMegabytePage(): HugePage {
  return interviewPage('Twenty megabytes of answers', {
    questions: 40,
    paragraphsPerAnswer: 500,
    sentencesPerParagraph: 10,
  });
}

/** 100,000 short paragraphs: 100 questions with 1,000 one-sentence paragraphs each. */
export function hundredThousandParagraphs(): HugePage {
  return interviewPage('A hundred thousand paragraphs', {
    questions: 100,
    paragraphsPerAnswer: 1000,
    sentencesPerParagraph: 1,
    seed: 2,
  });
}
