import type { CombinedRule, Rule } from "../../catalog/types";
import { formatMessage } from "../../i18n";
import { displayCondition, holds } from "../conditions";
import { PART_LABELS, type CompiledRule, type Evaluation, type Problem, type RuleContext, type RuleKind, type RuleSheetKind } from "./kind";
import type { Text } from "../../catalog/types";
import { kindOf } from "./registry";
import { sheetKindOf } from "./sheet-registry";

/** A part is explained under its input's label (培训学习成绩 …), not under the row's name. */
function partContext(part: Rule, ctx: RuleContext): RuleContext {
  const spec = ctx.inputs[part.input ?? 0];
  return { ...ctx, name: spec ? spec.label : ctx.name };
}

function prefixed(prefix: Text | undefined, label: Text): Text {
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

/** Authoring and sheet support: checks, one-line summary, rules-sheet table, portable formula. */
export const combinedSheet: RuleSheetKind<CombinedRule> = {
  validate(rule, path, ctx) {
    const problems: Problem[] = [];
    rule.parts.forEach((part, i) => {
      if (part.kind === "combined" || part.kind === "veto") {
        problems.push({ path: `${path}.parts[${i}]`, message: `a ${part.kind} rule cannot be a part` });
        return;
      }
      problems.push(...sheetKindOf(part).validate(part, `${path}.parts[${i}]`, partContext(part, ctx)));
    });
    return problems;
  },
  summary(rule, ctx, lang) {
    const parts = rule.parts.map((p) => {
      const pctx = partContext(p, ctx);
      return `${pctx.name[lang]}: ${sheetKindOf(p).summary(p, pctx, lang)}`;
    });
    const zero = (rule.zeroIf ?? []).map((z) => {
      const spec = ctx.inputs[z.input];
      return lang === "zh" ? `${spec.label[lang]}${displayCondition(z, spec)}→0` : `${spec.label[lang]} ${displayCondition(z, spec)}→0`;
    });
    return [...parts, ...zero].join(" | ");
  },
  ruleTable(rule, ctx) {
    const parts = rule.parts.flatMap((p, i) =>
      sheetKindOf(p).ruleTable(p, partContext(p, ctx)).map((t) => ({ ...t, key: `p${i}_${t.key}`, label: prefixed(ctx.inputs[p.input ?? 0]?.label, t.label) })),
    );
    (rule.zeroIf ?? []).forEach((z, i) => parts.push({ key: `zero${i}`, label: PART_LABELS.zero_if, values: [z.value] }));
    if (rule.min !== undefined) parts.push({ key: "min", label: PART_LABELS.min_score, values: [rule.min] });
    if (rule.max !== undefined) parts.push({ key: "max", label: PART_LABELS.max_score, values: [rule.max] });
    return parts;
  },
  formula(rule, refs) {
    const sum = rule.parts
      .map((p, i) => `(${sheetKindOf(p).formula(p, { input: refs.input, part: (key) => refs.part(`p${i}_${key}`) })})`)
      .join("+");
    let f = sum;
    if (rule.min !== undefined) f = `MAX(${refs.part("min")},${f})`;
    if (rule.max !== undefined) f = `MIN(${refs.part("max")},${f})`;
    const conds = (rule.zeroIf ?? []).map((z, i) => `${refs.input(z.input)}${z.op}${refs.part(`zero${i}`)}`);
    if (conds.length) f = `IF(OR(${conds.join(",")}),0,${f})`;
    return f;
  },
};
