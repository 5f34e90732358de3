// Applies a template's rules to the sheet HR already has, through Office.js: one exported function per user
// action, each one Excel.run. src/apply (pure) detects the table, maps its headers and plans the added columns;
// this file reads the sheet into src/apply's model (read-sheet.ts) and executes the ApplyPlan, as
// src/xlsx/apply.ts does on a package and test/apply/grid-writer.ts on a grid:
//
//   read    one sync: the active sheet's used range (values, formulas), merged areas, tables, names, protection;
//           a second when the sheet has Excel tables (their ranges). Read again in bands of rows only when Excel
//           refuses the answer: more than 512 merged areas, or a response over Excel on the web's 5 MB (a
//           re-apply or removal of thousands of rows reads back every formula apply wrote).
//   write   one sync: unprotect, the rules sheet and its names, the marker names, the added cells (headers as
//           values, every formula column as one R1C1 string per run of rows, formats only on added cells),
//           merges, protect again; split by rows only when a request would pass the 2 MB budget.
//
// Apply re-reads inside the same Excel.run as it writes, so what blocks it is what the sheet holds when it
// writes. Applying to a 10,000-row sheet takes two syncs. Nothing is written when a target cell blocks the apply
// or apply refuses the sheet: ExcelApplyError lists the cells or the reasons. If Excel refuses a write half-way,
// what this action added is taken away again (best effort) and a protected sheet is protected again.
//
// Excel APIs used, besides those of read-sheet.ts and write-sheet.ts (the rules sheet): Worksheet.getRange,
// getRangeByIndexes, getRanges, protection.protect/unprotect; Range.values, formulas, formulasR1C1, numberFormat,
// format (font, fill, borders, alignment, wrap, protection, columnWidth), merge, unmerge, clear;
// NamedItemCollection.add, getItem; NamedItem.delete; WorksheetCollection.add, getItem; Worksheet.delete.
import {
  acceptedMatches,
  analyseSheet,
  applyMessage,
  blocksOn,
  canWrite,
  cellAt,
  isEmptyCell,
  nameTarget,
  planApply,
  planRemoval,
  rangeText,
  readMarkers,
  type AppliedBlock,
  type AppliedColumn,
  type ApplyMessage,
  type ApplyPlan,
  type ColumnMatch,
  type FormulaMode,
  type InputProblem,
  type MatchKind,
  type OverrideCell,
  type SheetAnalysis,
} from "../apply";
import type { Catalog } from "../catalog";
import type { Lang, Template } from "../catalog/types";
import { isKpiError } from "../engine/errors";
import { catalog as defaultCatalog } from "../functions/state";
import { columnLetter, columnNumber, r1c1ToA1 } from "../sheets/a1";
import type { CellPlan, CellStyle } from "../sheets/plan";
import { FONT } from "../sheets/theme";
import { ExcelApplyError, isExcelApplyError } from "./apply-errors";
import { ExcelWriteError, toExcelWriteError, runExcel, withTimeout } from "./errors";
import { REQUEST_BUDGET_BYTES, chunkRows, requestBytes } from "./payload";
import { readActiveSheet, type ReadContext, type SheetForApply } from "./read-sheet";
import {
  addressChunks,
  applyStyle,
  cellAreas,
  cellInput,
  widthInPoints,
  writeSheet,
  type RequestBudget,
} from "./write-sheet";
import { DEFAULT_TIMEOUT_MS } from "./write-plan";

export { type SheetForApply } from "./read-sheet";

export interface ApplyActionOptions {
  /** How long one sync (or Excel.run starting) may take before the action fails with "timeout"; 60 s by default. */
  timeoutMs?: number;
}

