// The marker an apply leaves in the workbook, so Explain, re-apply and removal find the block again.
//
// Format (version 1): workbook-level defined names that each refer to a plain range. Excel, ExcelJS and
// LibreOffice all keep range names through a save; they drop a name's comment (ExcelJS, LibreOffice) and names
// holding a constant such as a JSON string (ExcelJS), so every fact lives in a name and the range it refers to:
//
//   KPI_APPLIED_<n>                         the block: header rows to last data row, across the added columns
//   KPI_APPLIED_<n>.v1.<mode>.<template>    the same range; format version, formulas (portable|addin), template id
//   KPI_APPLIED_<n>.head                    the block's header cells (one row, or a multi-row header's rows)
//   KPI_APPLIED_<n>.in.<slot>               an input column's data cells; <slot> is the rule id, then .<input id>
//                                           for a further input, then .self for a self score
//   KPI_APPLIED_<n>.score.<rule>            a score column (header and data)
//   KPI_APPLIED_<n>.total | .grade | .rank  the total, grade and rank columns, when written
//   KPI_APPLIED_<n>.rules                   A1 of the rules sheet this apply added (absent when it was there)
//
// Template, rule and input ids match ^[a-z][a-z0-9_]{2,40}$, so the dots separate the parts unambiguously.
// When rows or columns are inserted, Excel moves every range, so the marker follows the sheet.
import { quoteSheet } from "../sheets/a1";
import { parseRange, rangeText, type CellRange } from "./grid";

export const MARKER_PREFIX = "KPI_APPLIED_";
export const MARKER_VERSION = 1;

/** A defined name as the planner needs it. */
export interface DefinedName {
  name: string;
  /** What it refers to, as written: 'Sheet 1'!$A$1:$B$2, a constant, a formula. */
  refersTo: string;
  /** For sheet-scoped names: the sheet's name. */
  scope?: string;
}

/** A defined name read as a plain range on one sheet, if it is one. */
export function nameTarget(refersTo: string): { sheet: string; range: CellRange } | undefined {
  const m = /^(?:'((?:[^']|'')+)'|([^'!:]+))!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)$/.exec(refersTo.trim().replace(/^=/, ""));
  if (!m) return undefined;
  const range = parseRange(m[3]);
  if (!range) return undefined;
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], range };
}

export function nameRef(sheet: string, range: CellRange): string {
  const abs = rangeText(range).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
  return `${quoteSheet(sheet)}!${abs}`;
}

export type AppliedColumnKind = "score" | "total" | "grade" | "rank";

export interface AppliedColumn {
  kind: AppliedColumnKind;
  col: number;
  /** For score columns: the rule id. */
  rule?: string;
}

export interface AppliedBlock {
  /** The n of KPI_APPLIED_<n>. */
  id: number;
  sheet: string;
  block: CellRange;
  head: CellRange;
  version: number;
  mode: "portable" | "addin";
  templateId: string;
  /** Input columns by slot (name form: rule, rule.input, rule.self). */
  inputs: Map<string, CellRange>;
  columns: AppliedColumn[];
  /** The rules sheet this apply added. */
  rulesSheet?: string;
  /** Every defined name of the marker. */
  names: string[];
}

/** The slot of a marker name, in name form: "@self" becomes ".self". */
export function slotNamePart(slotRef: string): string {
  return slotRef.replace("@", ".");
}

export interface MarkerInput {
  id: number;
  sheet: string;
  block: CellRange;
  head: CellRange;
  mode: "portable" | "addin";
  templateId: string;
  inputs: Array<{ slot: string; range: CellRange }>;
  columns: AppliedColumn[];
  rulesSheet?: string;
}

