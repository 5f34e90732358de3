// 售前售后技术支持绩效考核模板 (售前技术支持(部门)员工绩效考评责任书(绩效合约)): KPI 85% + 非KPI 15%, points mode.
import { grader, rateRows, rows, scorer, expectRefused } from "./helpers";

const T = "售前售后技术支持绩效考核模板";
const p = scorer(T);
const g = grader(T);

describe("工作计划按时完成率 (10分)", () => {
  const R = "工作计划按时完成率";
  // 完成90%该项得10分,完成80%该项得8分,完成70%该项得7分,完成60%该项得6分,完成50%,该项得5分,低于50%,该项得2分。
  test.each(
    rateRows([
      [0, 2],
      [0.499, 2],
      [0.5, 5],
      [0.501, 5],
      [0.599, 5],
      [0.6, 6],
      [0.601, 6],
      [0.699, 6],
      [0.7, 7],
      [0.701, 7],
      [0.799, 7],
      [0.8, 8],
      [0.801, 8],
      [0.899, 8],
      [0.9, 10],
      [0.901, 10],
      [1, 10],
    ]),
  )("gives $pts points at $at of the plan completed on time", ({ x, pts }) => {
    expect(p(R, x)).toBe(pts);
  });

  test("leaves a blank rate unscored (null)", () => {
    expect(p(R, null)).toBeNull();
  });
});

describe("售后跟踪记录完整性 (40分)", () => {
  const R = "售后跟踪记录完整性";
  // 实、全面、准确该项得满分,凡发现记录有虚假情况,发现一处扣5分,凡发现有外出做售前技术支持情况未记录,主管发现一次扣5分,
  // (readings.md: input 0 = 发现虚假记录或外出支持未记录处数, full 40 per 5, floor 0)
  test.each(
    rows([
      [0, 40],
      [1, 35],
      [2, 30],
      [7, 5],
      [8, 0],
      [9, 0],
      [20, 0],
    ]),
  )("gives $pts points with $x false or unrecorded entries and no further deduction", ({ x, pts }) => {
    expect(p(R, x, 0)).toBe(pts);
  });

  // 记录的不全面,视情况酬情扣分。 (readings.md: input 1 = 酌情扣分 amount, 0..40, whole row never below 0)
  test.each([
    { n: 0, amount: 0, pts: 40 },
    { n: 0, amount: 0.5, pts: 39.5 },
    { n: 0, amount: 10, pts: 30 },
    { n: 0, amount: 40, pts: 0 },
    { n: 2, amount: 10, pts: 20 },
    { n: 7, amount: 4, pts: 1 },
    { n: 7, amount: 5, pts: 0 },
    { n: 7, amount: 6, pts: 0 },
    { n: 8, amount: 40, pts: 0 },
  ])("gives $pts points with $n entries found and a discretionary deduction of $amount", ({ n, amount, pts }) => {
    expect(p(R, n, amount)).toBe(pts);
  });

  test.each([-0.01, -1, 40.01, 41])("refuses a discretionary deduction of %s (outside 0-40)", (amount) => {
    expectRefused(() => p(R, 0, amount));
  });

  test("leaves the row unscored (null) when nothing is typed", () => {
    expect(p(R, null, null)).toBeNull();
  });
});

describe("客户信息反馈及时率 (15分)", () => {
  const R = "客户信息反馈及时率";
  // 完成该项得10分,未完成该项视情况扣2-8分
  // (readings.md: full marks 15, not the printed 10 — the KPI rows add to 85 only with 15; input = deduction amount)
  test.each([
    { amount: 0, pts: 15 },
    { amount: 2, pts: 13 },
    { amount: 2.01, pts: 12.99 },
    { amount: 2.5, pts: 12.5 },
    { amount: 5, pts: 10 },
    { amount: 7.99, pts: 7.01 },
    { amount: 8, pts: 7 },
  ])("gives $pts points after a deduction of $amount", ({ amount, pts }) => {
    expect(p(R, amount)).toBeCloseTo(pts, 10);
  });

  test.each([-1, 0.5, 1, 1.99, 8.01, 9, 15])("refuses a deduction of %s (only 0 or 2-8)", (amount) => {
    expectRefused(() => p(R, amount));
  });

  test("leaves a blank unscored (null)", () => {
    expect(p(R, null)).toBeNull();
  });
});

