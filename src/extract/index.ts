// page → Interview. Pure DOM code: no extension API, runs on the live page and
// in Node (happy-dom) alike, and never modifies the document it reads.

import type { Block, Interview, Site, Subject } from '../types';
import { collectBlocks, type RawBlock } from './blocks';
import { authorLine } from './editorial';
import { type HeadMeta, notUrl, readHeadMeta, resolveUrl, toIsoDate, withJsonLd } from './metadata';
import type { PromptContext } from './prompts';
import { findQuestions } from './questions';
import { findArticleRoot } from './root';
import { assemble, isStrayLabel, plainBlocks } from './sections';
import { profileFor, type SiteReading } from './sites';
import { readSpeakers } from './speakers';
import {
  markedPerson,
  nameFromTitle,
  readFacts,
  type SubjectClues,
  subjectFromFacts,
  subjectFromProse,
  subjectFromSpeakers,
  subjectFromText,
} from './subject';
import { collapse } from './text';
import { IGNORE, type Verdict, type VerdictSink, Verdicts } from './verdicts';

export { findArticleRoot, textLength } from './root';
export { sectionIdFor } from './text';

/** Which site the page belongs to: the Pinterest Engineering Blog, Life at Pinterest, or generic. */
export function detectSite(document: Document, url: string): Site {
  try {
    return profileFor(document, url, readHeadMeta(document)).site;
  } catch {
    return 'generic';
  }
}

/** How far into the article the title heading may stand for what precedes it to count as chrome. */
const TITLE_SEARCH = 15;

function findTitle(meta: HeadMeta, blocks: RawBlock[]): string {
  const fromMeta = meta.meta.get('og:title') ?? meta.ld.headline ?? meta.meta.get('twitter:title');
  if (fromMeta) return collapse(fromMeta);
  const h1 = blocks.find((b) => b.kind === 'heading' && b.level === 1);
  if (h1) return h1.text;
  return collapse(meta.title ?? '').replace(/\s+[|–—-]\s+[^|–—-]+$/, '');
}

/** Where the article's own title heading stands: what stands before it is kicker and chrome. */
function titleIndex(blocks: RawBlock[], title: string): number {
  const t = title.toLowerCase();
  return blocks.slice(0, TITLE_SEARCH).findIndex((b) => b.kind === 'heading' && b.text.toLowerCase() === t);
}

/** The lower-cased words of the names a publication gives itself: its label before a question is the interviewer's. */
function publicationWords(meta: HeadMeta): Set<string> {
  const names = [
    meta.meta.get('og:site_name'),
    meta.ld.publisher,
    meta.meta.get('application-name'),
    meta.title,
  ];
  const words = new Set<string>();
  for (const n of names)
    for (const w of (n ?? '').toLowerCase().split(/[\s,.;:|/()[\]–—-]+/)) if (w.length >= 2) words.add(w);
  return words;
}

function firstOf(...values: (string | null | undefined)[]): string | null {
  for (const v of values) if (v && v.trim() !== '') return collapse(v);
  return null;
}

function metadata(
  document: Document,
  url: string,
  meta: HeadMeta,
  reading: SiteReading | undefined,
  datetime: string | null,
) {
  const byline = reading?.byline(document) ?? {};
  const m = (k: string): string | undefined => meta.meta.get(k);
  const siteName = m('og:site_name');
  return {
    canonicalUrl: resolveUrl(meta.canonical, url) ?? resolveUrl(m('og:url'), url),
    author: firstOf(
      meta.ld.author,
      notUrl(m('author')),
      byline.author,
      notUrl(m('article:author')),
      m('parsely-author'),
      m('dc.creator'),
    ),
    publication: firstOf(
      meta.ld.publisher && !/^medium$/i.test(meta.ld.publisher) ? meta.ld.publisher : null,
      byline.publication,
      siteName && !/^medium$/i.test(siteName) ? siteName : null,
    ),
    published:
      toIsoDate(m('article:published_time')) ??
      toIsoDate(meta.ld.published) ??
      toIsoDate(m('og:published_time') ?? m('date') ?? m('pubdate') ?? m('dc.date') ?? m('publish-date')) ??
      toIsoDate(byline.published) ??
      toIsoDate(datetime),
  };
}

/** How far into the article an author line is looked for at either end. */
const AUTHOR_REACH = 25;

function firstAuthorLine(blocks: RawBlock[]): string | null {
  const ends = [
    ...blocks.slice(0, AUTHOR_REACH),
    ...blocks.slice(Math.max(AUTHOR_REACH, blocks.length - AUTHOR_REACH)),
  ];
  for (const b of ends) {
    const name = b.kind === 'paragraph' ? authorLine(b.text) : null;
    if (name !== null) return name;
  }
  return null;
}

function mergeSubject(...parts: Subject[]): Subject {
  const out: Subject = {};
  for (const p of parts) {
    for (const k of ['name', 'role', 'team', 'location', 'tenure'] as const) {
      if (out[k] === undefined && p[k]) out[k] = p[k];
    }
  }
  return out;
}

function emptyInterview(url: string): Interview {
  return {
    url,
    canonicalUrl: null,
    site: 'generic',
    interview: false,
    title: '',
    author: null,
    publication: null,
    published: null,
    subject: {},
    facts: [],
    intro: [],
    sections: [],
  };
}

/** Reads the page's Q&A and metadata. Never throws: a page it cannot read is simply not an interview. */
export function extractInterview(document: Document, url: string): Interview {
  try {
    return extract(document, url, IGNORE);
  } catch {
    return emptyInterview(url);
  }
}

/** One block of the article as the extractor read it (for `--explain`). */
export interface ExplainedBlock {
  kind: RawBlock['kind'];
  level: number;
  text: string;
  verdict: Verdict;
}

