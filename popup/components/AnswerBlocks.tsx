import type { ComponentChildren } from 'preact';
import type { Block, Section } from '../../src/types';
import { useModel } from './context';
import { Marked } from './Marked';

type Group =
  | { kind: 'single'; index: number; block: Block }
  | { kind: 'list'; ordered: boolean; items: { index: number; block: Block }[] };

/** Consecutive list items of one kind are one list on the page, so they are one list here. */
export function groupBlocks(blocks: readonly Block[]): Group[] {
  const groups: Group[] = [];
  blocks.forEach((block, index) => {
    if (block.kind === 'list-item') {
      const ordered = Boolean(block.ordered);
      const last = groups[groups.length - 1];
      if (last && last.kind === 'list' && last.ordered === ordered) last.items.push({ index, block });
      else groups.push({ kind: 'list', ordered, items: [{ index, block }] });
    } else groups.push({ kind: 'single', index, block });
  });
  return groups;
}

function SaveBlockButton({ section, index }: { section: Section; index: number }) {
  const model = useModel();
  const saved = model.paragraphSaved(section, index);
  const busy = model.busy.value.has(`p:${section.id}:${index}`);
  return (
    <button
      type="button"
      class="clip"
      aria-pressed={saved}
      aria-label={saved ? 'Unsave this paragraph' : 'Save this paragraph'}
      title={saved ? 'Saved: click to unsave' : 'Save this paragraph'}
      disabled={busy}
      onClick={() => void model.toggleParagraph(section, index)}
    >
      {saved ? '★' : '☆'}
    </button>
  );
}

function Speaker({ block, children }: { block: Block; children: ComponentChildren }) {
  return (
    <>
      {block.speaker ? (
        <strong class="speaker">
          <Marked text={block.speaker} />:{' '}
        </strong>
      ) : null}
      {children}
    </>
  );
}

function SingleBlock({ section, index, block }: { section: Section; index: number; block: Block }) {
  switch (block.kind) {
    case 'heading':
      return (
        <h4 class="answer-heading">
          <Marked text={block.text} />
        </h4>
      );
    case 'quote':
      return (
        <div class="block">
          <blockquote class="answer-quote">
            <Speaker block={block}>
              <Marked text={block.text} />
            </Speaker>
          </blockquote>
          <SaveBlockButton section={section} index={index} />
        </div>
      );
    case 'code':
      return (
        <div class="block">
          <pre class="answer-code">
            <code>
              <Marked text={block.text} />
            </code>
          </pre>
          <SaveBlockButton section={section} index={index} />
        </div>
      );
    default:
      return (
        <div class="block">
          <p class="answer-p">
            <Speaker block={block}>
              <Marked text={block.text} />
            </Speaker>
          </p>
          <SaveBlockButton section={section} index={index} />
        </div>
      );
  }
}

export function AnswerBlocks({ section }: { section: Section }) {
  return (
    <>
      {groupBlocks(section.answer).map((group) => {
        if (group.kind === 'single')
          return <SingleBlock key={group.index} section={section} index={group.index} block={group.block} />;
        const items = group.items.map(({ index, block }) => (
          <li key={index} class="block">
            <span class="answer-li">
              <Speaker block={block}>
                <Marked text={block.text} />
              </Speaker>
            </span>
            <SaveBlockButton section={section} index={index} />
          </li>
        ));
        const first = group.items[0]?.index ?? 0;
        return group.ordered ? (
          <ol key={`l${first}`} class="answer-list">
            {items}
          </ol>
        ) : (
          <ul key={`l${first}`} class="answer-list">
            {items}
          </ul>
        );
      })}
    </>
  );
}
