// Seeded generator of the sample accounts sheet: plausible, messy CRM-export rows whose outcomes follow a latent fit.
//
// Each account draws a hidden `fit` in [0, 1]; fit raises the odds of every ICP signal (industry, size, CRM, visits,
// demo, funding, hiring, surge...) and of the account being won, so a good model ranks won accounts high. Values are
// written the way real exports carry them (ranges, currency shorthand, mixed booleans and dates, placeholders).
// Deterministic: the same (rows, seed, today) always gives the same rows; nothing reads the clock.

/** The sample sheet's header row, in order. */
export const SAMPLE_HEADERS: readonly string[] = [
  'Account', 'Website', 'Industry', 'Employees', 'Annual Revenue', 'Country', 'Funding Stage', 'Last Funding Date',
  'Tech Stack', 'Website Visits (30d)', 'Demo Requested', 'Content Downloads', 'Hiring Sales Reps',
  'Leadership Change Date', 'Intent Topic Surge', 'Contact Email', 'Outcome',
];

/** Seed and size of the checked-in data/sample-accounts.csv. */
export const SAMPLE_SEED = 20261101;
export const SAMPLE_ROWS = 400;
/** The fixed "today" the sample's dates are relative to (ISO); pass it as today when scoring the sample. */
export const SAMPLE_TODAY = '2026-11-01';

