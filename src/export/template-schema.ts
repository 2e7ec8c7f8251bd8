// Every variable a template can use, where it can be used, and what it holds:
// the compiler checks a template against this before it is ever rendered (so a
// typo names its line instead of writing nothing), the view builders are tested
// to fill exactly these names, and Settings lists them for the reader.

/**
 * text: page or reader text, escaped for Markdown so it shows as written at any
 * place in a line (line breaks kept only where the doc says so).
 * markdown: a ready-made piece of the export (a heading, a quote, a byline).
 * frontMatter: the ready-made YAML front matter; only at the very top of a note.
 * yaml: a double-quoted YAML string, only in the reader's own front matter
 * (a `---` block at the very top of the template), where Markdown values cannot go.
 * flag: true or false, for `{{#flag}}…{{/flag}}` and `{{^flag}}…{{/flag}}`.
 * list: repeated with `{{#list}}…{{/list}}`; `item` is each entry's scope, or
 * absent when each entry is text (written as `{{.}}`).
 * object: its fields are written as `{{name.field}}`.
 */
export type VariableKind = 'text' | 'markdown' | 'frontMatter' | 'yaml' | 'flag' | 'list' | 'object';

export interface Variable {
  kind: VariableKind;
  doc: string;
  item?: Scope;
  /** For lists of text or markdown: what each entry is. */
  each?: 'text' | 'markdown';
  fields?: Scope;
}

export type Scope = Readonly<Record<string, Variable>>;

const text = (doc: string): Variable => ({ kind: 'text', doc });
const markdown = (doc: string): Variable => ({ kind: 'markdown', doc });
const flag = (doc: string): Variable => ({ kind: 'flag', doc });
const yaml = (doc: string): Variable => ({ kind: 'yaml', doc });
const textList = (doc: string): Variable => ({ kind: 'list', doc, each: 'text' });
const markdownList = (doc: string): Variable => ({ kind: 'list', doc, each: 'markdown' });

export const HIGHLIGHT_SCOPE: Scope = {
  id: text('The highlight’s id.'),
  blockId: text('Its Obsidian block id, `^h-…`, the same on every export.'),
  kind: text('selection, paragraph or qa (a whole question and answer).'),
  isQa: flag('True for a whole saved question and answer.'),
  quote: text('The saved text; its paragraphs are kept, separated by blank lines.'),
  quoteInline: text('The saved text on one line.'),
  quoteBlock: markdown(
    'The quote as the export settings shape it (blockquote, ==highlight== or callout) with its attribution.',
  ),
  answer: markdownList('For a whole Q&A: each block of the answer.'),
  attribution: markdown('“— Speaker · [source](link)”.'),
  question: text('The question the highlight falls under.'),
  speaker: text('The panel speaker who said it, where the page names one.'),
  who: text('The speaker, else the interviewee.'),
  note: text('The reader’s note; its paragraphs are kept.'),
  notes: markdownList('Each paragraph of the note.'),
  tags: textList('Each tag, as `#tag`.'),
  tagLine: markdown('“#a #b”.'),
  color: text('yellow, green, blue, pink or purple.'),
  colorName: text('The name the reader gave the colour.'),
  colorTag: text('The colour’s name as a tag, `#key-idea`.'),
  callout: text('The callout type the colour maps to.'),
  link: markdown('“[source](…)”: a link back to the quote.'),
  url: text('The address of that link.'),
  created: text('When it was saved (ISO 8601, UTC).'),
  createdDate: text('The day it was saved (YYYY-MM-DD).'),
  updated: text('When it was last edited (ISO 8601, UTC).'),
  updatedDate: text('The day it was last edited (YYYY-MM-DD).'),
  orphaned: flag('True when the last visit could not find it on the page.'),
};

const FACT_SCOPE: Scope = {
  label: text('What the fact is (“Team”).'),
  value: text('The fact (“Search”).'),
};

/** What the page says, in both the highlights note and the whole interview. */
const PAGE_SCOPE: Scope = {
  frontMatter: {
    kind: 'frontMatter',
    doc: 'The YAML front matter, `---` lines included; only at the very top.',
  },
  titleHeading: markdown('“# Title”.'),
  byline: markdown('“Name, Role · [Site](address) · published”.'),
  title: text('The page title.'),
  url: text('The page address.'),
  sourceLink: markdown('“[Site](address)”.'),
  site: text('The site’s name.'),
  author: text('The author.'),
  published: text('The day it was published (YYYY-MM-DD).'),
  name: text('The interviewee.'),
  intervieweeLink: text('The interviewee as `[[Name]]` when wikilinks are on, else the name.'),
  role: text('The interviewee’s role.'),
  team: text('The interviewee’s team.'),
  location: text('Where the interviewee works.'),
  tenure: text('How long the interviewee has been there.'),
  company: text('The interviewee’s company, where the site says it.'),
  companyLink: text('The company as `[[Company]]` when wikilinks are on, else the name.'),
  facts: { kind: 'list', doc: 'Facts the page lists about the interviewee.', item: FACT_SCOPE },
  yaml: {
    kind: 'object',
    doc: 'The same values as YAML strings, for your own front matter.',
    fields: {
      title: yaml('The page title.'),
      source: yaml('The page address.'),
      site: yaml('The site’s name.'),
      author: yaml('The author.'),
      interviewee: yaml('The interviewee, as `[[Name]]` when wikilinks are on.'),
      role: yaml('The role.'),
      team: yaml('The team.'),
      location: yaml('The location.'),
      tenure: yaml('The tenure.'),
      company: yaml('The company, as `[[Company]]` when wikilinks are on.'),
      tags: yaml('The tags as a YAML list: ["a", "b"].'),
    },
  },
};

const GROUP_SCOPE: Scope = {
  heading: markdown('“## Question” with its sub-questions, or “## Highlights”.'),
  question: text('The question (empty for the highlights outside any question).'),
  subQuestions: textList('Each sub-question.'),
  outside: flag('True for the highlights outside any question.'),
  highlights: { kind: 'list', doc: 'Its highlights, in page order.', item: HIGHLIGHT_SCOPE },
};

export const NOTE_SCOPE: Scope = {
  ...PAGE_SCOPE,
  clipped: text('The day the reader last clipped from the page (YYYY-MM-DD).'),
  created: text('When the reader first clipped from the page (ISO 8601, UTC).'),
  updated: text('When the page’s entry last changed (ISO 8601, UTC).'),
  tags: textList('Every tag of the highlights, as `#tag`.'),
  count: text('How many highlights there are.'),
  groups: { kind: 'list', doc: 'Each question with its highlights, in page order.', item: GROUP_SCOPE },
  highlights: { kind: 'list', doc: 'Every highlight, in page order.', item: HIGHLIGHT_SCOPE },
};

const SECTION_SCOPE: Scope = {
  heading: markdown('“## Question” with its sub-questions.'),
  question: text('The question.'),
  subQuestions: textList('Each sub-question.'),
  answer: markdownList('Each block of the answer.'),
};

export const INTERVIEW_SCOPE: Scope = {
  ...PAGE_SCOPE,
  intro: markdownList('Each block before the first question.'),
  sections: { kind: 'list', doc: 'Each question with its answer.', item: SECTION_SCOPE },
};

export const TEMPLATE_KINDS = ['note', 'highlight', 'interview'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** The scope each kind of template is rendered in. */
export const TEMPLATE_SCOPES: Readonly<Record<TemplateKind, Scope>> = {
  note: NOTE_SCOPE,
  highlight: HIGHLIGHT_SCOPE,
  interview: INTERVIEW_SCOPE,
};
