// Reads the sheet an apply works on through Office.js, as src/apply's plain data: the active sheet's used range
// (values and formulas, as a Grid at its real offset), its merged areas and Excel tables, the workbook's sheet
// and defined names (earlier applies' markers, an existing rules sheet's names), and the protection of the sheet
// and the workbook. One load and one sync; a second only when the sheet has Excel tables (their ranges). Office.js
// `formulas` give constants' values too: only strings starting with "=" become the grid's formulas. Number formats
// are not read: values come back typed (a "92%" typed as text reads as the string "92%").
import { columnNumber, gridFromRows, type CellRange, type Grid, type GridValue } from "../apply/grid";
import type { DefinedName } from "../apply/marker";
import type { WorkbookModel } from "../apply/plan";
import { utf8Length } from "./payload";

export interface SheetForApply {
  grid: Grid;
  workbook: WorkbookModel;
  /** The selected range, when the action was asked to look only there (one selected cell means the whole sheet). */
  within?: CellRange;
  /** The used range (cells with a value or a formula); absent on an empty sheet. */
  used?: CellRange;
  /** The sheet's protection as read: a protected sheet is unprotected and protected again with these options. */
  protection: { protected: boolean; options: Excel.WorksheetProtectionOptions };
  /** Workbook structure protection: no sheet can be added or deleted. */
  workbookProtected: boolean;
  /** What the read brought back, estimated as JSON bytes (values and formulas of the used range). */
  responseBytes: number;
}

/** The request context a read goes through: Excel's own, or one whose sync is timed and counted. */
export interface ReadContext {
  readonly workbook: Excel.Workbook;
  sync(): Promise<void>;
}

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

/**
 * Parses one area of an Office.js address: "Sheet1!B2:D9", "'团队 汇总'!$A$1", "A:C" (whole columns), "2:5"
 * (whole rows). Undefined for anything else.
 */
export function parseArea(address: string): CellRange | undefined {
  const text = address.trim().replace(/^=/, "");
  const bang = text.lastIndexOf("!");
  const ref = bang >= 0 ? text.slice(bang + 1) : text;
  let m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref);
  let r: CellRange;
  if (m) {
    const top = Number(m[2]);
    const left = columnNumber(m[1]);
    r = m[3] ? { top, left, bottom: Number(m[4]), right: columnNumber(m[3]) } : { top, left, bottom: top, right: left };
  } else if ((m = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/i.exec(ref))) {
    r = { top: 1, left: columnNumber(m[1]), bottom: MAX_ROWS, right: columnNumber(m[2]) };
  } else if ((m = /^\$?(\d+):\$?(\d+)$/.exec(ref))) {
    r = { top: Number(m[1]), left: 1, bottom: Number(m[2]), right: MAX_COLS };
  } else return undefined;
  return {
    top: Math.min(r.top, r.bottom),
    left: Math.min(r.left, r.right),
    bottom: Math.max(r.top, r.bottom),
    right: Math.max(r.left, r.right),
  };
}

/**
 * The areas of a RangeAreas address: "Sheet1!A1:B2, Sheet1!D1:D4" or "'a, b'!A1:B2,'a, b'!C3" (a quoted sheet
 * name may hold commas, so areas are found by their "!reference" ends, not by splitting on commas).
 */
export function parseAreas(address: string): CellRange[] {
  const out: CellRange[] = [];
  if (!address.includes("!")) {
    for (const part of address.split(",")) {
      const area = parseArea(part);
      if (area) out.push(area);
    }
    return out;
  }
  for (const m of address.matchAll(/!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)(?=\s*,|\s*$)/g)) {
    const area = parseArea(m[1]);
    if (area) out.push(area);
  }
  return out;
}

/**
 * Office.js `formulas` give a constant cell's value and a formula cell's formula ("=…"): only a string that
 * starts with "=" and is not the cell's value is a formula (a quote-prefixed "=x" reads the same in both).
 */
function formulaOf(formula: unknown, value: unknown): string {
  return typeof formula === "string" && formula.length > 1 && formula.startsWith("=") && formula !== value
    ? formula
    : "";
}

export interface UsedRangeData {
  sheet: string;
  /** The used range's address, or undefined for an empty sheet. */
  address?: string;
  values?: unknown[][];
  formulas?: unknown[][];
  merges: CellRange[];
  tables: CellRange[];
}

