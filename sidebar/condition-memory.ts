// Operator and role changes of a criterion that picking back undoes: the values, bands and points come back instead of defaults.
import type { Condition, Criterion, OperatorName, Role } from '../src/engine/model';
import { convertCondition } from './operators';
import { stableJson } from './stable-json';

interface Memory {
  /** Conditions left by operator picks, oldest first, while the user only picked operators (no edit in between). */
  left: Condition[];
  /** The condition the last pick set, to tell whether the user has edited it since. */
  set: string;
  /** The points a pick removed (bands, exclude), given back when points are needed again. */
  points?: number;
}

// By criterion object, as the editor's open cards are: the draft's criteria keep their identity across re-renders.
const memory = new WeakMap<Criterion, Memory>();

function memoryOf(criterion: Criterion): Memory {
  let m = memory.get(criterion);
  if (m === undefined) {
    m = { left: [], set: '' };
    memory.set(criterion, m);
  }
  return m;
}

function dropPoints(criterion: Criterion, m: Memory): void {
  if (typeof criterion.points === 'number') m.points = criterion.points;
  delete criterion.points;
}

function needPoints(criterion: Criterion, m: Memory): void {
  if (criterion.points === undefined) criterion.points = m.points ?? 10;
}

/**
 * Gives the criterion the operator `op`. A select changes on every arrow key, so a keyboard user passing over
 * "is exactly" on the way would otherwise keep one value of a list of ten; going back to an operator already left
 * (with no edit since) restores its condition as it was, else the old condition is converted.
 */
export function switchOperator(criterion: Criterion, op: OperatorName): void {
  const m = memoryOf(criterion);
  const chain = stableJson(criterion.when) === m.set ? m.left : [];
  chain.push(JSON.parse(JSON.stringify(criterion.when)) as Condition);
  let k = chain.length - 1;
  while (k >= 0 && chain[k]?.op !== op) k--;
  const before = k >= 0 ? chain[k] : undefined;
  criterion.when = before ?? convertCondition(criterion.when, op);
  if (before !== undefined) chain.length = k;
  m.left = chain;
  m.set = stableJson(criterion.when);
  if (op === 'bands') dropPoints(criterion, m);
  else if ((criterion.role ?? 'score') !== 'exclude') needPoints(criterion, m);
}

/** Gives the criterion the role `role`; an exclusion has no points, and the points it dropped come back with another role. */
export function switchRole(criterion: Criterion, role: Role): void {
  const m = memoryOf(criterion);
  if (role === 'score') delete criterion.role;
  else criterion.role = role;
  if (role === 'exclude') dropPoints(criterion, m);
  else if (criterion.when.op !== 'bands') needPoints(criterion, m);
}
