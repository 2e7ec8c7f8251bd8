// A client for the Obsidian Local REST API plugin (desktop): HTTPS on
// 127.0.0.1:27124 with the plugin's own self-signed certificate, or plain HTTP
// on 27123 when the reader turned that on, a bearer key on every request. It
// only ever talks to 127.0.0.1, and it takes fetch as a parameter, so tests run
// it against a stub server. Every failure comes back as a plain typed result
// with a sentence for the reader, and a failed read never leads to a write.

import { type NotePath, vaultFile } from './note-path';
import type { RestSettings } from './settings';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export type RestFailure =
  /** 401 or 403: the key is wrong, or was changed in Obsidian. */
  | { kind: 'refused-key' }
  /**
   * fetch itself failed: nothing listens on the port, or the browser refused
   * the plugin's certificate. A browser says the same for both; Node says which.
   */
  | { kind: 'unreachable'; cause: 'closed-port' | 'certificate' | 'unknown' }
  | { kind: 'timeout' }
  /** The note changed between reading and writing it, more than once. */
  | { kind: 'changed-meanwhile' }
  /** An error the plugin explained (its JSON error body). */
  | { kind: 'refused'; status: number; detail: string }
  /** An answer that is not what the plugin answers: another server, or a note that is not text. */
  | { kind: 'bad-answer'; detail: string };

export type RestResult<T> = { ok: true; value: T } | { ok: false; failure: RestFailure; message: string };

export interface ServerStatus {
  authenticated: boolean;
  /** The plugin's version ("3.2.0"), or '' when it does not say. */
  version: string;
}

export interface NoteRead {
  text: string;
  /** The note's version as the plugin's ETag gives it (plugin 5 and later), for a write that only lands on it. */
  etag: string | null;
}

export type Precondition = { ifMatch: string } | { ifNoneMatch: '*' } | null;

export type PatchOperation = 'append' | 'prepend' | 'replace';

/** Ten seconds: the plugin answers on the same machine in milliseconds; longer means something is wrong. */
export const REST_TIMEOUT_MS = 10_000;

export function restOrigin(s: Pick<RestSettings, 'https' | 'port'>): string {
  return `${s.https ? 'https' : 'http'}://127.0.0.1:${s.port}`;
}

/** /vault/Folder/Name.md with each part percent-encoded. */
export function vaultUrlPath(path: NotePath): string {
  return `/vault/${vaultFile(path).split('/').map(encodeURIComponent).join('/')}.md`;
}

function messageFor(f: RestFailure, origin: string): string {
  switch (f.kind) {
    case 'refused-key':
      return 'Obsidian refused the API key. Copy it again from Obsidian: Settings → Local REST API. Nothing was written.';
    case 'unreachable':
      if (f.cause === 'closed-port')
        return `Nothing answers at ${origin}. Open Obsidian and turn on the Local REST API plugin. Nothing was written.`;
      if (f.cause === 'certificate')
        return `The browser does not trust the certificate at ${origin}. Open ${origin} in a tab once and accept it. Nothing was written.`;
      return `Could not reach Obsidian at ${origin}. Is Obsidian open with the Local REST API plugin on? If it is, open ${origin} in a tab once and accept its certificate. Nothing was written.`;
    case 'timeout':
      return `Obsidian did not answer at ${origin} in time. Nothing was written.`;
    case 'changed-meanwhile':
      return 'The note changed in Obsidian while it was being updated. Nothing was written; send it again.';
    case 'refused':
      return `Obsidian could not do it: ${f.detail} (HTTP ${f.status}). Nothing was written.`;
    case 'bad-answer':
      return `Something at ${origin} answered, but not as the Local REST API plugin does (${f.detail}). Nothing was written.`;
  }
}

/** What fetch's TypeError says about why it failed, where it says anything (Node puts a code in `cause`). */
function unreachableCause(e: unknown): 'closed-port' | 'certificate' | 'unknown' {
  const code = String((e as { cause?: { code?: unknown } }).cause?.code ?? '');
  if (code === 'ECONNREFUSED') return 'closed-port';
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) return 'certificate';
  return 'unknown';
}

async function errorDetail(res: Response): Promise<string | null> {
  try {
    const body: unknown = JSON.parse(await res.text());
    const message = (body as { message?: unknown }).message;
    return typeof message === 'string' ? message.slice(0, 300) : null;
  } catch {
    return null;
  }
}

/** The plugin's major version, 0 when it does not say. */
function major(version: string): number {
  return Number(/^(\d+)\./.exec(version)?.[1] ?? 0);
}

export class RestClient {
  private readonly origin: string;
  private status: ServerStatus | null = null;

  constructor(
    private readonly settings: Pick<RestSettings, 'https' | 'port' | 'apiKey'>,
    private readonly fetch: FetchLike,
    private readonly timeoutMs = REST_TIMEOUT_MS,
  ) {
    this.origin = restOrigin(settings);
  }

  /** A failure with its sentence for the reader. */
  fail<T>(failure: RestFailure): RestResult<T> {
    return { ok: false, failure, message: messageFor(failure, this.origin) };
  }

