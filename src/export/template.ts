// Reader templates for the export, in Mustache: logic-less, so a template can
// only place values, repeat lists and test flags. mustache.js interprets the
// template (no eval, no new Function), so it runs under the extension's CSP.
//
// Page text never reaches a template unescaped: every value a view holds is
// already escaped for Markdown (see template-view.ts), rendering adds nothing,
// and the forms that promise raw output ({{{x}}}, {{&x}}) are refused rather
// than quietly made equal to {{x}}. A template is checked against its scope
// before use, and a mistake is reported with its line, so Settings can keep
// the last good template in use while the reader fixes it.

import Mustache from 'mustache';
import {
  TEMPLATE_SCOPES,
  type Scope,
  type TemplateKind,
  type Variable,
  type VariableKind,
} from './template-schema';

export interface TemplateError {
  line: number;
  column: number;
  /** "Line 3: …", ready to show. */
  message: string;
}

export interface CompiledTemplate {
  readonly kind: TemplateKind;
  readonly source: string;
  /** Its own parser, so a cache holds only this template and its partial. */
  readonly writer: Mustache.Writer;
}

export type CompileResult = { ok: true; template: CompiledTemplate } | { ok: false; error: TemplateError };

/** The one partial there is: a note template writes each highlight with `{{> highlight}}`. */
const PARTIAL = 'highlight';

/** The scopes a template of each kind is rendered in, outermost first, as the views stack them. */
const STACKS: Readonly<Record<TemplateKind, readonly Scope[]>> = {
  note: [TEMPLATE_SCOPES.note],
  // A highlight is rendered within its note, alone or as the note's partial. Only
  // the note's own names are seen from it, so it writes the same wherever a note
  // includes it (in a question or in the flat list).
  highlight: [TEMPLATE_SCOPES.note, TEMPLATE_SCOPES.highlight],
  interview: [TEMPLATE_SCOPES.interview],
};

type Token = [type: string, value: string, start: number, end: number, children?: Token[]];

class TemplateMistake extends Error {
  constructor(
    readonly at: number,
    message: string,
  ) {
    super(message);
  }
}

function position(source: string, at: number): { line: number; column: number } {
  const before = source.slice(0, Math.max(0, Math.min(at, source.length)));
  const line = before.split('\n').length;
  return { line, column: at - before.lastIndexOf('\n') };
}

/** Edit distance, for "did you mean"; stops early past 2 since nothing further is suggested. */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

function suggestion(name: string, stack: readonly Scope[]): string {
  const known = new Set(stack.flatMap((s) => Object.keys(s)));
  const near = [...known].filter((k) => distance(k.toLowerCase(), name.toLowerCase()) <= 2);
  return near.length > 0 ? ` (did you mean {{${near[0]}}}?)` : '';
}

/** What a name means where it stands: the nearest scope that has its first part, then its fields. */
function resolve(name: string, stack: readonly Scope[], at: number): Variable | 'item' {
  if (name === '.') return 'item';
  const [first, ...rest] = name.split('.');
  const scope = [...stack].reverse().find((s) => Object.hasOwn(s, first!));
  if (!scope) throw new TemplateMistake(at, `{{${name}}} is not a variable here${suggestion(first!, stack)}`);
  let v: Variable = scope[first!]!;
  for (const part of rest) {
    const field: Variable | undefined =
      v.fields && Object.hasOwn(v.fields, part) ? v.fields[part] : undefined;
    if (!field) throw new TemplateMistake(at, `{{${name}}}: ${first} has no field “${part}”`);
    v = field;
  }
  return v;
}

/** Where a template writes; `item` is what `{{.}}` stands for in the section being walked. */
interface Walk {
  kind: TemplateKind;
  source: string;
  stack: readonly Scope[];
  item: 'text' | 'markdown' | 'frontMatter' | null;
  /** Where the template's own front matter (a `---` block at its very start) ends; -1 when it has none. */
  frontMatterEnd: number;
}

function frontMatterEnd(source: string): number {
  if (!source.startsWith('---\n')) return -1;
  const close = /\n---[ \t]*(?:\n|$)/.exec(source.slice(3));
  return close ? 3 + close.index + close[0].length : -1;
}

