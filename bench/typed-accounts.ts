// The file and model `icp score` is raced against DuckDB on: clean, typed account rows and a 7-criterion model.
//
// DuckDB's hand-written query needs columns its type detection reads as numbers, booleans and dates, so these rows
// are what a tidy CRM export looks like (no ranges or currency shorthand); some cells are blank, as in any export.

import * as fs from 'node:fs';
import type { Model } from '../src/engine';
import { mulberry32 } from '../tools/sample/accounts';

export const TYPED_HEADERS = ['Account', 'Industry', 'Employees', 'Annual Revenue', 'Country', 'Demo Requested', 'Last Funding Date', 'Website Visits (30d)'];

/** The day the rows' dates are relative to; pass it as `--today` (and to the SQL) when scoring them. */
export const TYPED_TODAY = '2026-11-01';

const INDUSTRIES = ['SaaS', 'Software', 'Fintech', 'Manufacturing', 'Retail', 'Healthcare', 'Logistics', 'Media', 'Government', 'Education'];
const COUNTRIES = ['United States', 'Canada', 'United Kingdom', 'Germany', 'France', 'India', 'Brazil', 'Japan', 'Spain', 'Mexico'];
const NAMES = ['Vel', 'Nor', 'Quan', 'Aur', 'Bright', 'Cor', 'Zen', 'Lum', 'Tri', 'Syn', 'Omni', 'Nex'];
const TAILS = ['tix', 'lytics', 'sphere', 'ware', 'io', 'gen', 'nova', 'path', 'stack', 'forge'];

/** The 7 criteria: four firmographic (one an exclusion), one behavioral pair, one intent; tiers A 80 / B 60 / C 0. */
export function typedModel(): Model {
  return {
    schemaVersion: 1,
    profiles: [
      {
        name: 'Typed benchmark',
        categories: [
          { id: 'firm', label: 'Firmographic', weight: 40 },
          { id: 'behavior', label: 'Behavioral', weight: 30 },
          { id: 'intent', label: 'Intent', weight: 30 },
        ],
        criteria: [
          { id: 'industry', label: 'SaaS, software or fintech', category: 'firm', column: 'Industry', when: { op: 'in', values: ['SaaS', 'Software', 'Fintech'] }, points: 30 },
          {
            id: 'size',
            label: 'Company size',
            category: 'firm',
            column: 'Employees',
            when: {
              op: 'bands',
              bands: [
                { min: 1, max: 50, points: 5 },
                { min: 51, max: 200, points: 20 },
                { min: 201, max: 1000, points: 30 },
                { min: 1001, max: 5000, points: 15 },
              ],
            },
          },
          { id: 'revenue', label: '$10M-$500M revenue', category: 'firm', column: 'Annual Revenue', when: { op: 'between', min: 10_000_000, max: 500_000_000 }, points: 20 },
          { id: 'country', label: 'North America or Western Europe', category: 'firm', column: 'Country', when: { op: 'in', values: ['United States', 'Canada', 'United Kingdom', 'Germany', 'France'] }, points: 15 },
          { id: 'gov', label: 'Public sector', category: 'firm', role: 'exclude', column: 'Industry', when: { op: 'in', values: ['Government', 'Education'] } },
          { id: 'demo', label: 'Requested a demo', category: 'behavior', column: 'Demo Requested', when: { op: 'isTrue' }, points: 35 },
          { id: 'funding', label: 'Raised in the last 180 days', category: 'intent', column: 'Last Funding Date', when: { op: 'withinDays', days: 180 }, points: 35 },
        ],
        tiers: [
          { label: 'A', min: 80 },
          { label: 'B', min: 60 },
          { label: 'C', min: 0 },
        ],
        disqualifiedLabel: 'Disqualified',
      },
    ],
  } as Model;
}

/** Writes `rows` typed accounts as CSV (header first), streaming; the same rows for the same seed. */
export function writeTypedCsv(file: string, rows: number, seed = 7): void {
  const rng = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
  const blank = (p: number): boolean => rng() < p;
  const today = Date.UTC(2026, 10, 1);
  const fd = fs.openSync(file, 'w');
  let buffer = `${TYPED_HEADERS.join(',')}\n`;
  for (let r = 0; r < rows; r++) {
    const account = `${pick(NAMES)}${pick(TAILS)} ${r}`;
    const employees = blank(0.04) ? '' : String(1 + Math.floor(rng() ** 2 * 8000));
    const revenue = blank(0.06) ? '' : String(Math.floor(rng() ** 3 * 1_000_000_000));
    const demo = blank(0.1) ? '' : rng() < 0.3 ? 'true' : 'false';
    const funding = blank(0.15) ? '' : new Date(today - Math.floor(rng() * 900) * 86_400_000).toISOString().slice(0, 10);
    const visits = String(Math.floor(rng() * 60));
    buffer += `${account},${blank(0.03) ? '' : pick(INDUSTRIES)},${employees},${revenue},${blank(0.03) ? '' : pick(COUNTRIES)},${demo},${funding},${visits}\n`;
    if (buffer.length > 1 << 20) {
      fs.writeSync(fd, buffer);
      buffer = '';
    }
  }
  fs.writeSync(fd, buffer);
  fs.closeSync(fd);
}

