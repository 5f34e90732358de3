import { Catalog } from "../catalog/catalog";
import type { Adjustment, Grade, Indicator, Lang, Rule, Template, Text } from "../catalog/types";
import { formatMessage } from "../i18n";
import { KpiError } from "./errors";
import { readInput, type InputValue, type ReadInput } from "./input";
import type { CompiledRule, Evaluation, RuleContext } from "./kinds/kind";
import { kindOf } from "./kinds/registry";
import { roundExcel } from "./round";

const compiledCache = new WeakMap<Rule, CompiledRule>();

/** The rule as plain arithmetic, compiled once (the hot path of sheets, functions and batch scoring). */
export function compiledRule(rule: Rule): CompiledRule {
  let f = compiledCache.get(rule);
  if (!f) {
    f = kindOf(rule).compile(rule);
    compiledCache.set(rule, f);
  }
  return f;
}

/** A warning worth showing a person, e.g. a blank further input counted as 0. */
export interface ScoreWarning {
  code: "warning_blank_zero";
  text: Text;
}

export interface RuleScore {
  /** Points, or null when a needed input is blank (no points, never 0 by accident). */
  points: number | null;
  /** The inputs as read (numbers; null for blank). */
  inputs: Array<number | null>;
  warnings: ScoreWarning[];
  /** Which band or level applied and why; computed on demand. */
  explain(lang: Lang): string;
  /** The evaluation details (band index, level …); computed on demand. */
  evaluate(): Evaluation | null;
}

type Scorable = Indicator | Adjustment;

function contextOf(item: Scorable): RuleContext {
  return { name: item.name, inputs: item.inputs };
}

/** Reads and checks all inputs of a rule; throws a KpiError a person can act on. */
export function readInputs(item: Scorable, raw: readonly InputValue[]): ReadInput[] {
  if (raw.length > item.inputs.length) {
    throw new KpiError("wrong_input_count", { rule: item.name, expected: item.inputs.length, got: raw.length });
  }
  return item.inputs.map((spec, i) => readInput(raw[i], spec, item.rule, i, item.name));
}

/** Scores one indicator or adjustment from its inputs (numbers, text as typed, blanks). */
export function scoreRule(item: Scorable, raw: readonly InputValue[]): RuleScore {
  const read = readInputs(item, raw);
  const values = read.map((r) => r.value);
  const warnings: ScoreWarning[] = read.flatMap((r, i) =>
    r.blankAsZero && i > 0
      ? [{ code: "warning_blank_zero" as const, text: bilingual("warning_blank_zero", { label: item.inputs[i].label }) }]
      : [],
  );
  const ctx = contextOf(item);
  if (values.some((v) => v === null)) {
    return {
      points: null,
      inputs: values,
      warnings,
      explain: (lang) => formatMessage(lang, "explain_blank", { rule: item.name[lang] }),
      evaluate: () => null,
    };
  }
  const xs = values as number[];
  kindOf(item.rule).check(item.rule, xs, ctx);
  const points = compiledRule(item.rule)(xs[0], xs[1], xs[2]);
  if (!Number.isFinite(points)) throw new KpiError("result_out_of_range", { rule: item.name });
  let evaluation: Evaluation | undefined;
  const evaluate = () => {
    if (!evaluation) {
      evaluation = kindOf(item.rule).evaluate(item.rule, xs);
      if (read.some((r) => r.picked)) evaluation.detail.picked = true;
    }
    return evaluation;
  };
  return {
    points,
    inputs: values,
    warnings,
    evaluate,
    explain: (lang) => kindOf(item.rule).explain(item.rule, xs, evaluate(), ctx, lang),
  };
}

function bilingual(key: "warning_blank_zero", params: { label: Text }): Text {
  return {
    zh: formatMessage("zh", key, { label: params.label.zh }),
    en: formatMessage("en", key, { label: params.label.en }),
  };
}

/** The grade of a (rounded) total, or null when the template has no grade scale. */
export function gradeFor(template: Template, total: number): Grade | null {
  const grades = template.grades?.grades;
  if (!grades) return null;
  for (const g of grades) {
    if (g.min === undefined) return g;
    if (g.minOp === ">" ? total > g.min : total >= g.min) return g;
  }
  return grades[grades.length - 1];
}

// ---------------------------------------------------------------------------------------------
// Whole assessments
// ---------------------------------------------------------------------------------------------

export type RuleInput = InputValue | InputValue[] | { supervisor: InputValue | InputValue[]; self: InputValue | InputValue[] };

export interface RuleOutcome {
  ref: string;
  id: string;
  name: Text;
  scope: "indicator" | "adjustment";
  sectionId?: string;
  /** The rule's points (for rater templates: the blend of both raters). */
  points: number | null;
  /** What it adds to the total: weighted where the template weights scores; signed for adjustments. */
  contribution: number | null;
  supervisor?: RuleScore;
  self?: RuleScore;
  score?: RuleScore;
  vetoed?: boolean;
  explain(lang: Lang): string;
}

export interface SectionOutcome {
  id: string;
  name: Text;
  subtotal: number | null;
  vetoedBy?: string;
}

