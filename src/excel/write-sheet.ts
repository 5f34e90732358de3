// Queues one SheetPlan's content on a new worksheet, in batches whose size grows with the plan's columns, not its
// rows: one 2-D array per block of values, one formula per formula column (R1C1, assigned to the whole column
// range), one format per style over every range that wears it. Mirrors src/xlsx/write.ts: the same plan gives
// the same sheet through either writer.
import { columnNumber, rangeA1 } from "../sheets/a1";
import type { CellPlan, CellStyle, CellValue, ConditionalFormatPlan, SheetPlan, ValidationPlan } from "../sheets/plan";
import { FORMAT_FILLS, THEME } from "../sheets/theme";
import { REQUEST_BUDGET_BYTES, chunkRows, requestBytes } from "./payload";
import { literalText } from "./typed-text";

/** Where queued calls go: `reserve` syncs first when the next step would take the request over budget. */
export interface RequestBudget {
  reserve(bytes: number): Promise<void>;
}

export interface SheetTarget {
  worksheet: Excel.Worksheet;
  plan: SheetPlan;
  font: string;
  tableName?: string;
}

/** Rows of values written in one call stay under this, so a request never holds more than a few of them. */
const VALUES_CHUNK_BYTES = REQUEST_BUDGET_BYTES / 4;
/** Excel fails on very long multi-area addresses (reports put the limit near 8,000 characters). */
const MAX_ADDRESS_CHARS = 2000;
const BORDER_COLOR = "#BFBFBF";
const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;

interface Area {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** "FF1F3864" (ARGB, as the theme stores it) → "#1F3864" (as Office.js takes it). */
export function officeColor(argb: string): string {
  return `#${argb.slice(-6)}`;
}

/** Column width in characters (ExcelJS, the plan) → points (Office.js): 7-pixel digits plus 5 pixels of padding. */
export function widthInPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

export function parseArea(a1: string): Area {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(a1.trim());
  if (!m) throw new Error(`Not an A1 range: ${a1}`);
  const c1 = columnNumber(m[1]);
  const r1 = Number(m[2]);
  return m[3] ? { r1, c1, r2: Number(m[4]), c2: columnNumber(m[3]) } : { r1, c1, r2: r1, c2: c1 };
}

function address(a: Area): string {
  return rangeA1(a.r1, a.c1, a.r2, a.c2);
}

function rangeOf(ws: Excel.Worksheet, a: Area): Excel.Range {
  return ws.getRangeByIndexes(a.r1 - 1, a.c1 - 1, a.r2 - a.r1 + 1, a.c2 - a.c1 + 1);
}

/** Comma-separated addresses for Worksheet.getRanges, in chunks Excel accepts. */
export function addressChunks(areas: Area[]): Array<{ address: string; areas: Area[] }> {
  const chunks: Array<{ address: string; areas: Area[] }> = [];
  for (const a of areas) {
    const next = address(a);
    const last = chunks[chunks.length - 1];
    if (last && last.address.length + 1 + next.length <= MAX_ADDRESS_CHARS) {
      last.address += `,${next}`;
      last.areas.push(a);
    } else chunks.push({ address: next, areas: [a] });
  }
  return chunks;
}

/** Cells as few rectangles: runs along each row, then runs of equal columns stacked down the rows. */
export function cellAreas(cells: Array<{ row: number; col: number }>): Area[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: Area[] = [];
  for (const { row, col } of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.r1 === row && last.c2 === col - 1) last.c2 = col;
    else if (!(last && last.r1 === row && last.c2 >= col)) runs.push({ r1: row, c1: col, r2: row, c2: col });
  }
  return stackAreas(runs);
}

