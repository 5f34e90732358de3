// The authoring and sheet half of the levels rule kind (see RuleSheetKind in ../kind.ts): its own module so
// the functions bundle, which only scores, never carries it.
import type { LevelsRule } from "../../../catalog/types";
import { inputOf, type Problem, type RuleSheetKind } from "../kind";
import { levelsBestFirst, levelRangeText } from "../levels";
import { PART_LABELS } from "./labels";
/** Authoring and sheet support: checks, one-line summary, rules-sheet table, portable formula. */
export const levelsSheet: RuleSheetKind<LevelsRule> = {
  validate(rule, path) {
    const problems: Problem[] = [];
    const codes = new Set<string>();
    rule.levels.forEach((level, i) => {
      if (level.min > level.max || (level.maxExclusive && level.min === level.max)) {
        problems.push({ path: `${path}.levels[${i}]`, message: `empty range ${level.min}–${level.max}` });
      }
      const code = level.code.toUpperCase();
      if (codes.has(code))
        problems.push({ path: `${path}.levels[${i}].code`, message: `duplicate level code ${level.code}` });
      codes.add(code);
      if (/^-?\d+(\.\d+)?$/.test(level.code) && Number(level.code) !== level.min) {
        // A numeric code would be read as a score, not as the level.
        problems.push({
          path: `${path}.levels[${i}].code`,
          message: `numeric code ${level.code} would be read as a score; use a letter`,
        });
      }
    });
    const best = levelsBestFirst(rule);
    for (let i = 1; i < best.length; i++) {
      if (best[i].max > best[i - 1].max) {
        problems.push({
          path: `${path}.order`,
          message: `levels are not in ${rule.order} order: ${best[i].code} reaches higher than ${best[i - 1].code}`,
        });
      }
    }
    return problems;
  },
  summary(rule, _ctx, lang) {
    return rule.levels.map((l) => `${l.code}: ${levelRangeText(l, lang)}`).join("; ");
  },
  ruleTable(rule, ctx) {
    const lang = ctx.lang ?? "zh";
    return [
      { key: "code", label: PART_LABELS.code, values: rule.levels.map((l) => l.code), format: "text" },
      { key: "min", label: PART_LABELS.min_score, values: rule.levels.map((l) => l.min) },
      { key: "max", label: PART_LABELS.max_score, values: rule.levels.map((l) => l.max) },
      {
        key: "descriptor",
        label: PART_LABELS.descriptor,
        values: rule.levels.map((l) => l.descriptor[lang]),
        format: "text",
      },
    ];
  },
  // A typed score is the points; a level picked from the list scores the level's minimum.
  formula(rule, refs) {
    const x = refs.input(inputOf(rule));
    return `IF(ISNUMBER(${x}),${x},INDEX(${refs.part("min")},MATCH(${x},${refs.part("code")},0)))`;
  },
};
