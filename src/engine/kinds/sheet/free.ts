// The authoring and sheet half of the free rule kind (see RuleSheetKind in ../kind.ts): its own module so
// the functions bundle, which only scores, never carries it.
import type { FreeRule } from "../../../catalog/types";
import { inputOf, type RuleSheetKind } from "../kind";
import { PART_LABELS } from "./labels";
/** Authoring and sheet support: checks, one-line summary, rules-sheet table, portable formula. */
export const freeSheet: RuleSheetKind<FreeRule> = {
  validate(rule, path) {
    return rule.max !== undefined && rule.max < rule.min
      ? [{ path, message: `max ${rule.max} is below min ${rule.min}` }]
      : [];
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
