// 3-高级售前工程师绩效考核表 (售前工程师绩效考核表(高级)): 业绩完成情况 60% as four aspects of 15 points
// (readings.md: the seed gives no split, equal shares), 工作态度 20%, 出勤及遵守规章制度 20%; points mode.
import { grader, scorer, expectRefused } from "./helpers";

const T = "3-高级售前工程师绩效考核表";
const p = scorer(T);
const g = grader(T);

describe("售前调研情况 (15)", () => {
  const R = "售前调研情况";
  // 一、售前调研情况:1.均能按时独立优质完成售前调研,得满分2.在指导下,均能按时完成者得80%分数
  // 3.因自身原因延迟一周以上,且次数>2次者得60%分数4.其余的在60%一下酌情给分
  // (readings.md: levels 15 / 12 / 9 / 0-9 with 9 excluded from the last; fractional scores allowed)
  test.each([
    { x: 15, level: "满分", pts: 15 },
    { x: 12, level: "80%分数", pts: 12 },
    { x: 9, level: "60%分数", pts: 9 },
    { x: 8.99, level: "60%一下酌情给分", pts: 8.99 },
    { x: 8.5, level: "60%一下酌情给分", pts: 8.5 },
    { x: 0.01, level: "60%一下酌情给分", pts: 0.01 },
    { x: 0, level: "60%一下酌情给分", pts: 0 },
  ])("gives $pts points for a score of $x ($level)", ({ x, pts }) => {
    expect(p(R, x)).toBe(pts);
  });

  test.each([-1, -0.01, 9.01, 9.5, 10, 11, 11.99, 12.01, 12.5, 13, 14, 14.99, 15.01, 16])(
    "refuses a score of %s (in no level)",
    (x) => {
      expectRefused(() => p(R, x));
    },
  );

  test("leaves a blank score unscored (null)", () => {
    expect(p(R, null)).toBeNull();
  });
});

describe("售前方案质量 (15)", () => {
  const R = "售前方案质量";
  // 1.两次内通过内部审核,并全部获得“满意”以上者,得满分;2.内审次数超过2(不含)次者,每增1次扣1分;
  // 3.销售反馈满意度低于“一般”(不含)者,每次扣2分;4.收到客户对方案进行者,每次扣5分。   (never below 0)
  test.each([
    { extra: 0, low: 0, complaints: 0, pts: 15 },
    { extra: 1, low: 0, complaints: 0, pts: 14 },
    { extra: 2, low: 0, complaints: 0, pts: 13 },
    { extra: 14, low: 0, complaints: 0, pts: 1 },
    { extra: 15, low: 0, complaints: 0, pts: 0 },
    { extra: 16, low: 0, complaints: 0, pts: 0 },
    { extra: 0, low: 1, complaints: 0, pts: 13 },
    { extra: 0, low: 7, complaints: 0, pts: 1 },
    { extra: 0, low: 8, complaints: 0, pts: 0 },
    { extra: 0, low: 0, complaints: 1, pts: 10 },
    { extra: 0, low: 0, complaints: 2, pts: 5 },
    { extra: 0, low: 0, complaints: 3, pts: 0 },
    { extra: 0, low: 0, complaints: 4, pts: 0 },
    { extra: 1, low: 1, complaints: 2, pts: 2 },
    { extra: 5, low: 5, complaints: 0, pts: 0 },
    { extra: 6, low: 5, complaints: 0, pts: 0 },
    { extra: 3, low: 3, complaints: 3, pts: 0 },
  ])(
    "gives $pts points with $extra reviews beyond two, $low below-一般 sales ratings and $complaints customer complaints",
    ({ extra, low, complaints, pts }) => {
      expect(p(R, extra, low, complaints)).toBe(pts);
    },
  );

  test("leaves the row unscored (null) when nothing is typed", () => {
    expect(p(R, null, null, null)).toBeNull();
  });
});

