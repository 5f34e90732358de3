// Fuzz of the ten =KPI.* functions: 1,000,000 calls with what Excel can pass them. Not part of `npm test`
// (jest's default testMatch is *.test.ts); run it with `npm run fuzz`. Rerun a given run with FUZZ_SEED=<seed>.
//
// Every generated case calls the function twice, in zh and then in en (so calls alternate languages), and
// checks:
//   (a) the result, or the error and its message, equals what the engine API gives for the same inputs
//       (test/fuzz/engineOracle.ts), plus a few invariants computed without the engine (band tables read
//       first-match, DEDUCT/BONUS/BLEND arithmetic bounds, TABLE returns one of its points …);
//   (b) every error is a CustomFunctions.Error with code #VALUE! or #N/A, #N/A exactly for unknown or
//       ambiguous names; the message is non-empty, the zh one contains Chinese, the en one English letters
//       and differs from the zh one; no message is an internal exception surfacing as "Calculation failed";
//   (c) nothing else is ever thrown; and results are finite numbers or text without "undefined"/"NaN"/
//       "Infinity"/unfilled {placeholders}.
// Names, checked apart: a real rule or template name restyled as names compare (case, spaces, full-width)
// is never #N/A; and with a default template set, a bare name outside it is reported as its own kind
// (README: the default template first, then wherever the name is unique).
// Violations are collected rather than stopping at the first (so no fast-check shrinking), so one run reports
// every kind of failure with its shortest example; the last test fails if there were any.
import { CustomFunctionsError, installCustomFunctionsStub } from "../support/customFunctions";
installCustomFunctionsStub();

import fc from "fast-check";
import { isDeepStrictEqual } from "node:util";
import { defaultCatalog, normalizeName, type FoundRule } from "../../src/catalog";
import type { BandsRule, Lang } from "../../src/catalog/types";
import { isBlank, scoreRule } from "../../src/engine";
import * as KPI from "../../src/functions/functions";
import { formatMessage } from "../../src/i18n";
import { setDefaultTemplate, setLanguageOverride } from "../../src/functions/state";
import * as A from "./arbitraries";
import { engine, LANGS, lookupRule, NAME_ERROR_KEYS, type Cell, type Expected, type KpiName, type Range, type Workbook } from "./engineOracle";

/** FUZZ_SCALE=0.1 runs a tenth of the cases (a quick look); the full run is 1,000,000 calls. */
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const TOTAL_CALLS = Math.round(1_000_000 * SCALE);
const SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);

// ---------------------------------------------------------------------------------------------
// What each function is fed, and how many cases (each case is two calls: zh and en)
// ---------------------------------------------------------------------------------------------

interface Fuzzed {
  name: KpiName;
  cases: number;
  args: fc.Arbitrary<unknown[]>;
  /** An invariant computed without the engine; returns what is wrong (a fixed phrase: it names the kind), or nothing. */
  invariant?: (args: unknown[], result: unknown, book: Workbook, lang: Lang) => string | undefined;
}

const bandRules = A.RULES.filter((f) => f.rule.rule.kind === "bands");
const scoreish = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 100 }) as fc.Arbitrary<Cell> }, { weight: 2, arbitrary: A.cell });
const countish = fc.oneof({ weight: 3, arbitrary: A.smallCount as fc.Arbitrary<Cell> }, { weight: 2, arbitrary: A.cell });
const smallPoints = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: -10, max: 20 }) as fc.Arbitrary<Cell> }, { weight: 2, arbitrary: A.cell });
const optional = (x: fc.Arbitrary<Cell>) => fc.oneof({ weight: 2, arbitrary: fc.constant(null) }, { weight: 3, arbitrary: x });

const ruleCase = (rules: typeof A.RULES) =>
  fc.constantFrom(...rules).chain((f) => fc.tuple(A.inputFor(f.rule.inputs[0]), A.ruleArgFor(f), A.value2For(f)));
/** Any value with a short garbage name (a long unknown name costs milliseconds of suggestion search). */
const strayRuleCase = fc.tuple(A.cell, A.garbageName, fc.oneof(fc.constant(null), A.range));

const isNum = (x: unknown): x is number => typeof x === "number";

/** A blank first input that the catalog does not count as 0 (blank: "unscored"): it must give "". */
const blankUnscored = (found: FoundRule, value: unknown) => isBlank(value as Cell) && found.rule.inputs[0].blank === "unscored";
const EPS = 1e-9;

