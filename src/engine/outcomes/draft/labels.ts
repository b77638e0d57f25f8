// Readable labels for drafted criteria: "Industry is SaaS or Fintech", "51-1,000 employees", "Raised funding in the last 180 days".

import { grouped } from '../../number-text';

/** A round number near `x` for a range bound people can read: 1, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5 or 8 times a power of ten (small whole numbers kept). */
export function niceNumber(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const sign = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  if (a >= 1 && a <= 20 && Number.isInteger(a)) return x;
  const p = 10 ** Math.floor(Math.log10(a));
  let best = p;
  for (const m of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5, 8, 10]) if (Math.abs(m * p - a) < Math.abs(best - a)) best = m * p;
  // Float noise (0.30000000000000004) would show in the model and its label.
  return sign * Number(best.toPrecision(6));
}

/** A number as a bound is shown: `1,000`, `2.5`, `$10M`, `$2.5B` (money compact), years without separators. */
export function numberText(n: number, opts: { money: boolean; year: boolean }): string {
  if (opts.year) return String(n);
  if (opts.money) {
    const a = Math.abs(n);
    const sign = n < 0 ? '-' : '';
    for (const [v, s] of [[1e12, 'T'], [1e9, 'B'], [1e6, 'M'], [1e3, 'K']] as const) {
      if (a >= v) return `${sign}$${Number((a / v).toPrecision(3))}${s}`;
    }
    return `${sign}$${Number(a.toPrecision(3))}`;
  }
  if (Number.isInteger(n)) return n < 0 ? `-${grouped(-n)}` : grouped(n);
  return String(Number(n.toPrecision(4)));
}

// Headers that name a count of things ("Employees", "Website Visits (30d)"): the range reads before them, `51-200 employees`.
const COUNT_WORDS = /\b(employees?|staff|people|headcount|visits?|downloads?|users?|seats?|sessions?|opens?|clicks?|pages?|views?|calls?|meetings?|emails?|contacts?|locations?|offices?|revenue|arr|mrr|acv|amount|value|size|budget|spend|sales|funding|raised)\b/i;

/** The words of a header as they read in a sentence: `Annual Revenue` -> `annual revenue`; acronyms kept. */
function phrase(header: string): string {
  return header.split(/\s+/).map((w) => (/^[A-Z0-9]{2,}\b/.test(w) ? w : w.toLowerCase())).join(' ');
}

/** `51-200 employees`, `Up to 50 employees`, `1,001+ employees`, `Year established 1990-2005`. */
export function rangeLabel(header: string, min: number | undefined, max: number | undefined, opts: { money: boolean; year: boolean }): string {
  const t = (n: number): string => numberText(n, opts);
  const range = min !== undefined && max !== undefined ? (min === max ? t(min) : `${t(min)}-${t(max)}`) : min !== undefined ? `${t(min)}+` : `Up to ${t(max!)}`;
  if (COUNT_WORDS.test(header) && !opts.year) return `${range} ${phrase(header)}`;
  const bare = min !== undefined && max !== undefined ? (min === max ? t(min) : `${t(min)}-${t(max)}`) : min !== undefined ? `${t(min)} or more` : `up to ${t(max!)}`;
  return `${header} ${bare}`;
}

/** Values as listed in a label: `SaaS`, `SaaS or Fintech`, `SaaS, Fintech or Media`. */
export function orList(values: readonly string[]): string {
  if (values.length <= 1) return values[0] ?? '';
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

/** `Industry is SaaS or Fintech`. */
export function valuesLabel(header: string, values: readonly string[]): string {
  return `${header} is ${orList(values)}`;
}

/** `Tech Stack includes Salesforce or HubSpot`. */
export function itemsLabel(header: string, items: readonly string[]): string {
  return `${header} includes ${orList(items)}`;
}

// Dates whose header says what happened: the label says it as an event.
const EVENTS: [RegExp, string][] = [
  [/fund|rais/i, 'Raised funding'],
  [/leader|ceo|executive/i, 'New leadership'],
  [/hir/i, 'Hiring'],
  [/visit/i, 'Visited the website'],
  [/demo/i, 'Requested a demo'],
  [/download/i, 'Downloaded content'],
  [/sign.?up|trial/i, 'Signed up'],
  [/contact|touch|activity|engag/i, 'Engaged'],
];

/** `Raised funding in the last 180 days`, else `Renewal Date in the last 90 days`. */
export function recencyLabel(header: string, days: number): string {
  const event = EVENTS.find(([re]) => re.test(header));
  const subject = event === undefined ? header.replace(/\s*\b(date|day|on|at)\s*$/i, '').trim() || header : event[1];
  return `${subject} in the last ${grouped(days)} days`;
}

/** `Demo Requested`, a yes/no column, matched when yes: `Demo Requested is yes`. */
export function yesLabel(header: string): string {
  return `${header}: yes`;
}

/** `Demo Requested: no`. */
export function noLabel(header: string): string {
  return `${header}: no`;
}

/** `Contact Email is filled in`. */
export function filledLabel(header: string): string {
  return `${header} is filled in`;
}

/** A criterion id from a label: lower case words joined by `_`, at most 40 characters, unique within `taken`. */
export function criterionId(label: string, taken: Set<string>): string {
  const base = label.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40) || 'criterion';
  let id = base;
  for (let k = 2; taken.has(id); k++) id = `${base}_${k}`;
  taken.add(id);
  return id;
}
