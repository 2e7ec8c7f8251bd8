import { useEffect, useRef } from 'preact/hooks';
import type { PopupModel } from '../model';
import { Actions } from './Actions';
import { ModelContext, useModel } from './context';
import { Header } from './Header';
import { HighlightList } from './HighlightList';
import { NoQaNotice, PageNotice } from './PageNotice';
import { QuestionList } from './QuestionList';
import { SearchBox } from './SearchBox';
import { StatusLine } from './StatusLine';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function Body() {
  const model = useModel();
  const search = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(e.target)) {
        e.preventDefault();
        search.current?.focus();
      } else if (
        e.key === 'Escape' &&
        !e.defaultPrevented &&
        model.query.value !== '' &&
        !isTyping(e.target)
      ) {
        // A filtered list with the search box out of view must still be easy to undo.
        e.preventDefault();
        model.setQuery('');
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [model]);

  const phase = model.phase.value;
  const interview = model.page.value?.interview ?? null;
  return (
    <>
      {phase === 'ready' && interview ? <Header interview={interview} /> : null}
      {phase === 'ready' ? <SearchBox inputRef={search} /> : null}
      <main>
        {phase !== 'ready' ? (
          <PageNotice />
        ) : model.hasQa.value ? (
          <section class="qa-section" aria-labelledby="questions-heading">
            <h2 id="questions-heading">
              Questions <span class="count">({model.sections.value.length})</span>
            </h2>
            <QuestionList />
          </section>
        ) : (
          <NoQaNotice />
        )}
        {phase === 'ready' ? <HighlightList /> : null}
      </main>
      <footer>
        <Actions />
        <StatusLine />
      </footer>
    </>
  );
}

export function App({ model }: { model: PopupModel }) {
  useEffect(() => {
    void model.start();
    return () => model.dispose();
  }, [model]);
  return (
    <ModelContext.Provider value={model}>
      <Body />
    </ModelContext.Provider>
  );
}
