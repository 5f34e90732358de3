// The authoring and sheet half of the yes_no rule kind (see RuleSheetKind in ../kind.ts): its own module so
// the functions bundle, which only scores, never carries it.
import type { YesNoRule } from "../../../catalog/types";
import { inputOf, type RuleSheetKind } from "../kind";
import { PART_LABELS } from "./labels";
/** Authoring and sheet support: checks, one-line summary, rules-sheet table, portable formula. */
export const yesNoSheet: RuleSheetKind<YesNoRule> = {
  validate: () => [],
  summary(rule, _ctx, lang) {
    return lang === "zh" ? `是→${rule.yes}; 否→${rule.no}` : `yes→${rule.yes}; no→${rule.no}`;
  },
  ruleTable: (rule) => [
    { key: "yes", label: PART_LABELS.yes, values: [rule.yes] },
    { key: "no", label: PART_LABELS.no, values: [rule.no] },
  ],
  formula: (rule, refs) => `IF(${refs.input(inputOf(rule))}=1,${refs.part("yes")},${refs.part("no")})`,
};
