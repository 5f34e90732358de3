// 售前经理绩效考核评分表 (绩效考核评分表): weighted scoring on a 100 scale, two free 0-100 rows (a skeleton:
// the seed prints only the two section headings).
import { grader, scorer, expectRefused } from "./helpers";

const T = "售前经理绩效考核评分表";
const p = scorer(T);
const g = grader(T);

// 一、个人关键指标达成情况(权重 80 %)二、个人工作表现(权重20%)
// (readings.md: each a free score 0-100)
describe.each(["个人关键指标达成情况", "个人工作表现"])("%s", (rule) => {
  test.each([
    { x: 0, pts: 0 },
    { x: 0.01, pts: 0.01 },
    { x: 0.5, pts: 0.5 },
    { x: 60, pts: 60 },
    { x: 99.5, pts: 99.5 },
    { x: 99.99, pts: 99.99 },
    { x: 100, pts: 100 },
  ])("gives back the typed score $x as $pts", ({ x, pts }) => {
    expect(p(rule, x)).toBe(pts);
  });

  test.each([-0.01, -0.5, -1, 100.01, 100.5, 101])("refuses a score of %s (outside 0-100)", (x) => {
    expectRefused(() => p(rule, x));
  });

  test("leaves a blank score unscored (null)", () => {
    expect(p(rule, null)).toBeNull();
  });
});

describe("template names", () => {
  // 绩效考核评分表部门:客服中心职位: 售前经理
  test("is found under the seed's table title 绩效考核评分表", () => {
    expect(scorer("绩效考核评分表")("个人工作表现", 75)).toBe(75);
  });
});

describe(`${T} grades`, () => {
  test.each([0, 60, 90, 100])("has no grade scale, so a total of %s has no grade", (total) => {
    expect(g(total)).toBeNull();
  });
});
