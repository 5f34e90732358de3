// Writes a WorkbookPlan to an .xlsx file with ExcelJS (the CLI's writer). Text is written as text, never
// parsed; formulas are written unprefixed with an optional cached result, so previewers that never
// recalculate (mail, chat) still show the engine's scores.
import ExcelJS from "exceljs";
import { quoteSheet, r1c1ToA1, uniqueDefinedName, uniqueSheetName, a1 } from "../sheets/a1";
import type { CellPlan, CellStyle, CellValue, SheetPlan, WorkbookPlan } from "../sheets/plan";
import { FORMAT_FILLS, THEME } from "../sheets/theme";

/** Cached results for formula cells, by sheet id then "row:col". */
export type CachedResults = Map<string, Map<string, CellValue>>;

/** Cell values to place over the plan (e.g. test inputs), by sheet id then "row:col". */
export type Overrides = Map<string, Map<string, CellValue>>;

export interface WriteOptions {
  results?: CachedResults;
  overrides?: Overrides;
  /** Existing sheet names (when adding to a workbook). */
  creator?: string;
}

export interface WrittenSheet {
  id: string;
  name: string;
  tableName?: string;
}

function excelStyle(style: CellStyle | undefined, font: string): Partial<ExcelJS.Style> {
  const theme = THEME[style?.style ?? "text"];
  const out: Partial<ExcelJS.Style> = {
    font: { name: font, size: theme.size ?? 11, bold: theme.bold, color: theme.color ? { argb: theme.color } : undefined },
    protection: { locked: theme.locked },
    alignment: { vertical: "middle", horizontal: theme.align, wrapText: style?.wrap },
  };
  if (theme.fill) out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: theme.fill } };
  if (theme.border) {
    const thin = { style: "thin" as const, color: { argb: "FFBFBFBF" } };
    out.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (style?.numFmt) out.numFmt = style.numFmt;
  return out;
}

function cellValue(plan: CellPlan | { formula?: string; value?: CellValue }, result: CellValue | undefined): ExcelJS.CellValue {
  if (plan.formula !== undefined) {
    return result === undefined || result === null ? ({ formula: plan.formula } as ExcelJS.CellFormulaValue) : ({ formula: plan.formula, result } as ExcelJS.CellFormulaValue);
  }
  const v = plan.value;
  return v === undefined ? null : v;
}

/** Builds the ExcelJS workbook for a plan. Sheet and table names are made unique and valid. */
export async function planToWorkbook(plan: WorkbookPlan, options: WriteOptions = {}): Promise<{ workbook: ExcelJS.Workbook; sheets: WrittenSheet[] }> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = options.creator ?? "KPI Scorecards";
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  const takenSheets: string[] = [];
  const takenNames: string[] = [];
  const written: WrittenSheet[] = [];
  for (const sheet of plan.sheets) {
    const name = uniqueSheetName(sheet.name, takenSheets);
    takenSheets.push(name);
    const ws = workbook.addWorksheet(name, {
      views: sheet.freeze ? [{ state: "frozen", xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows }] : [],
      pageSetup: {
        paperSize: 9,
        orientation: sheet.print.orientation,
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: sheet.print.titleRows ? `${sheet.print.titleRows[0]}:${sheet.print.titleRows[1]}` : undefined,
      },
      headerFooter: { oddHeader: `&C${sheet.print.header}`, oddFooter: `&C${sheet.print.footer}` },
    });
    const tableName = writeSheet(ws, sheet, plan.font, options, takenNames);
    written.push({ id: sheet.id, name, tableName });
  }
  // Defined names last: they need every sheet's final name.
  for (const sheet of plan.sheets) {
    const sheetName = written.find((w) => w.id === sheet.id)!.name;
    for (const n of sheet.names) {
      workbook.definedNames.add(`${quoteSheet(sheetName)}!${n.ref}`, n.name);
    }
  }
  return { workbook, sheets: written };
}

