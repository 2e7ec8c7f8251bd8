// @vitest-environment happy-dom
// A save that fails in a way no handler expected (once: the content script
// threw in Firefox on every page) must tell the reader, on the page, and
// answer the sender with the reason; before, the Save button did nothing.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentEnv, MessageListener } from '../../src/content/env';
import { ContentSession } from '../../src/content/session';
import { ok } from '../../src/messages';
import { DEFAULT_SETTINGS } from '../../src/types';

const EXTENSION_ID = 'interview-highlights@example.org';
const listeners: MessageListener[] = [];

const env: ContentEnv = {
  window,
  send: async () => ok([]) as never,
  onMessage: {
    addListener: (l) => void listeners.push(l),
    removeListener: (l) => void listeners.splice(listeners.indexOf(l), 1),
  },
  extensionId: EXTENSION_ID,
  extensionOrigin: 'moz-extension://uuid/',
  settings: { load: async () => DEFAULT_SETTINGS, onChanged: () => () => undefined },
  clipboard: { writeText: async () => undefined },
  now: () => 1_700_000_000_000,
  newId: () => 'new-id',
};

const toastText = (): string | null | undefined =>
  document.querySelector('[data-interview-highlights-ui]')?.shadowRoot?.querySelector('.toast')?.textContent;

describe('an unexpected failure in the content script', () => {
  let session: ContentSession;

  beforeEach(() => {
    document.body.innerHTML = '<article><p>Some words to select on the page.</p></article>';
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    session = new ContentSession(env);
    session.start();
  });

  afterEach(() => {
    session.stop();
    // The UI host outlives stop() (it is reused on the same page); the next test gets a clean page.
    for (const host of document.querySelectorAll('[data-interview-highlights-ui]')) host.remove();
    vi.restoreAllMocks();
  });

  it('is shown in a toast and sent back when a save asked for by the background fails', async () => {
    vi.spyOn(session, 'refreshPage').mockRejectedValue(
      new TypeError('u.searchParams.keys() is not iterable'),
    );
    const reply = await listeners.at(-1)!({ type: 'selection:save' }, { id: EXTENSION_ID });
    expect(reply).toEqual({ ok: false, error: 'u.searchParams.keys() is not iterable' });
    expect(toastText()).toBe('Could not save the highlight: u.searchParams.keys() is not iterable');
  });

  it('is shown in a toast when the floating Save button is pressed', async () => {
    const text = document.querySelector('p')!.firstChild!;
    const range = document.createRange();
    range.setStart(text, 5);
    range.setEnd(text, 10);
    window.getSelection()!.addRange(range);
    document.dispatchEvent(new Event('selectionchange'));
    const button = await vi.waitFor(() => {
      const b = document
        .querySelector('[data-interview-highlights-ui]')
        ?.shadowRoot?.querySelector<HTMLButtonElement>('button.save');
      if (!b) throw new Error('no Save button yet');
      return b;
    });
    vi.spyOn(session, 'saveSelection').mockRejectedValue(new Error('the store is gone'));
    button.click();
    await vi.waitFor(() => expect(toastText()).toBe('Could not save the highlight: the store is gone'));
  });
});
