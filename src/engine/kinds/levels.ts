import type { Level, LevelsRule } from "../../catalog/types";
import { formatMessage } from "../../i18n";
import { displayNumber } from "../round";
import { KpiError } from "../errors";
import { inputOf, onInput, PART_LABELS, type Problem, type RuleKind, type RuleSheetKind } from "./kind";

function inLevel(level: Level, x: number): boolean {
  return x >= level.min && (level.maxExclusive ? x < level.max : x <= level.max);
}

/** The levels best first, whatever order the seed lists them in. */
export function levelsBestFirst(rule: LevelsRule): Level[] {
  return rule.order === "best_first" ? rule.levels : [...rule.levels].reverse();
}

/** The level a score belongs to; where two ranges share a boundary the better level wins. */
export function levelOf(rule: LevelsRule, x: number): Level | undefined {
  return levelsBestFirst(rule).find((level) => inLevel(level, x));
}

export function levelByCode(rule: LevelsRule, code: string): Level | undefined {
  const wanted = code.trim().toUpperCase();
  return rule.levels.find((level) => level.code.toUpperCase() === wanted);
}

export function levelRangeText(level: Level, lang: "zh" | "en"): string {
  if (level.maxExclusive && level.min === 0) return formatMessage(lang, "range_below", { max: level.max });
  if (level.min === level.max) return lang === "zh" ? `${level.min} 分` : `${level.min} points`;
  return formatMessage(lang, "range_to", { min: level.min, max: level.max });
}

/**
 * Behaviour-anchored levels: each has a descriptor and a score range. The rater types a score inside a
 * level's range (or picks a level by code, which scores the level's minimum); the score is the points.
 */
export const levelsKind: RuleKind<LevelsRule> = {
  kind: "levels",
  inputsRead: (rule) => [inputOf(rule)],
  check(rule, xs, ctx) {
    const x = xs[inputOf(rule)];
    if (rule.wholeNumbers && !Number.isInteger(x)) {
      throw new KpiError("not_whole", { value: displayNumber(x), rule: ctx.name });
    }
    if (!levelOf(rule, x)) {
      const ranges = (lang: "zh" | "en") => rule.levels.map((l) => `${l.code} ${levelRangeText(l, lang)}`).join(lang === "zh" ? "、" : ", ");
      throw new KpiError("level_not_found", { value: displayNumber(x), rule: ctx.name, ranges: { zh: ranges("zh"), en: ranges("en") } });
    }
  },
  compile: (rule) => onInput(inputOf(rule), (x) => x),
  evaluate(rule, xs) {
    const x = xs[inputOf(rule)];
    return { points: x, detail: { level: levelOf(rule, x) } };
  },
  explain(rule, xs, ev, ctx, lang) {
    const level = ev.detail.level as Level;
    return formatMessage(lang, ev.detail.picked ? "explain_level_picked" : "explain_level", {
      rule: ctx.name[lang],
      value: displayNumber(xs[inputOf(rule)]),
      code: level.code,
      descriptor: level.descriptor[lang],
      range: levelRangeText(level, lang),
      points: ev.points,
    });
  },
  pointsRange(rule) {
    return { min: Math.min(...rule.levels.map((l) => l.min)), max: Math.max(...rule.levels.map((l) => l.max)) };
  },
};

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
      if (codes.has(code)) problems.push({ path: `${path}.levels[${i}].code`, message: `duplicate level code ${level.code}` });
      codes.add(code);
      if (/^-?\d+(\.\d+)?$/.test(level.code) && Number(level.code) !== level.min) {
        // A numeric code would be read as a score, not as the level.
        problems.push({ path: `${path}.levels[${i}].code`, message: `numeric code ${level.code} would be read as a score; use a letter` });
      }
    });
    const best = levelsBestFirst(rule);
    for (let i = 1; i < best.length; i++) {
      if (best[i].max > best[i - 1].max) {
        problems.push({ path: `${path}.order`, message: `levels are not in ${rule.order} order: ${best[i].code} reaches higher than ${best[i - 1].code}` });
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
      { key: "descriptor", label: PART_LABELS.descriptor, values: rule.levels.map((l) => l.descriptor[lang]), format: "text" },
    ];
  },
  // A typed score is the points; a level picked from the list scores the level's minimum.
  formula(rule, refs) {
    const x = refs.input(inputOf(rule));
    return `IF(ISNUMBER(${x}),${x},INDEX(${refs.part("min")},MATCH(${x},${refs.part("code")},0)))`;
  },
};
