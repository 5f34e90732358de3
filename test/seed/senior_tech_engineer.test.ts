// 3-高级售前技术工程师绩效考核表: five free 0-10 scores, weighted 30/25/20/15/10 on a 100 scale; five grades.
import { grader, scorer, expectRefused } from "./helpers";

const T = "3-高级售前技术工程师绩效考核表";
const p = scorer(T);
const g = grader(T);

// 1. 专业知识与技术能力(权重:30%) 2. 客户沟通与需求理解(权重:25%) 3. 解决问题的能力(权重:20%) 4. 团队合作(权重:15%)
// 5. 公司业务贡献(权重:10%)
// 在每个绩效考核项目中,评分范围为0-10分,分值越高表示表现越出色。
describe.each(["专业知识与技术能力", "客户沟通与需求理解", "解决问题的能力", "团队合作", "公司业务贡献"])("%s", (rule) => {
  test.each([
    { x: 0, pts: 0 },
    { x: 0.01, pts: 0.01 },
    { x: 0.5, pts: 0.5 },
    { x: 7.5, pts: 7.5 },
    { x: 9.5, pts: 9.5 },
    { x: 9.99, pts: 9.99 },
    { x: 10, pts: 10 },
  ])("gives back the typed score $x as $pts on the 0-10 scale", ({ x, pts }) => {
    expect(p(rule, x)).toBe(pts);
  });

  test.each([-0.01, -0.5, -1, 10.01, 10.5, 11, 100])("refuses a score of %s (outside 0-10)", (x) => {
    expectRefused(() => p(rule, x));
  });

  test("leaves a blank score unscored (null)", () => {
    expect(p(rule, null)).toBeNull();
  });
});

describe(`${T} grades`, () => {
  // 最终评定绩效等级如下:- 优秀:总评分90分以上- 良好:总评分80-89分- 较好:总评分70-79分- 一般:总评分60-69分- 需改进:总评分60分以下
  // (readings.md: 60 goes to 一般 (shared boundary → better grade); a total between printed ranges takes the lower grade)
  test.each([
    { total: 100, code: "优秀" },
    { total: 90.01, code: "优秀" },
    { total: 90, code: "优秀" },
    { total: 89.99, code: "良好" },
    { total: 89.5, code: "良好" },
    { total: 89, code: "良好" },
    { total: 80.01, code: "良好" },
    { total: 80, code: "良好" },
    { total: 79.99, code: "较好" },
    { total: 79.5, code: "较好" },
    { total: 79, code: "较好" },
    { total: 70.01, code: "较好" },
    { total: 70, code: "较好" },
    { total: 69.99, code: "一般" },
    { total: 69.5, code: "一般" },
    { total: 69, code: "一般" },
    { total: 60.01, code: "一般" },
    { total: 60, code: "一般" },
    { total: 59.99, code: "需改进" },
    { total: 59.5, code: "需改进" },
    { total: 0, code: "需改进" },
  ])("grades a total of $total as $code", ({ total, code }) => {
    expect(g(total)).toBe(code);
  });
});
