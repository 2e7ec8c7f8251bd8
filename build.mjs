#!/usr/bin/env node
// One source tree, two unpacked extensions (dist/chrome, dist/firefox) and the
// CLI (dist/cli.mjs). Each browser gets its own manifest variant and its own
// esbuild target, because the two disagree on the background key and on what
// syntax they accept.
//
//   node build.mjs            production build (minified, no sourcemaps)
//   node build.mjs --dev      development build (+ content script on 127.0.0.1/localhost for `npm start`)
//   node build.mjs --watch    rebuild on change
//   node build.mjs --zip      also write dist/interview-highlights-{chrome,firefox}-VERSION.zip
import * as esbuild from 'esbuild';
import { zipSync } from 'fflate';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  watch,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = dirname(fileURLToPath(import.meta.url));
export const DIST = join(ROOT, 'dist');
export const BROWSERS = /** @type {const} */ (['chrome', 'firefox']);
const TARGETS = { chrome: 'chrome120', firefox: 'firefox140' };
/** Pages that run in the extension's origin: an HTML file beside a Preact entry. */
const PAGES = ['popup', 'options'];
/** Where `npm start` serves the sample interview. */
export const DEV_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];

const readJson = (file) => JSON.parse(readFileSync(join(ROOT, file), 'utf8'));

/** The manifest one browser loads, derived from the single source manifest.json. */
export function manifestFor(browser, source, { dev = false } = {}) {
  const m = structuredClone(source);
  if (browser === 'chrome') {
    // Chrome rejects a background `scripts` key in MV3 and has no use for gecko settings.
    delete m.browser_specific_settings;
    m.background = { service_worker: m.background.service_worker };
  } else {
    // Firefox runs MV3 backgrounds as event pages and only warns about (then
    // ignores) `service_worker`; keeping it would be a lint warning of our own.
    m.background = { scripts: m.background.scripts };
  }
  if (dev) {
    m.content_scripts = m.content_scripts.map((cs, i) =>
      i === 0 ? { ...cs, matches: [...cs.matches, ...DEV_MATCHES] } : cs,
    );
  }
  return m;
}

function esbuildOptions(browser, { dev, outdir = join(DIST, browser) }) {
  const common = {
    bundle: true,
    target: TARGETS[browser],
    minify: !dev,
    sourcemap: dev ? 'inline' : false,
    legalComments: dev ? 'inline' : 'none',
    logLevel: 'warning',
    charset: 'utf8',
    define: { 'process.env.NODE_ENV': JSON.stringify(dev ? 'development' : 'production') },
    jsx: 'automatic',
    jsxImportSource: 'preact',
    loader: { '.svg': 'text' },
  };
  const scripts = {
    ...common,
    entryPoints: {
      background: join(ROOT, 'src/background/index.ts'),
      content: join(ROOT, 'src/content/index.ts'),
    },
    // Classic scripts: the content script cannot be a module, and Firefox's
    // background `scripts` page loads it as a classic script too.
    format: 'iife',
    outdir,
  };
  const pages = {
    ...common,
    entryPoints: Object.fromEntries(PAGES.map((p) => [`${p}/main`, join(ROOT, p, 'main.tsx')])),
    format: 'esm',
    outdir,
  };
  return [scripts, pages];
}