  private async request(path: string, init: RequestInit): Promise<Response | RestResult<never>> {
    // Called detached: a browser's fetch throws "Illegal invocation" when called as a method of something else.
    const fetch = this.fetch;
    try {
      return await fetch(`${this.origin}${path}`, {
        ...init,
        headers: { Authorization: `Bearer ${this.settings.apiKey}`, ...init.headers },
        signal: AbortSignal.timeout(this.timeoutMs),
        // The key goes to 127.0.0.1 and nowhere else: no redirect is followed.
        redirect: 'error',
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch (e) {
      if (e instanceof DOMException && (e.name === 'TimeoutError' || e.name === 'AbortError'))
        return this.fail({ kind: 'timeout' });
      return this.fail({ kind: 'unreachable', cause: unreachableCause(e) });
    }
  }

  /** A failure for an answer that was not a success. */
  private async refusal(res: Response): Promise<RestResult<never>> {
    if (res.status === 401 || res.status === 403) return this.fail({ kind: 'refused-key' });
    const detail = await errorDetail(res);
    return detail === null
      ? this.fail({ kind: 'bad-answer', detail: `HTTP ${res.status}` })
      : this.fail({ kind: 'refused', status: res.status, detail });
  }

  /** GET /: whether the plugin is there, and whether it takes the key. */
  async serverStatus(): Promise<RestResult<ServerStatus>> {
    const res = await this.request('/', { method: 'GET', headers: { Accept: 'application/json' } });
    if (!(res instanceof Response)) return res;
    if (!res.ok) return this.refusal(res);
    let body: unknown;
    try {
      body = JSON.parse(await res.text());
    } catch {
      return this.fail({ kind: 'bad-answer', detail: 'not JSON' });
    }
    const b = body as { authenticated?: unknown; service?: unknown; versions?: { self?: unknown } };
    if (typeof b !== 'object' || b === null || typeof b.authenticated !== 'boolean')
      return this.fail({ kind: 'bad-answer', detail: 'no authentication status' });
    if (!b.authenticated) return this.fail({ kind: 'refused-key' });
    const version = typeof b.versions?.self === 'string' ? b.versions.self : '';
    this.status = { authenticated: true, version };
    return { ok: true, value: this.status };
  }

  /** The note's text, or null when there is no note at that path. */
  async read(path: NotePath): Promise<RestResult<NoteRead | null>> {
    const res = await this.request(vaultUrlPath(path), {
      method: 'GET',
      headers: { Accept: 'text/markdown' },
    });
    if (!(res instanceof Response)) return res;
    if (res.status === 404) return { ok: true, value: null };
    if (!res.ok) return this.refusal(res);
    const type = res.headers.get('content-type') ?? '';
    if (!/^text\/(markdown|plain)\b/i.test(type))
      return this.fail({ kind: 'bad-answer', detail: `a note served as ${type || 'nothing'}` });
    let text: string;
    try {
      // Fatal: a note that is not UTF-8 would be rewritten with replacement characters.
      text = new TextDecoder('utf-8', { fatal: true }).decode(await res.arrayBuffer());
    } catch {
      return this.fail({ kind: 'bad-answer', detail: 'a note that is not UTF-8 text' });
    }
    return { ok: true, value: { text, etag: res.headers.get('etag') } };
  }

  /** Writes the whole note; with a precondition, only over the version read (412 → 'precondition'). */
  async write(
    path: NotePath,
    text: string,
    precondition: Precondition = null,
  ): Promise<RestResult<'written' | 'precondition'>> {
    const headers: Record<string, string> = { 'Content-Type': 'text/markdown; charset=utf-8' };
    if (precondition && 'ifMatch' in precondition) headers['If-Match'] = precondition.ifMatch;
    if (precondition && 'ifNoneMatch' in precondition) headers['If-None-Match'] = precondition.ifNoneMatch;
    const res = await this.request(vaultUrlPath(path), { method: 'PUT', headers, body: text });
    if (!(res instanceof Response)) return res;
    if (res.status === 412) return { ok: true, value: 'precondition' };
    if (!res.ok) return this.refusal(res);
    return { ok: true, value: 'written' };
  }

  /**
   * Adds to (or replaces) what is under a heading of a note, or of today's
   * daily note, the heading made when it is missing: `headings` from the top
   * level down. `content` goes in as it is (start it with a line break for a
   * blank line before it). Plugin 5 and later take the instruction as JSON;
   * earlier ones as headers, which 5 still reads when asked for format 1. The
   * plugin's version, from GET /, picks the form.
   */
  async patchHeading(
    target: NotePath | 'daily',
    headings: readonly string[],
    operation: PatchOperation,
    content: string,
  ): Promise<RestResult<'written'>> {
    if (!this.status) {
      const status = await this.serverStatus();
      if (!status.ok) return status;
    }
    const version = this.status?.version ?? '';
    const init: RequestInit =
      major(version) >= 5
        ? {
            method: 'PATCH',
            headers: { 'Content-Type': 'application/json', 'Markdown-Patch-Version': '2' },
            body: JSON.stringify({
              targetType: 'heading',
              target: headings,
              operation,
              content,
              createTargetIfMissing: true,
            }),
          }
        : {
            method: 'PATCH',
            headers: {
              'Content-Type': 'text/markdown; charset=utf-8',
              'Markdown-Patch-Version': '1',
              Operation: operation,
              'Target-Type': 'heading',
              // Percent-encoded: a header is ASCII, a heading need not be.
              Target: headings.map(encodeURIComponent).join('::'),
              'Create-Target-If-Missing': 'true',
            },
            body: content,
          };
    const res = await this.request(target === 'daily' ? '/periodic/daily/' : vaultUrlPath(target), init);
    if (!(res instanceof Response)) return res;
    if (!res.ok) return this.refusal(res);
    return { ok: true, value: 'written' };
  }
}
