// The =KPI.* functions as a HyperFormula plugin, handing each function its arguments the way Excel hands them
// to a custom function (see test/functions/hyperformula.test.ts, and test/sheets/addin-roster.test.ts which
// evaluates generated add-in-mode sheets with it).
import { CustomFunctionsError, installCustomFunctionsStub } from "./customFunctions";
installCustomFunctionsStub();

import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  SimpleRangeValue,
  type FunctionArgument,
  type ImplementedFunctions,
} from "hyperformula";
import type { ProcedureAst } from "hyperformula/typings/parser";
import type { InterpreterState } from "hyperformula/typings/interpreter/InterpreterState";
import type { InterpreterValue } from "hyperformula/typings/interpreter/InterpreterValue";
import * as KPI from "../../src/functions/functions";
import type { Cell, Range } from "../fuzz/engineOracle";

// ---------------------------------------------------------------------------------------------
// The plugin: Excel's argument passing, in HyperFormula
// ---------------------------------------------------------------------------------------------

type Param = "value" | "optional value" | "range" | "optional range";

/** Each function with its parameters as functions.ts declares them (`any` → value, `any[][]` → range). */
export const SIGNATURES: Record<string, { impl: (...args: never[]) => unknown; params: Param[] }> = {
  "KPI.BAND": { impl: KPI.band, params: ["value", "value"] },
  "KPI.SCORE": { impl: KPI.score, params: ["value", "value", "optional range"] },
  "KPI.GRADE": { impl: KPI.grade, params: ["value", "value"] },
  "KPI.TOTAL": { impl: KPI.total, params: ["range", "value"] },
  "KPI.BLEND": { impl: KPI.blend, params: ["value", "value", "optional value"] },
  "KPI.DEDUCT": { impl: KPI.deduct, params: ["value", "value", "value", "optional value"] },
  "KPI.BONUS": { impl: KPI.bonus, params: ["value", "value", "value"] },
  "KPI.TABLE": { impl: KPI.table, params: ["value", "range", "range", "optional value"] },
  "KPI.EXPLAIN": { impl: KPI.explain, params: ["value", "value", "optional range"] },
  "KPI.RULES": { impl: KPI.rules, params: ["optional value"] },
};

function argumentSpec(param: Param): FunctionArgument {
  return {
    // ANY keeps values as they are (no coercion) and, like Excel, returns an error argument without calling.
    argumentType: param.endsWith("range") ? FunctionArgumentType.RANGE : FunctionArgumentType.ANY,
    optionalArg: param.startsWith("optional"),
  };
}

/** One cell's value as Excel passes it to an `any` parameter: a blank cell is null. */
export function excelScalar(v: unknown): Cell | CellError {
  if (v === undefined || v === EmptyValue) return null; // omitted optional argument, blank cell
  if (v instanceof CellError) return v;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "object" && v !== null && typeof (v as { val?: unknown }).val === "number") return (v as { val: number }).val; // a formatted number (92%, a date)
  throw new Error(`the plugin cannot pass ${String(v)} to a custom function`);
}

function excelArgument(param: Param, v: unknown): Cell | Range | CellError {
  if (param.endsWith("range")) {
    if (v === undefined) return null; // an omitted optional range
    const rows = v instanceof SimpleRangeValue ? v.data : [[v]];
    const cells = rows.map((row) => row.map(excelScalar));
    // Errors inside a range pass through (the function is not called), as for single cells.
    const error = cells.flat().find((c): c is CellError => c instanceof CellError);
    return error ?? (cells as Range);
  }
  if (v instanceof SimpleRangeValue) {
    // A value parameter given a one-cell range takes its value; a larger range is #VALUE!, as in Excel.
    return v.width() === 1 && v.height() === 1 ? excelScalar(v.data[0][0]) : new CellError(ErrorType.VALUE, "a range where one value belongs");
  }
  return excelScalar(v);
}

/** What the function gave, as a cell value: thrown CustomFunctions.Errors become the cell error with the message. */
function cellResult(f: () => unknown): InterpreterValue {
  let result: unknown;
  try {
    result = f();
  } catch (e) {
    if (e instanceof CustomFunctionsError && (e.code === "#VALUE!" || e.code === "#N/A")) {
      return new CellError(e.code === "#N/A" ? ErrorType.NA : ErrorType.VALUE, e.message);
    }
    throw e; // anything else is a bug in the functions: let the test fail loudly
  }
  return Array.isArray(result) ? SimpleRangeValue.onlyValues(result) : (result as InterpreterValue);
}

export class KpiPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = Object.fromEntries(
    Object.entries(SIGNATURES).map(([id, { params }]) => [
      id,
      {
        method: id.slice("KPI.".length).toLowerCase(),
        parameters: params.map(argumentSpec),
        ...(id === "KPI.RULES" ? { sizeOfResultArrayMethod: "rulesSize", vectorizationForbidden: true } : {}),
      },
    ]),
  );

  private call(id: string, ast: ProcedureAst, state: InterpreterState) {
    const { impl, params } = SIGNATURES[id];
    return this.runFunction(ast.args, state, this.metadata(id), (...raw: unknown[]): InterpreterValue => {
      const args = params.map((param, i) => excelArgument(param, raw[i]));
      const error = args.find((a): a is CellError => a instanceof CellError);
      if (error) return error;
      return cellResult(() => (impl as (...a: unknown[]) => unknown)(...args));
    });
  }

  band(ast: ProcedureAst, state: InterpreterState) { return this.call("KPI.BAND", ast, state); }
  score(ast: ProcedureAst, state: InterpreterState) { return this.call("KPI.SCORE", ast, state); }
  grade(ast: ProcedureAst, state: InterpreterState) { return this.call("KPI.GRADE", ast, state); }
  total(ast: ProcedureAst, state: InterpreterState) { return this.call("KPI.TOTAL", ast, state); }
  blend(ast: ProcedureAst, state: InterpreterState) { return this.call("KPI.BLEND", ast, state); }
  deduct(ast: ProcedureAst, state: InterpreterState) { return this.call("KPI.DEDUCT", ast, state); }
  bonus(ast: ProcedureAst, state: InterpreterState) { return this.call("KPI.BONUS", ast, state); }
  table(ast: ProcedureAst, state: InterpreterState) { return this.call("KPI.TABLE", ast, state); }
  explain(ast: ProcedureAst, state: InterpreterState) { return this.call("KPI.EXPLAIN", ast, state); }
  rules(ast: ProcedureAst, state: InterpreterState) { return this.call("KPI.RULES", ast, state); }

  /**
   * HyperFormula sizes a spilled array when it parses the formula, before any cell is computed. The size is
   * known for a literal template name or none (the default template or every template); a template named
   * by a cell reference cannot be sized here and gives #VALUE! (Excel would size it at run time).
   */
  rulesSize(ast: ProcedureAst): ArraySize {
    const arg = ast.args[0] as { type: string; value?: unknown } | undefined;
    let template: string | null;
    if (arg === undefined || arg.type === "EMPTY") template = null;
    else if (arg.type === "STRING") template = arg.value as string;
    else return ArraySize.error();
    try {
      const rows = KPI.rules(template);
      return new ArraySize(rows[0].length, rows.length);
    } catch {
      return ArraySize.scalar(); // #N/A or #VALUE!: one cell
    }
  }
}

export const TRANSLATIONS = { enGB: Object.fromEntries(Object.keys(SIGNATURES).map((id) => [id, id])) };

