/**
 * The project's own import graph, for the boundary tests: which source file
 * imports which (type-only imports included: a cycle of types is still a
 * cycle a reader has to untangle), and the cycles in it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Source files the graph covers: TypeScript, JavaScript and Astro components. */
const SOURCE = /\.(?:[cm]?[jt]s|astro)$/;

/** Every source file under the given folders (absolute paths, sorted). */
export function sourceFilesUnder(root: string, folders: string[]): string[] {
  return folders
    .map((f) => path.join(root, f))
    .filter((dir) => existsSync(dir))
    .flatMap((dir) =>
      readdirSync(dir, { withFileTypes: true, recursive: true })
        .filter((e) => e.isFile() && SOURCE.test(e.name))
        .map((e) => path.join(e.parentPath, e.name)),
    )
    .sort();
}

/** The script parts of a file: all of a .ts/.js file; an .astro file's frontmatter and <script>s. */
function scriptText(file: string, text: string): string {
  if (!file.endsWith('.astro')) return text;
  const parts: string[] = [];
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (front) parts.push(front[1]!);
  for (const m of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) parts.push(m[1]!);
  return parts.join('\n');
}

/** Import specifiers of a file, as written (static, dynamic, re-exports, type-only). */
export function importSpecifiers(file: string, text: string): string[] {
  return ts.preProcessFile(scriptText(file, text), true, true).importedFiles.map((f) => f.fileName);
}

/** The file a relative specifier names, or null for a package import. Throws on a missing file. */
export function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const target = path.resolve(path.dirname(from), spec);
  for (const candidate of [target, `${target}.ts`, path.join(target, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`${from}: cannot resolve import ${spec}`);
}

/** file → the project files it imports. */
export type ImportGraph = Map<string, string[]>;

/** The graph over `files`; an import of a file outside the list still appears as an edge. */
export function importGraph(files: string[]): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const file of files) {
    const deps = importSpecifiers(file, readFileSync(file, 'utf8'))
      .map((spec) => resolveImport(file, spec))
      .filter((d): d is string => d !== null && SOURCE.test(d));
    graph.set(file, [...new Set(deps)]);
  }
  return graph;
}

/**
 * Import cycles: each strongly connected component of more than one file (or
 * a file importing itself), as the files of one cycle through it, in order.
 */
export function importCycles(graph: ImportGraph): string[][] {
  // Tarjan's algorithm, iterative so deep graphs cannot overflow the stack.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let next = 0;
  const edges = (v: string): string[] => graph.get(v) ?? [];
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: { v: string; i: number }[] = [{ v: start, i: 0 }];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const frame = work[work.length - 1]!;
      const out = edges(frame.v);
      if (frame.i < out.length) {
        const w = out[frame.i++]!;
        if (!index.has(w)) {
          index.set(w, next);
          low.set(w, next++);
          stack.push(w);
          onStack.add(w);
          work.push({ v: w, i: 0 });
        } else if (onStack.has(w)) {
          low.set(frame.v, Math.min(low.get(frame.v)!, index.get(w)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.v, Math.min(low.get(parent.v)!, low.get(frame.v)!));
      if (low.get(frame.v) === index.get(frame.v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== frame.v);
        if (component.length > 1 || edges(frame.v).includes(frame.v))
          components.push(cycleThrough(graph, new Set(component)));
      }
    }
  }
  return components;
}

/** One cycle inside a strongly connected component, starting at its first file in sort order. */
function cycleThrough(graph: ImportGraph, component: Set<string>): string[] {
  const start = [...component].sort()[0]!;
  // Breadth-first from start back to start, staying inside the component: a shortest cycle.
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!component.has(w)) continue;
      if (w === start) {
        const cycle = [v];
        while (cycle[0] !== start) cycle.unshift(previous.get(cycle[0]!)!);
        return cycle;
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}
