// The shipped templates write today's Markdown: every golden test of
// renderHighlights and renderInterview runs again here with both renderers
// replaced by the template path, against the same golden files, so a golden
// added later is covered too.

import { vi } from 'vitest';
import { effectiveTemplates } from '../../src/export/template-defaults';
import { renderInterviewWith, renderNoteWith } from '../../src/export/template-export';
import { DEFAULT_TEMPLATE_SETTINGS } from '../../src/export/template-settings';

vi.mock('../../src/export', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/export')>();
  const { templates } = effectiveTemplates(DEFAULT_TEMPLATE_SETTINGS);
  return {
    ...original,
    renderHighlights: (...args: Parameters<typeof original.renderHighlights>) =>
      renderNoteWith(templates, ...args),
    renderInterview: (...args: Parameters<typeof original.renderInterview>) =>
      renderInterviewWith(templates, ...args),
  };
});

await import('./highlights-golden.test');
await import('./interview-golden.test');