export interface Assessment {
  template: Template;
  rules: RuleOutcome[];
  sections: SectionOutcome[];
  adjustmentTotal: number;
  /** ROUND(total, 2), or null when an indicator is blank. */
  total: number | null;
  grade: Grade | null;
  /** Indicators left blank (why the total is blank). */
  missing: Text[];
  warnings: ScoreWarning[];
}

function asList(v: InputValue | InputValue[]): InputValue[] {
  return Array.isArray(v) ? v : [v];
}

function isRaterInput(v: RuleInput): v is { supervisor: InputValue | InputValue[]; self: InputValue | InputValue[] } {
  return typeof v === "object" && v !== null && !Array.isArray(v) && ("supervisor" in v || "self" in v);
}

/** What a row adds to the total: points, or score × weight% × 100 / scale in weighted templates. */
export function contributionOf(template: Template, indicator: Indicator, points: number): number {
  if (template.scoring.mode !== "weighted") return points;
  return (points * (indicator.weight ?? 0)) / (template.scoring.scale ?? 100);
}

/**
 * Scores a whole assessment. `inputs` is keyed by any name of a rule (id, Chinese or English name, alias).
 * In templates with rater weights an indicator takes `{supervisor, self}`; a plain value is the supervisor's.
 */
export function assess(template: Template, inputs: Record<string, RuleInput>, catalog?: Catalog): Assessment {
  const lookup = catalog ?? new Catalog([template]);
  const given = new Map<string, RuleInput>();
  for (const [key, value] of Object.entries(inputs)) {
    const found = lookup.findRule(key, template.id);
    if (found.template !== template) lookup.findRule(`${template.id}/${key}`);
    given.set(found.rule.id, value);
  }
  const rules: RuleOutcome[] = [];
  const warnings: ScoreWarning[] = [];
  const missing: Text[] = [];
  const raters = template.raters;

  for (const section of template.sections) {
    for (const indicator of section.indicators) {
      const value = given.get(indicator.id) ?? null;
      const ref = `${template.id}/${indicator.id}`;
      if (raters) {
        const sup = scoreRule(indicator, asList(isRaterInput(value) ? value.supervisor ?? null : (value as InputValue | InputValue[])));
        const self = scoreRule(indicator, asList(isRaterInput(value) ? value.self ?? null : null));
        const points = sup.points === null || self.points === null ? null : sup.points * raters.supervisor + self.points * raters.self;
        if (points === null) missing.push(indicator.name);
        warnings.push(...sup.warnings, ...self.warnings);
        rules.push({
          ref, id: indicator.id, name: indicator.name, scope: "indicator", sectionId: section.id,
          points, contribution: points === null ? null : contributionOf(template, indicator, points),
          supervisor: sup, self,
          explain: (lang) => [sup.explain(lang), self.explain(lang)].join(lang === "zh" ? " / " : " / "),
        });
      } else {
        const score = scoreRule(indicator, asList(isRaterInput(value) ? value.supervisor ?? null : value));
        if (score.points === null) missing.push(indicator.name);
        warnings.push(...score.warnings);
        rules.push({
          ref, id: indicator.id, name: indicator.name, scope: "indicator", sectionId: section.id,
          points: score.points, contribution: score.points === null ? null : contributionOf(template, indicator, score.points),
          score, explain: score.explain,
        });
      }
    }
  }

  const vetoes = new Map<string, string>();
  let adjustmentTotal = 0;
  for (const adjustment of template.adjustments ?? []) {
    const value = given.get(adjustment.id) ?? null;
    const score = scoreRule(adjustment, asList(isRaterInput(value) ? value.supervisor ?? null : value));
    const points = score.points ?? 0;
    const vetoed = adjustment.rule.kind === "veto" && score.inputs[0] === 1;
    if (vetoed) vetoes.set((adjustment.rule as { section: string }).section, adjustment.id);
    adjustmentTotal += points;
    warnings.push(...score.warnings);
    rules.push({
      ref: `${template.id}/${adjustment.id}`, id: adjustment.id, name: adjustment.name, scope: "adjustment",
      points, contribution: points, score, vetoed, explain: score.explain,
    });
  }

  const sections: SectionOutcome[] = template.sections.map((section) => {
    const own = rules.filter((r) => r.sectionId === section.id);
    const vetoedBy = vetoes.get(section.id);
    const blank = own.some((r) => r.contribution === null);
    const subtotal = vetoedBy ? 0 : blank ? null : own.reduce((s, r) => s + (r.contribution as number), 0);
    return { id: section.id, name: section.name, subtotal, vetoedBy };
  });

  const blankSection = sections.some((s) => s.subtotal === null);
  const total = blankSection ? null : roundExcel(sections.reduce((s, x) => s + (x.subtotal as number), 0) + adjustmentTotal, 2);
  return {
    template, rules, sections, adjustmentTotal, total,
    grade: total === null ? null : gradeFor(template, total),
    missing, warnings,
  };
}

/**
 * A template's full marks: every row at its full marks (bonus parts left out), weighted as the template
 * weights them. Infinity where a row has no printed maximum (qualitative templates).
 */
export function fullMarks(template: Template): number {
  let total = 0;
  for (const section of template.sections) {
    for (const indicator of section.indicators) {
      total += contributionOf(template, indicator, kindOf(indicator.rule).pointsRange(indicator.rule, true).max);
    }
  }
  return total;
}
