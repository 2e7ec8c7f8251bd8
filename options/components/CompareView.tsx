import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { clipView } from '../../src/clip';
import type { CompareGroups, Highlight } from '../../src/types';
import { groupLibrary } from '../logic/grouping';
import {
  groupOfKey,
  groupQuestions,
  NO_OVERRIDES,
  pauseEvery,
  type QuestionGroupInfo,
} from '../logic/question-groups';
import {
  type CompareQuestion,
  columnsFor,
  compareByTheme,
  compareQuestionsSliced,
  freeTheme,
  questionItems,
} from '../logic/themes';
import type { LibraryModel } from '../model';
import { ClipQuote } from './ClipQuote';
import { personLine } from './format';

const FREE = 'free:';

// Grouping a large library runs in slices of about this long, so the page
// keeps answering while it works.
const SLICE_MS = 30;
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function Clip({ h }: { h: Highlight }) {
  return (
    <div class={`compare-clip clip-${h.color}`}>
      <ClipQuote view={clipView(h)} />
      {h.note && <p class="note">{h.note}</p>}
    </div>
  );
}

function RenameGroup({ group, onSave }: { group: QuestionGroupInfo; onSave: (name: string) => void }) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(group.label);
  const input = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (editing) input.current?.select();
  }, [editing]);
  if (!editing) {
    return (
      <button
        ref={button}
        type="button"
        class="rename"
        onClick={() => {
          setName(group.label);
          setEditing(true);
        }}
      >
        Rename group
      </button>
    );
  }
  const done = (save: boolean) => {
    if (save) onSave(name);
    setEditing(false);
    requestAnimationFrame(() => button.current?.focus());
  };
  return (
    <form
      class="rename-form"
      onSubmit={(e) => {
        e.preventDefault();
        done(true);
      }}
    >
      <label>
        New name for “{group.label}”{' '}
        <input
          ref={input}
          type="text"
          value={name}
          maxLength={200}
          onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              done(false);
            }
          }}
        />
      </label>
      <button type="submit">Save name</button>
      <button type="button" onClick={() => done(false)}>
        Cancel
      </button>
    </form>
  );
}

/**
 * Every interview's answers to one kind of question, side by side. Questions
 * are grouped by what they ask (question-groups.ts); the reader can rename a
 * group and move a question to another, and both are kept in the settings.
 * Search and filters narrow it too.
 */
