// The obsidian:// handoff, checked by the addresses and clipboard text it
// builds (Obsidian itself is not needed to read them).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileNameFor } from '../../src/export/file-name';
import { folderParts, notePath } from '../../src/obsidian/note-path';
import { checkObsidianSettings, DEFAULT_OBSIDIAN_SETTINGS, URI_MODES } from '../../src/obsidian/settings';
import { CLIPBOARD_NOTICE, MAX_URI_LENGTH, obsidianHandoff, type UriRequest } from '../../src/obsidian/uri';
import { HOSTILE } from '../hardening/hostile';

const TITLE = 'Create the engineering career you love at Pinterest';
const request = (over: Partial<UriRequest> = {}): UriRequest => ({
  vault: 'My Vault',
  path: notePath('Interviews/2026', TITLE),
  mode: 'create',
  content: '# Title\n\n> A quote & more #tag',
  open: true,
  ...over,
});

describe('obsidian:// addresses', () => {
  it.each([
    [
      'create',
      'obsidian://new?vault=My%20Vault&file=Interviews%2F2026%2FCreate%20the%20engineering%20career%20you%20love%20at%20Pinterest&content=%23%20Title%0A%0A%3E%20A%20quote%20%26%20more%20%23tag',
    ],
    [
      'append',
      'obsidian://new?vault=My%20Vault&file=Interviews%2F2026%2FCreate%20the%20engineering%20career%20you%20love%20at%20Pinterest&append=true&content=%0A%0A%23%20Title%0A%0A%3E%20A%20quote%20%26%20more%20%23tag',
    ],
    [
      'prepend',
      'obsidian://new?vault=My%20Vault&file=Interviews%2F2026%2FCreate%20the%20engineering%20career%20you%20love%20at%20Pinterest&prepend=true&content=%23%20Title%0A%0A%3E%20A%20quote%20%26%20more%20%23tag%0A%0A',
    ],
    [
      'overwrite',
      'obsidian://new?vault=My%20Vault&file=Interviews%2F2026%2FCreate%20the%20engineering%20career%20you%20love%20at%20Pinterest&overwrite=true&content=%23%20Title%0A%0A%3E%20A%20quote%20%26%20more%20%23tag',
    ],
    [
      'daily',
      'obsidian://daily?vault=My%20Vault&append=true&content=%0A%0A%23%20Title%0A%0A%3E%20A%20quote%20%26%20more%20%23tag',
    ],
  ] as const)('%s', (mode, url) => {
    expect(obsidianHandoff(request({ mode }), { clipboard: true })).toEqual({ url });
  });

  it('leaves the vault to Obsidian when none is set, and keeps the note closed when asked', () => {
    const { url } = obsidianHandoff(request({ vault: ' ', open: false }), { clipboard: true });
    expect(url.startsWith('obsidian://new?file=Interviews%2F2026%2F')).toBe(true);
    expect(new URL(url).searchParams.get('silent')).toBe('true');
    expect(new URL(url).searchParams.has('vault')).toBe(false);
  });

  it('sends a long note through the clipboard, with a notice in the address for when Obsidian finds it empty', () => {
    const content = `# Title\n\n${'> A long quote. '.repeat(200)}`;
    const h = obsidianHandoff(request({ content, mode: 'append' }), { clipboard: true });
    expect(h.clipboardText).toBe(`\n\n${content}`);
    expect(h.url.length).toBeLessThanOrEqual(MAX_URI_LENGTH);
    const q = new URL(h.url).searchParams;
    expect(q.get('clipboard')).toBe('true');
    expect(q.get('append')).toBe('true');
    expect(q.get('content')).toBe(CLIPBOARD_NOTICE);
  });

  it('puts a long note in the address when the clipboard cannot be written', () => {
    const content = `# Title\n\n${'> A long quote with ünïcode & 100% #hash. '.repeat(200)}`;
    const h = obsidianHandoff(request({ content }), { clipboard: false });
    expect(h.clipboardText).toBeUndefined();
    expect(new URL(h.url).searchParams.get('content')).toBe(content);
    expect(new URL(h.url).searchParams.has('clipboard')).toBe(false);
  });

  it('names the note by the file-name rules, and never leaves the vault, whatever the title and folder', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...HOSTILE.filter((h) => h.length < 1000), '../../etc/passwd', 'CON', '.hidden'),
        fc.constantFrom('', '/', '../..', 'a/../b', '\\Notes\\2026\\', ' . / .. /x', 'Inter?views:*'),
        fc.constantFrom(...URI_MODES),
        (title, folder, mode) => {
          const h = obsidianHandoff(request({ path: notePath(folder, title), mode }), { clipboard: true });
          const file = new URL(h.url).searchParams.get('file');
          if (mode === 'daily') {
            expect(file).toBeNull();
            return;
          }
          const parts = file!.split('/');
          expect(parts.at(-1)).toBe(fileNameFor(title));
          for (const p of parts) {
            expect(p).toBe(fileNameFor(p));
            expect(p.startsWith('.')).toBe(false);
          }
        },
      ),
    );
    expect(folderParts(' . / .. /x')).toEqual(['x']);
    expect(folderParts('\\Notes\\2026\\')).toEqual(['Notes', '2026']);
  });
});

describe('Obsidian settings', () => {
  it('keep each valid value and take the default for every other one', () => {
    expect(checkObsidianSettings(undefined)).toEqual(DEFAULT_OBSIDIAN_SETTINGS);
    expect(
      checkObsidianSettings({
        vault: '  Work  vault ',
        folder: 7,
        noteMode: 'daily',
        highlightTarget: 'nowhere',
        openNote: false,
        rest: { enabled: true, https: false, port: 70000, apiKey: ' abc123 ' },
      }),
    ).toEqual({
      vault: 'Work vault',
      folder: 'Interviews',
      noteMode: 'daily',
      highlightTarget: 'note',
      openNote: false,
      rest: { enabled: true, https: false, port: 27123, apiKey: 'abc123' },
    });
    expect(checkObsidianSettings({ rest: { apiKey: 'has a space', port: 27123.5 } }).rest).toEqual(
      DEFAULT_OBSIDIAN_SETTINGS.rest,
    );
  });
});
