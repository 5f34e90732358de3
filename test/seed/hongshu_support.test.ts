// 鸿数-技术支持绩效考核: only three rows are legible (文档撰写, 工作量, 工作态度), plus the 加减分 adjustments and the
// A-E grade scale. Raters: 上级评分 80% + 自评分 20%.
import { grader, scorer, expectRefused } from "./helpers";

const T = "鸿数-技术支持绩效考核";
const p = scorer(T);
const g = grader(T);

describe("文档撰写 (5)", () => {
  const R = "文档撰写";
  // <1>按上级要求在规定时间内准确完成,文档内容和格式基本不需要调整的(5分) <2>按上级要求在规定时间内完成,文档内容和格式需要大幅度调整的(3分)
  // <3>未按上级要求撰写的,或者超时1天以上的(0分)
  test.each([5, 3, 0])("gives exactly %s points for the level worth that score", (x) => {
    expect(p(R, x)).toBe(x);
  });

  test.each([-1, 0.5, 1, 2, 2.5, 4, 4.5, 5.5, 6])("refuses a score of %s (only 5, 3 or 0)", (x) => {
    expectRefused(() => p(R, x));
  });

  test("leaves a blank unscored (null)", () => {
    expect(p(R, null)).toBeNull();
  });
});

describe("工作量 (10)", () => {
  const R = "工作量";
  // 1、工作量很饱满,部门内部工作量排名第一(10分),并按例外加分标准酌情加分 2、工作量饱满,部门内部排名中等(8分)
  // 3、工作量不饱满,不能有效的安排工作时间,部门内部排名垫底(5分)
  test.each([10, 8, 5])("gives exactly %s points for the level worth that score", (x) => {
    expect(p(R, x)).toBe(x);
  });

  test.each([-1, 0, 4, 4.5, 6, 7, 7.5, 9, 9.5, 10.5, 11])("refuses a score of %s (only 10, 8 or 5)", (x) => {
    expectRefused(() => p(R, x));
  });

  test("leaves a blank unscored (null)", () => {
    expect(p(R, null)).toBeNull();
  });
});

describe("工作态度 (5)", () => {
  const R = "工作态度";
  // 1、对工作积极负责(5分) 工作态度 2、工作态度一般(3分) (5) 3、有令不行、消极怠工(0分)
  test.each([5, 3, 0])("gives exactly %s points for the level worth that score", (x) => {
    expect(p(R, x)).toBe(x);
  });

  test.each([-1, 0.5, 1, 2, 2.5, 4, 4.5, 5.5, 6])("refuses a score of %s (only 5, 3 or 0)", (x) => {
    expectRefused(() => p(R, x));
  });

  test("leaves a blank unscored (null)", () => {
    expect(p(R, null)).toBeNull();
  });
});