export function CompareView({ model }: { model: LibraryModel }) {
  const themeId = model.theme.value;
  const shown = model.shown.value;
  const articles = model.articles.value;
  const sort = model.filters.value.sort;
  const overrides: CompareGroups = model.settings.value.compare ?? NO_OVERRIDES;
  const isFree = themeId?.startsWith(FREE) ?? false;
  const freeText = isFree ? themeId!.slice(FREE.length) : '';

  const { order, byArticle } = useMemo(() => {
    const order = groupLibrary(articles, shown, sort).map((g) => g.article);
    const byArticle = new Map<string, Highlight[]>();
    for (const h of shown) {
      const list = byArticle.get(h.articleKey);
      if (list) list.push(h);
      else byArticle.set(h.articleKey, [h]);
    }
    return { order, byArticle };
  }, [shown, articles, sort]);

  // Listing and grouping read every question's words: done in slices, after the view has painted.
  const [{ questions, groups }, setGrouped] = useState<{
    questions: readonly CompareQuestion[];
    groups: QuestionGroupInfo[] | null;
  }>({ questions: [], groups: null });
  useEffect(() => {
    let stale = false;
    const pause = pauseEvery(SLICE_MS, async () => {
      await nextTask();
      if (stale) throw new Error('stale');
    });
    void (async () => {
      const qs = await compareQuestionsSliced(order, byArticle, pause);
      const g = await groupQuestions(await questionItems(qs, pause), overrides, pause);
      if (!stale) setGrouped({ questions: qs, groups: g });
    })().catch(() => undefined);
    return () => {
      stale = true;
    };
  }, [order, byArticle, overrides]);

  const group = groups?.find((g) => g.id === themeId) ?? null;
  const columns = useMemo(() => {
    if (isFree) return compareByTheme(order, byArticle, freeTheme(freeText));
    if (!group) return [];
    return columnsFor(questions, new Set(group.keys));
  }, [isFree, freeText, group, order, byArticle, questions]);

  const keyToGroup = useMemo(() => (groups ? groupOfKey(groups) : new Map<string, string>()), [groups]);
  const save = (next: CompareGroups) => void model.saveSettings({ compare: next });
  const rename = (g: QuestionGroupInfo, name: string) => {
    const names = { ...overrides.names };
    if (name.trim() === '' || name.trim() === g.defaultLabel) delete names[g.id];
    else names[g.id] = name.trim();
    save({ ...overrides, names });
  };
  const move = (key: string, to: string) => save({ ...overrides, moves: { ...overrides.moves, [key]: to } });

  const listed = groups?.filter((g) => g.keys.length > 0) ?? [];

  return (
    <section class="compare" aria-label="Compare answers">
      <fieldset class="themes">
        <legend>Compare answers to</legend>
        {groups === null && (
          <p class="grouping" role="status">
            Grouping questions…
          </p>
        )}
        {listed.map((g) => (
          <label key={g.id} class={`theme theme-${g.source}`}>
            <input
              type="radio"
              name="theme"
              checked={themeId === g.id}
              onChange={() => model.setTheme(g.id)}
            />
            {g.label} <span class="count">({g.keys.length})</span>
          </label>
        ))}
        <label class="theme">
          <input
            type="radio"
            name="theme"
            checked={isFree}
            onChange={() => model.setTheme(FREE + freeText)}
          />
          Questions with the words
        </label>
        <label>
          <span class="visually-hidden">Words for your own theme</span>
          <input
            type="text"
            value={freeText}
            placeholder="e.g. remote, mentor"
            onInput={(e) => model.setTheme(FREE + (e.currentTarget as HTMLInputElement).value)}
          />
        </label>
      </fieldset>
      {group && !isFree && (
        <div class="group-head">
          <h2 class="group-name">{group.label}</h2>
          <RenameGroup key={group.id} group={group} onSave={(name) => rename(group, name)} />
        </div>
      )}
      {themeId === null || (!isFree && groups !== null && !group) ? (
        <p class="empty">Pick a group to see every interview’s saved answers to it side by side.</p>
      ) : columns.length === 0 ? (
        groups === null && !isFree ? null : (
          <p class="empty">
            No saved highlight sits under a question on this theme
            {shown.length < model.highlights.value.length ? ' (search and filters apply here too)' : ''}.
          </p>
        )
      ) : (
        <div class="columns" role="list">
          {columns.map((c) => (
            <section key={c.article.key} class="column" role="listitem" aria-label={c.article.title}>
              <h2>{c.article.title}</h2>
              {personLine(c.article) && <p class="person">{personLine(c.article)}</p>}
              {c.entries.map((e) => (
                <div key={e.key ?? e.question} class="entry">
                  <h3 class="question">{e.question}</h3>
                  {e.key && groups && (
                    <label class="move">
                      <span class="visually-hidden">Group of “{e.question}”</span>
                      <select
                        value={keyToGroup.get(e.key) ?? ''}
                        onChange={(ev) => move(e.key!, (ev.currentTarget as HTMLSelectElement).value)}
                      >
                        {groups.map((g) => (
                          <option key={g.id} value={g.id}>
                            {g.label}
                          </option>
                        ))}
                      </select>
                    </label>
                  )}
                  {e.highlights.map((h) => (
                    <Clip key={h.id} h={h} />
                  ))}
                </div>
              ))}
            </section>
          ))}
        </div>
      )}
    </section>
  );
}
