import { installCustomFunctionsStub, setDisplayLanguage, CustomFunctionsError } from "../support/customFunctions";
installCustomFunctionsStub();

import * as KPI from "../../src/functions/functions";
import { setDefaultTemplate, setLanguageOverride } from "../../src/functions/state";

function excelError(f: () => unknown): CustomFunctionsError {
  try {
    f();
  } catch (e) {
    if (e instanceof CustomFunctionsError) return e;
    throw new Error(`expected a CustomFunctions.Error, got ${String(e)}`);
  }
  throw new Error("expected an Excel error");
}

beforeEach(() => {
  setDisplayLanguage("zh-CN");
  setLanguageOverride(null);
  setDefaultTemplate(null);
});

describe("KPI.BAND", () => {
  test("gives the policy's points for a typed value, a percentage text and numeric text", () => {
    expect(KPI.band(92, "support_kpi/satisfaction")).toBe(12);
    expect(KPI.band("95", "support_kpi/satisfaction")).toBe(15);
    expect(KPI.band("92%", "售前售后技术支持绩效考核模板/客户满意度")).toBe(10);
  });

  test("a blank cell gives a blank, never full marks", () => {
    expect(KPI.band(null, "support_kpi/satisfaction")).toBe("");
    expect(KPI.band("", "support_kpi/satisfaction")).toBe("");
  });

  test("text that is not a number gives #VALUE! saying what to type, in Chinese or English", () => {
    const zh = excelError(() => KPI.band("很好", "support_kpi/satisfaction"));
    expect(zh.code).toBe("#VALUE!");
    expect(zh.message).toContain("项目支持满意度");
    setDisplayLanguage("en-US");
    const en = excelError(() => KPI.band("very good", "support_kpi/satisfaction"));
    expect(en.message).toContain("is not a number");
  });

  test("a rule that is not a band rule says to use KPI.SCORE", () => {
    const e = excelError(() => KPI.band(1, "support_kpi/customer_complaints"));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("KPI.SCORE");
  });

  test("an unknown rule gives #N/A with the nearest names", () => {
    const e = excelError(() => KPI.band(92, "support_kpi/满意度x"));
    expect(e.code).toBe("#N/A");
    expect(e.message).toContain("项目支持满意度");
  });

  test("a bare name resolves in the workbook's default template first, then where it is unique", () => {
    expect(KPI.band(92, "项目支持满意度")).toBe(12); // unique in the catalog
    const ambiguous = excelError(() => KPI.score(8, "工作量"));
    expect(ambiguous.code).toBe("#N/A");
    expect(ambiguous.message).toContain("competency_presales/workload");
    expect(ambiguous.message).toContain("hongshu_support/workload");
    setDefaultTemplate("competency_presales");
    expect(KPI.score(8, "工作量")).toBe(8);
  });

  test("a number where the rule name belongs is refused", () => {
    expect(excelError(() => KPI.band(92, 5 as unknown as string)).code).toBe("#VALUE!");
  });
});

describe("KPI.SCORE", () => {
  test("scores deductions, adjustments, levels and two-input rules", () => {
    expect(KPI.score(2, "support_kpi/customer_complaints")).toBe(5);
    expect(KPI.score(2, "hongshu_support/投诉")).toBe(-20);
    expect(KPI.score("A", "senior_presales_engineer/work_attitude")).toBe(18);
    expect(KPI.score(25, "淘宝售前kpi考核/及时响应", [[70]])).toBe(3);
    expect(KPI.score(3, "senior_presales_engineer/售前方案质量", [[1, 0]])).toBe(10);
  });

  test("a blank further input counts as 0", () => {
    expect(KPI.score(96, "support_kpi/learning_growth", [[null]])).toBe(10);
    // Excel passes null for an omitted optional argument; the declared type cannot say so (see furtherInputs).
    expect(KPI.score(96, "support_kpi/learning_growth", null as unknown as any[][])).toBe(10);
  });

  test("92 typed for a rate gives #VALUE! suggesting 92%", () => {
    const e = excelError(() => KPI.score(92, "售前售后技术支持绩效考核模板/客户满意度"));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("92%");
  });

  test("a level score outside every level is refused", () => {
    expect(excelError(() => KPI.score(0, "competency_presales/professional_knowledge")).code).toBe("#VALUE!");
  });
});

