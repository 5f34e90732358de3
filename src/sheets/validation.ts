// Data validation and "invalid input" highlighting for input cells, from the catalog's input descriptions.
import type { FoundRule } from "../catalog/catalog";
import type { Lang, LevelsRule, Rule } from "../catalog/types";
import type { ValidationPlan } from "./plan";
import type { RuleNames } from "./rules-sheet";
import { sheetText } from "./texts";

/** Excel caps an input message at 255 characters and its title at 32. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The levels rule (and its part prefix) reading input `index`, if any. */
export function levelsFor(rule: Rule, index: number, prefix = ""): { rule: LevelsRule; prefix: string } | undefined {
  if (rule.kind === "levels" && (rule.input ?? 0) === index) return { rule, prefix };
  if (rule.kind === "combined") {
    for (let i = 0; i < rule.parts.length; i++) {
      const found = levelsFor(rule.parts[i], index, `p${i}_`);
      if (found) return found;
    }
  }
  return undefined;
}

export function inputValidation(found: FoundRule, index: number, range: string, names: RuleNames, lang: Lang): ValidationPlan {
  const spec = found.rule.inputs[index];
  const base = {
    range,
    promptTitle: clip(`${found.rule.name[lang]}`, 32),
    prompt: clip(spec.prompt[lang], 255),
    errorTitle: clip(sheetText(lang, "validation_error_title"), 32),
    error: clip(sheetText(lang, "validation_error", { prompt: spec.prompt[lang] }), 255),
  };
  const levels = levelsFor(found.rule.rule, index);
  if (levels) {
    return {
      ...base,
      type: "list",
      list: names.part(found.rule.id, `${levels.prefix}code`),
      errorStyle: "information",
      prompt: clip(`${spec.prompt[lang]} ${sheetText(lang, "level_list_note")}`, 255),
    };
  }
  switch (spec.measure) {
    case "count":
      return { ...base, type: "whole", min: spec.min ?? 0, max: spec.max, errorStyle: "stop" };
    case "yes_no":
      return { ...base, type: "whole", min: 0, max: 1, errorStyle: "stop" };
    case "rate":
      return { ...base, type: "decimal", min: spec.min ?? 0, max: spec.max ?? 1, errorStyle: "stop" };
    case "ratio":
      return { ...base, type: "decimal", min: spec.min ?? 0, max: spec.max ?? 10, errorStyle: "stop" };
    default:
      return { ...base, type: "decimal", min: spec.min, max: spec.max, errorStyle: "stop" };
  }
}

/**
 * True where an input cell holds something the engine would refuse; shown only while the highlight switch on
 * the rules sheet is 1. `x` is the range's top-left cell (A1, relative).
 */
export function invalidInputFormula(found: FoundRule, index: number, x: string, names: RuleNames): string {
  const spec = found.rule.inputs[index];
  const bad: string[] = [];
  const levels = levelsFor(found.rule.rule, index);
  if (levels) {
    const min = names.part(found.rule.id, `${levels.prefix}min`);
    const max = names.part(found.rule.id, `${levels.prefix}max`);
    const code = names.part(found.rule.id, `${levels.prefix}code`);
    bad.push(`IF(ISNUMBER(${x}),SUMPRODUCT((${x}>=${min})*(${x}<=${max}))=0,COUNTIF(${code},${x})=0)`);
  } else if (spec.measure === "yes_no") {
    bad.push(`AND(${x}<>0,${x}<>1)`);
  } else {
    bad.push(`NOT(ISNUMBER(${x}))`);
    const min = spec.min ?? (["rate", "ratio", "count", "amount"].includes(spec.measure) ? 0 : undefined);
    const max = spec.max ?? (spec.measure === "rate" ? 1 : spec.measure === "ratio" ? 10 : undefined);
    if (min !== undefined) bad.push(`${x}<${min}`);
    if (max !== undefined) bad.push(`${x}>${max}`);
    if (spec.measure === "count") bad.push(`${x}<>ROUND(${x},0)`);
    const rule = found.rule.rule;
    if (rule.kind === "discretionary" && (rule.input ?? 0) === index && rule.min > 0) bad.push(`AND(${x}<>0,${x}<${rule.min})`);
  }
  return `AND(${names.highlight}=1,${x}<>"",OR(${bad.join(",")}))`;
}
