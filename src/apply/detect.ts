// Finds the table in a sheet HR already uses: the header block (past title rows, info rows, merged and
// multi-row headers), the data rows (to a totals row, a notes block or the end), the name column (with or
// without a header) and whether the table is a roster (one row per employee) at all.
import { parseNumericText } from "../engine/input";
import { cellAt, cellText, inRange, isBlankCell, mergeAt, shownCell, type CellRange, type Grid, type GridCell } from "./grid";
import { containsWord, normalizeHeader } from "./normalize";
import { FORM_LABEL, PERIOD_HEADER, STAFF_HEADERS, TOTAL_ROW_WORDS, type StaffField } from "./synonyms";

export interface HeaderColumn {
  col: number;
  /** Header texts from the top header row down, each once: ["头条", "头条篇数"]; [] for a column without one. */
  path: string[];
  /** The lowest header text ("" when none). */
  leaf: string;
}

/** Why a table is not a roster. */
export type NotRosterReason = "no_table" | "no_data" | "no_name_column" | "form" | "kpis_as_rows";

export interface TableDetection {
  sheet: string;
  /** Rows of the header block; the column names sit in `bottom`. */
  header: { top: number; bottom: number };
  /** Non-blank rows above the header (titles, info lines). */
  titleRows: number[];
  left: number;
  right: number;
  /** Every column from `left` to `right`. */
  columns: HeaderColumn[];
  /** First and last data row (0 when there is none); blank rows between them are in `blankRows`. */
  firstDataRow: number;
  lastDataRow: number;
  dataRows: number[];
  blankRows: number[];
  /** The totals row that ended the data, if any. */
  totalsRow?: number;
  nameColumn?: { col: number; headerless: boolean };
  /** Columns that describe the employee (工号, 部门 …), by field. */
  staffColumns: Partial<Record<StaffField, number>>;
  roster: boolean;
  notRoster?: NotRosterReason;
}

export interface DetectOptions {
  /** Look only here (the user's selection). */
  within?: CellRange;
  /** Areas to treat as empty: blocks an earlier apply wrote. */
  exclude?: CellRange[];
  /** The row holding the column names, when the user says so. */
  headerRow?: number;
}

interface RowShape {
  /** Distinct non-blank areas starting in this row (a merged cell counts once). */
  areas: number;
  texts: number;
  numbers: number;
  /** Texts and numbers as shown, merged cells counted in every row they cover. */
  shownTexts: number;
  shownNumbers: number;
  /** Horizontal merges starting in this row. */
  groupMerges: number;
}

const MAX_HEADER_SEARCH = 40;

class SheetView {
  constructor(
    readonly grid: Grid,
    readonly bounds: CellRange,
    private readonly exclude: CellRange[],
  ) {}

  excluded(row: number, col: number): boolean {
    return this.exclude.some((r) => inRange(r, row, col));
  }

  /** The cell stored at a position (not what a merge shows), unless excluded. */
  own(row: number, col: number): GridCell | undefined {
    return this.excluded(row, col) ? undefined : cellAt(this.grid, row, col);
  }

  shown(row: number, col: number): GridCell | undefined {
    return this.excluded(row, col) ? undefined : shownCell(this.grid, row, col);
  }

  /** Whether (row, col) is covered by a merge that starts elsewhere. */
  covered(row: number, col: number): boolean {
    const m = mergeAt(this.grid, row, col);
    return !!m && (m.top !== row || m.left !== col);
  }

  isBlankRow(row: number, left = this.bounds.left, right = this.bounds.right): boolean {
    for (let c = left; c <= right; c++) if (!isBlankCell(this.own(row, c))) return false;
    return true;
  }

