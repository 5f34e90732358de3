// The individual form (个人考核表): one sheet per employee laid out like the seed's tables, with header block,
// indicator table, section subtotals, rater blend, adjustments, 总分, 等级, grade legend and the sign-off block.
import { scorableRules, type FoundRule } from "../catalog/catalog";
import type { Lang, Template } from "../catalog/types";
import { a1, rangeA1 } from "./a1";
import { gradeExpression, scoreExpression, totalExpression, type Rater } from "./formulas";
import { emptySheet, type CellPlan, type SheetPlan } from "./plan";
import type { Employee } from "./roster";
import { gradeSteps, type RuleNames } from "./rules-sheet";
import { headerFooterText, sheetText } from "./texts";
import { inputValidation, invalidInputFormula } from "./validation";

export interface FormOptions {
  lang: Lang;
  period: string;
  protect: boolean;
  password?: string;
  formulas: "portable" | "addin";
}

/** Where a form keeps each rule's inputs and score, for tests and for reading forms back. */
export interface FormLayout {
  inputCell: Map<string, string>;
  scoreCell: Map<string, string>;
  totalCell: string;
  gradeCell?: string;
}

const COL = { no: 1, name: 2, weight: 3, criterion: 4, item: 5, actual: 6, self: 7, supervisor: 8, score: 9 } as const;
const LAST = COL.score;

export const formInputKey = (ref: string, index: number, rater: Rater) => `${ref}#${index}#${rater ?? ""}`;

