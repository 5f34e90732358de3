import type { DiscretionaryRule } from "../../catalog/types";
import { formatMessage } from "../../i18n";
import { KpiError } from "../errors";
import { inputOf, onInput, type RuleKind } from "./kind";

const EPS = 1e-9;

/** Whether `amount` is an allowed judgement: 0 (none), inside [min, max], or with perOccurrence k×[min, max]. */
export function amountAllowed(rule: DiscretionaryRule, amount: number): boolean {
  if (amount === 0) return true;
  if (amount < 0) return false;
  if (!rule.perOccurrence) return amount >= rule.min - EPS && amount <= rule.max + EPS;
  if (rule.min === 0) return true;
  // Some whole number of occurrences k with k×min ≤ amount ≤ k×max.
  return Math.ceil(amount / rule.max - EPS) <= Math.floor(amount / rule.min + EPS);
}

export function discretionaryRangeText(rule: DiscretionaryRule, lang: "zh" | "en"): string {
  const suffix = rule.perOccurrence ? formatMessage(lang, "per_occurrence_suffix") : "";
  return `${rule.min}–${rule.max}${suffix}`;
}

/**
 * The seed leaves the amount to the rater (酌情扣2-8分, 扣2-3分/次, 加5~15分): the rater types it, we check it.
 * Points are base ± amount; with a base (the row's full marks) never below 0.
 */
export const discretionaryKind: RuleKind<DiscretionaryRule> = {
  kind: "discretionary",
  inputsRead: (rule) => [inputOf(rule)],
  check(rule, xs, ctx) {
    const amount = xs[inputOf(rule)];
    if (!amountAllowed(rule, amount)) {
      throw new KpiError("discretionary_range", {
        value: amount,
        rule: ctx.name,
        range: { zh: discretionaryRangeText(rule, "zh"), en: discretionaryRangeText(rule, "en") },
      });
    }
  },
  compile(rule) {
    const base = rule.base ?? 0;
    const sign = rule.sign;
    if (rule.base === undefined) return onInput(inputOf(rule), (a) => sign * a);
    return onInput(inputOf(rule), (a) => {
      const p = base + sign * a;
      return p < 0 ? 0 : p;
    });
  },
  evaluate(rule, xs) {
    const raw = (rule.base ?? 0) + rule.sign * xs[inputOf(rule)];
    return { points: rule.base === undefined ? raw : Math.max(0, raw), detail: {} };
  },
  explain(rule, xs, ev, ctx, lang) {
    return formatMessage(lang, "explain_discretionary", {
      rule: ctx.name[lang],
      verb: formatMessage(lang, rule.sign < 0 ? "verb_deduct" : "verb_add"),
      amount: xs[inputOf(rule)],
      range: discretionaryRangeText(rule, lang),
      points: ev.points,
    });
  },
  pointsRange(rule) {
    // Per occurrence, the number of occurrences is unbounded: so is the amount.
    const most = rule.perOccurrence ? Infinity : rule.max;
    const base = rule.base ?? 0;
    if (rule.sign > 0) return { min: base, max: base + most };
    return { min: rule.base === undefined ? -most : Math.max(0, base - most), max: base };
  },
};

