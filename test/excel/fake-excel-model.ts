// The workbook a fake Excel host records: sheets, cells (value, formula, number format, format, quote prefix),
// merges, validations, conditional formats, defined names, tables, protection, page layout and frozen panes,
// and the rules Excel applies when they change (names valid and unique ignoring case, protected cells refuse
// edits, a table never covers merged cells, strings typed through Excel's parser). Plain TypeScript with no
// Node import: a browser page can load it as the host of the task pane.
import type { CellValue } from "../../src/sheets/plan";

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** 1-based, inclusive. */
export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** An error as Excel reports it from context.sync(): OfficeExtension.Error's name, code, message and debugInfo. */
export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(code: string, message: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message };
  }
}

export function officeError(code: string, message: string): FakeOfficeError {
  return new FakeOfficeError(code, message);
}

// ---------------------------------------------------------------------------------------------------------------
// Addresses

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function colLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function rectAddress(r: Rect, absolute = false): string {
  const d = absolute ? "$" : "";
  const cell = (row: number, col: number) => `${d}${colLetters(col)}${d}${row}`;
  return r.r1 === r.r2 && r.c1 === r.c2 ? cell(r.r1, r.c1) : `${cell(r.r1, r.c1)}:${cell(r.r2, r.c2)}`;
}

/** Parses one area: A1, A1:B2, $A$1:$B$2, A:C (whole columns), 1:3 (whole rows), with an optional Sheet! prefix. */
export function parseArea(address: string): { sheet?: string; rect: Rect } {
  let text = address.trim();
  let sheet: string | undefined;
  const bang = text.lastIndexOf("!");
  if (bang >= 0) {
    sheet = text.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    text = text.slice(bang + 1);
  }
  const bad = () =>
    officeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: "${address}".`);
  let m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(text);
  let rect: Rect;
  if (m) {
    const r1 = Number(m[2]);
    const c1 = colNumber(m[1]);
    rect = m[3] ? { r1, c1, r2: Number(m[4]), c2: colNumber(m[3]) } : { r1, c1, r2: r1, c2: c1 };
  } else if ((m = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/i.exec(text))) {
    rect = { r1: 1, c1: colNumber(m[1]), r2: MAX_ROWS, c2: colNumber(m[2]) };
  } else if ((m = /^\$?(\d+):\$?(\d+)$/.exec(text))) {
    rect = { r1: Number(m[1]), c1: 1, r2: Number(m[2]), c2: MAX_COLS };
  } else throw bad();
  const norm = {
    r1: Math.min(rect.r1, rect.r2),
    c1: Math.min(rect.c1, rect.c2),
    r2: Math.max(rect.r1, rect.r2),
    c2: Math.max(rect.c1, rect.c2),
  };
  if (norm.r1 < 1 || norm.c1 < 1 || norm.r2 > MAX_ROWS || norm.c2 > MAX_COLS) throw bad();
  return { sheet, rect: norm };
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

// ---------------------------------------------------------------------------------------------------------------
// Names as Excel accepts them

/** Sheet names: 1–31 characters, none of []:*?/\, no apostrophe at either end, not History. */
export function sheetNameProblem(name: unknown): string | undefined {
  if (typeof name !== "string" || name.length === 0) return "empty";
  if (name.length > 31) return "longer than 31 characters";
  if (/[[\]:*?/\\]/.test(name)) return "contains one of []:*?/\\";
  if (name.startsWith("'") || name.endsWith("'")) return "starts or ends with an apostrophe";
  if (name.toLowerCase() === "history") return "History is reserved";
  return undefined;
}

/** Defined and table names: a letter, _ or \ first; letters, digits, _ . \ after; not a cell reference; ≤ 255. */
export function isExcelName(name: unknown): boolean {
  if (typeof name !== "string" || name.length === 0 || name.length > 255) return false;
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\?]*$/u.test(name)) return false;
  if (/^[rc]$/i.test(name)) return false;
  if (/^r\d*c\d*$/i.test(name) || /^r\d+$/i.test(name) || /^c\d+$/i.test(name)) return false;
  const a1 = /^([a-z]{1,3})(\d+)$/i.exec(name);
  if (a1 && colNumber(a1[1]) <= MAX_COLS && Number(a1[2]) >= 1 && Number(a1[2]) <= MAX_ROWS) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// Cell formats, shared: cells point at one immutable format each, changed by lookup.

export type Side = "Top" | "Bottom" | "Left" | "Right";

export interface CellFormat {
  readonly fontName: string;
  readonly fontSize: number;
  readonly bold: boolean;
  readonly fontColor: string;
  /** "#RRGGBB" or null for no fill. */
  readonly fill: string | null;
  /** "Continuous|#BFBFBF|Thin" or null. */
  readonly borderTop: string | null;
  readonly borderBottom: string | null;
  readonly borderLeft: string | null;
  readonly borderRight: string | null;
  readonly horizontal: string;
  readonly vertical: string;
  readonly wrap: boolean;
  readonly locked: boolean;
}

export const DEFAULT_FORMAT: CellFormat = Object.freeze({
  fontName: "Calibri",
  fontSize: 11,
  bold: false,
  fontColor: "#000000",
  fill: null,
  borderTop: null,
  borderBottom: null,
  borderLeft: null,
  borderRight: null,
  horizontal: "General",
  vertical: "Bottom",
  wrap: false,
  locked: true,
});

class FormatPool {
  private readonly next = new Map<CellFormat, Map<string, CellFormat>>();

  with<K extends keyof CellFormat>(format: CellFormat, key: K, value: CellFormat[K]): CellFormat {
    if (format[key] === value) return format;
    let edges = this.next.get(format);
    if (!edges) this.next.set(format, (edges = new Map()));
    const edge = `${key}\u0000${String(value)}`;
    let to = edges.get(edge);
    if (!to) edges.set(edge, (to = Object.freeze({ ...format, [key]: value })));
    return to;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Excel's typing parser: what a string written through range.values becomes.

export interface Typed {
  value: CellValue;
  formula?: string;
  quotePrefix?: boolean;
}

const serial = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;

/**
 * A string as Excel stores it when written through range.values (as if typed): numbers (leading zeros dropped,
 * exponents, percents, thousands), dates and times, booleans, formulas (=, +, -, @), a leading apostrophe taken
 * as the quote prefix, a leading tab dropped. A cell formatted as text ("@") keeps any string as it is.
 */
export function typeLikeExcel(input: unknown, numberFormat: string, year: number): Typed {
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw officeError("InvalidArgument", `${input} is not a value Excel can store.`);
    return { value: input };
  }
  if (typeof input === "boolean") return { value: input };
  if (typeof input !== "string")
    throw officeError("InvalidArgument", `Unsupported cell value ${JSON.stringify(input)}.`);
  if (input === "") return { value: null };
  if (input.startsWith("'")) return { value: input.slice(1), quotePrefix: true };
  if (numberFormat === "@") return { value: input };
  if (input.startsWith("=") && input.length > 1) return { value: null, formula: checkFormula(input) };
  const t = input.trim();
  const num = /^([+-]?)(\d+(?:,\d{3})*|\d*)(\.\d*)?(?:e([+-]?\d+))?(%?)$/i.exec(t);
  if (num && /\d/.test(num[2] + (num[3] ?? ""))) {
    const n = Number(`${num[1]}${num[2].replace(/,/g, "")}${num[3] ?? ""}${num[4] !== undefined ? `e${num[4]}` : ""}`);
    return { value: num[5] ? n / 100 : n };
  }
  if (/^true$/i.test(t)) return { value: true };
  if (/^false$/i.test(t)) return { value: false };
  if (/^[+\-@]/.test(input))
    return { value: null, formula: checkFormula(`=${input.startsWith("@") ? input.slice(1) : input}`) };
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})[-/](\d{1,2})$/.exec(t)) && Number(m[2]) >= 1 && Number(m[2]) <= 12)
    return { value: serial(Number(m[1]), Number(m[2]), 1) };
  if ((m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t)))
    return { value: serial(Number(m[1]), Number(m[2]), Number(m[3])) };
  if ((m = /^(\d{1,2})[-/](\d{1,2})$/.exec(t)) && Number(m[1]) >= 1 && Number(m[1]) <= 12)
    return { value: serial(year, Number(m[1]), Number(m[2])) };
  if ((m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t)))
    return { value: (Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0)) / 86_400 };
  if (input.startsWith("\t")) return { value: input.replace(/^\t+/, "") };
  return { value: input };
}

/** Excel refuses formulas it cannot parse; the fake checks what a writer gets wrong most: quotes, brackets, length. */
export function checkFormula(formula: string): string {
  if (formula.length > 8192)
    throw officeError("FormulaLengthExceedsLimit", "The formula is longer than 8,192 characters.");
  let depth = 0;
  let inString = false;
  for (const ch of formula) {
    if (ch === '"') inString = !inString;
    else if (!inString && ch === "(") depth++;
    else if (!inString && ch === ")" && --depth < 0) break;
  }
  if (inString || depth !== 0)
    throw officeError("InvalidArgument", `Excel cannot parse the formula ${formula.slice(0, 80)}.`);
  return formula;
}

// ---------------------------------------------------------------------------------------------------------------
// The workbook

export interface FakeCell {
  value: CellValue;
  /** A1, with "=". */
  formula?: string;
  /** R1C1, with "=", when the formula was written that way. */
  formulaR1C1?: string;
  numberFormat: string;
  quotePrefix: boolean;
  format: CellFormat;
}

export interface FakeValidation {
  rects: Rect[];
  rule?: Excel.DataValidationRule;
  prompt?: Excel.DataValidationPrompt;
  errorAlert?: Excel.DataValidationErrorAlert;
  ignoreBlanks: boolean;
}

export interface FakeConditionalFormat {
  rects: Rect[];
  type: string;
  /** With "=". */
  formula?: string;
  fill?: string;
}

export interface FakeName {
  name: string;
  /** ='Sheet'!$A$1:$B$2 */
  formula: string;
  sheetId?: string;
  rect?: Rect;
  comment?: string;
}

export interface FakeTable {
  id: string;
  name: string;
  sheetId: string;
  rect: Rect;
  showFilterButton: boolean;
  showBandedRows: boolean;
  style: string;
}

export interface FakePageLayout {
  orientation: string;
  paperSize: string;
  zoom: Excel.PageLayoutZoomOptions;
  printTitleRows?: string;
  centerHeader: string;
  centerFooter: string;
}

export interface FakeProtection {
  protected: boolean;
  options: Excel.WorksheetProtectionOptions;
  password?: string;
}

const key = (row: number, col: number) => row * (MAX_COLS + 1) + col;

export class FakeSheet {
  readonly cells = new Map<number, FakeCell>();
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly merges: Rect[] = [];
  readonly validations: FakeValidation[] = [];
  readonly conditionalFormats: FakeConditionalFormat[] = [];
  protection: FakeProtection = { protected: false, options: {} };
  freeze?: { rows: number; cols: number };
  pageLayout: FakePageLayout = {
    orientation: "Portrait",
    paperSize: "Letter",
    zoom: { scale: 100 },
    centerHeader: "",
    centerFooter: "",
  };

  constructor(
    readonly workbook: FakeWorkbookModel,
    readonly id: string,
    public name: string,
  ) {}

  cell(row: number, col: number): FakeCell | undefined {
    return this.cells.get(key(row, col));
  }

  touch(row: number, col: number): FakeCell {
    let cell = this.cells.get(key(row, col));
    if (!cell)
      this.cells.set(
        key(row, col),
        (cell = { value: null, numberFormat: "General", quotePrefix: false, format: DEFAULT_FORMAT }),
      );
    return cell;
  }

  *cellsIn(rects: Rect[], create: boolean): Generator<{ row: number; col: number; cell: FakeCell | undefined }> {
    for (const r of rects) {
      for (let row = r.r1; row <= r.r2; row++) {
        for (let col = r.c1; col <= r.c2; col++)
          yield { row, col, cell: create ? this.touch(row, col) : this.cell(row, col) };
      }
    }
  }

  /** Every cell in order, for export. */
  entries(): Array<{ row: number; col: number; cell: FakeCell }> {
    return [...this.cells.entries()]
      .map(([k, cell]) => ({ row: Math.floor(k / (MAX_COLS + 1)), col: k % (MAX_COLS + 1), cell }))
      .sort((a, b) => a.row - b.row || a.col - b.col);
  }

  /** Refuses edits of locked cells (contents) or of formats when the sheet is protected, as Excel does. */
  guard(rects: Rect[], what: "contents" | "format" | "columns" | "rows" | "structure"): void {
    if (!this.protection.protected) return;
    const denied = () =>
      officeError(
        "AccessDenied",
        `The cell or chart you're trying to change is on a protected sheet ("${this.name}").`,
      );
    const o = this.protection.options;
    if (what === "format" && !o.allowFormatCells) throw denied();
    if (what === "columns" && !o.allowFormatColumns) throw denied();
    if (what === "rows" && !o.allowFormatRows) throw denied();
    if (what === "structure") throw denied();
    if (what === "contents") {
      for (const { cell } of this.cellsIn(rects, false)) if ((cell?.format ?? DEFAULT_FORMAT).locked) throw denied();
    }
  }

  setFormat<K extends keyof CellFormat>(rects: Rect[], prop: K, value: CellFormat[K]): void {
    this.guard(rects, "format");
    const pool = this.workbook.formats;
    for (const { cell } of this.cellsIn(rects, true)) cell!.format = pool.with(cell!.format, prop, value);
  }

  /** The common value of a format property over the range, or null when cells differ (as Office.js reads it). */
  readFormat<K extends keyof CellFormat>(rects: Rect[], prop: K): CellFormat[K] | null {
    let seen: CellFormat[K] | undefined;
    for (const { cell } of this.cellsIn(rects, false)) {
      const v = (cell?.format ?? DEFAULT_FORMAT)[prop];
      if (seen === undefined) seen = v;
      else if (seen !== v) return null;
    }
    return seen ?? null;
  }

  tables(): FakeTable[] {
    return this.workbook.tables.filter((t) => t.sheetId === this.id);
  }
}

