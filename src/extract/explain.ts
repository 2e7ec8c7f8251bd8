// The `--explain` report: for each block of the article, what the extractor took
// it for (question, answer, speaker label, insert, chrome, intro) and the rule
// that decided it, so a reader who reports a misread page can be helped.

import type { ExplainedBlock } from './index';
import type { Interview } from '../types';

const SNIPPET = 72;

function snippet(text: string): string {
  const t = text.length > SNIPPET ? `${text.slice(0, SNIPPET - 1)}…` : text;
  return JSON.stringify(t);
}

function kindOf(b: ExplainedBlock): string {
  return b.kind === 'heading' ? `h${b.level}` : b.kind;
}

/** The report as text, one line per block after a summary line. */
export function renderExplanation(interview: Interview, blocks: ExplainedBlock[]): string {
  const head = interview.interview
    ? `interview: ${interview.sections.length} questions`
    : 'not an interview: no run of two answered questions';
  const width = String(Math.max(0, blocks.length - 1)).length;
  const lines = blocks.map((b, i) => {
    const n = `#${String(i).padStart(width)}`;
    return `${n}  ${kindOf(b).padEnd(10)} ${b.verdict.role.padEnd(13)} ${snippet(b.text || '———')}  ← ${b.verdict.rule}`;
  });
  return [head, ...lines].join('\n');
}
