import type { InputSpec, LevelsRule, Rule, Text } from "../catalog/types";
import { KpiError } from "./errors";
import { levelByCode } from "./kinds/levels";
import { displayNumber } from "./round";

/** What a caller may pass as one input: a number, text as typed in a cell, a boolean, or blank. */
export type InputValue = number | string | boolean | null | undefined;

/** One input after reading: a number, or blank (no points). `picked` marks a level chosen by its code. */
export interface ReadInput {
  value: number | null;
  picked?: boolean;
  /** The input was blank and counts as 0 (further inputs, adjustments). */
  blankAsZero?: boolean;
}

const PERCENT = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*%$/i;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * Reads text the way Excel reads a typed entry: "92" → 92, "92%" → 0.92, "1,234" → 1234, full-width digits
 * folded (NFKC). Returns undefined when the text is not a number.
 */
export function parseNumericText(text: string): number | undefined {
  const t = text.normalize("NFKC").trim().replace(/(\d),(?=\d{3}\b)/g, "$1");
  if (t === "") return undefined;
  const pct = PERCENT.exec(t);
  if (pct) return Number(pct[1]) / 100;
  if (NUMBER.test(t)) return Number(t);
  return undefined;
}

export function isBlank(v: InputValue): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** The levels rule that reads input `index` of `rule`, if any (a level code is accepted there). */
function levelsRuleFor(rule: Rule, index: number): LevelsRule | undefined {
  if (rule.kind === "levels" && (rule.input ?? 0) === index) return rule;
  if (rule.kind === "combined") {
    for (const part of rule.parts) {
      const found = levelsRuleFor(part, index);
      if (found) return found;
    }
  }
  return undefined;
}

function measureKey(spec: InputSpec) {
  return `measure_${spec.measure}` as const;
}

/**
 * Reads and checks one input against its description: blanks, numeric text, percentages, level codes,
 * and the ranges a person gets wrong (92 typed for a 92% rate, a negative count, 2.5 complaints).
 */
export function readInput(raw: InputValue, spec: InputSpec, rule: Rule, index: number, ruleName: Text): ReadInput {
  if (raw === null || raw === undefined || isBlank(raw)) {
    return spec.blank === "zero" ? { value: 0, blankAsZero: true } : { value: null };
  }
  let x: number;
  let picked = false;
  if (typeof raw === "number") {
    x = raw;
  } else if (typeof raw === "boolean") {
    if (spec.measure !== "yes_no") throw new KpiError("not_a_number", notNumberParams(String(raw).toUpperCase(), spec, ruleName));
    x = raw ? 1 : 0;
  } else {
    const parsed = parseNumericText(raw);
    const levels = levelsRuleFor(rule, index);
    const level = parsed === undefined && levels ? levelByCode(levels, raw.normalize("NFKC")) : undefined;
    if (level) {
      x = level.min;
      picked = true;
    } else if (parsed === undefined) {
      throw new KpiError("not_a_number", notNumberParams(raw, spec, ruleName));
    } else {
      x = parsed;
    }
  }
  if (!Number.isFinite(x)) throw new KpiError("not_a_number", notNumberParams(String(raw), spec, ruleName));
  checkRange(x, spec, ruleName);
  return { value: x, picked };
}

function notNumberParams(value: string, spec: InputSpec, ruleName: Text) {
  return { value, rule: ruleName, measure: { key: measureKey(spec) }, prompt: spec.prompt };
}

function checkRange(x: number, spec: InputSpec, ruleName: Text): void {
  const shown = displayNumber(x);
  switch (spec.measure) {
    case "rate":
    case "ratio": {
      const max = spec.max ?? (spec.measure === "rate" ? 1 : 10);
      // 92 typed into a rate column: Excel would have needed 92% or 0.92.
      if (x > max && x <= 100 * max && x >= 1) {
        throw new KpiError("looks_like_percent", { value: shown, rule: ruleName, percent: shown, fraction: displayNumber(x / 100) });
      }
      break;
    }
    case "count":
      if (x < 0) throw new KpiError("negative_count", { value: shown, rule: ruleName });
      if (!Number.isInteger(x)) throw new KpiError("not_whole", { value: shown, rule: ruleName });
      break;
    case "yes_no":
      if (x !== 0 && x !== 1) throw new KpiError("not_yes_no", { value: shown, rule: ruleName });
      return;
    default:
      break;
  }
  const min = spec.min ?? (spec.measure === "rate" || spec.measure === "ratio" || spec.measure === "amount" ? 0 : -Infinity);
  const max = spec.max ?? (spec.measure === "rate" ? 1 : spec.measure === "ratio" ? 10 : Infinity);
  if (x < min || x > max) {
    throw new KpiError(max === Infinity ? "below_min" : "out_of_range", {
      value: shown,
      rule: ruleName,
      min: spec.measure === "rate" || spec.measure === "ratio" ? `${min * 100}%` : min,
      max: spec.measure === "rate" || spec.measure === "ratio" ? `${max * 100}%` : max,
      prompt: spec.prompt,
    });
  }
}
