import { KpiError } from "../engine/errors";
import { closest, namesOf, normalizeName } from "./names";
import type { Adjustment, Indicator, Section, Template, Text } from "./types";

/** A scorable rule found in the catalog: an indicator (in its section) or an adjustment to the total. */
export interface FoundRule {
  template: Template;
  rule: Indicator | Adjustment;
  scope: "indicator" | "adjustment";
  section?: Section;
  /** "<template-id>/<rule-id>", the reference every surface accepts. */
  ref: string;
}

/** Scorable rules of a template in a fixed order: indicators section by section, then adjustments. */
export function scorableRules(template: Template): FoundRule[] {
  const rules: FoundRule[] = [];
  for (const section of template.sections) {
    for (const rule of section.indicators) {
      rules.push({ template, rule, scope: "indicator", section, ref: `${template.id}/${rule.id}` });
    }
  }
  for (const rule of template.adjustments ?? []) {
    rules.push({ template, rule, scope: "adjustment", ref: `${template.id}/${rule.id}` });
  }
  return rules;
}

function listNames(items: Array<{ name: Text }>): Text {
  return { zh: items.map((i) => i.name.zh).join("、"), en: items.map((i) => i.name.en).join(", ") };
}

function suggestion(items: Array<{ name: Text }>) {
  return items.length ? { key: "did_you_mean" as const, params: { names: listNames(items) } } : { key: "no_suggestion" as const };
}

/** The templates, with lookup by id, name or alias (normalised), and suggestions when nothing matches. */
export class Catalog {
  readonly templates: readonly Template[];
  private readonly templateByName = new Map<string, Template>();
  private readonly rulesByName = new Map<string, FoundRule[]>();
  private readonly allRules: FoundRule[] = [];

  constructor(templates: Template[]) {
    this.templates = templates;
    for (const template of templates) {
      for (const name of namesOf(template)) {
        const key = normalizeName(name);
        if (!this.templateByName.has(key)) this.templateByName.set(key, template);
      }
      for (const found of scorableRules(template)) {
        this.allRules.push(found);
        for (const name of new Set(namesOf(found.rule).map(normalizeName))) {
          const list = this.rulesByName.get(name) ?? [];
          list.push(found);
          this.rulesByName.set(name, list);
        }
      }
    }
  }

  /** The template called `ref` (id, Chinese or English name, alias); throws with the closest names. */
  findTemplate(ref: string): Template {
    const found = this.templateByName.get(normalizeName(ref));
    if (found) return found;
    const near = closest(ref, [...this.templates], namesOf);
    throw new KpiError("unknown_template", { name: ref, suggest: suggestion(near) }, "name");
  }

  hasTemplate(ref: string): boolean {
    return this.templateByName.has(normalizeName(ref));
  }

  /**
   * A scorable rule by reference: "<template>/<rule>", or a bare rule name looked up first in `template`
   * (when given), then anywhere it is unique in the catalog.
   */
  findRule(typed: string, template?: string | Template | null): FoundRule {
    // A Chinese keyboard in full-width mode types ／ for /: fold before splitting.
    const ref = typed.normalize("NFKC");
    const qualified = this.splitQualified(ref);
    if (qualified) return this.findRuleIn(qualified.rule, qualified.template);
    if (template) {
      const t = typeof template === "string" ? this.findTemplate(template) : template;
      const inTemplate = (this.rulesByName.get(normalizeName(ref)) ?? []).filter((f) => f.template === t);
      if (inTemplate.length) return inTemplate[0];
      // An explicit template the rule is not in: say so rather than silently scoring another template's rule.
      if (typeof template === "string") return this.findRuleIn(ref, t);
    }
    const matches = this.rulesByName.get(normalizeName(ref)) ?? [];
    const distinct = [...new Set(matches)];
    if (distinct.length === 1) return distinct[0];
    if (distinct.length > 1) {
      throw new KpiError("ambiguous_rule", { name: ref, candidates: distinct.map((f) => f.ref).join(", ") }, "name");
    }
    const near = closest(ref, this.allRules, (f) => namesOf(f.rule)).map((f) => f.rule);
    throw new KpiError("unknown_rule", { name: ref, scope: "", suggest: suggestion(dedupe(near)) }, "name");
  }

  /** Scorable rules of a template (see `scorableRules`). */
  rulesOf(template: string | Template): FoundRule[] {
    const t = typeof template === "string" ? this.findTemplate(template) : template;
    return this.allRules.filter((f) => f.template === t);
  }

  private findRuleIn(ruleRef: string, template: Template): FoundRule {
    const inTemplate = this.rulesOf(template);
    const key = normalizeName(ruleRef);
    const hit = inTemplate.find((f) => namesOf(f.rule).some((n) => normalizeName(n) === key));
    if (hit) return hit;
    const near = closest(ruleRef, inTemplate, (f) => namesOf(f.rule)).map((f) => f.rule);
    throw new KpiError(
      "unknown_rule",
      { name: ruleRef, scope: { key: "in_template", params: { template: template.name } }, suggest: suggestion(near) },
      "name",
    );
  }

  private splitQualified(ref: string): { template: Template; rule: string } | undefined {
    for (let i = ref.indexOf("/"); i > 0; i = ref.indexOf("/", i + 1)) {
      const t = this.templateByName.get(normalizeName(ref.slice(0, i)));
      if (t) return { template: t, rule: ref.slice(i + 1) };
    }
    return undefined;
  }
}

function dedupe<T>(items: T[]): T[] {
  return [...new Set(items)];
}
