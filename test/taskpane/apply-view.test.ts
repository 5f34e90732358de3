/** @jest-environment jsdom */
// 应用到现有表 Apply to my sheet: the mapping the pane shows for a sheet HR already has (exact, alias, synonym and
// fuzzy matches, the fuzzy ones needing a tick), changing it, the columns to be added, what blocks the apply,
// applying with overrides and input problems, removing; and the real services doing it on the fake host.
import "./jsdom-globals";
import { screen, waitFor, within } from "@testing-library/react";
import { gridFromRows, type GridValue } from "../../src/apply/grid";
import { ExcelApplyError } from "../../src/excel/apply-errors";
import { createPaneServices } from "../../src/excel/pane-services";
import type { ApplyResult, RemoveResult, SheetForApply } from "../../src/taskpane/services";
import { isFilled, loadSheet } from "../excel/apply-fixtures";
import { installFakeHost } from "../excel/fake-excel-office";
import { fakeServices, renderPane } from "./fake-services";

jest.setTimeout(60_000);

/** A sheet as the services read it: rows from A1, no names, not protected. */
function sheetOf(rows: GridValue[][], name = "11月"): SheetForApply {
  return {
    grid: gridFromRows({ name, values: rows }),
    workbook: { sheetNames: [name], names: [] },
    protection: { protected: false, options: {} },
    workbookProtected: false,
    responseBytes: 0,
  };
}

/** Four headers, one of each kind: 项目技术解决率 exact, 满意度 alias, 回访 fuzzy, 投诉 synonym. */
const MIXED = sheetOf([
  ["姓名", "部门", "项目技术解决率", "满意度", "回访", "投诉"],
  ["张伟", "售前一部", 2, 90, 1, 0],
  ["王芳", "售前二部", 0, "92%", 0, 1],
]);

/** support_kpi's input headers as the sheet has them (test/apply/fixtures.ts; ExcelJS does not load in jsdom). */
const SUPPORT_HEADERS = [
  "技术解决率",
  "满意度（分）",
  "回访完成率",
  "客户投诉次数",
  "技术学习交流与成长",
  "成功经验例数",
  "日报总结",
];

/** Every input of support_kpi but 日报质量 (a further input: counts as 0). */
function fullRows(): GridValue[][] {
  return [
    ["姓名", ...SUPPORT_HEADERS.slice(0, 7)],
    ["张伟", 2, 90, 1, 0, 80, 1, 0],
    ["王芳", 0, 95, 0, 1, 85, 2, 1],
  ];
}

const panel = () => within(document.getElementById("kpi-panel-apply")!);
const row = (letter: string) => within(document.querySelector(`[data-column="${letter}"]`) as HTMLElement);

async function readSheet(
  sheet: SheetForApply,
  lang: "zh" | "en" = "zh",
  more: Parameters<typeof fakeServices>[0] = {},
) {
  const services = fakeServices({
    readDefaultTemplate: () => "support_kpi",
    readSheetForApply: () => Promise.resolve(sheet),
    ...more,
  });
  const pane = renderPane(services, { lang, view: "apply" });
  await pane.user.click(
    panel().getByRole("button", { name: lang === "zh" ? "读取当前工作表" : "Read the active sheet" }),
  );
  await panel().findByText(lang === "zh" ? "列与指标的对应" : "Columns and indicators");
  return { ...pane, services };
}

/** The rule a column's select shows. */
const ruleOf = (letter: string, name?: string) =>
  (row(letter).getByRole("combobox", name ? { name } : {}) as HTMLSelectElement).selectedOptions[0]?.textContent;

const previewItems = () =>
  within(panel().getByRole("list", { name: "将添加的列" }))
    .getAllByRole("listitem")
    .map((li) => li.textContent);

