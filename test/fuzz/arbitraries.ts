// fast-check generators for what Excel can hand a custom function: numbers (never NaN or ±Infinity, but huge,
// tiny, negative, fractional and every number the catalog uses with its neighbours), numeric and percent text
// as people type it, other text (Chinese, empty, whitespace, level codes, junk), blanks (null), booleans, and
// ranges of those. Rule and template arguments come from every real reference, id, name and alias in the
// catalog, spelled the ways people spell them, plus garbage.
import fc from "fast-check";
import { defaultCatalog, scorableRules, type FoundRule } from "../../src/catalog";
import type { InputSpec, Rule, Template } from "../../src/catalog/types";
import { pointsLayout } from "../../src/engine";
import type { Cell, Range } from "./engineOracle";

const catalog = defaultCatalog();
export const TEMPLATES: readonly Template[] = catalog.templates;
export const RULES: readonly FoundRule[] = TEMPLATES.flatMap((t) => scorableRules(t));

// ---------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------

function nextAfter(x: number, up: boolean): number {
  if (x === 0) return up ? Number.MIN_VALUE : -Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  view.setBigUint64(0, x > 0 === up ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}

/** Every number in the catalog's rules, inputs and grades (thresholds, level bounds, caps, weights …). */
function catalogNumbers(): number[] {
  const found = new Set<number>();
  const walk = (x: unknown): void => {
    if (typeof x === "number") found.add(x);
    else if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === "object") Object.values(x).forEach(walk);
  };
  for (const t of TEMPLATES) {
    walk(t.grades);
    walk(t.raters);
    for (const f of scorableRules(t)) {
      walk(f.rule.rule);
      walk(f.rule.inputs.map((i) => [i.min, i.max]));
      walk((f.rule as { weight?: number }).weight);
    }
  }
  return [...found];
}

/** Catalog numbers, their neighbours (one ulp, ±0.5, ±1) and their percent/fraction forms. */
export const BOUNDARY_NUMBERS: readonly number[] = [
  ...new Set(
    catalogNumbers().flatMap((n) => [n, nextAfter(n, true), nextAfter(n, false), n - 0.5, n + 0.5, n - 1, n + 1, n / 100, n * 100]),
  ),
].filter(Number.isFinite);

const EXTREME_NUMBERS = [
  0, -0, 1, -1, 0.5, 0.1 + 0.2, 1.005, 2.675, 1e-7, -1e-7,
  Number.MIN_VALUE, -Number.MIN_VALUE, 1e-300, -1e-300,
  2 ** 53, 2 ** 53 + 2, -(2 ** 53), 1e15, 1e21, -1e21,
  1.7e306, 1.8e306, 1e307, -1e307, 1e308, -1e308, Number.MAX_VALUE, -Number.MAX_VALUE,
];

export const number: fc.Arbitrary<number> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...BOUNDARY_NUMBERS) },
  { weight: 4, arbitrary: fc.integer({ min: -10, max: 130 }) },
  { weight: 2, arbitrary: fc.double({ min: -1.5, max: 1.5, noNaN: true }) },
  { weight: 2, arbitrary: fc.double({ min: -200, max: 200, noNaN: true }) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.constantFrom(...EXTREME_NUMBERS) },
);

export const smallCount: fc.Arbitrary<number> = fc.integer({ min: 0, max: 12 });

// ---------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------

const fullWidth = (s: string) => s.replace(/[0-9.%+\-eE,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const thousands = (n: number) => (Math.abs(n) < 1e21 ? n.toLocaleString("en-US", { maximumFractionDigits: 20 }) : String(n));

/** Numbers as text, the ways people type them (and a few that overflow a double). */
export const numericText: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(number, fc.constantFrom("plain", "spaced", "fixed", "exp", "full", "thousands", "plus"))
      .map(([n, style]) => {
        switch (style) {
          case "spaced":
            return ` ${n} `;
          case "fixed":
            return n.toFixed(2);
          case "exp":
            return n.toExponential();
          case "full":
            return fullWidth(String(n));
          case "thousands":
            return thousands(n);
          case "plus":
            return n >= 0 ? `+${n}` : String(n);
          default:
            return String(n);
        }
      }),
  },
  // Beyond a double: Excel keeps these as text.
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom("1", "-1", "9.99", "5"), fc.integer({ min: 300, max: 420 })).map(([m, e]) => `${m}e${e}`) },
  { weight: 1, arbitrary: fc.integer({ min: 305, max: 330 }).map((k) => "9".repeat(k)) },
);

export const percentText: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(number, fc.constantFrom("", " ")).map(([n, gap]) => `${n}${gap}%`),
  fc.integer({ min: 0, max: 150 }).map((n) => `${n}%`),
  fc.constantFrom("92%", "92.5%", "100%", "0%", "-5%", "%", "92%%", "９２％", "1e2%", "1e400%"),
);

