// One formula cell: its text, how it is evaluated, its custom-function result cache and its spill area.
import type { SimpleCall } from './formula-text';
import type { SheetData } from './sheet-data';
import type { CellValue } from './values';

/** A reference argument of a simple call, resolved to a sheet (0-based, inclusive; Infinity = open end). */
export interface ArgRect {
  sheet: SheetData;
  r0: number;
  c0: number;
  r1: number;
  c1: number;
  single: boolean;
}

export class FormulaCell {
  /** 'native': `=CUSTOM(refs/literals)` evaluated by the emulator; 'engine': evaluated by HyperFormula. */
  kind: 'native' | 'engine' = 'engine';
  call: SimpleCall | null = null;
  argRects: ArgRect[] = [];
  /** Set when a referenced sheet does not exist ("Unresolved sheet name 'X'."). */
  unresolved: string | null = null;
  /** Message behind an error value (custom function throw, blocked spill, engine error). */
  error: string | null = null;
  /** Full result of the last custom function call when the formula is that call (for spilling). */
  result: CellValue[][] | null = null;
  /** Arguments of the last custom function call (engine path), to skip recomputation with identical arguments. */
  cachedArgs: unknown[] | null = null;
  /** Applied spill extent, including the formula cell itself. */
  spillRows = 1;
  spillCols = 1;
  /** Extent the result wants; differs from the applied one while blocked. */
  wantRows = 1;
  wantCols = 1;
  removed = false;
  /** Whether the custom function has been called since the formula was written. */
  evaluated = false;
  /** Text as HyperFormula printed it after it was set, to notice HF rewriting references. */
  engineText: string | null = null;

  constructor(
    public text: string,
    public sheet: SheetData,
    public row: number,
    public col: number,
  ) {}
}