/**
 * YAML values belong in front matter and Markdown values outside it: a YAML
 * string read as Markdown, or Markdown text read as YAML, would turn page text
 * into markup. The ready-made front matter goes first in a note, or nowhere.
 */
function checkPlace(kind: VariableKind | 'item', what: string, at: number, w: Walk): void {
  const inFrontMatter = at < w.frontMatterEnd;
  if (kind === 'frontMatter') {
    const before = w.source.slice(0, at).replace('{{#frontMatter}}', '');
    if (w.kind === 'highlight' || before.trim() !== '')
      throw new TemplateMistake(at, `${what} is the note's front matter: it can only come first in a note`);
  } else if (kind === 'yaml') {
    if (!inFrontMatter)
      throw new TemplateMistake(
        at,
        `${what} is a YAML value: it belongs in front matter at the very top, between --- lines`,
      );
  } else if (inFrontMatter && (kind === 'text' || kind === 'markdown')) {
    throw new TemplateMistake(
      at,
      `${what} is Markdown and cannot go in front matter: use its YAML form, like {{yaml.title}}`,
    );
  }
}

/** Walks the parsed template with the scopes it will be rendered in. */
function check(tokens: readonly Token[], w: Walk): void {
  for (const [type, name, start, end, children] of tokens) {
    if (type === 'text' || type === '!' || type === '=') continue;
    const raw = w.source.slice(start, end);
    if (type === '&')
      throw new TemplateMistake(
        start,
        `${raw} would write its value without escaping; every value is already escaped for Markdown, so write {{${name}}}`,
      );
    if (type === '>') {
      if (w.kind !== 'note' || name !== PARTIAL)
        throw new TemplateMistake(
          start,
          w.kind === 'note'
            ? `${raw}: the only template a note can include is {{> ${PARTIAL}}}`
            : `${raw}: only the note template can include another template`,
        );
      if (w.stack[w.stack.length - 1] !== TEMPLATE_SCOPES.highlight)
        throw new TemplateMistake(start, `{{> ${PARTIAL}}} belongs inside {{#highlights}}…{{/highlights}}`);
      continue;
    }
    const v = resolve(name, w.stack, start);
    if (
      w.kind === 'highlight' &&
      (v === TEMPLATE_SCOPES.note.groups || v === TEMPLATE_SCOPES.note.highlights)
    )
      throw new TemplateMistake(
        start,
        `${raw}: a highlight template writes one highlight, not the note's list`,
      );
    if (v === 'item') {
      if (type === 'name') {
        if (w.item === null)
          throw new TemplateMistake(
            start,
            '{{.}} stands for an entry of a list of text, and there is none here',
          );
        checkPlace(w.item, raw, start, w);
      }
      if (children) check(children, w);
      continue;
    }
    if (type === 'name') {
      if (v.kind === 'list' || v.kind === 'object' || v.kind === 'flag')
        throw new TemplateMistake(
          start,
          v.kind === 'list'
            ? `{{${name}}} is a list: write it as {{#${name}}}…{{/${name}}}`
            : v.kind === 'object'
              ? `{{${name}}} has fields: write one of them, like {{${name}.${Object.keys(v.fields ?? {})[0]}}}`
              : `{{${name}}} is true or false: test it with {{#${name}}}…{{/${name}}}`,
        );
      checkPlace(v.kind, raw, start, w);
      continue;
    }
    // An inverted section (^) renders in the scope around it. A section (#) over a
    // list renders each entry, over an object its fields, over a value the value
    // itself (as {{.}}); over a flag it stays in the scope around it.
    if (type === '^') {
      check(children ?? [], w);
      continue;
    }
    if (v.kind === 'frontMatter') checkPlace(v.kind, raw, start, w);
    const pushed = v.kind === 'list' ? v.item : v.kind === 'object' ? v.fields : undefined;
    const item: Walk['item'] =
      v.kind === 'flag'
        ? w.item
        : v.kind === 'list'
          ? v.item
            ? null
            : (v.each ?? null)
          : v.kind === 'text' || v.kind === 'markdown' || v.kind === 'frontMatter'
            ? v.kind
            : null;
    check(children ?? [], { ...w, stack: pushed ? [...w.stack, pushed] : w.stack, item });
  }
}