/** First band (in the catalog's order) whose condition holds: how the seed reads a band table. */
function firstMatch(rule: BandsRule, x: number): number | undefined {
  for (const b of rule.bands) {
    const holds = b.op === ">=" ? x >= b.value : b.op === ">" ? x > b.value : b.op === "<=" ? x <= b.value : x < b.value;
    if (holds) return b.points;
  }
  return undefined;
}

const FUZZED: Fuzzed[] = [
  {
    name: "band",
    cases: 50_000,
    args: fc.oneof(
      { weight: 40, arbitrary: ruleCase(bandRules).map(([v, r]) => [v, r]) },
      { weight: 20, arbitrary: ruleCase(A.RULES).map(([v, r]) => [v, r]) },
      { weight: 1, arbitrary: strayRuleCase.map(([v, r]) => [v, r]) },
    ),
    invariant: ([value, rule], result, book) => {
      const found = lookupRule(book, rule);
      if (blankUnscored(found, value) && result !== "") return "a blank input shows points";
      if (!isNum(result) || found.rule.rule.kind !== "bands") return undefined;
      const x = scoreRule(found.rule, [value as Cell]).inputs[0] as number;
      const seedReading = firstMatch(found.rule.rule as BandsRule, x);
      return Object.is(seedReading, result) ? undefined : "points differ from the first band that holds";
    },
  },
  {
    name: "score",
    cases: 100_000,
    args: fc.oneof({ weight: 60, arbitrary: ruleCase(A.RULES) }, { weight: 1, arbitrary: strayRuleCase }),
    invariant: ([value, rule], result, book) =>
      blankUnscored(lookupRule(book, rule), value) && result !== "" ? "a blank first input shows points" : undefined,
  },
  {
    name: "grade",
    cases: 30_000,
    args: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...A.TEMPLATES.filter((t) => t.grades)).chain((t) => fc.tuple(fc.oneof(A.number, A.cell), A.templateArgFor(t))) },
      { weight: 1, arbitrary: A.anyTemplate.chain((t) => fc.tuple(A.cell, A.templateArgFor(t))) },
    ),
    invariant: ([total], result, book, lang) => {
      if (isBlank(total as Cell)) return result === "" ? undefined : "a blank total shows a grade";
      const labels = A.TEMPLATES.flatMap((t) => t.grades?.grades.map((g) => g.label[lang]) ?? []);
      return labels.includes(result as string) ? undefined : "not a grade label of any template";
    },
  },
  {
    name: "total",
    cases: 60_000,
    args: A.anyTemplate.chain((t) => fc.tuple(A.pointsFor(t), A.templateArgFor(t))),
  },
  {
    name: "blend",
    cases: 40_000,
    args: fc.tuple(
      scoreish,
      scoreish,
      fc.oneof(
        { weight: 2, arbitrary: fc.constant(null) as fc.Arbitrary<Cell> },
        { weight: 2, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
        { weight: 1, arbitrary: fc.integer({ min: 0, max: 100 }).map((n) => `${n}%`) },
        { weight: 2, arbitrary: A.cell },
      ),
    ),
    invariant: ([sup, own], result) => {
      if (!isNum(result) || !isNum(sup) || !isNum(own)) return undefined;
      const lo = Math.min(sup, own);
      const hi = Math.max(sup, own);
      const slack = EPS * Math.max(1, Math.abs(lo), Math.abs(hi));
      return result >= lo - slack && result <= hi + slack ? undefined : "outside the two scores it blends";
    },
  },
  {
    name: "deduct",
    cases: 40_000,
    args: fc.tuple(countish, smallPoints, scoreish, optional(smallPoints)),
    invariant: ([count, per, full, floor], result) => {
      if (!isNum(result) || !isNum(count) || !isNum(per) || !isNum(full) || !(floor === null || isNum(floor))) return undefined;
      // Full marks minus |per| per occurrence, never below the floor (0 if omitted).
      const expected = Math.max(floor ?? 0, full - Math.abs(per) * count);
      return Object.is(result, expected) || result === expected ? undefined : "not full marks − |per| × count, floored";
    },
  },
  {
    name: "bonus",
    cases: 30_000,
    args: fc.tuple(countish, smallPoints, smallPoints),
    invariant: ([count, per, cap], result) => {
      if (!isNum(result) || !isNum(count) || !isNum(per) || !isNum(cap)) return undefined;
      return result <= Math.abs(cap) ? undefined : "more than the cap";
    },
  },
  {
    name: "table",
    cases: 60_000,
    args: fc.integer({ min: 1, max: 5 }).chain((k) =>
      fc.tuple(
        fc.oneof(A.number, A.cell),
        A.line(fc.array(fc.oneof({ weight: 4, arbitrary: A.number as fc.Arbitrary<Cell> }, { weight: 1, arbitrary: A.cell }), { minLength: k, maxLength: k })),
        fc.oneof({ weight: 4, arbitrary: fc.constantFrom(k, k + 1) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 7 }) }).chain((n) =>
          A.line(fc.array(fc.oneof({ weight: 4, arbitrary: smallPoints }, { weight: 1, arbitrary: A.cell }), { minLength: n, maxLength: n })),
        ),
        fc.oneof(
          { weight: 2, arbitrary: fc.constant(null) as fc.Arbitrary<Cell> },
          { weight: 3, arbitrary: fc.constantFrom(">=", ">", "<=", "<", " <= ", "=>", "=", "≥") },
          { weight: 1, arbitrary: A.cell },
        ),
      ),
    ),
    invariant: ([, , points], result) => {
      const given = (points as Range).flat();
      if (!isNum(result) || !given.every((p) => isNum(p) || p === null)) return undefined;
      return given.includes(result) ? undefined : "not one of the points given";
    },
  },
  {
    name: "explain",
    cases: 70_000,
    args: fc.oneof({ weight: 60, arbitrary: ruleCase(A.RULES) }, { weight: 1, arbitrary: strayRuleCase }),
    invariant: (_args, result) => (typeof result === "string" && result.trim() !== "" ? undefined : "an empty explanation"),
  },
  {
    name: "rules",
    cases: 20_000,
    args: fc.tuple(fc.oneof({ weight: 1, arbitrary: fc.constant(null) as fc.Arbitrary<unknown> }, { weight: 5, arbitrary: A.anyTemplate.chain(A.templateArgFor) })),
    invariant: (_args, result, _book, lang) => {
      const rows = result as unknown[][];
      if (!rows.every((r) => r.length === 5)) return "rows are not five columns wide";
      return rows[0][0] === (lang === "zh" ? "引用" : "Reference") ? undefined : "no header row";
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Names: which arguments are real names, however styled
// ---------------------------------------------------------------------------------------------

/** Where each function takes its rule or template name. */
const NAME_ARG: Partial<Record<KpiName, { index: number; of: "rule" | "template" }>> = {
  band: { index: 1, of: "rule" },
  score: { index: 1, of: "rule" },
  explain: { index: 1, of: "rule" },
  grade: { index: 1, of: "template" },
  total: { index: 1, of: "template" },
  rules: { index: 0, of: "template" },
};

/** Every "<template name>/<rule name>" and every rule name that is unique in the catalog, normalised as names compare. */
const QUALIFIED = new Set(A.RULES.flatMap((f) => A.allNames(f.template).flatMap((t) => A.allNames(f.rule).map((r) => normalizeName(`${t}/${r}`)))));
const BARE_OWNERS = new Map<string, Set<FoundRule>>();
for (const f of A.RULES) for (const n of A.allNames(f.rule)) BARE_OWNERS.set(normalizeName(n), (BARE_OWNERS.get(normalizeName(n)) ?? new Set()).add(f));
const TEMPLATE_NAMES = new Set(A.TEMPLATES.flatMap((t) => A.allNames(t).map(normalizeName)));

/** The argument names a real rule or template (restyled or not), so an #N/A for it is wrong. */
function realName(fn: KpiName, args: unknown[], book: Workbook): boolean {
  const at = NAME_ARG[fn];
  if (!at) return false;
  const arg = args[at.index];
  if (typeof arg !== "string" || arg.trim() === "") return false;
  const key = normalizeName(arg);
  if (at.of === "template") return TEMPLATE_NAMES.has(key);
  // Bare names are judged only without a default template (that case has its own report below).
  return QUALIFIED.has(key) || (book.defaultTemplate === null && BARE_OWNERS.get(key)?.size === 1);
}

/** The #N/A a function gives when a bare name is looked up in the default template only. */
function defaultTemplateMiss(fn: KpiName, args: unknown[], book: Workbook, lang: Lang, g: Got): boolean {
  if (!book.defaultTemplate || NAME_ARG[fn]?.of !== "rule" || !("thrown" in g) || g.thrown.code !== "#N/A") return false;
  const t = defaultCatalog().findTemplate(book.defaultTemplate);
  return g.thrown.message.includes(formatMessage(lang, "in_template", { template: t.name[lang] }));
}

// ---------------------------------------------------------------------------------------------
// Running and checking
// ---------------------------------------------------------------------------------------------

type Got = { returned: unknown } | { thrown: CustomFunctionsError } | { escaped: unknown };

const CJK = /[\u3400-\u9fff]/;
const LATIN = /[A-Za-z]/;
const INTERNAL = { zh: "计算出错:", en: "Calculation failed:" };

let calls = 0;
const outcomes = new Map<string, number>();
const violations = new Map<string, { count: number; example: string }>();

function show(x: unknown): string {
  return JSON.stringify(x, (_k, v) => {
    if (typeof v === "number" && !Number.isFinite(v)) return String(v);
    if (Object.is(v, -0)) return "-0";
    if (v instanceof CustomFunctionsError) return { code: v.code, message: v.message };
    if (v instanceof Error) return `${v.name}: ${v.message}`;
    return v;
  });
}

function violate(fn: KpiName, what: string, example: Record<string, unknown>): void {
  const key = `KPI.${fn.toUpperCase()}: ${what}`;
  const text = show(example);
  const seen = violations.get(key);
  if (!seen) violations.set(key, { count: 1, example: text });
  else {
    seen.count++;
    if (text.length < seen.example.length) seen.example = text;
  }
}

function attempt(f: () => unknown): Got {
  try {
    return { returned: f() };
  } catch (e) {
    return e instanceof CustomFunctionsError ? { thrown: e } : { escaped: e };
  }
}

function suspicious(x: unknown): boolean {
  if (typeof x === "number") return !Number.isFinite(x);
  if (typeof x === "string") return A.SUSPICIOUS.test(x);
  if (Array.isArray(x)) return x.some(suspicious);
  return false;
}

function exercise(f: Fuzzed, book: Workbook, args: unknown[]): void {
  const impl = KPI[f.name] as (...a: unknown[]) => unknown;
  setDefaultTemplate(book.defaultTemplate);
  const got = {} as Record<Lang, Got>;
  for (const lang of LANGS) {
    setLanguageOverride(lang);
    got[lang] = attempt(() => impl(...args));
    calls++;
  }

  let expected: Expected | undefined;
  try {
    expected = (engine[f.name] as (b: Workbook, ...a: unknown[]) => Expected)(book, ...args);
  } catch (e) {
    violate(f.name, `the engine throws ${e instanceof Error ? e.name : typeof e} (not a KpiError)`, { book, args, error: e });
  }
  const example = (lang: Lang) => ({ book, args, lang, got: got[lang], ...(expected ? { expected } : {}) });
  const z = got.zh;
  const outcome = `KPI.${f.name.toUpperCase()} ${"returned" in z ? "value" : "thrown" in z ? z.thrown.code : "escaped"}`;
  outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);

  for (const lang of LANGS) {
    const g = got[lang];
    // (c) nothing but CustomFunctions.Error escapes
    if ("escaped" in g) {
      violate(f.name, `throws ${g.escaped instanceof Error ? g.escaped.name : typeof g.escaped}, not a CustomFunctions.Error`, example(lang));
      continue;
    }
    if ("thrown" in g) {
      // (b) the error itself
      const { code, message } = g.thrown;
      if (code !== "#VALUE!" && code !== "#N/A") violate(f.name, `error code ${code}`, example(lang));
      if (typeof message !== "string" || message.trim() === "") violate(f.name, "an error without a message", example(lang));
      else {
        if (lang === "zh" && !CJK.test(message)) violate(f.name, "a zh message without Chinese", example(lang));
        if (lang === "en" && !LATIN.test(message)) violate(f.name, "an en message without English", example(lang));
        if (message.startsWith(INTERNAL[lang])) violate(f.name, `an internal exception surfaces: ${message.slice(0, 80)}`, example(lang));
        if (A.SUSPICIOUS.test(message)) violate(f.name, "a message shows undefined/NaN/Infinity/{placeholder}", example(lang));
      }
    } else {
      if (suspicious(g.returned)) {
        violate(f.name, isNum(g.returned) ? `returns ${g.returned}` : "returns text with undefined/NaN/Infinity/{placeholder}", example(lang));
      }
      let broken: string | undefined;
      try {
        broken = f.invariant?.(args, g.returned, book, lang);
      } catch {
        broken = undefined; // the engine disagrees about the rule itself: reported under (a) below
      }
      if (broken) violate(f.name, broken, example(lang));
    }

    if ("thrown" in g && g.thrown.code === "#N/A" && realName(f.name, args, book)) {
      violate(f.name, "a real name, restyled (case, spaces, full-width), is #N/A", example(lang));
    }

    // (a) the same as the engine
    if (!expected) continue;
    const differs = expected.ok
      ? !("returned" in g) || !isDeepStrictEqual(g.returned, expected.value[lang])
      : !("thrown" in g) || g.thrown.code !== expected.code || g.thrown.message !== expected.message[lang];
    if (differs && defaultTemplateMiss(f.name, args, book, lang, g)) {
      violate(f.name, "with a default template set, a bare name outside it is #N/A (README: default template first, then wherever unique)", example(lang));
    } else if (expected.ok) {
      if (!("returned" in g)) violate(f.name, `fails (${g.thrown.code}) where the engine gives a value`, example(lang));
      else if (!isDeepStrictEqual(g.returned, expected.value[lang])) violate(f.name, "gives a different value from the engine", example(lang));
    } else {
      if (!("thrown" in g)) violate(f.name, `gives a value where the engine fails (${expected.key})`, example(lang));
      else if (g.thrown.code !== expected.code) violate(f.name, `${g.thrown.code} where the engine's ${expected.key} is ${expected.code}`, example(lang));
      else if (g.thrown.message !== expected.message[lang]) violate(f.name, `another message than the engine's ${expected.key}`, example(lang));
    }
  }

  // (b) both languages fail alike, in different words; #N/A exactly for names
  if ("thrown" in got.zh && "thrown" in got.en) {
    if (got.zh.thrown.code !== got.en.thrown.code) violate(f.name, "the error code depends on the language", example("en"));
    if (got.zh.thrown.message === got.en.thrown.message) violate(f.name, "the en message is the zh message", example("en"));
  } else if ("thrown" in got.zh !== "thrown" in got.en) {
    violate(f.name, "fails in one language only", example("en"));
  }
  if (expected && !expected.ok && (expected.code === "#N/A") !== NAME_ERROR_KEYS.has(expected.key)) {
    violate(f.name, `the engine reports ${expected.key} as ${expected.code}`, example("en"));
  }
}

// ---------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------

const plannedCalls = FUZZED.reduce((n, f) => n + 2 * Math.round(f.cases * SCALE), 0);
const timings: string[] = [];
const startedAt = Date.now();

beforeAll(() => {
  process.stdout.write(`\nKPI functions fuzz: fast-check seed ${SEED} (rerun with FUZZ_SEED=${SEED}), ${plannedCalls.toLocaleString("en-US")} calls planned\n`);
});

afterAll(() => {
  setLanguageOverride(null);
  setDefaultTemplate(null);
  const byFunction = [...outcomes.entries()].sort().map(([k, n]) => `  ${k}: ${n}`).join("\n");
  process.stdout.write(
    `\nKPI functions fuzz: seed ${SEED}, ${calls.toLocaleString("en-US")} calls in ${((Date.now() - startedAt) / 1000).toFixed(1)} s\n` +
      `${timings.join("\n")}\noutcomes per case (zh call):\n${byFunction}\n`,
  );
  if (violations.size) {
    const report = [...violations.entries()].map(([k, v]) => `- ${k} (${v.count}×)\n    e.g. ${v.example}`).join("\n");
    process.stdout.write(`\nviolations:\n${report}\n`);
  }
});

describe("the =KPI.* functions under fuzzed Excel arguments", () => {
  test(`the plan adds up to ${TOTAL_CALLS.toLocaleString("en-US")} calls`, () => {
    expect(plannedCalls).toBe(TOTAL_CALLS);
  });

  FUZZED.forEach((f, i) => {
    test(`KPI.${f.name.toUpperCase()}: ${(2 * Math.round(f.cases * SCALE)).toLocaleString("en-US")} calls, zh and en alternating`, () => {
      const t0 = Date.now();
      fc.assert(
        fc.property(A.defaultTemplate, f.args, (defaultTemplate, args) => {
          exercise(f, { defaultTemplate }, args);
        }),
        { seed: SEED + i, numRuns: Math.round(f.cases * SCALE) },
      );
      timings.push(`  KPI.${f.name.toUpperCase()}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    });
  });

  test(`made exactly ${TOTAL_CALLS.toLocaleString("en-US")} calls`, () => {
    expect(calls).toBe(TOTAL_CALLS);
  });

  test("every result matched the engine, every error was #VALUE!/#N/A in both languages, nothing else escaped", () => {
    const kinds = [...violations.entries()].map(([k, v]) => `${k} (${v.count}×)`);
    expect(kinds).toEqual([]);
  });
});
