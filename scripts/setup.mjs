#!/usr/bin/env node
// The one place that knows what `npm start`, `npm test` and CI need besides
// Node, and where to find it: Chromium and Firefox (CHROME_PATH and
// FIREFOX_PATH win over any search), Xvfb and xauth for a virtual display,
// xdotool for the real key press, fonts for the pages.
//
// When something is missing, on Debian or Ubuntu as root (or with a working
// `sudo -n`), it is installed with apt-get after one line saying what and why;
// anywhere else the command stops with one line naming the exact command to
// run. Nothing is installed silently and no test is ever skipped instead.
//
//   node scripts/setup.mjs            (npm run setup) everything npm test and npm start need
//   node scripts/setup.mjs --dry-run  say what would be installed, install nothing
//
// Plain Node only: it runs before `npm ci` in CI.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Each thing a command may need: the programs that provide it (searched on
 * PATH), the variable that overrides the search, the Debian packages that
 * install it, and what it is for.
 */
export const TOOLS = {
  chromium: {
    label: 'Chromium',
    programs: ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'],
    env: 'CHROME_PATH',
    packages: ['chromium'],
  },
  firefox: {
    label: 'Firefox',
    programs: ['firefox-esr', 'firefox'],
    env: 'FIREFOX_PATH',
    packages: ['firefox-esr'],
  },
  xvfb: { label: 'Xvfb', programs: ['xvfb-run'], packages: ['xvfb', 'xauth'] },
  xauth: { label: 'xauth', programs: ['xauth'], packages: ['xauth'] },
  xdotool: { label: 'xdotool', programs: ['xdotool'], packages: ['xdotool'] },
  fonts: { label: 'fonts', dpkg: 'fonts-liberation', packages: ['fonts-liberation'] },
};

/** What each command needs, and why, in the words of its one-line message. */
export function needsFor(command, { browser = 'chromium', env = process.env } = {}) {
  const display = env.DISPLAY ? [] : ['xvfb', 'xauth'];
  switch (command) {
    case 'start':
      return {
        tools: [browser, 'fonts'],
        why: `npm start opens the sample interview in ${TOOLS[browser].label}`,
      };
    case 'bench':
      return { tools: ['chromium', 'fonts'], why: 'the benchmarks run in Chromium' };
    case 'test':
      return {
        tools: ['chromium', 'firefox', ...display, 'xdotool', 'fonts'],
        why: 'npm test runs the real-browser tests in Chromium and Firefox, and presses the real shortcut key with xdotool',
      };
    case 'setup':
      return {
        tools: ['chromium', 'firefox', 'xvfb', 'xauth', 'xdotool', 'fonts'],
        why: 'npm test and npm start run the extension in Chromium and Firefox',
      };
    default:
      throw new Error(`unknown command ${command}`);
  }
}

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first of names on PATH, as an absolute path. */
export function onPath(names, env = process.env) {
  const dirs = (env.PATH ?? '').split(delimiter).filter((d) => isAbsolute(d));
  for (const name of names)
    for (const dir of dirs) {
      const p = join(dir, name);
      if (executable(p)) return p;
    }
  return null;
}

