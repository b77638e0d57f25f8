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
