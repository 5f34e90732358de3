import type { YesNoRule } from "../../catalog/types";
import { formatMessage } from "../../i18n";
import { inputOf, onInput, type RuleKind } from "./kind";

/** 1 = yes, 0 = no (全勤 → 2分). */
export const yesNoKind: RuleKind<YesNoRule> = {
  kind: "yes_no",
  inputsRead: (rule) => [inputOf(rule)],
  check() {},
  compile(rule) {
    const { yes, no } = rule;
    return onInput(inputOf(rule), (x) => (x === 1 ? yes : no));
  },
  evaluate: (rule, xs) => ({ points: xs[inputOf(rule)] === 1 ? rule.yes : rule.no, detail: {} }),
  explain(rule, xs, ev, ctx, lang) {
    const answer = formatMessage(lang, xs[inputOf(rule)] === 1 ? "answer_yes" : "answer_no");
    return formatMessage(lang, "explain_yes_no", { rule: ctx.name[lang], answer, points: ev.points });
  },
  pointsRange: (rule) => ({ min: Math.min(rule.yes, rule.no), max: Math.max(rule.yes, rule.no) }),
};

