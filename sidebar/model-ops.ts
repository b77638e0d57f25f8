// Edits of the draft model the editor offers: profiles, categories, criteria and tiers (pure data, no DOM).
import type { Category, Criterion, Model, Profile, Tier } from '../src/engine/model';
import { blankModel } from '../src/engine/templates/blank';
import { rebalance, withoutIndex } from './weights';

/** A deep copy (the draft is only ever plain JSON). */
export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** `base`, or `base_2`, `base_3`... whichever is not taken. */
export function uniqueName(base: string, taken: readonly string[], sep = ' '): string {
  const lower = new Set(taken.map((t) => t.trim().toLowerCase()));
  if (!lower.has(base.trim().toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const candidate = `${base}${sep}${i}`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/** An identifier-like id from a label: `Buying signals` -> `buying_signals`. */
export function slug(text: string, fallback: string): string {
  const s = text.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 32);
  return s === '' ? fallback : s;
}

// Profiles ---------------------------------------------------------------------------------------

export function defaultProfileName(model: Model): string {
  return model.defaultProfile ?? model.profiles[0]?.name ?? '';
}

export function addProfile(model: Model): number {
  const name = uniqueName('New profile', model.profiles.map((p) => p.name));
  // The same starting point as the "Start blank" template.
  model.profiles.push({ ...blankModel().profiles[0]!, name });
  return model.profiles.length - 1;
}

export function duplicateProfile(model: Model, index: number): number {
  const source = model.profiles[index];
  if (source === undefined) return index;
  const copy: Profile = clone(source);
  copy.name = uniqueName(`${source.name} (copy)`, model.profiles.map((p) => p.name));
  model.profiles.splice(index + 1, 0, copy);
  return index + 1;
}

/** Removes a profile (never the last one); returns the index to show next. */
export function deleteProfile(model: Model, index: number): number {
  if (model.profiles.length <= 1) return index;
  const [removed] = model.profiles.splice(index, 1);
  if (removed !== undefined && model.defaultProfile === removed.name) delete model.defaultProfile;
  return Math.max(0, Math.min(index, model.profiles.length - 1));
}

export function renameProfile(model: Model, index: number, name: string): void {
  const p = model.profiles[index];
  if (p === undefined) return;
  if (model.defaultProfile !== undefined && model.defaultProfile === p.name) model.defaultProfile = name;
  p.name = name;
}

export function setDefaultProfile(model: Model, index: number): void {
  const p = model.profiles[index];
  if (p === undefined) return;
  if (index === 0) delete model.defaultProfile;
  else model.defaultProfile = p.name;
}

// Categories -------------------------------------------------------------------------------------

/** The name a category shows: its label, or its id when the label is missing or blank. */
export function categoryName(category: Category): string {
  const label = category.label?.trim() ?? '';
  return label === '' ? category.id : label;
}

export function setWeightPercent(profile: Profile, index: number, percent: number): void {
  const next = rebalance(profile.categories.map((c) => c.weight), index, percent);
  profile.categories.forEach((c, i) => {
    c.weight = next[i] ?? 0;
  });
}

export function addCategory(profile: Profile): number {
  const label = uniqueName('New category', profile.categories.map(categoryName));
  const id = uniqueName(slug(label, 'category'), profile.categories.map((c) => c.id), '_');
  const category: Category = { id, label, weight: 0 };
  profile.categories.push(category);
  const index = profile.categories.length - 1;
  setWeightPercent(profile, index, Math.round(100 / profile.categories.length));
  return index;
}

export function deleteCategory(profile: Profile, index: number): void {
  const category = profile.categories[index];
  if (category === undefined) return;
  const weights = withoutIndex(profile.categories.map((c) => c.weight), index);
  profile.categories.splice(index, 1);
  profile.categories.forEach((c, i) => {
    c.weight = weights[i] ?? 0;
  });
  profile.criteria = profile.criteria.filter((c) => c.category !== category.id);
}

export function criteriaIn(profile: Profile, categoryId: string): Criterion[] {
  return profile.criteria.filter((c) => c.category === categoryId);
}

// Criteria ---------------------------------------------------------------------------------------

export function addCriterion(profile: Profile, categoryId: string, column: string): Criterion {
  const id = uniqueName('criterion', profile.criteria.map((c) => c.id), '_');
  // A list test with nothing in it yet: the user picks the column and what it must match (session.ts: until then the
  // criterion is unfinished and counts for nothing), where "is filled in" matched every row the moment it was added.
  const criterion: Criterion = { id, label: '', category: categoryId, column, when: { op: 'in', values: [] }, points: 10 };
  insertInCategory(profile, criterion);
  return criterion;
}

/** Puts a criterion after the last criterion of its category (at the end when it has none), so the list stays grouped. */
function insertInCategory(profile: Profile, criterion: Criterion): void {
  let at = profile.criteria.length;
  for (let i = profile.criteria.length - 1; i >= 0; i--) {
    if (profile.criteria[i]?.category === criterion.category) {
      at = i + 1;
      break;
    }
  }
  profile.criteria.splice(at, 0, criterion);
}

export function deleteCriterion(profile: Profile, criterion: Criterion): void {
  profile.criteria = profile.criteria.filter((c) => c !== criterion);
}

/** Moves a criterion up (-1) or down (+1) among the criteria of its own category; false when it is already at the end. */
export function moveCriterion(profile: Profile, criterion: Criterion, direction: -1 | 1): boolean {
  const list = profile.criteria;
  const from = list.indexOf(criterion);
  if (from < 0) return false;
  let to = from + direction;
  while (to >= 0 && to < list.length && list[to]?.category !== criterion.category) to += direction;
  if (to < 0 || to >= list.length) return false;
  list.splice(from, 1);
  list.splice(to, 0, criterion);
  return true;
}

/** Moves a criterion to another category (appended after that category's criteria). */
export function changeCategory(profile: Profile, criterion: Criterion, categoryId: string): void {
  deleteCriterion(profile, criterion);
  criterion.category = categoryId;
  insertInCategory(profile, criterion);
}

// Tiers ------------------------------------------------------------------------------------------

const TIER_COLORS = ['#1e8e3e', '#f9ab00', '#9aa0a6', '#1a73e8', '#d93025', '#9334e6'];

export function addTier(profile: Profile): number {
  const taken = profile.tiers.map((t) => t.label);
  let label = 'D';
  for (let code = 65; code < 91; code++) {
    const l = String.fromCharCode(code);
    if (!taken.some((t) => t.trim().toUpperCase() === l)) {
      label = l;
      break;
    }
  }
  const mins = profile.tiers.map((t) => t.min).filter((m) => Number.isFinite(m));
  const positive = mins.filter((m) => m > 0);
  const lowest = positive.length > 0 ? Math.min(...positive) : 100;
  // Halfway below the lowest tier above 0: a whole number when one is free, else one decimal (scores have one),
  // never the min of a tier already there (two tiers with one min would leave one of them never given).
  const below = Math.max(0, ...mins.filter((m) => m < lowest));
  const whole = Math.floor((below + lowest) / 2);
  const min = whole > below || !mins.includes(whole) ? whole : Math.round(((below + lowest) / 2) * 10) / 10;
  const tier: Tier = { label, min, color: TIER_COLORS[profile.tiers.length % TIER_COLORS.length] ?? '#9aa0a6' };
  profile.tiers.push(tier);
  return profile.tiers.length - 1;
}

export function deleteTier(profile: Profile, index: number): void {
  if (profile.tiers.length > 1) profile.tiers.splice(index, 1);
}
