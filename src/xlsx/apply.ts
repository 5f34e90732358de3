// Applies an ApplyPlan to an .xlsx package by patching it, not by rebuilding it: only the target sheet's part,
// workbook.xml (defined names, calcPr, a new <sheet>), styles.xml (appended formats) and, when a rules sheet is
// added, its new part with its relationship and content type change. Every other part (charts, pivot caches,
// VBA, other sheets, comments …) stays byte for byte as it was. Also reads a sheet into the Grid that
// src/apply plans from.
import { canWrite, type ApplyPlan, type WorkbookModel } from "../apply/plan";
import { cellKey, parseRange, rangeText, type CellRange, type Grid, type GridCell } from "../apply/grid";
import { applyMessage, type ApplyMessage } from "../apply/messages";
import { nameTarget, type DefinedName } from "../apply/marker";
import { a1, columnLetter, columnNumber, quoteSheet } from "../sheets/a1";
import type { CellPlan, CellStyle, SheetPlan } from "../sheets/plan";
import { FONT, THEME } from "../sheets/theme";
import {
  attr,
  CT_WORKSHEET,
  decodeOoxmlString,
  decodeXml,
  escapeXml,
  mainPrefix,
  NS_MAIN,
  NS_REL,
  parseRels,
  readText,
  REL_WORKSHEET,
  relsPartOf,
  resolveTarget,
  setAttr,
  type PackageSheet,
  type XlsxPackage,
} from "./package-check";

// ---------------------------------------------------------------------------------------------
// Reading a sheet
// ---------------------------------------------------------------------------------------------

interface CellNode {
  row: number;
  col: number;
  xml: string;
}

interface RowNode {
  row: number;
  /** Offsets of the whole <row> element in the sheet XML. */
  start: number;
  end: number;
  startTag: string;
  cells: CellNode[];
  /** Whatever the row holds besides cells (an extLst), kept at the end. */
  rest: string;
}

interface SheetDataNode {
  rows: RowNode[];
  /** Offsets of the content between <sheetData> and </sheetData>; for <sheetData/> both are the tag's offsets. */
  innerStart: number;
  innerEnd: number;
  selfClosing: boolean;
  tagStart: number;
  tagEnd: number;
}

function parseSheetData(xml: string, p: string): SheetDataNode {
  const open = new RegExp(`<${p}sheetData\\b[^>]*?(/?)>`).exec(xml);
  if (!open) throw new Error("the sheet has no sheetData");
  const tagStart = open.index;
  if (open[1] === "/") {
    return { rows: [], innerStart: tagStart, innerEnd: tagStart + open[0].length, selfClosing: true, tagStart, tagEnd: tagStart + open[0].length };
  }
  const innerStart = tagStart + open[0].length;
  const close = xml.indexOf(`</${p}sheetData>`, innerStart);
  const inner = xml.slice(innerStart, close);
  const rows: RowNode[] = [];
  const rowRe = new RegExp(`<${p}row\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${p}row>)`, "g");
  const cellRe = new RegExp(`<${p}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${p}c>)`, "g");
  let lastRow = 0;
  for (const m of inner.matchAll(rowRe)) {
    const startTag = `<${p}row${m[1]}>`;
    const r = Number(attr(startTag, "r") ?? lastRow + 1);
    lastRow = r;
    const body = m[2] ?? "";
    const cells: CellNode[] = [];
    let lastCol = 0;
    for (const c of body.matchAll(cellRe)) {
      const ref = attr(`<c${c[1]}>`, "r");
      const col = ref ? columnNumber(/^\$?([A-Za-z]+)/.exec(ref)![1]) : lastCol + 1;
      lastCol = col;
      cells.push({ row: r, col, xml: c[0] });
    }
    rows.push({ row: r, start: innerStart + m.index!, end: innerStart + m.index! + m[0].length, startTag, cells, rest: body.replace(cellRe, "").trim() ? body.replace(cellRe, "") : "" });
  }
  return { rows, innerStart, innerEnd: close, selfClosing: false, tagStart, tagEnd: close + `</${p}sheetData>`.length };
}

function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?si\b[^>]*>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\s*\/>/g)) out.push(stringItemText(m[1] ?? ""));
  return out;
}

/** Text of a string item (<si> or <is>): its <t> runs, phonetic guides (<rPh>) left out. */
function stringItemText(xml: string): string {
  const body = xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "");
  return [...body.matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g)].map((t) => decodeOoxmlString(t[1] ?? "")).join("");
}

/** Moves the relative A1 references of a shared formula from its master cell to another cell. */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    if (formula[i] === '"') {
      const end = formula.indexOf('"', i + 1);
      const stop = end < 0 ? formula.length : end + 1;
      out += formula.slice(i, stop);
      i = stop;
      continue;
    }
    const m = /^(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(!])/.exec(formula.slice(i));
    const prev = i > 0 ? formula[i - 1] : "";
    if (m && !/[A-Za-z0-9_.$]/.test(prev)) {
      const col = m[1] ? m[2] : columnLetter(columnNumber(m[2]) + cols);
      const row = m[3] ? m[4] : String(Number(m[4]) + rows);
      out += `${m[1]}${col}${m[3]}${row}`;
      i += m[0].length;
      continue;
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(formula.slice(i));
    if (ident) {
      out += ident[0];
      i += ident[0].length;
      continue;
    }
    out += formula[i];
    i++;
  }
  return out;
}

