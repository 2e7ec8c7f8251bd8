// The settings templated exports read (templates, quote style, callout types,
// colour names): each valid value kept, every other one the default.

import { describe, expect, it } from 'vitest';
import { checkColorNames, DEFAULT_COLOR_NAMES, MAX_COLOR_NAME } from '../../src/export/color-names';
import {
  checkTemplateSettings,
  cleanCalloutType,
  DEFAULT_TEMPLATE_SETTINGS,
  MAX_TEMPLATE_LENGTH,
  templateOptions,
} from '../../src/export/template-settings';

describe('colour names', () => {
  it('keep what the reader named, cleaned, and the defaults for the rest', () => {
    expect(checkColorNames(null)).toEqual(DEFAULT_COLOR_NAMES);
    expect(
      checkColorNames({
        yellow: '  key\n idea ',
        green: '',
        blue: 7,
        pink: 'x'.repeat(99),
        orange: 'no such colour',
      }),
    ).toEqual({ ...DEFAULT_COLOR_NAMES, yellow: 'key idea', pink: 'x'.repeat(MAX_COLOR_NAME) });
  });
});

describe('template settings', () => {
  it('keep each valid value and take the default for every other one', () => {
    expect(checkTemplateSettings('nonsense')).toEqual(DEFAULT_TEMPLATE_SETTINGS);
    const s = checkTemplateSettings({
      templates: {
        note: { draft: '# {{title}', good: '# {{title}}' },
        highlight: { draft: 'x'.repeat(MAX_TEMPLATE_LENGTH + 1), good: 3 },
      },
      quoteStyle: 'callout',
      calloutTypes: { yellow: 'Key Idea!', green: ']', blue: 'info' },
      colorTags: true,
      wikilinks: 'yes',
    });
    expect(s.templates.note).toEqual({ draft: '# {{title}', good: '# {{title}}' });
    expect(s.templates.highlight).toEqual({ draft: '', good: null });
    expect(s.templates.interview).toEqual(DEFAULT_TEMPLATE_SETTINGS.templates.interview);
    expect(s.quoteStyle).toBe('callout');
    expect(s.calloutTypes).toEqual({
      yellow: 'key-idea',
      green: 'quote',
      blue: 'info',
      pink: 'quote',
      purple: 'quote',
    });
    expect([s.colorTags, s.wikilinks]).toEqual([true, false]);
    expect(templateOptions(s, { blue: 'Fact' }, true)).toMatchObject({
      quoteStyle: 'callout',
      blockIds: true,
      colorNames: { ...DEFAULT_COLOR_NAMES, blue: 'Fact' },
    });
  });

  it('write callout types Obsidian reads after [!, and nothing that closes it', () => {
    expect(cleanCalloutType('Question]] <b>')).toBe('question-b');
    expect(cleanCalloutType('!!')).toBeNull();
  });
});
