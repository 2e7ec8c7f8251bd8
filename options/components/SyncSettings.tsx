// Settings › Sync: the reader's CouchDB server, the switch, "Sync now", and
// the last run in plain words (src/sync/faults.ts says each failure).

import { useEffect, useState } from 'preact/hooks';
import type { SyncStatus } from '../../src/messages';
import { checkSyncConfig, type SyncConfig } from '../../src/sync/config';
import type { SyncResult } from '../../src/sync/faults';
import { browserSyncPort, type SyncPort } from '../syncPort';

const EMPTY: SyncConfig = { server: '', database: 'interview-highlights', username: '', password: '' };

const FIELD_NAMES: Record<string, string> = {
  'sync.server': 'Server address',
  'sync.database': 'Database',
  'sync.username': 'User name',
  'sync.password': 'Password',
};

function when(at: number): string {
  return new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;

/** The last run, as a sentence. */
export function lastRunText(r: SyncResult): string {
  if (!r.ok) return `Last sync ${when(r.at)} did not finish. ${r.message}`;
  const moved = [
    r.sent > 0 ? `${plural(r.sent, 'change')} sent` : '',
    r.received > 0 ? `${plural(r.received, 'change')} received` : '',
    r.merged > 0 ? `${plural(r.merged, 'highlight')} edited on two devices merged` : '',
  ].filter(Boolean);
  return `Last synced ${when(r.at)}: ${moved.length > 0 ? moved.join(', ') : 'everything was already up to date'}.`;
}

/** A checker's complaint ("sync.server: expected …") with the field named as on screen. */
function readable(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  const m = /^(sync\.\w+): (.*)$/.exec(text);
  return m ? `${FIELD_NAMES[m[1]!] ?? m[1]}: ${m[2]}` : text;
}

export function SyncSettings({ port: given }: { port?: SyncPort }) {
  const [port, setPort] = useState<SyncPort | null>(given ?? null);
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [form, setForm] = useState<SyncConfig>(EMPTY);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [unavailable, setUnavailable] = useState(false);

  useEffect(() => {
    if (given) return;
    // Loaded here, not at the top: the polyfill refuses to load outside an extension (component tests).
    import('webextension-polyfill').then(
      (m) => setPort(browserSyncPort(m.default)),
      () => setUnavailable(true),
    );
  }, [given]);

  useEffect(() => {
    if (!port) return;
    let live = true;
    const refresh = (): void => {
      port.status().then(
        (s) => {
          if (!live) return;
          setStatus(s);
          if (s.config)
            setForm((f) =>
              f === EMPTY || s.on ? { ...s.config!, password: s.on ? s.config!.password : f.password } : f,
            );
        },
        (e: unknown) => live && setError(readable(e)),
      );
    };
    refresh();
    const off = port.onChanged(refresh);
    return () => {
      live = false;
      off();
    };
  }, [port]);

  const act = (label: string, fn: () => Promise<SyncStatus>): void => {
    setBusy(label);
    setError(null);
    fn().then(
      (s) => {
        setStatus(s);
        setBusy(null);
      },
      (e: unknown) => {
        setError(readable(e));
        setBusy(null);
      },
    );
  };

  const turnOn = (): void => {
    if (!port) return;
    let config: SyncConfig;
    try {
      config = checkSyncConfig(form);
    } catch (e) {
      setError(readable(e));
      return;
    }
    // Synchronously inside the click: the permission prompt needs it.
    act('Turning sync on and syncing…', () => port.turnOn(config));
  };

  const on = status?.on ?? false;
  const field = (key: keyof SyncConfig, label: string, type: 'url' | 'text' | 'password', hint?: string) => (
    <label>
      {label}
      <input
        name={`sync-${key}`}
        // Preact types each input type's attributes apart; these three share the ones used here.
        type={type as 'text'}
        value={form[key]}
        readOnly={on}
        autoComplete={key === 'password' ? 'current-password' : key === 'username' ? 'username' : 'off'}
        spellcheck={false}
        placeholder={hint}
        onInput={(e) => setForm({ ...form, [key]: (e.currentTarget as HTMLInputElement).value })}
      />
    </label>
  );

  return (
    <div class="sync-settings">
      <h2>Sync</h2>
      <p class="hint">
        Keep this library the same in your browsers through a CouchDB server of your own. Your highlights and
        interviews are sent to that server only; nothing is sent while sync is off.
      </p>
      {field('server', 'Server address', 'url', 'https://couch.example.org')}
      {field('database', 'Database', 'text')}
      {field('username', 'User name', 'text')}
      {field('password', 'Password', 'password')}
      <p class="sync-actions">
        {on ? (
          <>
            <button
              type="button"
              disabled={!!busy || !port}
              onClick={() => port && act('Syncing…', port.now)}
            >
              Sync now
            </button>
            <button
              type="button"
              disabled={!!busy || !port}
              onClick={() => port && act('Turning sync off…', port.turnOff)}
            >
              Turn sync off
            </button>
          </>
        ) : (
          <button type="button" disabled={!!busy || !port} onClick={turnOn}>
            Turn sync on
          </button>
        )}
      </p>
      <p class="sync-status" aria-live="polite">
        {unavailable
          ? 'Sync works in the extension only.'
          : (busy ??
            (status?.running
              ? 'Syncing…'
              : status?.last
                ? lastRunText(status.last)
                : on
                  ? 'Sync is on.'
                  : 'Sync is off.'))}
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
