import type { FreeRule } from "../../catalog/types";
import { formatMessage } from "../../i18n";
import { displayNumber } from "../round";
import { KpiError } from "../errors";
import { inputOf, onInput, PART_LABELS, type RuleKind, type RuleSheetKind } from "./kind";

/** A score the rater gives freely (qualitative rows, 0-10 items); the seed sets at most a range. */
export const freeKind: RuleKind<FreeRule> = {
  kind: "free",
  inputsRead: (rule) => [inputOf(rule)],
  check(rule, xs, ctx) {
    const x = xs[inputOf(rule)];
    if (x < rule.min || (rule.max !== undefined && x > rule.max)) {
      throw new KpiError(rule.max === undefined ? "below_min" : "out_of_range", {
        value: displayNumber(x),
        rule: ctx.name,
        min: rule.min,
        max: rule.max ?? "",
        prompt: ctx.inputs[inputOf(rule)].prompt,
      });
    }
  },
  compile: (rule) => onInput(inputOf(rule), (x) => x),
  evaluate: (rule, xs) => ({ points: xs[inputOf(rule)], detail: {} }),
  explain: (_rule, _xs, ev, ctx, lang) => formatMessage(lang, "explain_free", { rule: ctx.name[lang], points: ev.points }),
  pointsRange: (rule) => ({ min: rule.min, max: rule.max ?? Infinity }),
};

/** Authoring and sheet support: checks, one-line summary, rules-sheet table, portable formula. */
export const freeSheet: RuleSheetKind<FreeRule> = {
  validate(rule, path) {
    return rule.max !== undefined && rule.max < rule.min ? [{ path, message: `max ${rule.max} is below min ${rule.min}` }] : [];
  },
  summary(rule, _ctx, lang) {
    if (rule.max === undefined) return lang === "zh" ? `自由评分 ≥${rule.min}` : `free score ≥${rule.min}`;
    return lang === "zh" ? `自由评分 ${rule.min}–${rule.max}` : `free score ${rule.min}–${rule.max}`;
  },
  // A free score without a printed maximum has no full marks.
  ruleTable: (rule) => [
    { key: "min", label: PART_LABELS.min_score, values: [rule.min] },
    ...(rule.max === undefined ? [] : [{ key: "max", label: PART_LABELS.max_score, values: [rule.max] }]),
  ],
  formula: (rule, refs) => refs.input(inputOf(rule)),
};
