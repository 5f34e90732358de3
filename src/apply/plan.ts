// The applied-columns plan: what to write next to HR's own table (a score column per mapped rule, then 总分,
// 等级 and 排名 with the roster's semantics), what blocks it, what a re-apply rewrites and what it leaves as a
// person's override, and how an apply is removed. Pure: writers (src/xlsx/apply.ts; the add-in) only execute
// an ApplyPlan.
import { scorableRules, type Catalog, type FoundRule } from "../catalog/catalog";
import type { Lang, Template } from "../catalog/types";
import { a1, rangeAbs, uniqueSheetName } from "../sheets/a1";
import { gradeExpression, rankExpression, scoreExpression, totalExpression, type Rater } from "../sheets/formulas";
import type { CellPlan, CellStyle, SheetPlan } from "../sheets/plan";
import { scoreHeader } from "../sheets/roster";
import { buildRulesSheet, namePrefix, ruleNames } from "../sheets/rules-sheet";
import { sheetText } from "../sheets/texts";
import type { TableDetection } from "./detect";
import { cellAt, inRange, isEmptyCell, mergeAt, rangeText, type CellRange, type Grid } from "./grid";
import { coverage, slotsOf, type ColumnMatch, type InputSlot } from "./map";
import {
  markerNames,
  nameTarget,
  nextMarkerId,
  readMarkers,
  slotNamePart,
  type AppliedBlock,
  type AppliedColumn,
  type DefinedName,
} from "./marker";
import { applyMessage, joinNames, type ApplyMessage } from "./messages";
import { inputProblems, type InputProblem } from "./problems";

export type FormulaMode = "portable" | "addin";

/** What the planner needs to know about the workbook besides the target sheet. */
export interface WorkbookModel {
  sheetNames: string[];
  names: DefinedName[];
}

export interface BlockedCell {
  cell: string;
  row: number;
  col: number;
  reason: "value" | "formula" | "merged" | "table";
  /** The value found, or the merged/table area. */
  detail?: string;
}

/** A cell a person changed inside an applied block: left as it is and listed. */
export interface OverrideCell {
  cell: string;
  row: number;
  col: number;
  /** The formula or value found. */
  found: string;
}

/** One name the writer adds: on the target sheet, or on the rules sheet it adds (`rulesSheet`). */
export interface PlannedName {
  name: string;
  /** Absolute reference with the sheet, e.g. 'Sheet1'!$F$1:$J$17. */
  refersTo: string;
}

export interface ApplyPlan {
  action: "apply" | "remove";
  sheet: string;
  /** Reasons nothing may be written (not a roster, nothing mapped, names in the way). */
  refusals: ApplyMessage[];
  /** Cells that block the apply; nothing may be written while any is listed. */
  blocked: BlockedCell[];
  /** Cells to write: values, formulas (A1, without "="), styles. */
  cells: CellPlan[];
  /** Cells to empty (value, formula and format). */
  clear: Array<{ row: number; col: number }>;
  mergesToAdd: string[];
  mergesToRemove: string[];
  /** Widths for added columns that have none yet. */
  columnWidths: Array<{ col: number; width: number }>;
  /** Names to add or, when already present, to point at the new reference. */
  namesToAdd: PlannedName[];
  namesToRemove: string[];
  /** A rules sheet to add (its `names` are added with it, on that sheet). */
  rulesSheet?: SheetPlan;
  /** Removal: the rules sheet an earlier apply added, to delete when nothing else uses it. */
  removeRulesSheet?: string;
  overrides: OverrideCell[];
  /** What each added column holds, left to right. */
  columns: AppliedColumn[];
  /** The block: header rows and data rows. */
  rows?: { headTop: number; headBottom: number; first: number; last: number };
  warnings: ApplyMessage[];
  problems: InputProblem[];
}

function emptyPlan(action: ApplyPlan["action"], sheet: string): ApplyPlan {
  return {
    action,
    sheet,
    refusals: [],
    blocked: [],
    cells: [],
    clear: [],
    mergesToAdd: [],
    mergesToRemove: [],
    columnWidths: [],
    namesToAdd: [],
    namesToRemove: [],
    overrides: [],
    columns: [],
    warnings: [],
    problems: [],
  };
}

