// Loads the ICP model a command works with: a JSON file checked by the engine, or the built-in template.
import { promises as fsp } from 'node:fs';
import { b2bSaasTemplate, formatIssue, grouped, MODEL_LIMITS, parseModelJson, type Model, type ModelIssue } from '../engine';
import { CliError, fsReason } from './io';

export type ModelFileResult = ReturnType<typeof parseModelJson>;

/** Bytes past which a model file cannot hold MODEL_LIMITS.textChars characters or fewer (UTF-8: at most 3 bytes each). */
const MAX_MODEL_FILE_BYTES = MODEL_LIMITS.textChars * 3;

/** Reads and checks a model file (the engine strips a BOM and reports JSON syntax errors as issues). */
export async function readModelFile(path: string): Promise<ModelFileResult> {
  let text: string;
  try {
    // Not read at all past the limit (a model file of gigabytes would fail in readFile, or take its time).
    const { size } = await fsp.stat(path);
    if (size > MAX_MODEL_FILE_BYTES) {
      return { ok: false, issues: [{ path: '(root)', message: `the file is ${grouped(size)} bytes; a model file may have at most ${grouped(MODEL_LIMITS.textChars)} characters` }] };
    }
    text = await fsp.readFile(path, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read model ${path}: ${fsReason(err)}`);
  }
  return parseModelJson(text);
}

/** The issues of an invalid model as indented lines, one per problem, each led by its path. */
export function issueLines(issues: readonly ModelIssue[]): string[] {
  return issues.map((i) => `  ${formatIssue(i)}`);
}

/** The model at `path`, or the built-in B2B SaaS template when no path is given; invalid models throw. */
export async function loadModel(path: string | undefined): Promise<Model> {
  if (path === undefined) return b2bSaasTemplate();
  const result = await readModelFile(path);
  if (result.ok) return result.model;
  throw new CliError([`${path} is not a valid ICP model:`, ...issueLines(result.issues)].join('\n'));
}
