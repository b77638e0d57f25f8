// The outcome of each deal for drafting: the outcome column chosen as Validate chooses it (words, a yes/no Won column), or any yes/no column ("best customer").

import { readBoolean } from '../../read/boolean';
import { isBlank } from '../../read/blank';
import {
  detectOutcomeColumn, findOutcomeColumn, OUTCOME_HEADERS, OUTCOME_WORDS_HINT, outcomeCandidateColumns, outcomeSource,
} from '../column';
import { readOutcome, readWinFlag, type Outcome } from '../stats';
import { EngineError } from '../../errors';

export interface DealOutcomes {
  /** The outcome column's header and position. */
  header: string;
  index: number;
  /** A yes/no column (yes = won, or a best customer): its "yes" is what the draft looks for. */
  yesNo: boolean;
  /** The yes/no "closed" column read beside a Won column, or null. */
  closedIndex: number | null;
  /** Per row: its outcome, or undefined (blank, unreadable). */
  outcomes: (Outcome | undefined)[];
  won: number;
  lost: number;
  open: number;
}

/** Reads the outcome of each row from the column `wanted` names (null: the column Validate against outcomes picks). */
export function dealOutcomes(headers: readonly string[], rows: readonly (readonly unknown[])[], wanted: string | null): DealOutcomes {
  const candidates = outcomeCandidateColumns(headers, rows);
  let column;
  if (wanted !== null && wanted.trim() !== '') {
    column = findOutcomeColumn(headers, candidates, wanted);
    if (column === null) throw new EngineError(`There is no column "${wanted}".`);
  } else {
    column = detectOutcomeColumn(candidates);
    if (column === null) {
      throw new EngineError(
        `No column of outcomes found: add a column named ${OUTCOME_HEADERS.slice(0, 3).join(', ')} or similar whose cells say ${OUTCOME_WORDS_HINT}, or a yes/no column (Won, Best customer), and name it.`,
      );
    }
  }
  // A column of yes/no ("Best customer", "Won?") is read yes = won, no = lost, whatever its header; words win when they read more cells.
  let words = 0;
  let yesNo = 0;
  for (const row of rows) {
    const v = row[column.index];
    if (isBlank(v)) continue;
    if (readOutcome(v) !== undefined) words++;
    if (readBoolean(v) !== undefined) yesNo++;
  }
  const flag = column.flag || yesNo > words;
  const source = outcomeSource({ ...column, flag }, headers, rows);
  const closedIndex = source.closed?.index ?? null;
  const read = flag ? readWinFlag : readOutcome;
  const outcomes: (Outcome | undefined)[] = new Array(rows.length);
  let won = 0;
  let lost = 0;
  let open = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    let o = read(row[column.index]);
    if (o !== undefined && closedIndex !== null && readBoolean(row[closedIndex]) === false) o = 'open';
    outcomes[r] = o;
    if (o === 'won') won++;
    else if (o === 'lost') lost++;
    else if (o === 'open') open++;
  }
  return { header: column.header, index: column.index, yesNo: flag && !/won|win/i.test(column.header), closedIndex, outcomes, won, lost, open };
}
