import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';

/** Every `.ts` file under `dir`, as paths relative to the working folder. */
export async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => join(e.parentPath, e.name)).sort();
}

// `import x from`, `import type x from`, `export { x } from`, `import './x.js'` and `import('./x.js')`.
const IMPORT = /(?:^|[\s;])(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

export type Edge = { to: string; typeOnly: boolean; dynamic: boolean };

/** Each file's imports of our own files (relative specifiers), resolved from `.js` to the `.ts` file. */
export async function importGraph(dir: string): Promise<Map<string, Edge[]>> {
  const files = await sourceFiles(dir);
  const known = new Set(files);
  const graph = new Map<string, Edge[]>();
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    const edges: Edge[] = [];
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[2] ?? m[3]!;
      const to = normalize(join(dirname(file), spec.replace(/\.js$/, '.ts')));
      if (known.has(to)) edges.push({ to, typeOnly: Boolean(m[1]), dynamic: m[3] !== undefined });
    }
    graph.set(file, edges);
  }
  return graph;
}

/** The import circles of a graph, each once, as the files around it (strongly connected components of two or more, or a file importing itself). */
export function importCircles(graph: Map<string, Edge[]>, follow: (edge: Edge) => boolean = () => true): string[][] {
  // Tarjan's algorithm (recursion depth is the longest import chain: fine for a source tree).
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (file: string) => {
    indices.set(file, index);
    low.set(file, index++);
    stack.push(file);
    onStack.add(file);
    for (const edge of (graph.get(file) ?? []).filter(follow)) {
      if (!indices.has(edge.to)) {
        visit(edge.to);
        low.set(file, Math.min(low.get(file)!, low.get(edge.to)!));
      } else if (onStack.has(edge.to)) {
        low.set(file, Math.min(low.get(file)!, indices.get(edge.to)!));
      }
    }
    if (low.get(file) === indices.get(file)) {
      const component: string[] = [];
      let next: string;
      do {
        next = stack.pop()!;
        onStack.delete(next);
        component.push(next);
      } while (next !== file);
      const selfImport = (graph.get(file) ?? []).some((e) => e.to === file && follow(e));
      if (component.length > 1 || selfImport) circles.push(component.sort());
    }
  };
  for (const file of graph.keys()) if (!indices.has(file)) visit(file);
  return circles;
}
