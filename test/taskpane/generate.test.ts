/** @jest-environment jsdom */
// 生成 Generate: the request the pane builds, the preview, progress and links after generating, every refusal as
// a MessageBar saying what to do, adding employees to a roster and the workbook's default template.
import { screen, waitFor, within } from "@testing-library/react";
import { ExcelWriteError } from "../../src/excel/errors";
import type { GenerateRequest } from "../../src/excel/generation";
import { PaneServiceError } from "../../src/excel/pane-errors";
import { fakeServices, renderPane, type FakeServices } from "./fake-services";

// Rendering the whole pane in jsdom and querying by role is slow; the defaults leave too little room.
jest.setTimeout(30_000);

const previewItems = () =>
  within(screen.getByRole("region", { name: "将创建的工作表" }))
    .getAllByRole("listitem")
    .map((li) => li.textContent);

const errorBar = (code: string) => document.querySelector(`[data-error-code='${code}']`);

function staffText(n: number): string {
  return [
    "姓名\t工号\t部门",
    ...Array.from({ length: n }, (_v, i) => `员工${i + 1}\t${String(i + 1).padStart(5, "0")}\t技术部`),
  ].join("\n");
}

async function open(services: FakeServices = fakeServices(), lang: "zh" | "en" = "zh") {
  const pane = renderPane(services, { lang, view: "generate" });
  const paste = async (text: string) => {
    await pane.user.click(screen.getByRole("textbox", { name: /粘贴名单|paste a list/ }));
    await pane.user.paste(text);
  };
  return { ...pane, services, paste };
}

