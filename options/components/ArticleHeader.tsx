import type { InterviewGroup } from '../logic/grouping';
import type { LibraryModel } from '../model';
import { Marked } from './Marked';
import { personLine, siteLabel } from './format';
import { SendInterviewToObsidian } from './SendToObsidian';

export function ArticleHeader({ group, model }: { group: InterviewGroup; model: LibraryModel }) {
  const a = group.article;
  const person = personLine(a);
  const probe = group.questions[0]?.highlights[0];
  const titleMarks = probe ? model.marksFor(probe, 'title', a.title) : [];
  const personMarks = probe && person ? model.marksFor(probe, 'interviewee', person) : [];
  const n = group.count;
  return (
    <header class="article">
      <h2 class="article-title">
        <Marked text={a.title} spans={titleMarks} />
      </h2>
      {person && (
        <p class="person">
          <Marked text={person} spans={personMarks} />
        </p>
      )}
      <p class="article-meta">
        <span class="site">{siteLabel(a.site)}</span>
        {a.published && <time dateTime={a.published}>{a.published}</time>}
        <span class="count">{n === 1 ? '1 highlight' : `${n} highlights`}</span>
        <span class="article-actions">
          <button
            type="button"
            onClick={() => void model.exportOne(group, 'download')}
            aria-label={`Download Markdown for ${a.title}`}
          >
            Download Markdown
          </button>
          <button
            type="button"
            onClick={() => void model.exportOne(group, 'copy')}
            aria-label={`Copy Markdown for ${a.title}`}
          >
            Copy Markdown
          </button>
          <SendInterviewToObsidian group={group} model={model} />
        </span>
      </p>
    </header>
  );
}

export function QuestionRow({ question }: { question: string | null }) {
  return (
    <h3 class={question === null ? 'question loose' : 'question'}>
      {question ?? 'Highlights outside the Q&A'}
    </h3>
  );
}
