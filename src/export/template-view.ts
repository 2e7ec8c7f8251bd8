// What a template sees: the note, its questions and highlights, or a whole
// interview, with every value already in its Markdown form. Page and reader
// text is escaped by the rules of markdown-export.md (escape.ts) so that it
// shows as written wherever a template puts it in a line; ready-made pieces are
// the very chunks renderHighlights and renderInterview write, so the shipped
// templates give today's files byte for byte; YAML values are YAML strings.
// Nothing here is raw page text, so no template can write any.

import type { Article, ExportOptions, Highlight, Interview, LinkStyle, Subject } from '../types';
import { renderBlocks } from './blocks';
import {
  collapseWhitespace,
  escapeMarkdownBlock,
  escapeMarkdownInline,
  markdownLink,
  paragraphsOf,
  safeLinkUrl,
  yamlString,
} from './escape';
import { type FrontMatterValue, renderFrontMatter } from './front-matter';
import { groupByQuestion, type QuestionGroup } from '../order';
import {
  answerChunks,
  attribution,
  blockquote,
  clippedDay,
  exportOptions,
  groupHeading,
  groupSubQuestions,
  type HighlightExportOptions,
  linkFor,
  noteChunks,
  noteFrontMatter,
  tagLine,
  tagsOf,
  tagText,
  yamlTag,
} from './highlights';
import { pageFrontMatter, renderQuestion } from './interview';
import { type ArticleFacts, bylineLine, companyName, siteName, sourceUrl, wikilink } from './site';
import { DEFAULT_TEMPLATE_OPTIONS, type TemplateOptions } from './template-settings';

export interface HighlightView {
  id: string;
  blockId: string;
  kind: string;
  isQa: boolean;
  quote: string;
  quoteInline: string;
  quoteBlock: string;
  answer: string[];
  attribution: string;
  question: string;
  speaker: string;
  who: string;
  note: string;
  notes: string[];
  tags: string[];
  tagLine: string;
  color: string;
  colorName: string;
  colorTag: string;
  callout: string;
  link: string;
  url: string;
  created: string;
  createdDate: string;
  updated: string;
  updatedDate: string;
  orphaned: boolean;
}

export interface GroupView {
  heading: string;
  question: string;
  subQuestions: string[];
  outside: boolean;
  highlights: HighlightView[];
}

interface PageView {
  frontMatter: string;
  titleHeading: string;
  byline: string;
  title: string;
  url: string;
  sourceLink: string;
  site: string;
  author: string;
  published: string;
  name: string;
  intervieweeLink: string;
  role: string;
  team: string;
  location: string;
  tenure: string;
  company: string;
  companyLink: string;
  facts: { label: string; value: string }[];
  yaml: Record<
    | 'title'
    | 'source'
    | 'site'
    | 'author'
    | 'interviewee'
    | 'role'
    | 'team'
    | 'location'
    | 'tenure'
    | 'company'
    | 'tags',
    string
  >;
}

export interface NoteView extends PageView {
  clipped: string;
  created: string;
  updated: string;
  tags: string[];
  count: string;
  groups: GroupView[];
  highlights: HighlightView[];
}

export interface InterviewView extends PageView {
  intro: string[];
  sections: { heading: string; question: string; subQuestions: string[]; answer: string[] }[];
}

export interface NoteViewOptions extends HighlightExportOptions, Partial<TemplateOptions> {}

/**
 * Obsidian reads more markup than CommonMark: `==highlight==`, `%%comment%%`
 * (hidden text) and a trailing ` ^id` (a block id, hidden). In text a template
 * places these are escaped too, each character not escaped already; a lone `=`
 * or `%` opens nothing and is left as it is.
 */
function obsidianSafe(escaped: string): string {
  return escaped.replace(/\\.|={2,}|%{2,}|\^/g, (m) => (m[0] === '\\' ? m : m.replace(/./g, '\\$&')));
}