function cellsOf(data: SheetDataNode, strings: string[]): Map<string, GridCell> {
  const cells = new Map<string, GridCell>();
  const masters = new Map<string, { row: number; col: number; formula: string }>();
  const pending: Array<{ key: string; si: string; row: number; col: number }> = [];
  for (const row of data.rows) {
    for (const node of row.cells) {
      const m = /^<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*)<\/(?:\w+:)?c>)$/.exec(node.xml);
      if (!m) continue;
      const tag = `<c${m[1]}>`;
      const body = m[2] ?? "";
      const t = attr(tag, "t");
      const fMatch = /<(?:\w+:)?f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/.exec(body);
      const vMatch = /<(?:\w+:)?v\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?v>)/.exec(body);
      const raw = vMatch ? decodeXml(vMatch[1] ?? "") : undefined;
      const cell: GridCell = { value: null };
      if (t === "inlineStr") {
        const is = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/.exec(body);
        cell.value = is ? stringItemText(is[1]) : "";
      } else if (raw !== undefined) {
        if (t === "s") cell.value = strings[Number(raw)] ?? "";
        else if (t === "str" || t === "d") cell.value = decodeOoxmlString(raw);
        else if (t === "b") cell.value = raw === "1" || raw === "true";
        else if (t === "e") cell.error = raw;
        else cell.value = raw === "" ? null : Number(raw);
      }
      if (fMatch) {
        const fTag = `<f${fMatch[1]}>`;
        const text = decodeXml(fMatch[2] ?? "");
        const si = attr(fTag, "si");
        if (attr(fTag, "t") === "shared" && si !== undefined) {
          if (text) masters.set(si, { row: node.row, col: node.col, formula: text });
          else pending.push({ key: cellKey(node.row, node.col), si, row: node.row, col: node.col });
        }
        cell.formula = text;
      }
      if (cell.value === null && cell.formula === undefined && !cell.error) continue;
      if (cell.value === "" && cell.formula === undefined) continue;
      cells.set(cellKey(node.row, node.col), cell);
    }
  }
  for (const p of pending) {
    const master = masters.get(p.si);
    const cell = cells.get(p.key);
    if (cell) cell.formula = master ? shiftFormula(master.formula, p.row - master.row, p.col - master.col) : "";
  }
  return cells;
}

function mergesOf(xml: string, p: string): CellRange[] {
  return [...xml.matchAll(new RegExp(`<${p}mergeCell\\b[^>]*>`, "g"))].map((m) => parseRange(attr(m[0], "ref") ?? "")).filter((r): r is CellRange => !!r);
}

async function tablesOf(pkg: XlsxPackage, sheet: PackageSheet): Promise<CellRange[]> {
  const rels = parseRels(await readText(pkg.zip, relsPartOf(sheet.part)));
  const out: CellRange[] = [];
  for (const rel of rels.filter((r) => /\/table$/.test(r.type) && !r.external)) {
    const xml = await readText(pkg.zip, resolveTarget(sheet.part, rel.target));
    const tag = xml && /<(?:\w+:)?table\b[^>]*>/.exec(xml);
    const range = tag ? parseRange(attr(tag[0], "ref") ?? "") : undefined;
    if (range) out.push(range);
  }
  return out;
}

async function sharedStringsOf(pkg: XlsxPackage): Promise<string[]> {
  const rels = parseRels(await readText(pkg.zip, relsPartOf(pkg.workbookPart)));
  const rel = rels.find((r) => /\/sharedStrings$/.test(r.type));
  return sharedStrings(rel ? await readText(pkg.zip, resolveTarget(pkg.workbookPart, rel.target)) : undefined);
}

export function findSheet(pkg: XlsxPackage, name: string | undefined): PackageSheet | undefined {
  if (name === undefined) return pkg.sheets[pkg.activeSheet] ?? pkg.sheets[0];
  return pkg.sheets.find((s) => s.name === name) ?? pkg.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
}

/** The sheet as a Grid: values (cached results for formulas), formulas, merges and table areas. */
export async function readSheetGrid(pkg: XlsxPackage, sheet: PackageSheet): Promise<Grid> {
  const xml = (await readText(pkg.zip, sheet.part)) ?? "";
  const p = mainPrefix(xml);
  const data = parseSheetData(xml, p);
  const cells = cellsOf(data, await sharedStringsOf(pkg));
  const merges = mergesOf(xml, p);
  let maxRow = 0;
  let maxCol = 0;
  for (const key of cells.keys()) {
    const [r, c] = key.split(":").map(Number);
    maxRow = Math.max(maxRow, r);
    maxCol = Math.max(maxCol, c);
  }
  for (const m of merges) {
    maxRow = Math.max(maxRow, m.bottom);
    maxCol = Math.max(maxCol, m.right);
  }
  return { name: sheet.name, cells, merges, tables: await tablesOf(pkg, sheet), maxRow, maxCol };
}

/** Sheet names and defined names, as the planner needs them. */
export function workbookModel(pkg: XlsxPackage): WorkbookModel {
  const names: DefinedName[] = pkg.names.map((n) => ({
    name: n.name,
    refersTo: n.refersTo,
    scope: n.localSheetId === undefined ? undefined : pkg.sheets[n.localSheetId]?.name ?? String(n.localSheetId),
  }));
  return { sheetNames: pkg.sheets.map((s) => s.name), names };
}