/** Level codes and descriptors people type. */
const LEVEL_CODES: readonly string[] = [
  ...new Set(
    RULES.flatMap((f) => {
      const codes: string[] = [];
      const walk = (r: Rule) => {
        if (r.kind === "levels") codes.push(...r.levels.map((l) => l.code));
        if (r.kind === "combined") r.parts.forEach(walk);
      };
      walk(f.rule.rule);
      return codes;
    }),
  ),
];

/** Strings the checks on messages would confuse with a rendering bug are kept out of generated text. */
export const SUSPICIOUS = /\{\w*\}|undefined|NaN|Infinity|\[object/;

const cjk = fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 6 });

export const otherText: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 3, arbitrary: fc.constantFrom(...LEVEL_CODES, ...LEVEL_CODES.map((c) => ` ${c.toLowerCase()} `)) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        "很好", "优秀", "是", "否", "TRUE", "FALSE", "true", "yes", "no", "N/A", "#VALUE!", "--5", "5-", "1.2.3", "1,2", "12,34,567",
        "½", "٣", "Ⅻ", "0x10", "1_000", "92 分", "约 90", "", " ", "  ", "\t", "\n", "\u3000", "\u00a0", "'92", ">=", "<",
      ),
    },
    { weight: 2, arbitrary: cjk },
    { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 6 }) },
  )
  .filter((s) => !SUSPICIOUS.test(s));

// ---------------------------------------------------------------------------------------------
// Cells and ranges
// ---------------------------------------------------------------------------------------------

/** Any value Excel passes for one cell. */
export const cell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 6, arbitrary: number },
  { weight: 2, arbitrary: numericText },
  { weight: 2, arbitrary: percentText },
  { weight: 2, arbitrary: otherText },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.boolean() },
);

/** A rectangular range of `item`, 1–4 × 1–4. */
export function rangeOf(item: fc.Arbitrary<Cell>, maxSide = 4): fc.Arbitrary<Range> {
  return fc
    .tuple(fc.integer({ min: 1, max: maxSide }), fc.integer({ min: 1, max: maxSide }))
    .chain(([h, w]) => fc.array(fc.array(item, { minLength: w, maxLength: w }), { minLength: h, maxLength: h }));
}

/** `cells` laid out as one row or one column, as KPI.TOTAL and KPI.TABLE read them. */
export function line(cells: fc.Arbitrary<Cell[]>): fc.Arbitrary<Range> {
  return fc.tuple(cells, fc.boolean()).map(([xs, asRow]) => (asRow ? [xs] : xs.map((x) => [x])));
}

export const range: fc.Arbitrary<Range> = rangeOf(cell);

/** Values that make sense for one input, mixed with anything at all. */
export function inputFor(spec: InputSpec): fc.Arbitrary<Cell> {
  const lo = spec.min ?? 0;
  const hi = spec.max ?? (spec.measure === "rate" ? 1 : spec.measure === "ratio" ? 10 : 120);
  let plausible: fc.Arbitrary<Cell>;
  switch (spec.measure) {
    case "rate":
    case "ratio":
      plausible = fc.oneof(
        fc.double({ min: lo, max: hi, noNaN: true }),
        fc.double({ min: lo * 100, max: hi * 100, noNaN: true }).map((x) => `${Number(x.toFixed(2))}%`),
      );
      break;
    case "count":
      plausible = fc.oneof(fc.integer({ min: Math.max(0, lo), max: 15 }), fc.integer({ min: 0, max: 15 }).map(String));
      break;
    case "yes_no":
      plausible = fc.constantFrom<Cell>(0, 1, true, false, "1", "0");
      break;
    default:
      plausible = fc.oneof(fc.integer({ min: Math.ceil(lo), max: Math.floor(Math.min(hi, 1000)) }), fc.double({ min: lo, max: Math.min(hi, 1000), noNaN: true }));
  }
  return fc.oneof({ weight: 3, arbitrary: plausible }, { weight: 2, arbitrary: cell });
}

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

export const allNames = (thing: { id: string; name: { zh: string; en: string }; aliases?: { zh?: string[]; en?: string[] } }) => [
  thing.id,
  thing.name.zh,
  thing.name.en,
  ...(thing.aliases?.zh ?? []),
  ...(thing.aliases?.en ?? []),
];

type Respelling = "upper" | "lower" | "spaces" | "full" | "drop" | "extra" | "as-is";

