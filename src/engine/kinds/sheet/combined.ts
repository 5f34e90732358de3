// The authoring and sheet half of the combined rule kind (see RuleSheetKind in ../kind.ts): its own module so
// the functions bundle, which only scores, never carries it.
import type { CombinedRule } from "../../../catalog/types";
import { type Problem, type RuleSheetKind } from "../kind";
import { displayCondition } from "../../conditions";
import { partContext, prefixed } from "../combined";
import { sheetKindOf } from "../sheet-registry";
import { PART_LABELS } from "./labels";
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
      return lang === "zh"
        ? `${spec.label[lang]}${displayCondition(z, spec)}→0`
        : `${spec.label[lang]} ${displayCondition(z, spec)}→0`;
    });
    return [...parts, ...zero].join(" | ");
  },
  ruleTable(rule, ctx) {
    const parts = rule.parts.flatMap((p, i) =>
      sheetKindOf(p)
        .ruleTable(p, partContext(p, ctx))
        .map((t) => ({ ...t, key: `p${i}_${t.key}`, label: prefixed(ctx.inputs[p.input ?? 0]?.label, t.label) })),
    );
    (rule.zeroIf ?? []).forEach((z, i) =>
      parts.push({ key: `zero${i}`, label: PART_LABELS.zero_if, values: [z.value] }),
    );
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
