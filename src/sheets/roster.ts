// The team roster (团队汇总): one header row, one row per employee, an input and a score column per rule, then
// 总分, 等级 and 排名. Every score is a formula reading the rules sheet. Header texts are a contract.
import { scorableRules, type FoundRule } from "../catalog/catalog";
import type { InputSpec, Lang, Template } from "../catalog/types";
import { columnLetter, r1c1SameRow, rangeA1 } from "./a1";
import { gradeExpression, rankExpression, scoreExpression, totalExpression, type Rater } from "./formulas";
import { emptySheet, type SheetPlan } from "./plan";
import type { RuleNames } from "./rules-sheet";
import { headerFooterText, sheetText } from "./texts";
import { inputValidation, invalidInputFormula } from "./validation";

export interface Employee {
  name: string;
  id: string;
  department: string;
  position?: string;
}

export interface InputColumn {
  col: number;
  found: FoundRule;
  index: number;
  rater: Rater;
  header: string;
}

export interface RosterLayout {
  inputs: InputColumn[];
  scoreCol: Map<string, number>;
  totalCol: number;
  gradeCol?: number;
  rankCol: number;
  lastCol: number;
}

/** The header of an input column: name, name·input label for further inputs, ·自评 for the self score. */
export function inputHeader(found: FoundRule, index: number, rater: Rater, lang: Lang): string {
  const { rule } = found;
  const sep = lang === "zh" ? "·" : " · ";
  let header = rule.name[lang];
  if (index > 0) header += `${sep}${rule.inputs[index].label[lang]}`;
  if (rater === "self") header += `${sep}${sheetText(lang, "self_suffix")}`;
  return header;
}

export function scoreHeader(found: FoundRule, lang: Lang): string {
  return `${found.rule.name[lang]}${sheetText(lang, "score_suffix")}`;
}

/** Column positions: 姓名, 工号, 部门, then each rule's inputs (both raters) and score, then totals. */
export function rosterLayout(template: Template, lang: Lang, firstCol = 4): RosterLayout {
  const inputs: InputColumn[] = [];
  const scoreCol = new Map<string, number>();
  let col = firstCol;
  for (const found of scorableRules(template)) {
    const raters: Rater[] = template.raters && found.scope === "indicator" ? ["supervisor", "self"] : [null];
    found.rule.inputs.forEach((_spec, index) => {
      for (const rater of raters) {
        inputs.push({ col, found, index, rater, header: inputHeader(found, index, rater, lang) });
        col++;
      }
    });
    scoreCol.set(found.ref, col);
    col++;
  }
  const totalCol = col++;
  const gradeCol = template.grades ? col++ : undefined;
  const rankCol = col;
  return { inputs, scoreCol, totalCol, gradeCol, rankCol, lastCol: rankCol };
}

export interface RosterOptions {
  lang: Lang;
  period: string;
  employees: Employee[];
  /** Rows when no staff list is given. */
  blankRows?: number;
  protect: boolean;
  password?: string;
  /** portable: native formulas over the rules sheet; addin: =KPI.* calls (see addin-formulas.ts). */
  formulas: "portable" | "addin";
  sheetName?: string;
  tableName?: string;
}

function numberFormat(spec: InputSpec): string | undefined {
  if (spec.measure === "rate" || spec.measure === "ratio") return "0%";
  return undefined;
}

