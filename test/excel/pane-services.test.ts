// The task pane's services (src/excel/pane-services.ts) against the fake host: what each user action reads and
// writes in the workbook, in how many syncs, and what the pane is told when Excel refuses.
import { markerNames } from "../../src/apply/marker";
import { ExcelWriteError } from "../../src/excel/errors";
import type { GenerateRequest } from "../../src/excel/generation";
import { PaneServiceError } from "../../src/excel/pane-errors";
import { createPaneServices } from "../../src/excel/pane-services";
import { DEFAULT_TEMPLATE_SETTING, getDefaultTemplate, setDefaultTemplate } from "../../src/functions/state";
import type { Employee } from "../../src/sheets/roster";
import { LANGUAGE_STORAGE_KEY } from "../../src/taskpane/strings";
import type { PaneServices } from "../../src/taskpane/services";
import { installFakeHost, type FakeHost, type FakeOfficeOptions } from "./fake-excel-office";
import type { FakeExcelOptions, FakeSheet } from "./fake-excel";

let host: FakeHost;
let services: PaneServices;

function freshHost(options: FakeOfficeOptions & { excel?: FakeExcelOptions } = {}, timeoutMs = 2000): void {
  host?.uninstall();
  host = installFakeHost(options);
  services = createPaneServices({ timeoutMs });
}

beforeEach(() => freshHost());
afterEach(() => {
  host.uninstall();
  setDefaultTemplate(null);
});

const staff = (n: number, from = 1): Employee[] =>
  Array.from({ length: n }, (_v, i) => ({
    name: `员工${from + i}`,
    id: String(from + i).padStart(5, "0"),
    department: "技术支持部",
  }));

function request(overrides: Partial<GenerateRequest> = {}): GenerateRequest {
  return {
    templateId: "support_kpi",
    layout: "roster",
    period: "2026-Q2",
    formulas: "portable",
    selfAssessment: true,
    protect: true,
    lang: "zh",
    employees: staff(3),
    ...overrides,
  };
}

const sheet = (name: string): FakeSheet => host.excel.model.sheet(name)!;
const value = (name: string, a1: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return sheet(name).cell(Number(m[2]), col)?.value ?? null;
};

/** Types into cells as a person would (the fake's model, bypassing protection). */
function type(name: string, cells: Record<string, unknown>): void {
  for (const [a1, v] of Object.entries(cells)) {
    const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    sheet(name).touch(Number(m[2]), col).value = v as never;
  }
}

function select(name: string, r1: number, c1: number, r2 = r1, c2 = c1): void {
  const s = sheet(name);
  host.excel.model.activeSheetId = s.id;
  host.excel.model.selections.set(s.id, { r1, c1, r2, c2 });
}

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected the action to fail");
}

describe("generate", () => {
  test("adds the roster and the rules sheet, says what it added and leaves the roster active", async () => {
    const result = await services.generate(request());
    expect(result.sheets).toEqual([
      { name: "团队汇总", kind: "roster" },
      { name: "考核规则", kind: "rules" },
    ]);
    expect(host.excel.model.sheets.map((s) => s.name)).toEqual(["Sheet1", "团队汇总", "考核规则"]);
    expect(host.excel.model.activeSheetId).toBe(sheet("团队汇总").id);
    expect(value("团队汇总", "A2")).toBe("员工1");
  });

  test("one form per employee; forms without the self-assessment column when it is switched off", async () => {
    await services.generate(request({ layout: "form", employees: staff(2), selfAssessment: false }));
    expect(host.excel.model.sheets.map((s) => s.name)).toEqual(["Sheet1", "员工1", "员工2", "考核规则"]);
    expect(value("员工1", "G6")).toBeNull();
    expect(value("员工1", "H6")).toBe("上级评分");
  });

  test("refuses more than 200 forms before touching Excel", async () => {
    const error = await rejection(services.generate(request({ layout: "form", employees: staff(201) })));
    expect(error).toBeInstanceOf(PaneServiceError);
    expect((error as PaneServiceError).code).toBe("too_many_forms");
    expect(host.excel.stats.syncs).toBe(0);
  });

  test("the rules sheet alone, with its defined names", async () => {
    const result = await services.insertRulesSheet("淘宝售前kpi考核", "en");
    expect(result.sheets).toEqual([{ name: "Rules", kind: "rules" }]);
    expect(host.excel.model.names.map((n) => n.name)).toContain("KPI_taobao_presales_highlight");
    expect(host.excel.model.sheets.map((s) => s.name)).toEqual(["Sheet1", "Rules"]);
  });

  test("activates a sheet the result links to", async () => {
    await services.generate(request());
    await services.activateSheet("考核规则");
    expect(host.excel.model.activeSheetId).toBe(sheet("考核规则").id);
  });

  test("a protected workbook, cell-edit mode, too large a request and a hung sync are typed errors", async () => {
    host.excel.model.protection = { protected: true };
    expect(await rejection(services.generate(request()))).toMatchObject({ code: "workbook_protected" });
    freshHost({ excel: { cellEditMode: true } });
    expect(await rejection(services.generate(request()))).toMatchObject({ code: "cell_edit_mode" });
    freshHost({ excel: { requestLimitBytes: 20_000 } });
    expect(await rejection(services.generate(request({ employees: staff(300) })))).toMatchObject({ code: "too_large" });
    freshHost({ excel: { hangOnSync: 1 } }, 50);
    const error = await rejection(services.checkActiveSheet());
    expect(error).toBeInstanceOf(ExcelWriteError);
    expect((error as ExcelWriteError).text("zh")).toBe("Excel 在 0.1 秒内没有响应。请确认 Excel 仍在运行后重试。");
  });
});

