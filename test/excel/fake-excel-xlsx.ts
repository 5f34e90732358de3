// Exports what the fake Excel host recorded to an .xlsx through ExcelJS, so what the Office.js writer wrote can be
// opened, recalculated by LibreOffice and compared like the ExcelJS writer's files. Node only (ExcelJS); the fake
// itself stays browser-safe.
import ExcelJS from "exceljs";
import { r1c1ToA1 } from "../../src/sheets/a1";
import {
  DEFAULT_FORMAT,
  rectAddress,
  type CellFormat,
  type FakeSheet,
  type FakeWorkbookModel,
  type Rect,
} from "./fake-excel-model";

const argb = (color: string) => `FF${color.replace("#", "").toUpperCase()}`;

/** Points (Office.js) → characters (ExcelJS): the inverse of the writer's 7-pixel-digit conversion. */
const widthInChars = (points: number) => Math.round(((points / 0.75 - 5) / 7) * 100) / 100;

function border(spec: string | null): Partial<ExcelJS.Border> | undefined {
  if (!spec) return undefined;
  const [style, color, weight] = spec.split("|");
  const line: ExcelJS.BorderStyle =
    style === "Continuous"
      ? weight === "Medium"
        ? "medium"
        : weight === "Thick"
          ? "thick"
          : weight === "Hairline"
            ? "hair"
            : "thin"
      : style === "Double"
        ? "double"
        : style === "Dot"
          ? "dotted"
          : "dashed";
  return { style: line, color: { argb: argb(color) } };
}

function style(format: CellFormat, numberFormat: string): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {
    font: {
      name: format.fontName,
      size: format.fontSize,
      bold: format.bold || undefined,
      color: { argb: argb(format.fontColor) },
    },
    protection: { locked: format.locked },
    alignment: {
      horizontal:
        format.horizontal === "General"
          ? undefined
          : (format.horizontal.toLowerCase() as ExcelJS.Alignment["horizontal"]),
      vertical:
        format.vertical === "Center" ? "middle" : (format.vertical.toLowerCase() as ExcelJS.Alignment["vertical"]),
      wrapText: format.wrap || undefined,
    },
  };
  if (format.fill) out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(format.fill) } };
  const sides = {
    top: border(format.borderTop),
    left: border(format.borderLeft),
    bottom: border(format.borderBottom),
    right: border(format.borderRight),
  };
  if (Object.values(sides).some(Boolean)) out.border = sides;
  if (numberFormat !== "General") out.numFmt = numberFormat;
  return out;
}

/** The cell's value for ExcelJS: formulas in A1 without "=" (R1C1 formulas converted for their cell). */
function cellValue(sheet: FakeSheet, row: number, col: number): ExcelJS.CellValue {
  const cell = sheet.cell(row, col);
  if (!cell) return null;
  if (cell.formulaR1C1 !== undefined)
    return { formula: r1c1ToA1(cell.formulaR1C1.slice(1), row, col) } as ExcelJS.CellFormulaValue;
  if (cell.formula !== undefined) return { formula: cell.formula.slice(1) } as ExcelJS.CellFormulaValue;
  return cell.value;
}

function validation(v: FakeSheet["validations"][number]): ExcelJS.DataValidation | undefined {
  const rule = v.rule;
  if (!rule) return undefined;
  const base = {
    allowBlank: v.ignoreBlanks,
    showInputMessage: v.prompt?.showPrompt ?? false,
    promptTitle: v.prompt?.title,
    prompt: v.prompt?.message,
    showErrorMessage: v.errorAlert?.showAlert ?? false,
    errorStyle: (v.errorAlert?.style ?? "Stop").toLowerCase(),
    errorTitle: v.errorAlert?.title,
    error: v.errorAlert?.message,
  };
  const formula = (f: unknown) => (typeof f === "string" ? f.replace(/^=/, "") : f);
  if (rule.list) return { ...base, type: "list", formulae: [formula(rule.list.source)] } as ExcelJS.DataValidation;
  const basic = rule.wholeNumber ?? rule.decimal;
  if (!basic) return undefined;
  const operator = {
    Between: "between",
    NotBetween: "notBetween",
    EqualTo: "equal",
    NotEqualTo: "notEqual",
    GreaterThan: "greaterThan",
    LessThan: "lessThan",
    GreaterThanOrEqualTo: "greaterThanOrEqual",
    LessThanOrEqualTo: "lessThanOrEqual",
  }[basic.operator as string];
  const formulae =
    basic.formula2 === undefined ? [formula(basic.formula1)] : [formula(basic.formula1), formula(basic.formula2)];
  return { ...base, type: rule.wholeNumber ? "whole" : "decimal", operator, formulae } as ExcelJS.DataValidation;
}

