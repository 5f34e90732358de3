// The authoring and sheet half of the bands rule kind (see RuleSheetKind in ../kind.ts): its own module so
// the functions bundle, which only scores, never carries it.
import type { BandsRule } from "../../../catalog/types";
import { displayCondition } from "../../conditions";
import { inputOf, type Problem, type RuleSheetKind } from "../kind";
import type { Band } from "../../../catalog/types";
import { toStepFunction } from "../bands";
import { PART_LABELS } from "./labels";
/** Authoring and sheet support: checks, one-line summary, rules-sheet table, portable formula. */
export const bandsSheet: RuleSheetKind<BandsRule> = {
  validate(rule, path) {
    const problems: Problem[] = [];
    const { gaps, lonePoints } = toStepFunction(rule.bands);
    for (const g of gaps)
      problems.push({
        path: `${path}.bands`,
        message: `no band holds for values ${g}; add a band (mark it "inferred": true and explain it in a note)`,
      });
    for (const v of lonePoints)
      problems.push({ path: `${path}.bands`, message: `the value ${v} scores differently from both sides of it` });
    rule.bands.forEach((band, i) => {
      const shadowedBy = rule.bands.slice(0, i).findIndex((earlier) => covers(earlier, band));
      if (shadowedBy >= 0)
        problems.push({
          path: `${path}.bands[${i}]`,
          message: `never applies: band ${shadowedBy} already holds for every value it holds for`,
        });
    });
    return problems;
  },
  summary(rule, ctx) {
    const spec = ctx.inputs[inputOf(rule)];
    return rule.bands.map((b) => `${displayCondition(b, spec)}→${b.points}`).join("; ");
  },
  ruleTable(rule, ctx) {
    const { step } = toStepFunction(rule.bands);
    if (!step) return [];
    const spec = ctx.inputs[inputOf(rule)];
    const percent = spec && (spec.measure === "rate" || spec.measure === "ratio");
    if (step.bounds.length === 0) return [{ key: "points", label: PART_LABELS.points, values: step.points }];
    return [
      {
        key: "bound",
        label: PART_LABELS.bound,
        values: step.bounds,
        format: percent ? "percent" : "number",
        offset: 1,
      },
      {
        key: "cmp",
        label: PART_LABELS.cmp,
        values: step.reachedAtBound.map((r) => (r ? "≥" : ">")),
        format: "text",
        offset: 1,
      },
      { key: "points", label: PART_LABELS.points, values: step.points },
    ];
  },
  formula(rule, refs) {
    const { step } = toStepFunction(rule.bands);
    const points = refs.part("points");
    if (!step || step.bounds.length === 0) return `INDEX(${points},1)`;
    const x = refs.input(inputOf(rule));
    const bound = refs.part("bound");
    // Count the bounds reached with exact comparisons: a strict bound (大于95) stays 95 in the sheet.
    return `INDEX(${points},1+SUMPRODUCT((${x}>${bound})+(${x}=${bound})*(${refs.part("cmp")}="≥")))`;
  },
};

/** Whether band `a` holds for every value band `b` holds for (so `b`, listed later, never applies). */
function covers(a: Band, b: Band): boolean {
  const up = (op: string) => op === ">=" || op === ">";
  if (up(a.op) !== up(b.op)) return false;
  if (up(a.op)) return b.value > a.value || (b.value === a.value && (a.op === ">=" || b.op === ">"));
  return b.value < a.value || (b.value === a.value && (a.op === "<=" || b.op === "<"));
}
