// The authoring and sheet half of the discretionary rule kind (see RuleSheetKind in ../kind.ts): its own module so
// the functions bundle, which only scores, never carries it.
import type { DiscretionaryRule } from "../../../catalog/types";
import { discretionaryRangeText } from "../discretionary";
import { formatMessage } from "../../../i18n";
import { inputOf, type RuleSheetKind } from "../kind";
import { PART_LABELS } from "./labels";
/** Authoring and sheet support: checks, one-line summary, rules-sheet table, portable formula. */
export const discretionarySheet: RuleSheetKind<DiscretionaryRule> = {
  validate(rule, path) {
    return rule.min > rule.max ? [{ path, message: `min ${rule.min} is above max ${rule.max}` }] : [];
  },
  summary(rule, _ctx, lang) {
    const verb = formatMessage(lang, rule.sign < 0 ? "verb_deduct" : "verb_add");
    const base = rule.base === undefined ? "" : lang === "zh" ? `满分${rule.base}, ` : `full ${rule.base}, `;
    return lang === "zh"
      ? `${base}酌情${verb}${discretionaryRangeText(rule, lang)}`
      : `${base}${verb} ${discretionaryRangeText(rule, lang)} at discretion`;
  },
  ruleTable(rule) {
    const parts = [
      { key: "min", label: PART_LABELS.min_amount, values: [rule.min] },
      { key: "max", label: PART_LABELS.max_amount, values: [rule.max] },
    ];
    if (rule.base !== undefined) parts.unshift({ key: "base", label: PART_LABELS.full, values: [rule.base] });
    return parts;
  },
  formula(rule, refs) {
    const x = refs.input(inputOf(rule));
    if (rule.base === undefined) return rule.sign < 0 ? `-${x}` : x;
    return rule.sign < 0 ? `MAX(0,${refs.part("base")}-${x})` : `${refs.part("base")}+${x}`;
  },
};
