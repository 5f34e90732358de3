// Shared helpers for the seed-driven boundary tests. Nothing here reads the catalog: every expected
// number is written literally in the test files, next to the seed phrase it comes from.
import { grade, points } from "../support/score";

export type In = number | string | null;

/** points() bound to one template; -0 is reported as 0 (a deduction of 0 × -10 is "no points"). */
export function scorer(template: string): (rule: string, ...inputs: In[]) => number | null {
  return (rule, ...inputs) => {
    const v = points(template, rule, ...inputs);
    return v === null ? null : v + 0;
  };
}

/** grade() bound to one template. */
export function grader(template: string): (total: number) => string | null {
  return (total) => grade(template, total);
}

/** 0.899 → "89.9%" for test names. */
export function pct(x: number): string {
  return `${+(x * 100).toFixed(4)}%`;
}

/** Rows {at, x, pts} for rate/ratio tables, `at` being the percent label used in test names. */
export function rateRows(rows: Array<[number, number]>): Array<{ at: string; x: number; pts: number }> {
  return rows.map(([x, pts]) => ({ at: pct(x), x, pts }));
}

/** Rows {x, pts} for score/count tables. */
export function rows(list: Array<[number, number]>): Array<{ x: number; pts: number }> {
  return list.map(([x, pts]) => ({ x, pts }));
}

/** Rows {level, x} listing the lowest and the highest score of every level [min, max]. */
export function levelEnds(levels: Array<[number, number]>): Array<{ level: string; x: number }> {
  const out: Array<{ level: string; x: number }> = [];
  for (const [min, max] of levels) {
    const level = min === max ? `${min}` : `${min}-${max}`;
    out.push({ level, x: min });
    if (max !== min) out.push({ level, x: max });
  }
  return out;
}

/**
 * The input is refused: points() throws the engine's value error (a KpiError of kind "value"), not a
 * name lookup failure or a crash (TypeError …) that would only look like a refusal.
 */
export function expectRefused(fn: () => unknown): void {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(Error);
  expect(error).toMatchObject({ name: "KpiError", kind: "value" });
}
