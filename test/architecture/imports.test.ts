// Imports run one way: no circles anywhere; the engine imports only itself; engine <- gas, cli, sidebar; product code never imports tooling.
import { circlePath, fileGraph, importCircles, readImports, type ImportEdge } from './import-graph';

const imports = readImports();

/** The area a file belongs to: 'src/engine', 'src/gas', 'src/cli', or the top folder (sidebar, emulator, tools...). */
function area(file: string): string {
  const parts = file.split('/');
  return parts[0] === 'src' ? `src/${parts[1]}` : parts[0]!;
}

/** "file imports specifier" for each import of files in `areas` that `allowed` refuses. */
function breaches(areas: readonly string[], allowed: (edge: ImportEdge, from: string) => boolean): string[] {
  const out: string[] = [];
  for (const [file, edges] of imports) {
    if (!areas.includes(area(file))) continue;
    for (const edge of edges) if (!allowed(edge, file)) out.push(`${file} imports '${edge.specifier}'${edge.typeOnly ? ' (types)' : ''}`);
  }
  return out;
}

test('the import graph is read: every area is there and the engine has its files', () => {
  const areas = new Set([...imports.keys()].map(area));
  for (const expected of ['src/engine', 'src/gas', 'src/cli', 'sidebar', 'emulator', 'playground', 'tools', 'bench', 'test']) expect(areas).toContain(expected);
  // A resolver that found nothing would pass every rule below: the engine's own imports must be seen.
  const engineEdges = [...imports].filter(([f]) => area(f) === 'src/engine').flatMap(([, edges]) => edges);
  expect(engineEdges.filter((e) => e.file !== null).length).toBeGreaterThan(50);
});

test('no import circle anywhere (type-only imports count: they tie files together too)', () => {
  const graph = fileGraph(imports);
  const circles = importCircles(graph).map((c) => `${c.length} files: ${circlePath(graph, c)}`);
  expect(circles).toEqual([]);
});

test('the engine imports nothing outside src/engine but zod (no Node built-ins, no Apps Script, no tooling)', () => {
  const found = breaches(['src/engine'], (e) => (e.file !== null ? area(e.file) === 'src/engine' : e.specifier === 'zod' || e.specifier.startsWith('zod/')));
  expect(found).toEqual([]);
});

test('the Apps Script layer and the command line build on the engine only, never on each other', () => {
  expect(breaches(['src/gas'], (e) => e.file !== null && ['src/gas', 'src/engine'].includes(area(e.file)))).toEqual([]);
  expect(breaches(['src/cli'], (e) => (e.file !== null ? ['src/cli', 'src/engine'].includes(area(e.file)) : true))).toEqual([]);
});

test('the sidebar takes the engine and only the types of the server contract from src/gas', () => {
  const contract = ['src/gas/api-types.ts', 'src/gas/server-api.ts'];
  const found = breaches(['sidebar'], (e) => {
    if (e.file === null) return true;
    const to = area(e.file);
    if (to === 'sidebar' || to === 'src/engine') return true;
    return e.typeOnly && contract.includes(e.file);
  });
  expect(found).toEqual([]);
});

test('product code never imports tooling, and the emulator stands alone (it emulates Apps Script, not our add-on)', () => {
  const tooling = ['emulator', 'playground', 'tools', 'bench', 'test'];
  const product = ['src/engine', 'src/gas', 'src/cli', 'sidebar', 'bin'];
  expect(breaches(product, (e) => e.file === null || !tooling.includes(area(e.file)))).toEqual([]);
  expect(breaches(['emulator'], (e) => e.file === null || area(e.file) === 'emulator')).toEqual([]);
});
