// Generates the top-level Apps Script functions (with @customfunction JSDoc) that forward to the bundle's exports.

import { CUSTOM_FUNCTIONS, type FunctionInfo } from '../../src/gas/function-table';

export const BUNDLE_GLOBAL = 'ICP';

function jsdoc(info: FunctionInfo): string {
  const lines = [info.description, '', `Example: ${info.example}`, ''];
  for (const p of info.params) lines.push(`@param ${p.name} ${p.description}`);
  lines.push(`@return ${info.returns}`, '@customfunction');
  // A plain /** */ block: this text is appended after bundling, so no tool can strip it.
  return ['/**', ...lines.map((l) => (l === '' ? ' *' : ` * ${l}`)), ' */'].join('\n');
}

function customFunctionStub(info: FunctionInfo): string {
  const params = info.params.map((p) => p.name).join(', ');
  // Sheets passes every argument typed in the formula; one the function has no parameter for would be dropped without
  // a word (=ICP_PROFILE(A2:Q2, A1:Q1, "Enterprise") would ignore the profile), so it is an error shown in the cell.
  const n = info.params.length;
  const tooMany = `${info.name} takes at most ${n} argument${n === 1 ? '' : 's'} (${params}); the formula gives `;
  return (
    `${jsdoc(info)}\nfunction ${info.name}(${params}) {\n` +
    `  if (arguments.length > ${n}) throw new Error(${JSON.stringify(tooMany)} + arguments.length + '.');\n` +
    `  return ${BUNDLE_GLOBAL}.${info.name}(${params});\n}\n`
  );
}

function entryStub(name: string): string {
  return `function ${name}(...args) {\n  return ${BUNDLE_GLOBAL}.${name}(...args);\n}\n`;
}

/** Stubs for every export of the entry module: custom functions from the table, the rest as plain forwarders. */
export function generateStubs(entryNames: readonly string[]): string {
  const custom = new Map(CUSTOM_FUNCTIONS.map((f) => [f.name, f]));
  for (const name of custom.keys()) {
    if (!entryNames.includes(name)) throw new Error(`Custom function ${name} is in the metadata table but not exported by src/gas/entry.ts`);
  }
  return entryNames
    .map((name) => {
      const info = custom.get(name);
      if (info !== undefined) return customFunctionStub(info);
      if (name.startsWith('ICP_')) throw new Error(`${name} is exported but has no row in src/gas/function-table.ts`);
      return entryStub(name);
    })
    .join('\n');
}
