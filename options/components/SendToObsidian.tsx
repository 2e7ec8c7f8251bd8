// "Send to Obsidian" in the library: one interview (from its header), or every
// interview the current result shows (from the toolbar). An interview's note
// always holds all of its highlights, so a later send never drops the ones a
// filter hid. Sending is decided in src/obsidian/deliver.ts; the browser's parts
// load on the first click.

import { useEffect, useState } from 'preact/hooks';
import type { Delivered, InterviewToSend } from '../../src/obsidian/deliver';
import type { Article } from '../../src/types';
import { ObsidianResult } from '../../src/obsidian-result';
import type { InterviewGroup } from '../logic/grouping';
import { messageOf } from '../errors';
import type { LibraryModel } from '../model';

function interviewOf(model: LibraryModel, article: Article): InterviewToSend {
  return { article, highlights: model.highlights.value.filter((h) => h.articleKey === article.key) };
}

function useSend(): [boolean, Delivered | null, (work: () => Promise<Delivered>) => Promise<void>] {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Delivered | null>(null);
  const run = async (work: () => Promise<Delivered>): Promise<void> => {
    setBusy(true);
    try {
      setResult(await work());
    } catch (e) {
      setResult({ ok: false, message: `Could not send: ${messageOf(e)}` });
    } finally {
      setBusy(false);
    }
  };
  return [busy, result, run];
}

const modules = () =>
  Promise.all([import('../../src/obsidian-browser'), import('../../src/obsidian/deliver')]);

export function SendInterviewToObsidian({ group, model }: { group: InterviewGroup; model: LibraryModel }) {
  const [busy, result, run] = useSend();
  return (
    <>
      <button
        type="button"
        disabled={busy}
        aria-label={`Send to Obsidian: ${group.article.title}`}
        onClick={() =>
          void run(async () => {
            const [shell, deliver] = await modules();
            return deliver.sendInterview(
              await shell.loadSendContext(),
              shell.browserPorts(),
              interviewOf(model, group.article),
            );
          })
        }
      >
        Send to Obsidian
      </button>
      <ObsidianResult result={result} />
    </>
  );
}

export function SendResultToObsidian({ model }: { model: LibraryModel }) {
  const [busy, result, run] = useSend();
  useEffect(() => void modules().catch(() => {}), []);
  const groups = model.groups.value;
  return (
    <>
      <button
        type="button"
        disabled={busy || groups.length === 0 || model.partial.value}
        aria-label={`Send shown to Obsidian: ${groups.length === 1 ? 'one interview' : `${groups.length} interviews`}`}
        onClick={() =>
          void run(async () => {
            const [shell, deliver] = await modules();
            return deliver.sendResult(
              await shell.loadSendContext(),
              shell.browserPorts(),
              model.groups.value.map((g) => interviewOf(model, g.article)),
              Date.now(),
            );
          })
        }
      >
        Send shown to Obsidian
      </button>
      <ObsidianResult result={result} />
    </>
  );
}