/** The Grid src/apply plans from, at the used range's real offset. Pure. */
export function gridOfUsedRange(data: UsedRangeData): Grid {
  const used = data.address ? parseArea(data.address) : undefined;
  if (!used || !data.values) {
    return { ...gridFromRows({ name: data.sheet, values: [], merges: data.merges }), tables: data.tables };
  }
  const values = data.values.map((row) => row.map((v) => (v === undefined ? null : (v as GridValue))));
  const formulas = data.values.map((row, r) => row.map((v, c) => formulaOf(data.formulas?.[r]?.[c], v)));
  return gridFromRows({
    name: data.sheet,
    top: used.top,
    left: used.left,
    values,
    formulas,
    merges: data.merges,
    tables: data.tables,
  });
}

/** Rows per merged-areas query when the whole sheet has too many (Excel answers at most 512 areas per query). */
export const MERGE_BAND_ROWS = 64;

/**
 * When the used range is too large for one response (Excel on the web fails a sync past 5 MB: a re-apply or a
 * removal of a few thousand rows reads back every formula apply wrote), it is read in bands of rows whose
 * responses stay under this.
 */
export const RESPONSE_BUDGET_BYTES = 4 * 1024 * 1024;

/** Rows of the first band; the next bands are sized by the bytes per row the first one brought back. */
export const FIRST_BAND_ROWS = 500;

function errorCode(e: unknown): unknown {
  return typeof e === "object" && e !== null ? (e as { code?: unknown }).code : undefined;
}

function responseTooLarge(e: unknown): boolean {
  const code = errorCode(e);
  return code === "ResponsePayloadSizeLimitExceeded" || code === "too_large";
}

/** Whether a failed read is worth repeating with the merged areas asked for band by band. */
function retryable(e: unknown): boolean {
  const code = errorCode(e);
  return code !== "timeout" && code !== "InvalidOperationInCellEditMode" && code !== "RequestPayloadSizeLimitExceeded";
}

/** Rough UTF-8 bytes of a loaded value as JSON. */
function jsonBytes(value: unknown): number {
  return value === undefined ? 0 : utf8Length(JSON.stringify(value));
}

interface ReadMode {
  /** The used range's cells in one response, or in bands of rows. */
  cells: "whole" | "bands";
  /** Merged areas in one query for the whole sheet, or in bands of MERGE_BAND_ROWS rows. */
  merges: "sheet" | "bands";
}

/**
 * Queues the read of the active sheet, syncs and returns it as src/apply's model: one sync, a second when the
 * sheet has Excel tables (their ranges). Merged areas are asked for the whole sheet at once (target cells right
 * of the data may be merged and empty, outside the used range); Excel refuses that past 512 areas, and the read
 * is then made again with the merged areas asked in bands of rows (three syncs in all). A response too large for
 * Excel on the web is read again in bands of rows (a sync per band). `useSelection`: detection looks only inside
 * the selected range (a single cell means the whole sheet); the grid still covers the whole used range, so cells
 * that would block the apply are seen wherever they are.
 */
export async function readActiveSheet(
  context: ReadContext,
  options: { useSelection?: boolean } = {},
): Promise<{ sheet: SheetForApply; worksheet: Excel.Worksheet }> {
  try {
    return await readOnce(context, options, { cells: "whole", merges: "sheet" });
  } catch (e) {
    if (responseTooLarge(e)) return await readOnce(context, options, { cells: "bands", merges: "bands" });
    if (!retryable(e)) throw e;
  }
  try {
    return await readOnce(context, options, { cells: "whole", merges: "bands" });
  } catch (e) {
    if (responseTooLarge(e)) return await readOnce(context, options, { cells: "bands", merges: "bands" });
    throw e;
  }
}

/** Merged-areas queries over rows top..bottom, across every column, MERGE_BAND_ROWS rows each. */
function queueMergeBands(worksheet: Excel.Worksheet, top: number, bottom: number): Excel.RangeAreas[] {
  const bands: Excel.RangeAreas[] = [];
  for (let row = top; row <= bottom; row += MERGE_BAND_ROWS) {
    const rows = Math.min(MERGE_BAND_ROWS, bottom - row + 1);
    bands.push(
      worksheet
        .getRangeByIndexes(row - 1, 0, rows, MAX_COLS)
        .getMergedAreasOrNullObject()
        .load("address"),
    );
  }
  return bands;
}

function addMerges(merges: CellRange[], bands: Excel.RangeAreas[]): void {
  const seen = new Set(merges.map((m) => `${m.top}:${m.left}:${m.bottom}:${m.right}`));
  for (const band of bands) {
    if (band.isNullObject) continue;
    for (const area of parseAreas(band.address)) {
      const key = `${area.top}:${area.left}:${area.bottom}:${area.right}`;
      if (!seen.has(key)) merges.push(area);
      seen.add(key);
    }
  }
}

