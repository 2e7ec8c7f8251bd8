// The extension's CSP forbids eval: the template engine must bundle without it.
// Its own file so mutation testing can leave it out (vitest.mutate.config.ts):
// there the bundled source carries StrykerJS's instrumentation, which uses `new Function`.

import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('under the extension’s CSP', () => {
  it('bundles the template engine without eval or new Function', async () => {
    const out = await build({
      entryPoints: ['src/export/template-export.ts'],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      minify: false,
      logLevel: 'silent',
    });
    const code = out.outputFiles[0]!.text;
    expect(code).toContain('Unclosed tag');
    expect(code).not.toMatch(/\bnew Function\b|\beval\s*\(|\bFunction\s*\(/);
  });
});
