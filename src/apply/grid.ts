// The sheet as apply sees it: cell values and formulas by position, merged areas and table areas. Plain data,
// built by src/xlsx/apply.ts from the package or by the add-in from a used range, so detection, mapping and
// planning never touch a workbook API.
//
// Coordinates are 1-based and absolute (row 1, column 1 = A1), whatever part of the sheet the grid covers.
import { a1, columnLetter, columnNumber } from "../sheets/a1";

/** A value as a spreadsheet holds it: formulas carry their last computed value (null when none was saved). */
export type GridValue = string | number | boolean | null;

export interface GridCell {
  value: GridValue;
  /** The formula without "=", as stored. */
  formula?: string;
  /** An error value (#N/A, #VALUE! …); `value` is then null. */
  error?: string;
}

/** A rectangle, inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  /** The sheet's name. */
  name: string;
  /** Non-empty cells (and empty cells that hold a formula) by `cellKey(row, col)`. */
  cells: Map<string, GridCell>;
  merges: CellRange[];
  /** Excel tables (ListObjects): apply never writes inside one. */
  tables: CellRange[];
  /** The last row and column that hold anything (0 for an empty sheet). */
  maxRow: number;
  maxCol: number;
}

export function cellKey(row: number, col: number): string {
  return `${row}:${col}`;
}

export function cellAt(grid: Grid, row: number, col: number): GridCell | undefined {
  return grid.cells.get(cellKey(row, col));
}

/**
 * Whether a cell holds nothing: no formula, no value, no error. "" is empty (a used range reports empty cells
 * so); a typed space is not: writing over it would lose something a person typed.
 */
export function isEmptyCell(cell: GridCell | undefined): boolean {
  if (!cell) return true;
  if (cell.formula !== undefined && cell.formula !== "") return false;
  if (cell.error) return false;
  return cell.value === null || cell.value === "";
}

/** Whether a cell shows nothing to a reader: empty, or text made only of spaces. */
export function isBlankCell(cell: GridCell | undefined): boolean {
  return isEmptyCell(cell) || (!cell!.formula && !cell!.error && typeof cell!.value === "string" && cell!.value.trim() === "");
}

export function inRange(range: CellRange, row: number, col: number): boolean {
  return row >= range.top && row <= range.bottom && col >= range.left && col <= range.right;
}

export function overlaps(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function mergeAt(grid: Grid, row: number, col: number): CellRange | undefined {
  return grid.merges.find((m) => inRange(m, row, col));
}

/** "B2:D5" (or "B2" for one cell). */
export function rangeText(range: CellRange): string {
  const start = a1(range.top, range.left);
  return range.top === range.bottom && range.left === range.right ? start : `${start}:${a1(range.bottom, range.right)}`;
}

/** Reads "B2:D5", "$B$2:$D$5" or "B2"; undefined for anything else (whole columns, names …). */
export function parseRange(text: string): CellRange | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(text.trim());
  if (!m) return undefined;
  const r1 = Number(m[2]);
  const c1 = columnNumber(m[1]);
  const r2 = m[4] ? Number(m[4]) : r1;
  const c2 = m[3] ? columnNumber(m[3]) : c1;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

/** The value a person sees at a cell: a merged area shows its top-left cell's value everywhere inside it. */
export function shownCell(grid: Grid, row: number, col: number): GridCell | undefined {
  const merge = mergeAt(grid, row, col);
  return merge ? cellAt(grid, merge.top, merge.left) : cellAt(grid, row, col);
}

/** A cell's text for headers and labels: strings as they are, numbers and booleans as shown, blanks "". */
export function cellText(cell: GridCell | undefined): string {
  if (!cell || cell.value === null) return "";
  return typeof cell.value === "string" ? cell.value : String(cell.value);
}

export interface GridInput {
  name?: string;
  /** Top-left cell of `values` (1-based); defaults to A1. */
  top?: number;
  left?: number;
  values: GridValue[][];
  /** Formulas without "=" (or with it: a leading "=" is dropped), same shape as `values`; "" where none. */
  formulas?: Array<Array<string | null | undefined>>;
  /** Merged areas as A1 ranges ("A1:C1") or rectangles. */
  merges?: Array<string | CellRange>;
  tables?: Array<string | CellRange>;
}

function toRange(r: string | CellRange): CellRange {
  if (typeof r !== "string") return r;
  const range = parseRange(r);
  if (!range) throw new Error(`not a cell range: ${r}`);
  return range;
}

/** A grid from 2-D arrays, as a used range delivers them (Office.js `values`/`formulas`) or a test writes them. */
export function gridFromRows(input: GridInput): Grid {
  const top = input.top ?? 1;
  const left = input.left ?? 1;
  const cells = new Map<string, GridCell>();
  let maxRow = 0;
  let maxCol = 0;
  input.values.forEach((row, r) => {
    row.forEach((value, c) => {
      const raw = input.formulas?.[r]?.[c];
      const formula = typeof raw === "string" && raw !== "" ? raw.replace(/^=/, "") : undefined;
      const isError = typeof value === "string" && /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA)$/.test(value) && formula !== undefined;
      const cell: GridCell = isError ? { value: null, formula, error: value as string } : { value: value ?? null, formula };
      if (isEmptyCell(cell)) return;
      cells.set(cellKey(top + r, left + c), cell);
      maxRow = Math.max(maxRow, top + r);
      maxCol = Math.max(maxCol, left + c);
    });
  });
  const merges = (input.merges ?? []).map(toRange);
  for (const m of merges) {
    maxRow = Math.max(maxRow, m.bottom);
    maxCol = Math.max(maxCol, m.right);
  }
  return { name: input.name ?? "Sheet1", cells, merges, tables: (input.tables ?? []).map(toRange), maxRow, maxCol };
}

export { a1, columnLetter, columnNumber };