/** Merges areas with the same columns on consecutive rows, then areas with the same rows on adjacent columns. */
function stackAreas(areas: Area[]): Area[] {
  const down: Area[] = [];
  const open = new Map<string, Area>();
  for (const a of [...areas].sort((x, y) => x.r1 - y.r1 || x.c1 - y.c1)) {
    const key = `${a.c1}:${a.c2}`;
    const prev = open.get(key);
    if (prev && prev.r2 === a.r1 - 1) prev.r2 = a.r2;
    else {
      const copy = { ...a };
      down.push(copy);
      open.set(key, copy);
    }
  }
  const across: Area[] = [];
  const rows = new Map<string, Area>();
  for (const a of down.sort((x, y) => x.c1 - y.c1 || x.r1 - y.r1)) {
    const key = `${a.r1}:${a.r2}`;
    const prev = rows.get(key);
    if (prev && prev.c2 === a.c1 - 1) prev.c2 = a.c2;
    else {
      across.push(a);
      rows.set(key, a);
    }
  }
  return across;
}

const styleKey = (style: CellStyle | undefined) => `${style?.style ?? "text"}|${style?.wrap ? 1 : 0}`;

/**
 * Queues a theme style on a range's format. Cells are fresh, so only what differs from Excel's defaults is set.
 * `font` null keeps the workbook's font (cells added to a sheet HR already has).
 */
export function applyStyle(
  format: Excel.RangeFormat,
  style: CellStyle | undefined,
  font: string | null,
  areas: Area[],
): void {
  const theme = THEME[style?.style ?? "text"];
  if (font !== null) format.font.name = font;
  if (theme.size !== undefined) format.font.size = theme.size;
  if (theme.bold) format.font.bold = true;
  if (theme.color) format.font.color = officeColor(theme.color);
  if (theme.fill) format.fill.color = officeColor(theme.fill);
  if (theme.border) {
    // Inside edges only where some area has more than one row or column: every cell gets its own box.
    const inside = [
      ...(areas.some((a) => a.c2 > a.c1) ? (["InsideVertical"] as const) : []),
      ...(areas.some((a) => a.r2 > a.r1) ? (["InsideHorizontal"] as const) : []),
    ];
    for (const edge of [...EDGES, ...inside]) {
      const border = format.borders.getItem(edge);
      border.style = "Continuous";
      border.color = BORDER_COLOR;
      border.weight = "Thin";
    }
  }
  if (theme.align)
    format.horizontalAlignment = theme.align === "left" ? "Left" : theme.align === "center" ? "Center" : "Right";
  format.verticalAlignment = "Center";
  if (style?.wrap) format.wrapText = true;
  format.protection.locked = theme.locked;
}

/** Calls one style takes at most (font, fill, four calls per border edge, alignment, wrap, lock). */
const STYLE_CALLS = 35;

async function styleGroups(
  budget: RequestBudget,
  ws: Excel.Worksheet,
  groups: Map<string, { style: CellStyle | undefined; areas: Area[] }>,
  font: string,
): Promise<void> {
  for (const { style, areas } of groups.values()) {
    for (const chunk of addressChunks(stackAreas(areas))) {
      await budget.reserve(requestBytes(STYLE_CALLS, chunk));
      applyStyle(ws.getRanges(chunk.address).format, style, font, chunk.areas);
    }
  }
}

function group<T>(items: T[], style: (item: T) => CellStyle | undefined, area: (item: T) => Area) {
  const groups = new Map<string, { style: CellStyle | undefined; areas: Area[] }>();
  for (const item of items) {
    const key = styleKey(style(item));
    if (!groups.has(key)) groups.set(key, { style: style(item), areas: [] });
    groups.get(key)!.areas.push(area(item));
  }
  return groups;
}

/** Number formats of whole columns: adjacent columns with the same rows and format share one call. */
async function columnNumberFormats(
  budget: RequestBudget,
  ws: Excel.Worksheet,
  columns: Array<{ area: Area; numFmt?: string }>,
): Promise<void> {
  const byFormat = new Map<string, Area[]>();
  for (const { area, numFmt } of columns) {
    if (!numFmt) continue;
    if (!byFormat.has(numFmt)) byFormat.set(numFmt, []);
    byFormat.get(numFmt)!.push(area);
  }
  for (const [numFmt, areas] of byFormat) {
    for (const a of stackAreas(areas)) {
      await budget.reserve(requestBytes(2, numFmt));
      // One value for the whole range: Excel's bulk setters apply a single value to every cell (the typings
      // say any[][], the API accepts a scalar), so the request does not grow with the rows.
      rangeOf(ws, a).numberFormat = numFmt as unknown as any[][];
    }
  }
}

