// What the reader sees, not what the registry holds: a highlight across a link
// is coloured behind the link's text and the full stop after it, in the
// screen's own pixels, in Chromium and Firefox. Issue 12 reported a gap there;
// the screenshots' own pixels show none (pale green behind blue link text is
// lost in a scaled-down view of a screenshot, which is where this project's
// earlier reports of the gap came from), and this test keeps it so.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ReplyOf } from '../../src/messages';
import type { HighlightPatch } from '../../src/types';
import {
  CAREER,
  eachBrowser,
  interviewFixture,
  launchExtension,
  openFixture,
  paint,
  saveSelection,
  selectText,
  serveFixture,
  type Session,
  type TestPage,
} from './harness';

const career = interviewFixture(CAREER);
const LINKED =
  'You can see the continuation of that commitment in our recent announcement to support the Inspired Internet Pledge.';
const LINK = 'Inspired Internet Pledge';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The link's box and the full stop's after it, in the viewport, the link scrolled to the middle. */
function boxes(page: TestPage): Promise<{ link: Box; stop: Box; scale: number }> {
  return page.evaluate((text) => {
    const a = [...document.querySelectorAll('a')].find((x) => x.textContent === text);
    const after = a?.nextSibling;
    if (!a || !after) throw new Error('no link followed by text');
    a.scrollIntoView({ block: 'center' });
    const stop = document.createRange();
    stop.setStart(after, 0);
    stop.setEnd(after, 1);
    const plain = (r: DOMRect) => ({ x: r.x, y: r.y, width: r.width, height: r.height });
    return {
      link: plain(a.getBoundingClientRect()),
      stop: plain(stop.getBoundingClientRect()),
      scale: window.devicePixelRatio,
    };
  }, LINK);
}

/** Green paint, rgba(80, 200, 120, 0.4), over the page's white paper. */
const GREEN_ON_WHITE = [185, 233, 201] as const;

/** The share of a box's pixels showing the green paint (the glyphs' own pixels are the rest). */
function greenShare(png: PNG, box: Box, scale: number): number {
  let tinted = 0;
  let all = 0;
  const x0 = Math.round(box.x * scale);
  const y0 = Math.round(box.y * scale);
  for (let y = y0; y < Math.round((box.y + box.height) * scale); y++) {
    for (let x = x0; x < Math.round((box.x + box.width) * scale); x++) {
      const i = (y * png.width + x) * 4;
      const [r, g, b] = [png.data[i] as number, png.data[i + 1] as number, png.data[i + 2] as number];
      all++;
      const [gr, gg, gb] = GREEN_ON_WHITE;
      if (Math.abs(r - gr) + Math.abs(g - gg) + Math.abs(b - gb) < 30) tinted++;
    }
  }
  return all === 0 ? 0 : tinted / all;
}

eachBrowser('the paint behind a link inside a highlight', (browser) => {
  let ext: Session;
  let dir: string;

  beforeAll(async () => {
    ext = await launchExtension(browser);
    await ext.blockNetwork();
    await serveFixture(ext, CAREER);
    dir = await mkdtemp(join(tmpdir(), 'ih-paint-'));
  }, 60_000);

  afterAll(async () => {
    await ext?.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Changes a highlight as the library does: the store, then every open page told to repaint. */
  const edit = (id: string, patch: HighlightPatch) =>
    ext.background(
      async (g, arg) => {
        const h = await (await g.ih.library()).updateHighlight(arg.id, arg.patch);
        await g.ih.broadcast([h.articleKey]);
      },
      { id, patch },
    );

  it('colours the link and the full stop after it, as the text before them, after a recolour', async () => {
    const { page, tabId } = await openFixture(ext, career.url);
    await selectText(page, career.questions[1]!.answerStartsWith);
    const first = await saveSelection(ext, tabId);
    expect(first).toMatchObject({ ok: true });
    await selectText(page, LINKED);
    const saved = await saveSelection(ext, tabId);
    expect(saved).toMatchObject({ ok: true });
    await page.evaluate(() => window.getSelection()?.removeAllRanges());
    await expect.poll(async () => (await paint(page))['ih-yellow'] ?? []).toContain(LINKED);
    // A note on the first, then the linked one recoloured, as the library does it.
    await edit(first.value!.id, { note: 'Worth rereading.' });
    await edit(saved.value!.id, { color: 'green' });
    await expect.poll(async () => (await paint(page))['ih-green'] ?? []).toEqual([LINKED]);
    // A whole Q&A saved from the page's menu rebuilds every entry of the registry.
    const qa = await ext.background(async (g, id) => {
      const state = (await g.chrome.tabs.sendMessage(id, { type: 'page:get' })) as ReplyOf<'page:get'>;
      const section = state.ok ? state.value.interview?.sections[2] : undefined;
      return g.chrome.tabs.sendMessage(id, { type: 'page:saveSection', sectionId: section?.id });
    }, tabId);
    expect(qa).toMatchObject({ ok: true });
    await expect.poll(async () => ((await paint(page))['ih-yellow'] ?? []).length).toBe(2);
    const { link, stop, scale } = await boxes(page);
    const shot = join(dir, `${browser}.png`);
    await expect
      .poll(
        async () => {
          await page.screenshot({ path: shot });
          const png = PNG.sync.read(await readFile(shot));
          return { link: greenShare(png, link, scale) > 0.3, stop: greenShare(png, stop, scale) > 0.3 };
        },
        { timeout: 5_000 },
      )
      .toEqual({ link: true, stop: true });
  });
});