// ---------------------------------------------------------------------------------------------
// Styles: formats appended to styles.xml, reused when an identical one is already there
// ---------------------------------------------------------------------------------------------

const BUILTIN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "0%": 9, "0.00%": 10, "@": 49 };

class StylePatcher {
  private readonly p: string;
  private readonly cache = new Map<string, number>();
  changed = false;

  constructor(public xml: string) {
    this.p = mainPrefix(xml);
  }

  private section(name: string): { start: number; end: number; inner: string; openTag: string } {
    const p = this.p;
    const re = new RegExp(`<${p}${name}\\b[^>]*?(/?)>`);
    let m = re.exec(this.xml);
    if (!m) {
      // A missing section is created where the schema puts it.
      const order = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];
      const after = order.slice(order.indexOf(name) + 1);
      let at = this.xml.indexOf(`</${p}styleSheet>`);
      for (const next of after) {
        const i = this.xml.search(new RegExp(`<${p}${next}\\b`));
        if (i >= 0) {
          at = i;
          break;
        }
      }
      this.xml = `${this.xml.slice(0, at)}<${p}${name} count="0"/>${this.xml.slice(at)}`;
      m = re.exec(this.xml)!;
    }
    if (m[1] === "/") {
      const open = m[0].replace(/\s*\/>$/, ">");
      this.xml = `${this.xml.slice(0, m.index)}${open}</${p}${name}>${this.xml.slice(m.index + m[0].length)}`;
      m = re.exec(this.xml)!;
    }
    const start = m.index + m[0].length;
    const end = this.xml.indexOf(`</${p}${name}>`, start);
    return { start, end, inner: this.xml.slice(start, end), openTag: m[0] };
  }

  private items(section: string, item: string): string[] {
    const { inner } = this.section(section);
    const p = this.p;
    return [...inner.matchAll(new RegExp(`<${p}${item}\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}${item}>)`, "g"))].map((m) => m[0]);
  }

  /** Index of an item equal to `xml` in a section, appending it when there is none. */
  private indexOf(section: string, item: string, xml: string): number {
    const list = this.items(section, item);
    const found = list.indexOf(xml);
    if (found >= 0) return found;
    const s = this.section(section);
    const openTag = setAttr(s.openTag, "count", String(list.length + 1));
    this.xml = `${this.xml.slice(0, s.start - s.openTag.length)}${openTag}${s.inner}${xml}${this.xml.slice(s.end)}`;
    this.changed = true;
    return list.length;
  }

  private numFmt(code: string | undefined): number {
    if (code === undefined) return 0;
    if (code in BUILTIN_FORMATS) return BUILTIN_FORMATS[code];
    const p = this.p;
    const existing = this.items("numFmts", "numFmt");
    for (const x of existing) if (attr(x, "formatCode") === code) return Number(attr(x, "numFmtId"));
    const id = Math.max(163, ...existing.map((x) => Number(attr(x, "numFmtId") ?? 0))) + 1;
    this.indexOf("numFmts", "numFmt", `<${p}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  }

  /** The workbook's default font without size, weight and colour: its name, family, charset and scheme. */
  private baseFont(): string {
    const first = this.items("fonts", "font")[0] ?? "";
    const keep = [...first.matchAll(/<(?:\w+:)?(name|family|charset|scheme)\b[^>]*\/>/g)].map((m) => m[0]).join("");
    return keep || `<${this.p}name val="${FONT}"/><${this.p}family val="2"/><${this.p}charset val="134"/>`;
  }

  xfFor(style: CellStyle | undefined): number {
    const s = style ?? { style: "text" as const };
    const key = JSON.stringify(s);
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const p = this.p;
    const theme = THEME[s.style];
    const font = `<${p}font>${theme.bold ? `<${p}b/>` : ""}<${p}sz val="${theme.size ?? 11}"/>${theme.color ? `<${p}color rgb="${theme.color}"/>` : `<${p}color theme="1"/>`}${this.baseFont()}</${p}font>`;
    const fontId = this.indexOf("fonts", "font", font);
    const fillId = theme.fill
      ? this.indexOf("fills", "fill", `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${theme.fill}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`)
      : 0;
    const side = (n: string) => `<${p}${n} style="thin"><${p}color rgb="FFBFBFBF"/></${p}${n}>`;
    const borderId = theme.border ? this.indexOf("borders", "border", `<${p}border>${side("left")}${side("right")}${side("top")}${side("bottom")}<${p}diagonal/></${p}border>`) : 0;
    const numFmtId = this.numFmt(s.numFmt);
    const align = `<${p}alignment${theme.align ? ` horizontal="${theme.align}"` : ""} vertical="center"${s.wrap ? ' wrapText="1"' : ""}/>`;
    const xf =
      `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1" applyProtection="1">` +
      `${align}<${p}protection locked="${theme.locked ? 1 : 0}"/></${p}xf>`;
    const id = this.indexOf("cellXfs", "xf", xf);
    this.cache.set(key, id);
    return id;
  }
}

const MINIMAL_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${NS_MAIN}"><fonts count="1"><font><sz val="11"/><name val="${FONT}"/><family val="2"/><charset val="134"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

// ---------------------------------------------------------------------------------------------
// Writing cells into a sheet part
// ---------------------------------------------------------------------------------------------

