/** @jest-environment jsdom */
// The whole pane with its real services (src/excel/pane-services.ts) over the fake host, as the Chromium
// end-to-end test runs it: generate, open the new sheets, check, explain; the default template in the document
// settings with a full recalculation, the language in OfficeRuntime.storage.
import "./jsdom-globals";
import { screen, waitFor, within } from "@testing-library/react";
import { createPaneServices } from "../../src/excel/pane-services";
import { DEFAULT_TEMPLATE_SETTING, setDefaultTemplate, setLanguageOverride } from "../../src/functions/state";
import { LANGUAGE_STORAGE_KEY } from "../../src/taskpane/strings";
import { installFakeHost, type FakeHost } from "../excel/fake-excel-office";
import { renderPane } from "./fake-services";

jest.setTimeout(60_000);

let host: FakeHost;

beforeEach(() => {
  host = installFakeHost({ displayLanguage: "zh-CN" });
});

afterEach(() => {
  host.uninstall();
  setDefaultTemplate(null);
  setLanguageOverride(null);
});

const model = () => host.excel.model;
/** One view of the pane: queries inside it stay fast (role queries over the whole pane are slow in jsdom). */
const panel = (view: string) => within(document.getElementById(`kpi-panel-${view}`)!);
const sheetId = (name: string) => model().sheet(name)!.id;

test("generates a roster, opens its sheets, saves the default template and recalculates; then checks and explains", async () => {
  const { user } = renderPane(createPaneServices({ timeoutMs: 5000 }), { view: "generate" });
  await user.selectOptions(screen.getByRole("combobox", { name: "考核模板" }), "support_kpi");
  const generate = panel("generate");
  await user.click(generate.getByRole("radio", { name: "团队汇总表" }));
  await user.click(generate.getByRole("textbox", { name: /粘贴名单/ }));
  await user.paste("姓名\t工号\t部门\n张三\t00123\t技术部\n李四\t00124\t技术部");
  await user.click(generate.getByRole("button", { name: "生成" }));
  const rules = await generate.findByRole("button", { name: "打开工作表 考核规则" }, { timeout: 10_000 });
  expect(model().sheets.map((s) => s.name)).toEqual(["Sheet1", "团队汇总", "考核规则"]);
  expect(model().sheet("团队汇总")!.cell(2, 2)!.value).toBe("00123");
  await waitFor(() => expect(host.office.savedSettings.get(DEFAULT_TEMPLATE_SETTING)).toBe("support_kpi"));
  expect(model().calculations).toEqual(["Full"]);
  await user.click(rules);
  await waitFor(() => expect(model().activeSheetId).toBe(sheetId("考核规则")));

  // The roster again, with one good and one bad satisfaction score.
  await user.click(generate.getByRole("button", { name: "打开工作表 团队汇总" }));
  await waitFor(() => expect(model().activeSheetId).toBe(sheetId("团队汇总")));
  const roster = model().sheet("团队汇总")!;
  roster.touch(2, 6).value = 92;
  roster.touch(3, 6).value = "九十";
  await user.click(screen.getByRole("tab", { name: "检查" }));
  const check = panel("check");
  await user.click(check.getByRole("button", { name: "检查当前工作表" }));
  const item = await check.findByLabelText("选中 F3", undefined, { timeout: 10_000 });
  expect(check.getByText(/^“团队汇总”\(售前技术支持工程师岗位绩效考核指标\(KPI\)\):\d+ 个问题$/)).toBeTruthy();
  await user.click(item);
  await waitFor(() => expect(model().selections.get(roster.id)).toEqual({ r1: 3, c1: 6, r2: 3, c2: 6 }));
  const toggle = check.getByLabelText("在表中高亮无效输入");
  await user.click(toggle);
  await waitFor(() => expect(model().sheet("考核规则")!.cell(3, 3)!.value).toBe(0));

  // Explain the good score.
  model().selections.set(roster.id, { r1: 2, c1: 7, r2: 2, c2: 7 });
  await user.click(screen.getByRole("tab", { name: "解释" }));
  await user.click(panel("explain").getByRole("button", { name: "解释所选单元格" }));
  const card = await panel("explain").findByLabelText("项目支持满意度", undefined, { timeout: 10_000 });
  expect(card.textContent).toContain("项目支持满意度:输入 92,满足“≥ 90”,得 12 分。");
  expect(within(card).getByLabelText("得分").textContent).toBe("12");
});

test("the language switch is stored in OfficeRuntime.storage, never in the document", async () => {
  const { user } = renderPane(createPaneServices(), { lang: "zh" });
  await user.selectOptions(screen.getByRole("combobox", { name: "语言 / Language" }), "en");
  await waitFor(() => expect(host.office.storage.get(LANGUAGE_STORAGE_KEY)).toBe("en"));
  expect([...host.office.settings.keys()]).toEqual([]);
  expect([...host.office.savedSettings.keys()]).toEqual([]);
});
