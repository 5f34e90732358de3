import type { DeductionRule } from "../../catalog/types";
import { formatMessage } from "../../i18n";
import { KpiError } from "../errors";
import { inputOf, onInput, PART_LABELS, type RuleKind, type RuleSheetKind } from "./kind";

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

/** Authoring and sheet support: checks, one-line summary, rules-sheet table, portable formula. */
export const deductionSheet: RuleSheetKind<DeductionRule> = {
  validate(rule, path) {
    const floor = rule.floor ?? 0;
    return floor > rule.full ? [{ path: `${path}.floor`, message: `floor ${floor} is above full marks ${rule.full}` }] : [];
  },
  summary(rule, _ctx, lang) {
    return lang === "zh"
      ? `满分${rule.full}, 每次扣${rule.per}, 最低${rule.floor ?? 0}`
      : `full ${rule.full}, −${rule.per} each, floor ${rule.floor ?? 0}`;
  },
  ruleTable: (rule) => [
    { key: "full", label: PART_LABELS.full, values: [rule.full] },
    { key: "per", label: PART_LABELS.per, values: [rule.per] },
    { key: "floor", label: PART_LABELS.floor, values: [rule.floor ?? 0] },
  ],
  formula: (rule, refs) => `MAX(${refs.part("floor")},${refs.part("full")}-${refs.part("per")}*${refs.input(inputOf(rule))})`,
};