/** Whether a Debian package is installed (dpkg's own record; false where there is no dpkg). */
function dpkgInstalled(pkg) {
  if (!existsSync('/usr/bin/dpkg-query')) return null;
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format syntax, not a template.
  const r = spawnSync('/usr/bin/dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/**
 * Where a tool is: { path } when found, { missing: true } when not, or
 * { error } when its variable names something that is not a program (a typo
 * is reported, never papered over by a search).
 */
export function locate(tool, env = process.env) {
  const t = TOOLS[tool];
  const fromEnv = t.env ? env[t.env]?.trim() : undefined;
  if (fromEnv) {
    return executable(fromEnv)
      ? { path: fromEnv }
      : { error: `${t.env} is ${fromEnv}, which is not an executable file: fix it or unset it.` };
  }
  if (t.dpkg) {
    // Where dpkg cannot say, the fonts are the system's business.
    return dpkgInstalled(t.dpkg) === false ? { missing: true } : { path: null };
  }
  const path = onPath(t.programs, env);
  return path ? { path } : { missing: true };
}

export function findChromium(env = process.env) {
  return locate('chromium', env).path ?? null;
}

export function findFirefox(env = process.env) {
  return locate('firefox', env).path ?? null;
}

export const NO_CHROMIUM =
  'No Chromium found: run `npm run setup` (it installs it with apt-get as root), or set CHROME_PATH to a Chrome/Chromium binary.';
export const NO_FIREFOX =
  'No Firefox found: run `npm run setup` (it installs firefox-esr with apt-get as root), or set FIREFOX_PATH to a Firefox binary.';

/** What this machine allows: root, a sudo that needs no password, apt on Debian or Ubuntu. */
export function systemFacts() {
  let release = '';
  try {
    release = readFileSync('/etc/os-release', 'utf8');
  } catch {
    // Not Linux, or a very bare one: no apt path then.
  }
  const ids = [...release.matchAll(/^(?:ID|ID_LIKE)=("?)([^"\n]*)\1$/gm)].flatMap((m) => m[2].split(/\s+/));
  const sudo =
    process.getuid?.() !== 0 &&
    existsSync('/usr/bin/sudo') &&
    spawnSync('/usr/bin/sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
  return {
    root: process.getuid?.() === 0,
    sudo,
    apt: existsSync('/usr/bin/apt-get') && ids.some((id) => id === 'debian' || id === 'ubuntu'),
  };
}

const list = (xs) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);

/**
 * The decision for what is missing: install it (with the commands to run and
 * the line to print first), or stop (with the line to print). Pure, so both
 * outcomes are tested without running apt.
 */
export function plan(missing, why, facts) {
  const packages = [...new Set(missing.flatMap((t) => TOOLS[t].packages))];
  const labels = list([...new Set(missing.map((t) => TOOLS[t].label))]);
  const install = ['apt-get', 'install', '-y', '-q', '--no-install-recommends', ...packages];
  const update = ['apt-get', 'update', '-q'];
  if (facts.apt && (facts.root || facts.sudo)) {
    const prefix = facts.root ? [] : ['sudo', '-n'];
    return {
      install: true,
      line: `Installing ${packages.join(' ')} with apt-get: ${labels} ${missing.length > 1 ? 'are' : 'is'} missing and ${why}.`,
      commands: [
        [...prefix, ...update],
        [...prefix, ...install],
      ],
    };
  }
  const overrides = missing
    .map((t) => TOOLS[t].env)
    .filter(Boolean)
    .map((v) => `${v}`);
  const orSet = overrides.length ? `, or set ${list(overrides)}` : '';
  const command = facts.apt
    ? `as root: \`${update.join(' ')} && ${install.join(' ')}\``
    : `${labels} with your system's package manager`;
  return {
    install: false,
    line: `${labels} ${missing.length > 1 ? 'are' : 'is'} missing and ${why}: install ${command}${orSet}, then run it again.`,
  };
}

/**
 * Makes sure everything command needs is there, installing it where allowed.
 * Returns the paths found ({ chromium, firefox, … }); on anything it cannot
 * fix it prints one line and exits 1.
 */
export function setup(command, { browser, dryRun = false, env = process.env, log = console.log } = {}) {
  const { tools, why } = needsFor(command, { browser, env });
  const stop = (line) => {
    console.error(line);
    process.exit(1);
  };
  const look = () => Object.fromEntries(tools.map((t) => [t, locate(t, env)]));
  let found = look();
  for (const f of Object.values(found)) if (f.error) stop(f.error);
  const missing = tools.filter((t) => found[t].missing);
  if (missing.length > 0) {
    const p = plan(missing, why, systemFacts());
    if (!p.install) stop(p.line);
    log(p.line);
    for (const argv of p.commands) {
      if (dryRun) {
        log(`would run: ${argv.join(' ')}`);
        continue;
      }
      const r = spawnSync(argv[0], argv.slice(1), {
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
      if (r.status !== 0)
        stop(`\`${argv.join(' ')}\` failed (exit ${r.status ?? r.signal}): see its output above.`);
    }
    if (dryRun) return {};
    found = look();
    const still = tools.filter((t) => found[t].missing);
    if (still.length > 0) stop(`Still missing after apt-get: ${list(still.map((t) => TOOLS[t].label))}.`);
  }
  return Object.fromEntries(Object.entries(found).map(([t, f]) => [t, f.path ?? null]));
}

/** Chromium flags that load one unpacked extension and keep the browser quiet and offline-friendly. */
export function extensionArgs(extensionDir) {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dryRun = process.argv.includes('--dry-run');
  const found = setup('setup', { dryRun });
  if (!dryRun)
    for (const [tool, path] of Object.entries(found))
      if (path) console.log(`${TOOLS[tool].label.padEnd(9)} ${path}`);
  console.log(dryRun ? 'dry run: nothing installed.' : 'Everything npm start and npm test need is here.');
}