function cellXml(p: string, cell: CellPlan, s: number): string {
  const ref = a1(cell.row, cell.col);
  if (cell.formula !== undefined) return `<${p}c r="${ref}" s="${s}"><${p}f>${escapeXml(cell.formula)}</${p}f></${p}c>`;
  const v = cell.value;
  if (v === null || v === undefined || v === "") return `<${p}c r="${ref}" s="${s}"/>`;
  if (typeof v === "number") return `<${p}c r="${ref}" s="${s}"><${p}v>${v}</${p}v></${p}c>`;
  if (typeof v === "boolean") return `<${p}c r="${ref}" s="${s}" t="b"><${p}v>${v ? 1 : 0}</${p}v></${p}c>`;
  const space = /^\s|\s$|\n/.test(v) ? ' xml:space="preserve"' : "";
  return `<${p}c r="${ref}" s="${s}" t="inlineStr"><${p}is><${p}t${space}>${escapeXml(v)}</${p}t></${p}is></${p}c>`;
}

/** A cell element with an explicit r attribute (cells may omit it when they follow each other). */
function withRef(node: CellNode): string {
  if (/^<(?:\w+:)?c\b[^>]*\sr\s*=/.test(node.xml)) return node.xml;
  return node.xml.replace(/^<((?:\w+:)?c)\b/, `<$1 r="${a1(node.row, node.col)}"`);
}

function widenSpans(tag: string, cols: number[]): string {
  const spans = attr(tag, "spans");
  if (!spans || !cols.length) return tag;
  const m = /^(\d+):(\d+)$/.exec(spans);
  if (!m) return tag;
  const lo = Math.min(Number(m[1]), ...cols);
  const hi = Math.max(Number(m[2]), ...cols);
  return lo === Number(m[1]) && hi === Number(m[2]) ? tag : setAttr(tag, "spans", `${lo}:${hi}`);
}

interface SheetEdits {
  write: Map<string, { cell: CellPlan; xml: string }>;
  clear: Set<string>;
}

function patchSheetData(xml: string, p: string, edits: SheetEdits): string {
  const data = parseSheetData(xml, p);
  const byRow = new Map<number, { writes: Array<{ cell: CellPlan; xml: string }>; clears: number[] }>();
  const entry = (row: number) => {
    let e = byRow.get(row);
    if (!e) byRow.set(row, (e = { writes: [], clears: [] }));
    return e;
  };
  for (const w of edits.write.values()) entry(w.cell.row).writes.push(w);
  for (const key of edits.clear) {
    const [r, c] = key.split(":").map(Number);
    entry(r).clears.push(c);
  }
  const splices: Array<{ start: number; end: number; text: string; row: number }> = [];
  const existingRows = new Map(data.rows.map((r) => [r.row, r]));
  for (const [rowNumber, e] of byRow) {
    const row = existingRows.get(rowNumber);
    const writeCols = new Set(e.writes.map((w) => w.cell.col));
    const clearCols = new Set(e.clears);
    if (!row) {
      if (!e.writes.length) continue;
      const cells = e.writes.sort((a, b) => a.cell.col - b.cell.col).map((w) => w.xml).join("");
      const text = `<${p}row r="${rowNumber}">${cells}</${p}row>`;
      const next = data.rows.find((r) => r.row > rowNumber);
      const at = next ? next.start : data.innerEnd;
      splices.push({ start: at, end: at, text, row: rowNumber });
      continue;
    }
    const touched = row.cells.some((c) => writeCols.has(c.col) || clearCols.has(c.col)) || e.writes.length > 0;
    if (!touched) continue;
    const kept = row.cells.filter((c) => !writeCols.has(c.col) && !clearCols.has(c.col)).map((c) => ({ col: c.col, xml: withRef(c) }));
    const all = [...kept, ...e.writes.map((w) => ({ col: w.cell.col, xml: w.xml }))].sort((a, b) => a.col - b.col);
    const startTag = widenSpans(row.startTag, e.writes.map((w) => w.cell.col));
    // A row left without cells goes if it is one apply created (<row r="n">), else keeps its attributes.
    const created = new RegExp(`^<${p}row r="\\d+">$`).test(row.startTag);
    const text = all.length || row.rest ? `${startTag}${all.map((c) => c.xml).join("")}${row.rest}</${p}row>` : created ? "" : startTag.replace(/>$/, "/>");
    splices.push({ start: row.start, end: row.end, text, row: rowNumber });
  }
  let out = xml;
  if (data.selfClosing) {
    const rows = splices.sort((a, b) => a.row - b.row).map((s) => s.text).join("");
    return `${out.slice(0, data.tagStart)}<${p}sheetData>${rows}</${p}sheetData>${out.slice(data.tagEnd)}`;
  }
  // Pieces joined once (slicing the whole part per row would copy it once per row).
  splices.sort((a, b) => a.start - b.start || a.row - b.row);
  const pieces: string[] = [];
  let at = 0;
  for (const s of splices) {
    pieces.push(out.slice(at, s.start), s.text);
    at = s.end;
  }
  pieces.push(out.slice(at));
  return pieces.join("");
}

