// Code that runs in a web page (the content script, its in-page UI and
// everything they import) sees the page's DOM and URL objects through Firefox's
// Xray wrappers, and two kinds of iteration break there (checked in Firefox
// 153; the content script once threw on every page because of the first):
//
// - the iterator a page object's keys(), values() or entries() returns cannot
//   be iterated ("….keys() is not iterable"; Array.from of it is silently []).
//   Iterating the object itself, or its forEach, works;
// - a maplike or setlike page object (CSS.highlights, a Highlight) cannot be
//   iterated at all, and its forEach throws "Permission denied".
//
// This test reads those files with TypeScript's type checker and fails on
// either, so the mistake cannot come back. Its own check at the end shows the
// scan catches both.

import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ENTRY = join(ROOT, 'src/content/index.ts');

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  jsx: ts.JsxEmit.ReactJSX,
  jsxImportSource: 'preact',
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: [],
};

interface Finding {
  at: string;
  code: string;
  why: string;
}

const ITERATOR_METHODS = new Set(['keys', 'values', 'entries']);

/** A type the DOM declares (lib.dom*.d.ts), looking through `| null | undefined`. */
function domTypes(checker: ts.TypeChecker, type: ts.Type): ts.Type[] {
  const parts = type.isUnion() ? type.types : [checker.getNonNullableType(type)];
  return parts.filter((t) =>
    (t.getSymbol()?.declarations ?? []).some((d) =>
      /lib\.dom[.\w]*\.d\.ts$/.test(d.getSourceFile().fileName),
    ),
  );
}

/**
 * The DOM's maplike and setlike interfaces (WebIDL `maplike<>`/`setlike<>`).
 * TypeScript's types cannot tell them from URLSearchParams, which iterates
 * fine, so they are named.
 */
const MAP_OR_SET_LIKE = new Set([
  'AudioParamMap',
  'CustomStateSet',
  'EventCounts',
  'FontFaceSet',
  'Highlight',
  'HighlightRegistry',
  'MediaKeyStatusMap',
  'MIDIInputMap',
  'MIDIOutputMap',
  'RTCStatsReport',
]);

function isMapOrSetLike(type: ts.Type): boolean {
  return MAP_OR_SET_LIKE.has(type.getSymbol()?.name ?? '');
}

/** The expressions a node iterates: for-of, spread, yield*, Array.from's first argument, new Map/Set. */
function iterated(node: ts.Node): ts.Expression | null {
  if (ts.isForOfStatement(node)) return node.expression;
  if (ts.isSpreadElement(node)) return node.expression;
  if (ts.isYieldExpression(node) && node.asteriskToken && node.expression) return node.expression;
  if (ts.isCallExpression(node) && node.arguments[0] && node.expression.getText() === 'Array.from')
    return node.arguments[0];
  if (
    ts.isNewExpression(node) &&
    node.arguments?.[0] &&
    /^(Map|Set|WeakMap|WeakSet)$/.test(node.expression.getText())
  )
    return node.arguments[0];
  return null;
}

function scan(program: ts.Program, files: readonly ts.SourceFile[]): Finding[] {
  const checker = program.getTypeChecker();
  const found: Finding[] = [];
  for (const file of files) {
    const report = (node: ts.Node, why: string): void => {
      const { line } = file.getLineAndCharacterOfPosition(node.getStart());
      found.push({ at: `${relative(ROOT, file.fileName)}:${line + 1}`, code: node.getText(), why });
    };
    const visit = (node: ts.Node): void => {
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        ITERATOR_METHODS.has(node.expression.name.text)
      ) {
        const receiver = domTypes(checker, checker.getTypeAtLocation(node.expression.expression));
        if (receiver.length > 0)
          report(
            node,
            'the iterator of a page object cannot be iterated under Xray: iterate the object or use forEach',
          );
      }
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        node.expression.name.text === 'forEach' &&
        domTypes(checker, checker.getTypeAtLocation(node.expression.expression)).some(isMapOrSetLike)
      ) {
        report(node, 'forEach on a maplike/setlike page object throws under Xray: keep a list of your own');
      }
      const it = iterated(node);
      if (it && domTypes(checker, checker.getTypeAtLocation(it)).some(isMapOrSetLike))
        report(node, 'a maplike/setlike page object cannot be iterated under Xray: keep a list of your own');
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return found;
}

/** The project's own files the content script bundle is made of. */
function contentScriptProgram(): { program: ts.Program; files: ts.SourceFile[] } {
  const program = ts.createProgram([ENTRY], OPTIONS);
  const files = program
    .getSourceFiles()
    .filter((f) => f.fileName.startsWith(`${ROOT}/src/`) && !f.isDeclarationFile);
  return { program, files };
}

describe('code that runs in a page iterates page objects only in ways Firefox Xrays allow', () => {
  it('finds no keys()/values()/entries() iterator of a page object and no iteration of CSS.highlights or a Highlight', () => {
    const { program, files } = contentScriptProgram();
    const names = files.map((f) => relative(ROOT, f.fileName));
    // The scan covers what the content script is built from, not just src/content.
    expect(names).toEqual(
      expect.arrayContaining([
        'src/content/main.ts',
        'src/content/ui.ts',
        'src/content/paint.ts',
        'src/url.ts',
        'src/anchor/text-index.ts',
        'src/extract/metadata.ts',
        'src/export/text-fragment.ts',
      ]),
    );
    expect(scan(program, files)).toEqual([]);
  }, 30_000);

  it('catches both mistakes, and lets the forms that work pass', () => {
    const name = join(ROOT, 'src/__xray_sample__.ts');
    const sample = `
      const u = new URL(location.href);
      export const a = [...u.searchParams.keys()];
      export const b = Array.from(document.body.classList.values());
      for (const [k] of CSS.highlights) console.log(k);
      CSS.highlights.forEach((h) => console.log(h));
      export const c = [...new Highlight()];
      // Fine under Xray:
      export const d = [...u.searchParams];
      for (const p of document.querySelectorAll('p')) console.log(p);
      export const e = [...new Map<string, number>().keys()];
      u.searchParams.forEach((_, k) => console.log(k));
    `;
    const host = ts.createCompilerHost(OPTIONS);
    const read = host.getSourceFile.bind(host);
    host.getSourceFile = (file, lang, ...rest) =>
      file === name ? ts.createSourceFile(file, sample, lang, true) : read(file, lang, ...rest);
    host.fileExists = (
      (exists) => (file: string) =>
        file === name || exists(file)
    )(host.fileExists.bind(host));
    const program = ts.createProgram([name], OPTIONS, host);
    const found = scan(program, [program.getSourceFile(name)!]);
    expect(found.map((f) => f.code)).toEqual([
      'u.searchParams.keys()',
      'document.body.classList.values()',
      'for (const [k] of CSS.highlights) console.log(k);',
      'CSS.highlights.forEach((h) => console.log(h))',
      '...new Highlight()',
    ]);
  }, 30_000);
});
