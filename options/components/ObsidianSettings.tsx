// Settings for notes in Obsidian: where they go (vault, folder, how a note is
// written, where a single highlight goes), the reader's templates with a live
// preview on one of their saved interviews, the names of the colours, and the
// Local REST API. A template with a mistake shows its line; the last good one
// stays in use until the next one compiles (editTemplate).

import { useEffect, useMemo, useState } from 'preact/hooks';
import { cleanColorName } from '../../src/export/color-names';
import { compileTemplate, editTemplate, type TemplateError } from '../../src/export/template';
import { DEFAULT_TEMPLATES, effectiveTemplates } from '../../src/export/template-defaults';
import { renderNoteWith } from '../../src/export/template-export';
import {
  cleanCalloutType,
  DEFAULT_TEMPLATE_SETTINGS,
  QUOTE_STYLES,
  type QuoteStyle,
  type TemplateSettings,
  templateOptions,
} from '../../src/export/template-settings';
import { loadSendSettings, requestRestPermission, storageArea } from '../../src/obsidian-browser';
import { RestClient } from '../../src/obsidian/rest';
import {
  DEFAULT_OBSIDIAN_SETTINGS,
  HIGHLIGHT_TARGETS,
  type HighlightTarget,
  isApiKey,
  isPort,
  type ObsidianSettings as Obsidian,
  REST_HTTP_PORT,
  REST_HTTPS_PORT,
  URI_MODES,
  type UriMode,
} from '../../src/obsidian/settings';
import { saveObsidianSettings, saveTemplateSettings } from '../../src/obsidian/stored';
import { colorName } from '../../src/settings';
import { HIGHLIGHT_COLORS } from '../../src/types';
import { messageOf } from '../errors';
import type { LibraryModel } from '../model';
import { Check, Choice } from './fields';
import { SavedField } from './SavedField';

const MODES: Record<UriMode, string> = {
  create: 'Create a new note (Obsidian numbers it if the name is taken)',
  append: 'Add to the end of the interview’s note',
  prepend: 'Add to the top of the interview’s note',
  overwrite: 'Replace the interview’s note',
  daily: 'Add to today’s daily note',
};
const TARGETS: Record<HighlightTarget, string> = {
  note: 'The interview’s note',
  daily: 'Today’s daily note',
};
const QUOTES: Record<QuoteStyle, string> = {
  blockquote: '> Quote (as today)',
  highlight: '==Quote== (Obsidian highlight)',
  callout: '> [!type] Callout, type by colour',
};

type EditedKind = 'note' | 'highlight';
const KINDS: Record<EditedKind, string> = { note: 'Interview note', highlight: 'Each highlight' };

const value = (e: Event): string => (e.currentTarget as HTMLInputElement).value;

function TemplateEditor({
  kind,
  settings,
  onSave,
}: {
  kind: EditedKind;
  settings: TemplateSettings;
  onSave: (next: TemplateSettings) => void;
}) {
  const text = settings.templates[kind];
  const shown = text.draft !== '' ? text.draft : (text.good ?? DEFAULT_TEMPLATES[kind]);
  // A stored draft that does not compile shows its mistake when the page opens, too.
  const stored: TemplateError | null = useMemo(() => {
    const r = compileTemplate(kind, shown);
    return r.ok ? null : r.error;
  }, [kind, shown]);
  const id = `template-${kind}`;
  return (
    <div class="template">
      <label for={id}>{KINDS[kind]} template</label>
      <textarea
        id={id}
        rows={kind === 'note' ? 12 : 8}
        spellcheck={false}
        value={shown}
        aria-describedby={`${id}-error`}
        onInput={(e) => {
          const { text: next } = editTemplate(kind, text, value(e));
          onSave({ ...settings, templates: { ...settings.templates, [kind]: next } });
        }}
      />
      <p id={`${id}-error`} class={stored ? 'template-error' : 'hint'} role={stored ? 'alert' : undefined}>
        {stored
          ? `${stored.message} The last good template stays in use until this one is fixed.`
          : 'Mustache: {{name}} places a value, {{#list}}…{{/list}} repeats, {{^x}}…{{/x}} when empty.'}
      </p>
      <button
        type="button"
        onClick={() =>
          onSave({ ...settings, templates: { ...settings.templates, [kind]: { draft: '', good: null } } })
        }
      >
        Restore the shipped {KINDS[kind].toLowerCase()} template
      </button>
    </div>
  );
}

function restMessage(r: Awaited<ReturnType<RestClient['serverStatus']>>): string {
  return r.ok
    ? `Connected to Obsidian${r.value.version ? ` (Local REST API ${r.value.version})` : ''}.`
    : r.message.replace(' Nothing was written.', '');
}