/** mulberry32: a tiny, fast, seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;

const DAY_MS = 86_400_000;

const NAME_HEADS = [
  'Vel', 'Nor', 'Quan', 'Aur', 'Bright', 'Cor', 'Zen', 'Lum', 'Tri', 'Syn', 'Omni', 'Nex', 'Ver', 'Kal', 'Pax', 'Sol',
  'Ar', 'Dyn', 'Hal', 'Mer', 'Octa', 'Pol', 'Tel', 'Vox', 'Blu', 'Cy', 'Flux', 'Gri', 'Io', 'Jun', 'Kin', 'Lyr', 'Mag',
  'Nim', 'Or', 'Pel', 'Rho', 'Sab', 'Tor', 'Ul',
];
const NAME_MIDS = ['', '', '', 'a', 'i', 'o', 'e', 'ra', 'li', 'no', 'va', 'ri'];
const NAME_TAILS = [
  'tix', 'lytics', 'sphere', 'ware', 'ly', 'io', 'gen', 'nova', 'path', 'stack', 'forge', 'loop', 'wise', 'mint',
  'cast', 'beam', 'grid', 'hub', 'base', 'flow', 'scale', 'point', 'bridge', 'leaf', 'shift', 'works', 'mark', 'field',
  'line', 'core',
];
const NAME_SUFFIXES = [
  '', '', '', '', ' Labs', ' Systems', ' Technologies', ', Inc.', ' Inc.', ' Group', ' Co.', ' Corp', ' Ltd',
  ' Software', ' Analytics', ' Solutions', ', LLC',
];
const NAME_SPACE = NAME_HEADS.length * NAME_MIDS.length * NAME_TAILS.length;
const TLDS = ['.com', '.com', '.com', '.io', '.ai', '.co', '.net'];

const GOOD_INDUSTRIES = [
  'SaaS', 'SaaS', ' saas ', 'SAAS', 'Software', 'software', 'Software ', 'Fintech', 'FinTech', 'fintech',
  'IT Services', 'IT services', 'it services',
];
const OTHER_INDUSTRIES = [
  'Manufacturing', 'Retail', 'Healthcare', 'healthcare', 'Logistics', 'Real Estate', 'Media', 'Hospitality',
  'Construction', 'Consulting', 'Insurance', 'Automotive', 'Energy', 'Telecommunications',
];
const PUBLIC_INDUSTRIES = ['Government', 'Government', 'government', 'Public Sector', 'public sector', 'Education', ' Education'];
const PLACEHOLDERS = ['Select', '-', '—', '', 'N/A'];

const GOOD_COUNTRIES = [
  'United States', 'United States', 'United States', 'United States', 'USA', 'US', ' united states', 'Canada',
  'United Kingdom', 'United Kingdom', 'UK', 'Germany', 'Germany', 'France', 'Netherlands', 'Ireland', 'Sweden',
  'Denmark', 'Australia',
];
const OTHER_COUNTRIES = [
  'India', 'Brazil', 'Mexico', 'Japan', 'Singapore', 'South Africa', 'Spain', 'Italy', 'Poland', 'Argentina',
  'Nigeria', 'Indonesia', 'Turkey',
];

const GOOD_STAGES = ['Series A', 'Series A', 'Series B', 'Series B', 'Series C', 'series b', 'SERIES A'];
const OTHER_STAGES = ['Seed', 'Pre-Seed', 'Series D', 'Series E+', 'Bootstrapped', 'Public', 'Private Equity', 'Acquired'];

const CRMS = ['Salesforce', 'Salesforce', 'HubSpot', 'HubSpot', 'salesforce', 'Salesforce Sales Cloud', 'HubSpot CRM', 'Hubspot'];
const COMPETITORS = ['6sense', 'Demandbase', 'MadKudu'];
const OTHER_TOOLS = [
  'Slack', 'Zoom', 'Google Workspace', 'Microsoft 365', 'Jira', 'Zendesk', 'Intercom', 'Marketo', 'Outreach', 'Gong',
  'Segment', 'Snowflake', 'Stripe', 'AWS', 'Notion', 'Asana', 'Okta', 'Mailchimp', 'Shopify', 'Tableau', 'Looker',
  'ZoomInfo', 'Pipedrive', 'Zoho CRM', 'Microsoft Dynamics',
];
const LIST_SEPARATORS = [', ', ', ', '; ', ' | ', ','];

const FIRST_NAMES = [
  'Alex', 'Maria', 'James', 'Priya', 'Chen', 'Sofia', 'David', 'Amara', 'Lukas', 'Emma', 'Noah', 'Fatima', 'Liam',
  'Hannah', 'Diego', 'Yuki', 'Olivia', 'Mateo', 'Aisha', 'Ben', 'Clara', 'Omar', 'Julia', 'Sam',
];
const LAST_NAMES = [
  'Smith', 'Garcia', 'Müller', 'Patel', 'Nguyen', 'Johnson', 'Rossi', 'Kim', 'Okafor', 'Schmidt', 'Brown', 'Silva',
  'Jensen', 'Cohen', 'Dubois', 'Tanaka', 'Walker', 'Novak', 'Larsen', 'Murphy',
];
/** Names as they appear in e-mail addresses: lower case, accents dropped (Müller -> muller). */
const toAscii = (name: string): string => name.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '');
const FIRST_NAMES_ASCII = FIRST_NAMES.map(toAscii);
const LAST_NAMES_ASCII = LAST_NAMES.map(toAscii);
const PERSONAL_DOMAINS = ['gmail.com', 'gmail.com', 'yahoo.com', 'hotmail.com', 'outlook.com'];

/** Employee bands as LinkedIn-style labels with their inclusive bounds. */
const EMPLOYEE_BANDS: readonly { label: string; min: number; max: number }[] = [
  { label: '2-10', min: 2, max: 10 },
  { label: '11-50', min: 11, max: 50 },
  { label: '51-200', min: 51, max: 200 },
  { label: '201-500', min: 201, max: 500 },
  { label: '501-1,000', min: 501, max: 1000 },
  { label: '1,001-5,000', min: 1001, max: 5000 },
  { label: '5,001-10,000', min: 5001, max: 10000 },
  { label: '10,001+', min: 10001, max: 40000 },
];