describe("employees from the selection", () => {
  beforeEach(() => {
    type("Sheet1", {
      A1: "姓名",
      B1: "工号",
      C1: "部门",
      D1: "岗位",
      A2: "张三",
      B2: "00123",
      C2: "技术部",
      D2: "工程师",
      A3: "李四",
      B3: "00124",
      C3: "技术部",
      A4: "",
      B4: "00125",
    });
  });

  test("reads the selected range with its header row, and reports a row without a name", async () => {
    select("Sheet1", 1, 1, 4, 4);
    const read = await services.readSelectedStaff();
    expect(read.header).toBe(true);
    expect(read.employees).toEqual([
      { name: "张三", id: "00123", department: "技术部", position: "工程师" },
      { name: "李四", id: "00124", department: "技术部" },
    ]);
    expect(read.problems).toEqual([{ row: 4, code: "no_name" }]);
    expect(host.excel.stats.syncs).toBe(1);
  });

  test("one selected cell reads the whole list on the sheet", async () => {
    select("Sheet1", 2, 2);
    const read = await services.readSelectedStaff();
    expect(read.employees.map((e) => e.name)).toEqual(["张三", "李四"]);
    expect(read.address).toBe("'Sheet1'!A1:D4");
  });

  test("an empty selection says so", async () => {
    select("Sheet1", 10, 10, 12, 12);
    expect(await rejection(services.readSelectedStaff())).toMatchObject({ code: "selection_empty" });
  });
});

describe("add employees to a roster", () => {
  test("appends rows with the roster's formulas, skips a known 工号, and protects the sheet again as it was", async () => {
    await services.generate(request({ employees: staff(2) }));
    const before = { ...sheet("团队汇总").protection.options };
    const result = await services.addEmployees([
      ...staff(1, 2),
      ...staff(2, 3),
      { name: "王五", id: "00123", department: "销售部" },
    ]);
    expect(result).toEqual({ sheet: "团队汇总", filled: 0, added: 3, skipped: staff(1, 2) });
    const roster = sheet("团队汇总");
    expect([value("团队汇总", "A4"), value("团队汇总", "A6"), value("团队汇总", "B6")]).toEqual([
      "员工3",
      "王五",
      "00123",
    ]);
    // The new rows score with the same R1C1 formulas as the rows above them.
    expect(roster.cell(6, 7)!.formulaR1C1).toBe(roster.cell(3, 7)!.formulaR1C1);
    expect(roster.cell(6, 18)!.formulaR1C1).toBe(roster.cell(2, 18)!.formulaR1C1);
    expect(host.excel.model.tables[0].rect).toMatchObject({ r1: 1, r2: 6 });
    expect(roster.protection).toMatchObject({ protected: true, options: before });
  });

  test("fills the empty rows of a roster generated without a staff list first", async () => {
    await services.generate(request({ employees: [] }));
    const result = await services.addEmployees(staff(2));
    expect(result).toMatchObject({ filled: 2, added: 0 });
    expect([value("团队汇总", "A2"), value("团队汇总", "B3")]).toEqual(["员工1", "00002"]);
    expect(host.excel.model.tables[0].rect.r2).toBe(11);
  });

  test("on a sheet without a roster, says where to go", async () => {
    expect(await rejection(services.addEmployees(staff(1)))).toMatchObject({ code: "no_roster_here" });
  });
});

