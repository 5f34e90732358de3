/** @jest-environment jsdom */
// 解释 Explain: a selected score cell gives the rule, the band or level and why, in zh and en.
import { screen, waitFor } from "@testing-library/react";
import { PaneServiceError } from "../../src/excel/pane-errors";
import type { Explanation } from "../../src/taskpane/services";
import { fakeServices, renderPane } from "./fake-services";

jest.setTimeout(30_000);

const explanation: Explanation = {
  sheet: "团队汇总",
  address: "G3",
  kind: "roster",
  template: {
    id: "support_kpi",
    name: { zh: "售前技术支持工程师岗位绩效考核指标(KPI)", en: "Pre-sales Technical Support Engineer KPIs" },
  },
  rule: {
    ref: "support_kpi/satisfaction",
    name: { zh: "项目支持满意度", en: "Project support satisfaction" },
    scope: "indicator",
    summary: { zh: "≥ 95→15; ≥ 90→12; ≥ 85→10; ≥ 80→5; < 80→0", en: "≥ 95→15; ≥ 90→12; ≥ 85→10; ≥ 80→5; < 80→0" },
  },
  employee: "员工2",
  inputs: [{ label: { zh: "满意度评分", en: "Satisfaction score" }, rater: null, address: "F3", shown: "92" }],
  points: 12,
  why: {
    zh: "项目支持满意度:输入 92,满足“≥ 90”,得 12 分。",
    en: 'Project support satisfaction: input 92 meets "≥ 90", 12 points.',
  },
  applied: { zh: "≥ 90 → 12 分", en: "≥ 90 → 12 points" },
  onScore: true,
};

async function explain(
  lang: "zh" | "en",
  services = fakeServices({ explainSelection: () => Promise.resolve(explanation) }),
) {
  const pane = renderPane(services, { lang, view: "explain" });
  await pane.user.click(
    screen.getByRole("button", { name: lang === "zh" ? "解释所选单元格" : "Explain the selected cell" }),
  );
  return pane;
}

test("in Chinese: the rule, the band that applied, the points and why", async () => {
  await explain("zh");
  const card = await screen.findByRole("region", { name: "项目支持满意度" });
  expect(card.textContent).toContain("团队汇总!G3");
  expect(card.textContent).toContain("适用档次≥ 90 → 12 分");
  expect(card.textContent).toContain("原因项目支持满意度:输入 92,满足“≥ 90”,得 12 分。");
  expect(card.textContent).toContain("输入满意度评分 (F3):92");
  expect(card.textContent).toContain("员工员工2");
  expect(screen.getByLabelText("得分").textContent).toBe("12");
});

test("in English, the same explanation in English", async () => {
  await explain("en");
  const card = await screen.findByRole("region", { name: "Project support satisfaction" });
  expect(card.textContent).toContain("Band or level applied≥ 90 → 12 points");
  expect(card.textContent).toContain('WhyProject support satisfaction: input 92 meets "≥ 90", 12 points.');
  expect(card.textContent).toContain("InputsSatisfaction score (F3): 92");
});

test("switching the language re-words an explanation already shown", async () => {
  const pane = await explain("zh");
  await screen.findByRole("region", { name: "项目支持满意度" });
  await pane.user.selectOptions(screen.getByRole("combobox", { name: "语言 / Language" }), "en");
  expect(await screen.findByRole("region", { name: "Project support satisfaction" })).toBeTruthy();
});

test("an invalid input shows the engine's message instead of points", async () => {
  const invalid: Explanation = {
    ...explanation,
    points: null,
    applied: undefined,
    problem: { zh: "“abc” 不是数字:项目支持满意度 需要分数。", en: "“abc” is not a number." },
  };
  await explain("zh", fakeServices({ explainSelection: () => Promise.resolve(invalid) }));
  expect(await screen.findByText("输入无效,无法计分")).toBeTruthy();
  expect(screen.getByLabelText("得分").textContent).toBe("不计分");
});

test("a cell that is no score cell is a MessageBar saying what to select", async () => {
  await explain(
    "zh",
    fakeServices({
      explainSelection: () => Promise.reject(new PaneServiceError("not_score_cell", { sheet: "团队汇总" })),
    }),
  );
  await waitFor(() => expect(document.querySelector("[data-error-code='not_score_cell']")).toBeTruthy());
  expect(document.querySelector("[data-error-code='not_score_cell']")!.textContent).toContain("请选中“…得分”列");
});
