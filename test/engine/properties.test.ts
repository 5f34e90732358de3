import fc from "fast-check";
import { defaultCatalog, scorableRules, type FoundRule } from "../../src/catalog";
import type { BandsRule, InputSpec, Rule } from "../../src/catalog/types";
import { assess, compiledRule, gradeFor, isKpiError, kindOf, roundExcel, scoreRule } from "../../src/engine";

const catalog = defaultCatalog();
const all: FoundRule[] = catalog.templates.flatMap((t) => scorableRules(t));

/** Bands rules anywhere in a rule (top level or a part), with the input spec they read. */
function bandsIn(found: FoundRule): Array<{ rule: BandsRule; spec: InputSpec }> {
  const out: Array<{ rule: BandsRule; spec: InputSpec }> = [];
  const visit = (r: Rule) => {
    if (r.kind === "bands") out.push({ rule: r, spec: found.rule.inputs[r.input ?? 0] });
    if (r.kind === "combined") r.parts.forEach(visit);
  };
  visit(found.rule.rule);
  return out;
}

/** Valid values for one input, by what it measures. */
function arbInput(spec: InputSpec): fc.Arbitrary<number> {
  switch (spec.measure) {
    case "rate":
      return fc.double({ min: spec.min ?? 0, max: spec.max ?? 1, noNaN: true });
    case "ratio":
      return fc.double({ min: spec.min ?? 0, max: spec.max ?? 10, noNaN: true });
    case "count":
      return fc.integer({ min: spec.min ?? 0, max: spec.max ?? 40 });
    case "yes_no":
      return fc.constantFrom(0, 1);
    default:
      return fc.double({ min: spec.min ?? 0, max: spec.max ?? 200, noNaN: true });
  }
}

const bandRules = all.flatMap((f) => bandsIn(f).map((b) => [f.ref, b] as const));

describe("band rules (every template)", () => {
  test.each(bandRules)("%s: points never fall as the input gets better", (_ref, { rule, spec }) => {
    const f = compiledRule(rule);
    const sign = spec.direction === "lower_better" ? -1 : 1;
    fc.assert(
      fc.property(arbInput(spec), arbInput(spec), (x, y) => {
        const [worse, better] = sign * x <= sign * y ? [x, y] : [y, x];
        return f(worse, worse, worse) <= f(better, better, better);
      }),
    );
  });

  test.each(bandRules)("%s: the compiled rule agrees with the first band that holds", (_ref, { rule, spec }) => {
    const f = compiledRule(rule);
    fc.assert(
      fc.property(arbInput(spec), (x) => {
        const xs = [x, x, x];
        return f(x, x, x) === kindOf(rule).evaluate(rule, xs).points;
      }),
    );
  });
});

/** Inputs a rule accepts: draw from each input's range and keep those the rule itself does not refuse. */
function acceptedPoints(found: FoundRule, xs: number[]): number | null | undefined {
  try {
    return scoreRule(found.rule, xs).points;
  } catch (e) {
    if (isKpiError(e)) return undefined;
    throw e;
  }
}

describe("every scorable rule of every template", () => {
  test.each(all.map((f) => [f.ref, f] as const))("%s: points stay within the rule's range", (_ref, found) => {
    const { min, max } = kindOf(found.rule.rule).pointsRange(found.rule.rule);
    fc.assert(
      fc.property(fc.tuple(...found.rule.inputs.map(arbInput)), (xs) => {
        const p = acceptedPoints(found, xs);
        return p === undefined || p === null || (p >= min - 1e-9 && p <= max + 1e-9);
      }),
    );
  });

  test.each(all.filter((f) => f.rule.rule.kind !== "veto").map((f) => [f.ref, f] as const))(
    "%s: compiled arithmetic and the explained evaluation agree",
    (_ref, found) => {
      fc.assert(
        fc.property(fc.tuple(...found.rule.inputs.map(arbInput)), (xs) => {
          const p = acceptedPoints(found, xs);
          if (p === undefined || p === null) return true;
          const score = scoreRule(found.rule, xs);
          return score.evaluate()!.points === p && score.explain("zh").length > 0 && score.explain("en").length > 0;
        }),
      );
    },
  );
});

describe("deductions", () => {
  const deductions = all.flatMap((f) => {
    const out: Array<[string, Extract<Rule, { kind: "deduction" }>]> = [];
    const visit = (r: Rule) => {
      if (r.kind === "deduction") out.push([f.ref, r]);
      if (r.kind === "combined") r.parts.forEach(visit);
    };
    visit(f.rule.rule);
    return out;
  });

  test("the catalog has deduction rules", () => {
    expect(deductions.length).toBeGreaterThan(0);
  });

  test.each(deductions)("%s never goes below its floor", (_ref, rule) => {
    const f = compiledRule(rule);
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000 }), (n) => f(n, n, n) >= (rule.floor ?? 0)));
  });
});

describe("grades", () => {
  const graded = catalog.templates.filter((t) => t.grades);

  test("two templates have grade scales", () => {
    expect(graded.map((t) => t.id).sort()).toEqual(["hongshu_support", "senior_tech_engineer"]);
  });

  test.each(graded.map((t) => [t.id, t] as const))("%s gives a grade for every total it can produce", (_id, template) => {
    const inputsFor = (found: FoundRule) => fc.tuple(...found.rule.inputs.map(arbInput));
    const rules = scorableRules(template);
    fc.assert(
      fc.property(fc.tuple(...rules.map(inputsFor)), (values) => {
        const inputs: Record<string, unknown> = {};
        rules.forEach((found, i) => {
          inputs[found.rule.id] = template.raters && found.scope === "indicator" ? { supervisor: values[i], self: values[i] } : values[i];
        });
        let result;
        try {
          result = assess(template, inputs as never);
        } catch (e) {
          if (isKpiError(e)) return true; // an input combination the rules refuse
          throw e;
        }
        return result.total === null || (result.grade !== null && result.grade === gradeFor(template, result.total));
      }),
    );
  });

  test.each(graded.map((t) => [t.id, t] as const))("%s: grades never get better as the total falls", (_id, template) => {
    const order = template.grades!.grades.map((g) => g.code);
    fc.assert(
      fc.property(fc.double({ min: -100, max: 300, noNaN: true }), fc.double({ min: -100, max: 300, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [roundExcel(a), roundExcel(b)] : [roundExcel(b), roundExcel(a)];
        return order.indexOf(gradeFor(template, lo)!.code) >= order.indexOf(gradeFor(template, hi)!.code);
      }),
    );
  });
});
