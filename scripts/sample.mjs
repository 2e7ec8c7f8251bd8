// The sample interview `npm start` and `npm run screenshots` show: the seed
// fixture, whose saved copy lost Medium's stylesheets, with a readable column
// added. It follows the system's light or dark scheme, as many reading sites
// do, so the extension's UI can be seen on a dark page too.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SAMPLE_FILE = join(ROOT, 'test/fixtures/pinterest-engineering-career-interview.html');
/** The address the fixture was saved from: the extension starts there by itself. */
export const SAMPLE_URL = JSON.parse(
  readFileSync(SAMPLE_FILE.replace(/\.html$/, '.expected.json'), 'utf8'),
).url;

const SAMPLE_STYLE = `<meta name="color-scheme" content="light dark">
<style>
  body { max-width: 46rem; margin: 2rem auto; padding: 0 1rem; font: 18px/1.6 Georgia, serif; color: #242424; background: #fff; }
  svg { width: 1.5rem; height: 1.5rem; }
  img { max-width: 100%; height: auto; }
  h1, h2, h3 { font-family: system-ui, sans-serif; line-height: 1.25; }
  @media (prefers-color-scheme: dark) { body { color: #e3e3e3; background: #121212; } }
</style>`;

export function sampleHtml() {
  return readFileSync(SAMPLE_FILE, 'utf8').replace('</head>', `${SAMPLE_STYLE}\n</head>`);
}
