/**
 * The pipeline is a plain TypeScript library: no Astro, no `astro:` virtual
 * modules, no DOM. Scripts and tests run it under bare Node, and the site only
 * reads what it writes. The import graph has no cycle.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  importCycles,
  importGraph,
  importSpecifiers,
  sourceFilesUnder,
} from '../support/import-graph.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PIPELINE = path.join(ROOT, 'src/pipeline');
const DOM_GLOBALS = new Set(['document', 'window']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(?:[cm]?[jt]s|tsx|jsx)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

const isAstroModule = (spec: string): boolean =>
  spec === 'astro' ||
  spec.startsWith('astro/') ||
  spec.startsWith('astro:') ||
  spec.startsWith('@astrojs/');

/** Identifier uses that are names of something else, not references to a global. */
function isPropertyName(node: ts.Identifier): boolean {
  const p = node.parent;
  return (
    (ts.isPropertyAccessExpression(p) && p.name === node) ||
    (ts.isPropertyAssignment(p) && p.name === node) ||
    (ts.isPropertySignature(p) && p.name === node) ||
    (ts.isPropertyDeclaration(p) && p.name === node) ||
    (ts.isMethodDeclaration(p) && p.name === node) ||
    (ts.isBindingElement(p) && p.propertyName === node) ||
    (ts.isQualifiedName(p) && p.right === node)
  );
}

