// The reader's world in one place: every module speaks these names. Each list
// of kinds is written once, here, as a const array; its type is derived from
// it, so a checker, a filter menu and a generator all read the same list
// (test/habits/one-place.test.ts fails when one is written out again).

/** The sites the extension knows, in the order menus list them. */
export const SITES = ['pinterest-engineering-blog', 'life-at-pinterest', 'generic'] as const;
export type Site = (typeof SITES)[number];

/** How a site is named to the reader; null for pages on any other site (named by their host). */
export const SITE_NAMES: Readonly<Record<Site, string | null>> = {
  'pinterest-engineering-blog': 'Pinterest Engineering Blog',
  'life-at-pinterest': 'Life at Pinterest',
  generic: null,
};

/** The company a known site's interviewees work for; null where the site does not say. */
export const SITE_COMPANIES: Readonly<Record<Site, string | null>> = {
  'pinterest-engineering-blog': 'Pinterest',
  'life-at-pinterest': 'Pinterest',
  generic: null,
};

export const BLOCK_KINDS = ['paragraph', 'heading', 'list-item', 'quote', 'code'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

/** Keys no checked object may hold: they can poison prototypes or confuse structured code downstream. */
export const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

export interface Block {
  kind: BlockKind;
  text: string;
  /** The bold "Name:" label that led this paragraph (panel interviews). */
  speaker?: string;
  /** For list items: true when the list was numbered, so exports keep `1.`. */
  ordered?: boolean;
}

export interface Subject {
  name?: string;
  role?: string;
  team?: string;
  location?: string;
  tenure?: string;
}

export interface Fact {
  label: string;
  value: string;
}

/** A question with its answer. */
export interface Section {
  /** Stable across visits: derived from the question text, never its position. */
  id: string;
  question: string;
  subQuestions: string[];
  answer: Block[];
}

export interface Interview {
  url: string;
  canonicalUrl: string | null;
  site: Site;
  /** True when the article body holds at least two question-led sections. */
  interview: boolean;
  title: string;
  author: string | null;
  publication: string | null;
  /** YYYY-MM-DD */
  published: string | null;
  subject: Subject;
  facts: Fact[];
  intro: Block[];
  sections: Section[];
}

// ---- Selectors (W3C Web Annotation style) ----

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type Selector = TextQuoteSelector | TextPositionSelector;

// ---- Highlights and the library ----

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/** selection: any text the reader selected; paragraph: one answer paragraph; qa: a whole question and answer. */
export const HIGHLIGHT_KINDS = ['selection', 'paragraph', 'qa'] as const;
export type HighlightKind = (typeof HIGHLIGHT_KINDS)[number];

export interface Highlight {
  /** A UUID, made when the highlight is first saved; kept through backup and import. */
  id: string;
  /** Article.key of the page it was saved on. */
  articleKey: string;
  kind: HighlightKind;
  /** The exact text saved. */
  quote: string;
  selectors: Selector[];
  sectionId: string | null;
  question: string | null;
  speaker: string | null;
  url: string;
  canonicalUrl: string | null;
  /** Link to the quote with a text-fragment directive, built at save time. */
  fragmentUrl: string;
  color: HighlightColor;
  note: string;
  tags: string[];
  /** Epoch milliseconds. */
  createdAt: number;
  updatedAt: number;
  /** Set when the last visit could not place it on the page; it is kept, never dropped. */
  orphaned: boolean;
  /** For kind 'qa': the whole answer as it was saved, so exports can render it. */
  answer?: Block[];
  subQuestions?: string[];
}

/**
 * A highlight as the library page holds it (src/store/listed.ts): without its
 * TextQuoteSelector, which only anchoring on the page reads, and with the
 * TextPositionSelector that page order reads. Full rows stay in the store.
 */
export type ListedHighlight = Omit<Highlight, 'selectors'> & { selectors: TextPositionSelector[] };

/** What a reader may change of a saved highlight. */
export type HighlightPatch = Partial<Pick<Highlight, 'note' | 'tags' | 'color'>>;

/** One row per interview (or any page) the reader clipped from. */
export interface Article {
  /** articleKey(canonical URL or URL): the primary key. */
  key: string;
  url: string;
  canonicalUrl: string | null;
  site: Site;
  title: string;
  author: string | null;
  publication: string | null;
  published: string | null;
  subject: Subject;
  /** The page's questions in page order, to group highlights under them. */
  sections: { id: string; question: string }[];
  createdAt: number;
  updatedAt: number;
  lastClippedAt: number;
}

export const LINK_STYLES = ['text-fragment', 'plain', 'none'] as const;
export type LinkStyle = (typeof LINK_STYLES)[number];

export interface ExportOptions {
  frontMatter: boolean;
  includeNotes: boolean;
  includeTags: boolean;
  linkStyle: LinkStyle;
}

/** The reader's own shape of Compare: group names they gave and questions they moved. */
export interface CompareGroups {
  /** Group id to the reader's name for it. */
  names: Record<string, string>;
  /** Question key (interview key, '#', section key) to the id of the group the reader put it in. */
  moves: Record<string, string>;
}

export interface Settings {
  defaultColor: HighlightColor;
  showSaveButton: boolean;
  export: ExportOptions;
  /** What each colour means to the reader ("key idea"); see colorName in settings.ts. */
  colorNames: Readonly<Record<HighlightColor, string>>;
  /** Absent in settings saved before Compare kept groups; read as none. */
  compare?: CompareGroups;
}

export const DEFAULT_SETTINGS: Settings = {
  defaultColor: 'yellow',
  showSaveButton: true,
  export: { frontMatter: true, includeNotes: true, includeTags: true, linkStyle: 'text-fragment' },
  // A colour means nothing until the reader says so, so each starts as its own name.
  colorNames: { yellow: 'Yellow', green: 'Green', blue: 'Blue', pink: 'Pink', purple: 'Purple' },
  compare: { names: {}, moves: {} },
};
