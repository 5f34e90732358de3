import { defaultCatalog } from "../../src/catalog";
import { ExcelWriteError, toExcelWriteError } from "../../src/excel/errors";
import { REQUEST_BUDGET_BYTES, utf8Length } from "../../src/excel/payload";
import { excelWouldParse } from "../../src/excel/typed-text";
import { writeWorkbookPlan } from "../../src/excel/write-plan";
import { widthInPoints } from "../../src/excel/write-sheet";
import type { Employee } from "../../src/sheets/roster";
import type { WorkbookPlan } from "../../src/sheets/plan";
import { buildWorkbookPlan, type GenerateOptions } from "../../src/sheets/workbook";
import { installFakeExcel, parseArea, type FakeExcel } from "./fake-excel";

// Generating sheets through Office.js: what lands in the workbook, in how many requests, and what the pane is
// told when Excel refuses.

const catalog = defaultCatalog();
const template = (id: string) => catalog.templates.find((t) => t.id === id)!;

function staff(n: number): Employee[] {
  return Array.from({ length: n }, (_v, i) => ({
    name: `员工${i + 1}`,
    id: String(i + 1).padStart(6, "0"),
    department: "技术支持部",
  }));
}

function rosterPlan(id: string, employees: Employee[], options: Partial<GenerateOptions> = {}): WorkbookPlan {
  return buildWorkbookPlan(template(id), {
    layout: "roster",
    lang: "zh",
    period: "2026-Q4",
    employees,
    formulas: "portable",
    protect: true,
    ...options,
  });
}

let fake: FakeExcel;
let uninstall: () => void;

function freshHost(options = {}): void {
  uninstall?.();
  ({ fake, uninstall } = installFakeExcel(options));
  fake.model.addSheet("Sheet1");
}

beforeEach(() => freshHost());
afterEach(() => uninstall());

async function rejection(p: Promise<unknown>): Promise<ExcelWriteError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ExcelWriteError);
    return e as ExcelWriteError;
  }
  throw new Error("expected the write to fail");
}