/** The names that mark a block, each with the absolute reference it refers to. */
export function markerNames(m: MarkerInput): Array<{ name: string; refersTo: string }> {
  const base = `${MARKER_PREFIX}${m.id}`;
  const on = (range: CellRange) => nameRef(m.sheet, range);
  const names = [
    { name: base, refersTo: on(m.block) },
    { name: `${base}.v${MARKER_VERSION}.${m.mode}.${m.templateId}`, refersTo: on(m.block) },
    { name: `${base}.head`, refersTo: on(m.head) },
    ...m.inputs.map((i) => ({ name: `${base}.in.${slotNamePart(i.slot)}`, refersTo: on(i.range) })),
    ...m.columns.map((c) => ({
      name: c.kind === "score" ? `${base}.score.${c.rule}` : `${base}.${c.kind}`,
      refersTo: on({ top: m.block.top, bottom: m.block.bottom, left: c.col, right: c.col }),
    })),
  ];
  if (m.rulesSheet) names.push({ name: `${base}.rules`, refersTo: nameRef(m.rulesSheet, { top: 1, left: 1, bottom: 1, right: 1 }) });
  return names;
}

/** Every applied block the names describe; names that do not parse are left out. */
export function readMarkers(names: readonly DefinedName[]): AppliedBlock[] {
  const byId = new Map<number, DefinedName[]>();
  for (const n of names) {
    if (n.scope !== undefined) continue;
    const m = new RegExp(`^${MARKER_PREFIX}(\\d+)(?:\\.|$)`, "i").exec(n.name);
    if (!m) continue;
    const id = Number(m[1]);
    byId.set(id, [...(byId.get(id) ?? []), n]);
  }
  const blocks: AppliedBlock[] = [];
  for (const [id, list] of byId) {
    const base = `${MARKER_PREFIX}${id}`.toLowerCase();
    const get = (suffix: string) => list.find((n) => n.name.toLowerCase() === base + suffix);
    const main = get("");
    const target = main && nameTarget(main.refersTo);
    const meta = list.map((n) => new RegExp(`^${MARKER_PREFIX}\\d+\\.v(\\d+)\\.(portable|addin)\\.([a-z][a-z0-9_]*)$`, "i").exec(n.name)).find(Boolean);
    if (!target || !meta) continue;
    const head = get(".head");
    const block: AppliedBlock = {
      id,
      sheet: target.sheet,
      block: target.range,
      head: (head && nameTarget(head.refersTo)?.range) ?? { ...target.range, bottom: target.range.top },
      version: Number(meta[1]),
      mode: meta[2].toLowerCase() as "portable" | "addin",
      templateId: meta[3],
      inputs: new Map(),
      columns: [],
      names: list.map((n) => n.name),
    };
    for (const n of list) {
      const rest = n.name.slice(base.length);
      const t = nameTarget(n.refersTo);
      if (!t) continue;
      const input = /^\.in\.(.+)$/i.exec(rest);
      const score = /^\.score\.([a-z][a-z0-9_]*)$/i.exec(rest);
      const column = /^\.(total|grade|rank)$/i.exec(rest);
      if (input) block.inputs.set(input[1], t.range);
      else if (score) block.columns.push({ kind: "score", rule: score[1], col: t.range.left });
      else if (column) block.columns.push({ kind: column[1].toLowerCase() as AppliedColumnKind, col: t.range.left });
      else if (/^\.rules$/i.test(rest)) block.rulesSheet = t.sheet;
    }
    block.columns.sort((a, b) => a.col - b.col);
    blocks.push(block);
  }
  return blocks.sort((a, b) => a.id - b.id);
}

/** The next free marker number. */
export function nextMarkerId(names: readonly DefinedName[]): number {
  let max = 0;
  for (const n of names) {
    const m = new RegExp(`^${MARKER_PREFIX}(\\d+)(?:\\.|$)`, "i").exec(n.name);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

/**
 * The applied block and column a cell belongs to (for Explain: which rule a score cell computes, which input
 * cells it reads). Undefined outside every block.
 */
export function blockAt(blocks: readonly AppliedBlock[], sheet: string, row: number, col: number): { block: AppliedBlock; column?: AppliedColumn } | undefined {
  const block = blocks.find((b) => b.sheet.toLowerCase() === sheet.toLowerCase() && row >= b.block.top && row <= b.block.bottom && col >= b.block.left && col <= b.block.right);
  return block && { block, column: block.columns.find((c) => c.col === col) };
}
