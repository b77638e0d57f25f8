// Draft a model from outcomes: held-out AUC against logistic regression and naive Bayes on the same candidates (planted truth), against the hand model (sample), no-signal drafts, and the time for 10,000 deals x 30 columns.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { plantedDeals } from '../tools/planted-deals/deals';
import { b2bSaasTemplate, compileModel, rocAuc, type Model } from '../src/engine';
import { compileContext } from '../src/engine/compile';
import { readColumn } from '../src/engine/outcomes/draft/columns';
import { designOf } from '../src/engine/outcomes/draft/fit';
import { draftModel } from '../src/engine/outcomes/draft/draft';
import { rowMatches, valueMatches } from '../src/engine/outcomes/draft/matches';
import { dealOutcomes } from '../src/engine/outcomes/draft/outcomes';
import { prepareDraft } from '../src/engine/outcomes/draft/prepare';
import { aucOf, fitNaiveBayes, fitPenalisedLogistic, fitPlainLogistic, linearPredictor, seededRandom } from '../src/engine/outcomes/logistic';

const TODAY = new Date(2026, 10, 1);
type Rows = string[][];

/** AUC of a model's engine scores on the closed rows of `rows` (outcomes from the same headers). */
function modelAuc(model: Model, headers: string[], rows: Rows): number {
  const profile = compileModel(model, headers, { today: TODAY }).profile();
  const outcomes = dealOutcomes(headers, rows, null).outcomes;
  const scores = profile.scoreMany(rows);
  const won: number[] = [];
  const lost: number[] = [];
  rows.forEach((_, r) => {
    if (outcomes[r] === 'won') won.push(scores.score[r]!);
    else if (outcomes[r] === 'lost') lost.push(scores.score[r]!);
  });
  return rocAuc(won, lost) ?? NaN;
}

/** The held-out AUCs of logistic regression (plain and L2 with CV) and naive Bayes on the draft's own candidates, fitted on `train`. */

function baselines(headers: string[], train: Rows, test: Rows): { logistic: number; ridge: number; naiveBayes: number; candidates: number } {
  const context = compileContext({ today: TODAY });
  const p = prepareDraft(headers, train, dealOutcomes(headers, train, null), context);
  const testOutcomes = dealOutcomes(headers, test, null).outcomes;
  const closed = Int32Array.from(test.flatMap((_, r) => (testOutcomes[r] === 'won' || testOutcomes[r] === 'lost' ? [r] : [])));
  const y = Uint8Array.from(closed, (r) => (testOutcomes[r] === 'won' ? 1 : 0));
  const testColumns = new Map<number, ReturnType<typeof readColumn>>();
  const testFeatures = p.candidates.map((c) => {
    let column = testColumns.get(c.column.index);
    if (column === undefined) testColumns.set(c.column.index, (column = readColumn(test, c.column.index, c.column.header)));
    return rowMatches(column, valueMatches(column, c.when, context), closed);
  });
  const fitDesign = designOf(p.candidates.map((c) => c.x), p.y.length);
  const held = designOf(testFeatures, closed.length);
  const auc = (m: Parameters<typeof linearPredictor>[0]): number => aucOf(linearPredictor(m, held), y) ?? NaN;
  return {
    logistic: auc(fitPlainLogistic(fitDesign, p.y, { groups: p.groups, intervals: false })),
    ridge: auc(fitPenalisedLogistic(fitDesign, p.y, { alpha: 0, folds: 5, groups: p.groups, seed: 1, intervals: false, nLambda: 20 })),
    naiveBayes: auc(fitNaiveBayes(fitDesign, p.y)),
    candidates: p.candidates.length,
  };
}

export interface PlantedRow {
  deals: number;
  runs: number;
  drafted: number;
  logistic: number;
  ridge: number;
  naiveBayes: number;
  oracle: number;
  /** Mean and worst (largest) shortfall of the drafted model against plain logistic regression, per run. */
  meanGap: number;
  worstGap: number;
  criteria: number;
  candidates: number;
  /** Runs drafted by each recipe (sparse, evidence, latent, none). */
  recipes: Record<string, number>;
}