function writeSheet(ws: ExcelJS.Worksheet, sheet: SheetPlan, font: string, options: WriteOptions, takenNames: string[]): string | undefined {
  const results = options.results?.get(sheet.id);
  const overrides = options.overrides?.get(sheet.id);
  const key = (row: number, col: number) => `${row}:${col}`;

  for (const { col, width } of sheet.columnWidths) ws.getColumn(col).width = width;
  for (const { row, height } of sheet.rowHeights) ws.getRow(row).height = height;

  for (const column of sheet.inputColumns) {
    for (let row = column.firstRow; row <= column.lastRow; row++) {
      const cell = ws.getCell(row, column.col);
      cell.style = excelStyle(column.style, font);
      const over = overrides?.get(key(row, column.col));
      if (over !== undefined) cell.value = over;
    }
  }
  for (const block of sheet.blocks) {
    const height = Math.max(block.values.length, 0);
    block.values.forEach((rowValues, r) => {
      rowValues.forEach((v, c) => {
        const cell = ws.getCell(block.row + r, block.col + c);
        cell.style = excelStyle(block.style, font);
        // Strings go in as strings: ExcelJS never parses them, so 00123 and =1+1 stay text.
        cell.value = v;
      });
    });
    void height;
  }
  for (const cellPlan of sheet.cells) {
    const cell = ws.getCell(cellPlan.row, cellPlan.col);
    cell.style = excelStyle(cellPlan.style, font);
    const over = overrides?.get(key(cellPlan.row, cellPlan.col));
    cell.value = over !== undefined ? over : cellValue(cellPlan, results?.get(key(cellPlan.row, cellPlan.col)));
  }
  for (const cf of sheet.columnFormulas) {
    for (let row = cf.firstRow; row <= cf.lastRow; row++) {
      const cell = ws.getCell(row, cf.col);
      cell.style = excelStyle(cf.style, font);
      const over = overrides?.get(key(row, cf.col));
      cell.value = over !== undefined ? over : cellValue({ formula: r1c1ToA1(cf.r1c1, row, cf.col) }, results?.get(key(row, cf.col)));
    }
  }
  for (const range of sheet.merges) ws.mergeCells(range);
  for (const v of sheet.validations) {
    // A bound the catalog does not state is not invented: no minimum means any number up to the maximum.
    const formulae = v.type === "list" ? [v.list!] : [v.min ?? -1e15, v.max ?? 1e15];
    (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(v.range, {
      type: v.type,
      operator: v.type === "list" ? undefined : "between",
      allowBlank: true,
      formulae,
      showInputMessage: true,
      promptTitle: v.promptTitle,
      prompt: v.prompt,
      showErrorMessage: true,
      errorStyle: v.errorStyle,
      errorTitle: v.errorTitle,
      error: v.error,
    } as ExcelJS.DataValidation);
  }
  sheet.conditionalFormats.forEach((cf, i) => {
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [
        {
          type: "expression",
          priority: i + 1,
          formulae: [cf.formula],
          style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: FORMAT_FILLS[cf.format] } } },
        } as ExcelJS.ConditionalFormattingRule,
      ],
    });
  });
  let tableName: string | undefined;
  if (sheet.table) {
    tableName = uniqueDefinedName(sheet.table.name, takenNames);
    takenNames.push(tableName);
    addTable(ws, sheet, tableName);
  }
  return tableName;
}

/**
 * ExcelJS writes a table's cells from its own rows, so the rows are read back from what was written; the
 * table then only adds the table part (name, range, filter buttons).
 */
function addTable(ws: ExcelJS.Worksheet, sheet: SheetPlan, name: string): void {
  const [start, end] = sheet.table!.range.split(":");
  const top = ws.getCell(start);
  const bottom = ws.getCell(end);
  const r1 = Number(top.row);
  const c1 = Number(top.col);
  const r2 = Number(bottom.row);
  const c2 = Number(bottom.col);
  const columns: ExcelJS.TableColumnProperties[] = [];
  for (let c = c1; c <= c2; c++) columns.push({ name: String(ws.getCell(r1, c).value ?? `Column${c}`), filterButton: sheet.table!.showFilterButtons });
  const rows: ExcelJS.CellValue[][] = [];
  const styles: Array<Array<Partial<ExcelJS.Style>>> = [];
  for (let r = r1 + 1; r <= r2; r++) {
    const row: ExcelJS.CellValue[] = [];
    const rowStyles: Array<Partial<ExcelJS.Style>> = [];
    for (let c = c1; c <= c2; c++) {
      const cell = ws.getCell(r, c);
      // cell.value drops a formula's cached result when it is "" or 0: keep formula and result explicitly.
      row.push(cell.formula ? ({ formula: cell.formula, result: cell.result } as ExcelJS.CellFormulaValue) : cell.value);
      rowStyles.push({ ...cell.style });
    }
    rows.push(row);
    styles.push(rowStyles);
  }
  const headerStyles = columns.map((_c, i) => ({ ...ws.getCell(r1, c1 + i).style }));
  ws.addTable({ name, ref: a1(r1, c1), headerRow: true, totalsRow: false, style: { theme: undefined, showRowStripes: false }, columns, rows });
  // addTable resets cell styles and loses cached results: put ours back.
  headerStyles.forEach((s, i) => (ws.getCell(r1, c1 + i).style = s));
  styles.forEach((rowStyles, r) =>
    rowStyles.forEach((s, c) => {
      const cell = ws.getCell(r1 + 1 + r, c1 + c);
      cell.value = rows[r][c];
      cell.style = s;
    }),
  );
}

/** Applies protection; ExcelJS hashes the password asynchronously. */
export async function protectSheets(workbook: ExcelJS.Workbook, plan: WorkbookPlan, sheets: WrittenSheet[]): Promise<void> {
  for (const sheet of plan.sheets) {
    if (!sheet.protection) continue;
    const ws = workbook.getWorksheet(sheets.find((s) => s.id === sheet.id)!.name)!;
    await ws.protect(sheet.protection.password, {
      selectLockedCells: true,
      selectUnlockedCells: true,
      sort: sheet.protection.allowSort,
      autoFilter: sheet.protection.allowAutoFilter,
      formatColumns: true,
      formatRows: true,
    });
  }
}

export async function writePlanToFile(plan: WorkbookPlan, file: string, options: WriteOptions = {}): Promise<WrittenSheet[]> {
  const { workbook, sheets } = await planToWorkbook(plan, options);
  await protectSheets(workbook, plan, sheets);
  await workbook.xlsx.writeFile(file);
  return sheets;
}

export async function writePlanToBuffer(plan: WorkbookPlan, options: WriteOptions = {}): Promise<Buffer> {
  const { workbook, sheets } = await planToWorkbook(plan, options);
  await protectSheets(workbook, plan, sheets);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
