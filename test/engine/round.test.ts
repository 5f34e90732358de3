import { roundExcel } from "../../src/engine/round";

describe("roundExcel rounds totals the way Excel's ROUND does", () => {
  test.each([
    [1.005, 2, 1.01], // binary 1.00499999… still rounds up, as Excel shows 1.005
    [-2.5, 0, -3], // half away from zero, not banker's rounding
    [2.5, 0, 3],
    [0.125, 2, 0.13],
    [-0.125, 2, -0.13],
    [89.994, 2, 89.99],
    [89.995, 2, 90],
    [100.004999, 2, 100],
    [0.1 + 0.2, 2, 0.3],
    [12345.675, 2, 12345.68],
    [0, 2, 0],
  ])("ROUND(%p, %p) = %p", (value, digits, expected) => {
    expect(roundExcel(value, digits)).toBe(expected);
  });

  test("keeps infinities and NaN as they are", () => {
    expect(roundExcel(Infinity)).toBe(Infinity);
    expect(roundExcel(NaN)).toBeNaN();
  });
});