describe("KPI.GRADE and KPI.TOTAL", () => {
  test("gives the grade label in the display language", () => {
    expect(KPI.grade(100.5, "hongshu_support")).toBe("C称职");
    setDisplayLanguage("en-US");
    expect(KPI.grade(110, "鸿数-技术支持绩效考核")).toMatch(/^A /);
    expect(KPI.grade("", "hongshu_support")).toBe("");
  });

  test("a template without grades gives #VALUE!", () => {
    expect(excelError(() => KPI.grade(90, "support_kpi")).message).toContain("没有等级标准");
  });

  test("totals a row of points in KPI.RULES order with weights, raters and vetoes", () => {
    // 售前经理: 90 × 80% + 70 × 20% = 86
    expect(KPI.total([[90, 70]], "presales_manager")).toBe(86);
    // 鸿数: (5,3) (8,10) (3,5) blended → 4.6 + 8.4 + 3.4 = 16.4; 投诉 −10, veto no, rest blank → 6.4
    const row = [5, 3, 8, 10, 3, 5, -10, null, null, 0, null, null, null, null];
    expect(KPI.total([row], "hongshu_support")).toBe(6.4);
    // 严重涉密 = 1 zeroes the KPI section (文档撰写 4.6): 6.4 − 4.6 = 1.8
    const vetoed = [...row];
    vetoed[9] = 1;
    expect(KPI.total([vetoed], "hongshu_support")).toBe(1.8);
  });

  test("a blank indicator gives a blank total; a wrong count of points says how many are needed", () => {
    expect(KPI.total([[90, null]], "presales_manager")).toBe("");
    expect(excelError(() => KPI.total([[90]], "presales_manager")).message).toContain("2");
  });
});

describe("the generic forms", () => {
  test("KPI.BLEND: supervisor 80% by default", () => {
    expect(KPI.blend(90, 80)).toBeCloseTo(88, 12);
    expect(KPI.blend(90, 80, "70%")).toBeCloseTo(87, 12);
    expect(KPI.blend(90, "")).toBe("");
    expect(excelError(() => KPI.blend(90, 80, 80)).code).toBe("#VALUE!");
  });

  test("KPI.DEDUCT and KPI.BONUS", () => {
    expect(KPI.deduct(2, 5, 15)).toBe(5);
    expect(KPI.deduct(4, 5, 15)).toBe(0);
    expect(KPI.deduct(4, 5, 15, 3)).toBe(3);
    expect(KPI.bonus(2, 2, 5)).toBe(4);
    expect(KPI.bonus(3, 2, 5)).toBe(5);
    expect(excelError(() => KPI.deduct(-1, 5, 15)).code).toBe("#VALUE!");
    expect(excelError(() => KPI.bonus(1.5, 2, 5)).code).toBe("#VALUE!");
  });

  test("KPI.TABLE: thresholds typed in the sheet, any order, each direction", () => {
    const t = [[80], [95], [90], [85]];
    const p = [[5], [15], [12], [10], [0]];
    expect(KPI.table(92, t, p)).toBe(12);
    expect(KPI.table(79, t, p)).toBe(0);
    expect(KPI.table(95, t, p, ">")).toBe(12);
    expect(KPI.table(4, [[0], [3], [5]], [[15], [12], [10], [0]], "<=")).toBe(10);
    expect(excelError(() => KPI.table(79, t, [[5], [15], [12], [10]])).code).toBe("#VALUE!");
    expect(excelError(() => KPI.table(79, t, p, "=>")).code).toBe("#VALUE!");
  });
});

describe("KPI.EXPLAIN and KPI.RULES", () => {
  test("explains which band applied, in the pane's language when switched", () => {
    expect(KPI.explain(92, "support_kpi/satisfaction")).toContain("≥ 90");
    setLanguageOverride("en");
    expect(KPI.explain(92, "support_kpi/satisfaction")).toContain("12 points");
  });

  test("lists a template's rules as a table that spills, raters listed separately", () => {
    const rows = KPI.rules("hongshu_support");
    expect(rows[0]).toEqual(["引用", "名称", "评分人", "输入说明", "分值范围"]);
    expect(rows[1][0]).toBe("hongshu_support/documentation");
    expect(rows[1][2]).toBe("上级");
    expect(rows[2][2]).toBe("自评");
    expect(rows).toHaveLength(1 + 14);
    expect(rows.every((r) => r.length === 5)).toBe(true);
  });

  test("without a template: the default template, else every template", () => {
    expect(KPI.rules(null).length).toBeGreaterThan(50);
    setDefaultTemplate("support_kpi");
    expect(KPI.rules(null)).toHaveLength(7);
  });
});
