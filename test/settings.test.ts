import { describe, expect, it } from 'vitest';
import {
  colorName,
  loadSettings,
  onSettingsChanged,
  sanitizeSettings,
  saveSettings,
  SETTINGS_KEY,
  type SettingsStorage,
  type StorageChange,
  type StorageChangedEvent,
} from '../src/settings';
import { DEFAULT_SETTINGS, type Settings } from '../src/types';

type Listener = (changes: Record<string, StorageChange>, areaName: string) => void;

/** An in-memory storage.local with its onChanged event, JSON-cloned like the real one. */
function memoryStorage(initial: Record<string, unknown> = {}) {
  const data: Record<string, unknown> = JSON.parse(JSON.stringify(initial));
  const listeners = new Set<Listener>();
  const area: SettingsStorage = {
    async get(keys) {
      const ks = keys === null ? Object.keys(data) : Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(
        ks.filter((k) => k in data).map((k) => [k, JSON.parse(JSON.stringify(data[k]))]),
      );
    },
    async set(items) {
      const changes: Record<string, StorageChange> = {};
      for (const [k, v] of Object.entries(items)) {
        changes[k] = { oldValue: data[k], newValue: JSON.parse(JSON.stringify(v)) };
        data[k] = JSON.parse(JSON.stringify(v));
      }
      for (const l of listeners) l(changes, 'local');
    },
  };
  const changed: StorageChangedEvent = {
    addListener: (l) => listeners.add(l),
    removeListener: (l) => listeners.delete(l),
  };
  return { area, changed, data, listeners };
}

describe('settings', () => {
  it('loads the defaults when nothing is stored', async () => {
    expect(await loadSettings(memoryStorage().area)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid stored values and replaces bad ones with defaults', async () => {
    const s = memoryStorage({
      [SETTINGS_KEY]: {
        defaultColor: 'green',
        showSaveButton: 'yes',
        export: { frontMatter: false, includeNotes: 1, linkStyle: 'javascript' },
        extra: true,
      },
    });
    expect(await loadSettings(s.area)).toEqual({
      defaultColor: 'green',
      showSaveButton: true,
      export: { frontMatter: false, includeNotes: true, includeTags: true, linkStyle: 'text-fragment' },
      colorNames: DEFAULT_SETTINGS.colorNames,
      compare: DEFAULT_SETTINGS.compare,
    });
    expect(sanitizeSettings('garbage')).toEqual(DEFAULT_SETTINGS);
    expect(sanitizeSettings({ defaultColor: 'red', export: [] })).toEqual(DEFAULT_SETTINGS);
  });

  it('saves a deep patch over the current settings and returns the result', async () => {
    const s = memoryStorage();
    const next = await saveSettings({ export: { linkStyle: 'plain' } }, s.area);
    expect(next).toEqual({ ...DEFAULT_SETTINGS, export: { ...DEFAULT_SETTINGS.export, linkStyle: 'plain' } });
    await saveSettings({ defaultColor: 'purple', export: { includeTags: false } }, s.area);
    expect(await loadSettings(s.area)).toEqual({
      defaultColor: 'purple',
      showSaveButton: true,
      export: { ...DEFAULT_SETTINGS.export, linkStyle: 'plain', includeTags: false },
      colorNames: DEFAULT_SETTINGS.colorNames,
      compare: DEFAULT_SETTINGS.compare,
    });
  });

  it('refuses a patch with a bad value and stores nothing', async () => {
    const s = memoryStorage();
    await expect(saveSettings({ defaultColor: 'red' as never }, s.area)).rejects.toThrow(
      /settings\.defaultColor/,
    );
    await expect(saveSettings({ export: { linkStyle: 'fancy' as never } }, s.area)).rejects.toThrow(
      /settings\.export\.linkStyle/,
    );
    await expect(saveSettings({ compare: { names: { a: 1 as never }, moves: {} } }, s.area)).rejects.toThrow(
      /settings\.compare/,
    );
    expect(s.data).toEqual({});
  });

  it('tells listeners the new settings, checked, and stops when asked', async () => {
    const s = memoryStorage();
    const seen: Settings[] = [];
    const off = onSettingsChanged((x) => seen.push(x), s.changed);
    await saveSettings({ showSaveButton: false }, s.area);
    for (const l of s.listeners) l({ [SETTINGS_KEY]: { newValue: { defaultColor: 42 } } }, 'local');
    for (const l of s.listeners) l({ [SETTINGS_KEY]: { newValue: { defaultColor: 'blue' } } }, 'sync');
    for (const l of s.listeners) l({ other: { newValue: 1 } }, 'local');
    off();
    await saveSettings({ showSaveButton: true }, s.area);
    expect(seen).toEqual([{ ...DEFAULT_SETTINGS, showSaveButton: false }, DEFAULT_SETTINGS]);
    expect(s.listeners.size).toBe(0);
  });
});

describe('colour names', () => {
  it('keeps each valid name, falls back for the rest, and merges a partial patch', async () => {
    expect(
      sanitizeSettings({ colorNames: { yellow: 'key idea', green: '  padded ', blue: 7 } }).colorNames,
    ).toEqual({ ...DEFAULT_SETTINGS.colorNames, yellow: 'key idea' });
    const s = memoryStorage();
    await saveSettings({ colorNames: { pink: 'question to ask' } }, s.area);
    const next = await saveSettings({ colorNames: { blue: 'surprise' } }, s.area);
    expect(colorName(next, 'pink')).toBe('question to ask');
    expect(colorName(next, 'blue')).toBe('surprise');
    expect(colorName(next, 'yellow')).toBe('Yellow');
    await expect(saveSettings({ colorNames: { green: 'x'.repeat(41) } }, s.area)).rejects.toThrow(
      /settings\.colorNames\.green/,
    );
  });
});