/** As src/xlsx/write.ts: ExcelJS writes a table's cells from its rows, so rows are read back and styles restored. */
function addTable(ws: ExcelJS.Worksheet, name: string, rect: Rect, filterButton: boolean, banded: boolean): void {
  const columns: ExcelJS.TableColumnProperties[] = [];
  for (let c = rect.c1; c <= rect.c2; c++)
    columns.push({ name: String(ws.getCell(rect.r1, c).value ?? `Column${c}`), filterButton });
  const rows: ExcelJS.CellValue[][] = [];
  const styles: Array<Array<Partial<ExcelJS.Style>>> = [];
  for (let r = rect.r1; r <= rect.r2; r++) {
    const values: ExcelJS.CellValue[] = [];
    const rowStyles: Array<Partial<ExcelJS.Style>> = [];
    for (let c = rect.c1; c <= rect.c2; c++) {
      values.push(ws.getCell(r, c).value);
      rowStyles.push({ ...ws.getCell(r, c).style });
    }
    if (r > rect.r1) rows.push(values);
    styles.push(rowStyles);
  }
  ws.addTable({
    name,
    ref: rectAddress({ ...rect, r2: rect.r1, c2: rect.c1 }),
    headerRow: true,
    totalsRow: false,
    style: { theme: undefined, showRowStripes: banded },
    columns,
    rows,
  });
  styles.forEach((rowStyles, r) => rowStyles.forEach((s, c) => (ws.getCell(rect.r1 + r, rect.c1 + c).style = s)));
}

/** The recorded workbook as an ExcelJS workbook: sheets in order, cells, formats, names, tables, protection. */
export async function fakeToWorkbook(model: FakeWorkbookModel): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "KPI Scorecards (fake Excel host)";
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  for (const sheet of model.sheets) {
    const layout = sheet.pageLayout;
    const ws = workbook.addWorksheet(sheet.name, {
      views: sheet.freeze ? [{ state: "frozen", xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows }] : [],
      pageSetup: {
        paperSize: layout.paperSize === "A4" ? 9 : undefined,
        orientation: layout.orientation === "Landscape" ? "landscape" : "portrait",
        fitToPage: layout.zoom.horizontalFitToPages !== undefined || layout.zoom.verticalFitToPages !== undefined,
        fitToWidth: layout.zoom.horizontalFitToPages,
        fitToHeight: layout.zoom.verticalFitToPages,
        printTitlesRow: layout.printTitleRows?.replace(/\$/g, ""),
      },
      headerFooter: {
        oddHeader: layout.centerHeader ? `&C${layout.centerHeader}` : undefined,
        oddFooter: layout.centerFooter ? `&C${layout.centerFooter}` : undefined,
      },
    });
    for (const [col, points] of sheet.columnWidths) ws.getColumn(col).width = widthInChars(points);
    for (const [row, points] of sheet.rowHeights) ws.getRow(row).height = points;
    for (const { row, col, cell } of sheet.entries()) {
      const target = ws.getCell(row, col);
      if (cell.format !== DEFAULT_FORMAT || cell.numberFormat !== "General")
        target.style = style(cell.format, cell.numberFormat);
      const value = cellValue(sheet, row, col);
      if (value !== null) target.value = value;
    }
    for (const m of sheet.merges) ws.mergeCells(m.r1, m.c1, m.r2, m.c2);
    for (const v of sheet.validations) {
      const dv = validation(v);
      if (!dv) continue;
      for (const rect of v.rects)
        (
          ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
        ).dataValidations.add(rectAddress(rect), dv);
    }
    sheet.conditionalFormats.forEach((cf, i) => {
      if (cf.type !== "Custom" || !cf.formula) return;
      ws.addConditionalFormatting({
        ref: cf.rects.map((r) => rectAddress(r)).join(" "),
        rules: [
          {
            type: "expression",
            priority: i + 1,
            formulae: [cf.formula.slice(1)],
            style: cf.fill ? { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.fill) } } } : {},
          } as ExcelJS.ConditionalFormattingRule,
        ],
      });
    });
    for (const t of sheet.tables()) addTable(ws, t.name, t.rect, t.showFilterButton, t.showBandedRows);
  }
  for (const n of model.names) {
    if (n.formula === "=#REF!") continue;
    workbook.definedNames.add(n.formula.slice(1), n.name);
  }
  for (const sheet of model.sheets) {
    if (!sheet.protection.protected) continue;
    const o = sheet.protection.options;
    await workbook.getWorksheet(sheet.name)!.protect(sheet.protection.password ?? "", {
      selectLockedCells: o.selectionMode !== "Unlocked" && o.selectionMode !== "None",
      selectUnlockedCells: o.selectionMode !== "None",
      sort: o.allowSort ?? false,
      autoFilter: o.allowAutoFilter ?? false,
      formatCells: o.allowFormatCells ?? false,
      formatColumns: o.allowFormatColumns ?? false,
      formatRows: o.allowFormatRows ?? false,
      insertRows: o.allowInsertRows ?? false,
      insertColumns: o.allowInsertColumns ?? false,
      deleteRows: o.allowDeleteRows ?? false,
      deleteColumns: o.allowDeleteColumns ?? false,
    });
  }
  return workbook;
}

export async function writeFakeWorkbook(model: FakeWorkbookModel, file: string): Promise<void> {
  await (await fakeToWorkbook(model)).xlsx.writeFile(file);
}

export async function fakeWorkbookBuffer(model: FakeWorkbookModel): Promise<Buffer> {
  return Buffer.from(await (await fakeToWorkbook(model)).xlsx.writeBuffer());
}
