// The authoring and sheet half of the per_occurrence rule kind (see RuleSheetKind in ../kind.ts): its own module so
// the functions bundle, which only scores, never carries it.
import type { PerOccurrenceRule } from "../../../catalog/types";
import { inputOf, type RuleSheetKind } from "../kind";
import { PART_LABELS } from "./labels";
/** Authoring and sheet support: checks, one-line summary, rules-sheet table, portable formula. */
export const perOccurrenceSheet: RuleSheetKind<PerOccurrenceRule> = {
  validate: () => [],
  // Without a cap the count is unbounded; the range is what a whole month can plausibly reach (99 occurrences).
  summary(rule, _ctx, lang) {
    const per = rule.per > 0 ? `+${rule.per}` : `${rule.per}`;
    const cap = rule.cap === undefined ? "" : lang === "zh" ? `, 最多${rule.cap}` : `, cap ${rule.cap}`;
    return lang === "zh" ? `每次${per}${cap}` : `${per} each${cap}`;
  },
  ruleTable(rule) {
    const parts = [{ key: "per", label: PART_LABELS.per, values: [rule.per] }];
    if (rule.cap !== undefined) parts.push({ key: "cap", label: PART_LABELS.cap, values: [rule.cap] });
    return parts;
  },
  formula(rule, refs) {
    const raw = `${refs.part("per")}*${refs.input(inputOf(rule))}`;
    if (rule.cap === undefined) return raw;
    return rule.per > 0 ? `MIN(${refs.part("cap")},${raw})` : `MAX(-${refs.part("cap")},${raw})`;
  },
};
