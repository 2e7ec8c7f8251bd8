import { useMemo } from 'preact/hooks';
import type { Highlight } from '../../src/types';
import { groupLibrary } from '../logic/grouping';
import { compareByTheme, freeTheme, THEMES, type Theme } from '../logic/themes';
import type { LibraryModel } from '../model';
import { personLine } from './format';

const FREE = 'free:';

function themeOf(id: string | null): Theme | null {
  if (id === null) return null;
  if (id.startsWith(FREE)) return freeTheme(id.slice(FREE.length));
  return THEMES.find((t) => t.id === id) ?? null;
}

/** Every interview's answers to one kind of question, side by side. Search and filters narrow it too. */
export function CompareView({ model }: { model: LibraryModel }) {
  const themeId = model.theme.value;
  const theme = themeOf(themeId);
  const shown = model.shown.value;
  const articles = model.articles.value;
  const sort = model.filters.value.sort;
  const freeText = themeId?.startsWith(FREE) ? themeId.slice(FREE.length) : '';

  const columns = useMemo(() => {
    if (!theme) return [];
    const order = groupLibrary(articles, shown, sort).map((g) => g.article);
    const byArticle = new Map<string, Highlight[]>();
    for (const h of shown) {
      const list = byArticle.get(h.articleKey);
      if (list) list.push(h);
      else byArticle.set(h.articleKey, [h]);
    }
    return compareByTheme(order, byArticle, theme);
  }, [theme?.id, theme?.label, shown, articles, sort]);

  return (
    <section class="compare" aria-label="Compare answers">
      <fieldset class="themes">
        <legend>Compare answers to</legend>
        {THEMES.map((t) => (
          <label key={t.id} class="theme">
            <input
              type="radio"
              name="theme"
              checked={themeId === t.id}
              onChange={() => model.setTheme(t.id)}
            />
            {t.label}
          </label>
        ))}
        <label class="theme">
          <input
            type="radio"
            name="theme"
            checked={themeId?.startsWith(FREE) ?? false}
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
      {theme === null ? (
        <p class="empty">Pick a theme to see every interview’s saved answers to it side by side.</p>
      ) : columns.length === 0 ? (
        <p class="empty">
          No saved highlight sits under a question on this theme
          {shown.length < model.highlights.value.length ? ' (search and filters apply here too)' : ''}.
        </p>
      ) : (
        <div class="columns" role="list">
          {columns.map((c) => (
            <section key={c.article.key} class="column" role="listitem" aria-label={c.article.title}>
              <h2>{c.article.title}</h2>
              {personLine(c.article) && <p class="person">{personLine(c.article)}</p>}
              {c.entries.map((e) => (
                <div key={e.question} class="entry">
                  <h3 class="question">{e.question}</h3>
                  {e.highlights.map((h) => (
                    <div key={h.id} class={`highlight color-${h.color}`}>
                      <blockquote class="quote">{h.quote}</blockquote>
                      {h.note && <p class="note">{h.note}</p>}
                    </div>
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
