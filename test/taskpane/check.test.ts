/** @jest-environment jsdom */
// 检查 Check: the problem inputs of the active sheet, each selecting its cell, and the highlighting switch.
import { screen, waitFor, within } from "@testing-library/react";
import { PaneServiceError } from "../../src/excel/pane-errors";
import type { CheckReport } from "../../src/taskpane/services";
import { fakeServices, renderPane } from "./fake-services";

jest.setTimeout(30_000);

const template = {
  id: "support_kpi",
  name: { zh: "售前技术支持工程师岗位绩效考核指标(KPI)", en: "Pre-sales Technical Support Engineer KPIs" },
};
const satisfaction = { zh: "项目支持满意度", en: "Project support satisfaction" };

const report: CheckReport = {
  sheet: "团队汇总",
  assessments: [{ kind: "roster", template }],
  highlight: { name: "KPI_support_kpi_highlight", on: true },
  issues: [
    {
      sheet: "团队汇总",
      address: "D2",
      employee: "员工1",
      rule: { zh: "项目技术解决率", en: "Technical resolution" },
      input: { zh: "项目技术解决率", en: "Technical resolution" },
      rater: null,
      kind: "blank",
      message: {
        zh: "项目技术解决率:输入为空,不计分。",
        en: "Technical resolution: the input is blank, so no points.",
      },
    },
    {
      sheet: "团队汇总",
      address: "F3",
      employee: "员工2",
      rule: satisfaction,
      input: satisfaction,
      rater: null,
      kind: "not_number",
      message: {
        zh: "“abc” 不是数字:项目支持满意度 需要分数。",
        en: "“abc” is not a number: Project support satisfaction needs a score.",
      },
    },
  ],
};

async function checked(
  services = fakeServices({ checkActiveSheet: () => Promise.resolve(report) }),
  lang: "zh" | "en" = "zh",
) {
  const pane = renderPane(services, { lang, view: "check" });
  await pane.user.click(
    screen.getByRole("button", { name: lang === "zh" ? "检查当前工作表" : "Check the active sheet" }),
  );
  return { ...pane, services };
}

test("lists each problem input with its cell, the employee, the indicator and the engine's message", async () => {
  await checked();
  expect(await screen.findByText("“团队汇总”(售前技术支持工程师岗位绩效考核指标(KPI)):2 个问题")).toBeTruthy();
  const items = within(screen.getByRole("list", { name: "检查" })).getAllByRole("listitem");
  expect(items.map((li) => li.textContent)).toEqual([
    "D2空白员工1 · 项目技术解决率项目技术解决率:输入为空,不计分。",
    "F3非数字员工2 · 项目支持满意度“abc” 不是数字:项目支持满意度 需要分数。",
  ]);
});

test("clicking an item selects its cell", async () => {
  const { user, services } = await checked();
  await user.click(await screen.findByRole("button", { name: "选中 F3" }));
  expect(services.selectCell).toHaveBeenCalledWith("团队汇总", "F3");
});

test("the highlighting switch shows the sheet's state and turns it off and on", async () => {
  const { user, services } = await checked();
  const toggle = (await screen.findByRole("switch", { name: "在表中高亮无效输入" })) as HTMLInputElement;
  expect(toggle.checked).toBe(true);
  await user.click(toggle);
  expect(services.setHighlight).toHaveBeenLastCalledWith("KPI_support_kpi_highlight", false);
  await waitFor(() => expect(toggle.checked).toBe(false));
  await user.click(toggle);
  expect(services.setHighlight).toHaveBeenLastCalledWith("KPI_support_kpi_highlight", true);
});

test("a highlighting switch Excel refuses goes back and says why", async () => {
  const services = fakeServices({
    checkActiveSheet: () => Promise.resolve(report),
    setHighlight: () => Promise.reject(new PaneServiceError("not_assessment_sheet", { sheet: "考核规则" })),
  });
  const { user } = await checked(services);
  const toggle = (await screen.findByRole("switch", { name: "在表中高亮无效输入" })) as HTMLInputElement;
  await user.click(toggle);
  await waitFor(() => expect(document.querySelector("[data-error-code='not_assessment_sheet']")).toBeTruthy());
  expect(toggle.checked).toBe(true);
});

test("a clean sheet says every input is valid; without a rules sheet, says highlighting cannot be switched", async () => {
  await checked(
    fakeServices({ checkActiveSheet: () => Promise.resolve({ ...report, issues: [], highlight: undefined }) }),
    "en",
  );
  expect(
    await screen.findByText("Every input on “团队汇总” (Pre-sales Technical Support Engineer KPIs) is valid."),
  ).toBeTruthy();
  expect(screen.getByText(/The workbook has no rules sheet for this template/)).toBeTruthy();
});

test("a sheet that is no assessment is a MessageBar saying where to go", async () => {
  await checked(
    fakeServices({
      checkActiveSheet: () => Promise.reject(new PaneServiceError("not_assessment_sheet", { sheet: "Sheet1" })),
    }),
  );
  await waitFor(() => expect(document.querySelector("[data-error-code='not_assessment_sheet']")).toBeTruthy());
  expect(document.querySelector("[data-error-code='not_assessment_sheet']")!.textContent).toContain(
    "请切换到本加载项生成的团队汇总表、个人考核表,或已应用模板的表,再试一次。",
  );
});
