// The data a draft is fitted on: the closed deals, every column read once, the account column, the exclusions, and the candidate criteria on the remaining deals.

import type { CompileContext } from '../../operators';
import { headerKey } from '../../read/text';
import { columnCandidates, filledCandidate, minSupport, type Candidate } from './candidates';
import { readColumn, type ReadColumn } from './columns';
import { draftExclusions, type ExclusionDraft } from './exclusions';
import type { DealOutcomes } from './outcomes';
import { isAccountHeader, skipReason, SKIP_TEXT } from './roles';

export interface PreparedDraft {
  /** The closed deals' row indexes, in row order, and whether each was won. */
  closedRows: Int32Array;
  won: Uint8Array;
  /** The column tying deals to accounts (its values repeat), or null. */
  accountColumn: ReadColumn | null;
  skipped: { column: string; reason: string }[];
  exclusions: ExclusionDraft[];
  /** The closed deals no exclusion matches (row indexes), their outcomes, and each one's account code (or null). */
  fitRows: Int32Array;
  y: Uint8Array;
  groups: Int32Array | null;
  /** The open deals no exclusion matches (row indexes): no outcome yet, but their columns show which values go together. */
  openRows: Int32Array;
  candidates: Candidate[];
  /** Columns that gave at least one candidate. */
  columnsUsed: number;
}

/** Some value is held by more than one of the closed deals. */
function repeats(codes: Int32Array): boolean {
  const seen = new Set<number>();
  for (const c of codes) {
    if (c < 0) continue;
    if (seen.has(c)) return true;
    seen.add(c);
  }
  return false;
}

/** Reads every column but the outcome's, drafts the exclusions, and builds the candidates on the deals they leave. */
export function prepareDraft(headers: readonly string[], rows: readonly (readonly unknown[])[], outcomes: DealOutcomes, context: CompileContext): PreparedDraft {
  const closed = outcomes.won + outcomes.lost;
  const skipped: { column: string; reason: string }[] = [];
  // The closed deals, in row order, and whether each was won.
  const closedRows = new Int32Array(closed);
  const won = new Uint8Array(closed);
  for (let r = 0, k = 0; r < rows.length; r++) {
    const o = outcomes.outcomes[r];
    if (o === 'won' || o === 'lost') {
      closedRows[k] = r;
      won[k++] = o === 'won' ? 1 : 0;
    }
  }

  // Every other column, read once; the first of two same-named columns is the one a criterion would read.
  const seen = new Set<string>();
  const columns: ReadColumn[] = [];
  const idColumns: ReadColumn[] = [];
  let account: ReadColumn | null = null;
  headers.forEach((header, i) => {
    const key = headerKey(header);
    if (i === outcomes.index || i === outcomes.closedIndex || key === '' || seen.has(key)) return;
    seen.add(key);
    const column = readColumn(rows, i, header, context.decimalComma);
    const closedCodes = Int32Array.from(closedRows, (r) => column.codes[r]!);
    if (account === null && isAccountHeader(header) && repeats(closedCodes)) {
      account = column;
      return;
    }
    const reason = skipReason(column, closedCodes);
    if (reason === null) columns.push(column);
    else {
      skipped.push({ column: header, reason: SKIP_TEXT[reason] });
      if (reason === 'id') idColumns.push(column);
    }
  });
  const accountColumn = account as ReadColumn | null;

  // Negative ICP first: their deals are disqualified, so the fit weighs the rest.
  const exclusions = draftExclusions(columns, closedRows, won, context);
  const excludedRow = new Uint8Array(rows.length);
  for (const e of exclusions) {
    for (let r = 0; r < rows.length; r++) {
      const c = e.column.codes[r]!;
      if (c >= 0 && e.valueHits[c] === 1) excludedRow[r] = 1;
    }
  }
  const fitIndex: number[] = [];
  for (let k = 0; k < closed; k++) if (excludedRow[closedRows[k]!] === 0) fitIndex.push(k);
  const fitRows = Int32Array.from(fitIndex, (k) => closedRows[k]!);
  const y = Uint8Array.from(fitIndex, (k) => won[k]!);
  const openIndex: number[] = [];
  for (let r = 0; r < rows.length; r++) if (outcomes.outcomes[r] === 'open' && excludedRow[r] === 0) openIndex.push(r);
  const openRows = Int32Array.from(openIndex);

  const support = minSupport(fitRows.length);
  const candidates: Candidate[] = [];
  const usedColumns = new Set<number>();
  for (const column of columns) {
    const own = columnCandidates(column, fitRows, context, support);
    if (own.length > 0) usedColumns.add(column.index);
    candidates.push(...own);
  }
  for (const column of idColumns) {
    const c = filledCandidate(column, fitRows, support);
    if (c !== null) {
      candidates.push(c);
      usedColumns.add(column.index);
    }
  }
  const groups = accountColumn === null ? null : Int32Array.from(fitRows, (r) => accountColumn.codes[r]!);

  return { closedRows, won, accountColumn, skipped, exclusions, fitRows, y, groups, openRows, candidates, columnsUsed: usedColumns.size };
}