  shape(row: number, left = this.bounds.left, right = this.bounds.right): RowShape {
    const s: RowShape = { areas: 0, texts: 0, numbers: 0, shownTexts: 0, shownNumbers: 0, groupMerges: 0 };
    const seenShown = new Set<string>();
    for (let c = left; c <= right; c++) {
      const m = mergeAt(this.grid, row, c);
      if (m && m.top === row && m.left === c && m.right > m.left && !this.excluded(row, c)) s.groupMerges++;
      const own = this.covered(row, c) ? undefined : this.own(row, c);
      if (!isBlankCell(own)) {
        s.areas++;
        if (isNumberLike(own!)) s.numbers++;
        else s.texts++;
      }
      const shownKey = m ? `${m.top}:${m.left}` : `${row}:${c}`;
      if (seenShown.has(shownKey)) continue;
      seenShown.add(shownKey);
      const shown = this.shown(row, c);
      if (isBlankCell(shown)) continue;
      if (isNumberLike(shown!)) s.shownNumbers++;
      else s.shownTexts++;
    }
    return s;
  }
}

function isNumberLike(cell: GridCell): boolean {
  if (typeof cell.value === "number") return true;
  if (typeof cell.value === "string") return parseNumericText(cell.value) !== undefined;
  return false;
}

function isHeaderLike(s: RowShape): boolean {
  return s.shownTexts >= 2 && s.shownNumbers * 3 <= s.shownTexts;
}

function isDataLike(s: RowShape): boolean {
  return s.numbers >= 2 || (s.numbers >= 1 && s.numbers * 2 >= s.texts);
}

function staffField(text: string): StaffField | undefined {
  const n = normalizeHeader(text);
  if (!n) return undefined;
  for (const [field, words] of Object.entries(STAFF_HEADERS) as Array<[StaffField, readonly string[]]>) {
    if (words.some((w) => normalizeHeader(w) === n)) return field;
  }
  return undefined;
}

function isTotalsLabel(text: string): boolean {
  const n = normalizeHeader(text);
  if (!n || n.length > 20) return false;
  return TOTAL_ROW_WORDS.some((w) => containsWord(n, w));
}

const INDICATOR_HEADERS = ["kpi指标", "指标", "考核指标", "指标名称", "考核项目", "考核内容", "考核维度", "kpi", "indicator", "metric"];

/**
 * Finds the table on a sheet. Never throws: a sheet without a recognisable table gives `notRoster: "no_table"`.
 */
export function detectTable(grid: Grid, options: DetectOptions = {}): TableDetection {
  const bounds: CellRange = options.within ?? { top: 1, left: 1, bottom: grid.maxRow, right: grid.maxCol };
  const view = new SheetView(grid, bounds, options.exclude ?? []);
  const empty: TableDetection = {
    sheet: grid.name,
    header: { top: 0, bottom: 0 },
    titleRows: [],
    left: 0,
    right: 0,
    columns: [],
    firstDataRow: 0,
    lastDataRow: 0,
    dataRows: [],
    blankRows: [],
    staffColumns: {},
    roster: false,
    notRoster: "no_table",
  };
  if (bounds.bottom < bounds.top || bounds.right < bounds.left) return empty;

  const bottom = options.headerRow ?? findHeaderRow(view);
  if (!bottom) return empty;
  const top = extendHeaderUp(view, bottom);

  // Columns: those with header text, widened over neighbours that hold data (a name column without a header).
  const headerCols: number[] = [];
  for (let c = bounds.left; c <= bounds.right; c++) {
    for (let r = top; r <= bottom; r++) {
      if (!isBlankCell(view.shown(r, c))) {
        headerCols.push(c);
        break;
      }
    }
  }
  if (!headerCols.length) return empty;
  let left = Math.min(...headerCols);
  let right = Math.max(...headerCols);
  // Header columns must be contiguous with the leftmost header column: a stray label far to the right is not
  // part of the table.
  right = contiguousRight(headerCols, left);

  // Data rows are found twice: once under the header's columns, then again across the columns the data
  // widened the table to (a totals label in a headerless name column ends the data too).
  let rows = findDataRows(view, bottom, left, right);
  const hasData = (col: number) => rows.data.some((r) => !isBlankCell(view.own(r, col)));
  const width = right - left;
  while (left > bounds.left && hasData(left - 1)) left--;
  while (right < bounds.right && hasData(right + 1)) right++;
  if (right - left !== width) rows = findDataRows(view, bottom, left, right);

  const columns: HeaderColumn[] = [];
  for (let c = left; c <= right; c++) {
    const path: string[] = [];
    for (let r = top; r <= bottom; r++) {
      const text = cellText(view.shown(r, c)).trim();
      if (text && path[path.length - 1] !== text) path.push(text);
    }
    columns.push({ col: c, path, leaf: path[path.length - 1] ?? "" });
  }

  const titleRows: number[] = [];
  for (let r = bounds.top; r < top; r++) if (!view.isBlankRow(r)) titleRows.push(r);

  const staffColumns: Partial<Record<StaffField, number>> = {};
  for (const column of columns) {
    const field = column.leaf ? staffField(column.leaf) : undefined;
    if (field && staffColumns[field] === undefined) staffColumns[field] = column.col;
  }
  let nameColumn: TableDetection["nameColumn"];
  if (staffColumns.name !== undefined) nameColumn = { col: staffColumns.name, headerless: false };
  else {
    const headerless = columns.find((c) => c.path.length === 0 && looksLikeNames(view, c.col, rows.data));
    if (headerless) nameColumn = { col: headerless.col, headerless: true };
  }

  const detection: TableDetection = {
    sheet: grid.name,
    header: { top, bottom },
    titleRows,
    left,
    right,
    columns,
    firstDataRow: rows.data[0] ?? 0,
    lastDataRow: rows.data[rows.data.length - 1] ?? 0,
    dataRows: rows.data,
    blankRows: rows.blank,
    totalsRow: rows.totals,
    nameColumn,
    staffColumns,
    roster: false,
  };
  detection.notRoster = whyNotRoster(view, detection);
  detection.roster = detection.notRoster === undefined;
  return detection;
}

