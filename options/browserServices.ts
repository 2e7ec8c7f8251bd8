// Services over the real extension: the store in this extension origin, saved
// settings, the export renderer, and the browser for tabs and messages.

import browser from 'webextension-polyfill';
import { articleKeyBatches, message } from '../src/messages';
import { loadSettings, onSettingsChanged, saveSettings } from '../src/settings';
import type { Library } from '../src/store';
import type { Services, Toast } from './services';
import { libraryPort } from './storeAdapter';

/** Saves a Blob through a temporary <a download>: no downloads permission needed. */
export function downloadBlob(fileName: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in Firefox.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const ALLOWED_TABS = /^(https?:\/\/|chrome:\/\/extensions\/shortcuts$)/;

export function browserServices(library: Library, notify: (t: Toast) => void): Services {
  return {
    library: libraryPort(library),
    settings: {
      load: loadSettings,
      save: async (patch) => {
        await saveSettings(patch);
      },
      onChanged: (cb) => {
        const off = onSettingsChanged(cb);
        return typeof off === 'function' ? off : () => undefined;
      },
    },
    // Loaded on first export: esbuild keeps it in the bundle but evaluates it only then.
    exporter: {
      renderHighlights: async (...args) => (await import('../src/export')).renderHighlights(...args),
      renderLibraryZip: async (...args) => (await import('../src/export')).renderLibraryZip(...args),
      fileNameFor: async (title) => (await import('../src/export')).fileNameFor(title),
    },
    clipboard: { writeText: (text) => navigator.clipboard.writeText(text) },
    download: downloadBlob,
    notify,
    async openTab(url) {
      if (!ALLOWED_TABS.test(url)) throw new Error(`refusing to open ${url}`);
      await browser.tabs.create({ url });
    },
    announce(articleKeys) {
      if (articleKeys.length === 0) return;
      // Open pages repaint on this; a missing background (reloading) only delays that.
      for (const batch of articleKeyBatches([...articleKeys]))
        browser.runtime
          .sendMessage(message('library:changed', { articleKeys: batch }))
          .catch(() => undefined);
    },
    browser: location.protocol === 'moz-extension:' ? 'firefox' : 'chrome',
  };
}
