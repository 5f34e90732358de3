import type { InputSpec, Rule, Text } from "../../src/catalog/types";
import { KpiError } from "../../src/engine/errors";
import { parseNumericText, readInput } from "../../src/engine/input";

const name: Text = { zh: "客户满意度", en: "Customer satisfaction" };
const spec = (over: Partial<InputSpec>): InputSpec => ({
  id: "x",
  label: { zh: "值", en: "value" },
  measure: "points",
  unit: { zh: "分", en: "points" },
  direction: "higher_better",
  blank: "unscored",
  prompt: { zh: "输入满意度,如 92% 或 0.92", en: "Type the satisfaction, e.g. 92% or 0.92" },
  ...over,
});
const bands: Rule = { kind: "bands", bands: [{ op: ">=", value: 0.9, points: 10 }, { op: "<", value: 0.9, points: 0 }] };
const levels: Rule = {
  kind: "levels",
  order: "best_first",
  levels: [
    { code: "A", descriptor: { zh: "好", en: "good" }, min: 18, max: 20 },
    { code: "B", descriptor: { zh: "中", en: "fair" }, min: 0, max: 18, maxExclusive: true },
  ],
};

function errorOf(f: () => unknown): KpiError {
  try {
    f();
  } catch (e) {
    if (e instanceof KpiError) return e;
    throw e;
  }
  throw new Error("expected a KpiError");
}

describe("reading typed values the way Excel reads them", () => {
  test.each([
    ["92", 92],
    ["92%", 0.92],
    [" 92.5 % ", 0.925],
    ["1,234", 1234],
    ["９２", 92], // full-width digits from a Chinese IME
    ["-1", -1],
    ["1e2", 100],
  ])("reads %p as %p", (text, value) => {
    expect(parseNumericText(text)).toBeCloseTo(value, 12);
  });

  test.each(["abc", "九十", "92分", "", "1.2.3"])("does not read %p as a number", (text) => {
    expect(parseNumericText(text)).toBeUndefined();
  });
});

describe("checking inputs against what the rule expects", () => {
  const rate = spec({ measure: "rate", min: 0, max: 1 });

  test("refuses 92 for a rate and says to type 92% or 0.92", () => {
    const e = errorOf(() => readInput(92, rate, bands, 0, name));
    expect(e.code).toBe("looks_like_percent");
    expect(e.text("zh")).toContain("92%");
    expect(e.text("zh")).toContain("0.92");
    expect(e.text("en")).toContain("type 92% or 0.92");
  });

  test("accepts 92% typed as text for a rate", () => {
    expect(readInput("92%", rate, bands, 0, name).value).toBeCloseTo(0.92, 12);
  });

  test("says text is not a number, naming the rule and what to type", () => {
    const e = errorOf(() => readInput("很好", rate, bands, 0, name));
    expect(e.code).toBe("not_a_number");
    expect(e.text("zh")).toContain("客户满意度");
    expect(e.text("zh")).toContain("如 92% 或 0.92");
    expect(e.text("en")).toContain("Customer satisfaction");
  });

  test("a blank gives no value (no points), or 0 where blank means none", () => {
    expect(readInput(null, rate, bands, 0, name).value).toBeNull();
    expect(readInput("  ", rate, bands, 0, name).value).toBeNull();
    expect(readInput(undefined, spec({ blank: "zero" }), bands, 0, name)).toEqual({ value: 0, blankAsZero: true });
  });

  test("refuses negative and fractional counts", () => {
    const count = spec({ measure: "count", min: 0 });
    expect(errorOf(() => readInput(-1, count, bands, 0, name)).code).toBe("negative_count");
    expect(errorOf(() => readInput(2.5, count, bands, 0, name)).code).toBe("not_whole");
    expect(readInput(3, count, bands, 0, name).value).toBe(3);
  });

  test("yes/no takes 1, 0, TRUE and FALSE only", () => {
    const yn = spec({ measure: "yes_no" });
    expect(readInput(true, yn, bands, 0, name).value).toBe(1);
    expect(readInput(false, yn, bands, 0, name).value).toBe(0);
    expect(errorOf(() => readInput(2, yn, bands, 0, name)).code).toBe("not_yes_no");
  });

  test("a score outside the input's range is refused with the range", () => {
    const e = errorOf(() => readInput(120, spec({ min: 0, max: 100 }), bands, 0, name));
    expect(e.code).toBe("out_of_range");
    expect(e.text("en")).toContain("0–100");
  });

  test("a level code is read as the level's minimum score and marked as picked", () => {
    const level = spec({ measure: "level", min: 0, max: 20 });
    expect(readInput("a", level, levels, 0, name)).toEqual({ value: 18, picked: true });
    expect(errorOf(() => readInput("C", level, levels, 0, name)).code).toBe("not_a_number");
  });
});
