import type { DeductionRule } from "../../catalog/types";
import { formatMessage } from "../../i18n";
import { KpiError } from "../errors";
import { inputOf, onInput, type RuleKind } from "./kind";

/** Full marks minus `per` for each occurrence, never below the floor (每投诉1次扣5分). */
export const deductionKind: RuleKind<DeductionRule> = {
  kind: "deduction",
  inputsRead: (rule) => [inputOf(rule)],
  // Absurd counts (1e308) would overflow to ±Infinity: refuse them rather than score them.
  check(rule, xs, ctx) {
    if (!Number.isFinite(rule.per * xs[inputOf(rule)])) throw new KpiError("result_out_of_range", { rule: ctx.name });
  },
  compile(rule) {
    const { full, per } = rule;
    const floor = rule.floor ?? 0;
    return onInput(inputOf(rule), (n) => {
      const p = full - per * n;
      return p < floor ? floor : p;
    });
  },
  evaluate(rule, xs) {
    const n = xs[inputOf(rule)];
    const floor = rule.floor ?? 0;
    const raw = rule.full - rule.per * n;
    return { points: Math.max(floor, raw), detail: { floored: raw < floor } };
  },
  explain(rule, xs, ev, ctx, lang) {
    return formatMessage(lang, "explain_deduction", {
      rule: ctx.name[lang],
      full: rule.full,
      count: xs[inputOf(rule)],
      per: rule.per,
      floorNote: ev.detail.floored ? formatMessage(lang, "explain_floor", { floor: rule.floor ?? 0 }) : "",
      points: ev.points,
    });
  },
  pointsRange: (rule) => ({ min: rule.floor ?? 0, max: rule.full }),
};

