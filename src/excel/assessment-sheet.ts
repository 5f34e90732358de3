// Recognises the assessment sheets on a worksheet from what the workbook says about them, never from formulas:
// - a generated roster: an Excel table KPI_<template> (KPI_<template>_2 …) whose header cells are the roster's
//   headers (<name>得分 / <name.en> Score for scores; name, name·<input>, name·自评 for inputs);
// - a generated form: the template's title in A1 and the form's indicator table where buildForm puts it;
// - an applied block: the KPI_APPLIED_<n> defined names of src/apply/marker.ts.
// Each gives, per employee, every rule's score cell and input cells, which the check and the explanation read
// with the engine. Pure: the services pass in what one or two syncs read.
import type { Catalog, FoundRule } from "../catalog/catalog";
import { scorableRules } from "../catalog/catalog";
import { normalizeName } from "../catalog/names";
import type { Lang, Template } from "../catalog/types";
import { nameTarget, readMarkers } from "../apply/marker";
import { columnNumber } from "../sheets/a1";
import { buildForm, formInputKey } from "../sheets/form";
import type { Rater } from "../sheets/formulas";
import { inputHeader, scoreHeader } from "../sheets/roster";
import { namePrefix, ruleNames } from "../sheets/rules-sheet";
import { sheetText } from "../sheets/texts";
import { STAFF_HEADER_WORDS } from "./staff-rows";

/** 1-based row and column. */
export interface CellPosition {
  row: number;
  col: number;
}

export interface CellArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface DefinedNameText {
  name: string;
  /** As Excel gives NamedItem.formula: ='Sheet'!$A$1:$B$2. */
  formula: string;
}

/** What the services read of one worksheet (its used range, its tables) and of the workbook (defined names). */
export interface SheetSnapshot {
  sheet: string;
  /** The used range: its top-left cell and values; absent for an empty sheet. */
  used?: { top: number; left: number; values: readonly (readonly unknown[])[] };
  /** Tables on this sheet with their whole range (header row first). */
  tables: ReadonlyArray<{ name: string; area: CellArea }>;
  /** Workbook-level defined names. */
  names: readonly DefinedNameText[];
}

export interface InputCell {
  index: number;
  rater: Rater;
  cell: CellPosition;
}

export interface RuleCells {
  found: FoundRule;
  score: CellPosition;
  /** The input cells the sheet has for this rule, by input index and rater. */
  inputs: InputCell[];
  /** Whether every input of every rater has a cell (a column someone deleted leaves a rule incomplete). */
  complete: boolean;
}

export interface AssessmentEntry {
  /** The employee's name (or id); "" where the row has none. */
  employee: string;
  rules: RuleCells[];
}

export type AssessmentKind = "roster" | "form" | "applied";

export interface AssessmentSheet {
  kind: AssessmentKind;
  sheet: string;
  template: Template;
  /** The language the sheet was generated in (zh for applied blocks, whose headers are HR's own). */
  lang: Lang;
  entries: AssessmentEntry[];
  /** The KPI_<template>_highlight name of this sheet's rules sheet, when the workbook has one. */
  highlightName?: string;
}

/** Cell values of a snapshot by position; blanks outside the used range. */
export function cellValue(snapshot: SheetSnapshot, cell: CellPosition): unknown {
  const used = snapshot.used;
  if (!used) return "";
  return used.values[cell.row - used.top]?.[cell.col - used.left] ?? "";
}

function cellText(snapshot: SheetSnapshot, cell: CellPosition): string {
  const v = cellValue(snapshot, cell);
  return v === null || v === undefined ? "" : String(v).trim();
}

