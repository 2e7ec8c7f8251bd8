// The templates the extension ships: they write exactly what renderHighlights
// and renderInterview write (the golden files in test/export are rendered
// through them too), so a reader who never opens Settings sees no change, and
// a reader who does starts from a template that shows every ready-made piece.

import { type CompiledTemplate, compileTemplate, type TemplateError } from './template';
import { TEMPLATE_KINDS, type TemplateKind } from './template-schema';
import type { TemplateSettings } from './template-settings';

// Each piece is followed by a blank line; a section around a piece leaves it
// out, blank line and all, when it is empty. Rendering trims the end to one newline.
const PAGE_HEAD = `{{#frontMatter}}
{{.}}

{{/frontMatter}}
{{#titleHeading}}
{{.}}

{{/titleHeading}}
{{#byline}}
{{.}}

{{/byline}}
`;

export const DEFAULT_TEMPLATES: Readonly<Record<TemplateKind, string>> = {
  note: `${PAGE_HEAD}{{#groups}}
{{heading}}

{{#highlights}}
{{> highlight}}
{{/highlights}}
{{/groups}}
`,
  highlight: `{{#quoteBlock}}
{{.}}

{{/quoteBlock}}
{{#notes}}
{{.}}

{{/notes}}
{{#tagLine}}
{{.}}

{{/tagLine}}
`,
  interview: `${PAGE_HEAD}{{#sections}}
{{heading}}

{{#answer}}
{{.}}

{{/answer}}
{{/sections}}
`,
};

function compileDefault(kind: TemplateKind): CompiledTemplate {
  const r = compileTemplate(kind, DEFAULT_TEMPLATES[kind]);
  if (!r.ok) throw new Error(`the shipped ${kind} template does not compile: ${r.error.message}`);
  return r.template;
}

export type Templates = Readonly<Record<TemplateKind, CompiledTemplate>>;

/**
 * The templates an export uses: each kind's last good template, or the shipped
 * one when there is none. A stored template that no longer compiles (edited
 * by hand, or written by another version) is reported and replaced by the
 * shipped one, so an export always has a template.
 */
export function effectiveTemplates(settings: TemplateSettings): {
  templates: Templates;
  errors: Partial<Record<TemplateKind, TemplateError>>;
} {
  const templates = {} as Record<TemplateKind, CompiledTemplate>;
  const errors: Partial<Record<TemplateKind, TemplateError>> = {};
  for (const kind of TEMPLATE_KINDS) {
    const good = settings.templates[kind].good;
    const r = good === null ? null : compileTemplate(kind, good);
    if (r && !r.ok) errors[kind] = r.error;
    templates[kind] = r?.ok ? r.template : compileDefault(kind);
  }
  return { templates, errors };
}
