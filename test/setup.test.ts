// `npm run setup` (scripts/setup.mjs), which `npm start`, `npm test` and CI
// call: with the browsers and tools hidden from it (an empty PATH, no
// CHROME_PATH or FIREFOX_PATH), as root it says in one line what it installs
// and why and would run apt-get; as anyone else it stops with one line naming
// the command. The decision is also checked as a pure function, so neither
// outcome runs apt here.
//
// Root and non-root come from user namespaces (util-linux `unshare`, no
// privilege needed): `--map-root-user` is uid 0 inside, plain `--user` is the
// overflow user, for whom sudo cannot work.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { locate, needsFor, onPath, plan } from '../scripts/setup.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EMPTY = mkdtempSync(join(tmpdir(), 'ih-setup-path-'));
const UNSHARE = '/usr/bin/unshare';

afterAll(() => rmSync(EMPTY, { recursive: true, force: true }));

// Fonts are found through dpkg, not PATH, so they cannot be hidden: expect them only when this machine lacks them.
const fonts = locate('fonts').missing === true;
const WHAT = fonts
  ? 'Chromium, Firefox, Xvfb, xauth, xdotool and fonts'
  : 'Chromium, Firefox, Xvfb, xauth and xdotool';
const PACKAGES = `chromium firefox-esr xvfb xauth xdotool${fonts ? ' fonts-liberation' : ''}`;
const WHY = 'npm test and npm start run the extension in Chromium and Firefox';

/** Runs `node scripts/setup.mjs args` with nothing on PATH, as root or not (in a user namespace). */
function runSetup(as: 'root' | 'user', args: string[], env: Record<string, string> = {}) {
  const ns = as === 'root' ? ['--user', '--map-root-user'] : ['--user'];
  const r = spawnSync(UNSHARE, [...ns, process.execPath, join(ROOT, 'scripts/setup.mjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: EMPTY, HOME: EMPTY, ...env },
  });
  const lines = (s: string) => s.split('\n').filter((l) => l.trim() !== '');
  return { status: r.status, out: lines(r.stdout), err: lines(r.stderr), error: r.error };
}

describe('npm run setup with no browser and no tool on PATH', () => {
  it('can hide them: nothing is found on an empty PATH without CHROME_PATH and FIREFOX_PATH', () => {
    expect(existsSync(UNSHARE), 'util-linux unshare, to run as root and as another user').toBe(true);
    const env = { PATH: EMPTY };
    for (const tool of ['chromium', 'firefox', 'xvfb', 'xauth', 'xdotool'] as const)
      expect(locate(tool, env), tool).toEqual({ missing: true });
  });

  it('as root, says in one line what it installs and why, then the apt-get commands (dry run: none is run)', () => {
    const r = runSetup('root', ['--dry-run']);
    expect(r.error).toBeUndefined();
    expect(r.err).toEqual([]);
    expect(r.status).toBe(0);
    const [line, update, install, last] = r.out;
    expect(line).toBe(`Installing ${PACKAGES} with apt-get: ${WHAT} are missing and ${WHY}.`);
    expect(update).toBe('would run: apt-get update -q');
    expect(install).toBe(`would run: apt-get install -y -q --no-install-recommends ${PACKAGES}`);
    expect(last).toBe('dry run: nothing installed.');
    expect(r.out).toHaveLength(4);
  });

  it('as another user without sudo, stops with one line naming the exact command', () => {
    const r = runSetup('user', []);
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(1);
    expect(r.out).toEqual([]);
    expect(r.err).toHaveLength(1);
    expect(r.err).toEqual([
      `${WHAT} are missing and ${WHY}: install as root: \`apt-get update -q && apt-get install -y -q --no-install-recommends ${PACKAGES}\`, or set CHROME_PATH and FIREFOX_PATH, then run it again.`,
    ]);
  });

  it('takes CHROME_PATH and FIREFOX_PATH over the search, and names a wrong one instead of searching', () => {
    const chromium = onPath(['chromium', 'chromium-browser', 'google-chrome']);
    expect(chromium, 'a Chromium on this machine').not.toBeNull();
    expect(locate('chromium', { PATH: EMPTY, CHROME_PATH: chromium! })).toEqual({ path: chromium });
    const r = runSetup('root', ['--dry-run'], { FIREFOX_PATH: '/nowhere/firefox' });
    expect(r.status).toBe(1);
    expect(r.err).toEqual([
      'FIREFOX_PATH is /nowhere/firefox, which is not an executable file: fix it or unset it.',
    ]);
  });
});

describe('the set-up decision', () => {
  const { tools, why } = needsFor('test', { env: {} });
  const missing = tools.filter((t) => t !== 'fonts');

  it('as root on Debian or Ubuntu: apt-get update, then install, after one line', () => {
    const p = plan(missing, why, { root: true, sudo: false, apt: true });
    expect(p).toEqual({
      install: true,
      line: `Installing chromium firefox-esr xvfb xauth xdotool with apt-get: Chromium, Firefox, Xvfb, xauth and xdotool are missing and ${why}.`,
      commands: [
        ['apt-get', 'update', '-q'],
        [
          'apt-get',
          'install',
          '-y',
          '-q',
          '--no-install-recommends',
          'chromium',
          'firefox-esr',
          'xvfb',
          'xauth',
          'xdotool',
        ],
      ],
    });
  });

  it('with a working sudo -n: the same commands through it', () => {
    const p = plan(['firefox'], why, { root: false, sudo: true, apt: true });
    expect(p.install && p.commands).toEqual([
      ['sudo', '-n', 'apt-get', 'update', '-q'],
      ['sudo', '-n', 'apt-get', 'install', '-y', '-q', '--no-install-recommends', 'firefox-esr'],
    ]);
    expect(p.line).toBe(`Installing firefox-esr with apt-get: Firefox is missing and ${why}.`);
  });

  it('anywhere else: one line, naming the command where apt exists and the variables that override the search', () => {
    expect(plan(['chromium'], why, { root: false, sudo: false, apt: true })).toEqual({
      install: false,
      line: `Chromium is missing and ${why}: install as root: \`apt-get update -q && apt-get install -y -q --no-install-recommends chromium\`, or set CHROME_PATH, then run it again.`,
    });
    expect(plan(['chromium', 'firefox'], why, { root: true, sudo: false, apt: false }).line).toBe(
      `Chromium and Firefox are missing and ${why}: install Chromium and Firefox with your system's package manager, or set CHROME_PATH and FIREFOX_PATH, then run it again.`,
    );
  });

  it('asks for Xvfb only when there is no display, and for the one browser npm start opens', () => {
    expect(needsFor('test', { env: { DISPLAY: ':1' } }).tools).not.toContain('xvfb');
    expect(needsFor('test', { env: {} }).tools).toEqual(expect.arrayContaining(['xvfb', 'xauth']));
    expect(needsFor('start', { browser: 'firefox', env: {} }).tools).toEqual(['firefox', 'fonts']);
  });
});
