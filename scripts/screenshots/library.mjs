// The library page: a few highlights saved on the sample (with a note, tags, a
// second colour and a whole Q&A) and then 10,000 generated ones imported
// through the page's own backup import, each at 1280×800 and 800 px wide.
//   docs/library-SCHEME.png, library-narrow-SCHEME.png,
//   docs/library-10k-SCHEME.png, library-10k-narrow-SCHEME.png
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const WIDE = { width: 1280, height: 800 };
const NARROW = { width: 800, height: 800 };

async function generated() {
  const out = await esbuild.build({
    entryPoints: [join(ROOT, 'src/store/generate.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
  });
  const mod = await import(
    `data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`
  );
  const { articles, highlights } = mod.generateLibrary(500, 10_000, 7);
  return {
    format: 'interview-highlights-backup',
    version: 1,
    exportedAt: new Date().toISOString(),
    articles,
    highlights,
  };
}

async function both(stage, page, name) {
  await page.setViewportSize(WIDE);
  // The pointer rests on the first highlight, so one row shows its actions.
  const first = page.locator('.highlight').first();
  await first.hover();
  await stage.shot(page, name, { settle: 500 });
  await page.setViewportSize(NARROW);
  await page.locator('.highlight').first().hover();
  await stage.shot(page, `${name}-narrow`, { settle: 500 });
}

export const surface = {
  name: 'library',
  async shoot(stage) {
    const { page: sample } = await stage.seededSample();
    await sample.close();
    const page = await stage.extensionPage('options/index.html', WIDE);
    await page.locator('.highlight').first().waitFor();
    await both(stage, page, 'library');

    const backup = await generated();
    await page.evaluate(async (data) => {
      const hook = globalThis.ihLibrary;
      await hook.library.clear();
      await hook.library.importBackup(data);
    }, backup);
    await page.setViewportSize(WIDE);
    await page.reload();
    await page.waitForFunction(
      () => /^10000 highlights/.test(document.querySelector('.summary')?.textContent ?? ''),
      null,
      {
        timeout: 60_000,
      },
    );
    await both(stage, page, 'library-10k');
    await page.close();
  },
};
