// Where the Obsidian settings and the reader's templates are kept: each under a
// key of its own in storage.local beside the main settings (settings.ts), read
// through their own checkers (settings.ts in this folder, template-settings.ts)
// until the single Settings checker takes them in (issue 11).

import { effectiveTemplates } from '../export/template-defaults';
import { checkTemplateSettings, type TemplateSettings } from '../export/template-settings';
import type { Settings } from '../types';
import type { SendContext } from './send';
import { checkObsidianSettings, type ObsidianSettings } from './settings';

/** storage.local as these functions use it (settings.ts has the same shape; the core does not import it). */
export interface KeyValueStorage {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

export const OBSIDIAN_KEY = 'obsidian';
export const TEMPLATES_KEY = 'templates';

export interface StoredSendSettings {
  settings: Settings;
  obsidian: ObsidianSettings;
  templates: TemplateSettings;
}

export async function loadObsidianSettings(storage: KeyValueStorage): Promise<ObsidianSettings> {
  return checkObsidianSettings((await storage.get(OBSIDIAN_KEY))[OBSIDIAN_KEY]);
}

export async function loadTemplateSettings(storage: KeyValueStorage): Promise<TemplateSettings> {
  return checkTemplateSettings((await storage.get(TEMPLATES_KEY))[TEMPLATES_KEY]);
}

/** Merges the patch into what is stored (checked again as a whole) and returns the result. */
export async function saveObsidianSettings(
  patch: DeepPartial<ObsidianSettings>,
  storage: KeyValueStorage,
): Promise<ObsidianSettings> {
  const current = await loadObsidianSettings(storage);
  const next = checkObsidianSettings(
    { ...current, ...patch, rest: { ...current.rest, ...(patch.rest ?? {}) } },
    current,
  );
  await storage.set({ [OBSIDIAN_KEY]: next });
  return next;
}

export async function saveTemplateSettings(
  patch: Partial<TemplateSettings>,
  storage: KeyValueStorage,
): Promise<TemplateSettings> {
  const current = await loadTemplateSettings(storage);
  const next = checkTemplateSettings(
    {
      ...current,
      ...patch,
      templates: { ...current.templates, ...(patch.templates ?? {}) },
      calloutTypes: { ...current.calloutTypes, ...(patch.calloutTypes ?? {}) },
    },
    current,
  );
  await storage.set({ [TEMPLATES_KEY]: next });
  return next;
}

/** What send.ts renders with, from what is stored: each template its last good version. */
export function sendContext(s: StoredSendSettings): SendContext {
  return {
    obsidian: s.obsidian,
    templates: effectiveTemplates(s.templates).templates,
    templateSettings: s.templates,
    colorNames: s.settings.colorNames,
    export: s.settings.export,
  };
}
