// The no-setup way into Obsidian: an obsidian:// address that Obsidian opens,
// creating or adding to a note (or today's daily note). Short notes travel in
// the address; long ones through the clipboard (`&clipboard`), as Obsidian Web
// Clipper does, because operating systems cut long addresses handed to an app.
// The shell writes `clipboardText` to the clipboard and, when it cannot, asks
// again with `clipboard: false` to put the note in the address anyway.

import { type NotePath, vaultFile } from './note-path';
import type { UriMode } from './settings';

/**
 * The longest address sent whole. Windows hands protocol addresses to apps
 * through its URL functions, which stop at INTERNET_MAX_URL_LENGTH (2,083
 * characters); staying under it works everywhere.
 */
export const MAX_URI_LENGTH = 2000;

/** In the address beside `&clipboard`: Obsidian shows it only when it finds the clipboard empty. */
export const CLIPBOARD_NOTICE =
  'Interview Highlights put this note on the clipboard, but Obsidian could not read it there. Paste it here, or send it again.';

export interface UriRequest {
  vault: string;
  /** The note to write; ignored in daily mode. */
  path: NotePath;
  mode: UriMode;
  content: string;
  /** Open the note after writing it. */
  open: boolean;
}

export interface Handoff {
  url: string;
  /** Set when the content goes through the clipboard: write this there before opening `url`. */
  clipboardText?: string;
}

const FLAG: Partial<Record<UriMode, string>> = {
  append: 'append',
  prepend: 'prepend',
  overwrite: 'overwrite',
  daily: 'append',
};

/** Added text starts a block of its own, whatever the note ends (or starts) with. */
function placed(mode: UriMode, content: string): string {
  if (mode === 'append' || mode === 'daily') return `\n\n${content}`;
  if (mode === 'prepend') return `${content}\n\n`;
  return content;
}

export function obsidianHandoff(req: UriRequest, options: { clipboard: boolean }): Handoff {
  const params: string[] = [];
  if (req.vault.trim() !== '') params.push(`vault=${encodeURIComponent(req.vault.trim())}`);
  if (req.mode !== 'daily') params.push(`file=${encodeURIComponent(vaultFile(req.path))}`);
  const flag = FLAG[req.mode];
  if (flag) params.push(`${flag}=true`);
  if (!req.open) params.push('silent=true');
  const base = `obsidian://${req.mode === 'daily' ? 'daily' : 'new'}?${params.join('&')}`;
  const content = placed(req.mode, req.content);
  const whole = `${base}&content=${encodeURIComponent(content)}`;
  if (!options.clipboard || whole.length <= MAX_URI_LENGTH) return { url: whole };
  return {
    url: `${base}&clipboard=true&content=${encodeURIComponent(CLIPBOARD_NOTICE)}`,
    clipboardText: content,
  };
}
