// The README's front door and its Firefox section, checked against the code
// they describe: the first screen names every package the set-up installs
// (scripts/setup.mjs), the list of what differs in Firefox is
// FIREFOX_DIFFERENCES (scripts/firefox.mjs) with files that exist, and the
// commands the Firefox section names are ones the project has.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIREFOX_DIFFERENCES } from '../scripts/firefox.mjs';
import { TOOLS } from '../scripts/setup.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const scripts = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts;

/** The text from a heading line to the next heading of the same or a higher level. */
function section(heading: string): string {
  const level = heading.match(/^#+/)![0].length;
  const lines = README.split('\n');
  const start = lines.indexOf(heading);
  expect(start, `README has "${heading}"`).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l) && l.match(/^#+/)![0].length <= level);
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

describe('the README', () => {
  it('opens with what the extension does and a screenshot, then the two commands and what they install', () => {
    const firstScreen = README.slice(0, README.indexOf('\n### '));
    const images = [...firstScreen.matchAll(/!\[[^\]]+\]\(([^)]+)\)/g)].map((m) => m[1]!);
    const commands = firstScreen.indexOf('## Two commands');
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(existsSync(join(ROOT, image)), image).toBe(true);
    expect(firstScreen.indexOf('![')).toBeLessThan(commands);
    expect(firstScreen.slice(0, firstScreen.indexOf('![')).trim().split('\n').length).toBeGreaterThan(2);
    const after = firstScreen.slice(commands);
    expect(after).toContain('npm ci && npm start');
    expect(after).toContain('npm test');
    for (const pkg of new Set(Object.values(TOOLS).flatMap((t) => t.packages)))
      expect(after, `the first screen names ${pkg}`).toContain(`\`${pkg}\``);
    expect(after).toContain('`npm run setup`');
    expect(scripts.setup).toBe('node scripts/setup.mjs');
  });

  it('lists what differs in Firefox exactly as FIREFOX_DIFFERENCES says, naming files that exist', () => {
    const bullets = section('### What differs in Firefox')
      .split('\n')
      .filter((l) => l.startsWith('- '));
    const expected = FIREFOX_DIFFERENCES.map(
      (d) => `- **${d.what}**: ${d.detail} Handled in \`${d.handled}\`; shown by \`${d.shown}\`.`,
    );
    expect(bullets).toEqual(expected);
    for (const d of FIREFOX_DIFFERENCES) {
      expect(existsSync(join(ROOT, d.handled)), d.handled).toBe(true);
      expect(existsSync(join(ROOT, d.shown)), d.shown).toBe(true);
    }
  });

  it('names only commands the project has in its Firefox section', () => {
    const firefox = section('## Firefox');
    const named = [...firefox.matchAll(/`npm run ([\w:-]+)/g)].map((m) => m[1]!);
    for (const name of named) expect(scripts, `npm run ${name}`).toHaveProperty(name);
    expect(firefox).toContain('`npm start -- --browser firefox`');
    // start.mjs refuses a browser it does not know, naming the ones it does (before it builds anything).
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/start.mjs'), '--browser', 'netscape'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('npm start: --browser is one of chromium, firefox, not netscape');
    expect(firefox).toContain('`npx web-ext run -s dist/firefox`');
    expect(existsSync(join(ROOT, 'node_modules/.bin/web-ext'))).toBe(true);
  });
});