/** Planted deals split by account, 70% of accounts to draft from, the rest held out. */
function plantedRun(deals: number, seed: number) {
  const d = plantedDeals({ deals, seed });
  const rnd = seededRandom(seed * 7919);
  const inTrain = new Map<string, boolean>();
  const train: Rows = [];
  const test: Rows = [];
  const testIndex: number[] = [];
  d.rows.forEach((row, i) => {
    const a = d.account[i]!;
    if (!inTrain.has(a)) inTrain.set(a, rnd.next() < 0.7);
    if (inTrain.get(a)) train.push(row);
    else {
      test.push(row);
      testIndex.push(i);
    }
  });
  const r = draftModel(d.headers, train, { today: TODAY });
  const drafted = r.model === null ? 0.5 : modelAuc(r.model, d.headers, test);
  const base = baselines(d.headers, train, test);
  const won: number[] = [];
  const lost: number[] = [];
  for (const i of testIndex) {
    if (d.won[i] === 1) won.push(d.columnLogOdds[i]!);
    else if (d.won[i] === 0) lost.push(d.columnLogOdds[i]!);
  }
  return { drafted, ...base, oracle: rocAuc(won, lost) ?? NaN, criteria: r.criteria.length, recipe: r.recipe };
}

export function benchPlanted(deals: number, runs: number): PlantedRow {
  const all = Array.from({ length: runs }, (_, k) => plantedRun(deals, 101 + k));
  const mean = (f: (x: (typeof all)[number]) => number): number => all.reduce((s, x) => s + f(x), 0) / all.length;
  return {
    deals, runs, drafted: mean((x) => x.drafted), logistic: mean((x) => x.logistic), ridge: mean((x) => x.ridge), naiveBayes: mean((x) => x.naiveBayes),
    oracle: mean((x) => x.oracle), meanGap: mean((x) => x.logistic - x.drafted), worstGap: Math.max(...all.map((x) => x.logistic - x.drafted)),
    criteria: mean((x) => x.criteria), candidates: mean((x) => x.candidates), recipes: tally(all.map((x) => x.recipe)),
  };
}

/** The sample sheet: 5-fold cross-validation repeated, each fold drafted from the other four; the hand model on the same folds. */
/** How many times each recipe drafted. */
function tally(recipes: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of recipes) out[r] = (out[r] ?? 0) + 1;
  return out;
}

/** `latent classes in 45, units of evidence in 5 of 50 folds`. */
export function recipesText(recipes: Record<string, number>, of: number, unit: string): string {
  const words: Record<string, string> = { latent: 'latent classes', evidence: 'units of evidence', sparse: 'the sparse fit', none: 'nothing drafted' };
  const parts = Object.entries(recipes).sort((a, b) => b[1] - a[1]).map(([r, n]) => `${words[r] ?? r} in ${n}`);
  return `${parts.join(', ')} of ${of} ${unit}`;
}

export function benchSample(root: string, repeats: number, seed = 500): { folds: number; repeats: number; drafted: number; hand: number; wins: number; recipes: Record<string, number> } {
  const text = fs.readFileSync(path.join(root, 'data', 'sample-accounts.csv'), 'utf8');
  const { parseCsv } = require('../test/factories/csv') as typeof import('../test/factories/csv'); // eslint-disable-line @typescript-eslint/no-require-imports
  const [headers, ...rows] = parseCsv(text) as [string[], ...Rows];
  const hand = b2bSaasTemplate();
  let drafted = 0;
  let handSum = 0;
  let wins = 0;
  let folds = 0;
  const recipes: string[] = [];
  for (let rep = 0; rep < repeats; rep++) {
    const order = seededRandom(seed + rep).shuffle(rows.map((_, i) => i));
    for (let f = 0; f < 5; f++) {
      const testSet = new Set(order.filter((_, k) => k % 5 === f));
      const train = rows.filter((_, i) => !testSet.has(i));
      const test = rows.filter((_, i) => testSet.has(i));
      const r = draftModel(headers, train, { today: TODAY, outcomeColumn: 'Outcome' });
      const d = r.model === null ? 0.5 : modelAuc(r.model, headers, test);
      const h = modelAuc(hand, headers, test);
      drafted += d;
      handSum += h;
      if (d >= h) wins++;
      recipes.push(r.recipe);
      folds++;
    }
  }
  return { folds, repeats, drafted: drafted / folds, hand: handSum / folds, wins, recipes: tally(recipes) };
}

