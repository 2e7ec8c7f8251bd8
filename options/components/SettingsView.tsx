import { colorName } from '../../src/settings';
import { HIGHLIGHT_COLORS, LINK_STYLES, type LinkStyle } from '../../src/types';
import type { LibraryModel } from '../model';
import { Check, Choice } from './fields';
import { SyncSettings } from './SyncSettings';
import { ObsidianSettings } from './ObsidianSettings';

const LINK_LABELS: Record<LinkStyle, string> = {
  'text-fragment': 'Link to the exact quote (text fragment)',
  plain: 'Link to the page',
  none: 'No links',
};

export function SettingsView({ model }: { model: LibraryModel }) {
  const s = model.settings.value;
  const browser = model.services.browser;

  return (
    <section class="settings" aria-label="Settings and backup">
      <h2>Highlighting</h2>
      <Choice
        label="Default highlight color"
        value={s.defaultColor}
        options={HIGHLIGHT_COLORS}
        labelOf={(c) => colorName(s, c)}
        onChoose={(defaultColor) => void model.saveSettings({ defaultColor })}
      />
      <Check
        checked={s.showSaveButton}
        onChange={(showSaveButton) => void model.saveSettings({ showSaveButton })}
      >
        Show the floating Save button when I select text in an interview
      </Check>

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
      <Check
        checked={s.export.frontMatter}
        onChange={(frontMatter) => void model.saveExportOptions({ frontMatter })}
      >
        Start each file with front matter (title, source, dates, tags)
      </Check>
      <Check
        checked={s.export.includeNotes}
        onChange={(includeNotes) => void model.saveExportOptions({ includeNotes })}
      >
        Include my notes
      </Check>
      <Check
        checked={s.export.includeTags}
        onChange={(includeTags) => void model.saveExportOptions({ includeTags })}
      >
        Include tags
      </Check>
      <Choice
        label="Links back to the source"
        value={s.export.linkStyle}
        options={LINK_STYLES}
        labelOf={(k) => LINK_LABELS[k]}
        onChoose={(linkStyle) => void model.saveExportOptions({ linkStyle })}
      />

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