export class FakeWorkbookModel {
  readonly sheets: FakeSheet[] = [];
  readonly names: FakeName[] = [];
  readonly tables: FakeTable[] = [];
  readonly formats = new FormatPool();
  protection: { protected: boolean; password?: string } = { protected: false };
  activeSheetId?: string;
  /** Each sheet's selection by sheet id, as Range.select() leaves it (A1 where absent). */
  readonly selections = new Map<string, Rect>();
  /** Recalculations asked for through Application.calculate, in order ("Full", "Recalculate" …). */
  readonly calculations: string[] = [];
  private nextSheetId = 1;
  private nextTableId = 1;

  sheet(nameOrId: string): FakeSheet | undefined {
    const lower = nameOrId.toLowerCase();
    return this.sheets.find((s) => s.id === nameOrId || s.name.toLowerCase() === lower);
  }

  sheetById(id: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  /** Adds a sheet at the end, as worksheets.add does. */
  addSheet(name?: string): FakeSheet {
    if (this.protection.protected) throw officeError("AccessDenied", "The workbook's structure is protected.");
    let wanted = name;
    if (wanted === undefined || wanted === "") {
      let n = this.sheets.length + 1;
      while (this.sheet(`Sheet${n}`)) n++;
      wanted = `Sheet${n}`;
    }
    const problem = sheetNameProblem(wanted);
    if (problem) throw officeError("InvalidArgument", `The sheet name "${wanted}" is not valid: ${problem}.`);
    if (this.sheet(wanted))
      throw officeError("ItemAlreadyExists", `A sheet named "${wanted}" already exists (names ignore case).`);
    const sheet = new FakeSheet(this, `{fake-sheet-${this.nextSheetId++}}`, wanted);
    this.sheets.push(sheet);
    this.activeSheetId ??= sheet.id;
    return sheet;
  }

  renameSheet(sheet: FakeSheet, name: string): void {
    if (this.protection.protected) throw officeError("AccessDenied", "The workbook's structure is protected.");
    const problem = sheetNameProblem(name);
    if (problem) throw officeError("InvalidArgument", `The sheet name "${name}" is not valid: ${problem}.`);
    const other = this.sheet(name);
    if (other && other !== sheet)
      throw officeError("ItemAlreadyExists", `A sheet named "${name}" already exists (names ignore case).`);
    sheet.name = name;
  }

  deleteSheet(sheet: FakeSheet): void {
    if (this.protection.protected) throw officeError("AccessDenied", "The workbook's structure is protected.");
    if (this.sheets.length === 1)
      throw officeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (let i = this.tables.length - 1; i >= 0; i--) if (this.tables[i].sheetId === sheet.id) this.tables.splice(i, 1);
    for (const n of this.names)
      if (n.sheetId === sheet.id) Object.assign(n, { formula: "=#REF!", sheetId: undefined, rect: undefined });
    if (this.activeSheetId === sheet.id) this.activeSheetId = this.sheets[0]?.id;
  }

  /** Defined names and table names share one namespace, compared ignoring case. */
  nameTaken(name: string, except?: object): boolean {
    const lower = name.toLowerCase();
    return (
      this.names.some((n) => n !== except && n.name.toLowerCase() === lower) ||
      this.tables.some((t) => t !== except && t.name.toLowerCase() === lower)
    );
  }

  checkNewName(name: unknown, except?: object): string {
    if (!isExcelName(name)) throw officeError("InvalidArgument", `"${String(name)}" is not a valid name.`);
    if (this.nameTaken(name as string, except))
      throw officeError("ItemAlreadyExists", `The name "${String(name)}" already exists (names ignore case).`);
    return name as string;
  }

  addName(name: string, target: { sheet: FakeSheet; rect: Rect } | string, comment?: string): FakeName {
    this.checkNewName(name);
    const record: FakeName =
      typeof target === "string"
        ? { name, formula: target.startsWith("=") ? target : `=${target}`, comment }
        : {
            name,
            formula: `=${quoteSheetName(target.sheet.name)}!${rectAddress(target.rect, true)}`,
            sheetId: target.sheet.id,
            rect: target.rect,
            comment,
          };
    this.names.push(record);
    return record;
  }

  addTable(sheet: FakeSheet, rect: Rect, hasHeaders: boolean): FakeTable {
    sheet.guard([rect], "structure");
    if (!hasHeaders)
      throw officeError("NotImplemented", "The fake host only adds tables whose first row is the header.");
    if (rect.r2 <= rect.r1)
      throw officeError("InvalidArgument", "A table needs a header row and at least one data row.");
    if (sheet.merges.some((m) => intersects(m, rect)))
      throw officeError("InvalidOperation", "A table cannot overlap a range that contains merged cells.");
    if (sheet.tables().some((t) => intersects(t.rect, rect)))
      throw officeError("InvalidOperation", "A table cannot overlap another table.");
    // Headers become unique, non-blank text, as Excel makes them.
    const seen = new Set<string>();
    for (let col = rect.c1; col <= rect.c2; col++) {
      const cell = sheet.touch(rect.r1, col);
      let text = cell.formula !== undefined || cell.value === null ? "" : String(cell.value);
      if (text === "") text = `Column${col - rect.c1 + 1}`;
      let unique = text;
      for (let n = 2; seen.has(unique.toLowerCase()); n++) unique = `${text}${n}`;
      seen.add(unique.toLowerCase());
      Object.assign(cell, { value: unique, formula: undefined, formulaR1C1: undefined });
    }
    let n = this.tables.length + 1;
    while (this.nameTaken(`Table${n}`)) n++;
    const table: FakeTable = {
      id: String(this.nextTableId++),
      name: `Table${n}`,
      sheetId: sheet.id,
      rect,
      showFilterButton: true,
      showBandedRows: true,
      style: "TableStyleMedium2",
    };
    this.tables.push(table);
    return table;
  }

  /**
   * Table rows appended below a table (TableRowCollection.add): the cells must be empty; each new row copies the
   * number formats and formats of the table's last row, and validations and conditional formats that end on that
   * row grow with the table, as Excel extends them.
   */
  appendTableRows(table: FakeTable, rows: unknown[][], year: number): void {
    const sheet = this.sheetById(table.sheetId)!;
    const { r2: last, c1, c2 } = table.rect;
    const added: Rect = { r1: last + 1, c1, r2: last + rows.length, c2 };
    for (const { cell } of sheet.cellsIn([added], false)) {
      if (cell && (cell.value !== null || cell.formula !== undefined || cell.formulaR1C1 !== undefined))
        throw officeError("NotImplemented", "The fake host does not shift cells below a table; they must be empty.");
    }
    rows.forEach((values, i) => {
      for (let col = c1; col <= c2; col++) {
        const above = sheet.cell(last, col);
        const cell = sheet.touch(last + 1 + i, col);
        if (above) Object.assign(cell, { numberFormat: above.numberFormat, format: above.format });
        const v = values[col - c1];
        if (v === null || v === undefined || v === "") continue;
        const typed = typeLikeExcel(v, cell.numberFormat, year);
        Object.assign(cell, { value: typed.value, formula: typed.formula, quotePrefix: typed.quotePrefix === true });
      }
    });
    const grow = (rects: Rect[]) =>
      rects.map((r) => (r.r2 === last && r.c1 >= c1 && r.c2 <= c2 ? { ...r, r2: added.r2 } : r));
    for (const v of sheet.validations) v.rects = grow(v.rects);
    for (const f of sheet.conditionalFormats) f.rects = grow(f.rects);
    table.rect = { ...table.rect, r2: added.r2 };
  }

  /** Everything recorded about a sheet, as plain data: two snapshots are equal when nothing changed. */
  snapshotSheet(sheet: FakeSheet): unknown {
    return {
      name: sheet.name,
      position: this.sheets.indexOf(sheet),
      cells: sheet.entries(),
      columnWidths: [...sheet.columnWidths],
      rowHeights: [...sheet.rowHeights],
      merges: sheet.merges,
      validations: sheet.validations,
      conditionalFormats: sheet.conditionalFormats,
      protection: sheet.protection,
      freeze: sheet.freeze,
      pageLayout: sheet.pageLayout,
      tables: sheet.tables(),
      names: this.names.filter((n) => n.sheetId === sheet.id),
    };
  }
}
