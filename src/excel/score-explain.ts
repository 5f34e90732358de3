// The Explain view: which rule, band or level produced a score cell, and why. The rule comes from the sheet's own
// marker (assessment-sheet.ts: the roster's table and headers, the form's layout, an applied block's names), the
// inputs from the cells of the same row, the points and the sentence from the engine. Formulas are never read:
// the explanation is the same in portable and add-in sheets. Pure.
import type { InputSpec, Lang, Level, Rule, Text } from "../catalog/types";
import { displayCondition, displayInput } from "../engine/conditions";
import { isKpiError, scoreRule, type Evaluation, type RuleScore } from "../engine";
import { levelRangeText } from "../engine/kinds/levels";
import { sheetKindOf } from "../engine/kinds/sheet-registry";
import { displayNumber } from "../engine/round";
import type { Rater } from "../sheets/formulas";
import {
  cellAddress,
  cellValue,
  type AssessmentKind,
  type AssessmentSheet,
  type CellPosition,
  type RuleCells,
  type SheetSnapshot,
} from "./assessment-sheet";
import { asInput } from "./input-check";

export interface ExplainedInput {
  label: Text;
  rater: Rater;
  address: string;
  /** The value as the person typed it (rates as percentages); "" for a blank cell. */
  shown: string;
}

export interface Explanation {
  sheet: string;
  /** A1 address of the selected cell. */
  address: string;
  kind: AssessmentKind;
  template: { id: string; name: Text };
  rule: { ref: string; name: Text; scope: "indicator" | "adjustment"; summary: Text };
  employee: string;
  inputs: ExplainedInput[];
  /** The points of the rule (the blend of both raters in rater templates); null when an input is blank. */
  points: number | null;
  /** The engine's sentence: which band or level applied and why (KPI.EXPLAIN's text). */
  why: Text;
  /** The band or level that gave the points, where the rule has bands or levels. */
  applied?: Text;
  /** The engine's message when an input is not valid (then there are no points). */
  problem?: Text;
  /** Whether the selected cell is the score cell (else one of the rule's input cells on the same row). */
  onScore: boolean;
}

function both(render: (lang: Lang) => string): Text {
  return { zh: render("zh"), en: render("en") };
}

function shown(value: unknown, spec: InputSpec): string {
  if (typeof value === "number") return displayInput(value, spec);
  return value === null || value === undefined ? "" : String(value);
}

/** The band (condition → points) or level (code, descriptor, range) an evaluation names, if it names one. */
function appliedStep(rule: Rule, spec: InputSpec | undefined, ev: Evaluation | null): Text | undefined {
  if (!ev) return undefined;
  const band = ev.detail.band;
  if (typeof band === "number" && "bands" in rule && rule.bands[band]) {
    const b = rule.bands[band];
    const cond = displayCondition(b, spec);
    return { zh: `${cond} → ${displayNumber(b.points)} 分`, en: `${cond} → ${displayNumber(b.points)} points` };
  }
  const level = ev.detail.level as Level | undefined;
  if (level && typeof level === "object" && "code" in level) {
    return both((lang) => `${level.code} ${level.descriptor[lang]}(${levelRangeText(level, lang)})`);
  }
  return undefined;
}

function explainRule(
  assessment: AssessmentSheet,
  snapshot: SheetSnapshot,
  employee: string,
  cells: RuleCells,
  selected: CellPosition,
): Explanation {
  const { template } = assessment;
  const { rule, scope, ref } = cells.found;
  const read = (rater: Rater) =>
    cells.inputs
      .filter((i) => i.rater === rater)
      .sort((a, b) => a.index - b.index)
      .map((i) => asInput(cellValue(snapshot, i.cell)));
  const raters = template.raters && scope === "indicator";
  const ctx = { name: rule.name, inputs: rule.inputs };
  const base: Explanation = {
    sheet: assessment.sheet,
    address: cellAddress(selected),
    kind: assessment.kind,
    template: { id: template.id, name: template.name },
    rule: {
      ref,
      name: rule.name,
      scope,
      summary: both((lang) => sheetKindOf(rule.rule).summary(rule.rule, { ...ctx, lang }, lang)),
    },
    employee,
    inputs: [...cells.inputs]
      .sort((a, b) => a.index - b.index || String(a.rater).localeCompare(String(b.rater)))
      .map((i) => ({
        label: rule.inputs[i.index].label,
        rater: i.rater,
        address: cellAddress(i.cell),
        shown: shown(cellValue(snapshot, i.cell), rule.inputs[i.index]),
      })),
    points: null,
    why: { zh: "", en: "" },
    onScore: selected.row === cells.score.row && selected.col === cells.score.col,
  };
  // Scored rule by rule with scoreRule (as KPI.SCORE does), not assess(): the functions' bundle already carries
  // scoreRule, and every export the pane uses from a module the functions load is loaded before KPI.* too.
  let scores: RuleScore[];
  try {
    scores = raters
      ? [scoreRule(rule, read("supervisor")), scoreRule(rule, read("self"))]
      : [scoreRule(rule, read(null))];
  } catch (e) {
    if (!isKpiError(e)) throw e;
    return { ...base, problem: both((lang) => e.text(lang)), why: both((lang) => e.text(lang)) };
  }
  const weights = template.raters ? [template.raters.supervisor, template.raters.self] : [1];
  const points = scores.some((s) => s.points === null)
    ? null
    : scores.reduce((sum, s, i) => sum + (s.points as number) * weights[i], 0);
  const spec = rule.inputs[(rule.rule as { input?: number }).input ?? 0];
  return {
    ...base,
    points: points === null ? null : Number(points.toPrecision(12)),
    // Rater templates: the supervisor's sentence, then the self-assessment's (as the engine's assess() words it).
    why: both((lang) => scores.map((s) => s.explain(lang)).join(" / ")),
    applied: appliedStep(rule.rule, spec, scores[0].evaluate()),
  };
}

/** The explanation of a selected cell: a score cell (or an input cell) of an assessment on the sheet. */
export function explainCell(
  assessments: readonly AssessmentSheet[],
  snapshot: SheetSnapshot,
  selected: CellPosition,
): Explanation | undefined {
  const at = (c: CellPosition) => c.row === selected.row && c.col === selected.col;
  for (const onScore of [true, false]) {
    for (const assessment of assessments) {
      for (const entry of assessment.entries) {
        const cells = entry.rules.find((r) => (onScore ? at(r.score) : r.inputs.some((i) => at(i.cell))));
        if (cells) return explainRule(assessment, snapshot, entry.employee, cells, selected);
      }
    }
  }
  return undefined;
}
