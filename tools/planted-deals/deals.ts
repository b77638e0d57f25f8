// Seeded synthetic deals whose true effects are known (planted), for tests and benchmarks of outcome validation and drafting.

import type { Model } from '../../src/engine/model';
import { seededRandom, type Random } from '../../src/engine/outcomes/random';

export interface PlantedOptions {
  /** Deals (rows) to make. */
  deals: number;
  seed: number;
  /** 'planted': the effects below; 'none': the outcome ignores every column (a no-signal data set). */
  signal?: 'planted' | 'none';
  /** Multiplies every planted effect (1 = the table in the README; 0.5 halves them). */
  strength?: number;
  /** Mean deals per account (1 = each row its own account). Default 2.5. */
  dealsPerAccount?: number;
  /** Standard deviation of an account's own log-odds (shared by its deals, unrelated to any column). Default 0.5. */
  accountEffect?: number;
  /** Overall win rate among closed deals the intercept is calibrated to. Default 0.3. */
  winRate?: number;
  /** Share of deals still open (outcome "Open"). Default 0. */
  openShare?: number;
}

/** What a criterion of the matching model is, in the planted truth. */
export type PlantedRole = 'strong' | 'moderate' | 'weak' | 'rare' | 'penalty' | 'correlated-effect' | 'correlated-twin' | 'proxy' | 'useless';

export interface PlantedCriterion {
  id: string;
  /** The true change in log-odds of winning when the criterion matches (0 for proxy, twin and useless ones). */
  effect: number;
  role: PlantedRole;
}

export interface PlantedDeals {
  headers: string[];
  /** Cells as a CSV export gives them: text, numbers as text in some rows (`1,200`, `$12,500`), blanks as ''. */
  rows: string[][];
  /** A hand-written model with one criterion per planted column (its points are a person's guess, not the truth). */
  model: Model;
  criteria: PlantedCriterion[];
  /** The true log-odds of each deal (before the draw), its account's own effect included. */
  trueLogOdds: number[];
  /** The part of it the columns explain: intercept + the effects of the matching criteria (constant with no signal). */
  columnLogOdds: number[];
  /** 1 won, 0 lost, null open. */
  won: (0 | 1 | null)[];
  /** The account of each deal. */
  account: string[];
  /** The deal value of each deal, as a number. */
  value: number[];
  columns: { account: string; outcome: string; value: string };
}

export const PLANTED_HEADERS = [
  'Account', 'Stage', 'Industry', 'Employees', 'Segment', 'Region', 'Has LinkedIn Page', 'Tech Stack', 'Uses Competitor',
  'Recent Funding', 'Web Visits', 'Page Views', 'Deal Value',
];

/** The planted effects on the log-odds of winning, per criterion of plantedModel(), at strength 1. */
export const PLANTED_EFFECTS: readonly PlantedCriterion[] = [
  { id: 'industry', effect: 1.0, role: 'strong' },
  { id: 'size', effect: 0.6, role: 'moderate' },
  { id: 'segment', effect: 0, role: 'proxy' },
  { id: 'region', effect: 0, role: 'useless' },
  { id: 'linkedin', effect: 0, role: 'useless' },
  { id: 'stack', effect: 0.4, role: 'weak' },
  { id: 'competitor', effect: -0.8, role: 'penalty' },
  { id: 'funding', effect: 1.5, role: 'rare' },
  { id: 'visits', effect: 0.7, role: 'correlated-effect' },
  { id: 'pageviews', effect: 0, role: 'correlated-twin' },
];

