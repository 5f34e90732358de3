// The authoring and sheet half of the two_thresholds rule kind (see RuleSheetKind in ../kind.ts): its own module so
// the functions bundle, which only scores, never carries it.
import type { TwoThresholdsRule } from "../../../catalog/types";
import { type RuleSheetKind } from "../kind";
import { displayCondition, opSymbol } from "../../conditions";
import { PART_LABELS } from "./labels";
/** Authoring and sheet support: checks, one-line summary, rules-sheet table, portable formula. */
export const twoThresholdsSheet: RuleSheetKind<TwoThresholdsRule> = {
  validate: () => [],
  summary(rule, ctx, lang) {
    const [a, b] = [ctx.inputs[0], ctx.inputs[1]];
    const c1 = `${a.label[lang]}${displayCondition(rule.first, a)}`;
    const c2 = `${b.label[lang]}${displayCondition(rule.second, b)}`;
    const p = rule.points;
    return lang === "zh"
      ? `${c1}且${c2}→${p.both}; 仅前者→${p.firstOnly}; 仅后者→${p.secondOnly}; 均未达到→${p.neither}`
      : `${c1} and ${c2}→${p.both}; first only→${p.firstOnly}; second only→${p.secondOnly}; neither→${p.neither}`;
  },
  ruleTable(rule, ctx) {
    const pct = (i: number) =>
      (["rate", "ratio"].includes(ctx.inputs[i]?.measure) ? "percent" : "number") as "percent" | "number";
    return [
      { key: "op1", label: PART_LABELS.op1, values: [opSymbol(rule.first.op)], format: "text" },
      { key: "v1", label: PART_LABELS.v1, values: [rule.first.value], format: pct(0) },
      { key: "op2", label: PART_LABELS.op2, values: [opSymbol(rule.second.op)], format: "text" },
      { key: "v2", label: PART_LABELS.v2, values: [rule.second.value], format: pct(1) },
      { key: "both", label: PART_LABELS.both, values: [rule.points.both] },
      { key: "first_only", label: PART_LABELS.first_only, values: [rule.points.firstOnly] },
      { key: "second_only", label: PART_LABELS.second_only, values: [rule.points.secondOnly] },
      { key: "neither", label: PART_LABELS.neither, values: [rule.points.neither] },
    ];
  },
  formula(rule, refs) {
    const met = (x: string, c: { op: string }, op: string, v: string) =>
      c.op === "<=" || c.op === "<"
        ? `OR(${x}<${v},AND(${x}=${v},${op}="≤"))`
        : `OR(${x}>${v},AND(${x}=${v},${op}="≥"))`;
    const c1 = met(refs.input(0), rule.first, refs.part("op1"), refs.part("v1"));
    const c2 = met(refs.input(1), rule.second, refs.part("op2"), refs.part("v2"));
    return `IF(${c1},IF(${c2},${refs.part("both")},${refs.part("first_only")}),IF(${c2},${refs.part("second_only")},${refs.part("neither")}))`;
  },
};
