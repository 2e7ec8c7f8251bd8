// Node entry: extract saved interview pages to JSON or Markdown.
// Bundled to dist/cli.mjs; happy-dom stays an external runtime dependency.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';
import { renderInterview } from './export/interview';
import { explainInterview, extractInterview } from './extract';
import { renderExplanation } from './extract/explain';
import { decodeHtml, documentFrom } from './extract/html';
import { readHeadMeta, resolveUrl } from './extract/metadata';
import type { Interview } from './types';

const USAGE = `usage: interview-highlights <command> [--url URL] PAGE.html [PAGE.html ...]

commands:
  extract    print the page's interview as JSON (2-space indent); with several
             pages, a JSON array in the order given. A page without Q&A is still
             printed, with "interview": false.
  markdown   print every question and answer as Markdown; with several pages,
             the documents follow each other separated by one blank line.
             A page without Q&A is reported on stderr (exit 3).

PAGE.html is a saved web page; "-" reads one page from standard input.

options:
  --url URL  the page's address (for every page given). Without it the page's
             canonical link is used, else its og:url, else the file's file:// URL.
  --explain  (extract) instead of JSON, print for each block of the article what
             it was taken for (question, answer, speaker label, insert, chrome,
             intro) and the rule that decided it.
  -h, --help show this help

exit status: 0 done; 2 bad usage or a page that is missing, unreadable or not
HTML; 3 (markdown) a page holds no Q&A.`;

const PROGRAM = 'interview-highlights';

class UsageError extends Error {}
class InputError extends Error {}

interface Args {
  command: 'extract' | 'markdown';
  url: string | null;
  explain: boolean;
  files: string[];
}

function parseArgs(argv: string[]): Args | 'help' {
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  const [command, ...rest] = argv;
  if (command !== 'extract' && command !== 'markdown') {
    throw new UsageError(command === undefined ? 'no command given' : `unknown command: ${command}`);
  }
  let url: string | null = null;
  let explain = false;
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--url') {
      const v = rest[++i];
      if (v === undefined || v === '') throw new UsageError('--url needs a value');
      url = v;
    } else if (a.startsWith('--url=')) {
      url = a.slice('--url='.length);
      if (url === '') throw new UsageError('--url needs a value');
    } else if (a === '--explain') {
      explain = true;
    } else if (a.startsWith('-') && a !== '-') {
      throw new UsageError(`unknown option: ${a}`);
    } else files.push(a);
  }
  if (files.length === 0) throw new UsageError('no page given');
  if (files.filter((f) => f === '-').length > 1) throw new UsageError('standard input can be read only once');
  if (explain && command !== 'extract') throw new UsageError('--explain goes with extract');
  return { command, url, explain, files };
}

interface Page {
  name: string;
  html: string;
  fileUrl: string;
}

const HTML_MARKUP =
  /<\s*(?:!doctype\s+html|html|head|body|article|main|section|div|p|h[1-6]|span|a|ul|ol|li|table|br|meta|title|header|footer|blockquote|pre|strong|em)[\s>/]/i;

function readPage(file: string): Page {
  let bytes: Buffer;
  try {
    bytes = file === '-' ? readFileSync(0) : readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : (e as Error).message;
    throw new InputError(`cannot read ${file}: ${why}`);
  }
  const name = file === '-' ? 'standard input' : file;
  // NUL bytes do not occur in HTML text; they mark images, archives and other binaries.
  if (bytes.subarray(0, 65536).includes(0)) throw new InputError(`${name} is not an HTML page (binary data)`);
  const html = decodeHtml(bytes);
  if (!HTML_MARKUP.test(html)) throw new InputError(`${name} is not an HTML page (no HTML markup found)`);
  const fileUrl =
    file === '-' ? pathToFileURL(resolve('stdin.html')).href : pathToFileURL(resolve(file)).href;
  return { name, html, fileUrl };
}

/** The page's interview; with `explain`, also the report of how each block was read. */
async function extractPage(
  page: Page,
  url: string | null,
  explain = false,
): Promise<{ interview: Interview; report?: string }> {
  const window = new Window({
    url: page.fileUrl,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
    },
  });
  try {
    const document = documentFrom(new window.DOMParser() as unknown as DOMParser, page.html);
    let pageUrl = url;
    if (pageUrl === null) {
      const meta = readHeadMeta(document);
      pageUrl =
        resolveUrl(meta.canonical, page.fileUrl) ??
        resolveUrl(meta.meta.get('og:url'), page.fileUrl) ??
        page.fileUrl;
    }
    if (!explain) return { interview: extractInterview(document, pageUrl) };
    const { interview, blocks } = explainInterview(document, pageUrl);
    return { interview, report: renderExplanation(interview, blocks) };
  } finally {
    await window.happyDOM.close();
  }
}

async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  // Every page is read before anything is printed: a bad input fails the whole run cleanly.
  const pages = args.files.map(readPage);
  const interviews: Interview[] = [];
  const reports: string[] = [];
  for (const p of pages) {
    const r = await extractPage(p, args.url, args.explain);
    interviews.push(r.interview);
    if (r.report !== undefined) reports.push(pages.length > 1 ? `== ${p.name}\n${r.report}` : r.report);
  }

  if (args.explain) {
    process.stdout.write(`${reports.join('\n\n')}\n`);
    return 0;
  }
  if (args.command === 'extract') {
    const value = interviews.length === 1 && args.files.length === 1 ? interviews[0] : interviews;
    process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    return 0;
  }
  const docs: string[] = [];
  let status = 0;
  interviews.forEach((iv, i) => {
    if (!iv.interview) {
      process.stderr.write(`${PROGRAM}: ${pages[i]!.name} holds no question-and-answer section\n`);
      status = 3;
    } else docs.push(renderInterview(iv).replace(/\n+$/, ''));
  });
  if (docs.length > 0) process.stdout.write(`${docs.join('\n\n')}\n`);
  return status;
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof UsageError) {
      process.stderr.write(`${PROGRAM}: ${e.message}\n${USAGE}\n`);
      process.exitCode = 2;
    } else if (e instanceof InputError) {
      process.stderr.write(`${PROGRAM}: ${e.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`${PROGRAM}: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    }
  },
);
