import { defaultCatalog } from "../../src/catalog";
import { detectTable } from "../../src/apply/detect";
import { gridFromRows, type GridValue } from "../../src/apply/grid";
import { acceptedMatches, coverage, findSlot, fuzzyScore, mapArgument, mapColumns, rankTemplates, slotsOf } from "../../src/apply/map";
import { normalizeHeader } from "../../src/apply/normalize";
import { englishRoster, gridOf, messyRoster } from "./fixtures";

const catalog = defaultCatalog();
const T = (id: string) => catalog.findTemplate(id);

function table(headers: GridValue[], rows = 3) {
  const values: GridValue[][] = [["姓名", ...headers]];
  for (let i = 0; i < rows; i++) values.push([`员工${i}`, ...headers.map((_h, c) => c + i)]);
  return detectTable(gridFromRows({ values }));
}

function mapped(templateId: string, headers: GridValue[]) {
  const mapping = mapColumns(T(templateId), table(headers));
  return mapping.matches.map((m) => [m.header, m.slot.ref, m.kind]);
}

describe("normalising headers", () => {
  test.each([
    ["客户满意度（%）", "客户满意度"],
    ["投诉\n次数", "投诉次数"],
    [" 满意度 (分) ", "满意度"],
    ["一、售前调研情况", "售前调研情况"],
    ["领导\r\n评分", "领导评分"],
    ["Customer Satisfaction [%]", "customersatisfaction"],
    ["目标（最多写5个）", "目标"],
    ["姓名:", "姓名"],
    ["(%)", "(%)"],
  ])("%j → %j", (raw, want) => expect(normalizeHeader(raw)).toBe(want));
});

