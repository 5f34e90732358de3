import type { VetoRule } from "../../catalog/types";
import { formatMessage } from "../../i18n";
import { inputOf, type RuleKind } from "./kind";

/**
 * 严重涉密 → KPI 0分: on yes (1) the named section's subtotal becomes 0. The rule itself contributes 0 points;
 * the assessment applies the veto (it knows the sections).
 */
export const vetoKind: RuleKind<VetoRule> = {
  kind: "veto",
  inputsRead: (rule) => [inputOf(rule)],
  check() {},
  compile: () => () => 0,
  evaluate: (rule, xs) => ({ points: 0, detail: { vetoed: xs[inputOf(rule)] === 1 } }),
  explain(rule, xs, ev, ctx, lang) {
    const vetoed = ev.detail.vetoed as boolean;
    return formatMessage(lang, "explain_veto", {
      rule: ctx.name[lang],
      answer: formatMessage(lang, vetoed ? "answer_yes" : "answer_no"),
      effect: vetoed ? formatMessage(lang, "veto_effect", { section: rule.section }) : "",
    });
  },
  pointsRange: () => ({ min: 0, max: 0 }),
};

