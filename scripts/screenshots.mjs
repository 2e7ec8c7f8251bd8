#!/usr/bin/env node
// `npm run screenshots`: the pictures the README shows, made from the real
// extension in Chromium, in light and dark, at fixed sizes, into docs/. Each
// surface is a module in scripts/screenshots/ exporting `surface` (a name and
// an async shoot(stage)); stage.mjs is what they share. Adding a surface is
// adding a module.
//
//   npm run screenshots                        build, then every surface, light and dark, into docs/
//   npm run screenshots -- --only popup,page   some surfaces
//   npm run screenshots -- --out DIR           somewhere else
//   npm run screenshots -- --dist DIR          an extension already built (no build)
import { mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from '../build.mjs';
import { openStage } from './screenshots/stage.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const MODULES = join(ROOT, 'scripts/screenshots');
const SCHEMES = ['light', 'dark'];

function option(name) {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  return args[i].includes('=') ? args[i].slice(args[i].indexOf('=') + 1) : args[i + 1];
}

async function surfaces() {
  const found = [];
  for (const file of readdirSync(MODULES).sort()) {
    if (!file.endsWith('.mjs')) continue;
    const mod = await import(pathToFileURL(join(MODULES, file)).href);
    if (mod.surface) found.push(mod.surface);
  }
  const only = option('only')?.split(',');
  const chosen = only ? found.filter((s) => only.includes(s.name)) : found;
  if (only && chosen.length !== only.length)
    throw new Error(
      `--only names ${only.join(', ')}; the surfaces are ${found.map((s) => s.name).join(', ')}`,
    );
  return chosen;
}

async function main() {
  const out = resolve(option('out') ?? join(ROOT, 'docs'));
  let dist = option('dist');
  if (dist === undefined) {
    await build({});
    dist = join(ROOT, 'dist/chrome');
  }
  mkdirSync(out, { recursive: true });
  const written = [];
  for (const surface of await surfaces()) {
    for (const scheme of SCHEMES) {
      // A fresh browser per surface and scheme: no module depends on what another saved.
      const stage = await openStage({ dist: resolve(dist), scheme, out });
      try {
        await surface.shoot(stage);
      } finally {
        written.push(...stage.written);
        await stage.close();
      }
    }
  }
  for (const f of written) console.log(relative(process.cwd(), f));
}

main().catch((e) => {
  console.error(`screenshots failed: ${e instanceof Error ? e.stack : String(e)}`);
  process.exit(1);
});