export function buildRoster(template: Template, names: RuleNames, options: RosterOptions, addinScore?: AddinScore): SheetPlan {
  const { lang } = options;
  const layout = rosterLayout(template, lang);
  const rows = Math.max(1, options.employees.length || options.blankRows || 10);
  const first = 2;
  const last = first + rows - 1;
  const plan = emptySheet("roster", "roster", options.sheetName ?? sheetText(lang, "roster_sheet"), {
    orientation: "landscape",
    paper: "A4",
    fitToWidth: 1,
    titleRows: [1, 1],
    header: sheetText(lang, "header_footer", { template: headerFooterText(template.name[lang]), period: headerFooterText(options.period) }),
    footer: sheetText(lang, "page"),
  });
  const header = (col: number, value: string) => plan.cells.push({ row: 1, col, value, style: { style: "header", wrap: true } });
  header(1, sheetText(lang, "name"));
  header(2, sheetText(lang, "id"));
  header(3, sheetText(lang, "dept"));
  plan.blocks.push({
    row: first,
    col: 1,
    // Without a staff list the rows are still there to type into: unlocked, formatted as text.
    values: options.employees.length ? options.employees.map((e) => [e.name, e.id, e.department]) : Array.from({ length: rows }, () => [null, null, null]),
    textColumns: [0, 1, 2],
    style: { style: "text", numFmt: "@" },
  });
  plan.inputRanges.push(rangeA1(first, 1, last, 3));

  for (const input of layout.inputs) {
    header(input.col, input.header);
    const spec = input.found.rule.inputs[input.index];
    const range = rangeA1(first, input.col, last, input.col);
    plan.inputRanges.push(range);
    plan.validations.push(inputValidation(input.found, input.index, range, names, lang));
    plan.conditionalFormats.push({ range, formula: invalidInputFormula(input.found, input.index, `${columnLetter(input.col)}${first}`, names), format: "invalid" });
    plan.inputColumns.push({ col: input.col, firstRow: first, lastRow: last, style: { style: "input", numFmt: numberFormat(spec) } });
  }
  const inputRef = (from: number) => (found: FoundRule) => (index: number, rater: Rater) => {
    const column = layout.inputs.find((i) => i.found.ref === found.ref && i.index === index && i.rater === rater);
    return r1c1SameRow(column!.col, from);
  };
  const rules = scorableRules(template);
  for (const found of rules) {
    const col = layout.scoreCol.get(found.ref)!;
    header(col, scoreHeader(found, lang));
    const r1c1 = addinScore ? addinScore(found, inputRef(col)(found)) : scoreExpression(template, found, names, inputRef(col)(found));
    plan.columnFormulas.push({ col, firstRow: first, lastRow: last, r1c1, style: { style: "score", numFmt: "0.0#" } });
  }

  header(layout.totalCol, sheetText(lang, "total"));
  const totalFormula = totalExpression(
    template,
    rules,
    names,
    (found) => r1c1SameRow(layout.scoreCol.get(found.ref)!, layout.totalCol),
    (veto) => r1c1SameRow(layout.inputs.find((i) => i.found.ref === veto.ref && i.index === 0)!.col, layout.totalCol),
  );
  plan.columnFormulas.push({ col: layout.totalCol, firstRow: first, lastRow: last, r1c1: totalFormula, style: { style: "total", numFmt: "0.00" } });
  if (layout.gradeCol) {
    header(layout.gradeCol, sheetText(lang, "grade"));
    plan.columnFormulas.push({ col: layout.gradeCol, firstRow: first, lastRow: last, r1c1: gradeExpression(names, r1c1SameRow(layout.totalCol, layout.gradeCol)), style: { style: "total" } });
    const gradeRange = rangeA1(first, layout.gradeCol, last, layout.gradeCol);
    const g = `${columnLetter(layout.gradeCol)}${first}`;
    plan.conditionalFormats.push(
      { range: gradeRange, formula: `AND(${g}<>"",${g}=INDEX(${names.gradeLabels},COUNTA(${names.gradeLabels})))`, format: "grade_top" },
      { range: gradeRange, formula: `AND(${g}<>"",${g}=INDEX(${names.gradeLabels},1))`, format: "grade_bottom" },
    );
  }
  header(layout.rankCol, sheetText(lang, "rank"));
  const totals = `R${first}C${layout.totalCol}:R${last}C${layout.totalCol}`;
  plan.columnFormulas.push({ col: layout.rankCol, firstRow: first, lastRow: last, r1c1: rankExpression(r1c1SameRow(layout.totalCol, layout.rankCol), totals), style: { style: "total" } });

  plan.table = { name: options.tableName ?? `KPI_${template.id}`, range: rangeA1(1, 1, last, layout.lastCol), showFilterButtons: true };
  plan.freeze = { rows: 1, cols: 1 };
  plan.columnWidths.push({ col: 1, width: 12 }, { col: 2, width: 12 }, { col: 3, width: 12 });
  for (let c = 4; c <= layout.lastCol; c++) plan.columnWidths.push({ col: c, width: 13 });
  plan.rowHeights.push({ row: 1, height: 45 });
  if (options.protect && options.formulas === "portable") {
    plan.protection = { password: options.password ?? "", allowSort: true, allowAutoFilter: true };
  }
  return plan;
}

/** In add-in mode the score formula is a KPI.* call; see addin-formulas.ts. */
export type AddinScore = (found: FoundRule, input: (index: number, rater: Rater) => string) => string;
