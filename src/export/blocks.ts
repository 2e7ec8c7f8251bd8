// An answer's blocks as Markdown: one string per block-level chunk, to be
// joined with blank lines by the caller.

import type { Block } from '../types';
import {
  cleanText,
  codeFence,
  collapseWhitespace,
  escapeMarkdownBlock,
  escapeMarkdownInline,
} from './escape';

function listLines(items: Block[], ordered: boolean): string {
  return items
    .map((item, i) => {
      const marker = ordered ? `${i + 1}.` : '-';
      const text = escapeMarkdownBlock(collapseWhitespace(item.text));
      return `${marker} ${text}`;
    })
    .join('\n');
}

function quoteLines(text: string): string {
  return escapeMarkdownBlock(text)
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}

function codeBlock(text: string): string {
  const code = cleanText(text).replace(/^\n+|\n+$/g, '');
  const fence = codeFence(code);
  return `${fence}\n${code}\n${fence}`;
}

function paragraph(block: Block): string {
  const text = escapeMarkdownBlock(block.text);
  const speaker = block.speaker ? collapseWhitespace(block.speaker) : '';
  return speaker ? `**${escapeMarkdownInline(speaker)}:** ${text}` : text;
}

export function renderBlocks(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.kind === 'list-item') {
      // Consecutive items of one kind form one list; a switch between bullets
      // and numbers starts a new list, which CommonMark also reads that way.
      const ordered = block.ordered === true;
      const items: Block[] = [block];
      while (
        i + 1 < blocks.length &&
        blocks[i + 1]!.kind === 'list-item' &&
        (blocks[i + 1]!.ordered === true) === ordered
      ) {
        items.push(blocks[++i]!);
      }
      const list = listLines(
        items.filter((b) => collapseWhitespace(b.text) !== ''),
        ordered,
      );
      if (list !== '') out.push(list);
      continue;
    }
    if (block.kind === 'code') {
      if (cleanText(block.text).trim() !== '') out.push(codeBlock(block.text));
      continue;
    }
    if (collapseWhitespace(block.text) === '') continue;
    switch (block.kind) {
      case 'heading':
        out.push(`### ${escapeMarkdownInline(block.text)}`);
        break;
      case 'quote':
        out.push(quoteLines(block.text));
        break;
      default:
        out.push(paragraph(block));
    }
  }
  return out;
}
