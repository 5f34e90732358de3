import { kindOf, isKnownKind } from "../engine/kinds/registry";
import { sheetKindOf } from "../engine/kinds/sheet-registry";
import type { Problem, RuleContext } from "../engine/kinds/kind";
import type { Adjustment, Indicator, Template } from "./types";

export type { Problem } from "../engine/kinds/kind";

const ID = /^[a-z][a-z0-9_]{2,40}$/;
/** Ids become parts of Excel names; anything Excel would read as a cell (A1, XFD1048576) or R1C1 reference is out. */
const CELL_LIKE = /^([a-z]{1,3}[0-9]+|r[0-9]*c[0-9]*)$/;

export function idProblem(id: string): string | undefined {
  if (!ID.test(id)) return `id "${id}" must match ${ID.source}`;
  if (CELL_LIKE.test(id)) return `id "${id}" reads as a cell reference in Excel`;
  return undefined;
}

const EPS = 1e-9;

/**
 * What the JSON schema cannot see: unique ids, inputs the rule really reads, bands without gaps, full marks
 * that match the printed weight, grade scales in order. Paths are JSON paths into the template file.
 */
export function validateTemplate(template: Template): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, message: string | undefined) => {
    if (message) problems.push({ path, message });
  };
  const seen = new Map<string, string>();
  const claimId = (id: string, path: string) => {
    add(`${path}.id`, idProblem(id));
    const other = seen.get(id);
    if (other) add(`${path}.id`, `id "${id}" is also used at ${other}`);
    seen.set(id, path);
  };
  add("id", idProblem(template.id));
  const scale = template.scoring.scale;
  if (template.scoring.mode === "weighted" && !scale) add("scoring.scale", "weighted scoring needs a scale (the score each row is given out of)");

  template.sections.forEach((section, s) => {
    const spath = `sections[${s}]`;
    claimId(section.id, spath);
    section.indicators.forEach((indicator, i) => {
      const ipath = `${spath}.indicators[${i}]`;
      claimId(indicator.id, ipath);
      problems.push(...validateScorable(indicator, ipath));
      if (!isKnownKind(indicator.rule.kind)) return;
      const full = kindOf(indicator.rule).pointsRange(indicator.rule, true).max;
      if (template.scoring.mode === "points" && indicator.weight !== undefined && Math.abs(full - indicator.weight) > EPS) {
        add(`${ipath}.weight`, `the rule gives at most ${full} points but the row's weight is ${indicator.weight}`);
      }
      if (template.scoring.mode === "weighted") {
        if (indicator.weight === undefined) add(`${ipath}.weight`, "weighted scoring needs a weight on every row");
        if (scale && Math.abs(full - scale) > EPS) add(`${ipath}.rule`, `rows are scored out of ${scale} but this rule gives at most ${full}`);
      }
    });
    const weights = section.indicators.map((i) => i.weight);
    if (section.weight !== undefined && weights.every((w) => w !== undefined)) {
      const sum = weights.reduce((a, w) => a + (w ?? 0), 0);
      if (Math.abs(sum - section.weight) > EPS) add(`${spath}.weight`, `the rows' weights add up to ${sum}, not ${section.weight}`);
    }
  });
  (template.adjustments ?? []).forEach((adjustment, a) => {
    const apath = `adjustments[${a}]`;
    claimId(adjustment.id, apath);
    problems.push(...validateScorable(adjustment, apath));
    if (adjustment.rule.kind === "veto" && !template.sections.some((s) => s.id === (adjustment.rule as { section: string }).section)) {
      add(`${apath}.rule.section`, `no section "${adjustment.rule.section}" to veto`);
    }
  });
  if (template.raters && Math.abs(template.raters.supervisor + template.raters.self - 1) > EPS) {
    add("raters", "rater weights must add up to 1");
  }
  const grades = template.grades?.grades ?? [];
  grades.forEach((g, i) => {
    const last = i === grades.length - 1;
    if (last && g.min !== undefined) add(`grades.grades[${i}].min`, "the lowest grade takes every remaining total: no min");
    if (!last && g.min === undefined) add(`grades.grades[${i}].min`, "every grade but the lowest needs a min");
    if (i > 0 && !last && g.min !== undefined && grades[i - 1].min !== undefined && g.min >= (grades[i - 1].min as number)) {
      add(`grades.grades[${i}].min`, "grades must be listed best first with falling minimums");
    }
  });
  return problems;
}

function validateScorable(item: Indicator | Adjustment, path: string): Problem[] {
  const problems: Problem[] = [];
  const ids = new Set<string>();
  item.inputs.forEach((spec, i) => {
    if (ids.has(spec.id)) problems.push({ path: `${path}.inputs[${i}].id`, message: `duplicate input id "${spec.id}"` });
    ids.add(spec.id);
  });
  if (!isKnownKind(item.rule.kind)) {
    problems.push({ path: `${path}.rule.kind`, message: `unknown rule kind "${item.rule.kind}"` });
    return problems;
  }
  const ctx: RuleContext = { name: item.name, inputs: item.inputs };
  const read = kindOf(item.rule).inputsRead(item.rule);
  for (const index of read) {
    if (index >= item.inputs.length) problems.push({ path: `${path}.rule`, message: `reads input ${index} but only ${item.inputs.length} input(s) are described` });
  }
  item.inputs.forEach((spec, i) => {
    if (!read.includes(i)) problems.push({ path: `${path}.inputs[${i}]`, message: `input "${spec.id}" is never read by the rule` });
  });
  problems.push(...sheetKindOf(item.rule).validate(item.rule, `${path}.rule`, ctx));
  return problems;
}