/** A1 address of a cell ("C5"). */
export function cellAddress(cell: CellPosition): string {
  let letters = "";
  for (let n = cell.col; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${cell.row}`;
}

/** Parses "Sheet1!B2:D9", "'团队 汇总'!$A$1" or "C5" into the sheet (if named) and the area. */
export function parseAddress(address: string): { sheet?: string; area: CellArea } | undefined {
  const text = address.trim().replace(/^=/, "");
  const bang = text.lastIndexOf("!");
  let sheet: string | undefined;
  let ref = text;
  if (bang >= 0) {
    sheet = text.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    ref = text.slice(bang + 1);
  }
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref);
  if (!m) return undefined;
  const top = Number(m[2]);
  const left = columnNumber(m[1].toUpperCase());
  const bottom = m[3] ? Number(m[4]) : top;
  const right = m[3] ? columnNumber(m[3].toUpperCase()) : left;
  return {
    sheet,
    area: {
      top: Math.min(top, bottom),
      left: Math.min(left, right),
      bottom: Math.max(top, bottom),
      right: Math.max(left, right),
    },
  };
}

function sameSheet(a: string | undefined, b: string): boolean {
  return a !== undefined && a.toLowerCase() === b.toLowerCase();
}

/** The template a KPI_<id> or KPI_<id>_<n> name belongs to, and the suffix ("" or "_2"). */
export function templateOfName(catalog: Catalog, name: string): { template: Template; suffix: string } | undefined {
  const m = /^KPI_(.+)$/i.exec(name);
  if (!m) return undefined;
  const byId = (id: string) => catalog.templates.find((t) => t.id.toLowerCase() === id.toLowerCase());
  const whole = byId(m[1]);
  if (whole) return { template: whole, suffix: "" };
  const numbered = /^(.+)(_\d+)$/.exec(m[1]);
  const template = numbered ? byId(numbered[1]) : undefined;
  return template && numbered ? { template, suffix: numbered[2] } : undefined;
}

/** Highlight names of a template (KPI_<id>_highlight, KPI_<id>_highlight_2 …) that refer to a cell. */
function highlightNames(template: Template, names: readonly DefinedNameText[]): DefinedNameText[] {
  const base = ruleNames(namePrefix(template)).highlight.toLowerCase();
  return names.filter((n) => {
    const lower = n.name.toLowerCase();
    return (lower === base || new RegExp(`^${base}_\\d+$`).test(lower)) && nameTarget(n.formula) !== undefined;
  });
}

/** The highlight name that goes with `suffix` (a second roster's _2), else the template's first one. */
function highlightFor(template: Template, names: readonly DefinedNameText[], suffix = "", rulesSheet?: string) {
  const candidates = highlightNames(template, names);
  const onSheet = rulesSheet && candidates.find((n) => sameSheet(nameTarget(n.formula)?.sheet, rulesSheet));
  const bySuffix = candidates.find(
    (n) => n.name.toLowerCase() === `${ruleNames(namePrefix(template)).highlight}${suffix}`.toLowerCase(),
  );
  return (onSheet || bySuffix || candidates[0])?.name;
}

function ratersOf(template: Template, found: FoundRule): Rater[] {
  return template.raters && found.scope === "indicator" ? ["supervisor", "self"] : [null];
}

// ---------------------------------------------------------------------------------------------------------------
// Rosters

function rosterOn(
  snapshot: SheetSnapshot,
  catalog: Catalog,
  table: { name: string; area: CellArea },
): AssessmentSheet | undefined {
  const owner = templateOfName(catalog, table.name);
  if (!owner) return undefined;
  const { template } = owner;
  const { top, left, right, bottom } = table.area;
  const headers = new Map<string, number>();
  for (let col = left; col <= right; col++) {
    const text = normalizeName(cellText(snapshot, { row: top, col }));
    if (text && !headers.has(text)) headers.set(text, col);
  }
  const rules = scorableRules(template);
  const matches = (lang: Lang) => rules.filter((f) => headers.has(normalizeName(scoreHeader(f, lang)))).length;
  const lang: Lang = matches("en") > matches("zh") ? "en" : "zh";
  if (matches(lang) === 0) return undefined;
  const col = (header: string) => headers.get(normalizeName(header));
  const nameCol = col(sheetText(lang, "name"));
  const idCol = col(sheetText(lang, "id"));
  const layout = rules.flatMap((found) => {
    const scoreCol = col(scoreHeader(found, lang));
    if (scoreCol === undefined) return [];
    const inputs: Array<{ index: number; rater: Rater; col: number }> = [];
    let complete = true;
    found.rule.inputs.forEach((_spec, index) => {
      for (const rater of ratersOf(template, found)) {
        const c = col(inputHeader(found, index, rater, lang));
        if (c === undefined) complete = false;
        else inputs.push({ index, rater, col: c });
      }
    });
    return [{ found, scoreCol, inputs, complete }];
  });
  const entries: AssessmentEntry[] = [];
  for (let row = top + 1; row <= bottom; row++) {
    const employee =
      (nameCol !== undefined ? cellText(snapshot, { row, col: nameCol }) : "") ||
      (idCol !== undefined ? cellText(snapshot, { row, col: idCol }) : "");
    entries.push({
      employee,
      rules: layout.map((l) => ({
        found: l.found,
        score: { row, col: l.scoreCol },
        inputs: l.inputs.map((i) => ({ index: i.index, rater: i.rater, cell: { row, col: i.col } })),
        complete: l.complete,
      })),
    });
  }
  return {
    kind: "roster",
    sheet: snapshot.sheet,
    template,
    lang,
    entries,
    highlightName: highlightFor(template, snapshot.names, owner.suffix),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Forms

const FORM_TITLE: CellPosition = { row: 1, col: 1 };
const FORM_HEADER_ROW = 6;
const FORM_NAME_COL = 2;
const FORM_EMPLOYEE: CellPosition = { row: 3, col: 2 };

function toPosition(address: string): CellPosition {
  const parsed = parseAddress(address)!;
  return { row: parsed.area.top, col: parsed.area.left };
}

function formOn(snapshot: SheetSnapshot, catalog: Catalog): AssessmentSheet | undefined {
  const title = cellText(snapshot, FORM_TITLE);
  if (!title) return undefined;
  for (const template of catalog.templates) {
    for (const lang of ["zh", "en"] as const) {
      if (title !== template.name[lang]) continue;
      if (cellText(snapshot, { row: FORM_HEADER_ROW, col: FORM_NAME_COL }) !== sheetText(lang, "indicator")) continue;
      const names = ruleNames(namePrefix(template));
      const { layout } = buildForm(template, names, { name: "", id: "", department: "" }, 0, {
        lang,
        period: "",
        protect: false,
        formulas: "portable",
      });
      const rules = scorableRules(template);
      const fits = rules.every((found) => {
        const score = layout.scoreCell.get(found.ref);
        return (
          score !== undefined &&
          cellText(snapshot, { row: toPosition(score).row, col: FORM_NAME_COL }) === found.rule.name[lang]
        );
      });
      if (!fits) continue;
      const cells: RuleCells[] = rules.map((found) => {
        const inputs: InputCell[] = [];
        found.rule.inputs.forEach((_spec, index) => {
          for (const rater of ratersOf(template, found)) {
            const address = layout.inputCell.get(formInputKey(found.ref, index, rater));
            if (address) inputs.push({ index, rater, cell: toPosition(address) });
          }
        });
        return { found, score: toPosition(layout.scoreCell.get(found.ref)!), inputs, complete: true };
      });
      return {
        kind: "form",
        sheet: snapshot.sheet,
        template,
        lang,
        entries: [{ employee: cellText(snapshot, FORM_EMPLOYEE) || snapshot.sheet, rules: cells }],
        highlightName: highlightFor(template, snapshot.names),
      };
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Applied blocks (src/apply/marker.ts)

const NAME_WORDS = new Set(STAFF_HEADER_WORDS.name);

function appliedOn(snapshot: SheetSnapshot, catalog: Catalog): AssessmentSheet[] {
  const blocks = readMarkers(snapshot.names.map((n) => ({ name: n.name, refersTo: n.formula })));
  const sheets: AssessmentSheet[] = [];
  for (const block of blocks) {
    if (!sameSheet(block.sheet, snapshot.sheet)) continue;
    const template = catalog.templates.find((t) => t.id.toLowerCase() === block.templateId.toLowerCase());
    if (!template) continue;
    const slots = new Map([...block.inputs].map(([slot, range]) => [slot.toLowerCase(), range.left]));
    const scoreCols = new Map(
      block.columns.filter((c) => c.kind === "score").map((c) => [c.rule!.toLowerCase(), c.col]),
    );
    let nameCol: number | undefined;
    for (let row = block.head.top; row <= block.head.bottom && nameCol === undefined; row++) {
      for (let col = block.head.left; col <= block.head.right; col++) {
        if (NAME_WORDS.has(normalizeName(cellText(snapshot, { row, col })))) nameCol = col;
      }
    }
    // HR's own name column usually sits left of the block: look along the header rows of the whole used range.
    const used = snapshot.used;
    for (let row = block.head.top; used && row <= block.head.bottom && nameCol === undefined; row++) {
      for (let col = used.left; col < used.left + (used.values[0]?.length ?? 0); col++) {
        if (NAME_WORDS.has(normalizeName(cellText(snapshot, { row, col })))) {
          nameCol = col;
          break;
        }
      }
    }
    const layout = scorableRules(template).flatMap((found) => {
      const scoreCol = scoreCols.get(found.rule.id.toLowerCase());
      if (scoreCol === undefined) return [];
      const inputs: Array<{ index: number; rater: Rater; col: number }> = [];
      let complete = true;
      found.rule.inputs.forEach((spec, index) => {
        for (const rater of ratersOf(template, found)) {
          const slot = `${found.rule.id}${index > 0 ? `.${spec.id}` : ""}${rater === "self" ? ".self" : ""}`;
          const col = slots.get(slot.toLowerCase());
          if (col === undefined) complete = false;
          else inputs.push({ index, rater, col });
        }
      });
      return [{ found, scoreCol, inputs, complete }];
    });
    const entries: AssessmentEntry[] = [];
    for (let row = block.head.bottom + 1; row <= block.block.bottom; row++) {
      entries.push({
        employee: nameCol !== undefined ? cellText(snapshot, { row, col: nameCol }) : "",
        rules: layout.map((l) => ({
          found: l.found,
          score: { row, col: l.scoreCol },
          inputs: l.inputs.map((i) => ({ index: i.index, rater: i.rater, cell: { row, col: i.col } })),
          complete: l.complete,
        })),
      });
    }
    sheets.push({
      kind: "applied",
      sheet: snapshot.sheet,
      template,
      lang: "zh",
      entries,
      highlightName: highlightFor(template, snapshot.names, "", block.rulesSheet),
    });
  }
  return sheets;
}

/** Every assessment on the sheet: generated rosters (by their tables), a generated form, applied blocks. */
export function readAssessments(snapshot: SheetSnapshot, catalog: Catalog): AssessmentSheet[] {
  const found: AssessmentSheet[] = [];
  for (const table of snapshot.tables) {
    const roster = rosterOn(snapshot, catalog, table);
    if (roster) found.push(roster);
  }
  const form = formOn(snapshot, catalog);
  if (form) found.push(form);
  found.push(...appliedOn(snapshot, catalog));
  return found;
}
