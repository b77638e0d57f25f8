// The repository's import graph, read with TypeScript's own parser and module resolver: who imports whom, and the circles.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/** The repository root, and the folders whose code is held to one-way imports. */
export const ROOT = resolve(__dirname, '../..');
export const CODE_FOLDERS = ['src', 'sidebar', 'emulator', 'playground', 'tools', 'bench', 'bin', 'test'];

const SOURCE = /\.(ts|mts|cts|js|mjs|cjs)$/;
const SKIPPED = new Set(['node_modules', 'dist', 'dist-cli', 'build', 'coverage', 'test-artifacts']);

/** One import of a file: the repository file it names (or the package), and whether only types come through it. */
export interface ImportEdge {
  /** Repository-relative path of the imported file; null for a package or a Node built-in. */
  file: string | null;
  /** The specifier as written ('zod/mini', 'node:fs', './model'). */
  specifier: string;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (SKIPPED.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** Repository-relative path with forward slashes, the way the rules name files. */
export function repoPath(absolute: string): string {
  return relative(ROOT, absolute).split(sep).join('/');
}

const options: ts.CompilerOptions = {
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  allowJs: true,
  resolveJsonModule: true,
};

/** Every module specifier a file names: import and export declarations, require() and import() with a literal, import types. */
function specifiers(path: string): { specifier: string; typeOnly: boolean }[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { specifier: string; typeOnly: boolean }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : null;
      const typeOnly =
        clause !== undefined && (clause.isTypeOnly || (clause.name === undefined && named !== null && named.length > 0 && named.every((e) => e.isTypeOnly)));
      found.push({ specifier: node.moduleSpecifier.text, typeOnly });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push({ specifier: node.argument.literal.text, typeOnly: true });
    } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteralLike(node.arguments[0]!)) {
      const callee = node.expression;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      const isDynamicImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const isResolve = ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'require';
      if (isRequire || isDynamicImport || isResolve) found.push({ specifier: (node.arguments[0] as ts.StringLiteral).text, typeOnly: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every file of the given folders mapped to what it imports (a type-only import still ties two files together). */
export function readImports(folders: readonly string[] = CODE_FOLDERS): Map<string, ImportEdge[]> {
  const all = new Map<string, ImportEdge[]>();
  for (const folder of folders) {
    let files: string[];
    try {
      files = sourceFiles(join(ROOT, folder));
    } catch {
      continue; // a folder this checkout does not have
    }
    for (const file of files) {
      const edges: ImportEdge[] = [];
      for (const { specifier, typeOnly } of specifiers(file)) {
        const resolved = ts.resolveModuleName(specifier, file, options, ts.sys).resolvedModule;
        const target = resolved && !resolved.isExternalLibraryImport ? resolve(resolved.resolvedFileName) : null;
        const inRepo = target !== null && target.startsWith(ROOT + sep) && !target.includes(`${sep}node_modules${sep}`);
        edges.push({ file: inRepo ? repoPath(target) : null, specifier, typeOnly });
      }
      all.set(repoPath(file), edges);
    }
  }
  return all;
}

/** The file-to-file graph: each file and the repository files it imports. */
export function fileGraph(imports: Map<string, ImportEdge[]>): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const [file, edges] of imports) {
    graph.set(file, [...new Set(edges.flatMap((e) => (e.file === null ? [] : [e.file])))].sort());
  }
  return graph;
}

/** The strongly connected groups of files (Tarjan's algorithm) of two or more, or one that imports itself: each is an import circle. */
export function importCircles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];

  const visit = (file: string): void => {
    index.set(file, next);
    low.set(file, next);
    next++;
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file)!, index.get(target)!));
      }
    }
    if (low.get(file) === index.get(file)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== file);
      const selfImport = group.length === 1 && (graph.get(file) ?? []).includes(file);
      if (group.length > 1 || selfImport) circles.push(group.sort());
    }
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return circles;
}

/** One way around a circle, for a message a reader can follow: a -> b -> ... -> a. */
export function circlePath(graph: Map<string, string[]>, circle: readonly string[]): string {
  const members = new Set(circle);
  const start = circle[0]!;
  const cameFrom = new Map<string, string>([[start, '']]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const target of graph.get(file) ?? []) {
      if (!members.has(target)) continue;
      if (target === start) {
        const path = [start];
        for (let at = file; at !== start; at = cameFrom.get(at)!) path.splice(1, 0, at);
        return [...path, start].join(' -> ');
      }
      if (!cameFrom.has(target)) {
        cameFrom.set(target, file);
        queue.push(target);
      }
    }
  }
  return circle.join(', ');
}

// `npx tsx test/architecture/import-graph.ts` prints the circles, for whoever is breaking one.
if (require.main === module) {
  const graph = fileGraph(readImports());
  const circles = importCircles(graph);
  console.log(`${graph.size} files, ${circles.length} import circle(s)`);
  for (const circle of circles) console.log(`${circle.length} files: ${circlePath(graph, circle)}\n  ${circle.join('\n  ')}`);
}
