// @vitest-environment happy-dom
// Settings › Sync over a recording port: what the reader types is checked
// before anything is asked, the switch and "Sync now" reach the background,
// and the last run reads as a sentence, a failure with its plain message.

import { vi } from 'vitest';

// The Settings view's Obsidian panel imports the browser shell.
vi.mock('webextension-polyfill', () => import('./no-extension'));
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SyncSettings } from '../../options/components/SyncSettings';
import type { SyncPort } from '../../options/syncPort';
import type { SyncStatus } from '../../src/messages';
import type { SyncConfig } from '../../src/sync/config';
import { syncMessage } from '../../src/sync/faults';
import { buttonNamed, click, control, settle, typeInto, waitFor } from './harness';

function fakePort(start: SyncStatus) {
  let status = start;
  const calls: string[] = [];
  const turnedOn: SyncConfig[] = [];
  let changed: () => void = () => undefined;
  const port: SyncPort = {
    status: async () => status,
    turnOn: async (c) => {
      calls.push('on');
      turnedOn.push(c);
      status = {
        on: true,
        config: c,
        running: false,
        last: { ok: true, at: 0, sent: 3, received: 0, merged: 0, refused: 0 },
      };
      return status;
    },
    turnOff: async () => {
      calls.push('off');
      status = {
        on: false,
        config: status.config && { ...status.config, password: '' },
        running: false,
        last: null,
      };
      return status;
    },
    now: async () => {
      calls.push('now');
      status = {
        ...status,
        last: {
          ok: false,
          at: 0,
          reason: 'unreachable',
          message: syncMessage('unreachable'),
          detail: 'ECONNREFUSED',
          sent: 0,
          received: 0,
          merged: 0,
          refused: 0,
        },
      };
      return status;
    },
    onChanged: (cb) => {
      changed = cb;
      return () => undefined;
    },
  };
  return {
    port,
    calls,
    turnedOn,
    set(s: SyncStatus) {
      status = s;
      changed();
    },
  };
}

let root: HTMLElement | null = null;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = null;
});

async function mountWith(port: SyncPort): Promise<HTMLElement> {
  root = document.createElement('div');
  document.body.append(root);
  render(<SyncSettings port={port} />, root);
  await settle();
  return root;
}

const statusText = (r: HTMLElement): string => r.querySelector('.sync-status')?.textContent ?? '';

describe('Settings › Sync', () => {
  it('is off at first; a bad address is refused in words before anything is asked', async () => {
    const f = fakePort({ on: false, config: null, last: null, running: false });
    const r = await mountWith(f.port);
    expect(statusText(r)).toBe('Sync is off.');
    await typeInto(control<HTMLInputElement>(r, 'Server address'), 'couch.example.org');
    await click(buttonNamed(r, 'Turn sync on'));
    const alert = await waitFor(() => r.querySelector('[role="alert"]'), 'the refusal');
    expect(alert.textContent).toMatch(/^Server address: /);
    expect(f.calls).toEqual([]);
  });

  it('turns on with what was typed, then shows the run, Sync now and its failure, and turns off', async () => {
    const f = fakePort({ on: false, config: null, last: null, running: false });
    const r = await mountWith(f.port);
    await typeInto(control<HTMLInputElement>(r, 'Server address'), 'http://127.0.0.1:5984/');
    await typeInto(control<HTMLInputElement>(r, 'User name'), 'ann');
    await typeInto(control<HTMLInputElement>(r, 'Password'), 'pw');
    await click(buttonNamed(r, 'Turn sync on'));
    await waitFor(() => statusText(r).startsWith('Last synced'), 'the first run');
    expect(f.turnedOn).toEqual([
      { server: 'http://127.0.0.1:5984', database: 'interview-highlights', username: 'ann', password: 'pw' },
    ]);
    expect(statusText(r)).toMatch(/: 3 changes sent\.$/);
    expect(control<HTMLInputElement>(r, 'Server address').readOnly).toBe(true);

    await click(buttonNamed(r, 'Sync now'));
    await waitFor(() => statusText(r).includes('did not finish'), 'the failed run');
    expect(statusText(r)).toContain(syncMessage('unreachable'));

    await click(buttonNamed(r, 'Turn sync off'));
    await waitFor(() => statusText(r) === 'Sync is off.', 'sync off');
    expect(f.calls).toEqual(['on', 'now', 'off']);
    expect(buttonNamed(r, 'Turn sync on')).toBeDefined();
  });

  it('shows a run that happened elsewhere (an alarm) when storage says so', async () => {
    const config = { server: 'https://couch.example.org', database: 'h', username: '', password: '' };
    const f = fakePort({ on: true, config, last: null, running: false });
    const r = await mountWith(f.port);
    expect(statusText(r)).toBe('Sync is on.');
    f.set({
      on: true,
      config,
      running: false,
      last: { ok: true, at: 0, sent: 0, received: 1, merged: 1, refused: 0 },
    });
    await waitFor(() => statusText(r).startsWith('Last synced'), 'the alarm run');
    expect(statusText(r)).toMatch(/1 change received, 1 highlight edited on two devices merged\.$/);
  });
});