export function buildForm(
  template: Template,
  names: RuleNames,
  employee: Employee,
  index: number,
  options: FormOptions,
  addinScore?: (found: FoundRule, input: (i: number, rater: Rater) => string) => string,
): { plan: SheetPlan; layout: FormLayout } {
  const { lang } = options;
  const plan = emptySheet(`form_${index}`, "form", employee.name || employee.id || `${sheetText(lang, "form_sheet")} ${index + 1}`, {
    orientation: "portrait",
    paper: "A4",
    fitToWidth: 1,
    header: sheetText(lang, "header_footer", { template: headerFooterText(template.name[lang]), period: headerFooterText(options.period) }),
    footer: sheetText(lang, "page"),
  });
  const put = (cell: CellPlan) => plan.cells.push(cell);
  const layout: FormLayout = { inputCell: new Map(), scoreCell: new Map(), totalCell: "" };
  const raters = Boolean(template.raters);

  put({ row: 1, col: 1, value: template.name[lang], style: { style: "title" } });
  plan.merges.push(rangeA1(1, 1, 1, LAST));
  plan.rowHeights.push({ row: 1, height: 28 });
  put({ row: 2, col: 1, value: sheetText(lang, "form_sheet"), style: { style: "subtitle" } });
  plan.merges.push(rangeA1(2, 1, 2, LAST));

  // Header block: label, value pairs; the values are text HR fills in or the staff list provides.
  const header: Array<[Parameters<typeof sheetText>[1], string]> = [
    ["name", employee.name],
    ["id", employee.id],
    ["dept", employee.department],
    ["position", employee.position ?? ""],
    ["period", options.period],
    ["rater", ""],
  ];
  header.forEach(([label, value], i) => {
    const row = 3 + Math.floor(i / 3);
    const col = 1 + (i % 3) * 3;
    put({ row, col, value: sheetText(lang, label), style: { style: "label" } });
    put({ row, col: col + 1, value, style: { style: "text", numFmt: "@" } });
    plan.merges.push(rangeA1(row, col + 1, row, col + 2));
    plan.inputRanges.push(rangeA1(row, col + 1, row, col + 2));
  });

  let row = 6;
  const columns: Array<[number, Parameters<typeof sheetText>[1]]> = [
    [COL.no, "no"],
    [COL.name, "indicator"],
    [COL.weight, "weight"],
    [COL.criterion, "criterion"],
    [COL.item, "input_item"],
    [COL.actual, "actual"],
    [COL.self, "self_score"],
    [COL.supervisor, "supervisor_score"],
    [COL.score, "score"],
  ];
  for (const [col, key] of columns) put({ row, col, value: sheetText(lang, key), style: { style: "header", wrap: true } });
  plan.print.titleRows = [row, row];
  row++;

  const rules = scorableRules(template);
  const inputRef = (found: FoundRule) => (i: number, rater: Rater) => layout.inputCell.get(formInputKey(found.ref, i, rater))!;
  let number = 1;
  const subtotalRows: number[] = [];

  const ruleRows = (found: FoundRule, showWeight: boolean) => {
    const { rule } = found;
    const first = row;
    const rowsNeeded = rule.inputs.length;
    put({ row, col: COL.no, value: number++, style: { style: "score" } });
    put({ row, col: COL.name, value: rule.name[lang], style: { style: "label", wrap: true } });
    const weight = "weight" in rule && rule.weight !== undefined && showWeight ? `${rule.weight}%` : "";
    put({ row, col: COL.weight, value: weight, style: { style: "score" } });
    put({ row, col: COL.criterion, value: rule.criterion?.[lang] ?? "", style: { style: "score", wrap: true } });
    rule.inputs.forEach((spec, i) => {
      const r = first + i;
      put({ row: r, col: COL.item, value: spec.label[lang], style: { style: "score", wrap: true } });
      const inputCols: Array<[number, Rater]> = raters && found.scope === "indicator" ? [[COL.supervisor, "supervisor"], [COL.self, "self"]] : [[COL.actual, null]];
      for (const [col, rater] of inputCols) {
        const ref = a1(r, col);
        layout.inputCell.set(formInputKey(found.ref, i, rater), ref);
        put({ row: r, col, value: null, style: { style: "input", numFmt: spec.measure === "rate" || spec.measure === "ratio" ? "0%" : undefined } });
        plan.inputRanges.push(ref);
        plan.validations.push(inputValidation(found, i, ref, names, lang));
        plan.conditionalFormats.push({ range: ref, formula: invalidInputFormula(found, i, ref, names), format: "invalid" });
      }
      if (!(raters && found.scope === "indicator")) {
        // Recorded for the conversation, not counted: the template has no rater weights.
        for (const col of [COL.self, COL.supervisor]) {
          put({ row: r, col, value: null, style: { style: "input" } });
          plan.inputRanges.push(a1(r, col));
        }
      } else {
        put({ row: r, col: COL.actual, value: "—", style: { style: "score" } });
      }
    });
    const last = first + rowsNeeded - 1;
    // Wrapped criterion text needs tall rows: about 22 CJK characters (44 Latin) fit a line of the column.
    const text = rule.criterion?.[lang] ?? "";
    const lines = Math.max(1, Math.ceil(text.length / (lang === "zh" ? 22 : 44)), Math.ceil(rule.name[lang].length / (lang === "zh" ? 7 : 14)));
    const perRow = Math.min(200, Math.max(20, (lines * 14.5) / rowsNeeded));
    for (let r = first; r <= last; r++) plan.rowHeights.push({ row: r, height: perRow });
    if (rowsNeeded > 1) for (const col of [COL.no, COL.name, COL.weight, COL.criterion, COL.score]) plan.merges.push(rangeA1(first, col, last, col));
    const scoreCell = a1(first, COL.score);
    layout.scoreCell.set(found.ref, scoreCell);
    row = last + 1;
    return { found, scoreCell, first };
  };

  const pending: Array<{ found: FoundRule; scoreCell: string }> = [];
  for (const section of template.sections) {
    const title = section.weight !== undefined ? `${section.name[lang]}(${section.weight}%)` : section.name[lang];
    put({ row, col: COL.no, value: title, style: { style: "section" } });
    plan.merges.push(rangeA1(row, COL.no, row, LAST));
    row++;
    const own = rules.filter((f) => f.section?.id === section.id);
    const placed = own.map((f) => ruleRows(f, true));
    pending.push(...placed);
    put({ row, col: COL.supervisor, value: sheetText(lang, "subtotal"), style: { style: "label" } });
    const blanks = placed.map((p) => `${p.scoreCell}=""`).join(",");
    const sum = placed
      .map((p) => (template.scoring.mode === "weighted" ? `${p.scoreCell}*${names.weight(p.found.rule.id)}/${names.scale}` : p.scoreCell))
      .join("+");
    put({ row, col: COL.score, formula: `IF(OR(${blanks}),"",${sum})`, style: { style: "total", numFmt: "0.00" } });
    subtotalRows.push(row);
    row++;
  }
  if (template.raters) {
    put({ row, col: COL.no, value: sheetText(lang, "blend_note", { sup: `${template.raters.supervisor * 100}%`, self: `${template.raters.self * 100}%` }), style: { style: "note" } });
    plan.merges.push(rangeA1(row, COL.no, row, LAST));
    row++;
  }
  const adjustments = rules.filter((f) => f.scope === "adjustment");
  if (adjustments.length) {
    put({ row, col: COL.no, value: sheetText(lang, "adjustments"), style: { style: "section" } });
    plan.merges.push(rangeA1(row, COL.no, row, LAST));
    row++;
    pending.push(...adjustments.map((f) => ruleRows(f, false)));
  }

  // Scores: every input cell is known now.
  for (const p of pending) {
    const formula = addinScore ? addinScore(p.found, inputRef(p.found)) : scoreExpression(template, p.found, names, inputRef(p.found));
    put({ row: Number(p.scoreCell.replace(/^[A-Z]+/, "")), col: COL.score, formula, style: { style: "score", numFmt: "0.0#" } });
  }

  row++;
  put({ row, col: COL.supervisor, value: sheetText(lang, "total"), style: { style: "total" } });
  const total = totalExpression(
    template,
    rules,
    names,
    (found) => layout.scoreCell.get(found.ref)!,
    (veto) => layout.inputCell.get(formInputKey(veto.ref, 0, null))!,
  );
  put({ row, col: COL.score, formula: total, style: { style: "total", numFmt: "0.00" } });
  layout.totalCell = a1(row, COL.score);
  row++;
  if (template.grades) {
    put({ row, col: COL.supervisor, value: sheetText(lang, "grade"), style: { style: "total" } });
    put({ row, col: COL.score, formula: gradeExpression(names, layout.totalCell), style: { style: "total" } });
    layout.gradeCell = a1(row, COL.score);
    row++;
    const steps = gradeSteps(template);
    const legend = steps.labels
      .map((label, i) => `${label[lang]}(${steps.ranges[i][lang]})`)
      .reverse()
      .join(lang === "zh" ? "  " : "; ");
    put({ row, col: COL.no, value: `${sheetText(lang, "grade_legend")} ${legend}`, style: { style: "note", wrap: true } });
    plan.merges.push(rangeA1(row, COL.no, row, LAST));
    row++;
  }
  row++;
  for (const [label, height] of [["sign_employee", 30], ["sign_rater", 60], ["sign_manager", 45]] as const) {
    put({ row, col: COL.no, value: sheetText(lang, label), style: { style: "label" } });
    plan.merges.push(rangeA1(row, COL.no, row, COL.weight));
    put({ row, col: COL.criterion, value: null, style: { style: "input" } });
    plan.merges.push(rangeA1(row, COL.criterion, row, COL.self));
    plan.inputRanges.push(rangeA1(row, COL.criterion, row, COL.self));
    put({ row, col: COL.supervisor, value: sheetText(lang, "date"), style: { style: "label" } });
    put({ row, col: COL.score, value: null, style: { style: "input" } });
    plan.inputRanges.push(a1(row, COL.score));
    plan.rowHeights.push({ row, height });
    row++;
  }
  void subtotalRows;

  plan.columnWidths.push(
    { col: COL.no, width: 6 },
    { col: COL.name, width: 16 },
    { col: COL.weight, width: 7 },
    { col: COL.criterion, width: 46 },
    { col: COL.item, width: 14 },
    { col: COL.actual, width: 11 },
    { col: COL.self, width: 9 },
    { col: COL.supervisor, width: 10 },
    { col: COL.score, width: 10 },
  );
  if (options.protect && options.formulas === "portable") plan.protection = { password: options.password ?? "", allowSort: false, allowAutoFilter: false };
  return { plan, layout };
}