/** Whether a plan may be executed. */
export function canWrite(plan: ApplyPlan): boolean {
  return plan.refusals.length === 0 && plan.blocked.length === 0;
}

// ---------------------------------------------------------------------------------------------
// The block's cells, from a layout. The same function rebuilds what an earlier apply wrote.
// ---------------------------------------------------------------------------------------------

export interface BlockLayout {
  template: Template;
  mode: FormulaMode;
  /** Input columns by slot ref. */
  inputs: Map<string, number>;
  /** Score columns by rule ref (template/rule). */
  scoreCols: Map<string, number>;
  totalCol?: number;
  gradeCol?: number;
  rankCol?: number;
  headTop: number;
  headBottom: number;
  /** Data rows: formulas go on every row from first to last. */
  first: number;
  last: number;
}

interface ExpectedCell {
  row: number;
  col: number;
  formula?: string;
  /** Header text in each language (a re-apply in the other language still recognises it). */
  header?: { zh: string; en: string };
  style: CellStyle;
}

const STYLE = {
  header: { style: "header", wrap: true },
  score: { style: "score", numFmt: "0.0#" },
  total: { style: "total", numFmt: "0.00" },
  grade: { style: "total" },
  rank: { style: "total" },
} as const satisfies Record<string, CellStyle>;

/** =KPI.SCORE for one rule; further inputs in a range when adjacent, else gathered with CHOOSE. */
function addinScore(template: Template, found: FoundRule, input: (index: number, rater: Rater) => string): string {
  const call = (rater: Rater) => {
    const refs = found.rule.inputs.map((_s, i) => input(i, rater));
    const rest = refs.slice(1);
    let further = "";
    if (rest.length === 1) further = `,${rest[0]}`;
    else if (rest.length > 1) {
      const adjacent = rest.every((r, i) => i === 0 || isNextCell(rest[i - 1], r));
      further = adjacent ? `,${rest[0]}:${rest[rest.length - 1]}` : `,CHOOSE({${rest.map((_r, i) => i + 1).join(",")}},${rest.join(",")})`;
    }
    return `KPI.SCORE(${refs[0]},"${found.ref}"${further})`;
  };
  if (template.raters && found.scope === "indicator") return `KPI.BLEND(${call("supervisor")},${call("self")},${template.raters.supervisor})`;
  return call(null);
}

function isNextCell(a: string, b: string): boolean {
  const pa = /^([A-Z]+)(\d+)$/.exec(a);
  const pb = /^([A-Z]+)(\d+)$/.exec(b);
  if (!pa || !pb || pa[2] !== pb[2]) return false;
  const n = (s: string) => [...s].reduce((x, ch) => x * 26 + ch.charCodeAt(0) - 64, 0);
  return n(pb[1]) === n(pa[1]) + 1;
}

export function blockCells(layout: BlockLayout): ExpectedCell[] {
  const { template } = layout;
  const names = ruleNames(namePrefix(template));
  const out: ExpectedCell[] = [];
  const rules = scorableRules(template);
  const scored = rules.filter((f) => layout.scoreCols.has(f.ref));
  const slotRefs = new Map(slotsOf(template).map((s) => [`${s.found.ref}#${s.index}#${s.rater}`, s.ref]));
  const header = (col: number, zh: string, en: string, style: CellStyle = STYLE.header) => out.push({ row: layout.headTop, col, header: { zh, en }, style });
  for (const found of scored) header(layout.scoreCols.get(found.ref)!, scoreHeader(found, "zh"), scoreHeader(found, "en"));
  if (layout.totalCol) header(layout.totalCol, sheetText("zh", "total"), sheetText("en", "total"));
  if (layout.gradeCol) header(layout.gradeCol, sheetText("zh", "grade"), sheetText("en", "grade"));
  if (layout.rankCol) header(layout.rankCol, sheetText("zh", "rank"), sheetText("en", "rank"));

  for (let row = layout.first; row <= layout.last; row++) {
    const input = (found: FoundRule) => (index: number, rater: Rater) => {
      const col = layout.inputs.get(slotRefs.get(`${found.ref}#${index}#${rater}`) ?? "");
      return col === undefined ? "0" : a1(row, col);
    };
    for (const found of scored) {
      const col = layout.scoreCols.get(found.ref)!;
      const formula = layout.mode === "addin" ? addinScore(template, found, input(found)) : scoreExpression(template, found, names, input(found));
      out.push({ row, col, formula, style: STYLE.score });
    }
    if (layout.totalCol) {
      const total = totalExpression(
        template,
        scored,
        names,
        (found) => a1(row, layout.scoreCols.get(found.ref)!),
        (veto) => input(veto)(0, null),
      );
      out.push({ row, col: layout.totalCol, formula: total, style: STYLE.total });
      const t = a1(row, layout.totalCol);
      if (layout.gradeCol) out.push({ row, col: layout.gradeCol, formula: gradeExpression(names, t), style: STYLE.grade });
      if (layout.rankCol) out.push({ row, col: layout.rankCol, formula: rankExpression(t, rangeAbs(layout.first, layout.totalCol, layout.last, layout.totalCol)), style: STYLE.rank });
    }
  }
  return out;
}

