// The =KPI.* custom functions: thin wrappers over src/engine. Each converts Excel's arguments, calls the engine
// and turns every failure into #N/A (unknown names) or #VALUE! (bad values) with a message in the user's
// language. Value parameters are `any`: declared as number, Excel would convert text before calling (no message
// possible) and a blank cell would arrive as 0 and score full marks.
import type { Template } from "../catalog/types";
import {
  blend as blendScores,
  bonus as bonusPoints,
  deduct as deductPoints,
  gradeFor,
  isBlank,
  isKpiError,
  KpiError,
  ruleListing,
  scoreRule,
  tableLookup,
  totalFromPoints,
  cellNumber,
  type InputValue,
} from "../engine";
import { formatMessage } from "../i18n";
import { catalog, currentLang, getDefaultTemplate } from "./state";

type Cell = InputValue;
type Range = Cell[][];

/** Turns any failure into the Excel error a person can act on. Never lets an exception escape. */
function fail(e: unknown): never {
  const lang = currentLang();
  if (isKpiError(e)) {
    const code = e.kind === "name" ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
    throw new CustomFunctions.Error(code, e.text(lang));
  }
  const detail = e instanceof Error ? e.message : String(e);
  throw new CustomFunctions.Error(
    CustomFunctions.ErrorCode.invalidValue,
    formatMessage(lang, "unexpected_error", { detail }),
  );
}

function guarded<T>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (e instanceof CustomFunctions.Error) throw e;
    return fail(e);
  }
}

/** A name argument must be text; Excel passes numbers and booleans through `any`. */
function nameArg(value: unknown): string {
  if (typeof value === "string" && value.trim() !== "") return value;
  throw new KpiError("not_text", { value: value === null || value === undefined ? "" : String(value) });
}

/** A bare name resolves in the workbook's default template first, then wherever it is unique. */
function findRule(ref: unknown) {
  const id = getDefaultTemplate();
  const preferred = id && catalog().hasTemplate(id) ? catalog().findTemplate(id) : null;
  return catalog().findRule(nameArg(ref), preferred);
}

function findTemplate(ref: unknown): Template {
  if (ref === null || ref === undefined || (typeof ref === "string" && ref.trim() === "")) {
    const id = getDefaultTemplate();
    if (!id) throw new KpiError("no_default_template", {}, "name");
    return catalog().findTemplate(id);
  }
  return catalog().findTemplate(nameArg(ref));
}

/**
 * Further inputs: a single cell arrives as [[x]], a range as rows; blanks inside count as given (blank).
 * An omitted optional argument arrives as null. The signatures still say `value2?: any[][]` because the metadata
 * generator (custom-functions-metadata) refuses a union such as `any[][] | null` next to `@param {any[][]}`.
 */
function furtherInputs(value2: Range | null | undefined): Cell[] {
  if (!value2) return [];
  return value2.flat();
}

/** "" for blank results: a blank input never shows points. */
function blankable(x: number | null): number | string {
  if (x !== null && !Number.isFinite(x))
    throw new KpiError("result_out_of_range", { rule: { zh: "计算结果", en: "the result" } });
  return x === null ? "" : x;
}

/**
 * Points of a band rule (a threshold table such as 满意度≥95分得15分).
 * @customfunction BAND
 * @param {any} value The input, as typed: 92, 92% or a cell. A blank gives a blank.
 * @param {string} rule The rule: "template/rule", or a rule id, Chinese name or alias, e.g. "support_kpi/satisfaction".
 * @returns {any} The points.
 */
export function band(value: any, rule: string): any {
  return guarded(() => {
    const found = findRule(rule);
    if (found.rule.rule.kind !== "bands") throw new KpiError("not_a_band_rule", { rule: found.rule.name });
    return blankable(scoreRule(found.rule, [value]).points);
  });
}

/**
 * Points of any scorable rule: bands, deductions, bonuses, adjustments, levels and two-input rules.
 * @customfunction SCORE
 * @param {any} value The rule's first input. A blank gives a blank.
 * @param {string} rule The rule: "template/rule", or a rule id, Chinese name or alias.
 * @param {any[][]} [value2] Further inputs of the rule (a cell, or a range for several), in the catalog's order.
 * @returns {any} The points; an adjustment's signed contribution.
 */
export function score(value: any, rule: string, value2?: any[][]): any {
  return guarded(() => {
    const found = findRule(rule);
    return blankable(scoreRule(found.rule, [value, ...furtherInputs(value2)]).points);
  });
}