/** What range.values gets for a plan value: text Excel would parse gets its quote prefix; null leaves the cell alone. */
export function cellInput(value: CellValue | undefined): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  return typeof value === "string" ? literalText(value) : value;
}

async function writeBlocks(budget: RequestBudget, target: SheetTarget): Promise<void> {
  const { worksheet: ws, plan, font } = target;
  for (const block of plan.blocks) {
    const rows = block.values.length;
    const cols = Math.max(0, ...block.values.map((r) => r.length));
    if (rows === 0 || cols === 0) continue;
    const area = { r1: block.row, c1: block.col, r2: block.row + rows - 1, c2: block.col + cols - 1 };
    await budget.reserve(requestBytes(STYLE_CALLS));
    applyStyle(rangeOf(ws, area).format, block.style, font, [area]);
    // Formats first: text columns are text ("@") before any value arrives.
    const formats = [
      ...(block.style?.numFmt ? [{ area, numFmt: block.style.numFmt }] : []),
      ...block.textColumns
        .filter((c) => c < cols)
        .map((c) => ({ area: { ...area, c1: block.col + c, c2: block.col + c }, numFmt: "@" })),
    ];
    await columnNumberFormats(budget, ws, formats);
    const values = block.values.map((r) => Array.from({ length: cols }, (_v, c) => cellInput(r[c])));
    for (const chunk of chunkRows(values, VALUES_CHUNK_BYTES)) {
      await budget.reserve(requestBytes(2, chunk.rows));
      rangeOf(ws, {
        r1: area.r1 + chunk.offset,
        c1: area.c1,
        r2: area.r1 + chunk.offset + chunk.rows.length - 1,
        c2: area.c2,
      }).values = chunk.rows;
    }
  }
}

/**
 * Single cells, band by band: rows close together share one bounding rectangle and one 2-D array per property
 * (numberFormat, values, formulas), null where a cell has nothing (Office.js leaves those cells alone).
 */