/** Data sets of deals whose outcome ignores every column: how much is drafted from nothing. */
export function benchNoSignal(sets: number, deals: number): { sets: number; deals: number; meanCriteria: number; maxCriteria: number; nothing: number; exclusions: number } {
  const counts = Array.from({ length: sets }, (_, k) => {
    const d = plantedDeals({ deals, seed: 900 + k, signal: 'none' });
    const r = draftModel(d.headers, d.rows, { today: TODAY });
    return { scoring: r.criteria.filter((c) => c.role === 'score').length, exclusions: r.criteria.filter((c) => c.role === 'exclude').length };
  });
  return {
    sets, deals, meanCriteria: counts.reduce((s, c) => s + c.scoring, 0) / sets, maxCriteria: Math.max(...counts.map((c) => c.scoring)),
    nothing: counts.filter((c) => c.scoring + c.exclusions === 0).length, exclusions: counts.reduce((s, c) => s + c.exclusions, 0),
  };
}

/** The real CRM deals (`/work/shared/data`-style folder of Maven's CRM Sales Opportunities), joined to their accounts: almost no signal. */
export function benchCrm(dir: string): { deals: number; criteria: string[]; message: string } | null {
  if (!fs.existsSync(path.join(dir, 'sales_pipeline.csv'))) return null;
  const { parseCsv } = require('../test/factories/csv') as typeof import('../test/factories/csv'); // eslint-disable-line @typescript-eslint/no-require-imports
  const read = (f: string): Rows => parseCsv(fs.readFileSync(path.join(dir, f), 'utf8'));
  const [ph, ...pipeline] = read('sales_pipeline.csv');
  const [ah, ...accounts] = read('accounts.csv');
  const [th, ...teams] = read('sales_teams.csv');
  const byAccount = new Map(accounts.map((a) => [a[0]!, a.slice(1)]));
  const byAgent = new Map(teams.map((t) => [t[0]!, t.slice(1)]));
  const headers = [...ph!, ...ah!.slice(1), ...th!.slice(1)];
  const rows = pipeline.map((p) => [...p, ...(byAccount.get(p[3]!) ?? ah!.slice(1).map(() => '')), ...(byAgent.get(p[1]!) ?? th!.slice(1).map(() => ''))]);
  const r = draftModel(headers, rows, { today: TODAY, outcomeColumn: 'deal_stage' });
  return { deals: r.won + r.lost, criteria: r.criteria.map((c) => c.label), message: r.message };
}

/** 10,000 deals x 30 columns: the planted columns and 16 more of every kind, drafted in one call (the draft's time, and the engine scoring the same rows once as the baseline). */
export function benchDraftTime(deals: number): { deals: number; columns: number; seconds: number; cpuSeconds: number; scoreSeconds: number; criteria: number } {
  const d = plantedDeals({ deals, seed: 77 });
  const rnd = seededRandom(78);
  const extra = ['Region Code', 'Plan', 'Source', 'Partner', 'Employees Growth', 'Annual Revenue', 'Open Tickets', 'Seats', 'Last Visit Date', 'Signup Date', 'Integrations', 'Has SSO', 'Trial', 'NPS', 'Country', 'Renewal Date', 'Segment Code'];
  const cell = (k: number): string => {
    switch (k % 8) {
      case 0: return ['North', 'South', 'East', 'West'][rnd.int(4)]!;
      case 1: return ['Free', 'Pro', 'Team', 'Enterprise', 'Starter'][rnd.int(5)]!;
      case 2: return `${rnd.int(200)}%`;
      case 3: return `$${(1 + rnd.int(500)) / 10}M`;
      case 4: return `2026-${String(1 + rnd.int(10)).padStart(2, '0')}-${String(1 + rnd.int(28)).padStart(2, '0')}`;
      case 5: return ['Slack', 'Zoom', 'Jira', 'Okta', 'Segment', 'Stripe'].filter(() => rnd.chance(0.3)).join(', ');
      case 6: return rnd.chance(0.4) ? 'Yes' : 'No';
      default: return String(rnd.int(11));
    }
  };
  const headers = [...d.headers, ...extra];
  const rows = d.rows.map((row) => [...row, ...extra.map((_, k) => cell(k))]);
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  const r = draftModel(headers, rows, { today: TODAY });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const c1 = process.cpuUsage(c0);
  const cpuSeconds = (c1.user + c1.system) / 1e6;
  const t1 = process.hrtime.bigint();
  compileModel(b2bSaasTemplate(), headers, { today: TODAY }).profile().scoreMany(rows);
  const scoreSeconds = Number(process.hrtime.bigint() - t1) / 1e9;
  return { deals, columns: headers.length, seconds, cpuSeconds, scoreSeconds, criteria: r.criteria.length };
}

