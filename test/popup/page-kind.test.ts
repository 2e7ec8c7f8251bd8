import { describe, expect, it } from 'vitest';
import { isBrowserPage, refusedAsBrowserPage } from '../../popup/page-kind';
import { NOT_INJECTABLE } from '../../src/inject';

describe('isBrowserPage', () => {
  it('knows the browsers’ own pages and the extension stores', () => {
    for (const url of [
      'chrome://settings/',
      'chrome://newtab/',
      'edge://extensions',
      'about:robots',
      'about:blank',
      'moz-extension://abc/options.html',
      'chrome-extension://abc/popup/index.html',
      'view-source:https://example.com/',
      'https://chromewebstore.google.com/detail/x',
      'https://chrome.google.com/webstore/category/extensions',
      'https://addons.mozilla.org/en-US/firefox/',
    ])
      expect(isBrowserPage(url), url).toBe(true);
  });

  it('takes every other address for an ordinary page', () => {
    for (const url of [
      'https://example.com/',
      'http://localhost:8080/x',
      'file:///tmp/a.html',
      'https://google.com/webstore',
      'not a url',
    ])
      expect(isBrowserPage(url), url).toBe(false);
  });
});

describe('refusedAsBrowserPage', () => {
  it('trusts the address when the browser gives it', () => {
    expect(refusedAsBrowserPage('Cannot access a chrome:// URL', 'https://example.com/')).toBe(false);
    expect(refusedAsBrowserPage('anything', 'chrome://version')).toBe(true);
  });

  it('reads the browsers’ refusals when it does not', () => {
    expect(refusedAsBrowserPage('Cannot access a chrome:// URL', null)).toBe(true);
    expect(refusedAsBrowserPage('The extensions gallery cannot be scripted.', null)).toBe(true);
    expect(refusedAsBrowserPage(NOT_INJECTABLE, null)).toBe(true);
    expect(
      refusedAsBrowserPage(
        'Cannot access contents of the page. Extension manifest must request permission to access the respective host.',
        null,
      ),
    ).toBe(false);
    expect(refusedAsBrowserPage('Missing host permission for the tab', null)).toBe(false);
  });
});