describe("check", () => {
  test("lists blank, non-numeric and out-of-range inputs with their cells, in the engine's words", async () => {
    await services.generate(request({ employees: staff(2) }));
    // 员工1: resolution blank, satisfaction "abc", complaints -1; 员工2: all valid.
    type("团队汇总", { F2: "abc", H2: 1, J2: -1, L2: 90, O2: 1 });
    type("团队汇总", { D3: 0, F3: 92, H3: 1, J3: 0, L3: 90, O3: 0 });
    host.excel.resetStats();
    const report = await services.checkActiveSheet();
    expect(host.excel.stats.syncs).toBe(2);
    expect(report.assessments).toEqual([{ kind: "roster", template: expect.objectContaining({ id: "support_kpi" }) }]);
    expect(report.issues.map((i) => [i.address, i.employee, i.kind])).toEqual([
      ["D2", "员工1", "blank"],
      ["F2", "员工1", "not_number"],
      ["J2", "员工1", "out_of_range"],
    ]);
    expect(report.issues[1].message.zh).toBe(
      "“abc” 不是数字:项目支持满意度 需要分数。输入满意度调查得分(0-100分),如 92;不是百分比",
    );
    expect(report.issues[0].message.en).toBe("Technical resolution: the input is blank, so no points.");
    expect(report.highlight).toEqual({ name: "KPI_support_kpi_highlight", on: true });
  });

  test("a level score between levels, on a rater template's self column", async () => {
    await services.generate(request({ templateId: "hongshu_support", employees: staff(1) }));
    type("团队汇总", { D2: 5, E2: 4, G2: 10, H2: 10, J2: 5, K2: 5 });
    const report = await services.checkActiveSheet();
    expect(report.issues).toEqual([
      expect.objectContaining({
        address: "E2",
        kind: "level",
        rater: "self",
        rule: expect.objectContaining({ zh: "文档撰写" }),
      }),
    ]);
  });

  test("selects the cell of an item", async () => {
    await services.generate(request());
    select("Sheet1", 1, 1);
    await services.selectCell("团队汇总", "F3");
    expect(host.excel.model.activeSheetId).toBe(sheet("团队汇总").id);
    expect(host.excel.model.selections.get(sheet("团队汇总").id)).toEqual({ r1: 3, c1: 6, r2: 3, c2: 6 });
  });

  test("switches highlighting off and on through the rules sheet's cell, which stays protected", async () => {
    await services.generate(request());
    const rules = sheet("考核规则");
    await services.setHighlight("KPI_support_kpi_highlight", false);
    expect(value("考核规则", "C3")).toBe(0);
    // Someone locked the switch: the sheet is unprotected and protected again with its options.
    rules.protection = { ...rules.protection, protected: false };
    rules.setFormat([{ r1: 3, c1: 3, r2: 3, c2: 3 }], "locked", true);
    rules.protection = { ...rules.protection, protected: true };
    await services.setHighlight("KPI_support_kpi_highlight", true);
    expect(value("考核规则", "C3")).toBe(1);
    expect(rules.protection.protected).toBe(true);
  });

  test("a sheet that is no assessment says so", async () => {
    expect(await rejection(services.checkActiveSheet())).toMatchObject({ code: "not_assessment_sheet" });
  });

  test("cell-edit mode is a typed error", async () => {
    freshHost({ excel: { cellEditMode: true } });
    expect(await rejection(services.checkActiveSheet())).toMatchObject({ code: "cell_edit_mode" });
  });
});