/** How people restyle a name (case, spaces, full-width letters: still the same name) or mistype it. */
function respelled(name: fc.Arbitrary<string>, ways: readonly Respelling[]): fc.Arbitrary<string> {
  return fc.tuple(name, fc.constantFrom(...ways), fc.nat()).map(([n, how, k]) => {
    switch (how) {
      case "upper":
        return n.toUpperCase();
      case "lower":
        return n.toLowerCase();
      case "spaces":
        return ` ${n.split("").join(k % 2 ? " " : "")} `;
      case "full":
        return n.replace(/[A-Za-z0-9_/]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
      case "drop": {
        const chars = [...n];
        chars.splice(k % Math.max(1, chars.length), 1);
        return chars.join("");
      }
      case "extra":
        return `${n}${"x满"[k % 2]}`;
      default:
        return n;
    }
  });
}

const RESTYLED: readonly Respelling[] = ["upper", "lower", "spaces", "full", "as-is"];
const RESTYLED_ASCII: readonly Respelling[] = ["upper", "lower", "spaces", "as-is"];
const MISTYPED: readonly Respelling[] = ["drop", "extra"];

/** Every way to name one rule: qualified by any name of its template, or bare by any of its names. */
function namesOfRule(found: FoundRule): { qualified: string[]; bare: string[] } {
  const bare = allNames(found.rule);
  const templates = allNames(found.template);
  return { qualified: [found.ref, ...templates.flatMap((t) => bare.slice(0, 3).map((r) => `${t}/${r}`))], bare };
}

export const garbageName: fc.Arbitrary<unknown> = fc.oneof(
  otherText,
  cjk,
  fc.constantFrom("support_kpi/", "/satisfaction", "a/b/c", "support_kpi//satisfaction", "support_kpi/satisfaction/x", "KPI", "*"),
  number,
  fc.boolean(),
  fc.constant(null),
);

/**
 * A rule argument: one of the rule's own names, as is or restyled (mostly), rarely a mistyped name, a full-width
 * reference or garbage. Unknown names are rare on purpose: each makes the functions search every name in the
 * catalog for suggestions (edit distance; ~1–3 ms per call in node, 5–50 ms under jest, whose VM context makes
 * Math.min ~100× slower), which would otherwise dominate the run.
 */
export function ruleArgFor(found: FoundRule): fc.Arbitrary<unknown> {
  const { qualified, bare } = namesOfRule(found);
  const q = fc.constantFrom(...qualified);
  const b = fc.constantFrom(...bare);
  const shortBare = fc.constantFrom(...bare.filter((n) => [...n].length <= 12).concat(found.rule.id));
  const unknown = fc.oneof(
    { weight: 6, arbitrary: respelled(shortBare, MISTYPED) },
    // A mistyped rule in a known template: only that template's names are searched.
    { weight: 6, arbitrary: respelled(shortBare, MISTYPED).map((r) => `${found.template.id}/${r}`) },
    { weight: 4, arbitrary: garbageName },
    // Full-width throughout, as a Chinese IME in full-width mode types it ("ｓｕｐｐｏｒｔ＿ｋｐｉ／ｓａｔｉｓｆａｃｔｉｏｎ").
    { weight: 1, arbitrary: respelled(fc.constant(found.ref), ["full"]) },
  );
  return fc.oneof(
    { weight: 120, arbitrary: fc.oneof(q, b) },
    { weight: 15, arbitrary: respelled(q, RESTYLED_ASCII) },
    { weight: 12, arbitrary: respelled(b, RESTYLED) },
    { weight: 2, arbitrary: unknown },
  );
}

const templateName = (t: Template) => fc.constantFrom(...allNames(t));

/** A template argument: one of its names (often restyled), blank (→ the default template), rarely unknown. */
export function templateArgFor(t: Template): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 30, arbitrary: templateName(t) },
    { weight: 6, arbitrary: respelled(templateName(t), RESTYLED) },
    { weight: 2, arbitrary: fc.constantFrom<unknown>(null, "", " ") },
    { weight: 1, arbitrary: fc.oneof(respelled(fc.constant(t.id), MISTYPED), garbageName) },
  );
}

export const anyTemplate = fc.constantFrom(...TEMPLATES);
export const anyRule = fc.constantFrom(...RULES);

/** The workbook's default template: mostly none, else any template. */
export const defaultTemplate: fc.Arbitrary<string | null> = fc.oneof(
  { weight: 14, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom(...TEMPLATES.map((t) => t.id)) },
);

/** Further inputs for a rule: none, the right number (a cell or a row), or any range. */
export function value2For(found: FoundRule): fc.Arbitrary<Range | null> {
  const more = found.rule.inputs.slice(1);
  const right: fc.Arbitrary<Range | null> = more.length
    ? fc.tuple(...more.map(inputFor)).map((xs) => [xs] as Range)
    : fc.constant(null);
  return fc.oneof({ weight: 5, arbitrary: right }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constant<Range>([[null]]) }, { weight: 1, arbitrary: range });
}

/** A row of points for a template's KPI.TOTAL: the right length (mostly), plausible points, some blanks. */
export function pointsFor(t: Template): fc.Arbitrary<Range> {
  const n = pointsLayout(t).length;
  const entry = fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 0, max: 100 }) as fc.Arbitrary<Cell> },
    { weight: 2, arbitrary: fc.constantFrom<Cell>(0, 1) },
    { weight: 2, arbitrary: number },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: cell },
  );
  const length = fc.oneof({ weight: 8, arbitrary: fc.constant(n) }, { weight: 1, arbitrary: fc.constantFrom(Math.max(1, n - 1), n + 1, 1) });
  return fc.oneof(
    { weight: 9, arbitrary: length.chain((k) => line(fc.array(entry, { minLength: k, maxLength: k }))) },
    { weight: 1, arbitrary: range },
  );
}
