import fc from 'fast-check';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import {
  escapeMarkdownBlock,
  escapeMarkdownInline,
  markdownLink,
  safeLinkUrl,
  yamlString,
} from '../../src/export';
import { norm, readMarkdown } from './markdown-text';

/** Renders text as one paragraph after a fixed lead, so inline text never sits at a line start. */
function readInline(escaped: string) {
  const doc = readMarkdown(`Lead: ${escaped}\n`);
  return {
    doc,
    text: doc.blocks
      .map((b) => b.text)
      .join('\n')
      .replace(/^Lead: ?/, ''),
  };
}

function readBlock(escaped: string) {
  const doc = readMarkdown(`${escaped}\n`);
  return { doc, text: doc.blocks.map((b) => b.text).join('\n\n') };
}

function expectPlain(doc: ReturnType<typeof readMarkdown>): void {
  expect(doc.forbidden).toEqual([]);
  for (const b of doc.blocks) {
    expect(b.kind).toBe('p');
    expect(b.links).toEqual([]);
    expect(b.marks).toEqual([]);
  }
}

/** Text as a renderer shows it: no control characters, whitespace collapsed. */
function shown(text: string): string {
  return norm(text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, ''));
}

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[click](javascript:alert(1))',
  '![x](https://evil.example/y.png)',
  '<https://evil.example>',
  '[a](b) and [ref]: https://x.example',
  '**bold** _em_ `code` ~~strike~~ ~single~',
  '| a | b |\n| --- | --- |\n| 1 | 2 |',
  'C:\\Users\\me\\ trailing backslash \\',
  '&amp; &copy; &#65; &#x41; AT&T',
  'Price $5 and $10 total',
  '#hashtag and # heading',
  'a\u202Ebidi\u202C and \u2066isolate\u2069 and \u200Fmark',
  'tab\there',
];

const LINE_STARTS = [
  '1. one',
  '1) one',
  '- dash',
  '-',
  '+ plus',
  '* star',
  '# heading',
  '> quote',
  '=====',
  '---',
  '- - -',
  '    indented code',
  '```js',
  '~~~',
  '<div>',
  '[^1]: note',
  '[x]: https://x.example',
  '2024. A year to remember',
  '123456789) nine digits',
];

describe('escapeMarkdownInline', () => {
  it.each(HOSTILE)('renders %j as its own text with no markup', (text) => {
    const { doc, text: back } = readInline(escapeMarkdownInline(text));
    expectPlain(doc);
    expect(norm(back)).toBe(shown(text));
  });

  it('writes bidi controls as character references, visible in the file, same text when rendered', () => {
    const out = escapeMarkdownInline('a\u202Eb');
    expect(out).toBe('a&#x202E;b');
    expect(readInline(out).text).toBe('a\u202Eb');
  });

  it('keeps ordinary prose readable', () => {
    expect(escapeMarkdownInline('What led you to joining Pinterest?')).toBe(
      'What led you to joining Pinterest?',
    );
    expect(escapeMarkdownInline('Tech & Science (ML), 3.5 years - fun!')).toBe(
      'Tech & Science (ML), 3.5 years - fun!',
    );
  });

  it('folds line breaks, since inline text lives inside one line', () => {
    expect(escapeMarkdownInline('one\ntwo\r\n\r\nthree')).toBe('one two three');
  });
});

describe('escapeMarkdownBlock', () => {
  it.each(LINE_STARTS)('keeps line start %j from opening a block', (text) => {
    const { doc, text: back } = readBlock(escapeMarkdownBlock(text));
    expectPlain(doc);
    expect(norm(back)).toBe(norm(text));
  });

  it.each(HOSTILE)('renders %j as its own text with no markup', (text) => {
    const { doc, text: back } = readBlock(escapeMarkdownBlock(text));
    expectPlain(doc);
    expect(norm(back)).toBe(shown(text));
  });

  it('escapes only where a block could open', () => {
    expect(escapeMarkdownBlock('-5 degrees')).toBe('-5 degrees');
    expect(escapeMarkdownBlock('- item')).toBe('\\- item');
    expect(escapeMarkdownBlock('1.5 million')).toBe('1.5 million');
    expect(escapeMarkdownBlock('1. item')).toBe('1\\. item');
    expect(escapeMarkdownBlock('Equal = fair')).toBe('Equal = fair');
  });

  it('keeps lines and paragraphs, escaping every line start', () => {
    const text = 'First line\n- not a list\n\n\n\nSecond paragraph\n===';
    const out = escapeMarkdownBlock(text);
    expect(out).toBe('First line\n\\- not a list\n\nSecond paragraph\n\\===');
    const doc = readMarkdown(`${out}\n`);
    expectPlain(doc);
    expect(doc.blocks.map((b) => norm(b.text))).toEqual(['First line - not a list', 'Second paragraph ===']);
  });
});