describe("mapping headers to a template's inputs", () => {
  test("the messy sheet maps every support_kpi input by name or alias", () => {
    const mapping = mapColumns(T("support_kpi"), detectTable(gridOf(messyRoster())));
    expect(mapping.matches.map((m) => [m.col, m.slot.ref, m.kind])).toEqual([
      [4, "resolution", "alias"],
      [5, "satisfaction", "alias"],
      [6, "follow_up_visits", "alias"],
      [7, "customer_complaints", "exact"],
      [8, "learning_growth", "exact"],
      [9, "learning_growth.shared_cases", "alias"],
      [10, "daily_report", "exact"],
      [11, "daily_report.quality", "alias"],
    ]);
    expect(mapping.ignored.map((i) => [i.col, i.reason])).toEqual([
      [1, "staff"],
      [2, "name"],
      [3, "staff"],
      [12, "staff"],
    ]);
  });

  test("the synonym table: 满意度 → 客户满意度, 投诉 → 客户投诉次数, 回访未完成数 → 未回访项目数", () => {
    expect(mapped("support_service", ["满意度"])).toEqual([["满意度", "customer_satisfaction", "synonym"]]);
    expect(mapped("support_kpi", ["投诉", "回访未完成数"])).toEqual([
      ["投诉", "customer_complaints", "synonym"],
      ["回访未完成数", "follow_up_visits", "synonym"],
    ]);
  });

  test("fuzzy matches carry their similarity and stay proposals", () => {
    const mapping = mapColumns(T("support_kpi"), table(["项目支持满意度评价"]));
    expect(mapping.matches).toHaveLength(1);
    expect(mapping.matches[0]).toMatchObject({ kind: "fuzzy", slot: { ref: "satisfaction" } });
    expect(mapping.matches[0].score).toBeGreaterThanOrEqual(0.6);
    expect(acceptedMatches(mapping, ["fuzzy"])).toEqual([]);
  });

  test("short unrelated headers match nothing", () => {
    expect(mapped("competency_presales", ["ad", "num", "x"])).toEqual([]);
    expect(fuzzyScore("ad", "leadership")).toBeLessThan(0.6);
  });

  test("a name every rule of a template shares (评分) matches none of them by name", () => {
    expect(mapped("senior_tech_engineer", ["评分"]).filter((m) => m[2] !== "fuzzy")).toEqual([]);
  });

  test("English headers map through English names and aliases", () => {
    const mapping = mapColumns(T("senior_tech_engineer"), detectTable(gridOf(englishRoster())));
    expect(mapping.matches.map((m) => [m.header, m.slot.ref, m.kind])).toEqual([
      ["Technical expertise", "expertise", "alias"],
      ["Customer communication", "customer_communication", "alias"],
      ["Problem solving", "problem_solving", "exact"],
      ["Teamwork", "teamwork", "exact"],
      ["Business contribution", "business_contribution", "alias"],
    ]);
  });

  test("rater templates: the bare name is the supervisor's score, ·自评 or a 自评 sub-header the self score", () => {
    expect(mapped("hongshu_support", ["文档撰写", "文档撰写·自评", "工作量上级评分", "工作量自评"])).toEqual([
      ["文档撰写", "documentation", "exact"],
      ["文档撰写·自评", "documentation@self", "exact"],
      ["工作量上级评分", "workload", "alias"],
      ["工作量自评", "workload@self", "alias"],
    ]);
    const d = detectTable(
      gridFromRows({
        values: [
          ["姓名", "工作态度", null],
          [null, "上级评分", "自评"],
          ["甲", 20, 18],
          ["乙", 15, 16],
        ],
        merges: ["A1:A2", "B1:C1"],
      }),
    );
    expect(mapColumns(T("hongshu_support"), d).matches.map((m) => m.slot.ref)).toEqual(["work_attitude", "work_attitude@self"]);
  });

  test("columns the user mapped or rejected are never guessed", () => {
    const d = table(["满意度", "投诉", "另一列"]);
    const manual = new Map<number, string | null>([
      [3, null],
      [4, "客户投诉次数"],
    ]);
    const mapping = mapColumns(T("support_kpi"), d, { manual });
    expect(mapping.matches.map((m) => [m.col, m.slot.ref, m.kind])).toEqual([
      [2, "satisfaction", "alias"],
      [4, "customer_complaints", "manual"],
    ]);
  });

  test("a slot is named by its ref, a further input's label, a roster header or @self", () => {
    expect(findSlot(T("support_kpi"), "learning_growth.shared_cases")?.ref).toBe("learning_growth.shared_cases");
    expect(findSlot(T("support_kpi"), "技术学习交流与成长·成功经验例数")?.ref).toBe("learning_growth.shared_cases");
    expect(findSlot(T("support_kpi"), "support_kpi/satisfaction")?.ref).toBe("satisfaction");
    expect(findSlot(T("hongshu_support"), "documentation@self")?.ref).toBe("documentation@self");
    expect(findSlot(T("support_kpi"), "nonsense")).toBeUndefined();
    expect(slotsOf(T("hongshu_support")).filter((s) => s.found.scope === "indicator").length).toBe(6);
  });

  test("coverage names what is missing: indicators (no total), adjustments, further inputs (counted as 0)", () => {
    const mapping = mapColumns(T("support_kpi"), table(["满意度", "客户投诉次数", "技术学习交流与成长"]));
    const c = coverage(T("support_kpi"), mapping.matches);
    expect(c.scored.map((f) => f.rule.id)).toEqual(["satisfaction", "customer_complaints", "learning_growth"]);
    expect(c.missingIndicators.map((f) => f.rule.id)).toEqual(["resolution", "follow_up_visits", "daily_report"]);
    expect(c.zeroInputs.map((s) => s.ref)).toEqual(["learning_growth.shared_cases"]);
  });

  test("proposed --map arguments use the header, or the column letter when headers repeat", () => {
    const d = table(["满意度", "满意度"]);
    const mapping = mapColumns(T("support_service"), d);
    expect(mapArgument(mapping.matches[0], d)).toBe("B=customer_satisfaction");
    const single = table(["满意度"]);
    expect(mapArgument(mapColumns(T("support_service"), single).matches[0], single)).toBe("满意度=customer_satisfaction");
  });

  test("templates are ranked by how well their inputs match the headers", () => {
    const ranked = rankTemplates(catalog, detectTable(gridOf(messyRoster())));
    expect(ranked[0].template.id).toBe("support_kpi");
    expect(rankTemplates(catalog, detectTable(gridOf(englishRoster())))[0].template.id).toBe("senior_tech_engineer");
  });
});
