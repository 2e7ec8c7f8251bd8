// Node 20 cannot strip TypeScript types, so the scripts and benchmarks that
// call the project's TypeScript bundle a small entry with esbuild into a
// temporary module beside node_modules (so bare imports resolve), import it,
// and remove the file.
import * as esbuild from 'esbuild';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Imports the module that the TypeScript source `entry` (resolved from the repository root) compiles to. */
export async function importTs(entry, name) {
  const out = path.join(root, `.${name}-${process.pid}.mjs`);
  await esbuild.build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    outfile: out,
    logLevel: 'warning',
  });
  try {
    return await import(pathToFileURL(out).href);
  } finally {
    await rm(out, { force: true });
  }
}
