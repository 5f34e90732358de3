// 3-高级售前解决方案工程师绩效考核表: four qualitative goals, each a free score from 0 up (readings.md:
// rule {kind:"free", min:0}, no max, no weight), no grade scale.
import { grader, scorer, expectRefused } from "./helpers";

const T = "3-高级售前解决方案工程师绩效考核表";
const p = scorer(T);
const g = grader(T);

// 实施高质量的售前解决方案- 评分标准:根据所提供的解决方案的质量、创新性和适用性进行评估。
// 达成销售目标- 评分标准:根据实际销售业绩和完成的销售目标进行评估。
// 与客户建立良好的合作关系- 评分标准:根据客户反馈和客户关系的质量进行评估。
// 提升团队协作能力- 评分标准:根据在团队中的贡献和协作能力进行评估。
// (readings.md: free score, min 0, no max)
describe.each(["实施高质量的售前解决方案", "达成销售目标", "与客户建立良好的合作关系", "提升团队协作能力"])("%s", (rule) => {
  test.each([
    { x: 0, pts: 0 },
    { x: 0.01, pts: 0.01 },
    { x: 0.5, pts: 0.5 },
    { x: 7, pts: 7 },
    { x: 85.5, pts: 85.5 },
    { x: 100, pts: 100 },
    { x: 1000, pts: 1000 },
  ])("gives exactly the typed score ($x) back as $pts points", ({ x, pts }) => {
    expect(p(rule, x)).toBe(pts);
  });

  test.each([-0.01, -0.5, -1])("refuses a score of %s, below the minimum 0", (x) => {
    expectRefused(() => p(rule, x));
  });

  test("leaves a blank score unscored (null)", () => {
    expect(p(rule, null)).toBeNull();
  });
});

describe(`${T} grades`, () => {
  // 绩效考核结果最终的绩效考核结果将根据以上指标的评估和评分进行综合考虑。 (no grade scale printed)
  test.each([0, 59.99, 60, 90, 100])("has no grade scale, so a total of %s has no grade", (total) => {
    expect(g(total)).toBeNull();
  });
});