describe("客户满意度 (10分)", () => {
  const R = "客户满意度";
  // 服务态度满意度达90%该项得10分,达80%该项得8分,达60%该项得6分,低于50%该项不得分
  // (readings.md: the gap 50%-60% is closed by an inferred band worth 0)
  test.each(
    rateRows([
      [0, 0],
      [0.499, 0],
      [0.5, 0],
      [0.501, 0],
      [0.599, 0],
      [0.6, 6],
      [0.601, 6],
      [0.799, 6],
      [0.8, 8],
      [0.801, 8],
      [0.899, 8],
      [0.9, 10],
      [0.901, 10],
      [1, 10],
    ]),
  )("gives $pts points at $at satisfaction", ({ x, pts }) => {
    expect(p(R, x)).toBe(pts);
  });

  test("leaves a blank rate unscored (null)", () => {
    expect(p(R, null)).toBeNull();
  });
});

describe("专业知识考核成绩 (10分)", () => {
  const R = "专业知识考核成绩";
  // 按考核分数90分以上该项得10分,80分以上该项得8分,70分以上该项得6分,60分该项得5分,低于60分该项不得分,没有参加者该项不得分
  test.each(
    rows([
      [0, 0],
      [59.5, 0],
      [59.99, 0],
      [60, 5],
      [60.01, 5],
      [69.99, 5],
      [70, 6],
      [70.01, 6],
      [79.99, 6],
      [80, 8],
      [80.01, 8],
      [89.5, 8],
      [89.99, 8],
      [90, 10],
      [90.01, 10],
      [100, 10],
    ]),
  )("gives $pts points for an exam score of $x", ({ x, pts }) => {
    expect(p(R, x)).toBe(pts);
  });

  // 没有参加者该项不得分
  test("gives 0 points (not a blank) to someone who did not sit the exam", () => {
    expect(p(R, null)).toBe(0);
  });
});

describe("工作态度 (10分)", () => {
  const R = "工作态度";
  // 工作态度积极,执行力强 10分由部门主管根据工作任务安排及完成及时情况,酬情扣分
  test.each([
    { amount: 0, pts: 10 },
    { amount: 0.5, pts: 9.5 },
    { amount: 3, pts: 7 },
    { amount: 9.99, pts: 0.01 },
    { amount: 10, pts: 0 },
  ])("gives $pts points after a deduction of $amount", ({ amount, pts }) => {
    expect(p(R, amount)).toBeCloseTo(pts, 10);
  });

  test.each([-0.01, -1, 10.01, 11])("refuses a deduction of %s (outside 0-10)", (amount) => {
    expectRefused(() => p(R, amount));
  });

  test("is found under the seed's full wording 工作态度积极,执行力强", () => {
    expect(p("工作态度积极,执行力强", 3)).toBe(7);
  });

  test("leaves a blank unscored (null)", () => {
    expect(p(R, null)).toBeNull();
  });
});

describe("服务态度 (5分)", () => {
  const R = "服务态度";
  // 服务于其它部门服务态度 5分发生其它部门投诉,经核实是服务态度服务意识问题,酬情扣2-3分。
  // (readings.md: 2-3 per complaint, never below 0)
  test.each([
    { amount: 0, pts: 5 },
    { amount: 2, pts: 3 },
    { amount: 2.5, pts: 2.5 },
    { amount: 3, pts: 2 },
    { amount: 4, pts: 1 },
    { amount: 5, pts: 0 },
    { amount: 6, pts: 0 },
    { amount: 9, pts: 0 },
  ])("gives $pts points after a deduction of $amount (complaints × 2-3, floored at 0)", ({ amount, pts }) => {
    expect(p(R, amount)).toBe(pts);
  });

  test.each([-1, 0.5, 1, 1.99, 3.01, 3.5, 3.99])("refuses a deduction of %s (not 0 and not k × 2-3 for any k)", (amount) => {
    expectRefused(() => p(R, amount));
  });

  test("is found under the seed's wording 服务于其它部门服务态度", () => {
    expect(p("服务于其它部门服务态度", 2)).toBe(3);
  });

  test("leaves a blank unscored (null)", () => {
    expect(p(R, null)).toBeNull();
  });
});

describe("template names", () => {
  // 售前技术支持(部门)员工绩效考评责任书(绩效合约)
  test("is found under the seed's heading 售前技术支持(部门)员工绩效考评责任书(绩效合约)", () => {
    expect(scorer("售前技术支持(部门)员工绩效考评责任书(绩效合约)")("工作计划按时完成率", 0.9)).toBe(10);
  });
});

describe(`${T} grades`, () => {
  // 关键业绩指标(KPI)考评得分=(定量指标得分*权重)+(定性指标得分*权重) (no grade scale printed)
  test.each([0, 60, 90, 100])("has no grade scale, so a total of %s has no grade", (total) => {
    expect(g(total)).toBeNull();
  });
});