/** One line of page or reader text, safe at any place in a line, the start included. */
export function lineText(text: string | null | undefined): string {
  const one = collapseWhitespace(text ?? '');
  return one === '' ? '' : obsidianSafe(escapeMarkdownBlock(one));
}

/** Text that keeps its paragraphs, each line safe at the start of a line. */
export function blockText(text: string | null | undefined): string {
  return paragraphsOf(text ?? '')
    .map((p) => obsidianSafe(escapeMarkdownBlock(p)))
    .join('\n\n');
}

/**
 * An http(s) address as text that a template may write bare or inside `(…)`:
 * the characters Markdown would read as markup are percent-encoded, which
 * leaves the address the same (the `:~:` of a text fragment is kept as it is).
 */
function urlText(href: string | null): string {
  return (href ?? '').replace(/:~:|[*_`[\]|\\$~]/g, (c) =>
    c === ':~:' ? c : `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function isoTime(ms: number): string {
  const t = new Date(ms);
  return ms > 0 && !Number.isNaN(t.getTime()) ? t.toISOString().replace(/\.\d{3}Z$/, 'Z') : '';
}

const UUID = /^([0-9a-f]{8})-([0-9a-f]{4})-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `h-` and 12 hex digits of the highlight's UUID (48 random bits: unique in any
 * note), or a slug of an id that is not a UUID. Obsidian block ids hold letters,
 * digits and `-` only.
 */
export function blockIdFor(id: string): string {
  const uuid = UUID.exec(id);
  if (uuid) return `h-${uuid[1]}${uuid[2]}`.toLowerCase();
  const slug = id
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return `h-${slug || 'x'}`;
}

/** Block ids for a note's highlights in order; a clash (only ids that are not UUIDs can clash) gets `-2`, `-3`. */
function blockIds(highlights: readonly Highlight[]): Map<Highlight, string> {
  const taken = new Set<string>();
  const out = new Map<Highlight, string>();
  for (const h of highlights) {
    const base = blockIdFor(h.id);
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    out.set(h, id);
  }
  return out;
}

/** `=` inside `==…==` would close the highlight: escape each one not already escaped. */
function escapeEquals(line: string): string {
  return line.replace(/\\.|=/g, (m) => (m === '=' ? '\\=' : m));
}

function quoteBlock(
  h: Highlight,
  attr: string | null,
  o: TemplateOptions,
  callout: string,
  blockId: string | null,
): string {
  if (h.kind === 'qa') {
    const chunks = [...answerChunks(h)];
    if (attr) chunks.push(blockId ? `${attr} ^${blockId}` : attr);
    else if (blockId) chunks.push(`^${blockId}`);
    return chunks.join('\n\n');
  }
  // A quote or callout is a structured block: Obsidian wants its id on a line of its own.
  const ownLine = blockId ? `\n\n^${blockId}` : '';
  if (o.quoteStyle === 'highlight') {
    const body = paragraphsOf(h.quote)
      .map((p) =>
        escapeMarkdownBlock(p)
          .split('\n')
          .map((line) => `==${obsidianSafe(escapeEquals(line))}==`)
          .join('\n'),
      )
      .join('\n\n');
    // The attribution and a paragraph's id close the last paragraph.
    return `${body}${attr ? `\n${attr}` : ''}${blockId ? ` ^${blockId}` : ''}`;
  }
  if (o.quoteStyle === 'callout') {
    const title = lineText(o.colorNames[h.color]);
    return `> [!${callout}]${title ? ` ${title}` : ''}\n${obsidianSafe(blockquote(h.quote, attr))}${ownLine}`;
  }
  // Today's blockquote, byte for byte.
  return `${blockquote(h.quote, attr)}${ownLine}`;
}

function highlightView(
  h: Highlight,
  article: Article,
  o: ExportOptions,
  t: TemplateOptions,
  blockId: string,
): HighlightView {
  const attr = attribution(h, article, o.linkStyle);
  const colorTag = tagText(t.colorNames[h.color]);
  const tags = o.includeTags ? tagsOf(h) : [];
  if (o.includeTags && t.colorTags && colorTag !== '' && !tags.includes(colorTag)) tags.push(colorTag);
  const callout = t.calloutTypes[h.color] || 'quote';
  const link = linkFor(h, article, o.linkStyle);
  return {
    id: lineText(h.id),
    blockId: `^${blockId}`,
    kind: h.kind,
    isQa: h.kind === 'qa',
    quote: blockText(h.quote),
    quoteInline: lineText(h.quote),
    quoteBlock: quoteBlock(h, attr, t, callout, t.blockIds ? blockId : null),
    answer: h.kind === 'qa' ? answerChunks(h) : [],
    attribution: attr ?? '',
    question: lineText(h.question),
    speaker: lineText(h.speaker),
    who: lineText(h.speaker?.trim() || article.subject.name),
    note: o.includeNotes ? blockText(h.note) : '',
    notes: o.includeNotes ? noteChunks(h) : [],
    // With their `#`: a bare tag of dashes alone would be a thematic break at a line start.
    tags: tags.map((tag) => `#${tag}`),
    tagLine: tagLine(tags),
    color: h.color,
    colorName: lineText(t.colorNames[h.color]),
    colorTag: colorTag ? `#${colorTag}` : '',
    callout,
    link: link ? `[source](${link})` : '',
    url: urlText(link),
    created: isoTime(h.createdAt),
    createdDate: isoTime(h.createdAt).slice(0, 10),
    updated: isoTime(h.updatedAt),
    updatedDate: isoTime(h.updatedAt).slice(0, 10),
    orphaned: h.orphaned,
  };
}

/** Front matter fields with the interviewee and company as Obsidian links. */
function withWikilinks(
  fields: [string, FrontMatterValue][],
  subject: Subject,
  company: string | null,
): [string, FrontMatterValue][] {
  const out: [string, FrontMatterValue][] = [];
  for (const [key, value] of fields) {
    out.push([key, key === 'interviewee' ? (wikilink(subject.name) ?? value) : value]);
    if (key === 'role') out.push(['company', wikilink(company)]);
  }
  return out;
}

function pageView(
  a: ArticleFacts,
  fields: [string, FrontMatterValue][] | null,
  facts: readonly { label: string; value: string }[],
  t: TemplateOptions,
  linkStyle: Exclude<LinkStyle, 'text-fragment'>,
  tags: readonly string[],
): PageView {
  const company = companyName(a);
  const href = safeLinkUrl(sourceUrl(a));
  const site = siteName(a);
  const s = a.subject;
  const nameLink = t.wikilinks ? wikilink(s.name) : null;
  const companyLink = t.wikilinks ? wikilink(company) : null;
  return {
    frontMatter: fields ? renderFrontMatter(t.wikilinks ? withWikilinks(fields, s, company) : fields) : '',
    titleHeading: a.title.trim() ? `# ${escapeMarkdownInline(a.title)}` : '',
    byline: bylineLine(a, linkStyle, t.wikilinks) ?? '',
    title: lineText(a.title),
    url: urlText(href),
    sourceLink: site
      ? linkStyle === 'none'
        ? escapeMarkdownInline(site)
        : markdownLink(site, sourceUrl(a))
      : '',
    site: lineText(site),
    author: lineText(a.author),
    published: a.published && /^\d{4}-\d{2}-\d{2}$/.test(a.published) ? a.published : '',
    name: lineText(s.name),
    intervieweeLink: nameLink ?? lineText(s.name),
    role: lineText(s.role),
    team: lineText(s.team),
    location: lineText(s.location),
    tenure: lineText(s.tenure),
    company: lineText(company),
    companyLink: companyLink ?? lineText(company),
    facts: facts.map((f) => ({ label: lineText(f.label), value: lineText(f.value) })),
    yaml: {
      title: yamlString(a.title),
      source: yamlString(sourceUrl(a)),
      site: yamlString(site ?? ''),
      author: yamlString(a.author ?? ''),
      interviewee: yamlString(nameLink ?? s.name ?? ''),
      role: yamlString(s.role ?? ''),
      team: yamlString(s.team ?? ''),
      location: yamlString(s.location ?? ''),
      tenure: yamlString(s.tenure ?? ''),
      company: yamlString(companyLink ?? company ?? ''),
      tags: `[${tags.map((tag) => yamlString(yamlTag(tag))).join(', ')}]`,
    },
  };
}

/** The view of a highlights note, with its questions and highlights. */
export function noteView(
  article: Article,
  highlights: readonly Highlight[],
  options: NoteViewOptions = {},
): NoteView {
  const o = exportOptions(options);
  const t: TemplateOptions = { ...DEFAULT_TEMPLATE_OPTIONS, ...options };
  const groups = groupByQuestion(article, highlights);
  const ids = blockIds(groups.flatMap((g) => g.highlights));
  const groupViews = groups.map((g) => groupView(g, article, o, t, ids));
  const all = groupViews.flatMap((g) => g.highlights);
  const tags: string[] = [];
  for (const h of all) for (const tag of h.tags) if (!tags.includes(tag.slice(1))) tags.push(tag.slice(1));
  const clipped = clippedDay(article, highlights, options.clipped) ?? '';
  const fields = o.frontMatter
    ? noteFrontMatter(article, clipped || null, o.includeTags ? tags : null)
    : null;
  return {
    ...pageView(article, fields, [], t, o.linkStyle === 'none' ? 'none' : 'plain', tags),
    clipped,
    created: isoTime(article.createdAt),
    updated: isoTime(article.updatedAt),
    tags: tags.map((tag) => `#${tag}`),
    count: String(all.length),
    groups: groupViews,
    highlights: all,
  };
}

function groupView(
  g: QuestionGroup,
  article: Article,
  o: ExportOptions,
  t: TemplateOptions,
  ids: Map<Highlight, string>,
): GroupView {
  return {
    heading: groupHeading(g),
    question: g.question === null ? '' : lineText(g.question),
    subQuestions:
      g.question === null
        ? []
        : groupSubQuestions(g)
            .map(lineText)
            .filter((q) => q !== ''),
    outside: g.question === null,
    highlights: g.highlights.map((h) => highlightView(h, article, o, t, ids.get(h)!)),
  };
}

/**
 * The views one highlight is rendered in, outermost first: its note, then
 * itself. Null when the highlight is not among the note's.
 */
export function highlightViews(
  article: Article,
  highlights: readonly Highlight[],
  highlightId: string,
  options: NoteViewOptions = {},
): [NoteView, HighlightView] | null {
  const note = noteView(article, highlights, options);
  // The same grouping noteView made, so indexes match.
  for (const [gi, g] of groupByQuestion(article, highlights).entries()) {
    const hi = g.highlights.findIndex((h) => h.id === highlightId);
    if (hi >= 0) return [note, note.groups[gi]!.highlights[hi]!];
  }
  return null;
}

/** The view of a whole interview: every question with its answer. */
export function interviewView(interview: Interview, options: Partial<TemplateOptions> = {}): InterviewView {
  const t: TemplateOptions = { ...DEFAULT_TEMPLATE_OPTIONS, ...options };
  return {
    ...pageView(interview, pageFrontMatter(interview), interview.facts, t, 'plain', []),
    intro: renderBlocks(interview.intro),
    sections: interview.sections.map((s) => ({
      heading: renderQuestion(s.question, s.subQuestions),
      question: lineText(s.question),
      subQuestions: s.subQuestions.map(lineText).filter((q) => q !== ''),
      answer: renderBlocks(s.answer),
    })),
  };
}
