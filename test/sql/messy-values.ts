// Test helper: cell texts that exercise every reading rule of the engine (numbers, ranges, blanks, yes/no, dates, lists),
// and the sample generator's rows with such texts mixed in.
import type { Model } from '../../src/engine';
import { generateSampleAccounts, mulberry32 } from '../../tools/sample/accounts';

/** Amounts, counts, ranges and percentages as exports and people write them, with a few that read as no number. */
export const NUMBER_TEXTS = [
  '1200', '1,200', '$1.2M', '€2.5m', '1.2k', '3 bn', '1.5 million', '$25 mil.', '$5 bil.', '35%', '0.5', '.5', '007',
  '51-200', '1,001-5,000', '10 - 20', '$10M-$50M', '$10-50M', '$10 mil. - $25 mil.', '$1M to $10M', '10,001+', '$10B+',
  'Over $5 bil.', '<50', 'under 50', 'Less than $1M', 'up to 10', '>= 50', '1000 or more', 'more than 500', 'at least 5',
  '1 200 000', '1\u00a0200', '1\u202f000', '\u22125', '-5', '+7', '1e3', '2.5E2', '1e999', '10%-20%', '5%%', '5 %', '12.5%',
  '51-200 employees', '11-50 Employees', '$1M - $10M (USD)', '1,000 EUR', '1,000 usd', '5 usd.', '5kusd', 'USD 1,000',
  '€ 2,5 Mrd.', '3 Tsd.', '4 mln', '1,2 Mio.', '10 to 20', '5to10', '-5 - 10', '1-2-3', '$', 'lots', 'NaN', 'Infinity',
  '5 k', '5 thousand', '2 trillion', '7 mm', '0', '00', '1.', '1..2', '1,23', '12,345,678', '1,2345', ' 42 ', '\t42\n',
  '42\u3000', '5 - -3', '-5--3', '10–20', '10—20', '≤ 30', '≥ 30', 'fewer than 9', 'and up', '9 and up', '9+', '9 +',
  // Percentages of any depth, as the engine peels them: `%` before a range separator, units between layers.
  '10%%', '5%%%', '10%%-20%%', '10%-20%%', '10%%-20%', '5 employees%', '5%employees%', '5% staff%', '% 5%', '5%\n%',
  `2${'%'.repeat(12)}`, `3${'%'.repeat(70)}`, '1%to2%', '1% to 2%', '1%to%2%', '10 % - 20 %', '5 %%', '%-5%', '5%-%',
  '10%%to20%%', '12.5%%', 'under 50%', '$1M%', '1e2%', '5k%%',
  // Lists holding numbers (`in` matches a wanted number among the items), and texts whose spaces normalising changes.
  '5, 1000', '1000;5', '10 | 1,000', '5\n1000', '1000,', '1000, ', 'under\n50', '5\nk', '1  200', 'less\u3000than 1,000',
  `${' '.repeat(78)}1000`, '15, 0.35', '35%, 1.2k', '1,000,5', '5;', ';5;1000',
];

/** Blanks and placeholders (the engine reads these as no value), and near misses that are values. */
export const BLANK_TEXTS = [
  '', ' ', '   ', 'N/A', 'n/a', 'NA', 'n.a.', '-', '--', '—', '–', 'unknown', 'Unknown', 'none', 'None', 'null', 'nil',
  'Select', '-- Select --', 'Please select', 'select one', 'Not available', 'not applicable', '#REF!', '#N/A', ' #DIV/0! ',
  '#NAME?', 'Loading...', 'loading...', '\u00a0', '\ufeff', '...', '?', '()', 'nan', 'NaN', 'n/a/', 'N / A', 'na1', 'n@a',
  'selected', 'nones', '✓', '$', '+', '#', '#REF', '#VALUE!x',
  // Case as JavaScript maps it: `ﬁ` upper-cases to FI, the Kelvin sign lower-cases to k; `İ` is not a plain I.
  '#ﬁELD!', '#\u0131FIELD!', 'UN\u212aNOWN', 'NİL', 'LOADİNG...', '#RE\ufeffF!', 'N\ufeffA', '#BUſY!',
];

/** Yes/no words and their near misses. */
export const BOOLEAN_TEXTS = [
  'TRUE', 'FALSE', 'true', 'yes', 'no', 'Yes', 'No', 'Y', 'N', 'y', 'n', '1', '0', 'x', 'X', '✓', '✔', '✔️', '☑', '✅',
  'checked', 'on', 'off', 't', 'f', '✗', '✘', '☐', '❌', 'unchecked', ' yes ', 'yes!', 'yep', '2', '1.0',
];

/** Dates in every form the engine reads, and near misses. */
export const DATE_TEXTS = [
  '2026-03-01', '2026-10-15', '2026/10/15', '2026-9-5', '3/1/2026', '10/15/2026', '10/15/26', '5/20/72', '1/1/0030',
  '0030-01-01', '2026-10-15T10:30:00Z', '2026-10-15 10:30', '2026-10-15t10:30:00+02:00', '10/15/2026 10:30:00',
  '10/15/2026, 10:30 AM', '10/15/2026 10:30 p.m.', 'Oct 15, 2026', 'October 15 2026', 'oct. 15, 2026', '15 Oct 2026',
  '15 October, 2026', '2/30/2026', '2026-02-29', '2024-02-29', '1900-02-29', '2000-02-29', '13/1/2026', '2026-13-01',
  '2026-10-32', 'Foo 15, 2026', 'yesterday', '2026-10', ' 2026-10-20 ', '10-15-2026', '2026-10-15T25', '20261015',
];

