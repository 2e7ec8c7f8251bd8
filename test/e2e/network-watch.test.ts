// The suite-wide network watch can fail, in both browsers: requests made on
// purpose from the extension's background, from one of its pages and from a
// script in a web page are all caught, and a page's own markup is not
// counted. The test marks its own requests as expected, so the end-of-run
// check leaves them out. In Chromium Playwright sees every one as it is made;
// in Firefox BiDi reports the requests of tabs only, so the background's (and
// the real popup's) come from their Resource Timing (see drivers/firefox.ts).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CAREER,
  eachBrowser,
  isFirefox,
  launchExtension,
  openLibrary,
  serveFixture,
  type NetworkLog,
  type Session,
} from './harness';
import { LaunchLog, readRun, requestSource, type SeenRequest } from './network-watch';

const failedFetch = (u: string): Promise<string> =>
  fetch(u).then(
    () => 'answered',
    () => 'failed',
  );

eachBrowser('the network watch', (browser) => {
  let ext: Session;
  let blocked: NetworkLog;
  const background = browser === 'firefox' ? 'extension background page' : 'extension service worker';

  beforeAll(async () => {
    ext = await launchExtension(browser);
    blocked = await ext.blockNetwork();
  }, 60_000);

  afterAll(async () => {
    await ext?.close();
  });

  it(`sees a fetch from the extension's background (${browser === 'firefox' ? 'from its resource timing' : 'as it is made'})`, async () => {
    const url = 'https://example.com/x';
    expect(
      await ext.background(
        (g, u) =>
          g.fetch(u).then(
            () => 'answered',
            () => 'failed',
          ),
        url,
      ),
    ).toBe('failed');
    // Firefox reports no request of its background page: only the sweep finds it.
    if (isFirefox(ext)) await ext.sweepBackground(ext.network);
    await expect.poll(() => ext.network.unexpected().map((r) => r.url)).toContain(url);
    const [caught] = ext.network.expect((r) => r.url === url);
    expect(caught).toMatchObject({ url, source: background });
    expect(caught!.from.startsWith(`${ext.extensionOrigin}/`)).toBe(true);
    expect(ext.network.unexpected()).toEqual([]);
  });

  it('sees a fetch from an extension page, and a script fetch and a beacon from a web page, but not the page markup', async () => {
    const lib = await openLibrary(ext);
    expect(await lib.evaluate(failedFetch, 'https://example.com/from-library')).toBe('failed');

    // The content script fetches from the page's own frame; a page script stands in for it.
    const at = await serveFixture(ext, CAREER);
    const page = await ext.newPage();
    await page.goto(at);
    expect(await page.evaluate(failedFetch, 'https://example.com/from-page')).toBe('failed');
    await page.evaluate(() => navigator.sendBeacon('https://example.com/beacon', 'x'));

    await expect
      .poll(() =>
        ext.network
          .unexpected()
          .map((r) => `${r.source}: ${r.url}`)
          .sort(),
      )
      .toEqual([
        'extension page: https://example.com/from-library',
        'web page script: https://example.com/beacon',
        'web page script: https://example.com/from-page',
      ]);
    // The saved page's own images were requested and blocked, and are not the extension's.
    const images = blocked.blocked.filter((b) => b.resourceType === 'image').map((b) => b.url);
    expect(images.length).toBeGreaterThan(0);
    expect(ext.network.requests().map((r) => r.url)).not.toContain(images[0]);
    expect(ext.network.expect((r) => r.url.startsWith('https://example.com/'))).toHaveLength(3);
    await lib.close();
    await page.close();
  });

  it("finds in the background's resource timing what it fetched before the watch began", async () => {
    const url = 'https://example.com/before-the-watch';
    await ext.background((g, u) => g.fetch(u).catch(() => undefined), url);
    // A log that saw nothing, as for a request made before the listener was attached.
    const fresh = new LaunchLog('sweep check', null);
    const found = await ext.sweepBackground(fresh);
    expect(found.map((r) => r.url)).toEqual(expect.arrayContaining([url]));
    expect(found.every((r) => r.source === background)).toBe(true);
    await ext.sweepBackground(ext.network);
    ext.network.expect((r) => r.url === url);
    // The launch's own log has them all now, so its sweep adds nothing.
    expect(await ext.sweepBackground(ext.network)).toEqual([]);
  });

  if (browser === 'firefox')
    it('sees a fetch from the real toolbar popup when it closes (from its resource timing)', async () => {
      if (!isFirefox(ext)) throw new Error('Firefox only');
      const page = await ext.newPage();
      await page.goto(await serveFixture(ext, CAREER));
      await page.bringToFront();
      const popup = await ext.openActionPopup();
      const url = 'https://example.com/from-the-popup';
      expect(
        await popup.evaluate(
          (w, u) =>
            w.fetch(u).then(
              () => 'answered',
              () => 'failed',
            ),
          url,
        ),
      ).toBe('failed');
      await popup.close();
      expect(ext.network.expect((r) => r.url === url)).toEqual([
        expect.objectContaining({ url, source: 'extension page' }),
      ]);
      await page.close();
    });
});

