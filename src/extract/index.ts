// page → Interview. Pure DOM code: no extension API, runs on the live page and
// in Node (happy-dom) alike, and never modifies the document it reads.

import type { Block, Interview, Site, Subject } from '../types';
import { collectBlocks, type RawBlock } from './blocks';
import { notUrl, readHeadMeta, resolveUrl, toIsoDate, withJsonLd, type HeadMeta } from './metadata';
import { findQuestions } from './questions';
import { findArticleRoot } from './root';
import { assemble, isStrayLabel, toBlocks } from './sections';
import { profileFor, type SiteReading } from './sites';
import { collapse } from './text';
import { nameFromTitle, readFacts, subjectFromFacts, subjectFromText } from './subject';

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

function findTitle(document: Document, meta: HeadMeta, blocks: RawBlock[]): string {
  const fromMeta = meta.meta.get('og:title') ?? meta.ld.headline ?? meta.meta.get('twitter:title');
  if (fromMeta) return collapse(fromMeta);
  const h1 = blocks.find((b) => b.kind === 'heading' && b.level === 1);
  if (h1) return h1.text;
  return collapse(document.title ?? '').replace(/\s+[|–—-]\s+[^|–—-]+$/, '');
}

/** Blocks after the article's own title heading: what stands before it is kicker and chrome. */
function afterTitle(blocks: RawBlock[], title: string): RawBlock[] {
  const t = title.toLowerCase();
  const at = blocks
    .slice(0, TITLE_SEARCH)
    .findIndex((b) => b.kind === 'heading' && b.text.toLowerCase() === t);
  return at >= 0 ? blocks.slice(at + 1) : blocks;
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
    return extract(document, url);
  } catch {
    return emptyInterview(url);
  }
}

function extract(document: Document, url: string): Interview {
  const headMeta = readHeadMeta(document);
  const profile = profileFor(document, url, headMeta);
  const root = findArticleRoot(document);
  const reading = profile.reading?.();
  const articleLd: string[] = [];
  let datetime: string | null = null;
  const all = collectBlocks(root, {
    ...(reading ? { skip: reading.skip } : {}),
    jsonLd: (t) => articleLd.push(t),
    datetime: (v) => {
      datetime ??= v;
    },
  });
  const meta = withJsonLd(headMeta, articleLd);
  const title = findTitle(document, meta, all);
  const blocks = afterTitle(all, title);

  const questions = findQuestions(blocks, profile.colonPrompts);
  const { intro: introRaw, sections } = assemble(blocks, questions);
  const answered = sections.filter((s) => s.answer.length > 0).length;
  const interview = answered >= 2;

  const introBlocks = interview ? introRaw : blocks;
  const intro: Block[] = introBlocks
    .filter((b) => !isStrayLabel(b))
    .flatMap((b) => toBlocks(b, false, false));
  const facts = readFacts(introBlocks);
  const leadLines = introBlocks.slice(0, 8).map((b) => b.text);
  const titleName = nameFromTitle(title);
  const subject = mergeSubject(
    subjectFromText(leadLines),
    subjectFromFacts(facts),
    subjectFromText([meta.meta.get('og:description'), meta.meta.get('description'), meta.ld.description]),
    titleName === null ? {} : { name: titleName },
  );

  const { canonicalUrl, author, publication, published } = metadata(document, url, meta, reading, datetime);
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