/** The interview, and what each block of the article was taken for and why. */
export function explainInterview(
  document: Document,
  url: string,
): { interview: Interview; blocks: ExplainedBlock[] } {
  const verdicts = new Verdicts();
  const all: RawBlock[] = [];
  const interview = extract(document, url, verdicts, all);
  return {
    interview,
    blocks: all.map((b, i) => ({
      kind: b.kind,
      level: b.level,
      text: b.text,
      verdict: verdicts.byBlock[i] ?? { role: 'chrome', rule: 'not read as part of the interview' },
    })),
  };
}

/** Verdicts on blocks counted from an offset (the blocks after the title) into the article's numbering. */
function shifted(sink: VerdictSink, by: number): VerdictSink {
  return sink === IGNORE ? sink : { set: (i, role, rule) => sink.set(i + by, role, rule) };
}

function extract(document: Document, url: string, verdicts: VerdictSink, seen?: RawBlock[]): Interview {
  const headMeta = readHeadMeta(document);
  const profile = profileFor(document, url, headMeta);
  const root = findArticleRoot(document);
  const reading = profile.reading?.();
  const articleLd: string[] = [];
  let datetime: string | null = null;
  const persons: Element[] = [];
  const all = collectBlocks(root, {
    person: (el) => persons.push(el),
    ...(reading ? { skip: reading.skip } : {}),
    jsonLd: (t) => articleLd.push(t),
    datetime: (v) => {
      datetime ??= v;
    },
  });
  seen?.push(...all);
  const meta = withJsonLd(headMeta, articleLd);
  const title = findTitle(meta, all);
  const at = titleIndex(all, title);
  for (let i = 0; i <= at; i++)
    verdicts.set(
      i,
      'chrome',
      i === at ? "the article's title" : "above the article's title: kicker and chrome",
    );
  const blocks = at >= 0 ? all.slice(at + 1) : all;
  const sink = shifted(verdicts, at + 1);

  const descriptions = [meta.meta.get('og:description'), meta.meta.get('description'), meta.ld.description];
  const speakers = readSpeakers(blocks, [
    title,
    ...descriptions.filter((d): d is string => !!d),
    ...blocks.slice(0, 12).map((b) => b.text),
  ]);
  let publicationNames: Set<string> | undefined;
  const ctx: PromptContext = {
    colonPrompts: profile.colonPrompts,
    speakers,
    publication: () => (publicationNames ??= publicationWords(meta)),
  };
  const questions = findQuestions(blocks, ctx);
  const md = metadata(document, url, meta, reading, datetime);
  const { canonicalUrl, publication, published } = md;
  // The page's own author line ("Written by …", "By …") where its data names no author.
  const author = md.author ?? firstAuthorLine(all);

  // Who is interviewed is read before the answers are, so that a bio of them after
  // the last answer can be told from it. Only a page with prompts has a guest to look for.
  const descriptionTexts = descriptions.filter((d): d is string => !!d);
  const firstPrompt = questions.prompts.size > 0 ? Math.min(...questions.prompts.keys()) : blocks.length;
  const leadLines = blocks.slice(0, Math.min(firstPrompt, 8)).map((b) => b.text);
  const answerers = new Set<string>();
  for (let i = firstPrompt + 1; i < blocks.length; i++) {
    const p = speakers.who[i];
    if (p && p !== speakers.asker && !questions.prompts.has(i)) answerers.add(p.name);
  }
  const clues: SubjectClues | null =
    questions.prompts.size > 0
      ? {
          title,
          prose: [...all.slice(0, Math.max(0, at)).map((b) => b.text), ...leadLines, ...descriptionTexts],
          texts: [title, ...descriptionTexts, ...all.map((b) => b.text)],
          answerers: [...answerers],
          questions: [...questions.prompts.values()].map((p) => p.question),
          marked: persons.map(markedPerson).find((p) => p !== null) ?? null,
        }
      : null;
  // Several guests answering in turn: no one of them is the subject. The prose clues
  // read the whole page, so they are looked at only when nothing else named the guest.
  const titleName = nameFromTitle(title);
  const fromTitle: Subject = titleName === null ? {} : { name: titleName };
  const named: Subject[] = [];
  if (answerers.size < 2) {
    named.push(
      clues ? subjectFromSpeakers(clues) : {},
      subjectFromText(leadLines),
      subjectFromText(descriptions),
      fromTitle,
    );
    if (clues && !named.some((s) => s.name)) named.push(subjectFromProse(clues));
  }
  const guest = named.find((s) => s.name)?.name;

  const { intro: introRaw, sections } = assemble(
    blocks,
    questions,
    { speakers, people: [author, guest].filter((n): n is string => !!n && n.includes(' ')) },
    sink,
  );
  const answered = sections.filter((s) => s.answer.length > 0).length;
  const interview = answered >= 2;
  if (!interview && verdicts !== IGNORE)
    for (let i = 0; i < blocks.length; i++)
      sink.set(i, 'chrome', 'the page holds no run of two answered questions');

  const introBlocks = interview ? introRaw : blocks;
  const intro: Block[] = introBlocks
    .filter((b) => !isStrayLabel(b) && !b.insert)
    .flatMap((b) => plainBlocks(b));
  const facts = readFacts(introBlocks);
  const subject = interview
    ? mergeSubject(...named, subjectFromFacts(facts))
    : mergeSubject(
        subjectFromText(introBlocks.slice(0, 8).map((b) => b.text)),
        subjectFromFacts(facts),
        subjectFromText(descriptions),
        fromTitle,
      );

  return {
    url,
    canonicalUrl,
    site: profile.site,
    interview,
    title,
    author,
    publication,
    published,
    subject,
    facts,
    intro,
    sections: interview ? sections : [],
  };
}
