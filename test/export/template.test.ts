// Templates: what a mistake says (and where), what is refused, what the views
// hold, and what the options a reader picks write. Hostile text is in
// template-hostile.test.ts, the shipped templates against the golden files in
// template-golden.test.ts.

import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { compileTemplate, editTemplate, renderTemplate, type TemplateText } from '../../src/export/template';
import { DEFAULT_TEMPLATES, effectiveTemplates } from '../../src/export/template-defaults';
import { renderHighlightWith, renderNoteWith } from '../../src/export/template-export';
import { type Scope, TEMPLATE_SCOPES, type TemplateKind } from '../../src/export/template-schema';
import { checkTemplateSettings, DEFAULT_TEMPLATE_SETTINGS } from '../../src/export/template-settings';
import { blockIdFor, interviewView, noteView } from '../../src/export/template-view';
import { article, highlight, interview, specExample } from './data';
import { expectGolden } from './golden';

function mistake(kind: TemplateKind, source: string): string {
  const r = compileTemplate(kind, source);
  if (r.ok) throw new Error(`compiled: ${source}`);
  return r.error.message;
}

describe('a template with a mistake', () => {
  it.each([
    ['note', 'a\n\n{{{title}}}', 'Line 3: {{{title}}} would write its value without escaping'],
    ['note', '{{& title}}', 'Line 1: {{& title}} would write its value without escaping'],
    ['note', '# {{title}}\n{{titel}}', 'Line 2: {{titel}} is not a variable here (did you mean {{title}}?)'],
    ['note', '{{#groups}}\n{{heading}}\n', 'Line 1: {{#groups}} is never closed: add {{/groups}}'],
    ['note', 'x\n{{/groups}}', 'Line 2: {{/groups}} closes a section that was never opened'],
    ['note', 'x\ny {{title', 'Line 2: a tag opened with {{ is never closed with }}'],
    ['note', '{{groups}}', 'Line 1: {{groups}} is a list: write it as {{#groups}}…{{/groups}}'],
    ['note', '{{yaml}}', 'Line 1: {{yaml}} has fields: write one of them, like {{yaml.title}}'],
    ['highlight', '{{isQa}}', 'Line 1: {{isQa}} is true or false'],
    ['note', '{{yaml.titel}}', 'Line 1: {{yaml.titel}}: yaml has no field “titel”'],
    ['note', '{{.}}', 'Line 1: {{.}} stands for an entry of a list of text'],
    ['note', '{{> highlight}}', 'Line 1: {{> highlight}} belongs inside {{#highlights}}'],
    [
      'note',
      '{{#highlights}}{{> note}}{{/highlights}}',
      'the only template a note can include is {{> highlight}}',
    ],
    ['highlight', '{{> highlight}}', 'only the note template can include another template'],
    ['highlight', '{{#highlights}}x{{/highlights}}', 'a highlight template writes one highlight'],
    // A question's heading is the note's, not the highlight's: it would differ between a question and the flat list.
    ['highlight', '{{heading}}', '{{heading}} is not a variable here'],
    ['note', '# {{title}}\ntitle: {{yaml.title}}', 'Line 2: {{yaml.title}} is a YAML value'],
    ['note', '---\ntitle: {{title}}\n---\n', 'Line 2: {{title}} is Markdown and cannot go in front matter'],
    ['note', '# Notes\n{{frontMatter}}', 'Line 2: {{frontMatter}} is the note’s front matter'],
    ['highlight', '{{frontMatter}}', 'can only come first in a note'],
    // Names JavaScript objects carry but a view does not: never looked up, so never a lambda.
    ['note', '{{constructor}}', 'is not a variable here'],
    ['note', '{{#__proto__}}x{{/__proto__}}', 'is not a variable here'],
    ['note', '{{title.length}}', 'title has no field “length”'],
  ] as const)('%s: %j', (kind, source, message) => {
    expect(mistake(kind, source)).toContain(message.replace('’', "'"));
  });

  it('keeps the last good template while the reader types, and the draft too', () => {
    let text: TemplateText = { draft: '', good: null };
    let edit = editTemplate('highlight', text, '> {{quoteInline}}');
    expect(edit.error).toBeNull();
    text = edit.text;
    edit = editTemplate('highlight', text, '> {{quoteInlin}}');
    expect(edit.error?.line).toBe(1);
    expect(edit.text).toEqual({ draft: '> {{quoteInlin}}', good: '> {{quoteInline}}' });
  });

  it('falls back to the shipped template when a stored one no longer compiles, and says so', () => {
    const settings = checkTemplateSettings({
      templates: { note: { draft: '{{#groups}}', good: '{{#groups}}' } },
    });
    const { templates, errors } = effectiveTemplates(settings);
    expect(errors.note?.message).toContain('never closed');
    expect(templates.note.source).toBe(DEFAULT_TEMPLATES.note);
  });

  it('reads a Windows line break as LF', () => {
    const r = compileTemplate('note', '# {{title}}\r\n\r\n{{byline}}\r\n');
    expect(r.ok && renderTemplate(r.template, [noteView(article(), [])], highlightTemplate())).toBe(
      '# Create the engineering career you love at Pinterest\n\nBehnam Rezaei, Pinterest VP, Engineering · [Pinterest Engineering Blog](https://medium.com/pinterest-engineering/create-the-engineering-career-you-love-at-pinterest-4f0e6b3a2c1d) · 2023-08-03\n',
    );
  });
});

