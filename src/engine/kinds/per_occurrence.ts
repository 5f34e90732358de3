import type { PerOccurrenceRule } from "../../catalog/types";
import { formatMessage } from "../../i18n";
import { KpiError } from "../errors";
import { inputOf, onInput, type RuleKind } from "./kind";

/** A signed amount per occurrence, its total capped in absolute value (每例加2分,最高加5分; 扣10分/次). */
export const perOccurrenceKind: RuleKind<PerOccurrenceRule> = {
  kind: "per_occurrence",
  inputsRead: (rule) => [inputOf(rule)],
  // Absurd counts (1e308) would overflow to ±Infinity: refuse them rather than score them.
  check(rule, xs, ctx) {
    if (!Number.isFinite(rule.per * xs[inputOf(rule)])) throw new KpiError("result_out_of_range", { rule: ctx.name });
  },
  compile(rule) {
    const per = rule.per;
    const cap = rule.cap ?? Infinity;
    return onInput(inputOf(rule), per > 0 ? (n) => Math.min(cap, per * n) : (n) => Math.max(-cap, per * n));
  },
  evaluate(rule, xs) {
    const raw = rule.per * xs[inputOf(rule)];
    const cap = rule.cap ?? Infinity;
    const points = Math.sign(raw) * Math.min(Math.abs(raw), cap) || 0;
    return { points, detail: { capped: Math.abs(raw) > cap } };
  },
  explain(rule, xs, ev, ctx, lang) {
    return formatMessage(lang, "explain_per_occurrence", {
      rule: ctx.name[lang],
      count: xs[inputOf(rule)],
      per: rule.per > 0 ? `+${rule.per}` : rule.per,
      capNote: rule.cap !== undefined ? formatMessage(lang, "explain_cap", { cap: rule.cap }) : "",
      points: ev.points > 0 ? `+${ev.points}` : ev.points,
    });
  },
  pointsRange(rule) {
    const extreme = rule.cap !== undefined ? Math.sign(rule.per) * rule.cap : rule.per * 99;
    return { min: Math.min(0, extreme), max: Math.max(0, extreme) };
  },
};