/** What a file breaks of the boundary, as `line: reason` strings. */
function boundaryViolations(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const at = (node: ts.Node, reason: string): void => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    found.push(`${line + 1}: ${reason}`);
  };
  const visit = (node: ts.Node): void => {
    let spec: ts.Expression | undefined;
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) spec = node.moduleSpecifier;
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      spec = node.argument.literal;
    } else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === 'require'))
    ) {
      spec = node.arguments[0];
    }
    if (spec && ts.isStringLiteralLike(spec) && isAstroModule(spec.text)) {
      at(spec, `imports ${spec.text}`);
    }
    if (ts.isIdentifier(node) && DOM_GLOBALS.has(node.text) && !isPropertyName(node)) {
      at(node, `uses the DOM global ${node.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('pipeline boundary', () => {
  const files = sourceFiles(PIPELINE);

  it('finds the pipeline sources', () => {
    expect(files.map((f) => path.relative(ROOT, f))).toContain('src/pipeline/schema.ts');
  });

  it('no pipeline file imports astro or uses document/window', () => {
    const problems = files.flatMap((f) =>
      boundaryViolations(f, readFileSync(f, 'utf8')).map((p) => `${path.relative(ROOT, f)}:${p}`),
    );
    expect(problems).toEqual([]);
  });

  it('the checker catches each kind of breach and ignores look-alikes', () => {
    const bad = [
      "import { getCollection } from 'astro:content';",
      "import type { AstroGlobal } from 'astro';",
      "export { x } from '@astrojs/check';",
      "const m = await import('astro/config');",
      'const el = document.createElement("p");',
      'const w = globalThis.window ?? window;',
    ].join('\n');
    expect(boundaryViolations('bad.ts', bad)).toEqual([
      '1: imports astro:content',
      '2: imports astro',
      '3: imports @astrojs/check',
      '4: imports astro/config',
      '5: uses the DOM global document',
      '6: uses the DOM global window',
    ]);
    const fine = [
      "import { z } from 'zod';",
      "import { x } from './astronomy.ts';",
      'const o = { document: 1, window: 2 };',
      'const d = o.document + o.window;',
      "// document and window in a comment, 'astro:content' in a string",
      "const s = 'window';",
    ].join('\n');
    expect(boundaryViolations('fine.ts', fine)).toEqual([]);
  });

  it('tsconfig.pipeline.json sets lib without DOM and covers the pipeline', () => {
    const file = path.join(ROOT, 'tsconfig.pipeline.json');
    const { config, error } = ts.readConfigFile(file, (f) => ts.sys.readFile(f)) as {
      config: { compilerOptions: { lib?: string[]; types?: string[] }; include: string[] };
      error?: unknown;
    };
    expect(error).toBeUndefined();
    const lib: string[] = config.compilerOptions.lib ?? [];
    // An absent lib means TypeScript's default, which includes the DOM.
    expect(lib.length).toBeGreaterThan(0);
    expect(lib.filter((l) => /dom/i.test(l))).toEqual([]);
    expect(config.compilerOptions.types ?? []).not.toContain('dom');
    expect(config.include).toContain('src/pipeline/**/*');
  });
});

/** The project's source files (fixtures aside) and their import graph, read once for both suites. */
const projectFiles = sourceFilesUnder(ROOT, ['src', 'scripts', 'test']).filter(
  (f) => !f.includes(`${path.sep}fixtures${path.sep}`),
);
const projectGraph = importGraph(projectFiles);

describe('import graph', () => {
  const files = projectFiles;
  const graph = projectGraph;
  const rel = (f: string): string => path.relative(ROOT, f);

  it('covers the site, the pipeline, the scripts and the tests', () => {
    const names = files.map(rel);
    for (const f of ['src/pipeline/index.ts', 'src/pages/index.astro', 'scripts/build-data.ts'])
      expect(names).toContain(f);
    expect(graph.get(path.join(ROOT, 'src/pipeline/structure.ts'))?.map(rel)).toContain(
      'src/pipeline/tables.ts',
    );
  });

  it('has no import cycle (type-only imports count)', () => {
    expect(importCycles(graph).map((c) => c.map(rel).join(' → '))).toEqual([]);
  });

  it('the cycle finder reports each cycle once, and no acyclic chain', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
      ['f', ['d']],
    ]);
    expect(importCycles(g)).toEqual([['a', 'b', 'c'], ['e']]);
    expect(
      importCycles(
        new Map([
          ['x', ['y']],
          ['y', []],
        ]),
      ),
    ).toEqual([]);
  });

  it('reads imports from .astro frontmatter and scripts, type-only imports included', () => {
    const astro = [
      '---',
      "import Base from '../layouts/Base.astro';",
      "import type { Row } from './rows.ts';",
      '---',
      '<Base />',
      '<script>',
      "  import { init } from '../client/x.ts';",
      '</script>',
    ].join('\n');
    expect(importSpecifiers('page.astro', astro)).toEqual([
      '../layouts/Base.astro',
      './rows.ts',
      '../client/x.ts',
    ]);
    expect(
      importSpecifiers('m.ts', "export type { A } from './a.ts';\nawait import('./b.ts');"),
    ).toEqual(['./a.ts', './b.ts']);
  });
});

/** Imports of a route (a file under src/pages) from a file outside it, as `from → to`. */
function routeImports(graph: Map<string, string[]>, pages: string): string[] {
  const inPages = (f: string): boolean => f.startsWith(pages + path.sep);
  return [...graph]
    .filter(([from]) => !inPages(from))
    .flatMap(([from, deps]) => deps.filter(inPages).map((to) => `${from} → ${to}`));
}

describe('site boundary', () => {
  const pages = path.join(ROOT, 'src/pages');

  it('nothing outside src/pages imports from it: routes are wiring, the library is src/site', () => {
    const found = routeImports(projectGraph, pages).map((e) => e.replaceAll(ROOT + path.sep, ''));
    expect(found).toEqual([]);
  });

  it('src/pages holds routes only: no _lib, no other underscore folder of helpers', () => {
    const underscored = readdirSync(pages, { withFileTypes: true, recursive: true })
      .filter((e) => e.name.startsWith('_'))
      .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
    expect(underscored).toEqual([]);
  });

  it('the checker reports an import of a route from outside src/pages', () => {
    const p = (f: string): string => path.join(ROOT, f);
    const graph = new Map([
      [p('src/client/compare.ts'), [p('src/pages/_lib/compareTable.ts')]],
      [p('src/pages/index.astro'), [p('src/site/data.ts'), p('src/pages/_x.ts')]],
      [p('src/site/data.ts'), []],
    ]);
    expect(routeImports(graph, pages)).toEqual([
      `${p('src/client/compare.ts')} → ${p('src/pages/_lib/compareTable.ts')}`,
    ]);
  });
});
