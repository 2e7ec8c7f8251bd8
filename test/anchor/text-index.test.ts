// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  buildTextIndex,
  describeRange,
  offsetsFromRange,
  rangeFromOffsets,
  UI_HOST_ATTRIBUTE,
} from '../../src/anchor';
import { FIXTURES, loadFixture } from './fixtures';

function mount(html: string): HTMLElement {
  document.body.innerHTML = `<main id="root">${html}</main><aside id="outside">outside text</aside>`;
  return document.getElementById('root') as HTMLElement;
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('buildTextIndex', () => {
  it('concatenates text nodes in document order with their starts', () => {
    const root = mount('<p>One <b>two</b> three</p><ul><li>four</li><li>five</li></ul>');
    const index = buildTextIndex(root);
    expect(index.text).toBe('One two threefourfive');
    expect(index.nodes.map((n) => n.data)).toEqual(['One ', 'two', ' three', 'four', 'five']);
    expect(index.starts).toEqual([0, 4, 7, 13, 17]);
  });

  it('leaves out script, style, noscript, template, textarea and the extension UI', () => {
    const root = mount(
      '<p>kept</p><script>var hidden = 1;</script><style>p{color:red}</style><noscript>no js</noscript>' +
        '<template><p>template</p></template><textarea>typed</textarea>' +
        `<div ${UI_HOST_ATTRIBUTE}=""><span>Save highlight</span></div><p>also kept</p>`,
    );
    const index = buildTextIndex(root);
    expect(index.text).toBe('keptalso kept');
    for (const n of index.nodes)
      expect(n.parentElement?.closest(`[${UI_HOST_ATTRIBUTE}], script, style`)).toBeNull();
  });

  it('indexes every fixture page without the page scripts', () => {
    for (const name of FIXTURES) {
      loadFixture(name);
      const index = buildTextIndex(document.body);
      expect(index.text.length).toBeGreaterThan(500);
      expect(index.text).not.toContain('__APOLLO_STATE__');
      expect(index.nodes.length).toBe(index.starts.length);
    }
  });
});

describe('rangeFromOffsets', () => {
  it('maps offsets inside and across text nodes', () => {
    const root = mount('<p>One <b>two</b> three</p><p>four</p>');
    const index = buildTextIndex(root);
    expect(rangeFromOffsets(index, 1, 3).toString()).toBe('ne');
    expect(rangeFromOffsets(index, 2, 10).toString()).toBe('e two th');
    expect(rangeFromOffsets(index, 0, index.text.length).toString()).toBe(index.text);
  });

  it('puts boundaries between nodes inside the text they border', () => {
    const root = mount('<p>One </p><p>two</p>');
    const index = buildTextIndex(root);
    const r = rangeFromOffsets(index, 4, 7);
    expect(r.startContainer).toBe(index.nodes[1]);
    expect(r.startOffset).toBe(0);
    const r2 = rangeFromOffsets(index, 0, 4);
    expect(r2.endContainer).toBe(index.nodes[0]);
    expect(r2.endOffset).toBe(4);
  });

  it('clamps offsets beyond the text', () => {
    const root = mount('<p>abc</p>');
    const index = buildTextIndex(root);
    expect(rangeFromOffsets(index, -5, 99).toString()).toBe('abc');
    expect(rangeFromOffsets(index, 2, 1).collapsed).toBe(true);
  });

  it('places an offset at the very end of the text at the end of the last node', () => {
    const root = mount('<p>One </p><p>two</p>');
    const index = buildTextIndex(root);
    for (const r of [rangeFromOffsets(index, 7, 7), rangeFromOffsets(index, 99, 99)]) {
      expect(r.collapsed).toBe(true);
      expect(r.startContainer).toBe(index.nodes[1]);
      expect(r.startOffset).toBe(3);
    }
  });

  it('leaves empty text nodes out, so no boundary lands in one', () => {
    const root = mount('<p>abc</p><p></p>');
    root.lastElementChild?.append(document.createTextNode(''));
    root.append(document.createTextNode(''));
    const index = buildTextIndex(root);
    expect(index.nodes.map((n) => n.data)).toEqual(['abc']);
    const r = rangeFromOffsets(index, 3, 3);
    expect([r.startContainer, r.startOffset]).toEqual([index.nodes[0], 3]);
  });

  it('returns a collapsed range for a root without text', () => {
    const root = mount('<img alt="x">');
    const index = buildTextIndex(root);
    expect(rangeFromOffsets(index, 0, 3).collapsed).toBe(true);
  });
});

describe('offsetsFromRange', () => {
  it('maps text boundaries', () => {
    const root = mount('<p>One <b>two</b> three</p>');
    const index = buildTextIndex(root);
    const r = document.createRange();
    r.setStart(index.nodes[1] as Text, 1);
    r.setEnd(index.nodes[2] as Text, 3);
    expect(offsetsFromRange(index, r)).toEqual({ start: 5, end: 10 });
  });

  it('maps element boundaries to the text they stand before', () => {
    const root = mount('<p id="a">One</p><p id="b">two <i>three</i></p><p id="c">four</p>');
    const index = buildTextIndex(root);
    const r = document.createRange();
    r.selectNodeContents(document.getElementById('b') as Element);
    expect(offsetsFromRange(index, r)).toEqual({ start: 3, end: 12 });
    r.setStartBefore(document.getElementById('a') as Element);
    r.setEndAfter(document.getElementById('c') as Element);
    expect(offsetsFromRange(index, r)).toEqual({ start: 0, end: index.text.length });
  });

  it('skips boundaries inside ignored elements', () => {
    const root = mount(`<p>before</p><div ${UI_HOST_ATTRIBUTE}=""><span>ui</span></div><p>after</p>`);
    const index = buildTextIndex(root);
    const ui = root.querySelector('span') as Element;
    const r = document.createRange();
    r.setStart(ui.firstChild as Text, 1);
    r.setEnd(root.lastElementChild?.firstChild as Text, 2);
    expect(offsetsFromRange(index, r)).toEqual({ start: 6, end: 8 });
  });

  it('clamps ranges that reach outside the root, and refuses ranges that miss it', () => {
    const root = mount('<p>inside</p>');
    const index = buildTextIndex(root);
    const outside = document.getElementById('outside') as Element;
    const r = document.createRange();
    r.setStart(document.body, 0);
    r.setEnd(outside.firstChild as Text, 3);
    expect(offsetsFromRange(index, r)).toEqual({ start: 0, end: 6 });
    const miss = document.createRange();
    miss.selectNodeContents(outside);
    expect(offsetsFromRange(index, miss)).toBeNull();
    expect(describeRange(index, miss)).toEqual([]);
  });
});

describe('describeRange', () => {
  it('saves the quote with 32 characters of context and its position', () => {
    const root = mount(`<p>${'a'.repeat(40)}</p><p>QUOTE</p><p>${'z'.repeat(40)}</p>`);
    const index = buildTextIndex(root);
    const r = document.createRange();
    r.selectNodeContents(root.children[1] as Element);
    expect(describeRange(index, r)).toEqual([
      { type: 'TextQuoteSelector', exact: 'QUOTE', prefix: 'a'.repeat(32), suffix: 'z'.repeat(32) },
      { type: 'TextPositionSelector', start: 40, end: 45 },
    ]);
  });
});
