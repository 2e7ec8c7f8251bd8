import { HIGHLIGHT_COLORS, type HighlightColor, type LinkStyle } from '../../src/types';
import type { LibraryModel } from '../model';
import { SyncSettings } from './SyncSettings';
import { ObsidianSettings } from './ObsidianSettings';

const LINK_STYLES: Record<LinkStyle, string> = {
  'text-fragment': 'Link to the exact quote (text fragment)',
  plain: 'Link to the page',
  none: 'No links',
};

const checked = (e: Event): boolean => (e.currentTarget as HTMLInputElement).checked;

export function SettingsView({ model }: { model: LibraryModel }) {
  const s = model.settings.value;
  const browser = model.services.browser;

  return (
    <section class="settings" aria-label="Settings and backup">
      <h2>Highlighting</h2>
      <label>
        Default highlight color
        <select
          value={s.defaultColor}
          onChange={(e) =>
            void model.saveSettings({
              defaultColor: (e.currentTarget as HTMLSelectElement).value as HighlightColor,
            })
          }
        >
          {HIGHLIGHT_COLORS.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={s.showSaveButton}
          onChange={(e) => void model.saveSettings({ showSaveButton: checked(e) })}
        />
        Show the floating Save button when I select text in an interview
      </label>

      <h2>Keyboard shortcuts</h2>
      {browser === 'chrome' ? (
        <p>
          <button type="button" onClick={() => void model.services.openTab('chrome://extensions/shortcuts')}>
            Open the browser’s shortcut settings
          </button>
        </p>
      ) : (
        <p>
          Open <code>about:addons</code>, click the gear menu and choose “Manage Extension Shortcuts” to
          change the shortcuts.
        </p>
      )}

      <h2>Markdown export</h2>
      <p class="hint">These apply everywhere Markdown is made: here and in the popup.</p>
      <label class="check">
        <input
          type="checkbox"
          checked={s.export.frontMatter}
          onChange={(e) => void model.saveExportOptions({ frontMatter: checked(e) })}
        />
        Start each file with front matter (title, source, dates, tags)
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={s.export.includeNotes}
          onChange={(e) => void model.saveExportOptions({ includeNotes: checked(e) })}
        />
        Include my notes
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={s.export.includeTags}
          onChange={(e) => void model.saveExportOptions({ includeTags: checked(e) })}
        />
        Include tags
      </label>
      <label>
        Links back to the source
        <select
          value={s.export.linkStyle}
          onChange={(e) =>
            void model.saveExportOptions({
              linkStyle: (e.currentTarget as HTMLSelectElement).value as LinkStyle,
            })
          }
        >
          {(Object.keys(LINK_STYLES) as LinkStyle[]).map((k) => (
            <option key={k} value={k}>
              {LINK_STYLES[k]}
            </option>
          ))}
        </select>
      </label>

      <SyncSettings />
      <ObsidianSettings model={model} />

      <h2>Backup</h2>
      <p>
        <button type="button" onClick={() => void model.downloadBackup()}>
          Download backup (.json)
        </button>
      </p>
      <label>
        Import a backup
        <input
          type="file"
          accept="application/json,.json"
          disabled={model.importProgress.value !== null}
          onChange={async (e) => {
            const input = e.currentTarget as HTMLInputElement;
            const f = input.files?.[0];
            if (!f) return;
            await model.importBackupFile(f);
            input.value = '';
          }}
        />
      </label>
      <p class="hint">
        The whole file is checked before anything is written: a file with any error changes nothing.
      </p>
      {model.importProgress.value && (
        <p class="import-progress" role="status">
          <progress
            max={1}
            value={model.importProgress.value.fraction ?? undefined}
            aria-label="Import progress"
          />{' '}
          {model.importProgress.value.label}
        </p>
      )}
      {model.importError.value && (
        <p class="error" role="alert">
          {model.importError.value}
        </p>
      )}
      {model.status.value && (
        <p class="ok" role="status">
          {model.status.value}
        </p>
      )}
    </section>
  );
}
