import type { TwoThresholdsRule } from "../../catalog/types";
import { displayCondition, displayInput, holds, opSymbol } from "../conditions";
import { formatMessage } from "../../i18n";
import { PART_LABELS, type RuleKind, type RuleSheetKind } from "./kind";

/** 首问 ≤30秒 and 平均 ≤60秒 → 5; only the first → 3; only the second → 2; neither → 0. Inputs 0 and 1. */
export const twoThresholdsKind: RuleKind<TwoThresholdsRule> = {
  kind: "two_thresholds",
  inputsRead: () => [0, 1],
  check() {},
  compile(rule) {
    const { first, second, points } = rule;
    const f1 = first.value;
    const f2 = second.value;
    const t1 = (x: number) => (first.op === ">=" ? x >= f1 : first.op === ">" ? x > f1 : first.op === "<=" ? x <= f1 : x < f1);
    const t2 = (y: number) => (second.op === ">=" ? y >= f2 : second.op === ">" ? y > f2 : second.op === "<=" ? y <= f2 : y < f2);
    return (a, b) => (t1(a) ? (t2(b) ? points.both : points.firstOnly) : t2(b) ? points.secondOnly : points.neither);
  },
  evaluate(rule, xs) {
    const m1 = holds(rule.first, xs[0]);
    const m2 = holds(rule.second, xs[1]);
    const p = rule.points;
    return { points: m1 ? (m2 ? p.both : p.firstOnly) : m2 ? p.secondOnly : p.neither, detail: { m1, m2 } };
  },
  explain(rule, xs, ev, ctx, lang) {
    const part = (i: 0 | 1, met: boolean) => {
      const spec = ctx.inputs[i];
      return formatMessage(lang, met ? "explain_met" : "explain_not_met", {
        label: spec.label[lang],
        value: displayInput(xs[i], spec),
        condition: displayCondition(i === 0 ? rule.first : rule.second, spec),
      });
    };
    return formatMessage(lang, "explain_two", {
      rule: ctx.name[lang],
      first: part(0, ev.detail.m1 as boolean),
      second: part(1, ev.detail.m2 as boolean),
      a: ev.detail.m1 ? "✓" : "✗",
      b: ev.detail.m2 ? "✓" : "✗",
      points: ev.points,
    });
  },
  pointsRange(rule) {
    const v = Object.values(rule.points);
    return { min: Math.min(...v), max: Math.max(...v) };
  },
};

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
    const pct = (i: number) => (["rate", "ratio"].includes(ctx.inputs[i]?.measure) ? "percent" : "number") as "percent" | "number";
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