/** mustache.js's own parse errors, turned into the reader's words. */
function parseMistake(e: Error, source: string): TemplateMistake {
  const m = /^(.*) at (\d+)$/.exec(e.message);
  const at = m ? Number(m[2]) : 0;
  const what = m?.[1] ?? e.message;
  const section = /^(Unclosed|Unopened) section "(.*)"$/.exec(what);
  if (what === 'Unclosed tag') return new TemplateMistake(at, 'a tag opened with {{ is never closed with }}');
  if (section?.[1] === 'Unopened')
    return new TemplateMistake(at, `{{/${section[2]}}} closes a section that was never opened`);
  if (section?.[1] === 'Unclosed') {
    // Point at where the section opened when it can be found (default delimiters).
    const open = Math.max(
      source.lastIndexOf(`{{#${section[2]}}}`, at),
      source.lastIndexOf(`{{^${section[2]}}}`, at),
    );
    return new TemplateMistake(
      open >= 0 ? open : at,
      `{{#${section[2]}}} is never closed: add {{/${section[2]}}} where it ends`,
    );
  }
  if (what.startsWith('Invalid tags'))
    return new TemplateMistake(at, 'a {{=… …=}} tag needs two delimiters, like {{=<% %>=}}');
  return new TemplateMistake(at, what);
}

/** Checks a template of a kind; the result renders only views of that kind. */
export function compileTemplate(kind: TemplateKind, text: string): CompileResult {
  // A textarea on Windows may hand in CR LF; the export is LF only.
  const source = text.replace(/\r\n?/g, '\n');
  const writer = new Mustache.Writer();
  try {
    let tokens: Token[];
    try {
      tokens = writer.parse(source) as Token[];
    } catch (e) {
      throw e instanceof Error ? parseMistake(e, source) : e;
    }
    const stack = STACKS[kind];
    check(tokens, { kind, source, stack, item: null, frontMatterEnd: frontMatterEnd(source) });
    return { ok: true, template: { kind, source, writer } };
  } catch (e) {
    if (!(e instanceof TemplateMistake)) throw e;
    const { line, column } = position(source, e.at);
    return { ok: false, error: { line, column, message: `Line ${line}: ${e.message}.` } };
  }
}

/** Values reach the output as they are: the view escaped them already. */
const AS_IS = { escape: (value: unknown): string => String(value) };

/**
 * Renders a view (built by template-view.ts for this kind) and ends the text the
 * way every export ends: LF only, exactly one final newline. A note template
 * takes the highlight template it includes.
 */
export function renderTemplate(
  template: CompiledTemplate,
  view: readonly object[],
  highlight?: CompiledTemplate,
): string {
  if (template.kind === 'note' && highlight?.kind !== 'highlight')
    throw new TypeError('a note template renders with a highlight template');
  let context = new Mustache.Context(view[0]);
  for (const v of view.slice(1)) context = context.push(v);
  // Each highlight starts on a line of its own, whatever its template ends with.
  const partials = highlight ? { [PARTIAL]: highlight.source.replace(/([^\n])$/, '$1\n') } : undefined;
  const out = template.writer.render(template.source, context, partials, AS_IS);
  return `${out.replace(/\n+$/, '')}\n`;
}

/**
 * What Settings keeps while the reader types: the text as typed (never lost)
 * and the last text that compiled, which stays in use until the next one does.
 * `good` null means the shipped default.
 */
export interface TemplateText {
  draft: string;
  good: string | null;
}

/** The reader typed `draft`: keep it, and move `good` on only when it compiles. */
export function editTemplate(
  kind: TemplateKind,
  current: TemplateText,
  draft: string,
): { text: TemplateText; error: TemplateError | null } {
  const result = compileTemplate(kind, draft);
  return result.ok
    ? { text: { draft, good: draft }, error: null }
    : { text: { draft, good: current.good }, error: result.error };
}
