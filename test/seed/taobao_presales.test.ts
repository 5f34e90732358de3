// 淘宝售前kpi考核 (淘宝客服部员工绩效考核): 服务质量 20%, 成交业绩 70%, 工作表现 10%; points mode.
import { expectRefused, grader, rateRows, rows, scorer } from "./helpers";

const T = "淘宝售前kpi考核";
const p = scorer(T);
const g = grader(T);

describe("及时响应 (5%)", () => {
  const R = "及时响应";
  // 首问30内,平均60内5 首问30内,平均超60 3 首问超30,平均60内2 首问超30,平均超60 0
  test.each([
    { first: 0, avg: 0, pts: 5 },
    { first: 29, avg: 59, pts: 5 },
    { first: 30, avg: 60, pts: 5 },
    { first: 30, avg: 59, pts: 5 },
    { first: 29, avg: 60, pts: 5 },
    { first: 30, avg: 61, pts: 3 },
    { first: 29, avg: 61, pts: 3 },
    { first: 30, avg: 60.5, pts: 3 },
    { first: 31, avg: 60, pts: 2 },
    { first: 31, avg: 59, pts: 2 },
    { first: 30.5, avg: 60, pts: 2 },
    { first: 31, avg: 61, pts: 0 },
    { first: 120, avg: 300, pts: 0 },
  ])("gives $pts points with a first reply in $first s and an average reply in $avg s", ({ first, avg, pts }) => {
    expect(p(R, first, avg)).toBe(pts);
  });

  test("leaves the row unscored (null) when nothing is typed", () => {
    expect(p(R, null, null)).toBeNull();
  });
});

describe("服务态度 (10%)", () => {
  const R = "服务态度";
  // 90分以上10 80-90分8 70-80分6 60-70分4 60分以下0   (readings.md: 60分以下 includes 60)
  test.each(
    rows([
      [0, 0],
      [59.99, 0],
      [60, 0],
      [60.01, 4],
      [60.5, 4],
      [69.99, 4],
      [70, 6],
      [70.01, 6],
      [79.99, 6],
      [80, 8],
      [80.01, 8],
      [89.99, 8],
      [90, 10],
      [90.01, 10],
      [100, 10],
    ]),
  )("gives $pts points for a monthly service score of $x", ({ x, pts }) => {
    expect(p(R, x)).toBe(pts);
  });

  test("leaves a blank score unscored (null)", () => {
    expect(p(R, null)).toBeNull();
  });
});

describe("差评次数 (5%)", () => {
  const R = "差评次数";
  // 无差评5分 一次差评扣5分 次要责任导致差评扣3分   (never below 0)
  test.each([
    { main: 0, minor: 0, pts: 5 },
    { main: 1, minor: 0, pts: 0 },
    { main: 2, minor: 0, pts: 0 },
    { main: 3, minor: 0, pts: 0 },
    { main: 0, minor: 1, pts: 2 },
    { main: 0, minor: 2, pts: 0 },
    { main: 0, minor: 3, pts: 0 },
    { main: 1, minor: 1, pts: 0 },
  ])("gives $pts points with $main main-responsibility and $minor minor-responsibility bad reviews", ({ main, minor, pts }) => {
    expect(p(R, main, minor)).toBe(pts);
  });

  test("counts blank minor-responsibility reviews as none (readings.md: blank zero)", () => {
    expect(p(R, 0, null)).toBe(5);
  });

  test("leaves the row unscored (null) when the main-responsibility count is blank", () => {
    expect(p(R, null, null)).toBeNull();
  });
});

describe("成交金额 (30%)", () => {
  const R = "成交金额";
  // 大于150%30 120%-150%25 110%-120%20 100%-110%15 90%-100%8 小于90%5
  test.each(
    rateRows([
      [0, 5],
      [0.899, 5],
      [0.9, 8],
      [0.901, 8],
      [0.999, 8],
      [1, 15],
      [1.001, 15],
      [1.099, 15],
      [1.1, 20],
      [1.101, 20],
      [1.199, 20],
      [1.2, 25],
      [1.201, 25],
      [1.499, 25],
      [1.5, 25],
      [1.501, 30],
      [3, 30],
    ]),
  )("gives $pts points when sales reach $at of the brand's monthly average", ({ x, pts }) => {
    expect(p(R, x)).toBe(pts);
  });

  test("leaves a blank ratio unscored (null)", () => {
    expect(p(R, null)).toBeNull();
  });
});

