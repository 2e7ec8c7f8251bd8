// "Send to Obsidian" in the popup: the page's interview, or one highlight
// (highlightId). What is sent and how is decided in src/obsidian/deliver.ts; the
// browser's parts load on the first click, so the popup opens as fast as before.

import { useEffect, useState } from 'preact/hooks';
import type { Delivered } from '../../src/obsidian/deliver';
import type { Article } from '../../src/types';
import { ObsidianResult } from '../../src/obsidian-result';
import { errorText } from '../model';
import { useModel } from './context';

// Loaded once the popup has painted, not on the click: the clipboard takes text
// only while the click's activation lasts (a few seconds), so the click's own
// work must be short.
let loaded: ReturnType<typeof loadModules> | null = null;
function loadModules() {
  return Promise.all([
    import('../../src/obsidian-browser'),
    import('../../src/obsidian/deliver'),
    import('../../src/store'),
    import('../../src/store/article'),
  ]);
}
const modules = () => (loaded ??= loadModules());

export function SendToObsidian({ highlightId }: { highlightId?: string }) {
  const model = useModel();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Delivered | null>(null);
  const page = model.page.value;
  const rows = model.highlights.value;
  const one = highlightId !== undefined;
  const ready = model.phase.value === 'ready' && page !== null && rows.length > 0;
  useEffect(() => {
    const t = setTimeout(() => void modules().catch(() => {}), 0);
    return () => clearTimeout(t);
  }, []);

  const send = async (): Promise<void> => {
    if (!page) return;
    setBusy(true);
    try {
      const [{ loadSendContext, browserPorts }, deliver, store, articles] = await modules();
      let article: Article | undefined = await new store.Library()
        .getArticle(page.articleKey)
        .catch(() => undefined);
      article ??= page.interview
        ? articles.articleFromInterview(page.interview, page.interview.url, Date.now())
        : undefined;
      if (!article) {
        setResult({ ok: false, message: 'Could not find this page in the library.' });
        return;
      }
      const ctx = await loadSendContext();
      const what = { article, highlights: rows };
      setResult(
        one
          ? await deliver.sendHighlight(ctx, browserPorts(), what, highlightId)
          : await deliver.sendInterview(ctx, browserPorts(), what),
      );
    } catch (e) {
      setResult({ ok: false, message: `Could not send: ${errorText(e)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <span class="obsidian-send">
      <button
        type="button"
        disabled={!ready || busy}
        aria-label={`Send to Obsidian: this ${one ? 'highlight' : 'interview'}`}
        onClick={() => void send()}
      >
        Send to Obsidian
      </button>
      <ObsidianResult result={result} />
    </span>
  );
}