function highlightTemplate(source = DEFAULT_TEMPLATES.highlight) {
  const r = compileTemplate('highlight', source);
  if (!r.ok) throw new Error(r.error.message);
  return r.template;
}

describe('views', () => {
  /** Names the view holds that the schema does not list, or the other way round. */
  function mismatches(view: Record<string, unknown>, scope: Scope, path = ''): string[] {
    const out: string[] = [];
    for (const k of Object.keys(view))
      if (!Object.hasOwn(scope, k)) out.push(`${path}${k}: not in the schema`);
    for (const [k, v] of Object.entries(scope)) {
      const x = view[k];
      if (!Object.hasOwn(view, k)) out.push(`${path}${k}: not in the view`);
      else if (v.kind === 'list' && !Array.isArray(x)) out.push(`${path}${k}: not a list`);
      else if (v.kind === 'flag' && typeof x !== 'boolean') out.push(`${path}${k}: not true or false`);
      else if (['text', 'markdown', 'frontMatter', 'yaml'].includes(v.kind) && typeof x !== 'string')
        out.push(`${path}${k}: not a string`);
      else if (v.item && Array.isArray(x))
        for (const e of x) out.push(...mismatches(e as Record<string, unknown>, v.item, `${path}${k}[].`));
      else if (v.fields) out.push(...mismatches(x as Record<string, unknown>, v.fields, `${path}${k}.`));
    }
    return out;
  }

  it('hold exactly the variables the schema lists', () => {
    const { article: a, highlights } = specExample();
    const qa = highlight({ kind: 'qa', quote: 'Q and A.', answer: [{ kind: 'paragraph', text: 'A.' }] });
    const note = noteView(a, [...highlights, qa]);
    expect(note.groups.length).toBe(2);
    expect(mismatches({ ...note }, TEMPLATE_SCOPES.note)).toEqual([]);
    const iv = interview({ facts: [{ label: 'Team', value: 'Search' }] });
    expect(mismatches({ ...interviewView(iv) }, TEMPLATE_SCOPES.interview)).toEqual([]);
  });

  it('give each highlight a block id made from its id, the same on every export', () => {
    expect(blockIdFor('3F2A9C1E-5B7D-4E8F-9A0B-1C2D3E4F5A6B')).toBe('h-3f2a9c1e5b7d');
    expect(blockIdFor('h-001')).toBe('h-h-001');
    expect(blockIdFor('Ünïcode & spaces')).toBe('h-n-code-spaces');
    const twins = [highlight({ id: 'a b', quote: 'One.' }), highlight({ id: 'a-b', quote: 'Two.' })];
    const ids = noteView(article(), twins).highlights.map((h) => h.blockId);
    expect(ids).toEqual(['^h-a-b', '^h-a-b-2']);
  });
});