function contiguousRight(cols: number[], left: number): number {
  const set = new Set(cols);
  let right = left;
  // One empty spacer column inside a header is tolerated; two end the table.
  for (;;) {
    if (set.has(right + 1)) right++;
    else if (set.has(right + 2)) right += 2;
    else return right;
  }
}

/** The header row: the header-like row followed by the longest run of data rows (the first on ties). */
function findHeaderRow(view: SheetView): number | undefined {
  const { bounds } = view;
  const last = Math.min(bounds.bottom, bounds.top + MAX_HEADER_SEARCH);
  let best: { row: number; run: number } | undefined;
  for (let r = bounds.top; r <= last; r++) {
    const shape = view.shape(r);
    if (!isHeaderLike(shape)) continue;
    const run = dataRunAfter(view, r);
    if (run > 0 && (!best || run > best.run)) best = { row: r, run };
  }
  if (best) return best.row;
  // Text-only rosters (level codes typed as A/B/C): the first header-like row naming a name column.
  for (let r = bounds.top; r <= last; r++) {
    if (!isHeaderLike(view.shape(r))) continue;
    for (let c = bounds.left; c <= bounds.right; c++) {
      if (staffField(cellText(view.shown(r, c))) === "name" && !view.isBlankRow(r + 1)) return r;
    }
  }
  return undefined;
}

/** How many data-like rows follow a row (single blank rows skipped), before anything else. */
function dataRunAfter(view: SheetView, row: number): number {
  let run = 0;
  let blanks = 0;
  for (let r = row + 1; r <= view.bounds.bottom; r++) {
    if (view.isBlankRow(r)) {
      if (++blanks > 2) break;
      continue;
    }
    blanks = 0;
    const shape = view.shape(r);
    if (!isDataLike(shape)) break;
    run++;
  }
  return run;
}

/** Rows above the column names that belong to the header: joined to it by merges, holding group headings. */
function extendHeaderUp(view: SheetView, bottom: number): number {
  let top = bottom;
  for (let r = bottom - 1; r >= view.bounds.top; r--) {
    if (view.isBlankRow(r)) break;
    const shape = view.shape(r);
    if (shape.numbers > 0) break;
    if (rowHasFormLabel(view, r)) break;
    const vertical = view.grid.merges.some((m) => m.top <= r && m.bottom >= top && m.bottom > m.top && m.left >= view.bounds.left && m.right <= view.bounds.right);
    const groups = shape.groupMerges >= 2 || (shape.groupMerges >= 1 && shape.areas >= 2);
    if (!vertical && !groups) break;
    top = r;
  }
  return top;
}

