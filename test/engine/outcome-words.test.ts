// Outcome cells as CRM exports write them: pipeline stages are open deals, and a deal stage column is found among custom stages.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readOutcome } from '../../src/engine';
import { detectOutcomeColumn, outcomeCandidateColumns } from '../../src/engine/outcomes/column';
import { parseCsv } from '../factories/csv';

describe('readOutcome: stages of CRM pipelines', () => {
  // Salesforce's default Opportunity stages, HubSpot's default sales pipeline, and Maven's public CRM data set.
  test.each([
    'Prospecting', 'Qualification', 'Needs Analysis', 'Value Proposition', 'Id. Decision Makers', 'Perception Analysis',
    'Proposal/Price Quote', 'Negotiation/Review',
    'Appointment scheduled', 'Qualified to buy', 'Presentation scheduled', 'Decision maker bought-in', 'Contract sent',
    'Engaging',
  ])('%p is open', (v) => {
    expect(readOutcome(v)).toBe('open');
  });

  test.each([['Closed/Won', 'won'], ['Closed / Lost', 'lost'], ['Won.', 'won'], ['WON', 'won'], ['closed-won', 'won']])('%p is %p', (v, want) => {
    expect(readOutcome(v)).toBe(want);
  });

  test.each(['won?', 'not won', 'Stage 2 - Demo', 'Series B'])('%p is still no outcome', (v) => {
    expect(readOutcome(v)).toBeUndefined();
  });
});

describe('outcomeCandidateColumns: a column named like an outcome column', () => {
  const headers = ['Account', 'Deal Stage', 'Notes'];
  // Half the deals are in a team's own stages no word list knows.
  const rows = Array.from({ length: 40 }, (_, i) => [`Acct ${i}`, ['Closed Won', 'Closed Lost', 'Stage 2 - Demo', 'Stage 3 - Trial'][i % 4], 'won']);

  test('is a candidate with custom stages once it holds a won or lost deal, and is picked before a column that merely reads as outcomes', () => {
    const candidates = outcomeCandidateColumns(headers, rows);
    expect(candidates.map((c) => c.header)).toEqual(['Notes', 'Deal Stage']);
    expect(detectOutcomeColumn(candidates)).toEqual({ header: 'Deal Stage', index: 1, flag: false });
  });

  test('is not a candidate without any won or lost deal, nor is an unnamed column of mostly other values', () => {
    const open = rows.map((r) => [r[0], String(r[1]).startsWith('Closed') ? 'Stage 1' : r[1], 'x']);
    expect(outcomeCandidateColumns(headers, open)).toEqual([]);
    const unnamed = rows.map((r) => [r[0], 'x', r[1]]);
    expect(outcomeCandidateColumns(headers, unnamed)).toEqual([]);
  });
});

const DATA = path.resolve(__dirname, '../../../shared/data/crm-sales-opportunities');
const present = fs.existsSync(path.join(DATA, 'sales_pipeline.csv'));
if (!present) console.warn(`outcome-words: ${DATA} is absent; skipping the public data set test`);
const maybe = present ? describe : describe.skip;

maybe('the CRM Sales Opportunities pipeline (public data set)', () => {
  test('deal_stage is found, and Engaging / Prospecting deals are open: won + lost + open is every deal', () => {
    const [headers, ...rows] = parseCsv(fs.readFileSync(path.join(DATA, 'sales_pipeline.csv'), 'utf8'));
    expect(detectOutcomeColumn(outcomeCandidateColumns(headers!, rows))).toEqual({ header: 'deal_stage', index: headers!.indexOf('deal_stage'), flag: false });
    const count = { won: 0, lost: 0, open: 0, none: 0 };
    for (const r of rows) count[readOutcome(r[headers!.indexOf('deal_stage')]) ?? 'none']++;
    expect(count).toEqual({ won: 4238, lost: 2473, open: 1589 + 500, none: 0 });
  });
});