/** What the person chose in the pane (all optional: apply finds the rest). */
export interface ApplyChoices {
  /** portable (formulas reading the rules sheet, added if missing; the default) or addin (=KPI.*). */
  formulas?: FormulaMode;
  /** The language of the added headers and of the rules sheet; zh by default. */
  lang?: Lang;
  /** The row holding the column names, when the person said so. */
  headerRow?: number;
  /** The first column to write (number or letter), when the person picked one. */
  at?: number | string;
  /**
   * Columns the person mapped (a slot ref or a rule name) or rejected (null). `header` is the header the preview
   * showed: when the column's header is another one now, apply refuses with "sheet_changed".
   */
  columns?: Array<{ col: number; slot: string | null; header?: string }>;
  /** Match kinds that need a person's yes and are left out unless in `columns`; none by default (the pane shows every match before applying). */
  confirm?: MatchKind[];
  /** Protect the added rules sheet (portable formulas only), as generated workbooks do; true by default. */
  protectRules?: boolean;
}

export interface ApplyOptions extends ApplyChoices, ApplyActionOptions {
  /** The template, or its id (or any name the catalog knows it by). */
  template: Template | string;
  /** Look for the table only in the selected range (a single selected cell means the whole sheet). */
  useSelection?: boolean;
}

export interface ApplyPreview {
  analysis: SheetAnalysis;
  /** The matches the plan applies. */
  matches: ColumnMatch[];
  plan: ApplyPlan;
  /** Columns of `choices.columns` whose header is not the one the person saw. */
  changedColumns: number[];
}

export interface ApplyResult {
  sheet: string;
  /** The block written (header rows to last data row, across the added columns), e.g. "M2:T15". */
  block: string;
  columns: AppliedColumn[];
  /** The n of the KPI_APPLIED_<n> marker. */
  marker: number;
  /** The rules sheet added by this apply. */
  rulesSheet?: string;
  /** Cells of an earlier apply a person changed: kept as they are. */
  overrides: OverrideCell[];
  problems: InputProblem[];
  warnings: ApplyMessage[];
  matches: ColumnMatch[];
  /** Cells written and emptied on the target sheet. */
  written: number;
  cleared: number;
  /** context.sync() calls, and the estimated bytes of each request (the writer's own accounting). */
  syncs: number;
  requestBytes: number[];
  /** Estimated bytes the read brought back (values and formulas of the used range). */
  responseBytes: number;
}

export interface RemoveOptions extends ApplyActionOptions {
  /** Only this block (the n of KPI_APPLIED_<n>); by default every block on the active sheet. */
  id?: number;
  /** Where the blocks' templates are looked up; the add-in's catalog by default. */
  catalog?: Catalog;
}

export interface RemoveResult {
  sheet: string;
  /** Cells emptied. */
  cleared: number;
  /** Cells a person changed: left as they are. */
  overrides: OverrideCell[];
  /** The rules sheet deleted with the last block that used it. */
  removedRulesSheet?: string;
  warnings: ApplyMessage[];
  syncs: number;
  requestBytes: number[];
  /** Estimated bytes the read brought back. */
  responseBytes: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Running an action: one Excel.run, every sync with a time limit, errors typed

/** A read's request, estimated: a dozen loads and navigations. */
const READ_BYTES = requestBytes(16);

/** Counts syncs and request bytes; `reserve` syncs first when the next call would take a request over budget. */
class Requests implements RequestBudget {
  syncs = 0;
  readonly sizes: number[] = [];
  private pending = 0;

  /** The context with this counter's sync, for reads. */
  readonly context: ReadContext;

  constructor(
    private readonly excel: Excel.RequestContext,
    private readonly timeoutMs: number,
  ) {
    this.context = { workbook: excel.workbook, sync: () => this.sync() };
  }

  readonly sync = async (): Promise<void> => {
    this.syncs++;
    // A request with nothing reserved is a read: a dozen loads and navigations.
    this.sizes.push(this.pending || READ_BYTES);
    this.pending = 0;
    await withTimeout(this.excel.sync(), this.timeoutMs);
  };

  async reserve(bytes: number): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > REQUEST_BUDGET_BYTES) await this.sync();
    this.pending += bytes;
  }
}

async function runAction<T>(
  timeoutMs: number,
  batch: (context: Excel.RequestContext, requests: Requests) => Promise<T>,
): Promise<T> {
  try {
    return await runExcel(timeoutMs, (context) => batch(context, new Requests(context, timeoutMs)));
  } catch (e) {
    if (isExcelApplyError(e)) throw e;
    throw toExcelWriteError(e);
  }
}