async function writeCells(budget: RequestBudget, target: SheetTarget): Promise<void> {
  const { worksheet: ws, plan } = target;
  if (plan.cells.length === 0) return;
  const byRow = new Map<number, CellPlan[]>();
  for (const c of plan.cells) {
    if (!byRow.has(c.row)) byRow.set(c.row, []);
    byRow.get(c.row)!.push(c);
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  // A band's arrays hold its values plus a null ("null," 5 bytes) for every empty cell of its rectangle.
  const bands: number[][] = [];
  let band = { values: 0, c1: 0, c2: 0 };
  for (const row of rows) {
    const cells = byRow.get(row)!;
    const values = requestBytes(
      0,
      cells.map((c) => c.value ?? c.formula ?? ""),
    );
    const c1 = Math.min(...cells.map((c) => c.col));
    const c2 = Math.max(...cells.map((c) => c.col));
    const last = bands[bands.length - 1];
    if (last) {
      const [lo, hi] = [Math.min(band.c1, c1), Math.max(band.c2, c2)];
      const nulls = 5 * (row - last[0] + 1) * (hi - lo + 1);
      if (row - last[last.length - 1] <= 3 && band.values + values + nulls < VALUES_CHUNK_BYTES) {
        last.push(row);
        band = { values: band.values + values, c1: lo, c2: hi };
        continue;
      }
    }
    bands.push([row]);
    band = { values, c1, c2 };
  }
  for (const band of bands) {
    const cells = band.flatMap((r) => byRow.get(r)!);
    const area = {
      r1: band[0],
      r2: band[band.length - 1],
      c1: Math.min(...cells.map((c) => c.col)),
      c2: Math.max(...cells.map((c) => c.col)),
    };
    const grid = () =>
      Array.from({ length: area.r2 - area.r1 + 1 }, () => new Array<unknown>(area.c2 - area.c1 + 1).fill(null));
    const formats = grid();
    const values = grid();
    const formulas = grid();
    let hasFormat = false;
    let hasValue = false;
    let hasFormula = false;
    for (const c of cells) {
      const [r, k] = [c.row - area.r1, c.col - area.c1];
      if (c.style?.numFmt) {
        formats[r][k] = c.style.numFmt;
        hasFormat = true;
      }
      if (c.formula !== undefined) {
        formulas[r][k] = `=${c.formula}`;
        hasFormula = true;
      } else if (c.value !== undefined && c.value !== null) {
        values[r][k] = cellInput(c.value);
        hasValue = true;
      }
    }
    const range = () => rangeOf(ws, area);
    if (hasFormat) {
      await budget.reserve(requestBytes(2, formats));
      range().numberFormat = formats;
    }
    if (hasValue) {
      await budget.reserve(requestBytes(2, values));
      range().values = values;
    }
    if (hasFormula) {
      await budget.reserve(requestBytes(2, formulas));
      range().formulas = formulas;
    }
  }
}

function validationRule(v: ValidationPlan): Excel.DataValidationRule {
  if (v.type === "list") return { list: { inCellDropDown: true, source: `=${v.list}` } };
  // As src/xlsx: between the stated bounds; a bound the catalog does not state is not invented.
  const basic: Excel.BasicDataValidation = { formula1: v.min ?? -1e15, formula2: v.max ?? 1e15, operator: "Between" };
  return v.type === "whole" ? { wholeNumber: basic } : { decimal: basic };
}

const ALERT_STYLE = { stop: "Stop", warning: "Warning", information: "Information" } as const;

function writeValidation(ws: Excel.Worksheet, v: ValidationPlan): void {
  const dv = ws.getRange(v.range).dataValidation;
  dv.rule = validationRule(v);
  dv.ignoreBlanks = true;
  dv.prompt = { showPrompt: true, title: v.promptTitle, message: v.prompt };
  dv.errorAlert = { showAlert: true, style: ALERT_STYLE[v.errorStyle], title: v.errorTitle, message: v.error };
}

function writeConditionalFormat(ws: Excel.Worksheet, cf: ConditionalFormatPlan): void {
  const format = ws.getRange(cf.range).conditionalFormats.add(Excel.ConditionalFormatType.custom);
  format.custom.rule.formula = `=${cf.formula}`;
  format.custom.format.fill.color = officeColor(FORMAT_FILLS[cf.format]);
}

/** Queues everything of the sheet but its defined names (written first, for every sheet, by the caller). */
export async function writeSheet(budget: RequestBudget, target: SheetTarget): Promise<void> {
  const { worksheet: ws, plan, font } = target;

  // Column widths and row heights, equal neighbours together.
  const widths = [...plan.columnWidths].sort((a, b) => a.col - b.col);
  for (let i = 0; i < widths.length;) {
    let j = i;
    while (j + 1 < widths.length && widths[j + 1].col === widths[j].col + 1 && widths[j + 1].width === widths[i].width)
      j++;
    await budget.reserve(requestBytes(3));
    ws.getRangeByIndexes(0, widths[i].col - 1, 1, widths[j].col - widths[i].col + 1).format.columnWidth = widthInPoints(
      widths[i].width,
    );
    i = j + 1;
  }
  const heights = [...plan.rowHeights].sort((a, b) => a.row - b.row);
  for (let i = 0; i < heights.length;) {
    let j = i;
    while (
      j + 1 < heights.length &&
      heights[j + 1].row === heights[j].row + 1 &&
      heights[j + 1].height === heights[i].height
    )
      j++;
    await budget.reserve(requestBytes(3));
    ws.getRangeByIndexes(heights[i].row - 1, 0, heights[j].row - heights[i].row + 1, 1).format.rowHeight =
      heights[i].height;
    i = j + 1;
  }

  // Styles and contents in src/xlsx's order: input columns, blocks, cells, formula columns.
  const inputAreas = plan.inputColumns.map((c) => ({
    area: { r1: c.firstRow, c1: c.col, r2: c.lastRow, c2: c.col },
    style: c.style,
  }));
  await styleGroups(
    budget,
    ws,
    group(
      inputAreas,
      (c) => c.style,
      (c) => c.area,
    ),
    font,
  );
  await columnNumberFormats(
    budget,
    ws,
    inputAreas.map((c) => ({ area: c.area, numFmt: c.style.numFmt })),
  );

  await writeBlocks(budget, target);

  await styleGroups(
    budget,
    ws,
    group(
      plan.cells,
      (c) => c.style,
      (c) => ({ r1: c.row, c1: c.col, r2: c.row, c2: c.col }),
    ),
    font,
  );
  await writeCells(budget, target);

  const formulaAreas = plan.columnFormulas.map((c) => ({
    area: { r1: c.firstRow, c1: c.col, r2: c.lastRow, c2: c.col },
    style: c.style,
    r1c1: c.r1c1,
  }));
  await styleGroups(
    budget,
    ws,
    group(
      formulaAreas,
      (c) => c.style,
      (c) => c.area,
    ),
    font,
  );
  await columnNumberFormats(
    budget,
    ws,
    formulaAreas.map((c) => ({ area: c.area, numFmt: c.style?.numFmt })),
  );
  for (const { area, r1c1 } of formulaAreas) {
    await budget.reserve(requestBytes(2, r1c1));
    // One R1C1 formula for the whole column: Excel's bulk setters take a single value for every cell of the
    // range (the typings say any[][]), so the request holds the formula once whatever the number of rows.
    rangeOf(ws, area).formulasR1C1 = `=${r1c1}` as unknown as any[][];
  }

  // Input cells stay editable when the sheet is protected, whatever style covers them.
  for (const chunk of addressChunks(stackAreas(plan.inputRanges.map(parseArea)))) {
    await budget.reserve(requestBytes(2, chunk.address));
    ws.getRanges(chunk.address).format.protection.locked = false;
  }

  for (const merge of plan.merges) {
    await budget.reserve(requestBytes(2, merge));
    ws.getRange(merge).merge(false);
  }
  for (const v of plan.validations) {
    await budget.reserve(requestBytes(6, v));
    writeValidation(ws, v);
  }
  for (const cf of plan.conditionalFormats) {
    await budget.reserve(requestBytes(7, cf));
    writeConditionalFormat(ws, cf);
  }
  if (plan.table && target.tableName) {
    await budget.reserve(requestBytes(6, plan.table.range, target.tableName));
    const table = ws.tables.add(ws.getRange(plan.table.range), true);
    table.name = target.tableName;
    table.showFilterButton = plan.table.showFilterButtons;
    table.showBandedRows = false;
  }
  if (plan.freeze && (plan.freeze.rows > 0 || plan.freeze.cols > 0)) {
    await budget.reserve(requestBytes(3));
    const { rows, cols } = plan.freeze;
    if (rows > 0 && cols > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, rows, cols));
    else if (rows > 0) ws.freezePanes.freezeRows(rows);
    else ws.freezePanes.freezeColumns(cols);
  }

  const print = plan.print;
  await budget.reserve(requestBytes(8, print));
  const layout = ws.pageLayout;
  layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.paperSize = "A4";
  // One page wide, as many tall as needed.
  layout.zoom = { horizontalFitToPages: print.fitToWidth, verticalFitToPages: 0 };
  if (print.titleRows) layout.setPrintTitleRows(`$${print.titleRows[0]}:$${print.titleRows[1]}`);
  layout.headersFooters.defaultForAllPages.centerHeader = print.header;
  layout.headersFooters.defaultForAllPages.centerFooter = print.footer;

  // Protection last: everything above writes to cells that are still unprotected.
  if (plan.protection) {
    await budget.reserve(requestBytes(2, plan.protection));
    ws.protection.protect(
      {
        allowSort: plan.protection.allowSort,
        allowAutoFilter: plan.protection.allowAutoFilter,
        allowFormatColumns: true,
        allowFormatRows: true,
        selectionMode: "Normal",
      },
      plan.protection.password || undefined,
    );
  }
}