describe("客单价 (20%)", () => {
  const R = "客单价";
  // 大于均值150%20 120%-150%15 100%-120%10 100%以下5   (100%以下 includes 100%)
  test.each(
    rateRows([
      [0.5, 5],
      [0.999, 5],
      [1, 5],
      [1.001, 10],
      [1.199, 10],
      [1.2, 15],
      [1.201, 15],
      [1.499, 15],
      [1.5, 15],
      [1.501, 20],
      [2, 20],
    ]),
  )("gives $pts points when the average order value is $at of the mean", ({ x, pts }) => {
    expect(p(R, x)).toBe(pts);
  });

  test("leaves a blank ratio unscored (null)", () => {
    expect(p(R, null)).toBeNull();
  });
});

describe("询单转化率 (20%)", () => {
  const R = "询单转化率";
  // 90%以上20 80%-90%15 70%-80%10 60%-70%8 60%以下5
  test.each(
    rateRows([
      [0, 5],
      [0.599, 5],
      [0.6, 5],
      [0.601, 8],
      [0.699, 8],
      [0.7, 10],
      [0.701, 10],
      [0.799, 10],
      [0.8, 15],
      [0.801, 15],
      [0.899, 15],
      [0.9, 20],
      [0.901, 20],
      [1, 20],
    ]),
  )("gives $pts points at a $at inquiry conversion rate", ({ x, pts }) => {
    expect(p(R, x)).toBe(pts);
  });

  test("leaves a blank rate unscored (null)", () => {
    expect(p(R, null)).toBeNull();
  });
});

describe("出勤率 (2%)", () => {
  const R = "出勤率";
  // 全勤2 有迟到早退现象0 有事假病假0 有矿工现象0
  test.each([
    { x: 1, what: "full attendance", pts: 2 },
    { x: 0, what: "any lateness, leave or absence", pts: 0 },
  ])("gives $pts points for $what ($x)", ({ x, pts }) => {
    expect(p(R, x)).toBe(pts);
  });

  test.each([-1, 0.5, 2])("refuses %s (yes/no is 1 or 0)", (x) => {
    expectRefused(() => p(R, x));
  });

  test("leaves a blank unscored (null)", () => {
    expect(p(R, null)).toBeNull();
  });
});

describe("业务技能考核 (3%)", () => {
  const R = "业务技能考核";
  // 90以及以上3 80-90 2 70-80 0 70以下0
  test.each(
    rows([
      [0, 0],
      [69.99, 0],
      [70, 0],
      [70.01, 0],
      [79.5, 0],
      [79.99, 0],
      [80, 2],
      [80.01, 2],
      [89.99, 2],
      [90, 3],
      [90.01, 3],
      [100, 3],
    ]),
  )("gives $pts points for a skills assessment of $x", ({ x, pts }) => {
    expect(p(R, x)).toBe(pts);
  });

  test("leaves a blank score unscored (null)", () => {
    expect(p(R, null)).toBeNull();
  });
});

describe("服从力团队精神 (5%)", () => {
  const R = "服从力团队精神";
  // 听从上级安排、有团队精神、配合其他项目活动调动 … 如若有一项未满足0
  test.each([
    { x: 1, what: "all three met", pts: 5 },
    { x: 0, what: "one of the three not met", pts: 0 },
  ])("gives $pts points when $what ($x)", ({ x, pts }) => {
    expect(p(R, x)).toBe(pts);
  });

  test.each([-1, 0.5, 2])("refuses %s (yes/no is 1 or 0)", (x) => {
    expectRefused(() => p(R, x));
  });

  test("leaves a blank unscored (null)", () => {
    expect(p(R, null)).toBeNull();
  });
});

describe("好评加分 (adjustment)", () => {
  const R = "好评加分";
  // 一次好评加5分 … 有好评+5分(封顶   (readings.md: the cap is cut off in the seed; read as 5 a month)
  test.each([
    { n: 0, pts: 0 },
    { n: 1, pts: 5 },
    { n: 2, pts: 5 },
    { n: 3, pts: 5 },
    { n: 10, pts: 5 },
  ])("gives $pts points for $n good reviews (5 each, capped at 5)", ({ n, pts }) => {
    expect(p(R, n)).toBe(pts);
  });

  test("leaves a blank unscored (null)", () => {
    expect(p(R, null)).toBeNull();
  });
});

describe("names", () => {
  // 6询单转化率(转定率20%
  test("finds 询单转化率 under the seed's wording 转定率", () => {
    expect(p("转定率", 0.9)).toBe(20);
  });

  // 淘宝客服部员工绩效考核
  test("is found under the seed's heading 淘宝客服部员工绩效考核", () => {
    expect(scorer("淘宝客服部员工绩效考核")("成交金额", 1.2)).toBe(25);
  });
});

describe(`${T} grades`, () => {
  test.each([0, 60, 90, 100])("has no grade scale, so a total of %s has no grade", (total) => {
    expect(g(total)).toBeNull();
  });
});
