// What the engine says each =KPI.* function should give, computed through the engine API (scoreRule, gradeFor,
// totalFromPoints, blend, deduct, bonus, tableLookup, ruleListing) and the catalog, without src/functions.
// Shared by the HyperFormula sheet test and the fuzz. It follows the documented contract (README "The =KPI.*
// functions" and the JSDoc in src/functions/functions.ts):
//   - a blank result is "" (a blank input never shows points);
//   - a rule or template name must be non-blank text (anything else is #VALUE!, not_text);
//   - a bare rule name is looked up first in the workbook's default template, then wherever it is unique;
//   - a template left blank means the default template (GRADE/TOTAL: #N/A when there is none; RULES: all);
//   - KpiErrors of kind "name" are #N/A, all others #VALUE!, with the message in the requested language.
// Both languages are computed at once, so one oracle call serves a zh and an en call of the function.
import { defaultCatalog, type FoundRule } from "../../src/catalog";
import type { Lang, Template } from "../../src/catalog/types";
import {
  blend,
  bonus,
  cellNumber,
  deduct,
  gradeFor,
  isBlank,
  isKpiError,
  KpiError,
  ruleListing,
  scoreRule,
  tableLookup,
  totalFromPoints,
  type InputValue,
} from "../../src/engine";

export type Cell = InputValue;
export type Range = Cell[][];
export type ExcelCode = "#VALUE!" | "#N/A";

export type Expected =
  | { ok: true; value: Record<Lang, unknown> }
  | { ok: false; code: ExcelCode; key: string; message: Record<Lang, string> };

/** The failures Excel reports as #N/A: names that match nothing, or more than one thing. */
export const NAME_ERROR_KEYS: ReadonlySet<string> = new Set(["unknown_rule", "unknown_template", "ambiguous_rule", "no_default_template"]);

/** The workbook state the functions read: the default template (null: none set). */
export interface Workbook {
  defaultTemplate: string | null;
}

export const LANGS: readonly Lang[] = ["zh", "en"];

const catalog = defaultCatalog();

/**
 * Runs `compute`, which returns the result per language. KpiErrors become the Excel error they map to;
 * anything else the engine throws escapes (the caller reports it as an engine crash).
 */
function outcome(compute: () => (lang: Lang) => unknown): Expected {
  try {
    const per = compute();
    return { ok: true, value: { zh: per("zh"), en: per("en") } };
  } catch (e) {
    if (!isKpiError(e)) throw e;
    return {
      ok: false,
      code: e.kind === "name" ? "#N/A" : "#VALUE!",
      key: e.code,
      message: { zh: e.text("zh"), en: e.text("en") },
    };
  }
}

const same = (x: unknown) => () => x;
const blankable = (x: number | null): number | string => (x === null ? "" : x);

function nameText(value: unknown): string {
  if (typeof value === "string" && value.trim() !== "") return value;
  throw new KpiError("not_text", { value: value === null || value === undefined ? "" : String(value) });
}

// Lookups are memoised (the catalog never changes): an unknown name costs a suggestion search over every
// name in the catalog, and the fuzz asks about the same names many times.
const ruleLookups = new Map<string, FoundRule | KpiError>();

/** The rule named `ref`: default template first, then wherever the name is unique (README). */
export function lookupRule(book: Workbook, ref: unknown): FoundRule {
  const name = nameText(ref);
  const key = `${book.defaultTemplate ?? ""}\u0000${name}`;
  let found = ruleLookups.get(key);
  if (found === undefined) {
    try {
      const inDefault: Template | undefined = book.defaultTemplate ? catalog.findTemplate(book.defaultTemplate) : undefined;
      found = catalog.findRule(name, inDefault);
    } catch (e) {
      if (!isKpiError(e)) throw e;
      found = e;
    }
    ruleLookups.set(key, found);
  }
  if (found instanceof KpiError) throw found;
  return found;
}

function lookupTemplate(book: Workbook, ref: unknown): Template {
  if (ref === null || ref === undefined || (typeof ref === "string" && ref.trim() === "")) {
    if (!book.defaultTemplate) throw new KpiError("no_default_template", {}, "name");
    return catalog.findTemplate(book.defaultTemplate);
  }
  return catalog.findTemplate(nameText(ref));
}

const further = (value2: Range | null | undefined): Cell[] => (value2 ? value2.flat() : []);

export const engine = {
  band(book: Workbook, value: Cell, rule: unknown): Expected {
    return outcome(() => {
      const found = lookupRule(book, rule);
      if (found.rule.rule.kind !== "bands") throw new KpiError("not_a_band_rule", { rule: found.rule.name });
      return same(blankable(scoreRule(found.rule, [value]).points));
    });
  },

  score(book: Workbook, value: Cell, rule: unknown, value2?: Range | null): Expected {
    return outcome(() => same(blankable(scoreRule(lookupRule(book, rule).rule, [value, ...further(value2)]).points)));
  },

  grade(book: Workbook, total: Cell, template: unknown): Expected {
    return outcome(() => {
      const t = lookupTemplate(book, template);
      const x = cellNumber(total, { zh: "总分", en: "total" });
      if (x === null) return same("");
      const g = gradeFor(t, x);
      if (!g) throw new KpiError("no_grade_scale", { template: t.name });
      return (lang) => g.label[lang];
    });
  },

  total(book: Workbook, points: Range, template: unknown): Expected {
    return outcome(() => same(blankable(totalFromPoints(lookupTemplate(book, template), points.flat()))));
  },

  blend(_book: Workbook, supervisor: Cell, self: Cell, weight?: Cell): Expected {
    return outcome(() => same(blankable(blend(supervisor, self, weight ?? null))));
  },

  deduct(_book: Workbook, count: Cell, per: Cell, full: Cell, floor?: Cell): Expected {
    return outcome(() => same(blankable(deduct(count, per, full, floor ?? null))));
  },

  bonus(_book: Workbook, count: Cell, per: Cell, cap: Cell): Expected {
    return outcome(() => same(blankable(bonus(count, per, cap))));
  },

  table(_book: Workbook, value: Cell, thresholds: Range, points: Range, direction?: Cell): Expected {
    return outcome(() => same(blankable(tableLookup(value, thresholds.flat(), points.flat(), direction ?? null))));
  },

  explain(book: Workbook, value: Cell, rule: unknown, value2?: Range | null): Expected {
    return outcome(() => {
      const scored = scoreRule(lookupRule(book, rule).rule, [value, ...further(value2)]);
      return (lang) => scored.explain(lang);
    });
  },

  rules(book: Workbook, template?: unknown): Expected {
    return outcome(() => {
      const omitted = template === null || template === undefined || (typeof template === "string" && isBlank(template));
      const templates = omitted
        ? book.defaultTemplate
          ? [catalog.findTemplate(book.defaultTemplate)]
          : catalog.templates
        : [lookupTemplate(book, template)];
      return (lang) => ruleListing(templates, lang);
    });
  },
};

export type KpiName = keyof typeof engine;