/** Inserts `content` before the first of `following` after `from`, or before the closing root tag. */
function insertBefore(xml: string, p: string, root: string, following: string[], content: string, from = 0): string {
  let at = -1;
  for (const name of following) {
    const re = new RegExp(`<${p}${name}\\b`, "g");
    re.lastIndex = from;
    const m = re.exec(xml);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = xml.lastIndexOf(`</${p}${root}>`);
  return xml.slice(0, at) + content + xml.slice(at);
}

const AFTER_MERGE_CELLS = [
  "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter",
  "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing",
  "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
];

function patchMerges(xml: string, p: string, add: string[], remove: string[]): string {
  if (!add.length && !remove.length) return xml;
  const removeSet = new Set(remove.map((r) => r.toUpperCase()));
  const block = new RegExp(`<${p}mergeCells\\b[^>]*?(?:/>|>([\\s\\S]*?)</${p}mergeCells>)`).exec(xml);
  const existing = block ? [...(block[1] ?? "").matchAll(new RegExp(`<${p}mergeCell\\b[^>]*>`, "g"))].map((m) => ({ ref: (attr(m[0], "ref") ?? "").toUpperCase(), xml: m[0] })) : [];
  const keep = existing.filter((m) => !removeSet.has(m.ref) || add.some((a) => a.toUpperCase() === m.ref));
  const have = new Set(keep.map((m) => m.ref));
  const added = add.filter((a) => !have.has(a.toUpperCase())).map((a) => ({ ref: a, xml: `<${p}mergeCell ref="${a}"/>` }));
  const all = [...keep, ...added];
  if (block && all.length === existing.length && added.length === 0) return xml;
  const text = all.length ? `<${p}mergeCells count="${all.length}">${all.map((m) => m.xml).join("")}</${p}mergeCells>` : "";
  if (block) return xml.slice(0, block.index) + text + xml.slice(block.index + block[0].length);
  if (!text) return xml;
  const from = xml.indexOf(`</${p}sheetData>`);
  return insertBefore(xml, p, "worksheet", AFTER_MERGE_CELLS, text, Math.max(0, from));
}

function patchColumnWidths(xml: string, p: string, widths: Array<{ col: number; width: number }>): string {
  if (!widths.length) return xml;
  const block = new RegExp(`<${p}cols\\b[^>]*>([\\s\\S]*?)</${p}cols>`).exec(xml);
  const existing = block ? [...block[1].matchAll(new RegExp(`<${p}col\\b[^>]*>`, "g"))].map((m) => ({ min: Number(attr(m[0], "min")), max: Number(attr(m[0], "max")), xml: m[0] })) : [];
  const added = widths
    .filter((w) => !existing.some((e) => w.col >= e.min && w.col <= e.max))
    .map((w) => ({ min: w.col, max: w.col, xml: `<${p}col min="${w.col}" max="${w.col}" width="${w.width}" customWidth="1"/>` }));
  if (!added.length) return xml;
  const all = [...existing, ...added].sort((a, b) => a.min - b.min);
  const text = `<${p}cols>${all.map((c) => c.xml).join("")}</${p}cols>`;
  if (block) return xml.slice(0, block.index) + text + xml.slice(block.index + block[0].length);
  const at = xml.search(new RegExp(`<${p}sheetData\\b`));
  return xml.slice(0, at) + text + xml.slice(at);
}

function patchDimension(xml: string, p: string, cells: CellPlan[]): string {
  if (!cells.length) return xml;
  const m = new RegExp(`<${p}dimension\\b[^>]*>`).exec(xml);
  if (!m) return xml;
  const ref = attr(m[0], "ref") ?? "";
  const cur = parseRange(ref);
  const top = Math.min(cur?.top ?? Infinity, ...cells.map((c) => c.row));
  const left = Math.min(cur?.left ?? Infinity, ...cells.map((c) => c.col));
  const bottom = Math.max(cur?.bottom ?? 0, ...cells.map((c) => c.row));
  const right = Math.max(cur?.right ?? 0, ...cells.map((c) => c.col));
  const next = rangeText({ top, left, bottom, right });
  return next === ref ? xml : xml.slice(0, m.index) + setAttr(m[0], "ref", next) + xml.slice(m.index + m[0].length);
}

// ---------------------------------------------------------------------------------------------
// A new sheet part from a SheetPlan (the rules sheet)
// ---------------------------------------------------------------------------------------------

function sheetPartXml(plan: SheetPlan, styles: StylePatcher): string {
  const rows = new Map<number, CellPlan[]>();
  for (const c of plan.cells) rows.set(c.row, [...(rows.get(c.row) ?? []), c]);
  const heights = new Map(plan.rowHeights.map((h) => [h.row, h.height]));
  for (const h of heights.keys()) if (!rows.has(h)) rows.set(h, []);
  const rowXml = [...rows.keys()]
    .sort((a, b) => a - b)
    .map((r) => {
      const cells = rows.get(r)!.sort((a, b) => a.col - b.col).map((c) => cellXml("", c, styles.xfFor(c.style)));
      const h = heights.get(r);
      return `<row r="${r}"${h ? ` ht="${h}" customHeight="1"` : ""}>${cells.join("")}</row>`;
    })
    .join("");
  const maxRow = Math.max(1, ...plan.cells.map((c) => c.row));
  const maxCol = Math.max(1, ...plan.cells.map((c) => c.col), ...plan.merges.map((m) => parseRange(m)?.right ?? 1));
  const cols = plan.columnWidths.length
    ? `<cols>${[...plan.columnWidths].sort((a, b) => a.col - b.col).map((w) => `<col min="${w.col}" max="${w.col}" width="${w.width}" customWidth="1"/>`).join("")}</cols>`
    : "";
  const merges = plan.merges.length ? `<mergeCells count="${plan.merges.length}">${plan.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>` : "";
  const protection = plan.protection ? `<sheetProtection sheet="1" objects="1" scenarios="1"${plan.protection.allowSort ? "" : ' sort="1"'}${plan.protection.allowAutoFilter ? "" : ' autoFilter="1"'}/>` : "";
  const orientation = plan.print.orientation;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<dimension ref="A1:${a1(maxRow, maxCol)}"/>` +
    `<sheetViews><sheetView workbookViewId="0"/></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    cols +
    `<sheetData>${rowXml}</sheetData>` +
    protection +
    merges +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="9" orientation="${orientation}" fitToWidth="1" fitToHeight="0"/>` +
    `<headerFooter><oddHeader>${escapeXml(`&C${plan.print.header}`)}</oddHeader><oddFooter>${escapeXml(`&C${plan.print.footer}`)}</oddFooter></headerFooter>` +
    `</worksheet>`
  );
}

// ---------------------------------------------------------------------------------------------
// workbook.xml: names, sheets, calcPr
// ---------------------------------------------------------------------------------------------

const AFTER_DEFINED_NAMES = ["calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"];

function patchNames(xml: string, p: string, add: Array<{ name: string; refersTo: string }>, remove: string[]): string {
  if (!add.length && !remove.length) return xml;
  const block = new RegExp(`<${p}definedNames\\b[^>]*?(?:/>|>([\\s\\S]*?)</${p}definedNames>)`).exec(xml);
  const itemRe = new RegExp(`<${p}definedName\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}definedName>)`, "g");
  const items = block ? [...(block[1] ?? "").matchAll(itemRe)].map((m) => m[0]) : [];
  const removeSet = new Set(remove.map((n) => n.toLowerCase()));
  const addMap = new Map(add.map((n) => [n.name.toLowerCase(), n]));
  const out: string[] = [];
  const placed = new Set<string>();
  for (const item of items) {
    const tag = /^<[^>]*>/.exec(item)![0];
    const name = (attr(tag, "name") ?? "").toLowerCase();
    const workbookLevel = attr(tag, "localSheetId") === undefined;
    if (workbookLevel && addMap.has(name)) {
      const n = addMap.get(name)!;
      const openTag = tag.endsWith("/>") ? tag.replace(/\s*\/>$/, ">") : tag;
      out.push(`${openTag}${escapeXml(n.refersTo)}</${p}definedName>`);
      placed.add(name);
    } else if (workbookLevel && removeSet.has(name)) {
      continue;
    } else out.push(item);
  }
  for (const n of add) if (!placed.has(n.name.toLowerCase())) out.push(`<${p}definedName name="${escapeXml(n.name)}">${escapeXml(n.refersTo)}</${p}definedName>`);
  const text = out.length ? `<${p}definedNames>${out.join("")}</${p}definedNames>` : "";
  if (block) {
    const unchanged = out.length === items.length && out.every((x, i) => x === items[i]);
    return unchanged ? xml : xml.slice(0, block.index) + text + xml.slice(block.index + block[0].length);
  }
  if (!text) return xml;
  const sheetsEnd = xml.indexOf(`</${p}sheets>`);
  return insertBefore(xml, p, "workbook", AFTER_DEFINED_NAMES, text, Math.max(0, sheetsEnd));
}

function setFullCalcOnLoad(xml: string, p: string): string {
  const m = new RegExp(`<${p}calcPr\\b[^>]*?/?>`).exec(xml);
  if (m) {
    if (attr(m[0], "fullCalcOnLoad") === "1") return xml;
    return xml.slice(0, m.index) + setAttr(m[0], "fullCalcOnLoad", "1") + xml.slice(m.index + m[0].length);
  }
  const sheetsEnd = xml.indexOf(`</${p}sheets>`);
  return insertBefore(xml, p, "workbook", AFTER_DEFINED_NAMES.slice(1), `<${p}calcPr fullCalcOnLoad="1"/>`, Math.max(0, sheetsEnd));
}

function relPrefix(xml: string): string {
  const m = new RegExp(`xmlns:(\\w+)="${NS_REL}"`).exec(xml);
  return m ? m[1] : "";
}

// ---------------------------------------------------------------------------------------------
// Executing a plan
// ---------------------------------------------------------------------------------------------

export interface ExecuteResult {
  /** Name of the rules sheet added. */
  rulesSheet?: string;
  /** Parts written or removed. */
  changedParts: string[];
  warnings: ApplyMessage[];
}

async function stylesPart(pkg: XlsxPackage): Promise<{ part: string; xml: string; created: boolean }> {
  const relsPart = relsPartOf(pkg.workbookPart);
  const rels = parseRels(await readText(pkg.zip, relsPart));
  const rel = rels.find((r) => /\/styles$/.test(r.type));
  if (rel) {
    const part = resolveTarget(pkg.workbookPart, rel.target);
    const xml = await readText(pkg.zip, part);
    if (xml) return { part, xml, created: false };
  }
  return { part: "xl/styles.xml", xml: MINIMAL_STYLES, created: true };
}

function newRelId(relsXml: string): string {
  const ids = new Set(parseRels(relsXml).map((r) => r.id));
  for (let n = ids.size + 1; ; n++) if (!ids.has(`rId${n}`)) return `rId${n}`;
}

async function addRelationship(pkg: XlsxPackage, type: string, target: string): Promise<string> {
  const relsPart = relsPartOf(pkg.workbookPart);
  const xml = (await readText(pkg.zip, relsPart)) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  const id = newRelId(xml);
  pkg.zip.file(relsPart, xml.replace(/<\/Relationships>\s*$/, `<Relationship Id="${id}" Type="${type}" Target="${target}"/></Relationships>`));
  return id;
}

async function addContentType(pkg: XlsxPackage, part: string, type: string): Promise<void> {
  const xml = (await readText(pkg.zip, "[Content_Types].xml"))!;
  if (xml.includes(`PartName="/${part}"`)) return;
  pkg.zip.file("[Content_Types].xml", xml.replace(/<\/Types>\s*$/, `<Override PartName="/${part}" ContentType="${type}"/></Types>`));
}

/** Drops calcChain entries for cells that no longer hold formulas (Excel reports a damaged file otherwise). */
async function pruneCalcChain(pkg: XlsxPackage, sheetId: number, cells: Set<string> | "all"): Promise<string | undefined> {
  const relsPart = relsPartOf(pkg.workbookPart);
  const rels = parseRels(await readText(pkg.zip, relsPart));
  const rel = rels.find((r) => /\/calcChain$/.test(r.type));
  if (!rel) return undefined;
  const part = resolveTarget(pkg.workbookPart, rel.target);
  const xml = await readText(pkg.zip, part);
  if (!xml) return undefined;
  let current = 0;
  let changed = false;
  const kept: string[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?c\b[^>]*?\/?>(?:<\/(?:\w+:)?c>)?/g)) {
    const i = attr(m[0], "i");
    if (i !== undefined) current = Number(i);
    const ref = (attr(m[0], "r") ?? "").toUpperCase();
    if (current === sheetId && (cells === "all" || cells.has(ref))) {
      changed = true;
      continue;
    }
    kept.push(i === undefined ? m[0].replace(/^<((?:\w+:)?c)\b/, `<$1 i="${current}"`) : m[0]);
  }
  if (!changed) return undefined;
  const p = mainPrefix(xml);
  if (!kept.length) {
    pkg.zip.remove(part);
    pkg.zip.file(relsPart, ((await readText(pkg.zip, relsPart)) ?? "").replace(new RegExp(`<Relationship\\b[^>]*Id="${rel.id}"[^>]*/>`), ""));
    const ct = (await readText(pkg.zip, "[Content_Types].xml")) ?? "";
    pkg.zip.file("[Content_Types].xml", ct.replace(new RegExp(`<Override\\b[^>]*PartName="/${part.replace(/[.]/g, "\\.")}"[^>]*/>`), ""));
    return part;
  }
  const start = new RegExp(`<${p}calcChain\\b[^>]*>`).exec(xml)!;
  pkg.zip.file(part, `${xml.slice(0, start.index + start[0].length)}${kept.join("")}</${p}calcChain>`);
  return part;
}

/**
 * Executes a plan on the package (in memory). Nothing is written when the plan is blocked or refused: callers
 * check `canWrite(plan)` first; this throws if they did not.
 */
export async function executePlan(pkg: XlsxPackage, sheet: PackageSheet, plan: ApplyPlan): Promise<ExecuteResult> {
  if (!canWrite(plan)) throw new Error("the plan is blocked or refused; nothing may be written");
  const changed = new Set<string>();
  const warnings: ApplyMessage[] = [];
  const styles = await stylesPart(pkg);
  const patcher = new StylePatcher(styles.xml);

  // The target sheet.
  let sheetXml = (await readText(pkg.zip, sheet.part))!;
  const p = mainPrefix(sheetXml);
  const grid = await readSheetGrid(pkg, sheet);
  const write = new Map<string, { cell: CellPlan; xml: string }>();
  for (const cell of plan.cells) write.set(cellKey(cell.row, cell.col), { cell, xml: cellXml(p, cell, patcher.xfFor(cell.style)) });
  const clear = new Set(plan.clear.map((c) => cellKey(c.row, c.col)));
  const before = sheetXml;
  sheetXml = patchSheetData(sheetXml, p, { write, clear });
  sheetXml = patchMerges(sheetXml, p, plan.mergesToAdd, plan.mergesToRemove);
  sheetXml = patchColumnWidths(sheetXml, p, plan.columnWidths);
  sheetXml = patchDimension(sheetXml, p, plan.cells);
  if (sheetXml !== before) {
    pkg.zip.file(sheet.part, sheetXml);
    changed.add(sheet.part);
  }
  // Formula cells that are rewritten or emptied leave the calculation chain; Excel rebuilds it.
  const gone = new Set<string>();
  for (const key of [...clear, ...write.keys()]) {
    const [r, c] = key.split(":").map(Number);
    if (grid.cells.get(key)?.formula !== undefined) gone.add(a1(r, c));
  }
  if (gone.size) {
    const part = await pruneCalcChain(pkg, sheet.sheetId, gone);
    if (part) changed.add(part);
  }

  // workbook.xml and the rules sheet.
  let workbookXml = (await readText(pkg.zip, pkg.workbookPart))!;
  const wp = mainPrefix(workbookXml);
  const namesToAdd = [...plan.namesToAdd];
  let namesToRemove = [...plan.namesToRemove];
  let rulesSheet: string | undefined;
  if (plan.rulesSheet) {
    const taken = new Set(Object.keys(pkg.zip.files).map((f) => f.toLowerCase()));
    let n = pkg.sheets.length + 1;
    while (taken.has(`xl/worksheets/sheet${n}.xml`)) n++;
    const part = `xl/worksheets/sheet${n}.xml`;
    pkg.zip.file(part, sheetPartXml(plan.rulesSheet, patcher));
    const target = resolveRelTarget(pkg.workbookPart, part);
    const rId = await addRelationship(pkg, REL_WORKSHEET, target);
    await addContentType(pkg, part, CT_WORKSHEET);
    const sheetId = Math.max(0, ...pkg.sheets.map((s) => s.sheetId)) + 1;
    const rp = relPrefix(workbookXml);
    if (!rp) workbookXml = workbookXml.replace(new RegExp(`<${wp}workbook\\b`), `<${wp}workbook xmlns:r="${NS_REL}"`);
    const rAttr = `${rp || "r"}:id`;
    workbookXml = workbookXml.replace(`</${wp}sheets>`, `<${wp}sheet name="${escapeXml(plan.rulesSheet.name)}" sheetId="${sheetId}" ${rAttr}="${rId}"/></${wp}sheets>`);
    for (const name of plan.rulesSheet.names) namesToAdd.push({ name: name.name, refersTo: `${quoteSheet(plan.rulesSheet.name)}!${name.ref}` });
    pkg.sheets.push({ name: plan.rulesSheet.name, sheetId, rId, part, kind: "worksheet", state: "visible" });
    rulesSheet = plan.rulesSheet.name;
    changed.add(part).add(relsPartOf(pkg.workbookPart)).add("[Content_Types].xml");
  }
  if (plan.removeRulesSheet) {
    const index = pkg.sheets.findIndex((s) => s.name.toLowerCase() === plan.removeRulesSheet!.toLowerCase());
    const removable = index >= 0 && index === pkg.sheets.length - 1 && index > 0;
    if (removable) {
      const removed = pkg.sheets[index];
      workbookXml = workbookXml.replace(new RegExp(`<${wp}sheet\\b[^>]*\\bname="${escapeRe(escapeXml(removed.name))}"[^>]*/>`), "");
      workbookXml = workbookXml.replace(new RegExp(`<${wp}definedName\\b[^>]*localSheetId="${index}"[^>]*>[\\s\\S]*?</${wp}definedName>`, "g"), "");
      const view = new RegExp(`<${wp}workbookView\\b[^>]*>`).exec(workbookXml);
      if (view && Number(attr(view[0], "activeTab") ?? 0) >= index) workbookXml = workbookXml.replace(view[0], setAttr(view[0], "activeTab", "0"));
      pkg.zip.remove(removed.part);
      const relsPart = relsPartOf(pkg.workbookPart);
      pkg.zip.file(relsPart, ((await readText(pkg.zip, relsPart)) ?? "").replace(new RegExp(`<Relationship\\b[^>]*Id="${removed.rId}"[^>]*/>`), ""));
      const ct = (await readText(pkg.zip, "[Content_Types].xml")) ?? "";
      pkg.zip.file("[Content_Types].xml", ct.replace(new RegExp(`<Override\\b[^>]*PartName="/${escapeRe(removed.part)}"[^>]*/>`), ""));
      const chain = await pruneCalcChain(pkg, removed.sheetId, "all");
      if (chain) changed.add(chain);
      pkg.sheets.splice(index, 1);
      changed.add(removed.part).add(relsPart).add("[Content_Types].xml");
      warnings.push(applyMessage("removed_rules_sheet", { sheet: removed.name }));
    } else {
      // The sheet stays, so do the names its cells carry.
      namesToRemove = namesToRemove.filter((n) => {
        const name = pkg.names.find((x) => x.name.toLowerCase() === n.toLowerCase());
        const target = name && nameTarget(name.refersTo);
        return !(target && target.sheet.toLowerCase() === plan.removeRulesSheet!.toLowerCase());
      });
      warnings.push(applyMessage("kept_rules_sheet", { sheet: plan.removeRulesSheet }));
    }
  }
  workbookXml = patchNames(workbookXml, wp, namesToAdd, namesToRemove);
  if (plan.cells.some((c) => c.formula !== undefined)) workbookXml = setFullCalcOnLoad(workbookXml, wp);
  if (workbookXml !== pkg.workbookXml) {
    pkg.zip.file(pkg.workbookPart, workbookXml);
    pkg.workbookXml = workbookXml;
    changed.add(pkg.workbookPart);
  }
  if (patcher.changed || styles.created) {
    pkg.zip.file(styles.part, patcher.xml);
    changed.add(styles.part);
    if (styles.created) {
      await addRelationship(pkg, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", resolveRelTarget(pkg.workbookPart, styles.part));
      await addContentType(pkg, styles.part, "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
    }
  }
  return { rulesSheet, changedParts: [...changed].sort(), warnings };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A relationship target for `part` relative to the folder of `fromPart`. */
function resolveRelTarget(fromPart: string, part: string): string {
  const dir = fromPart.split("/").slice(0, -1).join("/");
  return dir && part.startsWith(`${dir}/`) ? part.slice(dir.length + 1) : `/${part}`;
}

export async function writePackage(pkg: XlsxPackage): Promise<Buffer> {
  return pkg.zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
