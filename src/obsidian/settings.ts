// Where notes go in Obsidian: the vault and folder, how an obsidian:// handoff
// writes, and the Local REST API for readers who run it. Until the single
// Settings checker takes this shape in (issue 11), it is checked here, value by
// value: a bad or missing value falls back to its default.

import { collapseWhitespace } from '../export/escape';

/**
 * How an obsidian:// handoff writes a note. create: a new note (Obsidian adds
 * a number when the name is taken, so nothing is replaced); append / prepend:
 * added to the note of that name; overwrite: replaces it; daily: added to
 * today's daily note.
 */
export const URI_MODES = ['create', 'append', 'prepend', 'overwrite', 'daily'] as const;
export type UriMode = (typeof URI_MODES)[number];

/** Where "send this highlight" adds it: the interview's note, or today's daily note. */
export const HIGHLIGHT_TARGETS = ['note', 'daily'] as const;
export type HighlightTarget = (typeof HIGHLIGHT_TARGETS)[number];

/** The plugin's defaults: HTTPS with its own certificate, and plain HTTP, off unless the reader turns it on. */
export const REST_HTTPS_PORT = 27124;
export const REST_HTTP_PORT = 27123;

export interface RestSettings {
  enabled: boolean;
  https: boolean;
  port: number;
  apiKey: string;
}

export interface ObsidianSettings {
  /** The vault's name; '' sends to the vault Obsidian has open. */
  vault: string;
  /** Folder inside the vault, as typed ("Interviews/2026"); '' for the vault's top. */
  folder: string;
  noteMode: UriMode;
  highlightTarget: HighlightTarget;
  /** Open the note in Obsidian after writing it. */
  openNote: boolean;
  rest: RestSettings;
}

export const DEFAULT_OBSIDIAN_SETTINGS: ObsidianSettings = {
  vault: '',
  folder: 'Interviews',
  noteMode: 'create',
  highlightTarget: 'note',
  openNote: true,
  rest: { enabled: false, https: true, port: REST_HTTPS_PORT, apiKey: '' },
};

const MAX_NAME = 200;
const MAX_FOLDER = 500;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function oneOf<T extends string>(list: readonly T[], v: unknown, fallback: T): T {
  return (list as readonly unknown[]).includes(v) ? (v as T) : fallback;
}

function shortText(v: unknown, max: number, fallback: string): string {
  return typeof v === 'string' && v.length <= max ? collapseWhitespace(v) : fallback;
}

/** The plugin's keys are 64 hex digits; anything printable without spaces is let through, nothing else. */
export function isApiKey(v: unknown): v is string {
  return typeof v === 'string' && /^[\x21-\x7e]{0,256}$/.test(v.trim());
}

export function isPort(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 65535;
}

export function checkObsidianSettings(v: unknown, base = DEFAULT_OBSIDIAN_SETTINGS): ObsidianSettings {
  const o = isRecord(v) ? v : {};
  const r = isRecord(o.rest) ? o.rest : {};
  const { port } = r;
  const https = typeof r.https === 'boolean' ? r.https : base.rest.https;
  // Without a valid port of its own, a scheme other than the base's gets the plugin's default for it.
  const defaultPort = https === base.rest.https ? base.rest.port : https ? REST_HTTPS_PORT : REST_HTTP_PORT;
  return {
    vault: shortText(o.vault, MAX_NAME, base.vault),
    folder: shortText(o.folder, MAX_FOLDER, base.folder),
    noteMode: oneOf(URI_MODES, o.noteMode, base.noteMode),
    highlightTarget: oneOf(HIGHLIGHT_TARGETS, o.highlightTarget, base.highlightTarget),
    openNote: typeof o.openNote === 'boolean' ? o.openNote : base.openNote,
    rest: {
      enabled: typeof r.enabled === 'boolean' ? r.enabled : base.rest.enabled,
      https,
      port: isPort(port) ? port : defaultPort,
      apiKey: isApiKey(r.apiKey) ? r.apiKey.trim() : base.rest.apiKey,
    },
  };
}
