// Add employees to a generated roster: which empty rows to fill, which rows to append and which formulas the
// appended rows need (each formula column's R1C1 formula from the roster's last row, copied as it is). Pure: the
// services read the roster's table and write what this plans.
import type { Lang } from "../catalog/types";
import { normalizeName } from "../catalog/names";
import type { Employee } from "../sheets/roster";
import { sheetText } from "../sheets/texts";
import type { CellArea } from "./assessment-sheet";
import { PaneServiceError } from "./pane-errors";
import { literalText } from "./typed-text";

export interface RosterAddition {
  /** Empty rows (no name, id, department or input yet) given an employee: sheet row and the cells to write. */
  fills: Array<{ row: number; cells: Array<{ col: number; value: string }> }>;
  /** Rows appended to the table (TableRowCollection.add), as wide as the table. */
  appendRows: string[][];
  /** The sheet row of the first appended row. */
  appendAt: number;
  /** Formula columns of the appended rows: column and R1C1 formula. */
  formulaColumns: Array<{ col: number; r1c1: string }>;
  filled: Employee[];
  appended: Employee[];
  /** Employees left out: their 工号 is already on the roster (or earlier in the list). */
  skipped: Employee[];
}

const FIELDS = ["name", "id", "dept"] as const;

function text(v: unknown): string {
  return v === null || v === undefined ? "" : String(v).trim();
}

function isFormula(v: unknown): boolean {
  return typeof v === "string" && v.startsWith("=");
}

/**
 * Plans adding `employees` to a roster table at `area` (header row first) whose cells are `values` and
 * `formulas` (R1C1). Throws PaneServiceError("roster_without_names") when the header has no 姓名 / Name column.
 */
export function planRosterAddition(
  area: CellArea,
  values: readonly (readonly unknown[])[],
  formulas: readonly (readonly unknown[])[],
  employees: readonly Employee[],
): RosterAddition {
  const header = (values[0] ?? []).map((v) => normalizeName(text(v)));
  const columnOf = (lang: Lang, key: (typeof FIELDS)[number]) => header.indexOf(normalizeName(sheetText(lang, key)));
  const lang: Lang = columnOf("zh", "name") >= 0 ? "zh" : "en";
  const cols = Object.fromEntries(FIELDS.map((f) => [f, columnOf(lang, f)])) as Record<(typeof FIELDS)[number], number>;
  if (cols.name < 0) throw new PaneServiceError("roster_without_names");
  const width = area.right - area.left + 1;
  const dataRows = values.slice(1);
  const known = new Set(cols.id >= 0 ? dataRows.map((row) => text(row[cols.id])).filter(Boolean) : []);
  const empty = dataRows
    .map((row, i) => ({ row, i }))
    .filter(({ row, i }) => row.every((v, c) => isFormula(formulas[i + 1]?.[c]) || text(v) === ""))
    .map(({ i }) => area.top + 1 + i);
  const valueOf = (e: Employee, f: (typeof FIELDS)[number]) =>
    literalText(f === "name" ? e.name : f === "id" ? e.id : e.department);

  const result: RosterAddition = {
    fills: [],
    appendRows: [],
    appendAt: area.bottom + 1,
    formulaColumns: [],
    filled: [],
    appended: [],
    skipped: [],
  };
  for (const employee of employees) {
    const id = employee.id.trim();
    if (id && known.has(id)) {
      result.skipped.push(employee);
      continue;
    }
    if (id) known.add(id);
    const row = empty.shift();
    if (row !== undefined) {
      result.fills.push({
        row,
        cells: FIELDS.filter((f) => cols[f] >= 0).map((f) => ({
          col: area.left + cols[f],
          value: valueOf(employee, f),
        })),
      });
      result.filled.push(employee);
    } else {
      const cells = Array.from({ length: width }, () => "");
      for (const f of FIELDS) if (cols[f] >= 0) cells[cols[f]] = valueOf(employee, f);
      result.appendRows.push(cells);
      result.appended.push(employee);
    }
  }
  const last = formulas[formulas.length - 1] ?? [];
  result.formulaColumns = last.flatMap((f, c) => (isFormula(f) ? [{ col: area.left + c, r1c1: f as string }] : []));
  return result;
}