describe("adjustments (加减分)", () => {
  // 投诉 有客户投诉情况的,扣(10分/次)
  test.each([
    { n: 0, pts: 0 },
    { n: 1, pts: -10 },
    { n: 2, pts: -20 },
    { n: 3, pts: -30 },
  ])("投诉: $n complaints give $pts points", ({ n, pts }) => {
    expect(p("投诉", n)).toBe(pts);
  });

  // 1、故意做出或发表有损公司形象的事情或言论,扣(20分/次)
  test.each([
    { n: 0, pts: 0 },
    { n: 1, pts: -20 },
    { n: 2, pts: -40 },
  ])("损害公司形象: $n incidents give $pts points", ({ n, pts }) => {
    expect(p("损害公司形象", n)).toBe(pts);
  });

  // 2、出现涉密事件,视情节轻重,一般扣(10分~20分/次)
  test.each([
    { amount: 0, pts: 0 },
    { amount: 10, pts: -10 },
    { amount: 10.5, pts: -10.5 },
    { amount: 15, pts: -15 },
    { amount: 19.5, pts: -19.5 },
    { amount: 20, pts: -20 },
    { amount: 25, pts: -25 },
    { amount: 40, pts: -40 },
  ])("涉密事件: a typed deduction of $amount gives $pts points (10-20 per incident)", ({ amount, pts }) => {
    expect(p("涉密事件", amount)).toBe(pts);
  });

  test.each([-1, 1, 5, 9.5, 9.99])("涉密事件: refuses a deduction of %s (below 10 for an incident)", (amount) => {
    expectRefused(() => p("涉密事件", amount));
  });

  // 对于严重涉密事件,一次违反(KPI 0分)   (the veto zeroes the KPI section; it adds no points itself)
  test.each([0, 1])("严重涉密: contributes 0 points itself for %s", (x) => {
    expect(p("严重涉密", x)).toBe(0);
  });

  // 3、发生其它违章、违规、违纪行为,视情节扣(1~50分/次)
  test.each([
    { amount: 0, pts: 0 },
    { amount: 1, pts: -1 },
    { amount: 1.5, pts: -1.5 },
    { amount: 25, pts: -25 },
    { amount: 49.5, pts: -49.5 },
    { amount: 50, pts: -50 },
    { amount: 51, pts: -51 },
    { amount: 100, pts: -100 },
  ])("其它违纪: a typed deduction of $amount gives $pts points (1-50 per incident)", ({ amount, pts }) => {
    expect(p("其它违纪", amount)).toBe(pts);
  });

  test.each([-1, 0.5, 0.99])("其它违纪: refuses a deduction of %s (below 1 for an incident)", (amount) => {
    expectRefused(() => p("其它违纪", amount));
  });

  // 特殊贡献 3、poc成功且客户下单成功(加10分/次)
  test.each([
    { n: 0, pts: 0 },
    { n: 1, pts: 10 },
    { n: 2, pts: 20 },
    { n: 3, pts: 30 },
  ])("POC成功且客户下单: $n successes give $pts points", ({ n, pts }) => {
    expect(p("POC成功且客户下单", n)).toBe(pts);
  });

  // 4、技术创新加(5~15分)
  test.each([
    { amount: 0, pts: 0 },
    { amount: 5, pts: 5 },
    { amount: 5.5, pts: 5.5 },
    { amount: 10, pts: 10 },
    { amount: 14.5, pts: 14.5 },
    { amount: 15, pts: 15 },
  ])("技术创新: a typed amount of $amount gives $pts points", ({ amount, pts }) => {
    expect(p("技术创新", amount)).toBe(pts);
  });

  test.each([-5, -1, 1, 4.5, 4.99, 15.01, 15.5, 16, 20, 30])("技术创新: refuses an amount of %s (outside 5-15)", (amount) => {
    expectRefused(() => p("技术创新", amount));
  });

  // 5、新客户商机获取加(20分/次)
  test.each([
    { n: 0, pts: 0 },
    { n: 1, pts: 20 },
    { n: 2, pts: 40 },
  ])("新客户商机获取: $n new opportunities give $pts points", ({ n, pts }) => {
    expect(p("新客户商机获取", n)).toBe(pts);
  });

  test.each(["投诉", "损害公司形象", "涉密事件", "其它违纪", "POC成功且客户下单", "技术创新", "新客户商机获取"])(
    "%s: leaves a blank unscored (null)",
    (rule) => {
      expect(p(rule, null)).toBeNull();
    },
  );
});

describe(`${T} grades`, () => {
  // A杰出(110分以上) B优秀(101~110分) C称职(80~100分) D基本称职(60~79分) E不称职(60分以下)
  // (readings.md: a shared boundary goes to the better grade; a total between two printed ranges takes the lower grade)
  test.each([
    { total: 150, code: "A" },
    { total: 110.01, code: "A" },
    { total: 110, code: "A" },
    { total: 109.99, code: "B" },
    { total: 105, code: "B" },
    { total: 101.01, code: "B" },
    { total: 101, code: "B" },
    { total: 100.99, code: "C" },
    { total: 100.5, code: "C" },
    { total: 100.01, code: "C" },
    { total: 100, code: "C" },
    { total: 80.01, code: "C" },
    { total: 80, code: "C" },
    { total: 79.99, code: "D" },
    { total: 79.5, code: "D" },
    { total: 79, code: "D" },
    { total: 60.01, code: "D" },
    { total: 60, code: "D" },
    { total: 59.99, code: "E" },
    { total: 59.5, code: "E" },
    { total: 0, code: "E" },
    { total: -10, code: "E" },
  ])("grades a total of $total as $code", ({ total, code }) => {
    expect(g(total)).toBe(code);
  });
});
