// The whole library as one zip: a note per interview and an index linking them.

import { zipSync, strToU8, type Zippable } from 'fflate';
import type { Article, Highlight } from '../types';
import { escapeMarkdownInline } from './escape';
import { FileNamer } from './file-name';
import { renderHighlights, type HighlightExportOptions } from './highlights';
import { joinChunks } from './join';

export interface LibraryEntry {
  article: Article;
  highlights: readonly Highlight[];
}

export const INDEX_FILE = 'index.md';

// fflate writes DOS times from the local fields of the Date, so a date built
// from local fields gives the same bytes in every time zone.
const FIXED_MTIME = new Date(2000, 0, 1, 0, 0, 0);

/** A relative link target for a file in the same folder. */
export function relativeTarget(fileName: string): string {
  return encodeURIComponent(fileName).replace(
    /[()!'*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export interface LibraryFile {
  name: string;
  text: string;
}

/** The files of a library export, index first, in entry order. */
export function libraryFiles(
  entries: readonly LibraryEntry[],
  options: HighlightExportOptions = {},
): LibraryFile[] {
  const namer = new FileNamer('.md');
  namer.reserve(INDEX_FILE);
  const notes = entries.map((e) => ({
    entry: e,
    name: namer.next(e.article.title),
    text: renderHighlights(e.article, e.highlights, options),
  }));
  const lines = notes.map(({ entry, name }) => {
    const title = entry.article.title.trim() || name.replace(/\.md$/, '');
    const count = entry.highlights.length;
    return `- [${escapeMarkdownInline(title)}](${relativeTarget(name)}) · ${count} ${count === 1 ? 'highlight' : 'highlights'}`;
  });
  const index = joinChunks(['# Interview Highlights', lines.join('\n')]);
  return [{ name: INDEX_FILE, text: index }, ...notes.map(({ name, text }) => ({ name, text }))];
}

/** Deterministic zip (fixed modification time, fixed order) of libraryFiles. */
export function renderLibraryZip(
  entries: readonly LibraryEntry[],
  options: HighlightExportOptions = {},
): Uint8Array {
  const files: Zippable = {};
  for (const f of libraryFiles(entries, options)) files[f.name] = [strToU8(f.text), { mtime: FIXED_MTIME }];
  return zipSync(files, { level: 6, mtime: FIXED_MTIME });
}
