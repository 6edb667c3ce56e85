// #16: the module boundaries hold. Read from the import lines under src/: the graph of modules (folders under
// src/modules, type imports included) has no cycle, no module imports another module's repository, only the
// composition roots import the service container, and only the route table declares routes.
import fs from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(__dirname, '../../src');
const MODULES = path.join(SRC, 'modules');
const COMPOSITION_ROOTS = ['app.ts', 'cli.ts', 'routes.ts', 'server.ts', 'services.ts'].map((f) => path.join(SRC, f));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every relative import of a file, resolved to an absolute path without extension. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s+'(\.[^']+)'/g)].map((m) => path.resolve(path.dirname(file), m[1]!));
}

const moduleOf = (file: string): string | null => (file.startsWith(MODULES + path.sep) ? path.relative(MODULES, file).split(path.sep)[0]! : null);

describe('module graph (#16)', () => {
  const files = sourceFiles(SRC);
  const edges = new Map<string, Set<string>>();
  const repositoryImports: string[] = [];
  for (const file of files) {
    const from = moduleOf(file);
    for (const target of importsOf(file)) {
      const to = moduleOf(target);
      if (from === null || to === null || from === to) continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)!.add(to);
      if (target.endsWith('.repository')) repositoryImports.push(`${path.relative(SRC, file)} -> ${path.relative(SRC, target)}`);
    }
  }

  it('has no cycle between modules, of any length', () => {
    const cycles: string[] = [];
    const visit = (node: string, trail: string[]) => {
      if (trail.includes(node)) {
        cycles.push([...trail.slice(trail.indexOf(node)), node].join(' -> '));
        return;
      }
      for (const next of edges.get(node) ?? []) visit(next, [...trail, node]);
    };
    for (const node of edges.keys()) visit(node, []);
    expect([...new Set(cycles)]).toEqual([]);
    expect(edges.size).toBeGreaterThan(8);
  });

  it("lets no module import another module's repository", () => {
    expect(repositoryImports).toEqual([]);
  });

  it('lets only the composition roots import the service container', () => {
    const container = path.join(SRC, 'services');
    const importers = files.filter((f) => !COMPOSITION_ROOTS.includes(f) && importsOf(f).includes(container));
    expect(importers.map((f) => path.relative(SRC, f))).toEqual([]);
  });

  it('declares routes only in the route table', () => {
    const declaring = files.filter((f) => f !== path.join(SRC, 'routes.ts') && /\b(?:router|r)\.(?:get|post|put|delete|use)\(/.test(fs.readFileSync(f, 'utf8')));
    expect(declaring.map((f) => path.relative(SRC, f))).toEqual([]);
  });
});
