// What each highlight colour means to the reader ("key idea", "question to
// ask"): one name per colour of HIGHLIGHT_COLORS, shown wherever a colour is
// and written into the export. Until the single Settings checker takes this
// shape in (issue 11), it is checked here, value by value, like the rest of
// the settings: a bad or missing name falls back to the default.

import { DEFAULT_SETTINGS, HIGHLIGHT_COLORS, type HighlightColor } from '../types';
import { collapseWhitespace } from './escape';

export type ColorNames = Readonly<Record<HighlightColor, string>>;

/** Long enough for "question to ask the team"; short enough for a filter chip. */
export const MAX_COLOR_NAME = 40;

/** The names the settings start from (DEFAULT_SETTINGS holds them, so Settings and the export agree). */
export const DEFAULT_COLOR_NAMES: ColorNames = DEFAULT_SETTINGS.colorNames;

/** A name as it is kept: one line, trimmed, at most MAX_COLOR_NAME characters; null when nothing is left. */
export function cleanColorName(name: unknown): string | null {
  if (typeof name !== 'string') return null;
  const one = Array.from(collapseWhitespace(name)).slice(0, MAX_COLOR_NAME).join('').trim();
  return one === '' ? null : one;
}

/** Colour names from anything: each valid name kept (cleaned), every other one taken from `base`. */
export function checkColorNames(v: unknown, base: ColorNames = DEFAULT_COLOR_NAMES): ColorNames {
  const o = typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  const out = {} as Record<HighlightColor, string>;
  for (const c of HIGHLIGHT_COLORS) out[c] = cleanColorName(o[c]) ?? base[c];
  return out;
}