describe("the mapping", () => {
  test("shows each header with its rule and how it matched; a fuzzy match must be ticked before Apply", async () => {
    const { user, services } = await readSheet(MIXED);
    expect(services.readSheetForApply).toHaveBeenCalledWith(false);
    expect(panel().getByText("工作表“11月”:第 1 行是表头,2 行数据(第 2–3 行)。")).toBeTruthy();
    expect(row("C").getByText("名称一致")).toBeTruthy();
    expect(ruleOf("C", "“项目技术解决率”(C 列)对应的指标")).toBe("项目技术解决率");
    expect(row("D").getByText("别名")).toBeTruthy();
    expect(ruleOf("D")).toBe("项目支持满意度");
    expect(row("F").getByText("同义词")).toBeTruthy();
    expect(ruleOf("F")).toBe("客户投诉次数");
    expect(row("E").getByText("相似 70%,请确认")).toBeTruthy();
    expect(ruleOf("E")).toBe("项目跟踪回访完成率");
    // 姓名 and 部门 describe the employee: not in the mapping.
    expect(document.querySelector('[data-column="A"]')).toBeNull();

    const apply = panel().getByRole("button", { name: "应用" });
    expect(apply).toHaveProperty("disabled", true);
    expect(panel().getByText(/还有 1 个相似匹配未确认/)).toBeTruthy();
    // Unconfirmed, the fuzzy column is not applied.
    expect(previewItems()).not.toContain("I 列:项目跟踪回访完成率得分");

    await user.click(row("E").getByRole("checkbox", { name: "确认“回访”对应“项目跟踪回访完成率”" }));
    expect(apply).toHaveProperty("disabled", false);
    expect(panel().queryByText(/相似匹配未确认/)).toBeNull();
    expect(previewItems()).toEqual([
      "G 列:项目技术解决率得分",
      "H 列:项目支持满意度得分",
      "I 列:项目跟踪回访完成率得分",
      "J 列:客户投诉次数得分",
    ]);
  });

  test("the select changes a column's rule or unmaps it, and the preview follows", async () => {
    const { user } = await readSheet(MIXED);
    await user.selectOptions(row("F").getByRole("combobox"), "(不对应)");
    expect(row("F").getByText("未对应")).toBeTruthy();
    expect(previewItems()).toEqual(["G 列:项目技术解决率得分", "H 列:项目支持满意度得分"]);

    // Choosing the fuzzy column's rule in the dropdown confirms it too.
    await user.selectOptions(row("E").getByRole("combobox"), "客户投诉次数");
    expect(row("E").getByText("已手动选择")).toBeTruthy();
    expect(row("E").queryByRole("checkbox")).toBeNull();
    expect(panel().getByRole("button", { name: "应用" })).toHaveProperty("disabled", false);
    expect(previewItems()).toEqual(["G 列:项目技术解决率得分", "H 列:项目支持满意度得分", "I 列:客户投诉次数得分"]);
  });

  test("an unmapped primary rule: no total, grade or rank, and the message names what is missing", async () => {
    await readSheet(MIXED);
    expect(
      panel().getByText("缺少这些指标的列,未写入总分、等级和排名:项目跟踪回访完成率、技术学习交流与成长、日报总结"),
    ).toBeTruthy();
    const unmapped = within(panel().getByRole("region", { name: "没有对应列的指标" }));
    expect(unmapped.getByText("技术学习交流与成长:不计分")).toBeTruthy();
    expect(unmapped.getByText("日报总结:不计分")).toBeTruthy();
    expect(previewItems().some((t) => t?.includes("总分"))).toBe(false);
  });

  test("every indicator mapped: score columns, then 总分 and 排名; a missing further input counts as 0 with a warning", async () => {
    await readSheet(sheetOf(fullRows()));
    // support_kpi has no grade scale, so no 等级 column.
    expect(previewItems().slice(-3)).toEqual(["N 列:日报总结得分", "O 列:总分", "P 列:排名"]);
    expect(previewItems()[0]).toBe("I 列:项目技术解决率得分");
    expect(panel().getByText("未找到“日报质量”的列,日报总结 按 0 计算。")).toBeTruthy();
    expect(panel().getByText("日报总结·日报质量:按 0 计")).toBeTruthy();
    expect(panel().getByRole("button", { name: "应用" })).toHaveProperty("disabled", false);
  });

  test("a place the person picks: the columns start there", async () => {
    const { user } = await readSheet(MIXED);
    await user.type(panel().getByRole("textbox", { name: "从哪一列开始写入" }), "m");
    expect(previewItems()[0]).toBe("M 列:项目技术解决率得分");
    await user.type(panel().getByRole("textbox", { name: "从哪一列开始写入" }), "1");
    expect(panel().getByText("请输入列字母,例如 M;留空则自动选择。")).toBeTruthy();
    expect(panel().getByRole("button", { name: "应用" })).toHaveProperty("disabled", true);
  });
});