describe('yamlString', () => {
  const values = [
    'plain',
    'He said "hi"',
    'back\\slash',
    'line\nbreak',
    '---',
    'a\n---\nb: c',
    '# not a comment',
    'key: value',
    'tab\tand\rcr',
    'nul\u0000bell\u0007',
    'bidi\u202Eevil\u202C',
    'zero\u200Bwidth',
    'emoji 👩‍💻',
    '- [x]',
    "'single'",
    '@at',
    '&anchor *alias !tag %directive',
  ];

  it.each(values)('gives %j back through a YAML parser', (value) => {
    const parsed = load(`key: ${yamlString(value)}\n`) as { key: string };
    expect(parsed.key).toBe(value);
  });

  it('is always one line, so no value can close the front matter', () => {
    for (const value of values) expect(yamlString(value)).not.toMatch(/[\n\r\u2028\u2029]/);
  });

  it('writes bidi and zero-width characters as visible escapes', () => {
    expect(yamlString('a\u202Eb\u200Bc')).toBe('"a\\u202Eb\\u200Bc"');
  });
});

describe('links', () => {
  it('writes only http and https URLs as links', () => {
    expect(safeLinkUrl('javascript:alert(1)')).toBeNull();
    expect(safeLinkUrl('data:text/html,<b>x</b>')).toBeNull();
    expect(safeLinkUrl('file:///etc/passwd')).toBeNull();
    expect(safeLinkUrl(' JavaScript:alert(1)')).toBeNull();
    expect(safeLinkUrl('https://example.com/a b')).toBe('https://example.com/a%20b');
    expect(markdownLink('x', 'javascript:alert(1)')).toBe('x');
    expect(markdownLink('[x]', 'https://example.com/(a)')).toBe('[\\[x\\]](https://example.com/%28a%29)');
  });

  it('keeps a link destination from ending early', () => {
    const doc = readMarkdown(`${markdownLink('t', 'https://example.com/a)b<c>d e')}\n`);
    expect(doc.blocks[0]!.links).toEqual([{ href: 'https://example.com/a%29b%3Cc%3Ed%20e', text: 't' }]);
  });
});

describe('properties', () => {
  // Strings rich in markup characters, so the property runs into the hard cases often.
  const markupChars = fc.constantFrom(
    ...'\\`*_[]()<>#|~$!&;=+-.:/ \n\t0123456789abcXYZ"\'é中\u202E'.split(''),
  );
  // And strings made of whole markup pieces, which random characters rarely line up into.
  const pieces = fc.constantFrom(
    '*',
    '**',
    '_',
    '[',
    '](',
    ')',
    '![',
    '<',
    '>',
    '`',
    '```',
    '~~',
    '|',
    '1. ',
    '- ',
    '# ',
    '\n',
    '\n\n',
    'a',
    'word',
    ' ',
    'http://x.y',
    'javascript:',
    '&amp;',
    '&#x41;',
    '\\',
    '$',
    '---',
    '===',
  );
  const pieceString = fc.array(pieces, { maxLength: 14 }).map((a) => a.join(''));
  const markupString = fc.oneof(
    pieceString,
    pieceString,
    fc.string({ unit: markupChars, maxLength: 60 }),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 30 }),
  );

  it('inline-escaped text renders as itself with no markup', () => {
    fc.assert(
      fc.property(markupString, (text) => {
        const { doc, text: back } = readInline(escapeMarkdownInline(text));
        expectPlain(doc);
        expect(norm(back)).toBe(shown(text));
      }),
      { numRuns: 600 },
    );
  });

  it('block-escaped text renders as itself with no markup', () => {
    fc.assert(
      fc.property(markupString, (text) => {
        const { doc, text: back } = readBlock(escapeMarkdownBlock(text));
        expectPlain(doc);
        expect(norm(back)).toBe(shown(text));
      }),
      { numRuns: 600 },
    );
  });
});
