// A stand-in for the Obsidian Local REST API plugin, on 127.0.0.1 and a free
// port, over HTTPS with a certificate made at test time (or plain HTTP): the
// routes the client uses, with the plugin's bearer key, ETags and
// preconditions, both forms of heading PATCH (JSON for plugin 5 and later,
// headers before), and a garbage mode that answers like some other server.
// Also a fetch that trusts the stub's certificate, standing in for a browser
// where the reader accepted it.

import { createHash } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import type { FetchLike } from '../../src/obsidian/rest';

export interface StubRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface StubVault {
  origin: string;
  port: number;
  /** The certificate in PEM, for a fetch that trusts it; '' over HTTP. */
  cert: string;
  /** Vault path ("Interviews/Title.md", "daily.md" for today's daily note) → contents. */
  files: Map<string, string | Buffer>;
  requests: StubRequest[];
  /** Answers like another server: HTML, whatever is asked. */
  garbage: boolean;
  /** Called after each GET of a note has been answered: a reader editing in Obsidian meanwhile. */
  afterRead: ((path: string) => void) | null;
  close(): Promise<void>;
}

export const STUB_KEY = 'a'.repeat(64);
const DAILY = 'daily.md';

function etagOf(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Content under a heading path: appended at its end, prepended after its line, or in its place; made when missing. */
function patchUnder(doc: string, target: readonly string[], operation: string, content: string): string {
  const lines = doc.split('\n');
  let from = 0;
  let to = lines.length;
  let level = 0;
  for (const [depth, name] of target.entries()) {
    let found = -1;
    for (let i = from; i < to; i++) {
      const m = /^(#{1,6})\s+(.*?)\s*$/.exec(lines[i]!);
      if (m && m[2] === name && m[1]!.length > level) {
        found = i;
        level = m[1]!.length;
        break;
      }
    }
    if (found < 0) {
      const made = target.slice(depth).map((h, i) => `${'#'.repeat(Math.min(6, level + i + 1))} ${h}`);
      lines.splice(to, 0, ...made, content);
      return lines.join('\n');
    }
    from = found + 1;
    let end = from;
    for (; end < to; end++) {
      const m = /^(#{1,6})\s/.exec(lines[end]!);
      if (m && m[1]!.length <= level) break;
    }
    to = end;
  }
  if (operation === 'prepend') lines.splice(from, 0, content);
  else if (operation === 'append') lines.splice(to, 0, content);
  else lines.splice(from, to - from, content);
  return lines.join('\n');
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startStubVault(options: { https: boolean; version?: string }): Promise<StubVault> {
  const version = options.version ?? '5.1.0';
  let cert = '';
  let key = '';
  if (options.https) {
    const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
      keyType: 'ec',
      curve: 'P-256',
      algorithm: 'sha256',
      notAfterDate: new Date(Date.now() + 24 * 3600_000),
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] },
      ],
    });
    cert = pems.cert;
    key = pems.private;
  }
  const vault: StubVault = {
    origin: '',
    port: 0,
    cert,
    files: new Map(),
    requests: [],
    garbage: false,
    afterRead: null,
    close: async () => {},
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]),
    );
    const body = await bodyOf(req);
    vault.requests.push({ method: req.method ?? '', path: url.pathname, headers, body });
    if (vault.garbage) {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<html><body>Router login</body></html>');
      return;
    }
    const authenticated = headers.authorization === `Bearer ${STUB_KEY}`;
    if (url.pathname === '/' && req.method === 'GET') {
      json(res, 200, {
        status: 'OK',
        service: 'Obsidian Local REST API',
        authenticated,
        versions: { obsidian: '1.8.0', self: version },
      });
      return;
    }
    if (!authenticated) {
      json(res, 401, { errorCode: 40101, message: 'Authorization required.' });
      return;
    }
    const path =
      url.pathname === '/periodic/daily/'
        ? DAILY
        : url.pathname.startsWith('/vault/')
          ? url.pathname.slice('/vault/'.length).split('/').map(decodeURIComponent).join('/')
          : null;
    if (path === null || path === '' || path.endsWith('/')) {
      json(res, 404, { errorCode: 40400, message: 'Not found.' });
      return;
    }
    const current = vault.files.get(path);
    const modern = Number(version.split('.')[0]) >= 5;
    if (req.method === 'GET') {
      if (current === undefined) {
        json(res, 404, { errorCode: 40400, message: 'File does not exist' });
        return;
      }
      const h: Record<string, string> = { 'Content-Type': 'text/markdown; charset=utf-8' };
      if (modern) h.ETag = etagOf(current);
      res.writeHead(200, h);
      res.end(current);
      vault.afterRead?.(path);
      return;
    }
    if (req.method === 'PUT') {
      if (modern) {
        const ifMatch = headers['if-match'];
        const ifNoneMatch = headers['if-none-match'];
        if (
          (ifMatch && (current === undefined || etagOf(current) !== ifMatch)) ||
          (ifNoneMatch === '*' && current !== undefined)
        ) {
          json(res, 412, { errorCode: 41200, message: 'Precondition failed.' });
          return;
        }
      }
      vault.files.set(path, body);
      res.writeHead(204);
      res.end();
      return;
    }
    if (req.method === 'PATCH') {
      let target: string[];
      let operation: string;
      let content: string;
      if (modern && headers['markdown-patch-version'] !== '1') {
        let instruction: { targetType?: unknown; target?: unknown; operation?: unknown; content?: unknown };
        try {
          instruction = JSON.parse(body);
        } catch {
          json(res, 400, { errorCode: 40080, message: 'InvalidPatchInstruction' });
          return;
        }
        if (instruction.targetType !== 'heading' || !Array.isArray(instruction.target)) {
          json(res, 400, { errorCode: 40080, message: 'InvalidPatchInstruction' });
          return;
        }
        target = instruction.target.map(String);
        operation = String(instruction.operation);
        content = String(instruction.content ?? '');
      } else {
        if (!headers.operation || headers['target-type'] !== 'heading' || !headers.target) {
          json(res, 400, {
            errorCode: 40050,
            message: 'A PATCH needs Operation, Target-Type and Target headers.',
          });
          return;
        }
        target = decodeURIComponent(headers.target).split('::');
        operation = headers.operation;
        content = body;
      }
      if (current === undefined && path !== DAILY) {
        json(res, 404, { errorCode: 40400, message: 'File does not exist' });
        return;
      }
      const text = patchUnder(typeof current === 'string' ? current : '', target, operation, content);
      vault.files.set(path, text);
      res.writeHead(200, { 'Content-Type': 'text/markdown; charset=utf-8' });
      res.end(text);
      return;
    }
    json(res, 405, { errorCode: 40500, message: 'Method not allowed.' });
  };

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    void handle(req, res).catch((e: unknown) => json(res, 500, { errorCode: 50000, message: String(e) }));
  };
  const server = options.https ? https.createServer({ cert, key }, listener) : http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  vault.port = (server.address() as AddressInfo).port;
  vault.origin = `${options.https ? 'https' : 'http'}://127.0.0.1:${vault.port}`;
  vault.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return vault;
}

/** A port nothing listens on: one the system just handed out and took back. */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * fetch over node:http(s) that trusts `ca`: the browser after the reader
 * accepted the plugin's certificate. It fails as fetch does, with a TypeError
 * whose cause says why, or with the signal's reason when aborted.
 */
export function fetchTrusting(ca: string): FetchLike {
  return (url, init) =>
    new Promise((resolve, reject) => {
      const u = new URL(url);
      const request = u.protocol === 'https:' ? https.request : http.request;
      const req = request(
        u,
        { method: init.method, headers: init.headers as Record<string, string>, ca: ca || undefined },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const headers = new Headers();
            for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') headers.set(k, v);
            const status = res.statusCode ?? 500;
            resolve(new Response(status === 204 ? null : Buffer.concat(chunks), { status, headers }));
          });
        },
      );
      init.signal?.addEventListener('abort', () => {
        req.destroy();
        reject(init.signal!.reason);
      });
      req.on('error', (e) => {
        if (!init.signal?.aborted) reject(Object.assign(new TypeError('fetch failed'), { cause: e }));
      });
      if (typeof init.body === 'string') req.write(init.body);
      req.end();
    });
}