/** Texts and lists for the text operators, with odd case, spaces and separators. */
export const TEXT_TEXTS = [
  'SaaS', ' saas ', 'SAAS', 'Software', 'IT Services', 'it  services', 'IT\tServices', 'IT\nServices', 'Fintech',
  'Salesforce, HubSpot; Slack | Zoom', 'Salesforce\nHubSpot', 'salesforce;hubspot', 'HubSpot CRM', 'Hubspot',
  'Sales force', 'Government', ' government ', 'Public Sector', 'public  sector', 'Education', 'Series A', 'series  a',
  'Series A, Series B', 'Acquired', 'acquired ', 'High', 'medium', 'High; Low', 'Low', 'United States', 'US', 'usa',
  'u.s.', 'Canada | Mexico', 'UK,Germany', ',,', ' ; ', 'a@gmail.com', 'BOB@Yahoo.CO', 'x@outlook.', 'ceo@acme.io',
  'gmail', 'Ünïcödé', 'İstanbul', 'straße', 'ÅSA', '6sense', 'Demandbase, MadKudu', 'Madkudu',
  // One item is no list (`SaaS,` is the text `saas,`); Greek capital sigmas (final `ς` by context), odd spaces.
  'SaaS,', 'Fintech;', ' ; SaaS', 'ΟΔΥΣΣΕΥΣ', 'ΑΣ', 'ΑΣ, ΣΑ', 'Σ', 'ΣΑΣ.', "ΑΣ'Β", 'ʰΣ', 'İSTANBUL', 'Sa\ufeffaS', 'SaaS\ufeff',
  'IT\u3000Services', 'IT Services, ΑΣ',
];

/** Amounts and counts as decimal-comma locales write them (`1.234,5`, `1 234,5`, `1,2 Mio.`), and near misses. */
export const DECIMAL_COMMA_TEXTS = [
  '1.234,5', '1.234', '1,5', '0,5', ',5', '1.234.567,89', '12.345.678', '-1.234,5', '\u22121,5', '+7,25', '1,2 Mio.', '1,2 mio',
  '€ 2,5 Mrd.', '2,5 Md€', '3 Tsd.', '4 mln', '1,5 mld', '1,5k', '€1,5M', '$1.200', '1.200 €', '1.234,56 EUR', 'EUR 1.234,56',
  '1,5%', '12,5 %', '10,5%-20,5%', '1.000-5.000', '1.001-5.000 employees', '10.001+', '>= 1.000', '< 1.000', 'under 2,5',
  '1,5e3', '1,5E-2', '1.', '1,', '1..2', '1,,2', '.,5', ',.5', '1.2.3', '1,234.5', '1,000', '1.23', '1.2345', '1.234,5.6',
  '1 234,5', '1\u202f234,5', '1\u00a0234,5', '1 234 567', '12 000 €', '1 200,50 €', '0,5 %', '1\u2009000,25', '5,0 mio. €',
  '1.000,5, 2', '5; 1.000', '1,5 | 2,5', '2,5-3,5 Mio.', '$10-50 mio', '1.000 or more', 'über 1.000', '1.000,-', '100,00',
];

export const MESSY_TEXTS = [...NUMBER_TEXTS, ...BLANK_TEXTS, ...BOOLEAN_TEXTS, ...DATE_TEXTS, ...TEXT_TEXTS];

/**
 * The sample generator's `count` rows (seed `seed`), a fifth of their cells swapped for one of `messy` (any kind, in
 * any column) and 1% NULL; a few rows wholly blank, and a few blank but for a column no criterion reads. `write`
 * rewrites each cell first (as another locale would write it).
 */
export function messyRows(
  count: number, seed: number, messy: readonly string[] = MESSY_TEXTS, write: (cell: string) => string = (c) => c,
): { headers: string[]; rows: (string | null)[][] } {
  const [headers, ...rows] = generateSampleAccounts(count, seed);
  const random = mulberry32(18);
  const out = rows.map((row) =>
    row.map((cell) => {
      const u = random();
      if (u < 0.01) return null; // a NULL, as a loader writes an empty field
      return u < 0.2 ? messy[Math.floor(random() * messy.length)]! : write(cell);
    }),
  );
  for (let i = 0; i < 50 && i * 997 < out.length; i++) out[i * 997] = headers!.map(() => (i % 2 === 0 ? '' : null));
  for (let i = 0; i < 50 && i * 991 + 5 < out.length; i++) out[i * 991 + 5] = headers!.map((h) => (h === 'Outcome' ? 'won' : ' N/A '));
  return { headers: headers!, rows: out };
}

/**
 * The model with its criteria's columns swapped (numbers read from dates, dates from amounts, lists from booleans...)
 * and `in` with numbers and texts on columns of numbers, lists and text: a number among a list's items counts.
 */
export function mixedColumnsModel(model: Model): Model {
  const p = model.profiles[0]!;
  const columns = p.criteria.map((c) => c.column);
  p.criteria.forEach((c, i) => {
    c.column = columns[(i + 5) % columns.length]!;
  });
  for (const column of ['Employees', 'Tech Stack', 'Industry', 'Annual Revenue']) {
    p.criteria.push({
      id: `in_${column}`, category: 'firmographic', column, points: 5,
      when: { op: 'in', values: [5, 1000, 15, 0.15, 1200, 500, 25, 5000, 0.35, 1.5, 'SaaS', 'salesforce', 'ας', 'under'] },
    });
  }
  return model;
}
