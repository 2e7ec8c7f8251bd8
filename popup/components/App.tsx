import { useEffect, useRef } from 'preact/hooks';
import type { PopupModel } from '../model';
import { Actions } from './Actions';
import { Count } from './Count';
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

  // The popup closes when the reader clicks back into the page: the window
  // blurs, hides and goes, in that order, and any of them may be the last
  // moment this document runs. Each sends what was typed.
  useEffect(() => {
    const flush = (): void => model.flushEdits();
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('blur', flush);
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('blur', flush);
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [model]);

  const phase = model.phase.value;
  const interview = model.page.value?.interview ?? null;
  return (
    <>
      {phase === 'ready' && interview ? <Header interview={interview} /> : null}
      {phase === 'ready' ? <SearchBox inputRef={search} /> : null}
      <main>
        {phase === 'ready' ? <HighlightList /> : null}
        {phase !== 'ready' ? (
          <PageNotice />
        ) : model.hasQa.value ? (
          <section class="qa-section" aria-labelledby="questions-heading">
            <h2 id="questions-heading">
              Questions{' '}
              <Count
                shown={model.visibleSections.value.length}
                total={model.sections.value.length}
                filtering={model.terms.value.length > 0}
              />
            </h2>
            <QuestionList />
          </section>
        ) : (
          <NoQaNotice />
        )}
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