function cliOptions({ dev }) {
  return {
    entryPoints: [join(ROOT, 'src/cli.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: join(DIST, 'cli.mjs'),
    // happy-dom is a runtime dependency: bundling it would freeze a large
    // library into the CLI and break its lazy requires.
    external: ['happy-dom'],
    banner: { js: '#!/usr/bin/env node' },
    minify: false,
    sourcemap: dev ? 'inline' : false,
    logLevel: 'warning',
  };
}

/** Files copied as they are: locales, icons, and each page's HTML and CSS. */
export function copyStatic(browser, { dev = false, outdir = join(DIST, browser) } = {}) {
  mkdirSync(outdir, { recursive: true });
  const manifest = manifestFor(browser, readJson('manifest.json'), { dev });
  writeFileSync(join(outdir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  cpSync(join(ROOT, '_locales'), join(outdir, '_locales'), { recursive: true });
  mkdirSync(join(outdir, 'icons'), { recursive: true });
  for (const f of readdirSync(join(ROOT, 'icons'))) {
    if (f.endsWith('.png')) cpSync(join(ROOT, 'icons', f), join(outdir, 'icons', f));
  }
  for (const page of PAGES) {
    const src = join(ROOT, page);
    mkdirSync(join(outdir, page), { recursive: true });
    for (const f of readdirSync(src)) {
      if (f.endsWith('.html') || f.endsWith('.css')) cpSync(join(src, f), join(outdir, page, f));
    }
  }
}

/** Every file under dir, as paths relative to it, sorted so zips are reproducible. */
function listFiles(dir, base = dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? listFiles(p, base) : [relative(base, p).split('\\').join('/')];
    });
}

export function zipBrowser(browser, version) {
  const dir = join(DIST, browser);
  // A fixed timestamp keeps the same sources producing the same bytes.
  const mtime = new Date('2024-01-01T00:00:00Z');
  const entries = Object.fromEntries(
    listFiles(dir).map((f) => [f, [new Uint8Array(readFileSync(join(dir, f))), { mtime }]]),
  );
  const out = join(DIST, `interview-highlights-${browser}-${version}.zip`);
  writeFileSync(out, zipSync(entries, { level: 9 }));
  return out;
}

function cleanBrowserDirs() {
  for (const b of BROWSERS) rmSync(join(DIST, b), { recursive: true, force: true });
  if (existsSync(DIST)) {
    for (const f of readdirSync(DIST)) if (/^interview-highlights-.*\.zip$/.test(f)) rmSync(join(DIST, f));
  }
}

const hasCli = () => existsSync(join(ROOT, 'src/cli.ts'));

/** A one-shot build. Resolves to the list of files written at the top level. */
export async function build({ dev = false, zip = false } = {}) {
  // Build beside dist/ and swap in at the end, so a browser test running at the
  // same time never loads a half-written extension.
  const stage = join(DIST, `.stage-${process.pid}`);
  rmSync(stage, { recursive: true, force: true });
  try {
    const jobs = [];
    for (const browser of BROWSERS) {
      const outdir = join(stage, browser);
      copyStatic(browser, { dev, outdir });
      for (const opts of esbuildOptions(browser, { dev, outdir })) jobs.push(esbuild.build(opts));
    }
    if (hasCli()) jobs.push(esbuild.build(cliOptions({ dev })));
    else console.warn('build: src/cli.ts not found, dist/cli.mjs not written');
    await Promise.all(jobs);
    cleanBrowserDirs();
    for (const b of BROWSERS) renameSync(join(stage, b), join(DIST, b));
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
  if (hasCli()) chmodSync(join(DIST, 'cli.mjs'), 0o755);
  const written = BROWSERS.map((b) => join(DIST, b));
  if (zip) {
    const { version } = readJson('manifest.json');
    for (const b of BROWSERS) written.push(zipBrowser(b, version));
  }
  return written;
}

async function watchAll({ dev }) {
  cleanBrowserDirs();
  const contexts = [];
  for (const browser of BROWSERS) {
    copyStatic(browser, { dev });
    for (const opts of esbuildOptions(browser, { dev })) {
      const plugin = {
        name: 'report',
        setup(b) {
          b.onEnd((r) => {
            if (r.errors.length === 0)
              console.log(`rebuilt ${browser} ${Object.keys(opts.entryPoints).join(', ')}`);
          });
        },
      };
      contexts.push(await esbuild.context({ ...opts, plugins: [plugin] }));
    }
  }
  if (hasCli()) contexts.push(await esbuild.context(cliOptions({ dev })));
  await Promise.all(contexts.map((c) => c.watch()));
  // esbuild watches what it bundles; the copied files need their own watcher.
  const recopy = () => {
    try {
      for (const b of BROWSERS) copyStatic(b, { dev });
      console.log('copied manifest, locales, icons, pages');
    } catch (e) {
      console.error(`copy failed: ${e instanceof Error ? e.message : e}`);
    }
  };
  for (const p of ['manifest.json', '_locales', 'icons', ...PAGES]) {
    watch(join(ROOT, p), { recursive: true }, (_event, name) => {
      if (p === 'manifest.json' || p === '_locales' || p === 'icons' || /\.(html|css)$/.test(String(name)))
        recopy();
    });
  }
  console.log('watching for changes (Ctrl-C to stop)');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = new Set(process.argv.slice(2));
  const dev = args.has('--dev');
  try {
    if (args.has('--watch')) {
      await watchAll({ dev });
    } else {
      const written = await build({ dev, zip: args.has('--zip') });
      for (const f of written) console.log(`wrote ${relative(ROOT, f)}`);
    }
  } catch (e) {
    // esbuild has already printed its diagnostics.
    console.error(`build failed${e instanceof Error && e.message ? `: ${e.message.split('\n')[0]}` : ''}`);
    process.exit(1);
  }
}
