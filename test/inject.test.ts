// Injecting the content script on demand behaves the same in both browsers:
// an absolute path (Firefox resolves a relative one against the calling page,
// so the popup asked for popup/content.js), and a page the browser keeps
// extensions out of is an error, also where Firefox resolves without a result.

import { describe, expect, it } from 'vitest';
import { CONTENT_SCRIPT_FILE, injectContentScript, NOT_INJECTABLE } from '../src/inject';

const scripting = (results: unknown[]) => {
  const calls: unknown[] = [];
  return {
    calls,
    executeScript: async (o: unknown) => {
      calls.push(o);
      return results;
    },
  };
};

describe('injectContentScript', () => {
  it('injects /content.js into the tab, whichever page asks', async () => {
    const api = scripting([{ frameId: 0, documentId: 'd' }]);
    await injectContentScript(api, 7);
    expect(CONTENT_SCRIPT_FILE).toBe('/content.js');
    expect(api.calls).toEqual([{ target: { tabId: 7 }, files: ['/content.js'] }]);
  });

  it('fails when the browser injected nothing (Firefox on about: pages answers [undefined])', async () => {
    await expect(injectContentScript(scripting([undefined]), 7)).rejects.toThrow(NOT_INJECTABLE);
    await expect(injectContentScript(scripting([]), 7)).rejects.toThrow(NOT_INJECTABLE);
  });

  it('passes the browser’s own refusal on', async () => {
    const api = {
      executeScript: async () => {
        throw new Error('Cannot access a chrome:// URL');
      },
    };
    await expect(injectContentScript(api, 7)).rejects.toThrow('Cannot access a chrome:// URL');
  });
});
