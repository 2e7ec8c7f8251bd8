// Sync through a local CouchDB-compatible server (express-pouchdb over
// memory, in this process on 127.0.0.1), between two "devices" as the Node
// tests make them (fake-indexeddb libraries, memory PouchDB copies):
//   - the first sync of 10,000 highlights from one device to an empty one;
//   - a run with nothing to do (target < 200 ms);
//   - 100 changes, sent by one run and received by the other (target < 2 s each);
//   - what the outbox costs writes, with sync off and on, against a database
//     declared without it.
// The server shares the process and its core with the devices, so each
// figure includes the server's own work.
//
//   node bench/sync.mjs [highlights]

import { loadavg } from 'node:os';
import { importTs } from '../scripts/import-ts.mjs';

const N = Number(process.argv[2] ?? 10_000) || 10_000;

// The sync code and the test harness are TypeScript; bundle a small entry for Node.
const entry = `
import 'fake-indexeddb/auto';
export { makeDevice } from './test/sync/devices';
export { startServer } from './test/sync/server';
export { generateLibrary } from './src/store/generate';
export { makeBackup } from './src/store/backup';
export { Library } from './src/store/library';
export { SCHEMA_VERSIONS } from './src/store/db';
export { startOutbox } from './src/sync/outbox';
`;
// pouchdb-browser reads `self` as it loads (test/sync/self.ts says why); the bundle's imports load first.
globalThis.self ??= globalThis;
const m = await importTs(entry, 'bench-sync');
const { makeDevice, startServer, generateLibrary, makeBackup, Library, SCHEMA_VERSIONS, startOutbox } = m;

// PouchDB says this on every first replication; it is not news here.
const info = console.info;
console.info = (...args) => {
  if (!String(args[0]).includes('totally normal')) info(...args);
};
const log = console.log;
console.log = (...args) => {
  if (!String(args[0]).includes('totally normal')) log(...args);
};

const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  const k = Math.floor(s.length / 2);
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
};
const ms = (x) => `${x.toFixed(0)} ms`;
async function timed(fn) {
  const t = performance.now();
  const r = await fn();
  return { ms: performance.now() - t, r };
}
function must(r, what) {
  if (!r.ok) throw new Error(`${what}: ${r.reason} ${r.detail}`);
  return r;
}

console.log(`load average ${loadavg()[0].toFixed(2)}; ${N} highlights`);
const server = await startServer();
await server.createDb('bench');
const config = { server: server.url, database: 'bench', username: '', password: '' };
const { articles, highlights } = generateLibrary(Math.max(1, N / 20), N, 11);
const backup = makeBackup(articles, highlights, Date.now());

const a = await makeDevice('a', config, { syncOn: false });
const b = await makeDevice('b', config);
const rows = [];
try {
  await a.lib.importBackup(backup);
  await startOutbox(a.lib.db);
  const send = await timed(() => a.sync());
  must(send.r, 'first sync, sending');
  const receive = await timed(() => b.sync());
  must(receive.r, 'first sync, receiving');
  if ((await b.lib.countHighlights()) !== N)
    throw new Error('the empty device did not receive every highlight');
  rows.push([
    `first sync of ${N} highlights`,
    'report',
    `sending ${ms(send.ms)} (${send.r.sent} documents, ${send.r.received} rows rewritten) + receiving ${ms(receive.ms)} (${receive.r.received} rows) = ${ms(send.ms + receive.ms)}`,
  ]);

  // The receiving device's first push reads its whole copy once to set its checkpoint.
  const settle = await timed(() => b.sync());
  must(settle.r, 'second run');
  rows.push([
    `the receiving device's next run`,
    'report',
    `${ms(settle.ms)} (its first push checks ${N} documents once)`,
  ]);

  const idle = [];
  for (let i = 0; i < 9; i++) idle.push((await timed(async () => must(await b.sync(), 'idle run'))).ms);
  const idleMedian = median(idle);
  rows.push([
    'a run with nothing to do',
    '< 200 ms',
    `${ms(idleMedian)} median of 9, worst ${ms(Math.max(...idle))} (${idleMedian < 200 ? 'met' : 'NOT met'})`,
  ]);

  const picked = highlights.slice(0, 100);
  for (const h of picked) await a.lib.updateHighlight(h.id, { note: `edited for the bench ${h.id}` });
  const send100 = await timed(() => a.sync());
  must(send100.r, '100 changes, sending');
  const receive100 = await timed(() => b.sync());
  must(receive100.r, '100 changes, receiving');
  const got = await b.lib.getHighlight(picked[99].id);
  if (!got?.note.startsWith('edited for the bench')) throw new Error('the change did not arrive');
  const met100 = send100.ms < 2000 && receive100.ms < 2000;
  rows.push([
    '100 changes',
    '< 2 s each side',
    `sending ${ms(send100.ms)} (${send100.r.sent}), receiving ${ms(receive100.ms)} (${receive100.r.received}) (${met100 ? 'met' : 'NOT met'})`,
  ]);
} finally {
  await a.close();
  await b.close();
  await server.close();
}

// What the outbox costs the library's own writes: 1,000 highlights imported,
// then 200 single edits, in a database declared without the outbox (the
// middleware then does nothing), with it and sync off, and with sync on.
const small = generateLibrary(50, 1000, 5);
async function writes(label, versions, on) {
  const lib = new Library(`bench-outbox-${label}-${process.pid}`, versions ? { versions } : {});
  if (on) await startOutbox(lib.db);
  const t0 = performance.now();
  await lib.importBackup(makeBackup(small.articles, small.highlights, Date.now()));
  const t1 = performance.now();
  for (const h of small.highlights.slice(0, 200)) await lib.updateHighlight(h.id, { note: 'x' });
  const t2 = performance.now();
  lib.close();
  return { importMs: t1 - t0, editMs: (t2 - t1) / 200 };
}
const base = { importMs: [], editMs: [] };
const off = { importMs: [], editMs: [] };
const on = { importMs: [], editMs: [] };
for (let i = 0; i < 5; i++) {
  for (const [acc, args] of [
    [base, [`base${i}`, SCHEMA_VERSIONS.slice(0, 1), false]],
    [off, [`off${i}`, undefined, false]],
    [on, [`on${i}`, undefined, true]],
  ]) {
    const r = await writes(...args);
    acc.importMs.push(r.importMs);
    acc.editMs.push(r.editMs);
  }
}
const ratio = (x, y) => (median(x) / median(y)).toFixed(2);
rows.push([
  'outbox cost, sync off (vs no outbox)',
  'about 1×',
  `import 1,000: ${ms(median(off.importMs))} vs ${ms(median(base.importMs))} (${ratio(off.importMs, base.importMs)}×); one edit: ${median(off.editMs).toFixed(2)} vs ${median(base.editMs).toFixed(2)} ms (${ratio(off.editMs, base.editMs)}×)`,
]);
rows.push([
  'outbox cost, sync on (vs no outbox)',
  'report',
  `import 1,000: ${ms(median(on.importMs))} (${ratio(on.importMs, base.importMs)}×); one edit: ${median(on.editMs).toFixed(2)} ms (${ratio(on.editMs, base.editMs)}×)`,
]);

console.log('');
for (const [what, target, result] of rows) console.log(`${what.padEnd(38)} ${target.padEnd(16)} ${result}`);
const failed = rows.some(([, , r]) => r.includes('NOT met'));
process.exit(failed ? 1 : 0);
