// Small façade the seed-driven tests use: rules and templates are named the way the seed prints them
// (Chinese names or aliases), so a typo in the catalog data fails the test instead of being copied into it.
import { defaultCatalog } from "../../src/catalog";
import { scoreRule, gradeFor } from "../../src/engine";
import type { InputValue } from "../../src/engine";

/** Points a rule gives for its inputs (null when the rule leaves the input unscored). */
export function points(template: string, rule: string, ...inputs: InputValue[]): number | null {
  const catalog = defaultCatalog();
  const found = catalog.findRule(rule, template);
  return scoreRule(found.rule, inputs).points;
}

/** The grade code (A, 优秀 …) a template gives a total, or null when it has no grade scale. */
export function grade(template: string, total: number): string | null {
  const catalog = defaultCatalog();
  const g = gradeFor(catalog.findTemplate(template), total);
  return g ? g.code : null;
}
