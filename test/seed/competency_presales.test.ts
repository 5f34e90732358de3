// 岗位胜任能力考评表(技术类 售前)定稿 (技术职类售前岗位胜任能力考评表): behaviour-anchored levels, whole-number
// scores inside a level's range. Page 2 is missing; the legible rows add to 75 points.
import { grader, levelEnds, scorer, expectRefused } from "./helpers";

const T = "岗位胜任能力考评表(技术类 售前)定稿";
const p = scorer(T);
const g = grader(T);

interface LevelCase {
  rule: string;
  levels: Array<[number, number]>;
  refused: number[];
}

const cases: LevelCase[] = [
  // 创新能力(10分) … 仅仅只按要求完成工作,偶尔提出过具有新意的技术问题。(0-2分) … 进行了技术、方法等创新,并通过总 结有相应成果。(3-5分)
  // 能经常积极引进新技术、新方法,有实际的工作成果。(6-8) … 并有实际的工作成果。(9-10分)
  { rule: "创新能力", levels: [[0, 2], [3, 5], [6, 8], [9, 10]], refused: [-1, -0.5, 2.5, 5.5, 8.5, 10.5, 11] },
  // 责任心(15分) … 仅能完成本职工作,会经常找理由推托。(0-2分) 服从工作安排,并能完成工作,不推托。(3-5分) 主动承担更多的工作责任,并能完成。(6-10分)
  // 有更强的工作责任心,… 并能及 时主动提出解决方案、预防措施。(11-15分)
  { rule: "责任心", levels: [[0, 2], [3, 5], [6, 10], [11, 15]], refused: [-1, 2.5, 5.5, 10.5, 15.5, 16] },
  // 成就导向(5分) … 个人发展目标不明确,工作中容易满足。(0-1分) 个人发展目标明确,…(2-3分) 有中长期的发展目标,…(4-5分)
  { rule: "成就导向", levels: [[0, 1], [2, 3], [4, 5]], refused: [-1, 1.5, 3.5, 5.5, 6] },
  // 人才培养(5分) … 只关注自己的工作业绩,给下属或同事帮助有限。(0-1分) … 提供适当的指导 和帮助。(2-3分) … 使下属或同事得到提升、提高。(4-5分)
  { rule: "人才培养", levels: [[0, 1], [2, 3], [4, 5]], refused: [-1, 1.5, 3.5, 5.5, 6] },
  // 专业知识(5分) … 本专业硕士或以上学历或五年以上行业内工作经验(4-5分) 本专业本科学历或两年以上行业内工作经验(2-3分)
  // 本专业专科学历或一年以上行业内工作经验(1-2分)   (0 is in no level)
  { rule: "专业知识", levels: [[4, 5], [2, 3], [1, 2]], refused: [-1, 0, 0.5, 1.5, 3.5, 5.5, 6] },
  // 工作量 (行为描述) 工作任务不饱满,季度累计15天以上(0-1分) 工作任务饱满,但不能按计划完成,季度累计3次以上(2-6分)
  // … 承担部分工作。(7-12分) … 非主要本职岗位工作。(13-15分)
  { rule: "工作量", levels: [[0, 1], [2, 6], [7, 12], [13, 15]], refused: [-1, 1.5, 6.5, 12.5, 15.5, 16] },
  // 工作质 (行为描述) 基本能完成方案的编写,答辩工作。(0-1分) 能清楚了解客户的需求,较好的完成方案编写,答辩工作。(2-5分)
  // 能引导客户需求,有良好的讲解能力,项目方案能得到用户和公司肯定。( 6-7 分) … 灵活、机智的现场答辩能力。(8-10分)
  { rule: "工作质量", levels: [[0, 1], [2, 5], [6, 7], [8, 10]], refused: [-1, 1.5, 5.5, 7.5, 10.5, 11] },
  // 客户导向(10分) … 仅仅只按照客户的要求,基本满足需求。(0-2分) … 提供专业意见和解决办法(3-6 分) … 形成新的项目意向或效益。(7-10分)
  { rule: "客户导向", levels: [[0, 2], [3, 6], [7, 10]], refused: [-1, 2.5, 6.5, 10.5, 11] },
];

describe.each(cases)("$rule", ({ rule, levels, refused }) => {
  test.each(levelEnds(levels))("gives exactly $x points for a score of $x in level $level", ({ x }) => {
    expect(p(rule, x)).toBe(x);
  });

  test.each(refused)("refuses a score of %s (in no level, or not a whole number)", (x) => {
    expectRefused(() => p(rule, x));
  });

  test("leaves a blank score unscored (null)", () => {
    expect(p(rule, null)).toBeNull();
  });
});

describe("names", () => {
  // 工作质 (行为描述)
  test("finds 工作质量 under the seed's truncated heading 工作质", () => {
    expect(p("工作质", 6)).toBe(6);
  });

  // 技术职 类 售前 岗位胜任能力考评表
  test("is found under the seed's page title 技术职类售前岗位胜任能力考评表", () => {
    expect(scorer("技术职类售前岗位胜任能力考评表")("客户导向", 7)).toBe(7);
  });
});

describe(`${T} grades`, () => {
  test.each([0, 60, 75, 100])("has no grade scale, so a total of %s has no grade", (total) => {
    expect(g(total)).toBeNull();
  });
});