describe("explain", () => {
  test("a roster's score cell: rule, band and why, in zh and en, from the headers and the row's inputs", async () => {
    await services.generate(request());
    type("团队汇总", { F3: 92 });
    select("团队汇总", 3, 7);
    const e = await services.explainSelection();
    expect(e).toMatchObject({
      sheet: "团队汇总",
      address: "G3",
      kind: "roster",
      employee: "员工2",
      points: 12,
      onScore: true,
      rule: { ref: "support_kpi/satisfaction" },
      applied: { zh: "≥ 90 → 12 分", en: "≥ 90 → 12 points" },
      why: {
        zh: "项目支持满意度:输入 92,满足“≥ 90”,得 12 分。",
        en: 'Project support satisfaction: input 92 meets "≥ 90", 12 points.',
      },
    });
    expect(e.inputs).toEqual([
      { label: { zh: "满意度评分", en: "Satisfaction score" }, rater: null, address: "F3", shown: "92" },
    ]);
  });

  test("an English add-in roster explains the same way (formulas are never read)", async () => {
    await services.generate(request({ lang: "en", formulas: "addin" }));
    type("Team", { F2: 85 });
    select("Team", 2, 7);
    const e = await services.explainSelection();
    expect(e).toMatchObject({ points: 10, applied: { en: "≥ 85 → 10 points" } });
  });

  test("a form's score cell, and a level rule's level", async () => {
    await services.generate(request({ templateId: "competency_presales", layout: "form", employees: staff(1) }));
    // The form's first indicator (创新能力) sits below the header (row 6) and its section's title (row 7).
    const scoreRow = 8;
    type("员工1", { [`F${scoreRow}`]: 7 });
    select("员工1", scoreRow, 9);
    const e = await services.explainSelection();
    expect(e).toMatchObject({
      kind: "form",
      employee: "员工1",
      points: 7,
      rule: { ref: "competency_presales/innovation" },
    });
    expect(e.applied?.zh).toMatch(/^L3 /);
    expect(e.why.en).toContain("Innovation");
  });

  test("an applied block, found through its KPI_APPLIED names", async () => {
    type("Sheet1", { A1: "姓名", B1: "满意度", C1: "满意度得分", A2: "张三", B2: 96 });
    const range = (left: number) => ({ top: 1, bottom: 2, left, right: left });
    for (const n of markerNames({
      id: 1,
      sheet: "Sheet1",
      block: { top: 1, bottom: 2, left: 3, right: 3 },
      head: { top: 1, bottom: 1, left: 3, right: 3 },
      mode: "portable",
      templateId: "support_kpi",
      inputs: [{ slot: "satisfaction", range: { ...range(2), top: 2 } }],
      columns: [{ kind: "score", col: 3, rule: "satisfaction" }],
    })) {
      host.excel.model.addName(n.name, n.refersTo);
    }
    select("Sheet1", 2, 3);
    const e = await services.explainSelection();
    expect(e).toMatchObject({ kind: "applied", employee: "张三", points: 15, applied: { zh: "≥ 95 → 15 分" } });
  });

  test("a cell that is no score cell says what to select", async () => {
    await services.generate(request());
    select("团队汇总", 2, 1);
    expect(await rejection(services.explainSelection())).toMatchObject({ code: "not_score_cell" });
  });
});

describe("settings", () => {
  test("the default template goes into the document settings, to the functions, and recalculates fully", async () => {
    await services.saveDefaultTemplate("淘宝售前kpi考核");
    expect(host.office.savedSettings.get(DEFAULT_TEMPLATE_SETTING)).toBe("taobao_presales");
    expect(getDefaultTemplate()).toBe("taobao_presales");
    expect(host.excel.model.calculations).toEqual(["Full"]);
    expect(services.readDefaultTemplate()).toBe("taobao_presales");
  });

  test("a failed settings save is a typed error and changes nothing for the functions", async () => {
    freshHost({ settingsSaveFails: true });
    expect(await rejection(services.saveDefaultTemplate("support_kpi"))).toMatchObject({ code: "settings_not_saved" });
    expect(getDefaultTemplate()).toBeNull();
    expect(host.excel.model.calculations).toEqual([]);
  });

  test("the language is the user's (OfficeRuntime.storage), never the document's", async () => {
    expect(await services.readLanguage()).toBeNull();
    await services.saveLanguage("en");
    expect(host.office.storage.get(LANGUAGE_STORAGE_KEY)).toBe("en");
    expect([...host.office.savedSettings.keys()]).toEqual([]);
    expect(await services.readLanguage()).toBe("en");
  });

  test("without OfficeRuntime.storage, reading gives null and saving says so", async () => {
    freshHost({ noRuntimeStorage: true });
    expect(await services.readLanguage()).toBeNull();
    expect(await rejection(services.saveLanguage("zh"))).toMatchObject({ code: "storage_unavailable" });
  });
});
