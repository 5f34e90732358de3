import type { FreeRule } from "../../catalog/types";
import { formatMessage } from "../../i18n";
import { displayNumber } from "../round";
import { KpiError } from "../errors";
import { inputOf, onInput, type RuleKind } from "./kind";

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

