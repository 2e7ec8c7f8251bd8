// The reader's settings, kept under one key in browser.storage.local so every
// extension context (content scripts included) can read them. What is read is
// checked value by value: a bad or missing value falls back to its default, so
// a hand-edited or older stored object never breaks a page.

import { cleanColorName } from './export/color-names';
import { checkCompareGroups } from './store/validate';
import { DEFAULT_SETTINGS, HIGHLIGHT_COLORS, type HighlightColor, LINK_STYLES, type Settings } from './types';

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

type Rule = (x: unknown) => boolean;
const isBool: Rule = (x) => typeof x === 'boolean';
const isOneOf =
  (values: readonly string[]): Rule =>
  (x) =>
    typeof x === 'string' && values.includes(x);
/** A colour name as it is kept (one trimmed line, not too long): a name that cleaning would change is not one. */
const isColorName: Rule = (x) => typeof x === 'string' && cleanColorName(x) === x;

/**
 * The one description of a valid Settings object: a rule per value. Reading
 * (sanitizeSettings) keeps each valid value and takes the rest from a base;
 * writing (saveSettings) refuses a patch with any invalid value.
 */
type Rules<T> = { [K in keyof T]-?: T[K] extends object ? Rules<T[K]> | Rule : Rule };
const RULES: Rules<Settings> = {
  defaultColor: isOneOf(HIGHLIGHT_COLORS),
  showSaveButton: isBool,
  export: {
    frontMatter: isBool,
    includeNotes: isBool,
    includeTags: isBool,
    linkStyle: isOneOf(LINK_STYLES),
  },
  colorNames: Object.fromEntries(HIGHLIGHT_COLORS.map((c) => [c, isColorName])) as Rules<
    Settings['colorNames']
  >,
  // A map of the reader's own keys: checked whole, by the store's checker.
  compare: (x) => {
    try {
      checkCompareGroups(x, 'compare');
      return true;
    } catch {
      return false;
    }
  },
};

function sanitize<T>(v: unknown, rules: Rules<T>, base: T): T {
  const o = isRecord(v) ? v : {};
  const out: Record<string, unknown> = {};
  for (const [k, rule] of Object.entries(rules) as [keyof T & string, Rule | Rules<unknown>][]) {
    out[k] =
      typeof rule === 'function'
        ? rule(o[k])
          ? o[k]
          : base[k]
        : sanitize(o[k], rule as Rules<T[typeof k]>, base[k]);
  }
  return out as T;
}

/** Settings from anything: each valid value kept, each other one taken from `base`. */
export function sanitizeSettings(v: unknown, base: Settings = DEFAULT_SETTINGS): Settings {
  return sanitize(v, RULES, base);
}

/** The patch checked strictly: a caller handing in a wrong value has a bug worth hearing about. */
function checkPatch(
  patch: unknown,
  rules: Rules<unknown> = RULES as Rules<unknown>,
  path = 'settings',
): void {
  if (!isRecord(patch)) throw new TypeError(`${path}: invalid value ${JSON.stringify(patch)}`);
  for (const [k, v] of Object.entries(patch)) {
    const rule = (rules as Record<string, Rule | Rules<unknown>>)[k];
    if (v === undefined || rule === undefined) continue;
    if (typeof rule === 'function') {
      if (!rule(v)) throw new TypeError(`${path}.${k}: invalid value ${JSON.stringify(v)}`);
    } else checkPatch(v, rule, `${path}.${k}`);
  }
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
    {
      ...current,
      ...patch,
      export: { ...current.export, ...(patch.export ?? {}) },
      colorNames: { ...current.colorNames, ...(patch.colorNames ?? {}) },
    },
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

/**
 * The reader's name for a colour ("key idea"), wherever a colour is shown or
 * written: the page's card, the popup, the library's filters and the export.
 */
export function colorName(settings: Pick<Settings, 'colorNames'>, color: HighlightColor): string {
  return settings.colorNames[color] ?? DEFAULT_SETTINGS.colorNames[color];
}