/** The hand model the planted deals are scored with: every planted column as a criterion, points as a person might guess. */
export function plantedModel(): Model {
  return {
    schemaVersion: 1,
    profiles: [{
      name: 'Planted deals',
      categories: [
        { id: 'firmographic', label: 'Firmographic', weight: 50 },
        { id: 'technographic', label: 'Technographic', weight: 20 },
        { id: 'behavioral', label: 'Behavioral', weight: 20 },
        { id: 'risk', label: 'Risk', weight: 10 },
      ],
      criteria: [
        { id: 'industry', label: 'SaaS or Fintech', category: 'firmographic', column: 'Industry', when: { op: 'in', values: ['SaaS', 'Fintech'] }, points: 25 },
        { id: 'size', label: '51-1,000 employees', category: 'firmographic', column: 'Employees', when: { op: 'between', min: 51, max: 1000 }, points: 20 },
        { id: 'segment', label: 'Tech segment', category: 'firmographic', column: 'Segment', when: { op: 'equals', value: 'Tech' }, points: 20 },
        { id: 'region', label: 'North America', category: 'firmographic', column: 'Region', when: { op: 'in', values: ['North America'] }, points: 10 },
        { id: 'linkedin', label: 'Has a LinkedIn page', category: 'firmographic', column: 'Has LinkedIn Page', when: { op: 'isTrue' }, points: 10 },
        { id: 'stack', label: 'Uses Salesforce', category: 'technographic', column: 'Tech Stack', when: { op: 'contains', values: ['Salesforce'] }, points: 20 },
        { id: 'competitor', label: 'Uses a competitor', category: 'risk', column: 'Uses Competitor', when: { op: 'isTrue' }, points: -10 },
        { id: 'funding', label: 'Recently funded', category: 'behavioral', column: 'Recent Funding', when: { op: 'isTrue' }, points: 15 },
        { id: 'visits', label: '10+ web visits', category: 'behavioral', column: 'Web Visits', when: { op: 'gte', value: 10 }, points: 20 },
        { id: 'pageviews', label: '50+ page views', category: 'behavioral', column: 'Page Views', when: { op: 'gte', value: 50 }, points: 20 },
      ],
      tiers: [{ label: 'A', min: 70 }, { label: 'B', min: 40 }, { label: 'C', min: 0 }],
    }],
  };
}

const INDUSTRIES = ['SaaS', 'Fintech', 'Retail', 'Healthcare', 'Manufacturing', 'Education', 'Logistics'];
const INDUSTRY_SHARES = [0.2, 0.15, 0.2, 0.15, 0.15, 0.08, 0.07];
const REGIONS = ['North America', 'Europe', 'APAC', 'LATAM'];
const TOOLS = ['Salesforce', 'HubSpot', 'Slack', 'Zoom', 'Marketo', 'Zendesk'];

interface Account {
  id: string;
  industry: string;
  employees: number | null;
  employeesCell: string;
  segment: string;
  region: string;
  linkedin: boolean;
  stack: string[];
  competitor: boolean;
  funding: boolean;
  own: number;
}

function pick<T>(random: Random, items: readonly T[], shares: readonly number[]): T {
  let u = random.next();
  for (let i = 0; i < items.length; i++) {
    u -= shares[i]!;
    if (u < 0) return items[i]!;
  }
  return items[items.length - 1]!;
}

const grouped = (n: number): string => Math.round(n).toLocaleString('en-US');

function makeAccount(random: Random, index: number, accountEffect: number): Account {
  const industry = random.chance(0.03) ? '' : pick(random, INDUSTRIES, INDUSTRY_SHARES);
  const tech = industry === 'SaaS' || industry === 'Fintech';
  const employees = Math.max(1, Math.round(Math.exp(Math.log(250) + 1.8 * random.normal())));
  // 8% blank, 2% unreadable, 10% written with a thousands separator, the rest plain digits.
  const u = random.next();
  const employeesCell = u < 0.08 ? '' : u < 0.1 ? 'lots' : u < 0.2 ? grouped(employees) : String(employees);
  const known = u < 0.1 ? null : employees;
  const stack = TOOLS.filter((_, i) => random.chance(i === 0 ? 0.4 : 0.3));
  return {
    id: `ACC-${String(index + 1).padStart(5, '0')}`,
    industry,
    employees: known,
    employeesCell,
    // The proxy: "Tech" for 85% of SaaS / Fintech accounts and 10% of the others; no effect of its own.
    segment: random.chance(tech ? 0.85 : 0.1) ? 'Tech' : random.chance(0.5) ? 'Traditional' : 'Services',
    region: pick(random, REGIONS, [0.5, 0.3, 0.12, 0.08]),
    linkedin: random.chance(0.7),
    stack,
    competitor: random.chance(0.2),
    funding: random.chance(0.04),
    own: accountEffect * random.normal(),
  };
}

