// 售前技术支持工程师岗位绩效考核指标(KPI) (售前技术工程师考核表): six rows, points mode.
import { grader, rows, scorer, expectRefused } from "./helpers";

const T = "售前技术支持工程师岗位绩效考核指标(KPI)";
const p = scorer(T);
const g = grader(T);

describe("项目技术解决率 (35%)", () => {
  const R = "项目技术解决率";
  // 1)均能按时解决项目技术调试问题,得35分; 2)未及时独立解决项目客户数量≤3个,得30分; 3)未及时独立解决项目客户数量≤5个,得25分;
  // 4)未及时独立解决项目客户数量≤10个,得20分; 5)未及时独立解决项目客户数量>10个,得10分
  test.each(
    rows([
      [0, 35],
      [1, 30],
      [2, 30],
      [3, 30],
      [4, 25],
      [5, 25],
      [6, 20],
      [9, 20],
      [10, 20],
      [11, 10],
      [50, 10],
    ]),
  )("gives $pts points with $x customers not solved independently on time", ({ x, pts }) => {
    expect(p(R, x)).toBe(pts);
  });

  test("leaves a blank count unscored (null)", () => {
    expect(p(R, null)).toBeNull();
  });
});

describe("项目支持满意度 (15%)", () => {
  const R = "项目支持满意度";
  // 1)项目支持满意度≥95分,得15分; 2)项目支持满意度≥90分,得12分; 3)项目支持满意度≥85分,得10分; 4)项目支持满意度≥80分,得5分;
  // 5)项目支持满意度<80分,得0分;
  test.each(
    rows([
      [0, 0],
      [79.5, 0],
      [79.99, 0],
      [80, 5],
      [80.01, 5],
      [84.99, 5],
      [85, 10],
      [85.01, 10],
      [89.99, 10],
      [90, 12],
      [90.01, 12],
      [94.5, 12],
      [94.99, 12],
      [95, 15],
      [95.01, 15],
      [100, 15],
    ]),
  )("gives $pts points at a satisfaction score of $x", ({ x, pts }) => {
    expect(p(R, x)).toBe(pts);
  });

  test("leaves a blank score unscored (null)", () => {
    expect(p(R, null)).toBeNull();
  });
});

describe("项目跟踪回访完成率 (15%)", () => {
  const R = "项目跟踪回访完成率";
  // 1)所有项目均能定期回访,得15分; 2)未回访项目数量≤3个,得12分; 3)未回访项目数量≤5个,得10分; 4)未回访项目数量≤10个,得5分;
  // 5)未回访项目数量>10个,得0分
  test.each(
    rows([
      [0, 15],
      [1, 12],
      [2, 12],
      [3, 12],
      [4, 10],
      [5, 10],
      [6, 5],
      [9, 5],
      [10, 5],
      [11, 0],
      [40, 0],
    ]),
  )("gives $pts points with $x projects not followed up", ({ x, pts }) => {
    expect(p(R, x)).toBe(pts);
  });

  test("leaves a blank count unscored (null)", () => {
    expect(p(R, null)).toBeNull();
  });
});

describe("客户投诉次数 (15%)", () => {
  const R = "客户投诉次数";
  // 1)无客户投诉,得15分; 2)客户每投诉1次扣5分.  (never below 0)
  test.each(
    rows([
      [0, 15],
      [1, 10],
      [2, 5],
      [3, 0],
      [4, 0],
      [10, 0],
    ]),
  )("gives $pts points after $x customer complaints", ({ x, pts }) => {
    expect(p(R, x)).toBe(pts);
  });

  test("leaves a blank count unscored (null)", () => {
    expect(p(R, null)).toBeNull();
  });
});

