// The rules sheet (考核规则): every rule's table as cells with defined names, so formulas read the policy from
// cells and HR changes a threshold in one place. Visible, so recipients can see how scores come about.
import { scorableRules, type FoundRule } from "../catalog/catalog";
import { sheetKindOf } from "../engine/kinds/sheet-registry";
import type { Lang, Template } from "../catalog/types";
import { a1Abs, rangeA1, rangeAbs } from "./a1";
import { emptySheet, type CellPlan, type SheetPlan } from "./plan";
import { headerFooterText, sheetText } from "./texts";

/** The defined names a template's formulas read, all on the rules sheet. */
export interface RuleNames {
  prefix: string;
  part(ruleId: string, key: string): string;
  weight(ruleId: string): string;
  scale: string;
  supervisorWeight: string;
  selfWeight: string;
  gradeLabels: string;
  gradeMins: string;
  gradeCmps: string;
  highlight: string;
}

export function ruleNames(prefix: string): RuleNames {
  return {
    prefix,
    part: (ruleId, key) => `${prefix}_${ruleId}_${key}`,
    weight: (ruleId) => `${prefix}_${ruleId}_weight`,
    scale: `${prefix}_scale`,
    supervisorWeight: `${prefix}_w_supervisor`,
    selfWeight: `${prefix}_w_self`,
    gradeLabels: `${prefix}_grade_label`,
    gradeMins: `${prefix}_grade_min`,
    gradeCmps: `${prefix}_grade_cmp`,
    highlight: `${prefix}_highlight`,
  };
}

/** The prefix of a template's names: KPI_<template-id>. */
export function namePrefix(template: Template): string {
  return `KPI_${template.id}`;
}

const PRINT_FORMAT = { percent: "0%", number: "General", text: "@" } as const;

/** Grades lowest first, with the minimum each grade above the lowest needs: what the grade formula counts. */
export function gradeSteps(template: Template) {
  const best = template.grades?.grades ?? [];
  const ascending = [...best].reverse();
  return {
    labels: ascending.map((g) => g.label),
    mins: ascending.slice(1).map((g) => g.min as number),
    cmps: ascending.slice(1).map((g) => (g.minOp === ">" ? ">" : "≥")),
    ranges: ascending.map((g) => g.range),
  };
}

export function buildRulesSheet(template: Template, lang: Lang, names: RuleNames, sheetName?: string): SheetPlan {
  const plan = emptySheet("rules", "rules", sheetName ?? sheetText(lang, "rules_sheet"), {
    orientation: "portrait",
    paper: "A4",
    fitToWidth: 1,
    header: sheetText(lang, "header_footer", { template: headerFooterText(template.name[lang]), period: "" }).trim(),
    footer: sheetText(lang, "page"),
  });
  const cells = plan.cells;
  const put = (cell: CellPlan) => cells.push(cell);
  const LAST_COL = 9;

  put({ row: 1, col: 1, value: sheetText(lang, "rules_title", { template: template.name[lang] }), style: { style: "title" } });
  plan.merges.push(rangeA1(1, 1, 1, LAST_COL));
  put({ row: 2, col: 1, value: sheetText(lang, "rules_hint"), style: { style: "note", wrap: true } });
  plan.merges.push(rangeA1(2, 1, 2, LAST_COL));
  put({ row: 3, col: 1, value: sheetText(lang, "highlight_label"), style: { style: "label" } });
  put({ row: 3, col: 3, value: 1, style: { style: "rule_input" } });
  plan.inputRanges.push(rangeA1(3, 3, 3, 3));
  plan.names.push({ name: names.highlight, ref: a1Abs(3, 3) });

  let row = 5;
  if (template.raters) {
    put({ row, col: 1, value: sheetText(lang, "rater_weights"), style: { style: "section" } });
    row++;
    const pairs: Array<[string, number, string]> = [
      [sheetText(lang, "supervisor_weight"), template.raters.supervisor, names.supervisorWeight],
      [sheetText(lang, "self_weight"), template.raters.self, names.selfWeight],
    ];
    for (const [label, value, name] of pairs) {
      put({ row, col: 1, value: label, style: { style: "label" } });
      put({ row, col: 3, value, style: { style: "rule_input", numFmt: "0%" } });
      plan.inputRanges.push(rangeA1(row, 3, row, 3));
      plan.names.push({ name, ref: a1Abs(row, 3) });
      row++;
    }
    row++;
  }
  if (template.scoring.mode === "weighted") {
    put({ row, col: 1, value: sheetText(lang, "scale_label"), style: { style: "label" } });
    put({ row, col: 3, value: template.scoring.scale ?? 100, style: { style: "rule_input" } });
    plan.inputRanges.push(rangeA1(row, 3, row, 3));
    plan.names.push({ name: names.scale, ref: a1Abs(row, 3) });
    row += 2;
  }

  for (const found of scorableRules(template)) row = ruleBlock(plan, found, lang, names, row, LAST_COL);

  if (template.grades) {
    const steps = gradeSteps(template);
    put({ row, col: 1, value: sheetText(lang, "grades"), style: { style: "section" } });
    row++;
    const headers = ["grade_label", "grade_min", "grade_cmp", "grade_range"] as const;
    headers.forEach((h, i) => put({ row, col: 2 + i, value: sheetText(lang, h), style: { style: "rule_header" } }));
    row++;
    const first = row;
    steps.labels.forEach((label, i) => {
      put({ row: row + i, col: 2, value: label[lang], style: { style: "rule_input", numFmt: "@" } });
      put({ row: row + i, col: 5, value: steps.ranges[i][lang], style: { style: "rule_cell" } });
      if (i === 0) {
        put({ row: row + i, col: 3, value: sheetText(lang, "below_first"), style: { style: "rule_cell" } });
        return;
      }
      put({ row: row + i, col: 3, value: steps.mins[i - 1], style: { style: "rule_input" } });
      put({ row: row + i, col: 4, value: steps.cmps[i - 1], style: { style: "rule_input", numFmt: "@" } });
    });
    const last = row + steps.labels.length - 1;
    plan.inputRanges.push(rangeA1(first, 2, last, 2), rangeA1(first + 1, 3, last, 4));
    plan.names.push(
      { name: names.gradeLabels, ref: rangeAbs(first, 2, last, 2) },
      { name: names.gradeMins, ref: rangeAbs(first + 1, 3, last, 3) },
      { name: names.gradeCmps, ref: rangeAbs(first + 1, 4, last, 4) },
    );
    row = last + 2;
  }

  const notes = [
    ...(template.notes ?? []),
    ...template.sections.flatMap((s) => [...(s.notes ?? []), ...s.indicators.flatMap((i) => (i.notes ?? []).map((n) => ({ zh: `${i.name.zh}:${n.zh}`, en: `${i.name.en}: ${n.en}` })))]),
    ...(template.adjustments ?? []).flatMap((a) => (a.notes ?? []).map((n) => ({ zh: `${a.name.zh}:${n.zh}`, en: `${a.name.en}: ${n.en}` }))),
  ];
  if (notes.length) {
    put({ row, col: 1, value: sheetText(lang, "notes"), style: { style: "section" } });
    row++;
    for (const note of notes) {
      put({ row, col: 1, value: note[lang], style: { style: "note", wrap: true } });
      plan.merges.push(rangeA1(row, 1, row, LAST_COL));
      plan.rowHeights.push({ row, height: Math.min(120, 15 * Math.ceil(note[lang].length / (lang === "zh" ? 60 : 120))) });
      row++;
    }
  }

  plan.columnWidths.push({ col: 1, width: 26 }, ...Array.from({ length: LAST_COL - 1 }, (_, i) => ({ col: i + 2, width: 14 })));
  return plan;
}

