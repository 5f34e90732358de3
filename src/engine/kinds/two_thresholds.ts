import type { TwoThresholdsRule } from "../../catalog/types";
import { displayCondition, displayInput, holds } from "../conditions";
import { formatMessage } from "../../i18n";
import { type RuleKind } from "./kind";

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

