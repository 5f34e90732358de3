import { defaultCatalog } from "../../src/catalog";
import { assess, fullMarks, type RuleInput } from "../../src/engine";

// Whole assessments worked out by hand from the seed's rules; the arithmetic is in each comment.
const catalog = defaultCatalog();
const run = (template: string, inputs: Record<string, RuleInput>) => assess(catalog.findTemplate(template), inputs, catalog);

describe("whole assessments, worked by hand", () => {
  test("售前技术支持工程师岗位绩效考核指标(KPI): a weak month", () => {
    // 4 unsolved customers ≤5 → 25; satisfaction 85 ≥85 → 10; 0 unvisited → 15; 3 complaints 15−15 → 0;
    // exam exactly 80 (neither 大于80 nor 小于80: read as 5) + 3 cases capped at +5 → 10; 6 missed reports 超过5次 → 0.
    // 25 + 10 + 15 + 0 + 10 + 0 = 60
    const r = run("售前技术支持工程师岗位绩效考核指标(KPI)", {
      项目技术解决率: 4,
      项目支持满意度: 85,
      项目跟踪回访完成率: 0,
      客户投诉次数: 3,
      技术学习交流与成长: [80, 3],
      日报总结: [6, "deep"],
    });
    expect(r.rules.map((x) => x.points)).toEqual([25, 10, 15, 0, 10, 0]);
    expect(r.total).toBe(60);
    expect(r.grade).toBeNull();
  });

  test("售前售后技术支持绩效考核模板: KPI and 非KPI sections", () => {
    // 完成率 75% ≥70% → 7; records: 1 finding ×5 and 3 at discretion → 40−5−3 = 32; feedback late, 2 deducted → 13;
    // satisfaction 55% (between 低于50% and 达60%) → 0; exam not taken (blank) → 0; attitude −1 → 9; service −3 → 2.
    // KPI 7+32+13+0+0 = 52; 非KPI 9+2 = 11; total 63
    const r = run("售前售后技术支持绩效考核模板", {
      工作计划按时完成率: "75%",
      售后跟踪记录完整性: [1, 3],
      客户信息反馈及时率: 2,
      客户满意度: 0.55,
      专业知识考核成绩: null,
      工作态度: 1,
      服务态度: 3,
    });
    expect(r.sections.map((s) => s.subtotal)).toEqual([52, 11]);
    expect(r.total).toBe(63);
  });

  test("售前经理绩效考核评分表: section weights 80% / 20%", () => {
    // 90 × 80% + 70 × 20% = 72 + 14 = 86
    expect(run("售前经理绩效考核评分表", { 个人关键指标达成情况: 90, 个人工作表现: 70 }).total).toBe(86);
  });

  test("鸿数-技术支持绩效考核: rater blend, adjustments, grade", () => {
    // 文档撰写 5×0.8 + 3×0.2 = 4.6; 工作量 8×0.8 + 10×0.2 = 8.4; 工作态度 3×0.8 + 5×0.2 = 3.4 → 16.4
    // 投诉 1 × −10; POC 2 × +10; 技术创新 +10; 新客户商机 4 × +20 → +100; total 116.4 → A杰出 (110分以上)
    const inputs: Record<string, RuleInput> = {
      文档撰写: { supervisor: 5, self: 3 },
      工作量: { supervisor: 8, self: 10 },
      工作态度: { supervisor: 3, self: 5 },
      投诉: 1,
      poc成功且客户下单成功: 2,
      技术创新: 10,
      新客户商机获取: 4,
    };
    const r = run("鸿数-技术支持绩效考核", inputs);
    // Row points are kept unrounded (3×0.8 + 5×0.2 is 3.4000000000000004 in binary); only the total is rounded.
    r.rules.slice(0, 3).forEach((x, i) => expect(x.points).toBeCloseTo([4.6, 8.4, 3.4][i], 12));
    expect(r.adjustmentTotal).toBe(100);
    expect(r.total).toBe(116.4);
    expect(r.grade?.label.zh).toBe("A杰出");
    // 严重涉密事件: KPI 0分 — the KPI section (文档撰写 4.6) is zeroed: 116.4 − 4.6 = 111.8, still A.
    const vetoed = run("鸿数-技术支持绩效考核", { ...inputs, 严重涉密事件: 1 });
    expect(vetoed.sections.find((s) => s.id === "kpi")?.subtotal).toBe(0);
    expect(vetoed.total).toBe(111.8);
    // A missing self score leaves that row, and so the total, blank.
    const noSelf = run("鸿数-技术支持绩效考核", { ...inputs, 工作量: 8 });
    expect(noSelf.total).toBeNull();
    expect(noSelf.missing.map((m) => m.zh)).toEqual(["工作量"]);
  });

  test("3-高级售前技术工程师绩效考核表: 0-10 scores × weights, grade read from the rounded total", () => {
    // 9×30% + 8×25% + 7×20% + 10×15% + 6×10% = 2.7 + 2.0 + 1.4 + 1.5 + 0.6 = 8.2 of 10 → 82 of 100 → 良好
    const r = run("3-高级售前技术工程师绩效考核表", {
      专业知识与技术能力: 9, 客户沟通与需求理解: 8, 解决问题的能力: 7, 团队合作: 10, 公司业务贡献: 6,
    });
    expect(r.total).toBe(82);
    expect(r.grade?.code).toBe("良好");
    // 8.9995 everywhere: 89.995 (89.99499999999999 in binary) rounds to 90.00 → 优秀, as Excel's ROUND would.
    const edge = run("3-高级售前技术工程师绩效考核表", {
      专业知识与技术能力: 8.9995, 客户沟通与需求理解: 8.9995, 解决问题的能力: 8.9995, 团队合作: 8.9995, 公司业务贡献: 8.9995,
    });
    expect(edge.total).toBe(90);
    expect(edge.grade?.code).toBe("优秀");
  });

  test("淘宝售前kpi考核: two-input response rule, ratios, attendance, capped good-review bonus", () => {
    // 首问25秒 ≤30 but 平均70秒 >60 → 3; 服务态度 85 → 8; 差评 1 主责 + 1 次责: 5−5−3 → 0 (never negative);
    // 成交金额 125% of average → 25; 客单价 exactly 100% (100%以下) → 5; 转化率 85% → 15; 全勤 → 2;
    // 业务技能 92 → 3; 服从力 one item unmet → 0; 好评 2 × +5 capped at 5 → +5.
    // 3+8+0 + 25+5+15 + 2+3+0 + 5 = 66
    const r = run("淘宝售前kpi考核", {
      及时响应: [25, 70], 服务态度: 85, 差评次数: [1, 1], 成交金额: 1.25, 客单价: "100%", 询单转化率: 0.85,
      出勤率: 1, 业务技能考核: 92, 服从力团队精神: 0, 好评: 2,
    });
    expect(r.sections.map((s) => s.subtotal)).toEqual([11, 45, 5]);
    expect(r.total).toBe(66);
  });

  test("3-高级售前工程师绩效考核表: four aspects, levels picked by code", () => {
    // 调研 12 (在指导下 80%); 方案 3 extra reviews, 1 low feedback: 15−3−2 = 10; 标书 1 rework, 1 failed bid: 15−2−5 = 8;
    // 资料 9; 工作态度 18 (A); 出勤 level B picked → its minimum, 15. 12+10+8+9 + 18 + 15 = 72
    const r = run("3-高级售前工程师绩效考核表", {
      售前调研情况: 12, 售前方案质量: [3, 1, 0], 招投标书质量: [1, 1], 内部资料整理与培训分享: 9, 工作态度: 18, 出勤及遵守规章制度: "B",
    });
    expect(r.sections.map((s) => s.subtotal)).toEqual([39, 18, 15]);
    expect(r.total).toBe(72);
  });

  test("岗位胜任能力考评表: behaviour levels add up", () => {
    // 7 + 12 + 3 + 2 + 4 + 13 + 6 + 9 = 56
    const r = run("岗位胜任能力考评表(技术类 售前)定稿", {
      创新能力: 7, 责任心: 12, 成就导向: 3, 人才培养: 2, 专业知识: 4, 工作量: 13, 工作质量: 6, 客户导向: 9,
    });
    expect(r.total).toBe(56);
  });

  test("售前部绩效考核表 and the qualitative template add their scores", () => {
    // 14 + 9 + 7 = 30
    expect(run("售前部绩效考核表", { 方案制作: 14, 产品认识: 9, 纪律性: 7 }).total).toBe(30);
    // free scores: 8 + 7 + 9 + 6 = 30
    expect(run("3-高级售前解决方案工程师绩效考核表", { 实施高质量的售前解决方案: 8, 达成销售目标: 7, 与客户建立良好的合作关系: 9, 提升团队协作能力: 6 }).total).toBe(30);
  });

  test("a blank indicator leaves the total blank; blank adjustments add nothing", () => {
    const r = run("淘宝售前kpi考核", { 服务态度: 85 });
    expect(r.total).toBeNull();
    expect(r.grade).toBeNull();
    expect(r.missing.length).toBe(8);
    expect(r.adjustmentTotal).toBe(0);
  });

  test("an input keyed by an unknown name is refused with suggestions", () => {
    expect(() => run("support_kpi", { 满意度x: 90 })).toThrow(/项目支持满意度/);
  });
});

