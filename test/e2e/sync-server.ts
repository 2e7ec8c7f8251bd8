// A CouchDB-compatible server for the tests and benches that sync a browser
// profile: pouchdb-server from node_modules, in memory, on 127.0.0.1 on a free
// port; a TCP relay in front of it that a test can take down or cut; the copy
// of dist/chrome that Chromium needs to grant the server's origin; and turning
// sync on in Settings as a reader does. Node built-ins only, so the benches
// (bench/library.mjs, through scripts/import-ts.mjs) load it as well as vitest.

import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer as createTcpServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function freePort(): Promise<number> {
  const s = createTcpServer();
  s.listen(0, '127.0.0.1');
  await once(s, 'listening');
  const { port } = s.address() as { port: number };
  s.close();
  await once(s, 'close');
  return port;
}

/** pouchdb-server from node_modules, in memory, on 127.0.0.1. */
export async function startPouchServer(): Promise<{ port: number; stop(): Promise<void> }> {
  const port = await freePort();
  // It writes its config and log into the working directory.
  const cwd = mkdtempSync(join(tmpdir(), 'ih-pouchdb-server-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [
      createRequire(import.meta.url).resolve('pouchdb-server/bin/pouchdb-server'),
      '--in-memory',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
    ],
    { cwd, stdio: 'ignore' },
  );
  const deadline = Date.now() + 30_000;
  for (;;) {
    const up = await fetch(`http://127.0.0.1:${port}/`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline || child.exitCode !== null) throw new Error('pouchdb-server did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    port,
    async stop() {
      if (child.exitCode === null) {
        child.kill();
        await once(child, 'exit');
      }
      rmSync(cwd, { recursive: true, force: true });
    },
  };
}

/** A TCP relay in front of the server: down() refuses connections, cutAfter(n) drops them after n bytes. */
export async function startRelay(target: number) {
  const port = await freePort();
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let cutAfter = Number.POSITIVE_INFINITY;
  let passed = 0;
  const relay = {
    port,
    url: `http://127.0.0.1:${port}`,
    cuts: 0,
    /** Called with each chunk's size, either way, as it passes (the bench times requests with it). */
    onData: undefined as ((bytes: number) => void) | undefined,
    async up() {
      server = createTcpServer((client) => {
        const upstream = connect(target, '127.0.0.1');
        sockets.add(client);
        sockets.add(upstream);
        const count = (d: Buffer): boolean => {
          relay.onData?.(d.length);
          passed += d.length;
          if (passed <= cutAfter) return false;
          relay.cuts++;
          client.destroy();
          upstream.destroy();
          return true;
        };
        client.on('data', (d: Buffer) => count(d) || upstream.write(d));
        upstream.on('data', (d: Buffer) => count(d) || client.write(d));
        for (const s of [client, upstream]) {
          s.on('error', () => undefined);
          s.on('close', () => {
            sockets.delete(s);
            client.destroy();
            upstream.destroy();
          });
        }
      });
      server.listen(port, '127.0.0.1');
      await once(server, 'listening');
    },
    async down() {
      const s = server;
      server = null;
      if (!s) return;
      for (const x of sockets) x.destroy();
      s.close();
      await once(s, 'close');
    },
    /** Lets the next n bytes through, then cuts every connection that sends more. */
    cutAfter(n: number) {
      passed = 0;
      cutAfter = n;
    },
    heal() {
      cutAfter = Number.POSITIVE_INFINITY;
    },
  };
  await relay.up();
  return relay;
}

/**
 * A copy of the built Chromium extension (source: dist/chrome) with
 * http://127.0.0.1/* granted at install: Chromium shows permissions.request's
 * prompt in a window no driver can click, so with this grant the request
 * Settings makes on "Turn sync on" answers yes at once. The caller removes it.
 */
export function extensionGranting127(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ih-e2e-sync-ext-'));
  cpSync(source, dir, { recursive: true });
  const file = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  writeFileSync(file, JSON.stringify({ ...manifest, host_permissions: ['http://127.0.0.1/*'] }));
  return dir;
}

/** What turnSyncOn uses of a page: TestPage's and Playwright's Page's shared subset. */
export interface SettingsPage {
  locator(
    css: string,
    opts?: { hasText?: string | RegExp },
  ): { fill(value: string): Promise<void>; waitFor(opts?: { timeout?: number }): Promise<void> };
  getByRole(role: 'button', opts?: { name?: string | RegExp }): { click(): Promise<void> };
}

/** In Settings (page), fills in the server and database, presses "Turn sync on" and waits for the first run's result. */
export async function turnSyncOn(
  settings: SettingsPage,
  server: string,
  database: string,
  timeout = 60_000,
): Promise<void> {
  await settings.locator('input[name="sync-server"]').fill(server);
  await settings.locator('input[name="sync-database"]').fill(database);
  await settings.getByRole('button', { name: 'Turn sync on' }).click();
  await settings.locator('.sync-status', { hasText: /^Last synced/ }).waitFor({ timeout });
}
