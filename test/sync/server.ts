// A CouchDB-compatible server for sync tests: express-pouchdb (the server
// half of pouchdb-server) over in-memory databases, on 127.0.0.1 and a free
// port, with hooks to make it misbehave: answer garbage, hang, stop in the
// middle of a run. `startCutProxy` puts a TCP proxy in front that cuts the
// connection after so many bytes, like a network that drops mid-sync.

import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import expressPouchDB from 'express-pouchdb';
import { PouchDB } from './pouch';

export interface TestServer {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  /** Runs before each request; return true when it has answered the request itself. */
  intercept: ((req: IncomingMessage, res: ServerResponse) => boolean) | null;
  /** Holds a request until the promise it returns settles, then answers it as usual. */
  hold: ((req: IncomingMessage) => Promise<void> | undefined) | null;
  /** Every request path seen, in order. */
  seen: string[];
  createDb(name: string): Promise<void>;
  /** Stops answering (open connections are dropped) but keeps the data. */
  stop(): Promise<void>;
  /** Listens again on the same port with the same data. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

let serverSeq = 0;

export async function startServer(
  options: { admin?: { username: string; password: string } } = {},
): Promise<TestServer> {
  const ServerPouch = PouchDB.defaults({
    adapter: 'memory',
    prefix: `server-${process.pid}-${++serverSeq}-`,
  });
  const app = expressPouchDB(ServerPouch, {
    inMemoryConfig: true,
    logPath: join(tmpdir(), `ih-sync-test-${process.pid}-${serverSeq}.log`),
  });
  if (options.admin) {
    const { username, password } = options.admin;
    await new Promise<void>((resolve, reject) =>
      app.couchConfig.set('admins', username, password, (e) => (e ? reject(e) : resolve())),
    );
  }
  const auth = options.admin
    ? `Basic ${Buffer.from(`${options.admin.username}:${options.admin.password}`).toString('base64')}`
    : undefined;

  let http: Server | null = null;
  let port = 0;
  const t: TestServer = {
    url: '',
    port: 0,
    intercept: null,
    hold: null,
    seen: [],
    async createDb(name) {
      const r = await fetch(`${t.url}/${name}`, {
        method: 'PUT',
        headers: auth ? { authorization: auth } : {},
      });
      if (!r.ok) throw new Error(`could not create ${name}: ${r.status} ${await r.text()}`);
    },
    async stop() {
      if (!http) return;
      const s = http;
      http = null;
      s.closeAllConnections();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    async restart() {
      await listen(port);
    },
    async close() {
      await t.stop();
    },
  };

  async function listen(at: number): Promise<void> {
    const s = createServer((req, res) => {
      t.seen.push(`${req.method} ${req.url}`);
      if (t.intercept?.(req, res)) return;
      const held = t.hold?.(req);
      if (held) held.then(() => app(req, res));
      else app(req, res);
    });
    s.listen(at, '127.0.0.1');
    await once(s, 'listening');
    http = s;
    port = (s.address() as { port: number }).port;
    t.port = port;
    t.url = `http://127.0.0.1:${port}`;
  }

  await listen(0);
  return t;
}

export interface CutProxy {
  url: string;
  /** Bytes from the server to let through before cutting every connection; Infinity to pass all. */
  cutAfter: number;
  /** Connections cut so far. */
  cuts: number;
  close(): Promise<void>;
}

/** A TCP proxy to `target` that drops the connection once `cutAfter` bytes of answers have passed. */
export async function startCutProxy(target: TestServer, cutAfter: number): Promise<CutProxy> {
  const sockets = new Set<Socket>();
  let passed = 0;
  const proxy: CutProxy = {
    url: '',
    cutAfter,
    cuts: 0,
    async close() {
      for (const s of sockets) s.destroy();
      server.close();
      await once(server, 'close');
    },
  };
  const server = createTcpServer((client) => {
    const upstream = connect(target.port, '127.0.0.1');
    sockets.add(client);
    sockets.add(upstream);
    const cut = () => {
      proxy.cuts++;
      client.destroy();
      upstream.destroy();
    };
    client.on('data', (d) => upstream.write(d));
    upstream.on('data', (d) => {
      if (passed + d.length > proxy.cutAfter) {
        const room = Math.max(0, proxy.cutAfter - passed);
        passed = proxy.cutAfter;
        client.write(d.subarray(0, room), cut);
        return;
      }
      passed += d.length;
      client.write(d);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end);
    upstream.on('close', end);
    client.on('error', end);
    upstream.on('error', end);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  proxy.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return proxy;
}
