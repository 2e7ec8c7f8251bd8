// What the reader sets for templated exports: their templates (as typed, and the
// last that compiled), how a quote is written, what each colour becomes in the
// note, and whether people and companies are [[links]]. Until the single Settings
// checker takes this shape in (issue 11), it is checked here, value by value:
// a bad or missing value falls back to its default, so nothing stored can break
// an export.

import { HIGHLIGHT_COLORS, type HighlightColor } from '../types';
import { checkColorNames, type ColorNames, DEFAULT_COLOR_NAMES } from './color-names';
import type { TemplateText } from './template';
import { TEMPLATE_KINDS, type TemplateKind } from './template-schema';

/** blockquote: `> quote` (today's export); highlight: `==quote==`; callout: `> [!type] Colour name`. */
export const QUOTE_STYLES = ['blockquote', 'highlight', 'callout'] as const;
export type QuoteStyle = (typeof QUOTE_STYLES)[number];

export type CalloutTypes = Readonly<Record<HighlightColor, string>>;

export interface TemplateOptions {
  quoteStyle: QuoteStyle;
  /** The callout type each colour's quotes are written as, when quoteStyle is callout. */
  calloutTypes: CalloutTypes;
  colorNames: ColorNames;
  /** Adds each highlight's colour name to its tags. */
  colorTags: boolean;
  /** The interviewee and company as Obsidian `[[links]]`. */
  wikilinks: boolean;
  /** Each highlight's `^h-…` block id, for links from other notes (on for Obsidian). */
  blockIds: boolean;
}

export interface TemplateSettings {
  templates: Readonly<Record<TemplateKind, TemplateText>>;
  quoteStyle: QuoteStyle;
  calloutTypes: CalloutTypes;
  colorTags: boolean;
  wikilinks: boolean;
}

/** Obsidian's plain quote callout for every colour, until the reader maps them. */
export const DEFAULT_CALLOUT_TYPES: CalloutTypes = {
  yellow: 'quote',
  green: 'quote',
  blue: 'quote',
  pink: 'quote',
  purple: 'quote',
};

export const DEFAULT_TEMPLATE_OPTIONS: TemplateOptions = {
  quoteStyle: 'blockquote',
  calloutTypes: DEFAULT_CALLOUT_TYPES,
  colorNames: DEFAULT_COLOR_NAMES,
  colorTags: false,
  wikilinks: false,
  blockIds: false,
};

const UNSET: TemplateText = { draft: '', good: null };

export const DEFAULT_TEMPLATE_SETTINGS: TemplateSettings = {
  templates: { note: UNSET, highlight: UNSET, interview: UNSET },
  quoteStyle: DEFAULT_TEMPLATE_OPTIONS.quoteStyle,
  calloutTypes: DEFAULT_CALLOUT_TYPES,
  colorTags: false,
  wikilinks: false,
};

/** Longer than any template a reader writes by hand; keeps storage.local small. */
export const MAX_TEMPLATE_LENGTH = 20_000;

/**
 * A callout type as Obsidian reads it after `[!`: letters, digits and `-`,
 * lower case, so a type can never close the `]` early. Null when nothing is left.
 */
export function cleanCalloutType(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const t = v
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 30);
  return t === '' ? null : t;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkTemplateText(v: unknown): TemplateText {
  if (!isRecord(v)) return UNSET;
  const short = (s: unknown): s is string => typeof s === 'string' && s.length <= MAX_TEMPLATE_LENGTH;
  return { draft: short(v.draft) ? v.draft : '', good: short(v.good) ? v.good : null };
}

/**
 * Template settings from anything. A stored `good` template is kept as stored:
 * whoever uses it compiles it and falls back to the shipped default on a
 * mistake, so a hand-edited value can never stop an export.
 */
export function checkTemplateSettings(v: unknown, base = DEFAULT_TEMPLATE_SETTINGS): TemplateSettings {
  const o = isRecord(v) ? v : {};
  const t = isRecord(o.templates) ? o.templates : {};
  const c = isRecord(o.calloutTypes) ? o.calloutTypes : {};
  const templates = {} as Record<TemplateKind, TemplateText>;
  for (const k of TEMPLATE_KINDS) templates[k] = k in t ? checkTemplateText(t[k]) : base.templates[k];
  const calloutTypes = {} as Record<HighlightColor, string>;
  for (const color of HIGHLIGHT_COLORS)
    calloutTypes[color] = cleanCalloutType(c[color]) ?? base.calloutTypes[color];
  return {
    templates,
    quoteStyle: (QUOTE_STYLES as readonly unknown[]).includes(o.quoteStyle)
      ? (o.quoteStyle as QuoteStyle)
      : base.quoteStyle,
    calloutTypes,
    colorTags: typeof o.colorTags === 'boolean' ? o.colorTags : base.colorTags,
    wikilinks: typeof o.wikilinks === 'boolean' ? o.wikilinks : base.wikilinks,
  };
}

/** The options a render takes from the settings, the colour names and where it goes. */
export function templateOptions(
  settings: TemplateSettings,
  colorNames: unknown,
  forObsidian: boolean,
): TemplateOptions {
  return {
    quoteStyle: settings.quoteStyle,
    calloutTypes: settings.calloutTypes,
    colorNames: checkColorNames(colorNames),
    colorTags: settings.colorTags,
    wikilinks: settings.wikilinks,
    blockIds: forObsidian,
  };
}