describe('what the options write', () => {
  const { templates } = effectiveTemplates(DEFAULT_TEMPLATE_SETTINGS);
  const a = article();
  const hs = [
    highlight({
      id: '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b',
      quote: 'Pinterest has a very unique culture.\n\nIt is == equal %% hidden ^id.',
      sectionId: 'q-led',
      question: 'What led you to joining Pinterest?',
      color: 'green',
      tags: ['culture'],
      note: 'Ask about the interview loop.',
    }),
    highlight({
      id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      kind: 'qa',
      quote: 'Can you share more about your team? Three organisations.',
      sectionId: 'q-team',
      question: 'Can you share more about your team at Pinterest?',
      answer: [{ kind: 'paragraph', text: 'Pinterest has three main engineering organizations.' }],
      color: 'pink',
    }),
  ];
  const colorNames = {
    yellow: 'Yellow',
    green: 'Key idea',
    blue: 'Blue',
    pink: 'Question to ask',
    purple: 'Purple',
  };
  const calloutTypes = { yellow: 'quote', green: 'tip', blue: 'info', pink: 'question', purple: 'example' };

  it.each([
    [
      'template-obsidian-callouts',
      { quoteStyle: 'callout', blockIds: true, colorTags: true, wikilinks: true },
    ],
    ['template-obsidian-highlights', { quoteStyle: 'highlight', blockIds: true }],
  ] as const)('%s', (name, options) => {
    const md = renderNoteWith(templates, a, hs, {
      clipped: '2026-11-21',
      colorNames,
      calloutTypes,
      ...options,
    });
    expectGolden(name, md);
    // Every block id is there once; the whole-Q&A one closes its attribution line.
    for (const h of hs) expect(md.split(`^${blockIdFor(h.id)}`).length).toBe(2);
  });

  it('writes one highlight alone with the highlight template, within its note and question', () => {
    const own = highlightTemplate(
      '- {{quoteInline}} ({{colorName}}, {{question}}) — {{intervieweeLink}} in [{{title}}]({{url}}) {{blockId}}\n',
    );
    const md = renderHighlightWith({ ...templates, highlight: own }, a, hs, hs[0]!.id, {
      colorNames,
      wikilinks: true,
    });
    expect(md).toBe(
      '- Pinterest has a very unique culture. It is \\=\\= equal \\%\\% hidden \\^id. (Key idea, What led you to joining Pinterest?) — [[Behnam Rezaei]] in [Create the engineering career you love at Pinterest](https://medium.com/pinterest-engineering/create-the-engineering-career-you-love-at-pinterest-4f0e6b3a2c1d#:~:text=Pinterest%20has%20a%20very,equal%20%25%25%20hidden%20%5Eid.) ^h-3f2a9c1e5b7d\n',
    );
    expect(renderHighlightWith(templates, a, hs, 'not-there')).toBeNull();
  });

  it('writes the reader’s own front matter and note layout', () => {
    const note = compileTemplate(
      'note',
      '---\ntitle: {{yaml.title}}\ninterviewee: {{yaml.interviewee}}\ncompany: {{yaml.company}}\ntags: {{yaml.tags}}\n---\n\n{{#highlights}}\n{{> highlight}}\n{{/highlights}}\n',
    );
    expect(note.ok).toBe(true);
    if (!note.ok) return;
    const md = renderTemplate(
      note.template,
      [noteView(a, hs, { wikilinks: true })],
      highlightTemplate('{{quoteInline}}'),
    );
    expect(md).toBe(
      '---\ntitle: "Create the engineering career you love at Pinterest"\ninterviewee: "[[Behnam Rezaei]]"\ncompany: "[[Pinterest]]"\ntags: ["culture"]\n---\n\nCan you share more about your team? Three organisations.\nPinterest has a very unique culture. It is \\=\\= equal \\%\\% hidden \\^id.\n',
    );
  });
});

describe('addresses', () => {
  const url = 'https://example.org/*a*_b_/~c~/`d`?q=[e]|f$g#:~:text=h*i*';
  const a = article({ url, canonicalUrl: url, site: 'generic' });
  const view = noteView(a, [highlight({ quote: 'x', fragmentUrl: url })]);

  it.each(['{{url}}', 'see {{url}} here', '[page]({{url}})', '{{#highlights}}{{url}}{{/highlights}}'])(
    '%s writes no markup and the same address',
    (source) => {
      const r = compileTemplate('note', source);
      if (!r.ok) throw new Error(r.error.message);
      const md = renderTemplate(r.template, [view], highlightTemplate());
      const tokens = new MarkdownIt('commonmark').enable('strikethrough').parseInline(md, {})[0]!.children!;
      expect(
        tokens
          .map((t) => t.type)
          .filter((t) => !['text', 'link_open', 'link_close', 'softbreak'].includes(t)),
      ).toEqual([]);
      const written = /https:\/\/\S+?(?=\)|\s|$)/.exec(md)![0];
      expect(written).toContain(':~:text=');
      expect(decodeURIComponent(written.replace(':~:', '%3A%7E%3A'))).toBe(url);
    },
  );
});
