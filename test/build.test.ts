// Manifest and build invariants, read from the sources so they hold before any
// build: what the extension may touch, that every string is localised, that the
// icons are what the manifest says, and that each browser gets a loadable variant.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// build.mjs only runs its CLI when executed directly, so importing it is inert.
import { DEV_MATCHES, manifestFor } from '../build.mjs';

const ROOT = join(import.meta.dirname, '..');
const read = (f: string): string => readFileSync(join(ROOT, f), 'utf8');

interface ContentScript {
  matches: string[];
  js: string[];
  run_at?: string;
}
interface Manifest {
  manifest_version: number;
  default_locale?: string;
  name: string;
  description: string;
  version: string;
  icons: Record<string, string>;
  background: { service_worker?: string; scripts?: string[] };
  content_scripts: ContentScript[];
  action: { default_title: string; default_popup: string; default_icon: Record<string, string> };
  options_ui: { page: string; open_in_tab: boolean };
  commands: Record<string, { suggested_key?: { default: string }; description: string }>;
  permissions: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy: { extension_pages: string };
  browser_specific_settings?: {
    gecko?: { id: string; strict_min_version: string; data_collection_permissions?: { required: string[] } };
  };
  [key: string]: unknown;
}

const manifestText = read('manifest.json');
const manifest = JSON.parse(manifestText) as Manifest;
const messages = JSON.parse(read('_locales/en/messages.json')) as Record<string, { message: string }>;

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(file: string): { width: number; height: number } {
  const buf = readFileSync(file);
  expect([...buf.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(buf.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

describe('source manifest', () => {
  it('is Manifest V3 with an English default locale', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.default_locale).toBe('en');
    expect(existsSync(join(ROOT, '_locales/en/messages.json'))).toBe(true);
  });

  it('asks only for the permissions the extension uses', () => {
    expect([...manifest.permissions].sort()).toEqual([
      'activeTab',
      'contextMenus',
      'scripting',
      'storage',
      'unlimitedStorage',
    ]);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    // Asked for only when the reader turns on the Obsidian Local REST API, and only for this machine.
    expect(manifest.optional_host_permissions).toEqual(['http://127.0.0.1/*', 'https://127.0.0.1/*']);
    expect(manifestText).not.toContain('<all_urls>');
    expect(manifestText).not.toMatch(/"\*:\/\/\*\/\*"|"https?:\/\/\*\/\*"/);
    for (const key of ['externally_connectable', 'web_accessible_resources', 'host_permissions']) {
      expect(manifest).not.toHaveProperty(key);
    }
  });

  it('runs the content script only on Pinterest Engineering and Life at Pinterest pages', () => {
    expect(manifest.content_scripts).toHaveLength(1);
    const [cs] = manifest.content_scripts;
    expect([...cs!.matches].sort()).toEqual([
      'https://medium.com/pinterest-engineering/*',
      'https://www.pinterestcareers.com/life-at-pinterest/*',
    ]);
    expect(cs!.js).toEqual(['content.js']);
    expect(cs!.run_at).toBe('document_idle');
  });

  it('locks extension pages to their own scripts', () => {
    const csp = manifest.content_security_policy.extension_pages;
    expect(csp).toBe("script-src 'self'; object-src 'self'; base-uri 'none'; form-action 'none'");
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
  });

  it('has a localised entry for every __MSG_x__ and every string the code asks for', () => {
    const used = [...manifestText.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!);
    expect(used.length).toBeGreaterThanOrEqual(4);
    for (const key of [...used, 'contextMenuSave']) {
      expect(messages[key]?.message, key).toBeTruthy();
    }
    expect(manifest.name).toMatch(/^__MSG_\w+__$/);
    expect(manifest.description).toMatch(/^__MSG_\w+__$/);
    expect(manifest.action.default_title).toMatch(/^__MSG_\w+__$/);
    for (const c of Object.values(manifest.commands)) expect(c.description).toMatch(/^__MSG_\w+__$/);
  });

  it('keeps every locale message within the limits browsers enforce', () => {
    const name = messages[manifest.name.slice(6, -2)]!.message;
    const description = messages[manifest.description.slice(6, -2)]!.message;
    expect(name.length).toBeLessThanOrEqual(75);
    expect(description.length).toBeLessThanOrEqual(132);
  });

  it('binds the save command to Alt+Shift+H', () => {
    expect(manifest.commands['save-highlight']?.suggested_key?.default).toBe('Alt+Shift+H');
  });

  it('declares the popup, the library page and both background keys', () => {
    expect(manifest.action.default_popup).toBe('popup/index.html');
    expect(manifest.options_ui).toEqual({ page: 'options/index.html', open_in_tab: true });
    expect(manifest.background).toEqual({ service_worker: 'background.js', scripts: ['background.js'] });
    expect(existsSync(join(ROOT, 'popup/index.html'))).toBe(true);
    expect(existsSync(join(ROOT, 'options/index.html'))).toBe(true);
  });

  it('points at icons that exist at 16, 32, 48 and 128 pixels', () => {
    for (const icons of [manifest.icons, manifest.action.default_icon]) {
      expect(Object.keys(icons).sort((a, b) => Number(a) - Number(b))).toEqual(['16', '32', '48', '128']);
      for (const [size, file] of Object.entries(icons)) {
        expect(pngSize(join(ROOT, file)), file).toEqual({ width: Number(size), height: Number(size) });
      }
    }
  });

  it('carries the Firefox settings', () => {
    const gecko = manifest.browser_specific_settings?.gecko;
    expect(gecko?.id).toBe('interview-highlights@example.org');
    expect(gecko?.strict_min_version).toBe('140.0');
    expect(gecko?.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('has the same version as package.json', () => {
    expect(manifest.version).toBe((JSON.parse(read('package.json')) as { version: string }).version);
  });
});

describe('per-browser manifests', () => {
  it('gives Chrome a service worker only and no Firefox settings', () => {
    const chrome = manifestFor('chrome', manifest) as Manifest;
    expect(chrome.background).toEqual({ service_worker: 'background.js' });
    expect(chrome).not.toHaveProperty('browser_specific_settings');
    expect(chrome.permissions).toEqual(manifest.permissions);
  });

  it('gives Firefox its background scripts and its settings', () => {
    const firefox = manifestFor('firefox', manifest) as Manifest;
    expect(firefox.background).toEqual({ scripts: ['background.js'] });
    expect(firefox.browser_specific_settings).toEqual(manifest.browser_specific_settings);
  });

  it('adds the local sample server only to development builds', () => {
    for (const browser of ['chrome', 'firefox'] as const) {
      const prod = manifestFor(browser, manifest) as Manifest;
      const dev = manifestFor(browser, manifest, { dev: true }) as Manifest;
      expect(prod.content_scripts).toEqual(manifest.content_scripts);
      expect(dev.content_scripts[0]!.matches).toEqual([
        ...manifest.content_scripts[0]!.matches,
        ...DEV_MATCHES,
      ]);
    }
  });

  it('leaves the source manifest untouched', () => {
    manifestFor('chrome', manifest, { dev: true });
    expect(JSON.parse(manifestText)).toEqual(manifest);
  });
});