describe("what blocks the apply", () => {
  test("a non-empty target cell blocks the whole apply and the pane names it", async () => {
    const rows = fullRows();
    // Two empty columns away from the table (I, J), so not part of it, but where a score column would go.
    rows[2][10] = "手写";
    await readSheet(sheetOf(rows));
    const bar = panel().getByTestId("apply-blocked");
    expect(bar.textContent).toContain("目标单元格已有内容,不能应用");
    expect(bar.textContent).toContain("K3 有内容“手写”");
    expect(panel().getByRole("button", { name: "应用" })).toHaveProperty("disabled", true);
  });

  test("cells that block when Apply re-reads the sheet are listed too", async () => {
    const blocked = new ExcelApplyError(
      "blocked",
      { cells: "I2" },
      { blocked: [{ cell: "I2", row: 2, col: 9, reason: "merged", detail: "I2:J2" }] },
    );
    const { user } = await readSheet(sheetOf(fullRows()), "zh", { applyToSheet: () => Promise.reject(blocked) });
    await user.click(panel().getByRole("button", { name: "应用" }));
    const bar = await panel().findByText(/I2 在合并区域 I2:J2 中/);
    expect(bar.closest("[data-error-code]")?.getAttribute("data-error-code")).toBe("blocked");
  });
});

describe("applying and removing", () => {
  const result: ApplyResult = {
    sheet: "11月",
    block: "I1:R3",
    columns: [
      { kind: "score", col: 9, rule: "resolution" },
      { kind: "total", col: 16 },
    ],
    marker: 1,
    rulesSheet: "考核规则",
    overrides: [{ cell: "J2", row: 2, col: 10, found: "9" }],
    problems: [
      {
        cell: "C3",
        row: 3,
        col: 3,
        kind: "numeric_text",
        slot: "satisfaction",
        message: { key: "problem_numeric_text", params: { value: "92%" } },
      },
    ],
    warnings: [{ key: "rules_sheet_added", params: { sheet: "考核规则" } }],
    matches: [],
    written: 24,
    cleared: 0,
    syncs: 2,
    requestBytes: [],
    responseBytes: 0,
  };

  const success = () =>
    panel()
      .getByText(/^已在工作表/)
      .closest(".fui-MessageBar") as HTMLElement;

  test("Apply sends the mapping, says what it wrote, lists overrides and input problems; a cell selects it", async () => {
    const { user, services } = await readSheet(MIXED, "zh", { applyToSheet: () => Promise.resolve(result) });
    await user.click(row("E").getByRole("checkbox"));
    await user.click(panel().getByRole("button", { name: "应用" }));
    await panel().findByText("已在工作表“11月”的 I1:R3 写入 2 列(24 个单元格)。");
    expect(services.applyToSheet).toHaveBeenCalledWith({
      template: "support_kpi",
      useSelection: false,
      columns: [{ col: 5, slot: "follow_up_visits", header: "回访" }],
      confirm: ["fuzzy"],
      at: undefined,
    });
    expect(within(success()).getByText("已添加考核规则表“考核规则”。")).toBeTruthy();
    const overrides = within(panel().getByRole("list", { name: "手工改过的单元格(保留原样,未重写)" }));
    expect(overrides.getByText("9")).toBeTruthy();
    const problems = within(panel().getByRole("list", { name: "数据中的输入问题:1 个" }));
    expect(
      problems.getByText("项目支持满意度:数字存成了文本“92%”:Excel 公式会把它当作文本,请重新输入为数字"),
    ).toBeTruthy();
    await user.click(problems.getByRole("button", { name: "选中 C3" }));
    expect(services.selectCell).toHaveBeenCalledWith("11月", "C3");
    await user.click(overrides.getByRole("button", { name: "选中 J2" }));
    expect(services.selectCell).toHaveBeenCalledWith("11月", "J2");
  });

  test("the preview lists the data's input problems before applying", async () => {
    await readSheet(MIXED);
    const problems = within(panel().getByRole("list", { name: "数据中的输入问题:1 个" }));
    expect(problems.getByRole("button", { name: "选中 D3" })).toBeTruthy();
  });

  test("Remove applied columns undoes the apply and says what it emptied", async () => {
    const removed: RemoveResult = {
      sheet: "11月",
      cleared: 24,
      overrides: [{ cell: "J2", row: 2, col: 10, found: "9" }],
      removedRulesSheet: "考核规则",
      warnings: [{ key: "removed_rules_sheet", params: { sheet: "考核规则" } }],
      syncs: 2,
      requestBytes: [],
      responseBytes: 0,
    };
    const { user, services } = await readSheet(sheetOf(fullRows()), "zh", {
      applyToSheet: () => Promise.resolve(result),
      removeApplied: () => Promise.resolve(removed),
    });
    expect(panel().queryByRole("button", { name: "移除已应用的列" })).toBeNull();
    await user.click(panel().getByRole("button", { name: "应用" }));
    await panel().findByText(/写入 2 列/);
    await user.click(panel().getByRole("button", { name: "移除已应用的列" }));
    await panel().findByText("已从工作表“11月”移除应用的列,清空 24 个单元格。");
    expect(services.removeApplied).toHaveBeenCalledTimes(1);
    expect(panel().getByText("已删除应用时添加的考核规则表“考核规则”。")).toBeTruthy();
    expect(panel().queryByText(/写入 2 列/)).toBeNull();
  });
});

