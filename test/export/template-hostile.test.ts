// No template can write page text as markup. Two ways of showing it:
// 1. The render fuzz tests run again with renderHighlights and renderInterview
//    replaced by the shipped templates, each result also checked equal to
//    today's renderer, so the defaults are exactly as safe as today's export.
// 2. A template built from the schema puts every variable in every place a
//    reader might (line start, mid-line, ==highlight==, link text, emphasis,
//    list item, callout title, table cell) and is rendered with a hostile
//    string in every field, under every quote style: the file holds no HTML,
//    image or non-http link, the text reads back as the string, and the
//    reader's own YAML front matter parses back to the same string.

import { describe, expect, it, vi } from 'vitest';
import { compileTemplate, renderTemplate } from '../../src/export/template';
import { effectiveTemplates } from '../../src/export/template-defaults';
import { renderInterviewWith, renderNoteWith } from '../../src/export/template-export';
import { NOTE_SCOPE, type Scope, type TemplateKind } from '../../src/export/template-schema';
import { DEFAULT_TEMPLATE_SETTINGS, QUOTE_STYLES } from '../../src/export/template-settings';
import { noteView } from '../../src/export/template-view';
import { HIGHLIGHT_COLORS, type Highlight } from '../../src/types';
import { expectSafe, frontMatterOf, HOSTILE, read, shown } from '../hardening/hostile';
import { article, highlight } from './data';

vi.mock('../../src/export', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/export')>();
  const { templates } = effectiveTemplates(DEFAULT_TEMPLATE_SETTINGS);
  return {
    ...original,
    renderHighlights: (...args: Parameters<typeof original.renderHighlights>) => {
      const md = renderNoteWith(templates, ...args);
      expect(md).toBe(original.renderHighlights(...args));
      return md;
    },
    renderInterview: (...args: Parameters<typeof original.renderInterview>) => {
      const md = renderInterviewWith(templates, ...args);
      expect(md).toBe(original.renderInterview(...args));
      return md;
    },
  };
});

await import('../hardening/render-hostile.test');

/**
 * Where a reader might put a text value; `$` is the variable. Letters stand
 * beside it where an empty value would leave markup of the template's own
 * (`****` is a thematic break).
 */
const PLACES = [
  '$',
  'before $ after',
  '==$==',
  '[$](https://example.org/)',
  '**x $ x**',
  '_x $ x_',
  '- x $',
  '1. x $',
  '> [!quote] $',
  '| $ | x |',
  '## $',
];

/** Every variable of a scope, each text one in every place, lists and flags opened. */
function everyPlacement(scope: Scope): string {
  const out: string[] = [];
  for (const [name, v] of Object.entries(scope)) {
    if (v.kind === 'text') for (const p of PLACES) out.push(p.replace('$', `{{${name}}}`));
    else if (v.kind === 'markdown') out.push(`{{${name}}}`);
    // frontMatter goes first or nowhere, yaml only in front matter: the template's own header holds them.
    else if (v.kind === 'flag') out.push(`{{#${name}}}yes{{/${name}}}{{^${name}}}no{{/${name}}}`);
    else if (v.kind === 'list' && v.item) out.push(`{{#${name}}}`, everyPlacement(v.item), `{{/${name}}}`);
    else if (v.kind === 'list' && v.each === 'text')
      out.push(`{{#${name}}}`, ...PLACES.map((p) => p.replace('$', '{{.}}')), `{{/${name}}}`);
    else if (v.kind === 'list') out.push(`{{#${name}}}`, '{{.}}', `{{/${name}}}`);
  }
  return out.join('\n\n');
}

const YAML_FIELDS = Object.keys(NOTE_SCOPE.yaml!.fields!).filter((k) => k !== 'tags');

function compiled(kind: TemplateKind, source: string) {
  const r = compileTemplate(kind, source);
  if (!r.ok) throw new Error(r.error.message);
  return r.template;
}

const EVERYTHING = compiled(
  'note',
  `---\n${YAML_FIELDS.map((k) => `${k}: {{yaml.${k}}}`).join('\n')}\ntags: {{yaml.tags}}\n---\n\n${everyPlacement(NOTE_SCOPE)}\n`,
);
const NO_PARTIAL = compiled('highlight', '');

/** A note where the page and the reader wrote `h` into every field. */
function hostileNote(h: string): { a: ReturnType<typeof article>; hs: Highlight[] } {
  const a = article({
    site: 'generic',
    title: h,
    author: h,
    publication: h,
    subject: { name: h, role: h, team: h, location: h, tenure: h },
    sections: [{ id: 's', question: h }],
  });
  const quote = h.trim() ? h : 'x';
  const hs = (['selection', 'qa'] as const).map((kind) =>
    highlight({
      kind,
      quote,
      sectionId: 's',
      question: h,
      speaker: h,
      note: h,
      tags: [h],
      answer: [{ kind: 'paragraph', text: h, speaker: h }],
      subQuestions: [h],
      fragmentUrl: 'javascript:alert(1)',
    }),
  );
  return { a, hs };
}

describe('a template that puts every variable everywhere, with hostile text in every field', () => {
  it.each(HOSTILE.filter((h) => h.length < 1000).map((h, i) => [i, h] as const))(
    'string #%i stays text under every quote style',
    (_i, h) => {
      const { a, hs } = hostileNote(h);
      for (const quoteStyle of QUOTE_STYLES) {
        const colorNames = Object.fromEntries(HIGHLIGHT_COLORS.map((c) => [c, h])) as Record<
          (typeof HIGHLIGHT_COLORS)[number],
          string
        >;
        const view = noteView(a, hs, {
          quoteStyle,
          colorNames,
          colorTags: true,
          wikilinks: true,
          blockIds: true,
        });
        const md = renderTemplate(EVERYTHING, [view], NO_PARTIAL);
        expectSafe(md, 1000);
        const fm = frontMatterOf(md);
        for (const k of ['title', 'author', 'role', 'team', 'location', 'tenure']) expect(fm[k], k).toBe(h);
        expect(fm.site).toBe(h.trim() || undefined);
        // Each text value alone on a line, and mid-line, reads back as the text itself.
        for (const name of ['title', 'author', 'name', 'role', 'team', 'location', 'tenure', 'site']) {
          for (const place of ['$', 'before $ after']) {
            const one = renderTemplate(
              compiled('note', place.replace('$', `{{${name}}}`)),
              [view],
              NO_PARTIAL,
            );
            expect(shown(read(one).texts.join('')), `${name} in “${place}”`).toBe(
              shown(place.replace('$', () => h)),
            );
          }
        }
      }
    },
  );

  it('writes ==highlight== quotes whose text can never close the highlight early', () => {
    const { a, hs } = hostileNote('a == b ==c= \\== d');
    const view = noteView(a, hs, { quoteStyle: 'highlight' });
    const block = view.highlights[0]!.quoteBlock.split('\n')[0]!;
    expect(block.startsWith('==') && block.endsWith('==')).toBe(true);
    // Between the markers, every `=` is escaped.
    expect(block.slice(2, -2).replace(/\\./g, '')).not.toContain('=');
  });
});
