// Evaluates HtmlService template scriptlets (<? code ?>, <?= escaped ?>, <?!= raw ?>) in a bare vm context.
import vm from 'node:vm';

const SCRIPTLET = /<\?(!=|=)?([\s\S]*?)\?>/g;

export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Turns a template into the JavaScript that prints it. */
export function compileTemplate(source: string): string {
  const lines = ['var __out = "";'];
  let last = 0;
  for (const match of source.matchAll(SCRIPTLET)) {
    const index = match.index ?? 0;
    if (index > last) lines.push(`__out += ${JSON.stringify(source.slice(last, index))};`);
    const kind = match[1];
    const code = match[2] ?? '';
    if (kind === '=') lines.push(`__out += __escape(${code});`);
    else if (kind === '!=') lines.push(`__out += __raw(${code});`);
    else lines.push(code);
    last = index + match[0].length;
  }
  if (last < source.length) lines.push(`__out += ${JSON.stringify(source.slice(last))};`);
  lines.push('__out;');
  return lines.join('\n');
}

/**
 * Runs the template with its assigned fields (and the given globals) in scope. Simplified from
 * https://developers.google.com/apps-script/guides/html/templates: escaping is plain HTML escaping,
 * not Google's contextual escaping, and the bundle's own functions are not in scope.
 */
export function evaluateTemplate(source: string, scope: Record<string, unknown>): string {
  if (!source.includes('<?')) return source;
  const context = vm.createContext({
    ...scope,
    __escape: escapeHtml,
    __raw: (value: unknown) => String(value ?? ''),
  });
  return String(vm.runInContext(compileTemplate(source), context));
}
