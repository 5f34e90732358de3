// 售前部绩效考核表 (售前部员工考核表): behaviour-anchored levels, whole numbers, best level first. The cooperation
// row (10%, only "与他人或部门很少合作5以下" legible) cannot be rebuilt and is not in the template.
import { grader, levelEnds, scorer, expectRefused } from "./helpers";

const T = "售前部绩效考核表";
const p = scorer(T);
const g = grader(T);

interface LevelCase {
  rule: string;
  levels: Array<[number, number]>;
  refused: number[];
}

const cases: LevelCase[] = [
  // 方 案制作 1 5% 对市场与竞争格局了解很透彻,制作方案非常 出色 15 对市场与竞争格局了解较透彻,制作方案较为 出色 12-14
  // 对市场与竞争格局大致了解,制作方案一般7-11 对市场与竞争格局基本不了解,制作方案很差7以 下
  // (readings.md: 7以下 = 0-7; at the shared 7 the better level wins, the score is 7 either way)
  { rule: "方案制作", levels: [[15, 15], [12, 14], [7, 11], [0, 7]], refused: [-1, -0.5, 6.5, 11.5, 14.5, 15.5, 16] },
  // 产品认识 1 0% 对产品,材料及相关技术的掌握全面而深刻10 对产品,材料及相关技术的掌握很面8-9 对产品,材料及相关技术的掌握比较全面5-7
  // 对产品,材料及相关技术的掌握能应付5以 下
  { rule: "产品认识", levels: [[10, 10], [8, 9], [5, 7], [0, 5]], refused: [-1, -0.5, 4.5, 7.5, 9.5, 10.5, 11] },
  // 纪律性10% 自觉遵守和维护公司各项规章制度10 能遵守公司规章制度,但需要有人督导8-9 偶有迟到,但上班后工作兢兢业业7
  // 纪律观念不强,偶尔违反公司规章制度5-6 经常违反公司制度,被指正时态度傲慢 5以 下
  { rule: "纪律性", levels: [[10, 10], [8, 9], [7, 7], [5, 6], [0, 5]], refused: [-1, -0.5, 4.5, 6.5, 7.5, 9.5, 10.5, 11] },
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

describe("template names", () => {
  // 售前部员工考核表
  test("is found under the seed's table heading 售前部员工考核表", () => {
    expect(scorer("售前部员工考核表")("纪律性", 7)).toBe(7);
  });
});

describe(`${T} grades`, () => {
  // 总分 调薪建议(部门领导填写)。 (no grade scale printed)
  test.each([0, 60, 90, 100])("has no grade scale, so a total of %s has no grade", (total) => {
    expect(g(total)).toBeNull();
  });
});