describe('the network watch’s bookkeeping', () => {
  it('counts requests by who made them, in either browser', () => {
    const base: SeenRequest = {
      url: 'https://example.com/',
      resourceType: 'fetch',
      from: '',
      navigation: false,
      workerUrl: null,
      pageUrl: null,
      served: false,
    };
    const web = 'https://medium.com/pinterest-engineering/x';
    for (const ext_ of [
      'chrome-extension://abc/options/index.html',
      'moz-extension://abc/options/index.html',
    ]) {
      expect(requestSource({ ...base, resourceType: 'image', from: ext_, pageUrl: ext_ })).toBe(
        'extension page',
      );
      expect(
        requestSource({
          ...base,
          resourceType: 'document',
          navigation: true,
          from: ext_,
          pageUrl: ext_,
          served: true,
        }),
      ).toBeNull();
      expect(
        requestSource({ ...base, resourceType: 'document', navigation: true, from: ext_, pageUrl: ext_ }),
      ).toBe('extension page');
      expect(
        requestSource({
          ...base,
          url: ext_.replace('options/index.html', 'popup/main.js'),
          from: ext_,
          pageUrl: ext_,
        }),
      ).toBeNull();
    }
    expect(requestSource({ ...base, workerUrl: 'chrome-extension://abc/background.js' })).toBe(
      'extension service worker',
    );
    expect(requestSource({ ...base, from: web, pageUrl: web })).toBe('web page script');
    expect(requestSource({ ...base, resourceType: 'image', from: web, pageUrl: web })).toBeNull();
    expect(
      requestSource({ ...base, resourceType: 'document', navigation: true, from: web, pageUrl: web }),
    ).toBeNull();
    expect(
      requestSource({ ...base, url: 'data:text/plain,x', workerUrl: 'chrome-extension://abc/background.js' }),
    ).toBeNull();
  });

  it('reads every launch log of a run and leaves out the expected requests', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ih-network-test-'));
    try {
      const one = new LaunchLog('a.test.ts', dir);
      const two = new LaunchLog('b.test.ts', dir);
      const r = {
        resourceType: 'fetch',
        source: 'extension service worker' as const,
        from: 'chrome-extension://abc/background.js',
        test: 't',
      };
      one.record({ url: 'https://example.com/kept', ...r });
      one.record({ url: 'https://example.com/on-purpose', ...r });
      one.expect((x) => x.url.endsWith('on-purpose'));
      two.record({ url: 'https://example.com/also-kept', ...r });
      const run = readRun(dir);
      expect(run.launches).toBe(2);
      expect(run.expected).toBe(1);
      expect(run.unexpected.map((x) => [x.url, x.launchedBy])).toEqual([
        ['https://example.com/kept', 'a.test.ts'],
        ['https://example.com/also-kept', 'b.test.ts'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