describe("full marks against the seed's weights", () => {
  test.each([
    ["售前售后技术支持绩效考核模板", 100], // KPI 85% + 非KPI 15%
    ["售前经理绩效考核评分表", 100], // 80% + 20%
    ["售前技术支持工程师岗位绩效考核指标(KPI)", 100], // 35+15+15+15+10+10
    ["岗位胜任能力考评表(技术类 售前)定稿", 75], // 10+15+5+5+5+25+10; page 2 is missing from the seed
    ["鸿数-技术支持绩效考核", 20], // only 文档撰写 5, 工作量 10, 工作态度 5 are legible
    ["3-高级售前技术工程师绩效考核表", 100], // 30+25+20+15+10 %, scored 0-10
    ["售前部绩效考核表", 35], // 方案制作 15 + 产品认识 10 + 纪律性 10 (the rest is not in the seed)
    ["淘宝售前kpi考核", 100], // 服务质量 20 + 成交业绩 70 + 工作表现 10
    ["3-高级售前工程师绩效考核表", 100], // 业绩 60 + 工作态度 20 + 出勤 20
  ])("%s: %p", (name, marks) => {
    expect(fullMarks(catalog.findTemplate(name))).toBeCloseTo(marks, 9);
  });

  test("the qualitative template has no full marks (free scores, no weights)", () => {
    expect(fullMarks(catalog.findTemplate("3-高级售前解决方案工程师绩效考核表"))).toBe(Infinity);
  });
});
