// Where the real-browser tests and `npm start` find Chromium. Callers must
// stop with NO_CHROMIUM when this returns null: a missing browser is a failed
// run, never a silently skipped one.
import { accessSync, constants } from 'node:fs';

export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export const NO_CHROMIUM =
  'No Chromium found: install it (apt-get install -y chromium) or set CHROME_PATH to a Chrome/Chromium binary.';

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** CHROME_PATH when set (even if wrong, so a typo is reported, not papered over), else the first installed candidate. */
export function findChromium(env = process.env) {
  const fromEnv = env.CHROME_PATH?.trim();
  if (fromEnv) return executable(fromEnv) ? fromEnv : null;
  return CHROMIUM_CANDIDATES.find(executable) ?? null;
}

/** findChromium() or exit 1 with the one-line hint. */
export function requireChromium() {
  const path = findChromium();
  if (!path) {
    console.error(NO_CHROMIUM);
    process.exit(1);
  }
  return path;
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
