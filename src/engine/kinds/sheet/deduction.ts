// The authoring and sheet half of the deduction rule kind (see RuleSheetKind in ../kind.ts): its own module so
// the functions bundle, which only scores, never carries it.
import type { DeductionRule } from "../../../catalog/types";
import { inputOf, type RuleSheetKind } from "../kind";
import { PART_LABELS } from "./labels";
/** Authoring and sheet support: checks, one-line summary, rules-sheet table, portable formula. */
export const deductionSheet: RuleSheetKind<DeductionRule> = {
  validate(rule, path) {
    const floor = rule.floor ?? 0;
    return floor > rule.full
      ? [{ path: `${path}.floor`, message: `floor ${floor} is above full marks ${rule.full}` }]
      : [];
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
  formula: (rule, refs) =>
    `MAX(${refs.part("floor")},${refs.part("full")}-${refs.part("per")}*${refs.input(inputOf(rule))})`,
};
