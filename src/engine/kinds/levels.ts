import type { Level, LevelsRule } from "../../catalog/types";
import { formatMessage } from "../../i18n";
import { displayNumber } from "../round";
import { KpiError } from "../errors";
import { inputOf, onInput, type RuleKind } from "./kind";

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