describe("招投标书质量 (15)", () => {
  const R = "招投标书质量";
  // 1.两次内通过内部审核,并没有出现因售前原因失误者,得满分;2.封装后因售前原因返工每次扣2分;3.因售前原因导致流标、废标每次扣5分。
  // (never below 0)
  test.each([
    { rework: 0, lost: 0, pts: 15 },
    { rework: 1, lost: 0, pts: 13 },
    { rework: 2, lost: 0, pts: 11 },
    { rework: 7, lost: 0, pts: 1 },
    { rework: 8, lost: 0, pts: 0 },
    { rework: 9, lost: 0, pts: 0 },
    { rework: 0, lost: 1, pts: 10 },
    { rework: 0, lost: 2, pts: 5 },
    { rework: 0, lost: 3, pts: 0 },
    { rework: 0, lost: 4, pts: 0 },
    { rework: 2, lost: 1, pts: 6 },
    { rework: 3, lost: 2, pts: 0 },
  ])("gives $pts points with $rework reworks and $lost lost or void bids", ({ rework, lost, pts }) => {
    expect(p(R, rework, lost)).toBe(pts);
  });

  test("leaves the row unscored (null) when nothing is typed", () => {
    expect(p(R, null, null)).toBeNull();
  });
});

describe("内部资料整理与培训分享 (15)", () => {
  const R = "内部资料整理与培训分享";
  // 四、内部资料整理与培训分享1.均能按时独立优质完成内部资料整理,并完成讲解培训,得100%分数2.仅按计划优质完成资料整理者,60%分数3.其他情况,酌情评分
  // (readings.md: levels 15 / 9 / 0-15 discretionary)
  test.each([
    { x: 15, pts: 15 },
    { x: 14.99, pts: 14.99 },
    { x: 9, pts: 9 },
    { x: 7.5, pts: 7.5 },
    { x: 0.01, pts: 0.01 },
    { x: 0, pts: 0 },
  ])("gives $pts points for a score of $x", ({ x, pts }) => {
    expect(p(R, x)).toBe(pts);
  });

  test.each([-1, -0.01, 15.01, 15.5, 16])("refuses a score of %s (outside 0-15)", (x) => {
    expectRefused(() => p(R, x));
  });

  test("leaves a blank score unscored (null)", () => {
    expect(p(R, null)).toBeNull();
  });
});

// 工作态度20% … A.自我驱动,完全自主完成,遇时间节点临近,能够主动提前完成;(得18-20分)B.需领导监管,态度够积极,责任心尚可,工作任务一般提前完成;(得15-18分)
// C.被动驱使工作,积极性、责任度都一般,总是能做多少做多少;(得12-15分)D.态度消极,领导督促,虽口头承诺,仍完不成工作,总是能拖就拖;(12分以下)
// 6出勤及遵守规章制度20% … A.严格遵守公司制度,无任何违纪行为;(得18-20分)B.严格遵守公司制度,只有三次以内考勤违纪;(得15-18分)
// C.有违纪行为,但不触及公司底线原则,考勤五次以下违纪;(得12-15分)D.触及公司底线制度,考勤违纪五次以上违纪;(12分以下)
// (readings.md: best first; a shared boundary belongs to the better level; D is 0 up to 12 exclusive)
describe.each(["工作态度", "出勤及遵守规章制度"])("%s (20)", (rule) => {
  test.each([
    { x: 20, level: "A", pts: 20 },
    { x: 19.5, level: "A", pts: 19.5 },
    { x: 18, level: "A", pts: 18 },
    { x: 17.99, level: "B", pts: 17.99 },
    { x: 15, level: "B", pts: 15 },
    { x: 14.99, level: "C", pts: 14.99 },
    { x: 12, level: "C", pts: 12 },
    { x: 11.99, level: "D", pts: 11.99 },
    { x: 0, level: "D", pts: 0 },
  ])("gives $pts points for a score of $x (level $level)", ({ x, pts }) => {
    expect(p(rule, x)).toBe(pts);
  });

  test.each([
    { code: "A", pts: 18 },
    { code: "B", pts: 15 },
    { code: "C", pts: 12 },
    { code: "D", pts: 0 },
  ])("scores level $code picked by code at its minimum, $pts", ({ code, pts }) => {
    expect(p(rule, code)).toBe(pts);
  });

  test.each([-1, -0.01, 20.01, 20.5, 21])("refuses a score of %s (outside 0-20)", (x) => {
    expectRefused(() => p(rule, x));
  });

  test("leaves a blank score unscored (null)", () => {
    expect(p(rule, null)).toBeNull();
  });
});

describe("template names", () => {
  // 售前工程师绩效考核表(高级)
  test("is found under the seed's table heading 售前工程师绩效考核表(高级)", () => {
    expect(scorer("售前工程师绩效考核表(高级)")("招投标书质量", 1, 0)).toBe(13);
  });
});

describe(`${T} grades`, () => {
  test.each([0, 60, 90, 100])("has no grade scale, so a total of %s has no grade", (total) => {
    expect(g(total)).toBeNull();
  });
});
