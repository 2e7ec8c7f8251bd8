// The suite-wide network watch can fail: requests made on purpose from the
// extension's service worker, from one of its pages and from a script in a web
// page are all caught, and a page's own markup is not counted. The test marks
// its own requests as expected, so the end-of-run check leaves them out.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockNetwork, launchExtension, serveFixture, sweepWorker, type Launched } from './harness';
import { LaunchLog, readRun, requestSource, type SeenRequest } from './network-watch';

let ext: Launched;

beforeAll(async () => {
  ext = await launchExtension();
  await blockNetwork(ext.context);
}, 60_000);

afterAll(async () => {
  await ext?.close();
});

const failedFetch = (url: string) => `fetch(${JSON.stringify(url)}).then(() => 'answered', () => 'failed')`;

describe('the network watch in Chromium', () => {
  it('sees a fetch from the extension service worker', async () => {
    const url = 'https://example.com/x';
    expect(
      await ext.worker.evaluate(
        (u) =>
          fetch(u).then(
            () => 'answered',
            () => 'failed',
          ),
        url,
      ),
    ).toBe('failed');
    await expect.poll(() => ext.network.unexpected().map((r) => r.url)).toContain(url);
    const [caught] = ext.network.expect((r) => r.url === url);
    expect(caught).toMatchObject({ url, resourceType: 'fetch', source: 'extension service worker' });
    expect(caught!.from).toBe(ext.worker.url());
    expect(ext.network.unexpected()).toEqual([]);
  });

  it('sees a fetch from an extension page, and a script fetch from a web page, but not the page markup', async () => {
    const lib = await ext.context.newPage();
    await lib.goto(`chrome-extension://${ext.extensionId}/options/index.html`);
    expect(await lib.evaluate(failedFetch('https://example.com/from-library'))).toBe('failed');

    // The content script fetches from the page's own frame; a page script stands in for it.
    const at = await serveFixture(ext.context, 'pinterest-engineering-career-interview');
    const page = await ext.context.newPage();
    const images: string[] = [];
    page.on('requestfailed', (r) => void (r.resourceType() === 'image' && images.push(r.url())));
    await page.goto(at);
    await page.waitForLoadState('load');
    expect(await page.evaluate(failedFetch('https://example.com/from-page'))).toBe('failed');
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
    expect(images.length).toBeGreaterThan(0);
    expect(ext.network.requests().map((r) => r.url)).not.toEqual(expect.arrayContaining([images[0]]));
    expect(ext.network.expect((r) => r.url.startsWith('https://example.com/'))).toHaveLength(3);
    await lib.close();
    await page.close();
  });

  it("finds in the worker's resource timing what it fetched before the watch began", async () => {
    const url = 'https://example.com/before-the-watch';
    await ext.worker.evaluate((u) => fetch(u).catch(() => undefined), url);
    ext.network.expect((r) => r.url === url);
    // A log that saw nothing, as for a request made before the listener was attached.
    const fresh = new LaunchLog('sweep check', null);
    const found = await sweepWorker(ext.worker, fresh);
    expect(found.map((r) => r.url)).toEqual(expect.arrayContaining([url]));
    expect(found.every((r) => r.source === 'extension service worker')).toBe(true);
    // The launch's own log already has them all, so its sweep adds nothing.
    expect(await sweepWorker(ext.worker, ext.network)).toEqual([]);
  });

  it('counts requests by who made them', () => {
    const base: SeenRequest = {
      url: 'https://example.com/',
      resourceType: 'fetch',
      from: '',
      navigation: false,
      workerUrl: null,
      pageUrl: null,
      served: false,
    };
    const ext_ = 'chrome-extension://abc/options/index.html';
    const web = 'https://medium.com/pinterest-engineering/x';
    expect(requestSource({ ...base, workerUrl: 'chrome-extension://abc/background.js' })).toBe(
      'extension service worker',
    );
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
    expect(requestSource({ ...base, from: web, pageUrl: web })).toBe('web page script');
    expect(requestSource({ ...base, resourceType: 'image', from: web, pageUrl: web })).toBeNull();
    expect(
      requestSource({ ...base, resourceType: 'document', navigation: true, from: web, pageUrl: web }),
    ).toBeNull();
    expect(
      requestSource({ ...base, url: 'chrome-extension://abc/popup/main.js', from: ext_, pageUrl: ext_ }),
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
