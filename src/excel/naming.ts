// Final names for what a plan adds to an existing workbook: sheets unique ignoring case, defined and table names
// (one namespace in Excel) unique ignoring case. A defined name that had to change (generating a second roster
// gives KPI_support_kpi_scale_2) is changed in every formula of the plan too, so each roster reads its own rules.
import { isValidDefinedName, uniqueDefinedName, uniqueSheetName } from "../sheets/a1";
import type { SheetPlan, WorkbookPlan } from "../sheets/plan";
import { ExcelWriteError } from "./errors";

export interface TakenNames {
  /** Worksheet names already in the workbook. */
  sheets: Iterable<string>;
  /** Workbook-level defined names and table names already in the workbook. */
  names: Iterable<string>;
}

export interface FinalNames {
  /** Plan sheet id → sheet name. */
  sheets: Map<string, string>;
  /** Plan sheet id → table name. */
  tables: Map<string, string>;
  /** Requested defined name (lower case) → final name, for the names that had to change. */
  renames: Map<string, string>;
}

export function chooseNames(plan: WorkbookPlan, taken: TakenNames): FinalNames {
  const sheetNames = [...taken.sheets];
  const names = [...taken.names];
  const sheets = new Map<string, string>();
  const tables = new Map<string, string>();
  const renames = new Map<string, string>();
  for (const sheet of plan.sheets) {
    const name = uniqueSheetName(sheet.name, sheetNames);
    sheetNames.push(name);
    sheets.set(sheet.id, name);
  }
  for (const sheet of plan.sheets) {
    for (const n of sheet.names) {
      const final = uniqueDefinedName(n.name, names);
      if (!isValidDefinedName(final)) throw new ExcelWriteError("invalid_name", { name: final });
      names.push(final);
      if (final !== n.name && !renames.has(n.name.toLowerCase())) renames.set(n.name.toLowerCase(), final);
    }
  }
  for (const sheet of plan.sheets) {
    if (!sheet.table) continue;
    const final = uniqueDefinedName(sheet.table.name, names);
    if (!isValidDefinedName(final)) throw new ExcelWriteError("invalid_name", { name: final });
    names.push(final);
    tables.set(sheet.id, final);
  }
  return { sheets, tables, renames };
}

/**
 * Replaces defined names in a formula (A1 or R1C1, with or without "="): whole names only, ignoring case, never
 * inside string literals ("…") or quoted sheet names ('…'), never a function name (followed by "(").
 */
export function renameInFormula(formula: string, renames: ReadonlyMap<string, string>): string {
  if (renames.size === 0) return formula;
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      let end = i + 1;
      for (;;) {
        const close = formula.indexOf(ch, end);
        if (close < 0) {
          end = formula.length;
          break;
        }
        if (formula[close + 1] === ch) {
          end = close + 2;
          continue;
        }
        end = close + 1;
        break;
      }
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    if (/[A-Za-z_\\]/.test(ch)) {
      const word = /^[A-Za-z_\\][A-Za-z0-9_.\\]*/.exec(formula.slice(i))![0];
      const next = formula[i + word.length];
      const renamed = next === "(" || next === "!" ? undefined : renames.get(word.toLowerCase());
      out += renamed ?? word;
      i += word.length;
      continue;
    }
    // Digits run whole, so 1E5 is never read as a name.
    if (/[0-9.]/.test(ch)) {
      const run = /^[0-9.]+(?:[Ee][+-]?[0-9]+)?/.exec(formula.slice(i))![0];
      out += run;
      i += run.length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** The plan with its defined names changed, in the names themselves and in every formula that reads them. */
export function renamePlan(plan: WorkbookPlan, renames: ReadonlyMap<string, string>): WorkbookPlan {
  if (renames.size === 0) return plan;
  const f = (formula: string) => renameInFormula(formula, renames);
  const sheet = (s: SheetPlan): SheetPlan => ({
    ...s,
    cells: s.cells.map((c) => (c.formula === undefined ? c : { ...c, formula: f(c.formula) })),
    columnFormulas: s.columnFormulas.map((c) => ({ ...c, r1c1: f(c.r1c1) })),
    validations: s.validations.map((v) => (v.list === undefined ? v : { ...v, list: f(v.list) })),
    conditionalFormats: s.conditionalFormats.map((c) => ({ ...c, formula: f(c.formula) })),
    names: s.names.map((n) => ({ ...n, name: renames.get(n.name.toLowerCase()) ?? n.name })),
  });
  return { ...plan, sheets: plan.sheets.map(sheet) };
}