/** A formula as compared: no "=", no _xlfn. prefixes, no spaces and upper case outside string literals. */
export function canonicalFormula(formula: string): string {
  const f = formula.trim().replace(/^=/, "").replace(/_xlfn\./gi, "");
  // Split on quotes: even pieces are outside string literals (a doubled quote leaves an empty odd piece).
  return f
    .split('"')
    .map((piece, i) => (i % 2 ? piece : piece.replace(/\s+/g, "").toUpperCase()))
    .join('"');
}

function isOurs(grid: Grid, row: number, col: number, expected: Array<ExpectedCell | undefined>): boolean {
  const cell = cellAt(grid, row, col);
  if (isEmptyCell(cell)) return true;
  for (const e of expected) {
    if (!e) continue;
    if (e.formula !== undefined && cell!.formula !== undefined && canonicalFormula(cell!.formula) === canonicalFormula(e.formula)) return true;
    if (e.header && cell!.formula === undefined && typeof cell!.value === "string" && (cell!.value === e.header.zh || cell!.value === e.header.en)) return true;
  }
  return false;
}

function cellShown(grid: Grid, row: number, col: number): string {
  const cell = cellAt(grid, row, col);
  if (!cell) return "";
  if (cell.formula !== undefined) return `=${cell.formula}`;
  return cell.error ?? String(cell.value ?? "");
}

// ---------------------------------------------------------------------------------------------
// Reading earlier blocks back
// ---------------------------------------------------------------------------------------------

