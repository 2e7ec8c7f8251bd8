// The content script answers its own extension only. Firefox reports a message
// from an extension page open in a tab as coming from that tab (Chromium gives
// it no tab), so the rule reads the sender's address, not just its tab.

import { describe, expect, it } from 'vitest';
import { fromOwnExtension } from '../../src/content/sender';

const ID = 'interview-highlights@example.org';
const ORIGIN = 'moz-extension://3b0c6a52-1f0e-4c55-9d57-6f7b1b0d2a11/';
const accepts = (sender: Parameters<typeof fromOwnExtension>[0]) => fromOwnExtension(sender, ID, ORIGIN);

describe('fromOwnExtension', () => {
  it('answers the background and an extension page with no tab (Chromium, and the real popup)', () => {
    expect(accepts({ id: ID, url: `${ORIGIN}_generated_background_page.html` })).toBe(true);
    expect(accepts({ id: ID })).toBe(true);
  });

  it('answers an extension page open in a tab, which Firefox reports with that tab', () => {
    expect(accepts({ id: ID, url: `${ORIGIN}popup/index.html?tab=3`, tab: { id: 9 } })).toBe(true);
    expect(accepts({ id: ID, url: `${ORIGIN}options/index.html`, tab: { id: 9 } })).toBe(true);
  });

  it('ignores a web page, another extension, and a look-alike address', () => {
    expect(accepts({ id: ID, url: 'https://medium.com/pinterest-engineering/x', tab: { id: 9 } })).toBe(
      false,
    );
    expect(accepts({ id: ID, tab: { id: 9 } })).toBe(false);
    expect(accepts({ id: 'other@example.org', url: `${ORIGIN}popup/index.html` })).toBe(false);
    expect(
      accepts({ id: ID, url: 'moz-extension://3b0c6a52-1f0e-4c55-9d57-6f7b1b0d2a11.evil/x', tab: { id: 9 } }),
    ).toBe(false);
  });
});
