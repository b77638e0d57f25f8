// Benchmark baseline: the same scoring as a hand-written formula per row, evaluated by HyperFormula (dev tooling only, GPL).

import { HyperFormula } from 'hyperformula';
import { compileModel } from '../src/engine/model-compile';
import type { Profile } from '../src/engine/model';
import { b2bSaasTemplate } from '../src/engine/templates/b2b-saas';
import { readBoolean } from '../src/engine/read/boolean';
import { readDay } from '../src/engine/read/date';
import { readNumber } from '../src/engine/read/number';
import { isBlank } from '../src/engine/read/blank';
import { headerKey } from '../src/engine/read/text';
import { generateSampleAccounts, SAMPLE_TODAY } from '../tools/sample/accounts';
import { scoreFormula } from './formula-from-model';
import { benchGas, perFormula } from './gas';

export interface FormulaFigures {
  rows: number;
  hyperFormulaRowsPerSecond: number;
  engineRowsPerSecond: number;
  disagreements: number;
  formulaChars: number;
}

// Sheets' and HyperFormula's day 0 is 1899-12-30: serial = days since 1970-01-01 + 25569.
const SERIAL_OFFSET = 25569;

type Kind = 'number' | 'bool' | 'day' | 'text';

function columnKinds(profile: Profile): Map<string, Kind> {
  const kinds = new Map<string, Kind>();
  for (const c of profile.criteria) {
    const op = c.when.op;
    const kind: Kind = ['between', 'gte', 'lte', 'bands'].includes(op) ? 'number' : op === 'isTrue' ? 'bool' : op === 'withinDays' ? 'day' : 'text';
    kinds.set(headerKey(c.column), kind);
  }
  return kinds;
}

/** Typed, clean values, the only kind a hand-written formula copes with: numbers, TRUE/FALSE, date serials, trimmed text. */
function cleanRows(headers: string[], rows: string[][], profile: Profile) {
  const kinds = columnKinds(profile);
  const forSheet: (string | number | boolean)[][] = [];
  const forEngine: (string | number | boolean | Date)[][] = [];
  for (const row of rows) {
    const s: (string | number | boolean)[] = [];
    const e: (string | number | boolean | Date)[] = [];
    headers.forEach((h, i) => {
      const v = row[i] ?? '';
      const kind = kinds.get(headerKey(h)) ?? 'text';
      if (isBlank(v)) return void (s.push(''), e.push(''));
      if (kind === 'number') {
        const n = readNumber(v);
        return void (s.push(n ?? ''), e.push(n ?? ''));
      }
      if (kind === 'bool') {
        const b = readBoolean(v);
        return void (s.push(b ?? ''), e.push(b ?? ''));
      }
      if (kind === 'day') {
        const d = readDay(v);
        if (d === undefined) return void (s.push(''), e.push(''));
        const date = new Date(d * 86_400_000);
        return void (s.push(d + SERIAL_OFFSET), e.push(new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate())));
      }
      s.push(v.trim());
      e.push(v.trim());
    });
    forSheet.push(s);
    forEngine.push(e);
  }
  return { forSheet, forEngine };
}

function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function benchFormula(rowCount = 10_000, runs = 3): FormulaFigures {
  const [headers, ...raw] = generateSampleAccounts(rowCount, 11);
  const model = b2bSaasTemplate();
  const profile = model.profiles[0]!;
  const todayDay = readDay(SAMPLE_TODAY)!;
  const { forSheet, forEngine } = cleanRows(headers!, raw, profile);
  const keys = headers!.map(headerKey);
  const out = headers!.length;
  const data = forSheet.map((row, r) => {
    const formula = scoreFormula(profile, (col) => `${columnLetter(keys.indexOf(headerKey(col)))}${r + 2}`, todayDay + SERIAL_OFFSET);
    return [...row, formula];
  });
  // The fastest of `runs` builds, as for the CLI runs it is the baseline of: the machine's speed varies between runs.
  let hfSeconds = Infinity;
  let sheetValues: ReturnType<HyperFormula['getSheetValues']> = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const hf = HyperFormula.buildFromArray([headers!, ...data], { licenseKey: 'gpl-v3' });
    sheetValues = hf.getSheetValues(0);
    hfSeconds = Math.min(hfSeconds, Number(process.hrtime.bigint() - t0) / 1e9);
    hf.destroy();
  }
  const formulaChars = String(data[0]![out]).length;

  const t1 = process.hrtime.bigint();
  const compiled = compileModel(model, headers!, { today: new Date(`${SAMPLE_TODAY}T00:00:00`) }).profile();
  const engineScores = forEngine.map((row) => compiled.evaluate(row).score);
  const engineSeconds = Number(process.hrtime.bigint() - t1) / 1e9;

  let disagreements = 0;
  for (let r = 0; r < engineScores.length; r++) {
    const v = sheetValues[r + 1]?.[out];
    if (typeof v !== 'number' || Math.abs(v - engineScores[r]!) > 1e-9) {
      if (disagreements < 3) console.error(`row ${r + 2}: formula ${JSON.stringify(v)} engine ${engineScores[r]}`);
      disagreements++;
    }
  }
  return {
    rows: rowCount,
    hyperFormulaRowsPerSecond: rowCount / hfSeconds,
    engineRowsPerSecond: rowCount / engineSeconds,
    disagreements,
    formulaChars,
  };
}

if (require.main === module) {
  const rows = Number(process.argv[2] ?? 10_000);
  console.log(benchFormula(rows));
  // What each ICP formula costs in Apps Script calls, beside what a hand-written formula costs in time (bench/gas.ts).
  const gas = benchGas(rows);
  for (const run of [gas.array, gas.perRow, gas.perRowTyped]) console.log(`${run.formula} x ${run.formulas}: ${perFormula(run)}`);
}