function sameSheet(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export function blocksOn(workbook: WorkbookModel, sheet: string): AppliedBlock[] {
  return readMarkers(workbook.names).filter((b) => sameSheet(b.sheet, sheet));
}

/** The layout an earlier apply wrote, rebuilt from its marker. */
export function layoutOf(block: AppliedBlock, template: Template): BlockLayout {
  const slots = slotsOf(template);
  const inputs = new Map<string, number>();
  let first = block.head.bottom + 1;
  let last = block.block.bottom;
  let seen = false;
  for (const [part, range] of block.inputs) {
    const slot = slots.find((s) => slotNamePart(s.ref).toLowerCase() === part.toLowerCase());
    if (!slot) continue;
    inputs.set(slot.ref, range.left);
    if (!seen) {
      first = range.top;
      last = range.bottom;
      seen = true;
    }
  }
  const scoreCols = new Map<string, number>();
  for (const c of block.columns) if (c.kind === "score" && c.rule) scoreCols.set(`${template.id}/${c.rule}`, c.col);
  const col = (kind: AppliedColumn["kind"]) => block.columns.find((c) => c.kind === kind)?.col;
  return {
    template,
    mode: block.mode,
    inputs,
    scoreCols,
    totalCol: col("total"),
    gradeCol: col("grade"),
    rankCol: col("rank"),
    headTop: block.head.top,
    headBottom: block.head.bottom,
    first,
    last,
  };
}

// ---------------------------------------------------------------------------------------------
// Apply
// ---------------------------------------------------------------------------------------------

export interface ApplyRequest {
  template: Template;
  grid: Grid;
  workbook: WorkbookModel;
  detection: TableDetection;
  /** The matches to apply (already confirmed). */
  matches: ColumnMatch[];
  formulas: FormulaMode;
  lang: Lang;
  /** First column to write; default: an earlier block of this template, else the first column right of the table. */
  at?: number;
  /** Protect the added rules sheet (no password), as generated workbooks do. Default true (portable only). */
  protectRules?: boolean;
}

const COLUMN_WIDTH = 13;

export function planApply(req: ApplyRequest): ApplyPlan {
  const { template, grid, workbook, detection, matches } = req;
  const plan = emptyPlan("apply", grid.name);
  if (!detection.roster) {
    const reason = detection.notRoster ?? "no_table";
    plan.refusals.push(applyMessage(`not_roster_${reason}`, { sheet: grid.name, row: detection.header.bottom }));
    return plan;
  }
  const cover = coverage(template, matches);
  if (!cover.scored.length) {
    plan.refusals.push(applyMessage("nothing_mapped", { template: template.name }));
    return plan;
  }

  const blocks = blocksOn(workbook, grid.name);
  const previous = [...blocks].reverse().find((b) => b.templateId === template.id);
  const others = blocks.filter((b) => b !== previous);
  const headTop = detection.header.top;
  const headBottom = detection.header.bottom;
  const first = detection.firstDataRow;
  const last = detection.lastDataRow;
  const rowsOverlap = (b: AppliedBlock) => b.block.top <= last && b.block.bottom >= headTop;
  const start =
    req.at ??
    previous?.block.left ??
    Math.max(detection.right, ...others.filter(rowsOverlap).map((b) => b.block.right)) + 1;

  // Columns, left to right: scores in the template's order, then total, grade, rank when every indicator has a column.
  const layout: BlockLayout = {
    template,
    mode: req.formulas,
    inputs: new Map(matches.map((m) => [m.slot.ref, m.col])),
    scoreCols: new Map(),
    headTop,
    headBottom,
    first,
    last,
  };
  let col = start;
  for (const found of cover.scored) {
    layout.scoreCols.set(found.ref, col);
    plan.columns.push({ kind: "score", rule: found.rule.id, col });
    col++;
  }
  if (!cover.missingIndicators.length) {
    layout.totalCol = col++;
    plan.columns.push({ kind: "total", col: layout.totalCol });
    if (template.grades) {
      layout.gradeCol = col++;
      plan.columns.push({ kind: "grade", col: layout.gradeCol });
    }
    layout.rankCol = col++;
    plan.columns.push({ kind: "rank", col: layout.rankCol });
  }
  const right = col - 1;
  plan.rows = { headTop, headBottom, first, last };

  const expected = new Map(blockCells(layout).map((c) => [`${c.row}:${c.col}`, c]));
  // What the earlier apply of this template wrote, rebuilt from its marker: cells still holding it are rewritten.
  const oldExpected = previous ? new Map(blockCells(layoutOf(previous, template)).map((c) => [`${c.row}:${c.col}`, c])) : new Map<string, ExpectedCell>();
  const inOld = (row: number, c: number) => !!previous && inRange(previous.block, row, c);
  const oldHeadMerge = (m: CellRange) => !!previous && m.top >= previous.head.top && m.bottom <= previous.head.bottom && m.left >= previous.block.left && m.right <= previous.block.right;

  // Target cells: the header rows and the data rows, across the new columns.
  const targetRows: number[] = [];
  for (let r = headTop; r <= headBottom; r++) targetRows.push(r);
  for (let r = first; r <= last; r++) if (r > headBottom) targetRows.push(r);
  const isTargetRow = new Set(targetRows);
  const write: CellPlan[] = [];
  const clear: Array<{ row: number; col: number }> = [];
  for (const row of targetRows) {
    for (let c = start; c <= right; c++) {
      const cell = a1(row, c);
      const merge = mergeAt(grid, row, c);
      if (merge && !oldHeadMerge(merge)) {
        plan.blocked.push({ cell, row, col: c, reason: "merged", detail: rangeText(merge) });
        continue;
      }
      const table = grid.tables.find((t) => inRange(t, row, c));
      if (table) {
        plan.blocked.push({ cell, row, col: c, reason: "table", detail: rangeText(table) });
        continue;
      }
      const key = `${row}:${c}`;
      const want = expected.get(key);
      const existing = cellAt(grid, row, c);
      if (!isEmptyCell(existing)) {
        if (!inOld(row, c)) {
          plan.blocked.push({ cell, row, col: c, reason: existing!.formula !== undefined ? "formula" : "value", detail: cellShown(grid, row, c) });
          continue;
        }
        if (!isOurs(grid, row, c, [oldExpected.get(key), want])) {
          plan.overrides.push({ cell, row, col: c, found: cellShown(grid, row, c) });
          continue;
        }
      }
      if (want) write.push(toCellPlan(want, req.lang));
      else if (!isEmptyCell(existing)) clear.push({ row, col: c });
    }
  }
  // What an earlier block wrote outside the new one: removed where still ours, kept (and listed) otherwise.
  if (previous) {
    for (let row = previous.block.top; row <= previous.block.bottom; row++) {
      for (let c = previous.block.left; c <= previous.block.right; c++) {
        if (c >= start && c <= right && isTargetRow.has(row)) continue;
        if (isEmptyCell(cellAt(grid, row, c))) continue;
        if (isOurs(grid, row, c, [oldExpected.get(`${row}:${c}`)])) clear.push({ row, col: c });
        else plan.overrides.push({ cell: a1(row, c), row, col: c, found: cellShown(grid, row, c) });
      }
    }
    for (const m of grid.merges) if (oldHeadMerge(m)) plan.mergesToRemove.push(rangeText(m));
  }
  if (plan.blocked.length) return plan;

  plan.cells = write;
  plan.clear = clear;
  if (headBottom > headTop) for (let c = start; c <= right; c++) plan.mergesToAdd.push(rangeText({ top: headTop, bottom: headBottom, left: c, right: c }));
  for (let c = start; c <= right; c++) plan.columnWidths.push({ col: c, width: COLUMN_WIDTH });

  // The rules sheet: reused when the workbook defines every name the formulas read, added when it defines none.
  const prefix = namePrefix(template);
  const names = ruleNames(prefix);
  const used = namesUsed([...expected.values()], prefix);
  // A name counts as there only while it still refers to cells (a deleted rules sheet leaves #REF! behind).
  const workbookNames = workbook.names.filter((n) => n.scope === undefined);
  const existing = new Set(workbookNames.filter((n) => nameTarget(n.refersTo)).map((n) => n.name.toLowerCase()));
  const taken = new Set(workbookNames.map((n) => n.name.toLowerCase()));
  let rulesSheetName = previous?.rulesSheet;
  if (used.size) {
    const missing = [...used].filter((n) => !existing.has(n.toLowerCase()));
    if (missing.length === 0) {
      if (!previous) plan.warnings.push(applyMessage("rules_sheet_reused", { prefix }));
    } else {
      const sheetName = uniqueSheetName(sheetText(req.lang, "rules_sheet"), workbook.sheetNames);
      const rules = buildRulesSheet(template, req.lang, names, sheetName);
      const clash = rules.names.filter((n) => taken.has(n.name.toLowerCase()));
      if (clash.length) {
        plan.refusals.push(applyMessage("names_partial", { template: template.name, names: missing.join(", ") }));
        plan.cells = [];
        plan.clear = [];
        return plan;
      }
      if (req.formulas === "portable" && req.protectRules !== false) rules.protection = { password: "", allowSort: false, allowAutoFilter: false };
      plan.rulesSheet = rules;
      rulesSheetName = sheetName;
      plan.warnings.push(applyMessage("rules_sheet_added", { sheet: sheetName }));
    }
  }

  // The marker.
  const id = previous?.id ?? nextMarkerId(workbook.names);
  const marker = markerNames({
    id,
    sheet: grid.name,
    block: { top: headTop, bottom: last, left: start, right },
    head: { top: headTop, bottom: headBottom, left: start, right },
    mode: req.formulas,
    templateId: template.id,
    inputs: matches.map((m) => ({ slot: m.slot.ref, range: { top: first, bottom: last, left: m.col, right: m.col } })),
    columns: plan.columns,
    rulesSheet: rulesSheetName,
  });
  plan.namesToAdd = marker;
  const keep = new Set(marker.map((n) => n.name.toLowerCase()));
  plan.namesToRemove = (previous?.names ?? []).filter((n) => !keep.has(n.toLowerCase()));

  // What a person should know.
  if (cover.missingIndicators.length) plan.warnings.push(applyMessage("missing_indicators", { names: joinNames(cover.missingIndicators.map((f) => f.rule.name)) }));
  if (cover.missingAdjustments.length) plan.warnings.push(applyMessage("missing_adjustments", { names: joinNames(cover.missingAdjustments.map((f) => f.rule.name)) }));
  for (const slot of cover.zeroInputs) plan.warnings.push(applyMessage("zero_input", { input: slotLabel(slot), rule: slot.found.rule.name }));
  if (plan.overrides.length) plan.warnings.push(applyMessage("overrides", { cells: plan.overrides.map((o) => o.cell).join(", ") }));
  plan.problems = inputProblems(grid, matches, detection.dataRows);
  return plan;
}

function slotLabel(slot: InputSlot) {
  return slot.found.rule.inputs[slot.index].label;
}

function toCellPlan(e: ExpectedCell, lang: Lang): CellPlan {
  return e.formula !== undefined ? { row: e.row, col: e.col, formula: e.formula, style: e.style } : { row: e.row, col: e.col, value: e.header![lang], style: e.style };
}

/** Names of the rules sheet that the formulas read. */
function namesUsed(cells: ExpectedCell[], prefix: string): Set<string> {
  const used = new Set<string>();
  const pattern = new RegExp(`\\b${prefix}_[A-Za-z0-9_.]+`, "g");
  for (const c of cells) {
    if (!c.formula) continue;
    for (const m of c.formula.replace(/"[^"]*"/g, "").matchAll(pattern)) used.add(m[0]);
  }
  return used;
}

// ---------------------------------------------------------------------------------------------
// Remove
// ---------------------------------------------------------------------------------------------

export interface RemoveRequest {
  grid: Grid;
  workbook: WorkbookModel;
  catalog: Catalog;
  /** Only this block (its n); default: every block on the sheet. */
  id?: number;
}

/** Undoes applies on a sheet: clears what they wrote and still holds their formulas, removes their names. */
export function planRemoval(req: RemoveRequest): ApplyPlan {
  const { grid, workbook } = req;
  const plan = emptyPlan("remove", grid.name);
  const all = readMarkers(workbook.names);
  const blocks = all.filter((b) => sameSheet(b.sheet, grid.name) && (req.id === undefined || b.id === req.id));
  if (!blocks.length) {
    plan.warnings.push(applyMessage("nothing_to_remove", { sheet: grid.name }));
    return plan;
  }
  for (const block of blocks) {
    const template = req.catalog.templates.find((t) => t.id === block.templateId);
    if (!template) {
      plan.refusals.push(applyMessage("template_unknown", { template: block.templateId, block: `${block.sheet}!${rangeText(block.block)}` }));
      continue;
    }
    const expected = new Map(blockCells(layoutOf(block, template)).map((c) => [`${c.row}:${c.col}`, c]));
    for (let row = block.block.top; row <= block.block.bottom; row++) {
      for (let c = block.block.left; c <= block.block.right; c++) {
        const cell = cellAt(grid, row, c);
        if (isEmptyCell(cell)) continue;
        if (isOurs(grid, row, c, [expected.get(`${row}:${c}`)])) plan.clear.push({ row, col: c });
        else plan.overrides.push({ cell: a1(row, c), row, col: c, found: cellShown(grid, row, c) });
      }
    }
    for (const m of grid.merges) {
      if (m.top >= block.head.top && m.bottom <= block.head.bottom && m.left >= block.block.left && m.right <= block.block.right) plan.mergesToRemove.push(rangeText(m));
    }
    plan.namesToRemove.push(...block.names);
    const stillUsed = all.some((b) => !blocks.includes(b) && b.templateId === block.templateId);
    if (block.rulesSheet && !stillUsed) {
      plan.removeRulesSheet = block.rulesSheet;
      for (const n of workbook.names) {
        const target = nameTarget(n.refersTo);
        if (target && sameSheet(target.sheet, block.rulesSheet) && !plan.namesToRemove.includes(n.name)) plan.namesToRemove.push(n.name);
      }
    }
  }
  if (plan.refusals.length) {
    plan.clear = [];
    plan.namesToRemove = [];
    plan.mergesToRemove = [];
    plan.removeRulesSheet = undefined;
    return plan;
  }
  if (plan.overrides.length) plan.warnings.push(applyMessage("overrides", { cells: plan.overrides.map((o) => o.cell).join(", ") }));
  return plan;
}