function ruleBlock(plan: SheetPlan, found: FoundRule, lang: Lang, names: RuleNames, start: number, lastCol: number): number {
  const { rule } = found;
  const put = (cell: CellPlan) => plan.cells.push(cell);
  const ctx = { name: rule.name, inputs: rule.inputs, lang };
  const kind = sheetKindOf(rule.rule);
  let row = start;
  const weight = "weight" in rule ? rule.weight : undefined;
  put({ row, col: 1, value: rule.name[lang], style: { style: "section" } });
  put({ row, col: 2, value: kind.summary(rule.rule, ctx, lang), style: { style: "rule_cell" } });
  plan.merges.push(rangeA1(row, 2, row, lastCol));
  row++;
  if (weight !== undefined) {
    put({ row, col: 1, value: sheetText(lang, "weight"), style: { style: "label" } });
    put({ row, col: 2, value: weight, style: { style: "rule_input" } });
    plan.inputRanges.push(rangeA1(row, 2, row, 2));
    plan.names.push({ name: names.weight(rule.id), ref: a1Abs(row, 2) });
    row++;
  }
  if (rule.criterion) {
    put({ row, col: 1, value: sheetText(lang, "criterion"), style: { style: "label" } });
    put({ row, col: 2, value: rule.criterion[lang], style: { style: "rule_cell", wrap: true } });
    plan.merges.push(rangeA1(row, 2, row, lastCol));
    plan.rowHeights.push({ row, height: Math.min(150, 15 * Math.ceil(rule.criterion[lang].length / (lang === "zh" ? 55 : 110))) });
    row++;
  }
  put({ row, col: 1, value: sheetText(lang, "input_prompt"), style: { style: "label" } });
  put({ row, col: 2, value: rule.inputs.map((i) => `${i.label[lang]}:${i.prompt[lang]}`).join("\n"), style: { style: "rule_cell", wrap: true } });
  plan.merges.push(rangeA1(row, 2, row, lastCol));
  plan.rowHeights.push({ row, height: 18 * rule.inputs.length });
  row++;

  const parts = kind.ruleTable(rule.rule, ctx);
  if (parts.length) {
    parts.forEach((part, i) => put({ row, col: 2 + i, value: part.label[lang], style: { style: "rule_header", wrap: true } }));
    const top = row + 1;
    let deepest = top;
    parts.forEach((part, i) => {
      const col = 2 + i;
      const offset = part.offset ?? 0;
      if (offset > 0) put({ row: top, col, value: sheetText(lang, "below_first"), style: { style: "rule_cell" } });
      part.values.forEach((v, r) => {
        put({ row: top + offset + r, col, value: v, style: { style: "rule_input", numFmt: PRINT_FORMAT[part.format ?? "number"] } });
      });
      const first = top + offset;
      const last = first + part.values.length - 1;
      plan.inputRanges.push(rangeA1(first, col, last, col));
      plan.names.push({ name: names.part(rule.id, part.key), ref: rangeAbs(first, col, last, col) });
      deepest = Math.max(deepest, last);
    });
    row = deepest + 1;
  }
  return row + 1;
}