/**
 * The grade label for a total, from the template's grade scale.
 * @customfunction GRADE
 * @param {any} total The total score. A blank gives a blank.
 * @param {string} template The template: id, Chinese name or alias.
 * @returns {any} The grade label, e.g. A杰出.
 */
export function grade(total: any, template: string): any {
  return guarded(() => {
    const t = findTemplate(template);
    const x = cellNumber(total, { zh: "总分", en: "total" });
    if (x === null) return "";
    const g = gradeFor(t, x);
    if (!g) throw new KpiError("no_grade_scale", { template: t.name });
    return g.label[currentLang()];
  });
}

/**
 * A template's total from one row or column of points, in the order KPI.RULES lists them (adjustments last).
 * @customfunction TOTAL
 * @param {any[][]} points The points, one per rule in KPI.RULES order. A blank indicator gives a blank total.
 * @param {string} template The template: id, Chinese name or alias.
 * @returns {any} The total, rounded to 2 decimals as ROUND does.
 */
export function total(points: any[][], template: string): any {
  return guarded(() => blankable(totalFromPoints(findTemplate(template), points.flat())));
}

/**
 * Blends the supervisor's and the employee's own score: supervisor × weight + self × (1 − weight).
 * @customfunction BLEND
 * @param {any} supervisor The supervisor's score.
 * @param {any} self The self-assessment score.
 * @param {any} [supervisorWeight] The supervisor's share, 80% if omitted.
 * @returns {any} The blended score.
 */
export function blend(supervisor: any, self: any, supervisorWeight?: any): any {
  return guarded(() => blankable(blendScores(supervisor, self, supervisorWeight)));
}

/**
 * Full marks minus a fixed amount per occurrence, never below the floor (每投诉1次扣5分).
 * @customfunction DEDUCT
 * @param {any} count The number of occurrences.
 * @param {any} perOccurrence Points deducted per occurrence.
 * @param {any} full Full marks.
 * @param {any} [floor] The lowest score, 0 if omitted.
 * @returns {any} The points.
 */
export function deduct(count: any, perOccurrence: any, full: any, floor?: any): any {
  return guarded(() => blankable(deductPoints(count, perOccurrence, full, floor)));
}

/**
 * A bonus per occurrence, capped (每例加2分,最高加5分).
 * @customfunction BONUS
 * @param {any} count The number of occurrences.
 * @param {any} perOccurrence Points per occurrence.
 * @param {any} cap The most the bonus can add.
 * @returns {any} The bonus points.
 */
export function bonus(count: any, perOccurrence: any, cap: any): any {
  return guarded(() => blankable(bonusPoints(count, perOccurrence, cap)));
}

/**
 * A band lookup against a rule table typed in the sheet, so HR can keep its own rules in cells.
 * @customfunction TABLE
 * @param {any} value The input.
 * @param {any[][]} thresholds The thresholds (any order).
 * @param {any[][]} points The points for each threshold, plus optionally one for values that reach none.
 * @param {any} [direction] How the value is compared with each threshold: ">=" (default), ">", "<=" or "<".
 * @returns {any} The points of the best threshold reached.
 */
export function table(value: any, thresholds: any[][], points: any[][], direction?: any): any {
  return guarded(() => blankable(tableLookup(value, thresholds.flat(), points.flat(), direction)));
}

/**
 * Says which band or level applied and why, in Office's display language.
 * @customfunction EXPLAIN
 * @param {any} value The rule's first input.
 * @param {string} rule The rule: "template/rule", or a rule id, Chinese name or alias.
 * @param {any[][]} [value2] Further inputs of the rule, in the catalog's order.
 * @returns {string} The explanation.
 */
export function explain(value: any, rule: string, value2?: any[][]): string {
  return guarded(() => {
    const found = findRule(rule);
    return scoreRule(found.rule, [value, ...furtherInputs(value2)]).explain(currentLang());
  });
}

/**
 * Lists a template's rules (or every template's): reference, name, rater, what to type and the point range.
 * @customfunction RULES
 * @param {any} [template] The template: id, Chinese name or alias. Omitted: the workbook's default template, or all.
 * @returns {any[][]} A table that spills.
 */
export function rules(template?: any): any[][] {
  return guarded(() => {
    const wanted = template === null || template === undefined || isBlank(template as Cell);
    const templates = wanted
      ? getDefaultTemplate()
        ? [catalog().findTemplate(getDefaultTemplate() as string)]
        : catalog().templates
      : [findTemplate(template)];
    return ruleListing(templates, currentLang());
  });
}