export interface DraftFigures {
  planted: PlantedRow[];
  sample: ReturnType<typeof benchSample>;
  noSignal: ReturnType<typeof benchNoSignal>;
  crm: ReturnType<typeof benchCrm>;
  time: ReturnType<typeof benchDraftTime>;
}

/** Every draft figure; `root` is the repository (this module may run bundled from a temporary folder). */
export function benchDraft(quick: boolean, root: string): DraftFigures {
  return {
    time: benchDraftTime(10_000),
    planted: quick ? [benchPlanted(1000, 2)] : [benchPlanted(1000, 5), benchPlanted(10_000, 1)],
    sample: benchSample(root, quick ? 1 : 10),
    noSignal: benchNoSignal(quick ? 4 : 10, 1000),
    // The shared data sets sit beside the repository (../shared/data), or at /work/shared/data for a worktree.
    crm: benchCrm([path.join(root, '..', 'shared', 'data', 'crm-sales-opportunities'), '/work/shared/data/crm-sales-opportunities'].find((d) => fs.existsSync(d)) ?? ''),
  };
}

const f3 = (x: number): string => x.toFixed(3);
const grouped = (n: number): string => Math.round(n).toLocaleString('en-US');

/** The figures as rows of the benchmark table (what, figure, baseline, ratio, target). */
export function draftRows(d: DraftFigures): string[][] {
  const rows = d.planted.map((p) => [
    `Draft, held-out AUC on planted truth: ${grouped(p.deals)} deals, ${p.runs} run${p.runs === 1 ? '' : 's'}, 30% of accounts held out`,
    `drafted model ${f3(p.drafted)} (${p.criteria.toFixed(1)} criteria; ${recipesText(p.recipes, p.runs, 'runs')})`,
    `logistic regression on the same ${Math.round(p.candidates)} candidates ${f3(p.logistic)}; L2 (CV) ${f3(p.ridge)}; naive Bayes ${f3(p.naiveBayes)}; the planted truth ${f3(p.oracle)}`,
    `${f3(-p.meanGap)} vs logistic (worst run ${f3(-p.worstGap)})`,
    'within 0.02 of logistic regression',
  ]);
  rows.push([
    `Draft, held-out AUC on the sample sheet (5-fold cross-validation repeated ${d.sample.repeats} times, ${d.sample.folds} folds)`,
    `drafted model ${f3(d.sample.drafted)} (${recipesText(d.sample.recipes, d.sample.folds, 'folds')})`,
    `the b2b-saas hand model ${f3(d.sample.hand)}`,
    `${f3(d.sample.drafted - d.sample.hand)} (drafted ahead in ${d.sample.wins} of ${d.sample.folds} folds)`,
    'at least the hand model',
  ]);
  rows.push([
    `Draft, no signal: ${d.noSignal.sets} sets of ${grouped(d.noSignal.deals)} deals${d.crm === null ? '' : `; the real CRM deals (${grouped(d.crm.deals)} closed)`}`,
    `${d.noSignal.meanCriteria.toFixed(1)} criteria on average (at most ${d.noSignal.maxCriteria}), nothing drafted in ${d.noSignal.nothing} of ${d.noSignal.sets}, ${d.noSignal.exclusions} exclusions${d.crm === null ? '' : `; CRM: ${d.crm.criteria.length} criteria`}`,
    '-',
    '-',
    'few or none',
  ]);
  rows.push([
    `Draft time, ${grouped(d.time.deals)} deals x ${d.time.columns} columns (one call, as in Apps Script)`,
    `${d.time.seconds.toFixed(1)} s (CPU ${d.time.cpuSeconds.toFixed(1)} s), ${d.time.criteria} criteria`,
    `the engine scoring the same rows with the b2b-saas model: ${d.time.scoreSeconds.toFixed(2)} s`,
    `${(d.time.seconds / d.time.scoreSeconds).toFixed(0)}x`,
    '< 5 s (Apps Script allows 30 s)',
  ]);
  return rows;
}

if (require.main === module) {
  const d = benchDraft(process.argv.includes('--quick'), path.join(__dirname, '..'));
  for (const r of draftRows(d)) console.log(`| ${r.join(' | ')} |`);
}
