// The suite-wide "no network" check. Every browser the real-browser tests launch
// writes down each request the extension made; global-setup's teardown reads
// all of them at the end of the run and fails it if any is left that no test
// made on purpose.
//
// Who made a request, as far as Chromium lets Playwright see:
// - the extension's service worker: always the extension's;
// - a chrome-extension:// page (popup, library): always the extension's,
//   except a navigation to a page the test itself serves;
// - a web page: its markup (images, styles, scripts, the document) is the saved
//   page's own doing, and is only blocked. A request a script starts (fetch,
//   XHR, beacon, EventSource, WebSocket) is counted, because the content script
//   makes its requests from the page's frame and the fixtures run no script that
//   makes requests (their only scripts are JSON data and one external file that
//   is itself blocked).

import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The environment variable global-setup sets to the directory the launches write to. */
export const NETWORK_DIR_ENV = 'IH_E2E_NETWORK_DIR';

export type RequestSource =
  | 'extension service worker'
  | 'extension background page'
  | 'extension page'
  | 'web page script'
  | 'web service worker';

export interface SeenRequest {
  url: string;
  /** Playwright's resource type, or `websocket`. */
  resourceType: string;
  /** Where the request was made: the worker's or page's address. */
  from: string;
  /** True for a top-level or frame navigation. */
  navigation: boolean;
  /** The worker that made it, when a service worker did. */
  workerUrl: string | null;
  /** The address of the tab it came from, when a page did. */
  pageUrl: string | null;
  /** The harness serves this address (a fixture page). */
  served: boolean;
}

export interface ExtensionRequest {
  /** Numbered per launch, so a test can mark one as expected. */
  id: number;
  url: string;
  resourceType: string;
  source: RequestSource;
  from: string;
  /** The test that was running when the request was seen. */
  test: string;
}

const NETWORK = /^(https?|wss?|ftp):/i;
/** Resource types a script starts (fetch, XHR, beacons, sockets), as opposed to page markup. */
export const SCRIPTED = new Set(['fetch', 'xhr', 'eventsource', 'websocket', 'ping', 'other']);
const isExtension = (u: string | null): boolean => /^(chrome|moz)-extension:\/\//.test(u ?? '');

/** Whose request this is, or null when it is not the extension's (or not a network request at all). */
export function requestSource(r: SeenRequest): RequestSource | null {
  if (!NETWORK.test(r.url)) return null;
  if (r.workerUrl !== null)
    return isExtension(r.workerUrl) ? 'extension service worker' : 'web service worker';
  if (isExtension(r.from) || isExtension(r.pageUrl)) {
    return r.navigation && r.served ? null : 'extension page';
  }
  return SCRIPTED.has(r.resourceType) && !r.navigation ? 'web page script' : null;
}

// ---- the per-launch log files ----

type Line =
  | { kind: 'launch'; file: string }
  | ({ kind: 'request' } & ExtensionRequest)
  | { kind: 'expected'; id: number };

let launches = 0;

/** One launch's log: a JSON-lines file in the run's directory, written as things happen so a crash leaves it behind. */
export class LaunchLog {
  private readonly file: string | null;
  private readonly seen: ExtensionRequest[] = [];
  private readonly expected = new Set<number>();

  /** dir null keeps the log in memory only. */
  constructor(testFile: string, dir: string | null = process.env[NETWORK_DIR_ENV] ?? null) {
    launches += 1;
    this.file = null;
    if (dir) {
      mkdirSync(dir, { recursive: true });
      this.file = join(dir, `launch-${process.pid}-${launches}.jsonl`);
      this.write({ kind: 'launch', file: testFile });
    }
  }

  private write(line: Line): void {
    if (this.file) appendFileSync(this.file, `${JSON.stringify(line)}\n`);
  }

  record(r: Omit<ExtensionRequest, 'id'>): ExtensionRequest {
    const entry = { id: this.seen.length + 1, ...r };
    this.seen.push(entry);
    this.write({ kind: 'request', ...entry });
    return entry;
  }

  /**
   * Adds what an extension context's own Resource Timing lists (failed fetches
   * included) and this log does not have yet: requests made before the watch
   * began, and those the browser does not report (a service worker's before
   * Playwright attached; Firefox's background page and popup, always).
   */
  addResourceTiming(
    entries: { url: string; type: string }[],
    source: RequestSource,
    from: string,
    test: string,
  ): ExtensionRequest[] {
    const known = new Set(this.seen.filter((r) => r.source === source).map((r) => r.url));
    const added: ExtensionRequest[] = [];
    for (const e of entries) {
      if (known.has(e.url) || !NETWORK.test(e.url)) continue;
      known.add(e.url);
      added.push(
        this.record({ url: e.url, resourceType: `${e.type} (from resource timing)`, source, from, test }),
      );
    }
    return added;
  }

  /** Every request the extension made in this browser, expected ones included. */
  requests(): ExtensionRequest[] {
    return [...this.seen];
  }

  /** The requests no test has marked as expected. */
  unexpected(): ExtensionRequest[] {
    return this.seen.filter((r) => !this.expected.has(r.id));
  }

  /** Marks the matching requests as made on purpose by the test, so the suite-wide check leaves them out. */
  expect(match: (r: ExtensionRequest) => boolean): ExtensionRequest[] {
    const hits = this.seen.filter((r) => !this.expected.has(r.id) && match(r));
    for (const r of hits) {
      this.expected.add(r.id);
      this.write({ kind: 'expected', id: r.id });
    }
    return hits;
  }
}

export interface RunReport {
  launches: number;
  expected: number;
  unexpected: (ExtensionRequest & { launchedBy: string })[];
}

/** Reads every launch's log in dir. */
export function readRun(dir: string): RunReport {
  const report: RunReport = { launches: 0, expected: 0, unexpected: [] };
  if (!existsSync(dir)) return report;
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.jsonl'))
    .sort()) {
    const lines = readFileSync(join(dir, name), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as Line);
    let launchedBy = name;
    const requests = new Map<number, ExtensionRequest>();
    for (const line of lines) {
      if (line.kind === 'launch') launchedBy = line.file;
      else if (line.kind === 'request') requests.set(line.id, line);
      else if (requests.delete(line.id)) report.expected += 1;
    }
    report.launches += 1;
    for (const r of requests.values()) report.unexpected.push({ ...r, launchedBy });
  }
  return report;
}

export function describeRequests(rs: RunReport['unexpected']): string {
  return rs
    .map(
      (r) =>
        `  ${r.resourceType} ${r.url}\n    by the ${r.source} ${r.from}\n    in ${relative(process.cwd(), r.launchedBy) || r.launchedBy}${r.test ? ` > ${r.test}` : ''}`,
    )
    .join('\n');
}