async function readOnce(
  context: ReadContext,
  options: { useSelection?: boolean },
  mode: ReadMode,
): Promise<{ sheet: SheetForApply; worksheet: Excel.Worksheet }> {
  const workbook = context.workbook;
  const worksheet = workbook.worksheets.getActiveWorksheet();
  worksheet.load("name");
  const used = worksheet.getUsedRangeOrNullObject(true);
  if (mode.cells === "whole") used.load("address, values, formulas");
  else used.load("address");
  const merged = mode.merges === "sheet" ? worksheet.getRange().getMergedAreasOrNullObject() : undefined;
  merged?.load("address");
  const tables = worksheet.tables.load("items/name");
  const protection = worksheet.protection.load("protected, options");
  const sheets = workbook.worksheets.load("items/name");
  const names = workbook.names.load("items/name, items/formula");
  const workbookProtection = workbook.protection.load("protected");
  const selected = options.useSelection ? workbook.getSelectedRange() : undefined;
  selected?.load("address, rowCount, columnCount");
  await context.sync();
  const data: UsedRangeData = {
    sheet: worksheet.name,
    address: used.isNullObject ? undefined : used.address,
    values: used.isNullObject || mode.cells === "bands" ? undefined : used.values,
    formulas: used.isNullObject || mode.cells === "bands" ? undefined : used.formulas,
    merges: merged && !merged.isNullObject ? parseAreas(merged.address) : [],
    tables: [],
  };
  const usedArea = data.address ? parseArea(data.address) : undefined;
  let responseBytes = jsonBytes(data.values) + jsonBytes(data.formulas);

  // Second sync, when needed: the tables' ranges, and the merged areas band by band.
  const tableRanges = tables.items.map((t) => t.getRange().load("address"));
  const mergeBands =
    mode.merges === "bands" && mode.cells === "whole" && usedArea
      ? queueMergeBands(worksheet, usedArea.top, usedArea.bottom)
      : [];
  if (tableRanges.length || mergeBands.length) {
    await context.sync();
    data.tables = tableRanges.map((r) => parseArea(r.address)).filter((r): r is CellRange => r !== undefined);
    addMerges(data.merges, mergeBands);
  }

  // Bands of rows, each its own request: the first of FIRST_BAND_ROWS rows, the next sized by what it brought back;
  // a band Excel still finds too large is halved.
  if (mode.cells === "bands" && usedArea) {
    const width = usedArea.right - usedArea.left + 1;
    data.values = [];
    data.formulas = [];
    let rows = FIRST_BAND_ROWS;
    for (let top = usedArea.top; top <= usedArea.bottom;) {
      const n = Math.min(rows, usedArea.bottom - top + 1);
      const band = worksheet.getRangeByIndexes(top - 1, usedArea.left - 1, n, width).load("values, formulas");
      const bands = queueMergeBands(worksheet, top, top + n - 1);
      try {
        // Each band is a request of its own: together they pass what one response may hold.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      } catch (e) {
        if (!responseTooLarge(e) || n === 1) throw e;
        rows = Math.ceil(n / 2);
        continue;
      }
      data.values.push(...band.values);
      data.formulas.push(...band.formulas);
      addMerges(data.merges, bands);
      const bytes = jsonBytes(band.values) + jsonBytes(band.formulas);
      responseBytes += bytes;
      // Rows differ (a header, notes): a tenth left spare.
      rows = Math.max(1, Math.floor((0.9 * RESPONSE_BUDGET_BYTES * n) / Math.max(1, bytes)));
      top += n;
    }
  }

  const grid = gridOfUsedRange(data);
  const definedNames: DefinedName[] = names.items.map((n) => ({ name: n.name, refersTo: String(n.formula ?? "") }));
  const within =
    selected && selected.rowCount * selected.columnCount > 1
      ? selectionWithin(parseArea(selected.address), usedArea)
      : undefined;
  return {
    worksheet,
    sheet: {
      grid,
      workbook: { sheetNames: sheets.items.map((s) => s.name), names: definedNames },
      within,
      used: usedArea,
      protection: { protected: protection.protected, options: protection.options ?? {} },
      workbookProtected: workbookProtection.protected,
      responseBytes,
    },
  };
}

/** The selection's part inside the used range (whole columns or rows selected stay within the data). */
function selectionWithin(selection: CellRange | undefined, used: CellRange | undefined): CellRange | undefined {
  if (!selection) return undefined;
  if (!used) return selection;
  const area = {
    top: Math.max(selection.top, used.top),
    left: Math.max(selection.left, used.left),
    bottom: Math.min(selection.bottom, used.bottom),
    right: Math.min(selection.right, used.right),
  };
  // A selection beside the data holds nothing: detection finds no table there, as the person asked.
  return area.top <= area.bottom && area.left <= area.right
    ? area
    : { top: selection.top, left: selection.left, bottom: selection.top, right: selection.left };
}