/** Defined names a formula reads (KPI_…), R1C1 or A1. */
const namesIn = (formula: string) => formula.match(/\bKPI_[A-Za-z0-9_.]+(?![A-Za-z0-9_.(])/g) ?? [];

describe("a roster of 5 employees", () => {
  const plan = rosterPlan("hongshu_support", staff(5));
  const [planRoster, planRules] = plan.sheets;

  test("adds the roster and the rules sheet after the existing sheets, with the requested names", async () => {
    const result = await writeWorkbookPlan(plan);
    expect(result.sheets).toEqual([
      { id: "roster", name: "团队汇总", tableName: "KPI_hongshu_support" },
      { id: "rules", name: "考核规则", tableName: undefined },
    ]);
    expect(fake.model.sheets.map((s) => s.name)).toEqual(["Sheet1", "团队汇总", "考核规则"]);
    expect(fake.model.activeSheetId).toBe(fake.model.sheet("团队汇总")!.id);
    expect(result.names).toEqual(planRules.names.map((n) => n.name));
  });

  test("defines every rules name on the rules sheet", async () => {
    await writeWorkbookPlan(plan);
    expect(fake.model.names.map((n) => [n.name, n.formula])).toEqual(
      planRules.names.map((n) => [n.name, `='考核规则'!${n.ref}`]),
    );
  });

  test("writes headers, employees as text, and one R1C1 formula per score, total, grade and rank column", async () => {
    await writeWorkbookPlan(plan);
    const roster = fake.model.sheet("团队汇总")!;
    for (const c of planRoster.cells)
      expect([c.row, c.col, roster.cell(c.row, c.col)!.value]).toEqual([c.row, c.col, c.value]);
    staff(5).forEach((e, i) => {
      expect([1, 2, 3].map((col) => roster.cell(i + 2, col)!.value)).toEqual([e.name, e.id, e.department]);
      expect([1, 2, 3].map((col) => roster.cell(i + 2, col)!.numberFormat)).toEqual(["@", "@", "@"]);
    });
    for (const cf of planRoster.columnFormulas) {
      for (let row = cf.firstRow; row <= cf.lastRow; row++)
        expect(roster.cell(row, cf.col)!.formulaR1C1).toBe(`=${cf.r1c1}`);
      if (cf.style?.numFmt) expect(roster.cell(cf.firstRow, cf.col)!.numberFormat).toBe(cf.style.numFmt);
    }
    expect(
      fake.stats.requests
        .flatMap((r) => Object.entries(r.members))
        .filter(([m]) => m === "Range.formulasR1C1")
        .reduce((n, [, k]) => n + k, 0),
    ).toBe(planRoster.columnFormulas.length);
  });

  test("adds the table, validations and conditional formats of the plan", async () => {
    await writeWorkbookPlan(plan);
    const roster = fake.model.sheet("团队汇总")!;
    expect(fake.model.tables).toEqual([
      expect.objectContaining({
        name: "KPI_hongshu_support",
        sheetId: roster.id,
        rect: parseArea(planRoster.table!.range).rect,
        showFilterButton: true,
        showBandedRows: false,
      }),
    ]);
    expect(roster.validations).toHaveLength(planRoster.validations.length);
    for (const v of planRoster.validations) {
      const written = roster.validations.find(
        (w) => JSON.stringify(w.rects) === JSON.stringify([parseArea(v.range).rect]),
      )!;
      expect(written.prompt).toEqual({ showPrompt: true, title: v.promptTitle, message: v.prompt });
      expect(written.errorAlert).toMatchObject({ showAlert: true, title: v.errorTitle, message: v.error });
      if (v.type === "list") {
        expect(written.rule).toEqual({ list: { inCellDropDown: true, source: `=${v.list}` } });
        expect(fake.model.names.some((n) => n.name === v.list)).toBe(true);
      } else {
        expect(Object.keys(written.rule!)).toEqual([v.type === "whole" ? "wholeNumber" : "decimal"]);
      }
    }
    expect(roster.conditionalFormats.map((c) => [c.type, c.formula])).toEqual(
      planRoster.conditionalFormats.map((c) => ["Custom", `=${c.formula}`]),
    );
    expect(roster.conditionalFormats.every((c) => /^#[0-9A-F]{6}$/.test(c.fill ?? ""))).toBe(true);
  });

  test("leaves inputs unlocked, locks scores, protects both sheets, freezes the header and sets up printing", async () => {
    await writeWorkbookPlan(plan);
    const roster = fake.model.sheet("团队汇总")!;
    const rules = fake.model.sheet("考核规则")!;
    for (const c of planRoster.inputColumns)
      expect(roster.readFormat([{ r1: c.firstRow, c1: c.col, r2: c.lastRow, c2: c.col }], "locked")).toBe(false);
    for (const c of planRoster.columnFormulas)
      expect(roster.readFormat([{ r1: c.firstRow, c1: c.col, r2: c.lastRow, c2: c.col }], "locked")).toBe(true);
    expect(roster.readFormat([{ r1: 2, c1: 1, r2: 6, c2: 3 }], "locked")).toBe(false);
    expect(roster.protection).toMatchObject({ protected: true, options: { allowSort: true, allowAutoFilter: true } });
    expect(rules.protection).toMatchObject({ protected: true, options: { allowSort: false, allowAutoFilter: false } });
    expect(roster.freeze).toEqual({ rows: 1, cols: 1 });
    expect(roster.pageLayout).toEqual({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$1:$1",
      centerHeader: planRoster.print.header,
      centerFooter: planRoster.print.footer,
    });
    expect(rules.pageLayout.orientation).toBe("Portrait");
    expect(roster.columnWidths.get(1)).toBe(widthInPoints(12));
    expect(roster.rowHeights.get(1)).toBe(45);
    expect(roster.cell(1, 1)!.format).toMatchObject({
      fontName: plan.font,
      bold: true,
      fill: "#2F5597",
      horizontal: "Center",
      borderTop: "Continuous|#BFBFBF|Thin",
    });
  });

  test("writes every cell of the rules sheet, merged or not", async () => {
    await writeWorkbookPlan(plan);
    const rules = fake.model.sheet("考核规则")!;
    for (const c of planRules.cells) {
      const cell = rules.cell(c.row, c.col)!;
      expect([c.row, c.col, c.formula !== undefined ? cell.formula : cell.value]).toEqual([
        c.row,
        c.col,
        c.formula !== undefined ? `=${c.formula}` : c.value,
      ]);
      if (c.style?.numFmt) expect(cell.numberFormat).toBe(c.style.numFmt);
    }
    expect(rules.merges).toHaveLength(planRules.merges.length);
    for (const r of planRules.inputRanges) expect(rules.readFormat([parseArea(r).rect], "locked")).toBe(false);
  });
});

describe("requests", () => {
  async function measure(n: number) {
    freshHost();
    const plan = rosterPlan("hongshu_support", staff(n));
    const result = await writeWorkbookPlan(plan);
    return {
      plan,
      result,
      calls: fake.stats.apiCalls,
      requests: fake.stats.requests,
      bytes: fake.stats.requests.reduce((s, r) => s + r.bytes, 0),
    };
  }

  test("5 and 2,000 employees: at most 3 syncs per sheet, no request over 2 MB, the same calls, bytes growing only by the staff list", async () => {
    const small = await measure(5);
    const large = await measure(2000);
    for (const run of [small, large]) {
      expect(run.result.syncs).toBe(2);
      expect(run.result.syncs).toBeLessThanOrEqual(3 * run.plan.sheets.length);
      expect(run.requests.length).toBe(run.result.syncs);
      expect(Math.max(...run.requests.map((r) => r.bytes))).toBeLessThanOrEqual(2 * 1024 * 1024);
      // Every request that writes suspends recalculation until it is done.
      expect(run.requests.slice(1).every((r) => r.calculationSuspended)).toBe(true);
    }
    expect(large.calls).toBe(small.calls);
    const staffBytes = (n: number) => utf8Length(JSON.stringify(staff(n).map((e) => [e.name, e.id, e.department])));
    expect(large.bytes - small.bytes).toBeLessThan((staffBytes(2000) - staffBytes(5)) * 1.1 + 2000);
    const roster = fake.model.sheet("团队汇总")!;
    expect(roster.cell(2001, 1)!.value).toBe("员工2000");
    expect(roster.cell(2001, large.plan.sheets[0].columnFormulas[0].col)!.formulaR1C1).toBe(
      `=${large.plan.sheets[0].columnFormulas[0].r1c1}`,
    );
  });

  test("a staff list over 2 MB is split across requests, none over 2 MB, and arrives whole", async () => {
    const long = (i: number) => `${"很长的名字".repeat(60)}${i}`;
    const employees = Array.from({ length: 2000 }, (_v, i) => ({ name: long(i), id: String(i), department: long(-i) }));
    const plan = rosterPlan("support_kpi", employees);
    const result = await writeWorkbookPlan(plan);
    expect(result.syncs).toBeGreaterThan(2);
    expect(Math.max(...fake.stats.requests.map((r) => r.bytes))).toBeLessThanOrEqual(REQUEST_BUDGET_BYTES);
    expect(fake.stats.requests.slice(1).every((r) => r.calculationSuspended)).toBe(true);
    const roster = fake.model.sheet("团队汇总")!;
    employees.forEach((e, i) =>
      expect([roster.cell(i + 2, 1)!.value, roster.cell(i + 2, 3)!.value]).toEqual([e.name, e.department]),
    );
  });
});

describe("an existing workbook", () => {
  test("keeps existing sheets, names and tables untouched and picks new unique names, ignoring case", async () => {
    await fake.run(async (context) => {
      const team = context.workbook.worksheets.add("TEAM");
      team.getRange("A1:B2").values = [
        ["姓名", "分数"],
        ["张三", 90],
      ];
      team.tables.add(team.getRange("A1:B2"), true).name = "kpi_HONGSHU_support";
      const rules = context.workbook.worksheets.add("rules");
      rules.getRange("A1").values = [["mine"]];
      context.workbook.names.add("KPI_hongshu_support_highlight", rules.getRange("A1"));
      rules.protection.protect();
    });
    const existing = fake.model.sheets.map((s) => fake.model.snapshotSheet(s));
    const names = JSON.stringify(fake.model.names);
    const result = await writeWorkbookPlan(rosterPlan("hongshu_support", staff(3), { lang: "en" }));
    expect(result.sheets.map((s) => s.name)).toEqual(["Team (2)", "Rules (2)"]);
    expect(result.sheets[0].tableName).toBe("KPI_hongshu_support_2");
    expect(fake.model.sheets.slice(0, 3).map((s) => fake.model.snapshotSheet(s))).toEqual(existing);
    expect(JSON.stringify(fake.model.names.slice(0, 1))).toBe(names);
    expect(result.names).toContain("KPI_hongshu_support_highlight_2");
    expect(result.names).not.toContain("KPI_hongshu_support_highlight");
  });

  test("generating twice gives new sheets, table and names, and the second roster reads only its own rules", async () => {
    const plan = rosterPlan("hongshu_support", staff(4));
    const first = await writeWorkbookPlan(plan);
    const second = await writeWorkbookPlan(plan);
    expect(second.sheets).toEqual([
      { id: "roster", name: "团队汇总 (2)", tableName: "KPI_hongshu_support_2" },
      { id: "rules", name: "考核规则 (2)", tableName: undefined },
    ]);
    expect(second.names.filter((n) => first.names.some((m) => m.toLowerCase() === n.toLowerCase()))).toEqual([]);
    const byName = new Map(fake.model.names.map((n) => [n.name.toLowerCase(), n]));
    for (const [written, rulesName, own] of [
      [first, "考核规则", first.names],
      [second, "考核规则 (2)", second.names],
    ] as const) {
      const roster = fake.model.sheet(written.sheets[0].name)!;
      const used = [
        ...roster.entries().map(({ cell }) => cell.formulaR1C1 ?? cell.formula ?? ""),
        ...roster.validations.map((v) => (v.rule?.list?.source as string) ?? ""),
        ...roster.conditionalFormats.map((c) => c.formula ?? ""),
      ].flatMap(namesIn);
      expect(used.length).toBeGreaterThan(0);
      for (const name of new Set(used)) {
        expect(own).toContain(name);
        expect(byName.get(name.toLowerCase())!.formula.startsWith(`='${rulesName}'!`)).toBe(true);
      }
    }
  });
});

describe("text stays text", () => {
  const risky = ["00123", "2026-01", "1E5", "-001", "=1+1", "@SUM(A1)", "\tTab", "TRUE", "1/2", "12:30", "  lead"];

  test.each(risky)("%j written as a name, id and department reads back as exactly that text", async (text) => {
    const plan = rosterPlan("support_kpi", [{ name: text, id: text, department: text }]);
    await writeWorkbookPlan(plan);
    const roster = fake.model.sheet("团队汇总")!;
    for (const col of [1, 2, 3]) {
      const cell = roster.cell(2, col)!;
      expect([cell.value, cell.formula, cell.numberFormat]).toEqual([text, undefined, "@"]);
      expect(cell.quotePrefix).toBe(excelWouldParse(text));
    }
  });
});

test("a blank roster (no staff list) leaves the name, id and department cells editable on the protected sheet", async () => {
  const plan = rosterPlan("support_kpi", [], { blankRows: 10 });
  await writeWorkbookPlan(plan);
  const roster = fake.model.sheet("团队汇总")!;
  expect(roster.protection.protected).toBe(true);
  expect(roster.readFormat([{ r1: 2, c1: 1, r2: 11, c2: 3 }], "locked")).toBe(false);
});

test("add-in mode protects nothing and scores with KPI.* calls", async () => {
  const plan = rosterPlan("hongshu_support", staff(3), { formulas: "addin" });
  await writeWorkbookPlan(plan);
  expect(fake.model.sheets.map((s) => s.protection.protected)).toEqual([false, false, false]);
  expect(fake.model.sheet("团队汇总")!.cell(2, plan.sheets[0].columnFormulas[0].col)!.formulaR1C1).toMatch(
    /KPI\.(SCORE|BLEND)\(/,
  );
});

describe("what the pane is told when Excel refuses", () => {
  test("a protected workbook: a typed error in zh and en, nothing added", async () => {
    fake.model.protection = { protected: true };
    const error = await rejection(writeWorkbookPlan(rosterPlan("support_kpi", staff(2))));
    expect(error.code).toBe("workbook_protected");
    expect(error.text("zh")).toContain("工作簿结构受保护");
    expect(error.text("en")).toContain("workbook structure is protected");
    expect(fake.model.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    expect(fake.stats.syncs).toBe(1);
  });

  test("a protected sheet: Excel's AccessDenied becomes a typed error in zh and en", async () => {
    let thrown: unknown;
    try {
      await fake.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.protection.protect();
        await context.sync();
        sheet.getRange("A1").values = [["x"]];
        await context.sync();
      });
    } catch (e) {
      thrown = e;
    }
    const error = toExcelWriteError(thrown);
    expect([error.code, error.excelCode]).toEqual(["protected", "AccessDenied"]);
    expect(error.text("zh")).toMatch(/^工作表或工作簿受保护/);
    expect(error.text("en")).toMatch(/^A sheet or the workbook is protected/);
  });

  test("cell-edit mode: a typed error saying to finish editing", async () => {
    freshHost({ cellEditMode: true });
    const error = await rejection(writeWorkbookPlan(rosterPlan("support_kpi", staff(2))));
    expect([error.code, error.excelCode]).toEqual(["cell_edit_mode", "InvalidOperationInCellEditMode"]);
    expect(error.text("zh")).toContain("Enter");
    expect(error.text("en")).toContain("editing a cell");
  });

  test("a sync that never returns times out with a typed error", async () => {
    freshHost({ hangOnSync: 2 });
    const started = Date.now();
    const error = await rejection(writeWorkbookPlan(rosterPlan("support_kpi", staff(2)), { timeoutMs: 50 }));
    expect(error.code).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error.text("zh")).toBe("Excel 在 0.1 秒内没有响应。请确认 Excel 仍在运行后重试。");
    expect(error.text("en")).toContain("0.1 seconds");
  });

  test("a failure half-way removes the sheets and names already added", async () => {
    const plan = rosterPlan("support_kpi", staff(3));
    plan.sheets[0].merges.push("A2:B2"); // a merge under the table: Excel refuses the table
    const error = await rejection(writeWorkbookPlan(plan));
    expect([error.code, error.excelCode]).toEqual(["excel_failed", "InvalidOperation"]);
    expect(error.text("zh")).toMatch(/^Excel 报告错误:InvalidOperation/);
    expect(fake.model.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    expect(fake.model.names).toEqual([]);
    expect(fake.model.tables).toEqual([]);
  });
});
