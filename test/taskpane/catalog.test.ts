/** @jest-environment jsdom */
// 模板库 Catalog: searching the templates, a template's page, inserting its rules sheet.
import { screen, waitFor, within } from "@testing-library/react";
import { ExcelWriteError } from "../../src/excel/errors";
import { catalog } from "../../src/functions/state";
import { searchCatalog } from "../../src/taskpane/search";
import { checkWeights } from "../../src/taskpane/weights";
import { fakeServices, renderPane } from "./fake-services";

// Rendering the whole pane in jsdom and querying by role is slow; the defaults leave too little room.
jest.setTimeout(30_000);

const resultNames = () =>
  within(screen.getByRole("list"))
    .getAllByRole("button")
    .map((b) => b.querySelector("span")?.textContent ?? "");

async function search(term: string, lang: "zh" | "en" = "zh") {
  const pane = renderPane(fakeServices(), { lang });
  await pane.user.type(screen.getByRole("searchbox"), term);
  return pane;
}

describe("search", () => {
  test("typing 淘宝 finds 淘宝售前kpi考核", async () => {
    await search("淘宝");
    expect(resultNames()).toEqual(["淘宝售前kpi考核"]);
    expect(screen.getByText("1 个模板")).toBeTruthy();
  });

  test("an English term finds it too", async () => {
    await search("taobao kpi", "en");
    expect(resultNames()).toEqual(["Taobao Pre-sales Customer Service KPI Assessment"]);
  });

  test("a rule's alias finds its template and names the indicator that matched", async () => {
    await search("转定率");
    expect(resultNames()).toEqual(["淘宝售前kpi考核"]);
    expect(screen.getByText("匹配指标:询单转化率")).toBeTruthy();
  });

  test("an English alias of a rule finds its template", () => {
    const hits = searchCatalog(catalog().templates, "Follow-up completion");
    expect(hits.map((h) => h.template.id)).toEqual(["support_kpi"]);
    expect(hits[0].rules.map((f) => f.rule.id)).toEqual(["follow_up_visits"]);
  });

  test("nothing found says what to try", async () => {
    await search("不存在的模板");
    expect(screen.getByText("没有找到“不存在的模板”。试试模板名、指标名或它们的别名。")).toBeTruthy();
  });
});

describe("a template's page", () => {
  async function openTemplate(name: string, lang: "zh" | "en" = "zh") {
    const pane = renderPane(fakeServices(), { lang });
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    await pane.user.click(screen.getByRole("button", { name: new RegExp(`^${escaped}`) }));
    return pane;
  }

  test("shows sections, weights checked against what the template states, and each criterion verbatim", async () => {
    await openTemplate("售前售后技术支持绩效考核模板");
    expect(screen.getByRole("heading", { name: "售前售后技术支持绩效考核模板" })).toBeTruthy();
    const weights = screen.getByRole("region", { name: "权重核对" });
    expect(within(weights).getByText("KPI:各项合计 85,与该部分标注的 85 一致 ✓")).toBeTruthy();
    expect(within(weights).getByText("各部分合计 100% ✓")).toBeTruthy();
    const template = catalog().findTemplate("support_service");
    const rule = template.sections[0].indicators[0];
    const block = screen.getByRole("article", { name: rule.name.zh });
    expect(block.textContent).toContain(rule.criterion.zh);
    expect(within(block).getByText("权重 10")).toBeTruthy();
  });

  test("shows each rule as a small table of bands and points, with its summary", async () => {
    await openTemplate("售前技术支持工程师岗位绩效考核指标(KPI)");
    const table = screen.getByRole("table", { name: "项目支持满意度的评分表" });
    const rows = within(table)
      .getAllByRole("row")
      .map((r) =>
        within(r)
          .queryAllByRole("cell")
          .map((c) => c.textContent),
      );
    expect(rows.slice(1)).toEqual([
      ["(以下)", "(以下)", "0"],
      ["80", "≥", "5"],
      ["85", "≥", "10"],
      ["90", "≥", "12"],
      ["95", "≥", "15"],
    ]);
    const block = screen.getByRole("article", { name: "项目支持满意度" });
    expect(block.textContent).toContain("评分办法:≥ 95→15; ≥ 90→12; ≥ 85→10; ≥ 80→5; < 80→0");
  });

  test("shows the grade scale and the notes on how the seed was read", async () => {
    await openTemplate("鸿数-技术支持绩效考核");
    const grades = screen.getByRole("table", { name: "等级标准" });
    expect(within(grades).getByText("A杰出")).toBeTruthy();
    expect(within(grades).getAllByRole("row")).toHaveLength(
      1 + catalog().findTemplate("hongshu_support").grades!.grades.length,
    );
    const notes = screen.getByRole("region", { name: "说明(对原表的解读)" });
    const first = catalog().findTemplate("hongshu_support").notes![0].zh;
    expect(notes.textContent).toContain(first);
  });

  test("speaks English, with the English criterion and notes", async () => {
    await openTemplate("Pre-sales Technical Support Engineer KPIs", "en");
    expect(screen.getByRole("region", { name: "Weights check" }).textContent).toContain(
      "rows add up to 100, as the section's 100 says ✓",
    );
    expect(screen.getByRole("table", { name: "Scoring table of Project support satisfaction" })).toBeTruthy();
  });

  test("a template without weights says the original gives none", () => {
    expect(checkWeights(catalog().findTemplate("solution_engineer_goals"))).toMatchObject({ none: true });
  });

  test("the back button returns to the list", async () => {
    const pane = await openTemplate("淘宝售前kpi考核");
    await pane.user.click(screen.getByRole("button", { name: "← 返回模板库" }));
    expect(screen.getByRole("searchbox")).toBeTruthy();
  });
});

describe("insert the rules sheet", () => {
  test("inserts only the rules sheet, in the pane's language, and says which sheet was added", async () => {
    const services = fakeServices();
    const pane = renderPane(services);
    await pane.user.click(screen.getByRole("button", { name: /^淘宝售前kpi考核/ }));
    await pane.user.click(screen.getByRole("button", { name: "插入考核规则表" }));
    expect(services.insertRulesSheet).toHaveBeenCalledWith("taobao_presales", "zh");
    expect(await screen.findByText("已插入工作表“考核规则”。")).toBeTruthy();
    expect(services.generate).not.toHaveBeenCalled();
  });

  test("a protected workbook is a MessageBar saying what to do", async () => {
    const services = fakeServices({
      insertRulesSheet: () => Promise.reject(new ExcelWriteError("workbook_protected")),
    });
    const pane = renderPane(services);
    await pane.user.click(screen.getByRole("button", { name: /^淘宝售前kpi考核/ }));
    await pane.user.click(screen.getByRole("button", { name: "插入考核规则表" }));
    await waitFor(() => expect(document.querySelector("[data-error-code='workbook_protected']")).toBeTruthy());
    expect(document.querySelector("[data-error-code='workbook_protected']")!.textContent).toContain(
      "请在“审阅 > 保护工作簿”中取消保护后重试",
    );
  });
});