describe("技术学习交流与成长 (10%)", () => {
  const R = "技术学习交流与成长";
  // 1)培训学习成绩大于95分,得10分; 2)培训学习成绩大于90分,得8分; 3)培训学习成绩大于80分,得6分; 4)培训学习成绩小于80分,得5分;
  // (readings.md: exactly 80 falls in no printed band; an inferred band gives it 5)
  test.each(
    rows([
      [0, 5],
      [79.5, 5],
      [79.99, 5],
      [80, 5],
      [80.01, 6],
      [80.5, 6],
      [89.99, 6],
      [90, 6],
      [90.01, 8],
      [94.99, 8],
      [95, 8],
      [95.01, 10],
      [100, 10],
    ]),
  )("gives $pts points for a training score of $x and no shared success stories", ({ x, pts }) => {
    expect(p(R, x, 0)).toBe(pts);
  });

  // 同时主动提供成功经验每例加2分,最高加5分.
  test.each([
    { score: 96, cases: 0, pts: 10 },
    { score: 96, cases: 1, pts: 12 },
    { score: 96, cases: 2, pts: 14 },
    { score: 96, cases: 3, pts: 15 },
    { score: 96, cases: 4, pts: 15 },
    { score: 96, cases: 10, pts: 15 },
    { score: 91, cases: 2, pts: 12 },
    { score: 85, cases: 3, pts: 11 },
    { score: 80, cases: 1, pts: 7 },
    { score: 70, cases: 3, pts: 10 },
  ])("gives $pts points for a training score of $score and $cases success stories (bonus 2 each, at most 5)", ({ score, cases, pts }) => {
    expect(p(R, score, cases)).toBe(pts);
  });

  test("counts blank success stories as none (readings.md: blank zero)", () => {
    expect(p(R, 96, null)).toBe(10);
  });

  test("leaves the row unscored (null) when the training score is blank", () => {
    expect(p(R, null, null)).toBeNull();
  });
});

describe("日报总结 (10%)", () => {
  const R = "日报总结";
  // 1)每未提交1次扣一分,超过5次为0分;
  test.each(
    rows([
      [0, 10],
      [1, 9],
      [2, 8],
      [4, 6],
      [5, 5],
      [6, 0],
      [7, 0],
      [10, 0],
      [11, 0],
    ]),
  )("gives $pts points with $x daily reports missed and an ordinary report quality", ({ x, pts }) => {
    expect(p(R, x, 0)).toBe(pts);
  });

  // 2)总结深刻为现行问题或后期工作提供很好的解决办法加2分,内容敷衍无建设性意见扣1分.  (超过5次为0分 still wins)
  test.each([
    { missed: 0, quality: 2, pts: 12 },
    { missed: 0, quality: -1, pts: 9 },
    { missed: 4, quality: 2, pts: 8 },
    { missed: 5, quality: 2, pts: 7 },
    { missed: 5, quality: -1, pts: 4 },
    { missed: 6, quality: 2, pts: 0 },
    { missed: 6, quality: -1, pts: 0 },
    { missed: 10, quality: 2, pts: 0 },
  ])("gives $pts points with $missed reports missed and a quality score of $quality", ({ missed, quality, pts }) => {
    expect(p(R, missed, quality)).toBe(pts);
  });

  // readings.md: quality levels picked by code deep (2) / normal (0) / poor (-1)
  test.each([
    { code: "deep", pts: 12 },
    { code: "normal", pts: 10 },
    { code: "poor", pts: 9 },
  ])("gives $pts points with no reports missed and quality level $code", ({ code, pts }) => {
    expect(p(R, 0, code)).toBe(pts);
  });

  test("gives 0 points for 6 missed reports even when the summaries are deep (quality code)", () => {
    expect(p(R, 6, "deep")).toBe(0);
  });

  test.each([-2, -0.5, 0.5, 1, 1.5, 3])("refuses a quality score of %s (only 2, 0 or -1)", (quality) => {
    expectRefused(() => p(R, 0, quality));
  });

  test("counts a blank quality as ordinary (readings.md: blank zero)", () => {
    expect(p(R, 2, null)).toBe(8);
  });

  test("leaves the row unscored (null) when the missed-report count is blank", () => {
    expect(p(R, null, null)).toBeNull();
  });
});

describe("template names", () => {
  // 售前技术工程师考核表
  test("is found under the seed's document title 售前技术工程师考核表", () => {
    expect(scorer("售前技术工程师考核表")("客户投诉次数", 1)).toBe(10);
  });
});

describe(`${T} grades`, () => {
  test.each([0, 60, 90, 100])("has no grade scale, so a total of %s has no grade", (total) => {
    expect(g(total)).toBeNull();
  });
});
