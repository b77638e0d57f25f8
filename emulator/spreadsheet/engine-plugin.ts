// A HyperFormula function plugin whose functions are the workbook's registered custom functions.
import { FunctionArgumentType, FunctionPlugin, FunctionPluginDefinition, ImplementedFunctions } from 'hyperformula';

export interface EngineAddress {
  sheet: number;
  row: number;
  col: number;
}

/** The parts of HyperFormula's AST nodes this emulator reads (its AST types are not exported). */
export interface AstLike {
  type: string;
  procedureName?: string;
  args?: AstLike[];
  reference?: { toSimpleCellAddress(base: EngineAddress): EngineAddress };
  start?: AddressLike;
  end?: AddressLike;
}

export interface AddressLike {
  toSimpleCellAddress?(base: EngineAddress): EngineAddress;
  toSimpleColumnAddress?(base: EngineAddress): { sheet: number; col: number };
  toSimpleRowAddress?(base: EngineAddress): { sheet: number; row: number };
}

export interface StateLike {
  formulaAddress: EngineAddress;
}

export type PluginHandler = (ast: AstLike, state: StateLike, evaluate: (ast: AstLike) => unknown) => unknown;

/** One plugin class per workbook engine, so workbooks with different custom functions stay independent. */
export function createCustomFunctionPlugin(names: string[], handler: PluginHandler): FunctionPluginDefinition {
  const implemented: ImplementedFunctions = {};
  for (const name of names) {
    implemented[name] = {
      method: 'callCustomFunction',
      parameters: [{ argumentType: FunctionArgumentType.ANY, optionalArg: true }],
      repeatLastArgs: 1,
    };
  }
  class CustomFunctionsPlugin extends FunctionPlugin {
    static override implementedFunctions = implemented;

    callCustomFunction(ast: AstLike, state: StateLike): unknown {
      const evaluateAst = (this as unknown as { evaluateAst(a: AstLike, s: StateLike): unknown }).evaluateAst.bind(this);
      return handler(ast, state, (a) => evaluateAst(a, state));
    }
  }
  return CustomFunctionsPlugin as unknown as FunctionPluginDefinition;
}

/** Wall-clock parts of "now" in the spreadsheet's time zone. */
export interface ClockReading {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

// Day 0 of Sheets' (and HyperFormula's default) date serials.
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * TODAY() and NOW() read the emulator's clock in the spreadsheet's time zone, not the host's: Sheets computes them
 * in the spreadsheet's time zone (https://support.google.com/docs/answer/3092984). Both stay volatile, so the engine
 * recomputes them whenever it recalculates; Recalc asks it to on open and on every edit.
 */
export function createClockPlugin(read: () => ClockReading): FunctionPluginDefinition {
  const serialDay = (c: ClockReading): number => (Date.UTC(c.year, c.month - 1, c.day) - SERIAL_EPOCH) / 86_400_000;
  class ClockPlugin extends FunctionPlugin {
    static override implementedFunctions: ImplementedFunctions = {
      TODAY: { method: 'today', parameters: [], isVolatile: true, returnNumberType: 'NUMBER_DATE' as never },
      NOW: { method: 'now', parameters: [], isVolatile: true, returnNumberType: 'NUMBER_DATETIME' as never },
    };

    today(ast: AstLike, state: StateLike): unknown {
      return this.run(ast, state, 'TODAY', () => serialDay(read()));
    }

    now(ast: AstLike, state: StateLike): unknown {
      return this.run(ast, state, 'NOW', () => {
        const c = read();
        return serialDay(c) + (c.hour * 3600 + c.minute * 60 + c.second) / 86_400;
      });
    }

    /** Through HyperFormula's runFunction, which checks the arguments and types the result as a date or date-time. */
    private run(ast: AstLike, state: StateLike, name: string, fn: () => number): unknown {
      const self = this as unknown as {
        runFunction(args: unknown, state: StateLike, metadata: unknown, fn: () => number): unknown;
        metadata(name: string): unknown;
      };
      return self.runFunction(ast.args ?? [], state, self.metadata(name), fn);
    }
  }
  return ClockPlugin as unknown as FunctionPluginDefinition;
}