/**
 * The model scored as a DuckDB user writes it by hand: `read_csv` types the columns, plain CASE expressions
 * score them, and the reason lists the matched and missed criteria. `source` is the FROM clause.
 */
export function handWrittenDuckDbQuery(source: string, today = TYPED_TODAY): string {
  return `
WITH typed AS (SELECT * FROM ${source}),
points AS (
  SELECT *,
    CASE WHEN "Industry" IN ('Government', 'Education') THEN 1 ELSE 0 END AS excluded,
    CASE WHEN "Industry" IN ('SaaS', 'Software', 'Fintech') THEN 30 ELSE 0 END AS p_industry,
    CASE WHEN "Employees" BETWEEN 1 AND 50 THEN 5 WHEN "Employees" BETWEEN 51 AND 200 THEN 20
         WHEN "Employees" BETWEEN 201 AND 1000 THEN 30 WHEN "Employees" BETWEEN 1001 AND 5000 THEN 15 ELSE 0 END AS p_size,
    CASE WHEN "Annual Revenue" BETWEEN 10000000 AND 500000000 THEN 20 ELSE 0 END AS p_revenue,
    CASE WHEN "Country" IN ('United States', 'Canada', 'United Kingdom', 'Germany', 'France') THEN 15 ELSE 0 END AS p_country,
    CASE WHEN "Demo Requested" THEN 35 ELSE 0 END AS p_demo,
    CASE WHEN "Last Funding Date" BETWEEN DATE '${today}' - INTERVAL 180 DAY AND DATE '${today}' THEN 35 ELSE 0 END AS p_funding
  FROM typed
),
scored AS (
  SELECT *,
    CASE WHEN excluded = 1 THEN 0
         ELSE round(40 * (p_industry + p_size + p_revenue + p_country) / 95.0 + 30 * p_demo / 35.0 + 30 * p_funding / 35.0, 1) END AS score
  FROM points
)
SELECT * EXCLUDE (excluded, p_industry, p_size, p_revenue, p_country, p_demo, p_funding, score),
  score AS "ICP Score",
  CASE WHEN excluded = 1 THEN 'Disqualified' WHEN score >= 80 THEN 'A' WHEN score >= 60 THEN 'B' ELSE 'C' END AS "ICP Tier",
  CASE WHEN excluded = 1 THEN 'Disqualified: Public sector (Industry “' || "Industry" || '”).'
  ELSE concat_ws(' ',
    score || ' (' || CASE WHEN score >= 80 THEN 'A' WHEN score >= 60 THEN 'B' ELSE 'C' END || ').',
    'Matched: ' || nullif(concat_ws(', ',
      CASE WHEN p_demo > 0 THEN 'Requested a demo +35' END,
      CASE WHEN p_funding > 0 THEN 'Raised in the last 180 days +35' END,
      CASE WHEN p_industry > 0 THEN 'SaaS, software or fintech +30' END,
      CASE WHEN p_size > 0 THEN 'Company size +' || p_size END,
      CASE WHEN p_revenue > 0 THEN '$10M-$500M revenue +20' END,
      CASE WHEN p_country > 0 THEN 'North America or Western Europe +15' END), '') || '.',
    'Missed: ' || nullif(concat_ws(', ',
      CASE WHEN p_industry = 0 AND "Industry" IS NOT NULL THEN 'SaaS, software or fintech' END,
      CASE WHEN p_size = 0 AND "Employees" IS NOT NULL THEN 'Company size' END,
      CASE WHEN p_revenue = 0 AND "Annual Revenue" IS NOT NULL THEN '$10M-$500M revenue' END,
      CASE WHEN p_country = 0 AND "Country" IS NOT NULL THEN 'North America or Western Europe' END,
      CASE WHEN p_demo = 0 AND "Demo Requested" IS NOT NULL THEN 'Requested a demo' END,
      CASE WHEN p_funding = 0 AND "Last Funding Date" IS NOT NULL THEN 'Raised in the last 180 days' END), '') || '.',
    'Unknown: ' || nullif(concat_ws(', ',
      CASE WHEN "Industry" IS NULL THEN 'SaaS, software or fintech' END,
      CASE WHEN "Employees" IS NULL THEN 'Company size' END,
      CASE WHEN "Annual Revenue" IS NULL THEN '$10M-$500M revenue' END,
      CASE WHEN "Country" IS NULL THEN 'North America or Western Europe' END,
      CASE WHEN "Demo Requested" IS NULL THEN 'Requested a demo' END,
      CASE WHEN "Last Funding Date" IS NULL THEN 'Raised in the last 180 days' END), '') || '.')
  END AS "ICP Why"
FROM scored`;
}