test("the view in English: tab, mapping badges, preview and messages", async () => {
  const { user } = await readSheet(MIXED, "en");
  expect(screen.getByRole("tab", { name: "Apply to my sheet" })).toBeTruthy();
  expect(row("C").getByText("Exact name")).toBeTruthy();
  expect(row("D").getByText("Alias")).toBeTruthy();
  expect(row("F").getByText("Synonym")).toBeTruthy();
  expect(row("E").getByText("70% similar: confirm")).toBeTruthy();
  expect(ruleOf("D", "Indicator for “满意度” (column D)")).toBe("Project support satisfaction");
  expect(panel().getByText(/No column for these indicators, so 总分 \(total\)/)).toBeTruthy();
  await user.click(row("E").getByRole("checkbox", { name: /^Confirm “回访” is/ }));
  expect(
    within(panel().getByRole("list", { name: "Columns to be added" }))
      .getAllByRole("listitem")
      .map((li) => li.textContent)[0],
  ).toBe("Column G: 项目技术解决率得分");
  // Switching the pane's language switches the view.
  await user.selectOptions(screen.getByRole("combobox", { name: "语言 / Language" }), "zh");
  expect(row("C").getByText("名称一致")).toBeTruthy();
  expect(panel().getByRole("button", { name: "应用" })).toBeTruthy();
});

describe("the real services on the fake host", () => {
  test("read, preview, apply to a small sheet and remove again", async () => {
    const host = installFakeHost();
    try {
      const sheet = loadSheet(host.excel, { name: "11月", rows: fullRows() });
      host.excel.model.activeSheetId = sheet.id;
      const services = createPaneServices({ timeoutMs: 5000 });

      const read = await services.readSheetForApply(false);
      expect(read.grid.name).toBe("11月");
      const template = (await import("../../src/functions/state")).catalog().findTemplate("support_kpi");
      const preview = services.previewApply(read, template, { confirm: ["fuzzy"] });
      expect(preview.plan.blocked).toEqual([]);
      expect(preview.matches.map((m) => m.kind)).toEqual([
        "alias",
        "alias",
        "alias",
        "exact",
        "exact",
        "alias",
        "exact",
      ]);

      const applied = await services.applyToSheet({ template: "support_kpi", confirm: ["fuzzy"] });
      expect(applied).toMatchObject({ sheet: "11月", block: "I1:P3", rulesSheet: "考核规则", overrides: [] });
      expect(applied.columns.map((c) => c.kind).slice(-2)).toEqual(["total", "rank"]);
      expect(sheet.cell(1, 15)?.value).toBe("总分");
      expect(isFilled(sheet.cell(2, 15))).toBe(true);
      expect(host.excel.model.sheets.map((s) => s.name)).toEqual(["Sheet1", "11月", "考核规则"]);

      const again = await services.readSheetForApply(false);
      expect(services.previewApply(again, template, {}).analysis.blocks).toHaveLength(1);

      const removed = await services.removeApplied();
      expect(removed).toMatchObject({ sheet: "11月", overrides: [], removedRulesSheet: "考核规则" });
      expect(removed.cleared).toBeGreaterThan(0);
      expect(sheet.cell(1, 15)?.value ?? null).toBeNull();
      expect(isFilled(sheet.cell(2, 15))).toBe(false);
      expect(host.excel.model.sheets.map((s) => s.name)).toEqual(["Sheet1", "11月"]);
      expect(host.excel.model.names).toEqual([]);
    } finally {
      host.uninstall();
    }
  });
});

test("the pane's five tabs include Apply to my sheet, reachable by keyboard", async () => {
  const services = fakeServices();
  const { user } = renderPane(services, { view: "catalog" });
  const tab = screen.getByRole("tab", { name: "应用到现有表" });
  tab.focus();
  expect(document.activeElement).toBe(tab);
  await user.keyboard("{Enter}");
  await waitFor(() => expect(document.getElementById("kpi-panel-apply")!.hidden).toBe(false));
  expect(panel().getByRole("button", { name: "读取当前工作表" })).toBeTruthy();
});