/** Revenue buckets in two export styles (Apollo-like and ZoomInfo-like): [lower bound, label, label]. */
const REVENUE_BUCKETS: readonly [number, string, string][] = [
  [0, 'Less than $1M', 'Less than $1 mil.'],
  [1e6, '$1M-$10M', '$1 mil. - $5 mil.'],
  [5e6, '$1M-$10M', '$5 mil. - $10 mil.'],
  [1e7, '$10M-$50M', '$10 mil. - $25 mil.'],
  [2.5e7, '$10M-$50M', '$25 mil. - $50 mil.'],
  [5e7, '$50M-$100M', '$50 mil. - $100 mil.'],
  [1e8, '$100M-$500M', '$100 mil. - $250 mil.'],
  [2.5e8, '$100M-$500M', '$250 mil. - $500 mil.'],
  [5e8, '$500M-$1B', '$500 mil. - $1 bil.'],
  [1e9, '$1B-$5B', '$1 bil. - $5 bil.'],
  [5e9, '$5B+', 'Over $5 bil.'],
];

type Kind = 'normal' | 'public' | 'personal' | 'micro' | 'giant';

class Draw {
  constructor(readonly r: Rng) {}
  chance(p: number): boolean {
    return this.r() < p;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.r() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.r() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  /** Poisson-distributed count (Knuth), fine for the small means used here. */
  poisson(mean: number): number {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.r();
    while (p > limit) {
      k++;
      p *= this.r();
    }
    return k;
  }
  /** Log-uniform number in [min, max]. */
  logUniform(min: number, max: number): number {
    return Math.exp(Math.log(min) + this.r() * (Math.log(max) - Math.log(min)));
  }
}

function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

function withThousands(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function formatDate(d: Draw, todayMs: number, daysAgo: number): string {
  const date = new Date(todayMs - daysAgo * DAY_MS);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  if (d.chance(0.55)) return `${y}-${m < 10 ? '0' : ''}${m}-${day < 10 ? '0' : ''}${day}`;
  return `${m}/${day}/${y}`;
}

function formatBool(d: Draw, value: boolean): string {
  if (d.chance(0.05)) return '';
  const style = d.int(0, 5);
  switch (style) {
    case 0: return value ? 'TRUE' : 'FALSE';
    case 1: return value ? 'yes' : 'no';
    case 2: return value ? 'Yes' : 'No';
    case 3: return value ? 'Y' : 'N';
    case 4: return value ? 'x' : '';
    default: return value ? '✓' : '';
  }
}

function formatEmployees(d: Draw, count: number, bandLabel: string): string {
  const u = d.r();
  if (u < 0.5) return bandLabel;
  if (u < 0.7) return String(count);
  if (u < 0.88) return withThousands(count);
  if (u < 0.94) return d.pick(['N/A', 'n/a']);
  return '';
}

function formatMoneyShort(d: Draw, amount: number): string {
  const euro = d.chance(0.25);
  const symbol = euro ? '€' : '$';
  if (amount >= 1e9) return `${symbol}${(amount / 1e9).toFixed(1)}${euro ? 'bn' : 'B'}`;
  if (amount >= 1e6) return `${symbol}${(amount / 1e6).toFixed(1)}${euro ? 'm' : 'M'}`;
  return `${symbol}${Math.round(amount / 1e3)}k`;
}

function formatRevenue(d: Draw, revenue: number): string {
  const u = d.r();
  if (u < 0.3) return formatMoneyShort(d, revenue);
  if (u < 0.65) {
    let bucket = REVENUE_BUCKETS[0];
    for (const b of REVENUE_BUCKETS) if (revenue >= b[0]) bucket = b;
    if (bucket === undefined) return '';
    return d.chance(0.5) ? bucket[1] : bucket[2];
  }
  if (u < 0.85) return String(Math.round(revenue / 1e5) * 1e5);
  if (u < 0.93) return d.pick(['unknown', 'Unknown', 'N/A']);
  return '';
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Yields the header row, then `rows` account rows; streams, so very large sets need no big array. */
export function* iterateSampleAccounts(rows: number, seed: number, today: string = SAMPLE_TODAY): Generator<string[]> {
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  if (Number.isNaN(todayMs)) throw new Error(`today must be an ISO date (YYYY-MM-DD), got ${today}`);
  const d = new Draw(mulberry32(seed));
  const usedBases = new Set<string>();
  yield [...SAMPLE_HEADERS];

  for (let i = 0; i < rows; i++) {
    // Hidden traits: the kind of account (a few knock-outs) and its latent fit.
    const k = d.r();
    const kind: Kind = k < 0.03 ? 'public' : k < 0.05 ? 'personal' : k < 0.065 ? 'micro' : k < 0.08 ? 'giant' : 'normal';
    let fit = (d.r() + d.r()) / 2;
    if (kind !== 'normal') fit *= 0.6;

    // Name, website, domain.
    let base = '';
    // Past half the name space, collisions are the rule: one try, then number the name (keeps 1M rows fast).
    const attempts = usedBases.size < NAME_SPACE / 2 ? 8 : 1;
    for (let attempt = 0; attempt < attempts; attempt++) {
      const raw = d.pick(NAME_HEADS) + d.pick(NAME_MIDS) + d.pick(NAME_TAILS);
      base = raw.charAt(0).toUpperCase() + raw.slice(1).toLowerCase();
      if (!usedBases.has(base)) break;
    }
    if (usedBases.has(base)) base = `${base} ${i + 1}`;
    usedBases.add(base);
    const account = base + d.pick(NAME_SUFFIXES);
    const domain = slug(base) + d.pick(TLDS);
    const w = d.r();
    const website = w < 0.45 ? domain : w < 0.7 ? `www.${domain}` : w < 0.85 ? `https://${domain}` : w < 0.96 ? `https://www.${domain}/` : '';

    // Industry.
    let industry: string;
    if (kind === 'public') industry = d.pick(PUBLIC_INDUSTRIES);
    else if (d.chance(0.07)) industry = d.pick(PLACEHOLDERS);
    else industry = d.chance(lerp(0.1, 1, fit)) ? d.pick(GOOD_INDUSTRIES) : d.pick(OTHER_INDUSTRIES);

    // Size: good fit concentrates on 51-1,000 employees.
    let band = EMPLOYEE_BANDS[2];
    if (kind === 'micro') band = EMPLOYEE_BANDS[0];
    else if (kind === 'giant') band = EMPLOYEE_BANDS[7];
    else {
      const sweet = d.chance(lerp(0.15, 1, fit));
      band = sweet ? EMPLOYEE_BANDS[d.int(2, 4)] : EMPLOYEE_BANDS[d.pick([1, 1, 1, 2, 5, 5, 6])];
    }
    if (band === undefined) throw new Error('employee band missing');
    const employeeCount = Math.round(d.logUniform(band.min, band.max));
    const employees = formatEmployees(d, employeeCount, band.label);

    // Revenue follows size: $60k-$350k per employee.
    const revenue = employeeCount * d.logUniform(60_000, 350_000);
    const annualRevenue = formatRevenue(d, revenue);

    // Geography.
    const country = d.chance(0.04) ? '' : d.chance(lerp(0.3, 1, fit)) ? d.pick(GOOD_COUNTRIES) : d.pick(OTHER_COUNTRIES);

    // Funding stage and last funding date (recent funding is a buying trigger).
    let fundingStage: string;
    if (d.chance(0.06)) fundingStage = d.pick(['Select', '', '-']);
    else if (kind === 'giant') fundingStage = d.pick(['Public', 'Private Equity', 'Acquired', 'Series E+']);
    else fundingStage = d.chance(lerp(0.1, 0.95, fit)) ? d.pick(GOOD_STAGES) : d.pick(OTHER_STAGES);
    let lastFundingDate = '';
    const stageKey = fundingStage.toLowerCase();
    if (stageKey !== 'bootstrapped' && stageKey !== 'public' && d.chance(0.85)) {
      const recent = d.chance(lerp(0.05, 0.95, fit));
      lastFundingDate = formatDate(d, todayMs, recent ? d.int(3, 180) : d.int(181, 1600));
    }

    // Tech stack: CRM raises fit, a competitor's tool is a penalty.
    let techStack = '';
    if (!d.chance(0.08)) {
      const tools = new Set<string>();
      if (d.chance(lerp(0.15, 1, fit))) {
        tools.add(d.pick(CRMS));
        if (d.chance(0.15)) tools.add(d.pick(CRMS));
      }
      if (d.chance(0.08)) tools.add(d.pick(COMPETITORS));
      const extra = d.int(1, 5);
      for (let t = 0; t < extra; t++) tools.add(d.pick(OTHER_TOOLS));
      const list = [...tools];
      for (let t = list.length - 1; t > 0; t--) {
        const j = d.int(0, t);
        const tmp = list[t] as string;
        list[t] = list[j] as string;
        list[j] = tmp;
      }
      const mixed = d.chance(0.3);
      const sep = d.pick(LIST_SEPARATORS);
      techStack = list.map((tool, idx) => (idx === 0 ? tool : (mixed ? d.pick(LIST_SEPARATORS) : sep) + tool)).join('');
    }

    // Behavioral signals.
    const visitsRoll = d.r();
    const websiteVisits = visitsRoll < 0.05 ? '' : visitsRoll < 0.07 ? 'N/A' : String(d.poisson(lerp(0.3, 14, fit * fit)));
    const demoRequested = formatBool(d, d.chance(lerp(0.02, 0.85, fit * fit)));
    const downloadsRoll = d.r();
    const contentDownloads = downloadsRoll < 0.08 ? '' : String(d.poisson(lerp(0.2, 4.5, fit)));

    // Intent signals and buying triggers.
    const hiringSalesReps = formatBool(d, d.chance(lerp(0.05, 0.9, fit)));
    let leadershipChangeDate = '';
    if (d.chance(lerp(0.4, 0.8, fit))) {
      const recent = d.chance(lerp(0.05, 0.85, fit));
      leadershipChangeDate = formatDate(d, todayMs, recent ? d.int(2, 120) : d.int(121, 1200));
    }
    const surgeRoll = d.r();
    let intentTopicSurge: string;
    if (surgeRoll < 0.1) intentTopicSurge = '';
    else {
      const level = d.r();
      const high = lerp(0.02, 0.6, fit);
      const medium = high + lerp(0.1, 0.3, fit);
      intentTopicSurge = level < high ? d.pick(['High', 'High', 'high', 'HIGH'])
        : level < medium ? d.pick(['Medium', 'Medium', 'medium'])
          : d.pick(['Low', 'Low', 'low', 'None']);
    }

    // Contact e-mail: company domain, a personal address for the 'personal' knock-outs, or nobody.
    const first = d.pick(FIRST_NAMES_ASCII);
    const last = d.pick(LAST_NAMES_ASCII);
    const local = d.chance(0.6) ? `${first}.${last}` : `${first.charAt(0)}${last}`;
    let contactEmail: string;
    if (kind === 'personal') contactEmail = `${local}${d.int(1, 99)}@${d.pick(PERSONAL_DOMAINS)}`;
    else contactEmail = d.chance(lerp(0.6, 0.95, fit)) ? `${local}@${domain}` : '';

    // Outcome: ~45 % still open; closed deals are won more often the better the fit (~20 % won overall).
    let outcome: string;
    if (d.chance(0.45)) outcome = 'open';
    else outcome = d.chance(logistic(9 * (fit - 0.56))) ? 'won' : 'lost';

    yield [
      account, website, industry, employees, annualRevenue, country, fundingStage, lastFundingDate, techStack,
      websiteVisits, demoRequested, contentDownloads, hiringSalesReps, leadershipChangeDate, intentTopicSurge,
      contactEmail, outcome,
    ];
  }
}

/** The header row followed by `rows` generated account rows (all cells are text). */
export function generateSampleAccounts(rows: number, seed: number, today: string = SAMPLE_TODAY): string[][] {
  return [...iterateSampleAccounts(rows, seed, today)];
}

/** One CSV field, quoted per RFC 4180 when it holds a comma, a quote or a line break (inner quotes doubled). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows as RFC 4180 CSV text, one record per line ("\n" line ends, trailing newline). */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\n') + '\n';
}