describe("the preview", () => {
  test("lists one form per pasted employee and the rules sheet, then the roster when the layout changes", async () => {
    const { user, paste } = await open();
    expect(previewItems()).toEqual(["个人考核表 1 (个人考核表)", "考核规则 (考核规则)"]);
    await paste(staffText(3));
    expect(screen.getByText("粘贴的名单中有 3 名员工。已识别表头。")).toBeTruthy();
    expect(previewItems()).toEqual([
      "员工1 (个人考核表)",
      "员工2 (个人考核表)",
      "员工3 (个人考核表)",
      "考核规则 (考核规则)",
    ]);
    await user.click(screen.getByRole("radio", { name: "团队汇总表" }));
    expect(previewItems()).toEqual(["团队汇总 (团队汇总)", "考核规则 (考核规则)"]);
  });

  test("caps forms at 200 sheets: says so and offers the roster instead", async () => {
    const { user, paste } = await open();
    await paste(staffText(201));
    expect(screen.getByText("个人考核表一次最多 200 张,现有 201 人。请分批生成,或改用团队汇总表。")).toBeTruthy();
    expect((screen.getByRole("button", { name: "生成" }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole("radio", { name: "团队汇总表" }));
    expect((screen.getByRole("button", { name: "生成" }) as HTMLButtonElement).disabled).toBe(false);
  });

  test("reads employees from the selected range and reports the rows it left out", async () => {
    const services = fakeServices({
      readSelectedStaff: () =>
        Promise.resolve({
          employees: [{ name: "张三", id: "00123", department: "技术部" }],
          header: true,
          problems: [{ row: 3, code: "no_name" }],
          address: "Sheet1!A1:C3",
        }),
    });
    const { user } = await open(services);
    await user.click(screen.getByRole("button", { name: "从所选区域读取" }));
    expect(await screen.findByText("已从 Sheet1!A1:C3 读取 1 名员工。已识别表头。")).toBeTruthy();
    expect(screen.getByText("第 3 行没有姓名,已跳过。")).toBeTruthy();
    expect(previewItems()[0]).toBe("张三 (个人考核表)");
  });
});

describe("generating", () => {
  test("sends the chosen options, shows progress, ends with links that open each sheet, and saves the default", async () => {
    let finish: (v: { sheets: Array<{ name: string; kind: "roster" | "rules" }> }) => void = () => undefined;
    const services = fakeServices({ generate: () => new Promise((resolve) => (finish = resolve)) });
    const { user, paste } = await open(services);
    await user.selectOptions(screen.getByRole("combobox", { name: "考核模板" }), "淘宝售前kpi考核");
    await user.click(screen.getByRole("radio", { name: "团队汇总表" }));
    const period = screen.getByRole("textbox", { name: "考核期间" });
    await user.clear(period);
    await user.type(period, "2026-12");
    await paste(staffText(2));
    await user.click(screen.getByRole("button", { name: "生成" }));
    expect(screen.getByText("正在生成 2 张工作表…")).toBeTruthy();
    const request = services.generate.mock.calls[0][0] as GenerateRequest;
    expect(request).toEqual({
      templateId: "taobao_presales",
      layout: "roster",
      period: "2026-12",
      formulas: "portable",
      selfAssessment: true,
      protect: true,
      lang: "zh",
      employees: [
        { name: "员工1", id: "00001", department: "技术部" },
        { name: "员工2", id: "00002", department: "技术部" },
      ],
    });
    finish({
      sheets: [
        { name: "团队汇总 (2)", kind: "roster" },
        { name: "考核规则 (2)", kind: "rules" },
      ],
    });
    const link = await screen.findByRole("button", { name: "打开工作表 考核规则 (2)" });
    expect(screen.getByRole("button", { name: "打开工作表 团队汇总 (2)" })).toBeTruthy();
    await user.click(link);
    expect(services.activateSheet).toHaveBeenCalledWith("考核规则 (2)");
    expect(services.saveDefaultTemplate).toHaveBeenCalledWith("taobao_presales");
    expect(screen.getByText("当前:淘宝售前kpi考核")).toBeTruthy();
  });

  test("add-in formulas leave the sheets unprotected; the sheet language and self-assessment are options", async () => {
    const services = fakeServices();
    const { user } = await open(services);
    await user.click(screen.getByRole("radio", { name: "加载项函数 KPI.*" }));
    expect(screen.getByText("未安装本加载项的人会看到 #NAME?;此模式下工作表不加保护。")).toBeTruthy();
    await user.click(screen.getByRole("switch", { name: "自评列" }));
    await user.selectOptions(screen.getByRole("combobox", { name: "表格语言" }), "en");
    await user.click(screen.getByRole("button", { name: "生成" }));
    expect(services.generate).toHaveBeenCalledWith(
      expect.objectContaining({ formulas: "addin", protect: false, lang: "en", selfAssessment: false }),
    );
  });

  test("a template with rater weights keeps its self-assessment columns", async () => {
    const { user } = await open();
    await user.selectOptions(screen.getByRole("combobox", { name: "考核模板" }), "鸿数-技术支持绩效考核");
    const self = screen.getByRole("switch", { name: "自评列" }) as HTMLInputElement;
    expect([self.checked, self.disabled]).toEqual([true, true]);
    expect(screen.getByText("本模板按 上级 80% + 自评 20% 计分,自评列必需。")).toBeTruthy();
  });

  test.each([
    [
      "a protected workbook",
      new ExcelWriteError("workbook_protected"),
      "Excel 未能完成操作",
      "请在“审阅 > 保护工作簿”中取消保护后重试。",
    ],
    [
      "a name clash",
      new ExcelWriteError("name_taken", { detail: "ItemAlreadyExists: KPI_support_kpi" }),
      "名称已被占用:ItemAlreadyExists: KPI_support_kpi",
      "请在“公式 > 名称管理器”中删除或重命名冲突的名称",
    ],
    [
      "too many rows",
      new ExcelWriteError("too_large"),
      "超过了 Excel 的请求大小限制",
      "可分批生成(每次少一些员工),或改用团队汇总表。",
    ],
    [
      "Excel in cell-edit mode",
      new ExcelWriteError("cell_edit_mode"),
      "Excel 正在编辑单元格",
      "请按 Enter 或 Esc 结束编辑后重试。",
    ],
    [
      "a sync that does not return",
      new ExcelWriteError("timeout", { seconds: 60 }),
      "Excel 没有响应",
      "Excel 在 60 秒内没有响应。请确认 Excel 仍在运行后重试。",
    ],
  ])("%s is a MessageBar saying what to do, and nothing is saved", async (_what, error, said, todo) => {
    const services = fakeServices({ generate: () => Promise.reject(error) });
    const { user } = await open(services);
    await user.click(screen.getByRole("button", { name: "生成" }));
    await waitFor(() => expect(errorBar(error.code)).toBeTruthy());
    const bar = errorBar(error.code)!;
    expect(bar.textContent).toContain(said);
    expect(bar.textContent).toContain(todo);
    expect(services.saveDefaultTemplate).not.toHaveBeenCalled();
    expect(screen.queryByText("已生成以下工作表,点击打开:")).toBeNull();
  });

  test("the messages follow the pane's language", async () => {
    const services = fakeServices({ generate: () => Promise.reject(new ExcelWriteError("cell_edit_mode")) });
    const { user } = await open(services, "en");
    await user.click(screen.getByRole("button", { name: "Generate" }));
    await waitFor(() => expect(errorBar("cell_edit_mode")).toBeTruthy());
    expect(errorBar("cell_edit_mode")!.textContent).toContain("Press Enter or Esc to finish editing, then try again.");
  });

  test("sheets added but the default template not saved: a warning, the links still there", async () => {
    const services = fakeServices({
      generate: () => Promise.resolve({ sheets: [{ name: "团队汇总", kind: "roster" }] }),
      saveDefaultTemplate: () => Promise.reject(new PaneServiceError("settings_not_saved", { detail: "read-only" })),
    });
    const { user } = await open(services);
    await user.click(screen.getByRole("button", { name: "生成" }));
    expect(await screen.findByRole("button", { name: "打开工作表 团队汇总" })).toBeTruthy();
    expect(errorBar("settings_not_saved")!.textContent).toContain("工作表已生成,但默认模板未能保存。");
  });
});

describe("adding employees to a roster", () => {
  test("sends the pasted list and says what was filled, added and skipped", async () => {
    const services = fakeServices({
      addEmployees: () =>
        Promise.resolve({
          sheet: "团队汇总",
          filled: 1,
          added: 1,
          skipped: [{ name: "员工3", id: "00003", department: "技术部" }],
        }),
    });
    const { user, paste } = await open(services);
    await paste(staffText(3));
    await user.click(screen.getByRole("button", { name: "添加到当前团队汇总表" }));
    expect(services.addEmployees.mock.calls[0][0]).toHaveLength(3);
    expect(await screen.findByText("已在“团队汇总”填入 1 个空行,新增 1 行。")).toBeTruthy();
    expect(screen.getByText("工号已在表中,未重复添加:员工3(00003)")).toBeTruthy();
  });

  test("on a sheet without a roster, a MessageBar says where to go", async () => {
    const services = fakeServices({
      addEmployees: () => Promise.reject(new PaneServiceError("no_roster_here", { sheet: "Sheet1" })),
    });
    const { user, paste } = await open(services);
    await paste(staffText(1));
    await user.click(screen.getByRole("button", { name: "添加到当前团队汇总表" }));
    await waitFor(() => expect(errorBar("no_roster_here")).toBeTruthy());
    expect(errorBar("no_roster_here")!.textContent).toContain("请先切换到团队汇总表(或先生成一张),再添加员工。");
  });
});

describe("the workbook's default template", () => {
  test("shows the current one and saves the one picked", async () => {
    const services = fakeServices({ readDefaultTemplate: () => "support_kpi" });
    const { user } = await open(services);
    expect(screen.getByText("当前:售前技术支持工程师岗位绩效考核指标(KPI)")).toBeTruthy();
    const picker = within(screen.getByRole("region", { name: "工作簿默认模板" }));
    await user.selectOptions(picker.getByRole("combobox"), "淘宝售前kpi考核");
    await user.click(picker.getByRole("button", { name: "设为默认" }));
    expect(services.saveDefaultTemplate).toHaveBeenCalledWith("taobao_presales");
    expect(await screen.findByText("默认模板已设为“淘宝售前kpi考核”,KPI.* 函数已全部重新计算。")).toBeTruthy();
    expect(screen.getByText("当前:淘宝售前kpi考核")).toBeTruthy();
  });
});
