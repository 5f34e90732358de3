// A SheetPlan says what a sheet contains: cells, formulas, styles, merges, validation, conditional formats,
// names, a table, protection and print set-up. It is plain data: src/excel (Office.js) and src/xlsx (ExcelJS)
// write the same plan, and tests read it without either.
//
// Coordinates are 1-based (row 1, column 1 = A1). Formulas are stored without the leading "=", unprefixed
// (no _xlfn.), in A1 style for single cells and in R1C1 style for columns that repeat one formula on every row.

export type CellValue = string | number | boolean | null;

/** Named styles, so writers map them to one theme; see src/sheets/theme.ts. */
export type StyleName =
  | "title"
  | "subtitle"
  | "header"
  | "label"
  | "text"
  | "input"
  | "score"
  | "total"
  | "section"
  | "note"
  | "rule_header"
  | "rule_cell"
  | "rule_input";

export interface CellStyle {
  style: StyleName;
  /** Excel number format, e.g. "0%", "0.0", "0.00", "@" (text). */
  numFmt?: string;
  wrap?: boolean;
}

export interface CellPlan {
  row: number;
  col: number;
  value?: CellValue;
  /** A1 formula without "=". */
  formula?: string;
  style?: CellStyle;
}

/** One formula repeated down a column: R1C1 so one string serves every row (Office.js assigns it in one call). */
export interface ColumnFormula {
  col: number;
  firstRow: number;
  lastRow: number;
  r1c1: string;
  style?: CellStyle;
}

/** A rectangular block of values written at once (staff lists). `textColumns` are offsets kept as text. */
export interface ValueBlock {
  row: number;
  col: number;
  values: CellValue[][];
  textColumns: number[];
  style?: CellStyle;
}

export interface ValidationPlan {
  /** A1 range on this sheet, e.g. "E2:E51". */
  range: string;
  type: "decimal" | "whole" | "list";
  min?: number;
  max?: number;
  /** For lists: a formula giving the allowed values, e.g. "KPI_support_kpi_daily_report_p1_code". */
  list?: string;
  /** stop refuses other values; information lets a typed score through a level list after a note. */
  errorStyle: "stop" | "warning" | "information";
  promptTitle: string;
  prompt: string;
  errorTitle: string;
  error: string;
}

export interface ConditionalFormatPlan {
  /** A1 range on this sheet. */
  range: string;
  /** A1 formula relative to the range's top-left cell, true where the format applies. */
  formula: string;
  format: "invalid" | "grade_top" | "grade_bottom";
}

export interface NamePlan {
  /** Workbook-level defined name. */
  name: string;
  /** Absolute A1 reference on this plan's sheet, e.g. "$C$5:$C$9"; the writer adds the final sheet name. */
  ref: string;
  comment?: string;
}

export interface TablePlan {
  /** Requested name; writers make it unique (KPI_<template>, KPI_<template>_2 …). */
  name: string;
  /** A1 range including the header row. */
  range: string;
  showFilterButtons: boolean;
}

export interface PrintPlan {
  orientation: "portrait" | "landscape";
  paper: "A4";
  fitToWidth: 1;
  /** Rows repeated at the top of every printed page, e.g. [1, 1]. */
  titleRows?: [number, number];
  header: string;
  footer: string;
}

export interface ProtectionPlan {
  /** Accident prevention, not security: empty means no password. */
  password: string;
  allowSort: boolean;
  allowAutoFilter: boolean;
}

export type SheetKind = "rules" | "roster" | "form";

export interface SheetPlan {
  /** Stable id inside the workbook plan (names refer to sheets by id until the writer knows final names). */
  id: string;
  kind: SheetKind;
  /** Requested sheet name; writers make it unique and valid. */
  name: string;
  cells: CellPlan[];
  columnFormulas: ColumnFormula[];
  blocks: ValueBlock[];
  columnWidths: Array<{ col: number; width: number }>;
  rowHeights: Array<{ row: number; height: number }>;
  merges: string[];
  validations: ValidationPlan[];
  conditionalFormats: ConditionalFormatPlan[];
  names: NamePlan[];
  table?: TablePlan;
  protection?: ProtectionPlan;
  print: PrintPlan;
  /** Rows and columns frozen at the top-left. */
  freeze?: { rows: number; cols: number };
  /** Cells that are inputs (unlocked, shaded): A1 ranges. */
  inputRanges: string[];
  /** Input columns: shaded, unlocked, formatted (rates as 0%), no formula. */
  inputColumns: Array<{ col: number; firstRow: number; lastRow: number; style: CellStyle }>;
}

export interface WorkbookPlan {
  sheets: SheetPlan[];
  /** The CJK font named in the workbook. */
  font: string;
  /** Template id and period, for properties and markers. */
  templateId: string;
  period: string;
}

export function emptySheet(id: string, kind: SheetKind, name: string, print: PrintPlan): SheetPlan {
  return {
    id,
    kind,
    name,
    cells: [],
    columnFormulas: [],
    blocks: [],
    columnWidths: [],
    rowHeights: [],
    merges: [],
    validations: [],
    conditionalFormats: [],
    names: [],
    print,
    inputRanges: [],
    inputColumns: [],
  };
}