export function ObsidianSettings({ model }: { model: LibraryModel }) {
  const [obsidian, setObsidian] = useState<Obsidian>(DEFAULT_OBSIDIAN_SETTINGS);
  const [templates, setTemplates] = useState<TemplateSettings>(DEFAULT_TEMPLATE_SETTINGS);
  const [previewKey, setPreviewKey] = useState<string | null>(null);
  const [restStatus, setRestStatus] = useState('');
  const settings = model.settings.value;

  const [stored, setStored] = useState<'reading' | 'read' | { problem: string }>('reading');
  // Read once: this panel is where they change, and reading its own saves back mid-typing would undo keys.
  useEffect(() => {
    loadSendSettings().then(
      (s) => {
        setObsidian(s.obsidian);
        setTemplates(s.templates);
        setStored('read');
      },
      (e: unknown) =>
        setStored({
          problem: `Could not read the Obsidian settings: ${messageOf(e)}`,
        }),
    );
  }, []);

  // One save at a time: each reads what is stored and writes it back, so two at once would lose one.
  const [queue] = useState<{ last: Promise<unknown> }>(() => ({ last: Promise.resolve() }));
  const inTurn = <T,>(work: () => Promise<T>): Promise<T> => {
    const next = queue.last.then(work, work);
    queue.last = next.catch(() => undefined);
    return next;
  };
  const saveObsidian = (patch: Parameters<typeof saveObsidianSettings>[0]): void =>
    void inTurn(() => saveObsidianSettings(patch, storageArea())).then(setObsidian);
  const saveTemplates = (next: TemplateSettings): void => {
    setTemplates(next);
    void inTurn(() => saveTemplateSettings(next, storageArea()));
  };

  // The preview is a real saved interview: the one chosen, or the latest.
  const articles = [...model.articles.value.values()].filter((a) =>
    model.highlights.value.some((h) => h.articleKey === a.key),
  );
  const article = articles.find((a) => a.key === previewKey) ?? articles[0];
  const preview = useMemo(() => {
    if (!article) return null;
    const rows = model.highlights.value.filter((h) => h.articleKey === article.key);
    const { templates: compiled } = effectiveTemplates(templates);
    return renderNoteWith(compiled, article, rows, {
      ...settings.export,
      ...templateOptions(templates, settings.colorNames, true),
    });
  }, [article, templates, settings, model.highlights.value]);

  const testConnection = async (): Promise<void> => {
    setRestStatus('Asking Obsidian…');
    // The click left a field whose save may still be on its way: ask with what is stored once it lands.
    const { rest } = (await inTurn(loadSendSettings)).obsidian;
    const client = new RestClient(rest, (url, init) => fetch(url, init));
    setRestStatus(restMessage(await client.serverStatus()));
  };

  // The fields wait for what is stored: a key typed before it arrives would be put back.
  if (stored !== 'read' || !model.settingsLoaded.value) {
    const problem = typeof stored === 'object' ? stored.problem : null;
    return (
      <section class="obsidian-settings" aria-label="Notes in Obsidian" aria-busy={problem === null}>
        <h2>Notes in Obsidian</h2>
        <p class={problem ? 'template-error' : 'hint'} role="status">
          {problem ?? 'Reading your settings…'}
        </p>
      </section>
    );
  }

  return (
    <section class="obsidian-settings" aria-label="Notes in Obsidian">
      <h2>Notes in Obsidian</h2>
      <p class="hint">
        “Send to Obsidian” in the popup and here opens Obsidian with the note. Nothing leaves this computer.
      </p>
      <label>
        Vault name
        <SavedField
          type="text"
          value={obsidian.vault}
          placeholder="The vault Obsidian has open"
          onSave={(vault) => saveObsidian({ vault })}
        />
      </label>
      <label>
        Folder in the vault
        <SavedField type="text" value={obsidian.folder} onSave={(folder) => saveObsidian({ folder })} />
      </label>
      <Choice
        label="Sending an interview"
        value={obsidian.noteMode}
        options={URI_MODES}
        labelOf={(m) => MODES[m]}
        onChoose={(noteMode) => saveObsidian({ noteMode })}
      />
      <Choice
        label="Sending one highlight adds it to"
        value={obsidian.highlightTarget}
        options={HIGHLIGHT_TARGETS}
        labelOf={(t) => TARGETS[t]}
        onChoose={(highlightTarget) => saveObsidian({ highlightTarget })}
      />
      <Check checked={obsidian.openNote} onChange={(openNote) => saveObsidian({ openNote })}>
        Open the note in Obsidian after writing it
      </Check>

      <h3>Colours</h3>
      <p class="hint">
        Name what each colour means; the names show in the export, the popup and the filters.
      </p>
      <table class="colors">
        <thead>
          <tr>
            <th scope="col">Colour</th>
            <th scope="col">Name</th>
            <th scope="col">Callout type</th>
          </tr>
        </thead>
        <tbody>
          {HIGHLIGHT_COLORS.map((c) => (
            <tr key={c}>
              <th scope="row">{c}</th>
              <td>
                <SavedField
                  type="text"
                  aria-label={`Name for ${c}`}
                  value={colorName(settings, c)}
                  maxLength={40}
                  onSave={(text) => {
                    const name = cleanColorName(text);
                    if (name) void model.saveSettings({ colorNames: { ...settings.colorNames, [c]: name } });
                  }}
                />
              </td>
              <td>
                <SavedField
                  type="text"
                  aria-label={`Callout type for ${c}`}
                  value={templates.calloutTypes[c]}
                  onSave={(text) => {
                    const type = cleanCalloutType(text);
                    if (type)
                      saveTemplates({ ...templates, calloutTypes: { ...templates.calloutTypes, [c]: type } });
                  }}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>Templates</h3>
      <Choice
        label="Quotes are written as"
        value={templates.quoteStyle}
        options={QUOTE_STYLES}
        labelOf={(q) => QUOTES[q]}
        onChoose={(quoteStyle) => saveTemplates({ ...templates, quoteStyle })}
      />
      <Check
        checked={templates.wikilinks}
        onChange={(wikilinks) => saveTemplates({ ...templates, wikilinks })}
      >
        Link the interviewee and the company as [[notes]]
      </Check>
      <Check
        checked={templates.colorTags}
        onChange={(colorTags) => saveTemplates({ ...templates, colorTags })}
      >
        Tag each highlight with its colour’s name
      </Check>
      <TemplateEditor kind="note" settings={templates} onSave={saveTemplates} />
      <TemplateEditor kind="highlight" settings={templates} onSave={saveTemplates} />
      <h3>Preview</h3>
      {article ? (
        <>
          <label>
            Interview
            <select value={article.key} onChange={(e) => setPreviewKey(value(e))}>
              {articles.map((a) => (
                <option key={a.key} value={a.key}>
                  {a.title}
                </option>
              ))}
            </select>
          </label>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region needs keyboard access (axe scrollable-region-focusable) */}
          <pre class="preview" tabIndex={0}>
            {preview}
          </pre>
        </>
      ) : (
        <p class="hint">Save a highlight in an interview to see its note here.</p>
      )}

      <h3>Local REST API (optional)</h3>
      <p class="hint">
        For Obsidian on this computer with the Local REST API plugin: notes are written and updated directly,
        keeping what you wrote outside the exported part. Turning it on asks the browser to let the extension
        reach 127.0.0.1 and nothing else.
      </p>
      <Check
        checked={obsidian.rest.enabled}
        onChange={async (on) => {
          // Asked from the click itself: browsers only show the prompt then.
          if (on && !(await requestRestPermission())) {
            setRestStatus('The browser did not allow reaching 127.0.0.1, so the REST API stays off.');
            saveObsidian({ rest: { enabled: false } });
            return;
          }
          setRestStatus('');
          saveObsidian({ rest: { enabled: on } });
        }}
      >
        Write notes through the Local REST API
      </Check>
      <Check
        checked={obsidian.rest.https}
        disabled={!obsidian.rest.enabled}
        onChange={(https) =>
          saveObsidian({ rest: { https, port: https ? REST_HTTPS_PORT : REST_HTTP_PORT } })
        }
      >
        HTTPS (the plugin’s default; plain HTTP must be turned on in the plugin)
      </Check>
      <label>
        Port
        <SavedField
          type="number"
          min={1}
          max={65535}
          value={obsidian.rest.port}
          disabled={!obsidian.rest.enabled}
          check={(port) =>
            isPort(Number(port)) && port.trim() !== ''
              ? null
              : 'A port is a whole number from 1 to 65535; not saved.'
          }
          onSave={(port) => saveObsidian({ rest: { port: Number(port) } })}
        />
      </label>
      <label>
        API key
        <SavedField
          type="password"
          autocomplete="off"
          value={obsidian.rest.apiKey}
          disabled={!obsidian.rest.enabled}
          check={(apiKey) =>
            isApiKey(apiKey)
              ? null
              : 'An API key is up to 256 letters, digits and signs, with no space inside; not saved.'
          }
          onSave={(apiKey) => saveObsidian({ rest: { apiKey } })}
        />
      </label>
      <p>
        <button type="button" disabled={!obsidian.rest.enabled} onClick={() => void testConnection()}>
          Test the connection
        </button>
      </p>
      {restStatus && (
        <p class="rest-status" role="status">
          {restStatus}
        </p>
      )}
    </section>
  );
}
