// Where an interview's note lives in the vault: the reader's folder, then a
// name made from the title, both by the export's file-name rules
// (src/export/file-name.ts), so the note Obsidian opens is the file a download
// would have made.

import { fileNameFor } from '../export/file-name';

export interface NotePath {
  /** Folder names from the vault's top down; empty for the top. */
  folder: readonly string[];
  /** The note's name without ".md". */
  name: string;
}

/**
 * The folder as the reader typed it ("Interviews/2026", "\\Notes\\"): split at
 * either slash, `.` and `..` and empty parts dropped (a note never leaves the
 * vault), each part named by the file-name rules.
 */
export function folderParts(folder: string): string[] {
  return folder
    .split(/[/\\]+/)
    .filter((p) => p.replace(/[.\s]/g, '') !== '')
    .map((p) => fileNameFor(p));
}

export function notePath(folder: string, title: string): NotePath {
  return { folder: folderParts(folder), name: fileNameFor(title) };
}

/** "Interviews/2026/Title": the path Obsidian's `file` parameter takes (no extension). */
export function vaultFile(path: NotePath): string {
  return [...path.folder, path.name].join('/');
}
