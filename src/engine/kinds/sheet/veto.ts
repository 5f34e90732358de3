// The authoring and sheet half of the veto rule kind (see RuleSheetKind in ../kind.ts): its own module so
// the functions bundle, which only scores, never carries it.
import type { VetoRule } from "../../../catalog/types";
import { type RuleSheetKind } from "../kind";
/** Authoring and sheet support: checks, one-line summary, rules-sheet table, portable formula. */
export const vetoSheet: RuleSheetKind<VetoRule> = {
  validate: () => [],
  summary(rule, _ctx, lang) {
    return lang === "zh" ? `是→${rule.section} 计0分` : `yes→${rule.section} scores 0`;
  },
  // The veto zeroes its section in the total's formula; on its own it contributes nothing.
  ruleTable: () => [],
  formula: () => "0",
};