function rowHasFormLabel(view: SheetView, row: number): boolean {
  for (let c = view.bounds.left; c <= view.bounds.right; c++) {
    if (FORM_LABEL.test(cellText(view.own(row, c)).normalize("NFKC").replace(/\s+/g, ""))) return true;
  }
  return false;
}

function findDataRows(view: SheetView, headerBottom: number, left: number, right: number): { data: number[]; blank: number[]; totals?: number } {
  const data: number[] = [];
  const blank: number[] = [];
  let pendingBlanks: number[] = [];
  let totals: number | undefined;
  const width = right - left + 1;
  for (let r = headerBottom + 1; r <= view.bounds.bottom; r++) {
    if (view.isBlankRow(r, left, right)) {
      pendingBlanks.push(r);
      if (pendingBlanks.length > 2 && data.length) break;
      if (pendingBlanks.length > 3) break;
      continue;
    }
    if (isTotalsRow(view, r, left, right)) {
      totals = r;
      break;
    }
    if (isNotesRow(view, r, left, right, width)) break;
    if (data.length) blank.push(...pendingBlanks);
    pendingBlanks = [];
    data.push(r);
  }
  return { data, blank, totals };
}

function isTotalsRow(view: SheetView, row: number, left: number, right: number): boolean {
  let labels = 0;
  for (let c = left; c <= right && labels < 3; c++) {
    const cell = view.own(row, c);
    if (isBlankCell(cell)) continue;
    if (typeof cell!.value === "string" && !cell!.formula) {
      labels++;
      if (isTotalsLabel(cell!.value)) return true;
    }
  }
  // SUM/AVERAGE formulas over the rows above, and no label: a totals row without a caption.
  let aggregates = 0;
  for (let c = left; c <= right; c++) {
    const f = view.own(row, c)?.formula;
    if (f && /^\s*(SUM|AVERAGE|SUBTOTAL|AVERAGEA)\(\s*\$?[A-Z]{1,3}\$?\d+:\$?[A-Z]{1,3}\$?\d+\s*\)\s*$/i.test(f)) aggregates++;
  }
  return aggregates >= 2;
}

/** A merged block of text across the table (notes, rules), or one long text with nothing beside it. */
function isNotesRow(view: SheetView, row: number, left: number, right: number, width: number): boolean {
  const shape = view.shape(row, left, right);
  if (shape.areas !== 1 || shape.numbers > 0) return false;
  for (let c = left; c <= right; c++) {
    const m = mergeAt(view.grid, row, c);
    if (m && m.top === row && m.left === c && m.right - m.left + 1 >= Math.max(3, Math.ceil(width / 2))) return true;
    const cell = view.own(row, c);
    if (!isBlankCell(cell)) return typeof cell!.value === "string" && cell!.value.length > 40;
  }
  return false;
}

/** Person-like names: text (not numbers) in most data rows, mostly distinct, short. */
function looksLikeNames(view: SheetView, col: number, rows: number[]): boolean {
  if (!rows.length) return false;
  const texts = rows.map((r) => view.own(r, col)).filter((c) => !isBlankCell(c) && typeof c!.value === "string" && !isNumberLike(c!));
  if (texts.length < Math.max(1, rows.length * 0.6)) return false;
  const values = texts.map((c) => (c!.value as string).trim());
  if (values.some((v) => v.length > 30)) return false;
  return new Set(values).size >= values.length * 0.8;
}

function whyNotRoster(view: SheetView, d: TableDetection): NotRosterReason | undefined {
  if (!d.dataRows.length) return "no_data";
  const periods = d.columns.filter((c) => PERIOD_HEADER.test(normalizeHeader(c.leaf))).length;
  const formAbove = !d.nameColumn && d.titleRows.some((r) => rowHasFormLabel(view, r));
  if (formAbove) return "form";
  const indicatorColumn = d.columns.some((c) => INDICATOR_HEADERS.includes(normalizeHeader(c.leaf)));
  if (periods >= 3 || (indicatorColumn && !d.nameColumn)) return "kpis_as_rows";
  if (!d.nameColumn) return "no_name_column";
  return undefined;
}