function findTemplate(template: Template | string): Template {
  if (typeof template !== "string") return template;
  try {
    return defaultCatalog().findTemplate(template);
  } catch (e) {
    if (isKpiError(e)) throw new ExcelApplyError("unknown_template", { id: template });
    throw e;
  }
}

function columnOf(at: number | string | undefined): number | undefined {
  if (at === undefined) return undefined;
  const col = typeof at === "number" ? at : /^[A-Za-z]{1,3}$/.test(at.trim()) ? columnNumber(at.trim()) : Number(at);
  return Number.isInteger(col) && col >= 1 && col <= 16_384 ? col : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Pure: the plan for a sheet as read

/** Detects, maps and plans (no Excel): what the pane previews and what applyToSheet executes. */
export function previewApply(sheet: SheetForApply, template: Template, choices: ApplyChoices = {}): ApplyPreview {
  const manual = choices.columns ? new Map(choices.columns.map((c) => [c.col, c.slot])) : undefined;
  const analysis = analyseSheet(sheet.grid, sheet.workbook, template, {
    within: sheet.within,
    headerRow: choices.headerRow,
    resolveManual: manual && (() => manual),
  });
  const matches = acceptedMatches(analysis.mapping, choices.confirm ?? []);
  const plan = planApply({
    template,
    grid: sheet.grid,
    workbook: sheet.workbook,
    detection: analysis.detection,
    matches,
    formulas: choices.formulas ?? "portable",
    lang: choices.lang ?? "zh",
    at: columnOf(choices.at),
    protectRules: choices.protectRules,
  });
  const shown = new Map([...analysis.mapping.matches, ...analysis.mapping.ignored].map((m) => [m.col, m.header]));
  const changedColumns = (choices.columns ?? [])
    .filter((c) => c.header !== undefined && (shown.get(c.col) ?? "") !== c.header)
    .map((c) => c.col);
  return { analysis, matches, plan, changedColumns };
}

// ---------------------------------------------------------------------------------------------------------------
// A1 → R1C1, so one formula string serves a whole column

const A1_REF = /(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_.(!\\])/y;
const IDENTIFIER = /[A-Za-z_\\][A-Za-z0-9_.\\]*/y;
const NUMBER = /[0-9.]+(?:[Ee][+-]?[0-9]+)?/y;

/**
 * The R1C1 form of an A1 formula (without "=") in the cell at (row, col): relative references become offsets
 * (RC[-3]), absolute ones stay (R4C19). String literals and quoted sheet names are left alone, names and
 * function names too. Callers check the result by converting it back (r1c1ToA1).
 */
export function a1ToR1C1(formula: string, row: number, col: number): string {
  let out = "";
  /** formula[copied, i) is still to be copied to `out` unchanged. */
  let copied = 0;
  let i = 0;
  while (i < formula.length) {
    const code = formula.charCodeAt(i);
    if (code === 34 || code === 39) {
      // "…" or '…', a doubled quote inside
      const quote = formula[i];
      let end = i + 1;
      for (;;) {
        const close = formula.indexOf(quote, end);
        if (close < 0) {
          end = formula.length;
          break;
        }
        if (formula[close + 1] === quote) {
          end = close + 2;
          continue;
        }
        end = close + 1;
        break;
      }
      i = end;
      continue;
    }
    if (code === 36 || (code >= 65 && code <= 90)) {
      A1_REF.lastIndex = i;
      const m = A1_REF.exec(formula);
      if (m) {
        const r = Number(m[4]);
        const c = columnNumber(m[2]);
        out += formula.slice(copied, i);
        out += m[3] ? `R${r}` : r === row ? "R" : `R[${r - row}]`;
        out += m[1] ? `C${c}` : c === col ? "C" : `C[${c - col}]`;
        i += m[0].length;
        copied = i;
        continue;
      }
    }
    const letter = (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 92;
    if (letter || (code >= 48 && code <= 57) || code === 46) {
      // A name or function name, or a number, whole: its letters and digits are never a reference.
      const token = letter ? IDENTIFIER : NUMBER;
      token.lastIndex = i;
      i = token.exec(formula) ? token.lastIndex : i + 1;
      continue;
    }
    i++;
  }
  return out + formula.slice(copied);
}

interface Area {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** A column's formulas as runs of rows sharing one R1C1 formula; cells that do not convert back stay A1. */
export function formulaRuns(cells: CellPlan[]): { runs: Array<{ area: Area; r1c1: string }>; single: CellPlan[] } {
  const byCol = new Map<number, CellPlan[]>();
  for (const c of cells) {
    if (c.formula === undefined) continue;
    if (!byCol.has(c.col)) byCol.set(c.col, []);
    byCol.get(c.col)!.push(c);
  }
  const runs: Array<{ area: Area; r1c1: string; rows: CellPlan[] }> = [];
  const single: CellPlan[] = [];
  for (const [col, list] of byCol) {
    list.sort((a, b) => a.row - b.row);
    let run: (typeof runs)[number] | undefined;
    for (const cell of list) {
      const r1c1 = a1ToR1C1(cell.formula!, cell.row, col);
      if (run && run.area.r2 === cell.row - 1 && run.r1c1 === r1c1) {
        run.area.r2 = cell.row;
        run.rows.push(cell);
      } else {
        run = { area: { r1: cell.row, c1: col, r2: cell.row, c2: col }, r1c1, rows: [cell] };
        runs.push(run);
      }
    }
  }
  // Each run is checked at its ends: its R1C1 formula gives back exactly the planned A1 formula.
  const ok = runs.filter((run) => {
    const ends = [run.rows[0], run.rows[run.rows.length - 1]];
    const good = ends.every((c) => r1c1ToA1(run.r1c1, c.row, c.col) === c.formula);
    if (!good) single.push(...run.rows);
    return good;
  });
  return { runs: ok.map(({ area, r1c1 }) => ({ area, r1c1 })), single };
}

// ---------------------------------------------------------------------------------------------------------------
// Executing an ApplyPlan on the workbook

/** Excel fails on very long multi-area addresses. */
/** Calls one style takes at most. */
const STYLE_CALLS = 35;
/** A1 formulas that do not fit one R1C1 string go in 2-D arrays of at most this size. */
const FORMULA_CHUNK_BYTES = REQUEST_BUDGET_BYTES / 4;

function rangeOf(ws: Excel.Worksheet, a: Area): Excel.Range {
  return ws.getRangeByIndexes(a.r1 - 1, a.c1 - 1, a.r2 - a.r1 + 1, a.c2 - a.c1 + 1);
}

interface Written {
  /** Names this action added that were not in the workbook before. */
  addedNames: string[];
  rulesSheet?: string;
  /** Merged areas added. */
  merges: string[];
}

/** Queues the added columns' formats, headers and formulas on the target sheet. */
async function queueCells(requests: Requests, ws: Excel.Worksheet, plan: ApplyPlan): Promise<void> {
  const headBottom = plan.rows?.headBottom ?? 0;
  // Formats: one group per style; header cells cover every header row (they are merged down over them).
  const groups = new Map<string, { style: CellStyle | undefined; cells: Array<{ row: number; col: number }> }>();
  for (const c of plan.cells) {
    const key = JSON.stringify(c.style ?? null);
    if (!groups.has(key)) groups.set(key, { style: c.style, cells: [] });
    const group = groups.get(key)!;
    group.cells.push(c);
    if (c.value !== undefined && plan.rows && c.row === plan.rows.headTop)
      for (let r = c.row + 1; r <= headBottom; r++) group.cells.push({ row: r, col: c.col });
  }
  for (const { style, cells } of groups.values()) {
    const areas = cellAreas(cells);
    for (const chunk of addressChunks(areas)) {
      await requests.reserve(requestBytes(STYLE_CALLS, chunk.address));
      // Added cells wear the generated sheets' theme but keep the workbook's font (as src/xlsx/apply.ts does).
      applyStyle(ws.getRanges(chunk.address).format, style ?? { style: "score" }, null, chunk.areas);
    }
    if (style?.numFmt) {
      for (const a of areas) {
        await requests.reserve(requestBytes(2, style.numFmt));
        // One value for the whole range: Excel's bulk setters apply a single value to every cell.
        rangeOf(ws, a).numberFormat = style.numFmt as unknown as any[][];
      }
    }
  }

  // Headers: one row of values per run of adjacent header cells.
  const headers = plan.cells.filter((c) => c.formula === undefined).sort((a, b) => a.row - b.row || a.col - b.col);
  for (const area of cellAreas(headers)) {
    const values = Array.from({ length: area.r2 - area.r1 + 1 }, (_r, i) =>
      Array.from({ length: area.c2 - area.c1 + 1 }, (_c, j) =>
        cellInput(headers.find((h) => h.row === area.r1 + i && h.col === area.c1 + j)?.value),
      ),
    );
    await requests.reserve(requestBytes(2, values));
    rangeOf(ws, area).values = values;
  }

  // Formulas: one R1C1 string per run of rows, whatever the number of rows.
  const { runs, single } = formulaRuns(plan.cells);
  for (const { area, r1c1 } of runs) {
    await requests.reserve(requestBytes(2, r1c1));
    rangeOf(ws, area).formulasR1C1 = `=${r1c1}` as unknown as any[][];
  }
  // What does not convert (never, for apply's formulas): A1 in 2-D arrays, by column, split by rows.
  const byCol = new Map<number, CellPlan[]>();
  for (const c of single) {
    if (!byCol.has(c.col)) byCol.set(c.col, []);
    byCol.get(c.col)!.push(c);
  }
  for (const [col, list] of byCol) {
    list.sort((a, b) => a.row - b.row);
    // Runs of consecutive rows, each written as one column of formulas.
    for (let i = 0; i < list.length;) {
      let j = i;
      while (j + 1 < list.length && list[j + 1].row === list[j].row + 1) j++;
      const rows = list.slice(i, j + 1).map((c) => [`=${c.formula}`]);
      for (const chunk of chunkRows(rows, FORMULA_CHUNK_BYTES)) {
        await requests.reserve(requestBytes(2, chunk.rows));
        const r1 = list[i].row + chunk.offset;
        rangeOf(ws, { r1, c1: col, r2: r1 + chunk.rows.length - 1, c2: col }).formulas = chunk.rows;
      }
      i = j + 1;
    }
  }
}

function sameTarget(a: string, b: string): boolean {
  const x = nameTarget(a);
  const y = nameTarget(b);
  return !!x && !!y && x.sheet.toLowerCase() === y.sheet.toLowerCase() && rangeText(x.range) === rangeText(y.range);
}

async function queueApply(
  context: Excel.RequestContext,
  requests: Requests,
  ws: Excel.Worksheet,
  sheet: SheetForApply,
  plan: ApplyPlan,
  options: { widths: boolean },
  written: Written,
): Promise<void> {
  const workbook = context.workbook;
  const existing = new Map(sheet.workbook.names.map((n) => [n.name.toLowerCase(), n]));
  const worksheets = new Map<string, Excel.Worksheet>([[sheet.grid.name.toLowerCase(), ws]]);
  const worksheet = (name: string) => {
    const key = name.toLowerCase();
    if (!worksheets.has(key)) worksheets.set(key, workbook.worksheets.getItem(name));
    return worksheets.get(key)!;
  };
  const rangeAt = (refersTo: string) => {
    const target = nameTarget(refersTo);
    if (!target) throw new ExcelWriteError("unexpected", { detail: `name reference ${refersTo}` });
    const r = target.range;
    return rangeOf(worksheet(target.sheet), { r1: r.top, c1: r.left, r2: r.bottom, c2: r.right });
  };

  // First, so that a sheet Excel will not unprotect stops the request before anything is written.
  if (sheet.protection.protected) {
    await requests.reserve(requestBytes(1));
    ws.protection.unprotect();
  }

  if (plan.rulesSheet) {
    const rules = plan.rulesSheet;
    await requests.reserve(requestBytes(1, rules.name));
    const added = workbook.worksheets.add(rules.name);
    worksheets.set(rules.name.toLowerCase(), added);
    written.rulesSheet = rules.name;
    for (const n of rules.names) {
      await requests.reserve(requestBytes(2, n));
      workbook.names.add(n.name, added.getRange(n.ref.replace(/\$/g, "")), n.comment);
      written.addedNames.push(n.name);
    }
    await writeSheet(requests, { worksheet: added, plan: rules, font: FONT });
  }

  for (const name of plan.namesToRemove) {
    if (!existing.has(name.toLowerCase())) continue;
    await requests.reserve(requestBytes(2, name));
    workbook.names.getItem(name).delete();
  }
  for (const n of plan.namesToAdd) {
    const before = existing.get(n.name.toLowerCase());
    if (before && sameTarget(before.refersTo, n.refersTo)) continue;
    await requests.reserve(requestBytes(3, n));
    if (before) workbook.names.getItem(before.name).delete();
    workbook.names.add(n.name, rangeAt(n.refersTo));
    if (!before) written.addedNames.push(n.name);
  }

  for (const m of plan.mergesToRemove) {
    await requests.reserve(requestBytes(2, m));
    ws.getRange(m).unmerge();
  }
  for (const area of cellAreas(plan.clear)) {
    await requests.reserve(requestBytes(2));
    rangeOf(ws, area).clear("All");
  }
  await queueCells(requests, ws, plan);
  for (const m of plan.mergesToAdd) {
    await requests.reserve(requestBytes(2, m));
    ws.getRange(m).merge(false);
    written.merges.push(m);
  }
  if (options.widths) {
    const widths = [...plan.columnWidths].sort((a, b) => a.col - b.col);
    for (let i = 0; i < widths.length;) {
      let j = i;
      while (
        j + 1 < widths.length &&
        widths[j + 1].col === widths[j].col + 1 &&
        widths[j + 1].width === widths[i].width
      )
        j++;
      await requests.reserve(requestBytes(3));
      ws.getRangeByIndexes(0, widths[i].col - 1, 1, widths[j].col - widths[i].col + 1).format.columnWidth =
        widthInPoints(widths[i].width);
      i = j + 1;
    }
  }

  if (sheet.protection.protected) {
    await requests.reserve(requestBytes(2, sheet.protection.options));
    ws.protection.protect(sheet.protection.options);
  }
}

/** Where Excel stopped, from OfficeExtension.Error's debugInfo ("WorksheetProtection.unprotect"). */
function errorLocation(e: unknown): string {
  const original = e instanceof ExcelWriteError ? e.original : e;
  const info =
    typeof original === "object" && original !== null ? (original as { debugInfo?: unknown }).debugInfo : undefined;
  const location =
    typeof info === "object" && info !== null ? (info as { errorLocation?: unknown }).errorLocation : undefined;
  return typeof location === "string" ? location : "";
}

/**
 * Best effort after Excel refused a write half-way: empties the cells this apply wrote that were empty before,
 * splits the merges it added, deletes the names and the rules sheet it added, and protects the sheet again.
 */
async function undoApply(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  sheet: SheetForApply,
  plan: ApplyPlan,
  written: Written,
  timeoutMs: number,
): Promise<void> {
  try {
    const protection = ws.protection.load("protected");
    const names = context.workbook.names.load("items/name");
    const sheets = context.workbook.worksheets.load("items/name");
    await withTimeout(context.sync(), timeoutMs);
    if (!protection.protected) {
      const wereEmpty = plan.cells.filter((c) => isEmptyCell(cellAt(sheet.grid, c.row, c.col)));
      for (const area of cellAreas(wereEmpty)) rangeOf(ws, area).clear("All");
      for (const m of written.merges) if (!plan.mergesToRemove.includes(m)) ws.getRange(m).unmerge();
    }
    const added = new Set(written.addedNames.map((n) => n.toLowerCase()));
    for (const n of names.items) if (added.has(n.name.toLowerCase())) n.delete();
    const rules = written.rulesSheet?.toLowerCase();
    for (const s of sheets.items) if (rules && s.name.toLowerCase() === rules) s.delete();
    if (sheet.protection.protected && !protection.protected) ws.protection.protect(sheet.protection.options);
    await withTimeout(context.sync(), timeoutMs);
  } catch {
    // The original error is what the person needs to see.
  }
}

/** Best effort: protects the sheet again with its options when a failed request left it unprotected. */
async function protectAgain(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  sheet: SheetForApply,
  timeoutMs: number,
): Promise<void> {
  try {
    const protection = ws.protection.load("protected");
    await withTimeout(context.sync(), timeoutMs);
    if (protection.protected) return;
    ws.protection.protect(sheet.protection.options);
    await withTimeout(context.sync(), timeoutMs);
  } catch {
    // The original error is what the person needs to see.
  }
}

function refuse(plan: ApplyPlan): void {
  if (plan.refusals.length) throw new ExcelApplyError("refused", {}, { refusals: plan.refusals });
  if (plan.blocked.length) {
    throw new ExcelApplyError(
      "blocked",
      { cells: plan.blocked.map((b) => b.cell).join(", ") },
      { blocked: plan.blocked },
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Actions

/** Reads the active sheet (or the selection) as src/apply's model: the pane previews the mapping from it. */
export function readSheetForApply(
  options: { useSelection?: boolean } & ApplyActionOptions = {},
): Promise<SheetForApply> {
  return runAction(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, async (context, requests) => {
    const { sheet } = await readActiveSheet(requests.context, options);
    return sheet;
  });
}

/**
 * Applies the template to the active sheet: re-reads it, plans, and writes the added columns, the rules sheet
 * (portable formulas, when the workbook lacks its names) and the marker, in one Excel.run. Throws
 * ExcelApplyError("blocked") with the cells when a target cell is not empty or is merged, ("refused") with apply's
 * reasons, ("sheet_changed") when a column the person mapped has another header now; ExcelWriteError for what
 * Excel refuses. Re-applying rewrites only the cells that still hold what apply wrote and lists the others.
 */
export async function applyToSheet(options: ApplyOptions): Promise<ApplyResult> {
  const template = findTemplate(options.template);
  return runAction(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, async (context, requests) => {
    const { sheet, worksheet } = await readActiveSheet(requests.context, options);
    const preview = previewApply(sheet, template, options);
    const { plan } = preview;
    if (preview.changedColumns.length) {
      throw new ExcelApplyError("sheet_changed", { columns: preview.changedColumns.map(columnLetter).join(", ") });
    }
    refuse(plan);
    if (!canWrite(plan)) throw new ExcelWriteError("unexpected", { detail: "the plan cannot be written" });
    if (plan.rulesSheet && sheet.workbookProtected) throw new ExcelWriteError("workbook_protected");

    const firstApply = !blocksOn(sheet.workbook, sheet.grid.name).some((b) => b.templateId === template.id);
    const written: Written = { addedNames: [], merges: [] };
    try {
      await queueApply(context, requests, worksheet, sheet, plan, { widths: firstApply }, written);
      await requests.sync();
    } catch (e) {
      const error = toExcelWriteError(e);
      if (error.code !== "timeout" && error.code !== "cell_edit_mode")
        await undoApply(context, worksheet, sheet, plan, written, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      if (sheet.protection.protected && /unprotect/i.test(errorLocation(error)))
        throw new ExcelApplyError("sheet_password", { sheet: sheet.grid.name });
      throw error;
    }

    const marker = readMarkers(plan.namesToAdd)[0];
    const block = marker ? rangeText(marker.block) : "";
    return {
      sheet: sheet.grid.name,
      block,
      columns: plan.columns,
      marker: marker?.id ?? 0,
      rulesSheet: plan.rulesSheet?.name,
      overrides: plan.overrides,
      problems: plan.problems,
      warnings: plan.warnings,
      matches: preview.matches,
      written: plan.cells.length,
      cleared: plan.clear.length,
      syncs: requests.syncs,
      requestBytes: requests.sizes,
      responseBytes: sheet.responseBytes,
    };
  });
}

/**
 * Removes the applied columns from the active sheet (every block, or block `id`): empties the cells that still
 * hold what apply wrote (others are listed as overrides and kept), splits the header merges, deletes the marker
 * names and the rules sheet the apply added when no other block uses it. One Excel.run; a protected sheet is
 * unprotected and protected again inside it.
 */
export function removeApplied(options: RemoveOptions = {}): Promise<RemoveResult> {
  return runAction(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, async (context, requests) => {
    const { sheet, worksheet: ws } = await readActiveSheet(requests.context);
    const plan = planRemoval({
      grid: sheet.grid,
      workbook: sheet.workbook,
      catalog: options.catalog ?? defaultCatalog(),
      id: options.id,
    });
    refuse(plan);
    const warnings = [...plan.warnings];
    const workbook = context.workbook;
    const existing = new Set(sheet.workbook.names.map((n) => n.name.toLowerCase()));
    const sheets = new Set(sheet.workbook.sheetNames.map((n) => n.toLowerCase()));
    const rules = plan.removeRulesSheet;
    const deleteRules =
      !!rules &&
      sheets.has(rules.toLowerCase()) &&
      rules.toLowerCase() !== sheet.grid.name.toLowerCase() &&
      !sheet.workbookProtected;
    // A rules sheet that stays keeps the names its cells carry.
    const keptRules = rules && !deleteRules ? rules.toLowerCase() : undefined;
    const namesToRemove = plan.namesToRemove.filter((n) => {
      if (!existing.has(n.toLowerCase())) return false;
      const target = keptRules
        ? nameTarget(sheet.workbook.names.find((x) => x.name.toLowerCase() === n.toLowerCase())!.refersTo)
        : undefined;
      return !(target && target.sheet.toLowerCase() === keptRules);
    });
    const touchesSheet = plan.clear.length > 0 || plan.mergesToRemove.length > 0;

    try {
      if (touchesSheet && sheet.protection.protected) {
        await requests.reserve(requestBytes(1));
        ws.protection.unprotect();
      }
      for (const m of plan.mergesToRemove) {
        await requests.reserve(requestBytes(2, m));
        ws.getRange(m).unmerge();
      }
      for (const area of cellAreas(plan.clear)) {
        await requests.reserve(requestBytes(2));
        rangeOf(ws, area).clear("All");
      }
      for (const name of namesToRemove) {
        await requests.reserve(requestBytes(2, name));
        workbook.names.getItem(name).delete();
      }
      if (deleteRules) {
        await requests.reserve(requestBytes(2, rules));
        workbook.worksheets.getItem(rules!).delete();
      }
      if (touchesSheet && sheet.protection.protected) {
        await requests.reserve(requestBytes(2, sheet.protection.options));
        ws.protection.protect(sheet.protection.options);
      }
      await requests.sync();
    } catch (e) {
      const error = toExcelWriteError(e);
      if (touchesSheet && sheet.protection.protected && error.code !== "timeout" && error.code !== "cell_edit_mode")
        await protectAgain(context, ws, sheet, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      if (sheet.protection.protected && /unprotect/i.test(errorLocation(error)))
        throw new ExcelApplyError("sheet_password", { sheet: sheet.grid.name });
      throw error;
    }
    if (deleteRules) warnings.push(applyMessage("removed_rules_sheet", { sheet: rules! }));
    else if (rules && sheets.has(rules.toLowerCase()))
      warnings.push(applyMessage("kept_rules_sheet", { sheet: rules }));
    return {
      sheet: sheet.grid.name,
      cleared: plan.clear.length,
      overrides: plan.overrides,
      removedRulesSheet: deleteRules ? rules : undefined,
      warnings,
      syncs: requests.syncs,
      requestBytes: requests.sizes,
      responseBytes: sheet.responseBytes,
    };
  });
}

/** The blocks earlier applies wrote on a sheet as read (for the pane: "Remove applied columns" is offered when any). */
export function appliedBlocks(sheet: SheetForApply): AppliedBlock[] {
  return blocksOn(sheet.workbook, sheet.grid.name);
}
