// The reader's settings, kept under one key in browser.storage.local so every
// extension context (content scripts included) can read them. What is read is
// checked value by value: a bad or missing value falls back to its default, so
// a hand-edited or older stored object never breaks a page.

import {
  DEFAULT_SETTINGS,
  HIGHLIGHT_COLORS,
  LINK_STYLES,
  type ExportOptions,
  type LinkStyle,
  type Settings,
} from './types';

export const SETTINGS_KEY = 'settings';

export interface SettingsStorage {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface StorageChange {
  oldValue?: unknown;
  newValue?: unknown;
}

export interface StorageChangedEvent {
  addListener(cb: (changes: Record<string, StorageChange>, areaName: string) => void): void;
  removeListener(cb: (changes: Record<string, StorageChange>, areaName: string) => void): void;
}

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

// Loaded on first use: the polyfill refuses to load outside an extension, and
// tests hand in their own storage instead.
async function browserStorage(): Promise<{ area: SettingsStorage; changed: StorageChangedEvent }> {
  const { default: browser } = await import('webextension-polyfill');
  return {
    area: browser.storage.local,
    changed: browser.storage.onChanged as unknown as StorageChangedEvent,
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function pick<T>(v: unknown, ok: (x: unknown) => x is T, fallback: T): T {
  return ok(v) ? v : fallback;
}

const isBool = (x: unknown): x is boolean => typeof x === 'boolean';
const isColor = (x: unknown): x is Settings['defaultColor'] =>
  typeof x === 'string' && (HIGHLIGHT_COLORS as readonly string[]).includes(x);
const isLinkStyle = (x: unknown): x is LinkStyle =>
  typeof x === 'string' && (LINK_STYLES as readonly string[]).includes(x);

/** Settings from anything: each valid value kept, each other one taken from `base`. */
export function sanitizeSettings(v: unknown, base: Settings = DEFAULT_SETTINGS): Settings {
  const o = isRecord(v) ? v : {};
  const e = isRecord(o.export) ? o.export : {};
  const exp: ExportOptions = {
    frontMatter: pick(e.frontMatter, isBool, base.export.frontMatter),
    includeNotes: pick(e.includeNotes, isBool, base.export.includeNotes),
    includeTags: pick(e.includeTags, isBool, base.export.includeTags),
    linkStyle: pick(e.linkStyle, isLinkStyle, base.export.linkStyle),
  };
  return {
    defaultColor: pick(o.defaultColor, isColor, base.defaultColor),
    showSaveButton: pick(o.showSaveButton, isBool, base.showSaveButton),
    export: exp,
  };
}

/** The patch checked strictly: a caller handing in a wrong value has a bug worth hearing about. */
function checkPatch(patch: DeepPartial<Settings>): void {
  const bad = (path: string, v: unknown) =>
    new TypeError(`settings.${path}: invalid value ${JSON.stringify(v)}`);
  if (patch.defaultColor !== undefined && !isColor(patch.defaultColor))
    throw bad('defaultColor', patch.defaultColor);
  if (patch.showSaveButton !== undefined && !isBool(patch.showSaveButton))
    throw bad('showSaveButton', patch.showSaveButton);
  const e = patch.export;
  if (e === undefined) return;
  if (!isRecord(e)) throw bad('export', e);
  for (const k of ['frontMatter', 'includeNotes', 'includeTags'] as const) {
    if (e[k] !== undefined && !isBool(e[k])) throw bad(`export.${k}`, e[k]);
  }
  if (e.linkStyle !== undefined && !isLinkStyle(e.linkStyle)) throw bad('export.linkStyle', e.linkStyle);
}

export async function loadSettings(storage?: SettingsStorage): Promise<Settings> {
  const area = storage ?? (await browserStorage()).area;
  const got = await area.get(SETTINGS_KEY);
  return sanitizeSettings(got[SETTINGS_KEY]);
}

/** Merges the patch into the stored settings and returns the result. */
export async function saveSettings(
  patch: DeepPartial<Settings>,
  storage?: SettingsStorage,
): Promise<Settings> {
  checkPatch(patch);
  const area = storage ?? (await browserStorage()).area;
  const current = await loadSettings(area);
  const next = sanitizeSettings(
    { ...current, ...patch, export: { ...current.export, ...(patch.export ?? {}) } },
    current,
  );
  await area.set({ [SETTINGS_KEY]: next });
  return next;
}

/** Calls back with the new settings whenever any context saves them; returns the unsubscribe. */
export function onSettingsChanged(cb: (settings: Settings) => void, event?: StorageChangedEvent): () => void {
  const listener = (changes: Record<string, StorageChange>, areaName: string) => {
    const change = changes[SETTINGS_KEY];
    if (areaName !== 'local' || !change) return;
    cb(sanitizeSettings(change.newValue));
  };
  let target: StorageChangedEvent | undefined = event;
  let cancelled = false;
  if (target) {
    target.addListener(listener);
  } else {
    void browserStorage().then(({ changed }) => {
      if (cancelled) return;
      target = changed;
      changed.addListener(listener);
    });
  }
  return () => {
    cancelled = true;
    target?.removeListener(listener);
  };
}
