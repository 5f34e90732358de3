import type { Band, Rule, Text } from "../../src/catalog/types";
import { sheetKindOf } from "../../src/engine/kinds/sheet-registry";
import { KpiError } from "../../src/engine/errors";
import { firstBand, toStepFunction } from "../../src/engine/kinds/bands";
import { amountAllowed } from "../../src/engine/kinds/discretionary";
import { kindOf } from "../../src/engine/kinds/registry";
import { compiledRule } from "../../src/engine/score";

const ctx = (inputs = 1) => ({
  name: { zh: "测试指标", en: "Test rule" } as Text,
  inputs: Array.from({ length: inputs }, (_, i) => ({
    id: `in${i}`,
    label: { zh: `输入${i}`, en: `input ${i}` },
    measure: "points" as const,
    unit: { zh: "分", en: "points" },
    direction: "higher_better" as const,
    blank: "unscored" as const,
    prompt: { zh: "输入分数", en: "Type a score" },
  })),
});

describe("bands become a step function that counts the bounds reached", () => {
  // 大于95得10分, 大于90得8分, 大于80得6分, 小于80得5分: 80 itself is in no band.
  const strict: Band[] = [
    { op: ">", value: 95, points: 10 },
    { op: ">", value: 90, points: 8 },
    { op: ">", value: 80, points: 6 },
    { op: "<", value: 80, points: 5 },
  ];

  test("a value no band holds for is reported as a gap", () => {
    const { step, gaps } = toStepFunction(strict);
    expect(step).toBeUndefined();
    expect(gaps).toEqual(["= 80"]);
    expect(sheetKindOf({ kind: "bands", bands: strict }).validate({ kind: "bands", bands: strict }, "rule", ctx())).toHaveLength(1);
  });

  test("strict bounds stay exact: 95 is not above 95", () => {
    const closed: Band[] = [...strict, { op: "<=", value: 80, points: 5, inferred: true }];
    const { step } = toStepFunction(closed);
    expect(step).toEqual({ bounds: [80, 90, 95], reachedAtBound: [false, false, false], points: [5, 6, 8, 10] });
    const f = compiledRule({ kind: "bands", bands: closed });
    expect([f(95, 0, 0), f(95.0001, 0, 0), f(80, 0, 0), f(80.5, 0, 0)]).toEqual([8, 10, 5, 6]);
  });

  test("a band listed after one that covers it is reported as never applying", () => {
    const shadowed: Band[] = [
      { op: ">=", value: 80, points: 8 },
      { op: ">=", value: 90, points: 10 },
      { op: "<", value: 80, points: 0 },
    ];
    const problems = sheetKindOf({ kind: "bands", bands: shadowed }).validate({ kind: "bands", bands: shadowed }, "rule", ctx());
    expect(problems.map((p) => p.path)).toContain("rule.bands[1]");
  });

  test("compiled points equal the first band that holds, for every probe", () => {
    const bands: Band[] = [
      { op: "<=", value: 0, points: 15 },
      { op: "<=", value: 3, points: 12 },
      { op: "<=", value: 5, points: 10 },
      { op: "<=", value: 10, points: 5 },
      { op: ">", value: 10, points: 0 },
    ];
    const f = compiledRule({ kind: "bands", bands });
    for (let x = -2; x <= 13; x += 0.5) expect(f(x, 0, 0)).toBe(bands[firstBand(bands, x)].points);
  });
});

describe("discretionary amounts", () => {
  const perOcc = { kind: "discretionary" as const, sign: -1 as const, min: 2, max: 3, perOccurrence: true };
  test.each([
    [0, true],
    [1, false],
    [2, true],
    [3, true],
    [3.5, false], // one occurrence is at most 3, two at least 4
    [4, true],
    [6, true],
    [7, true],
  ])("扣2-3分/次: %p is %p", (amount, ok) => {
    expect(amountAllowed(perOcc, amount)).toBe(ok);
  });

  test("an amount outside the range is refused with the range in the message", () => {
    const rule: Rule = { kind: "discretionary", sign: -1, min: 2, max: 8, base: 15 };
    let error: unknown;
    try {
      kindOf(rule).check(rule, [9], ctx());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KpiError);
    expect((error as KpiError).text("zh")).toContain("2–8");
  });

  test("with full marks as base, points are full minus the amount and never negative", () => {
    const f = compiledRule({ kind: "discretionary", sign: -1, min: 0, max: 50, base: 10 });
    expect([f(0, 0, 0), f(3, 0, 0), f(20, 0, 0)]).toEqual([10, 7, 0]);
  });
});

describe("combined rows", () => {
  const daily: Rule = {
    kind: "combined",
    parts: [
      { kind: "deduction", full: 10, per: 1, input: 0 },
      { kind: "per_occurrence", per: 2, cap: 2, input: 1, role: "bonus" },
    ],
    min: 0,
    zeroIf: [{ input: 0, op: ">", value: 5 }],
  };

  test("adds the parts and zeroes the row past the cliff", () => {
    const f = compiledRule(daily);
    expect(f(0, 1, 0)).toBe(12);
    expect(f(5, 1, 0)).toBe(7);
    expect(f(6, 1, 0)).toBe(0);
  });

  test("the row's full marks leave bonus parts out", () => {
    expect(kindOf(daily).pointsRange(daily, true)).toEqual({ min: 0, max: 10 });
    expect(kindOf(daily).pointsRange(daily).max).toBe(12);
  });

  test("explains each part under its input's label", () => {
    const ev = kindOf(daily).evaluate(daily, [6, 1]);
    const text = kindOf(daily).explain(daily, [6, 1], ev, ctx(2), "zh");
    expect(text).toContain("输入0");
    expect(text).toContain("为 0 分");
  });
});
