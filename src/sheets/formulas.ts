// Formulas shared by the roster, the form and applied columns: a rule's score from its input cells, a template's
// total from the score cells, its grade and rank. Portable: the functions listed in formula-allowlist.ts only.
import type { FoundRule } from "../catalog/catalog";
import { sheetKindOf } from "../engine/kinds/sheet-registry";
import type { Indicator, Template } from "../catalog/types";
import type { RuleNames } from "./rules-sheet";

export type Rater = "supervisor" | "self" | null;

/** The cell holding input `index` of a rule, for a rater (null where the template has no raters). */
export type InputRef = (index: number, rater: Rater) => string;

function ruleFormula(found: FoundRule, names: RuleNames, input: (i: number) => string): string {
  const { rule } = found;
  // A blank further input counts as 0, as the engine reads it.
  const ref = (i: number) => (rule.inputs[i].blank === "zero" ? `IF(${input(i)}="",0,${input(i)})` : input(i));
  return sheetKindOf(rule.rule).formula(rule.rule, { input: ref, part: (key) => names.part(rule.id, key) });
}

/**
 * The score of one rule: "" while its first input is blank (never points by accident); for rater templates
 * the blend of both raters' scores.
 */
export function scoreExpression(template: Template, found: FoundRule, names: RuleNames, input: InputRef): string {
  const { rule } = found;
  const blankGivesBlank = rule.inputs[0].blank === "unscored";
  if (template.raters && found.scope === "indicator") {
    const sup = ruleFormula(found, names, (i) => input(i, "supervisor"));
    const self = ruleFormula(found, names, (i) => input(i, "self"));
    return `IF(OR(${input(0, "supervisor")}="",${input(0, "self")}=""),"",${names.supervisorWeight}*(${sup})+${names.selfWeight}*(${self}))`;
  }
  const f = ruleFormula(found, names, (i) => input(i, null));
  return blankGivesBlank ? `IF(${input(0, null)}="","",${f})` : f;
}

/** What an indicator's score adds to the total (weighted templates scale it by weight ÷ scale). */
function contribution(template: Template, indicator: Indicator, names: RuleNames, score: string): string {
  if (template.scoring.mode !== "weighted") return score;
  return `${score}*${names.weight(indicator.id)}/${names.scale}`;
}

/**
 * The total: "" while any indicator is blank; sections summed (a veto's yes zeroes its section), adjustments
 * added (a blank adjustment adds nothing), rounded once as the engine does.
 */
export function totalExpression(
  template: Template,
  rules: FoundRule[],
  names: RuleNames,
  scoreRef: (found: FoundRule) => string,
  vetoInput: (veto: FoundRule) => string,
): string {
  const indicators = rules.filter((f) => f.scope === "indicator");
  const adjustments = rules.filter((f) => f.scope === "adjustment");
  const sections = template.sections.map((section) => {
    const own = indicators.filter((f) => f.section?.id === section.id);
    if (!own.length) return "";
    const sum = own.map((f) => contribution(template, f.rule as Indicator, names, scoreRef(f))).join("+");
    const vetoes = adjustments.filter((a) => a.rule.rule.kind === "veto" && (a.rule.rule as { section: string }).section === section.id);
    return vetoes.length ? `IF(OR(${vetoes.map((v) => `${vetoInput(v)}=1`).join(",")}),0,${sum})` : `(${sum})`;
  });
  const adds = adjustments.filter((a) => a.rule.rule.kind !== "veto").map(scoreRef);
  const parts = [...sections.filter(Boolean), ...(adds.length ? [`SUM(${adds.join(",")})`] : [])];
  const blanks = indicators.map((f) => `${scoreRef(f)}=""`);
  const sum = `ROUND(${parts.join("+") || "0"},2)`;
  return blanks.length ? `IF(OR(${blanks.join(",")}),"",${sum})` : sum;
}

/** The grade label for a total cell: the grades' minimums counted with exact comparisons, like bands. */
export function gradeExpression(names: RuleNames, total: string): string {
  return `IF(${total}="","",INDEX(${names.gradeLabels},1+SUMPRODUCT((${total}>${names.gradeMins})+(${total}=${names.gradeMins})*(${names.gradeCmps}="≥"))))`;
}

/** Rank by total, descending; ties share the better rank (1, 1, 3); a blank total has no rank. */
export function rankExpression(total: string, totals: string): string {
  return `IF(${total}="","",RANK(${total},${totals}))`;
}
