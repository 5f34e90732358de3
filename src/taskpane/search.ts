// Catalog search for the pane: a query in Chinese or English matches templates by id, name or alias, and by
// their indicators' (and adjustments') names and aliases. Pure.
import { scorableRules, type FoundRule } from "../catalog/catalog";
import { namesOf, normalizeName } from "../catalog/names";
import type { Template } from "../catalog/types";

export interface SearchHit {
  template: Template;
  /** Whether the template's own names matched. */
  byName: boolean;
  /** Indicators and adjustments whose names matched. */
  rules: FoundRule[];
}

/** A name as compared: normalizeName (NFKC, no spaces, lower case) without punctuation (pre-sales = presales). */
function fold(text: string): string {
  return normalizeName(text).replace(/[\p{P}\p{S}]/gu, "");
}

/** Every term of the query is somewhere in the name. */
function matches(name: string, terms: readonly string[]): boolean {
  const folded = fold(name);
  return terms.every((term) => folded.includes(term));
}

/**
 * Templates matching `query` (every whitespace-separated term must appear in one name), templates whose own
 * names match first. An empty query lists every template.
 */
export function searchCatalog(templates: readonly Template[], query: string): SearchHit[] {
  const terms = query.split(/\s+/).map(fold).filter(Boolean);
  if (!terms.length) return templates.map((template) => ({ template, byName: false, rules: [] }));
  const hits: SearchHit[] = [];
  for (const template of templates) {
    const byName = namesOf(template).some((n) => matches(n, terms));
    const rules = scorableRules(template).filter((f) => namesOf(f.rule).some((n) => matches(n, terms)));
    if (byName || rules.length) hits.push({ template, byName, rules });
  }
  return hits.sort((a, b) => Number(b.byName) - Number(a.byName) || b.rules.length - a.rules.length);
}