/** Seeded planted-truth deals: the same options always give the same rows. See the README for the table of effects. */
export function plantedDeals(options: PlantedOptions): PlantedDeals {
  const random = seededRandom(options.seed);
  const strength = options.signal === 'none' ? 0 : (options.strength ?? 1);
  const perAccount = Math.max(1, options.dealsPerAccount ?? 2.5);
  const accountEffect = options.accountEffect ?? 0.5;
  const effects = new Map(PLANTED_EFFECTS.map((c) => [c.id, c.effect * strength]));
  const e = (id: string): number => effects.get(id)!;
  const rows: string[][] = [];
  const linear: number[] = [];
  const fromColumns: number[] = [];
  const account: string[] = [];
  const value: number[] = [];
  let accounts = 0;
  while (rows.length < options.deals) {
    const a = makeAccount(random, accounts++, accountEffect);
    // 1 + a geometric count: mean perAccount deals per account.
    let deals = 1;
    while (perAccount > 1 && random.chance(1 - 1 / perAccount)) deals++;
    for (let d = 0; d < deals && rows.length < options.deals; d++) {
      const engagement = random.normal();
      const visitsBlank = random.chance(0.05);
      const visits = Math.max(0, Math.round(Math.exp(2 + 0.85 * engagement + 0.25 * random.normal())));
      const pageViews = Math.max(0, Math.round(visits * 4.5 * Math.exp(0.3 * random.normal())));
      const match = {
        industry: a.industry === 'SaaS' || a.industry === 'Fintech',
        size: a.employees !== null && a.employees >= 51 && a.employees <= 1000,
        stack: a.stack.includes('Salesforce'),
        competitor: a.competitor,
        funding: a.funding,
        visits: !visitsBlank && visits >= 10,
      };
      let eta = 0;
      for (const [id, on] of Object.entries(match)) if (on) eta += e(id);
      fromColumns.push(eta);
      linear.push(eta + a.own);
      account.push(a.id);
      const base = 8000 * Math.exp(0.6 * random.normal()) * (a.employees !== null && a.employees > 50 ? 2 : 1);
      const amount = Math.round(base / 10) * 10;
      value.push(amount);
      rows.push([
        a.id, '', a.industry, a.employeesCell, a.segment, a.region, a.linkedin ? 'Yes' : 'No', a.stack.join(', '),
        a.competitor ? 'Yes' : 'No', a.funding ? 'Yes' : 'No', visitsBlank ? '' : String(visits), String(pageViews),
        random.chance(0.1) ? `$${grouped(amount)}` : String(amount),
      ]);
    }
  }
  const intercept = calibrate(linear, options.winRate ?? 0.3);
  const won: (0 | 1 | null)[] = [];
  const trueLogOdds = linear.map((x) => x + intercept);
  for (let r = 0; r < rows.length; r++) {
    const open = random.chance(options.openShare ?? 0);
    const win = random.chance(1 / (1 + Math.exp(-trueLogOdds[r]!)));
    won.push(open ? null : win ? 1 : 0);
    rows[r]![1] = open ? 'Open' : win ? 'Closed Won' : 'Closed Lost';
  }
  const criteria = PLANTED_EFFECTS.map((c) => ({ ...c, effect: c.effect * strength }));
  return {
    headers: [...PLANTED_HEADERS], rows, model: plantedModel(), criteria, trueLogOdds, columnLogOdds: fromColumns.map((x) => x + intercept), won, account, value,
    columns: { account: 'Account', outcome: 'Stage', value: 'Deal Value' },
  };
}

/** The intercept that makes the mean win probability `rate` (bisection on a monotone function). */
function calibrate(linear: readonly number[], rate: number): number {
  let lo = -20;
  let hi = 20;
  for (let k = 0; k < 60; k++) {
    const mid = (lo + hi) / 2;
    let mean = 0;
    for (const x of linear) mean += 1 / (1 + Math.exp(-(x + mid)));
    if (mean / linear.length < rate) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** The deals as CSV text (RFC 4180 quoting), headers first. */
export function plantedCsv(deals: Pick<PlantedDeals, 'headers' | 'rows'>): string {
  const cell = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [deals.headers, ...deals.rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}
