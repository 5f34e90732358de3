import type { CombinedRule, Rule } from "../../catalog/types";
import { formatMessage } from "../../i18n";
import { displayCondition, holds } from "../conditions";
import { type CompiledRule, type Evaluation, type RuleContext, type RuleKind } from "./kind";
import type { Text } from "../../catalog/types";
import { kindOf } from "./registry";

/** A part is explained under its input's label (培训学习成绩 …), not under the row's name. */
export function partContext(part: Rule, ctx: RuleContext): RuleContext {
  const spec = ctx.inputs[part.input ?? 0];
  return { ...ctx, name: spec ? spec.label : ctx.name };
}

export function prefixed(prefix: Text | undefined, label: Text): Text {
  return prefix ? { zh: `${prefix.zh}·${label.zh}`, en: `${prefix.en} · ${label.en}` } : label;
}

function clamp(rule: CombinedRule, p: number): number {
  if (rule.min !== undefined && p < rule.min) return rule.min;
  if (rule.max !== undefined && p > rule.max) return rule.max;
  return p;
}

/**
 * The parts of one row on several inputs, added up (培训成绩 bands + 每例加2分), kept within [min, max], and
 * zeroed when a cliff condition holds (未提交超过5次为0分).
 */
export const combinedKind: RuleKind<CombinedRule> = {
  kind: "combined",
  inputsRead: (rule) => [...new Set(rule.parts.flatMap((p) => kindOf(p).inputsRead(p)))].sort(),
  check(rule, xs, ctx) {
    for (const part of rule.parts) kindOf(part).check(part, xs, partContext(part, ctx));
  },
  compile(rule) {
    const parts: CompiledRule[] = rule.parts.map((p) => kindOf(p).compile(p));
    const min = rule.min ?? -Infinity;
    const max = rule.max ?? Infinity;
    const zeroIf = (rule.zeroIf ?? []).map((z) => ({ ...z }));
    return (a, b, c) => {
      for (const z of zeroIf) if (holds(z, z.input === 0 ? a : z.input === 1 ? b : c)) return 0;
      let p = 0;
      for (const part of parts) p += part(a, b, c);
      return p < min ? min : p > max ? max : p;
    };
  },
  evaluate(rule, xs) {
    const parts = rule.parts.map((p) => kindOf(p).evaluate(p, xs));
    const zeroedBy = (rule.zeroIf ?? []).findIndex((z) => holds(z, xs[z.input]));
    const sum = parts.reduce((s, e) => s + e.points, 0);
    const points = zeroedBy >= 0 ? 0 : clamp(rule, sum);
    return { points, detail: { parts, zeroedBy, clamped: zeroedBy < 0 && points !== sum } };
  },
  explain(rule, xs, ev, ctx, lang) {
    const parts = ev.detail.parts as Evaluation[];
    const texts = rule.parts.map((p, i) => kindOf(p).explain(p, xs, parts[i], partContext(p, ctx), lang));
    const zeroedBy = ev.detail.zeroedBy as number;
    let zero = "";
    if (zeroedBy >= 0) {
      const z = rule.zeroIf![zeroedBy];
      const spec = ctx.inputs[z.input];
      zero = formatMessage(lang, "explain_zero_if", { label: spec.label[lang], condition: displayCondition(z, spec) });
    }
    const clampText = ev.detail.clamped
      ? formatMessage(lang, "explain_clamp", { min: rule.min ?? "−∞", max: rule.max ?? "∞" })
      : "";
    return formatMessage(lang, "explain_combined", {
      rule: ctx.name[lang],
      parts: texts.join(lang === "zh" ? ";" : "; "),
      clamp: clampText,
      zero,
      points: ev.points,
    });
  },
  pointsRange(rule, base) {
    let min = 0;
    let max = 0;
    for (const part of rule.parts) {
      if (base && part.role === "bonus") continue;
      const r = kindOf(part).pointsRange(part, base);
      min += r.min;
      max += r.max;
    }
    const lo = (v: number) => Math.min(Math.max(v, rule.min ?? -Infinity), rule.max ?? Infinity);
    return { min: rule.zeroIf?.length ? Math.min(0, lo(min)) : lo(min), max: lo(max) };
  },
};

