// Validation issue paths (`profiles[0].criteria[2].when.min`): building them and walking up to their parents.

export const ROOT = '(root)';

/** `profiles[0]` + `criteria` -> `profiles[0].criteria`; + 2 -> `profiles[0].criteria[2]`. */
export function child(path: string, segment: string | number): string {
  if (typeof segment === 'number') return `${path === ROOT ? '' : path}[${segment}]`;
  return path === ROOT || path === '' ? segment : `${path}.${segment}`;
}

/** Builds a path from segments: p('profiles', 0, 'name'). */
export function p(...segments: (string | number)[]): string {
  return segments.reduce<string>((acc, s) => child(acc, s), ROOT);
}

/** The enclosing path: `a[0].b` -> `a[0]` -> `a` -> `(root)`. */
export function parent(path: string): string {
  if (path === ROOT) return ROOT;
  const m = /^(.*?)(\.[A-Za-z_$][A-Za-z0-9_$]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])$/.exec(path);
  if (m === null || m[1] === undefined || m[1] === '') return ROOT;
  return m[1];
}

/** The path and its ancestors, nearest first, ending with `(root)`. */
export function ancestry(path: string): string[] {
  const out = [path];
  let cur = path;
  while (cur !== ROOT) {
    cur = parent(cur);
    out.push(cur);
  }
  return out;
}
