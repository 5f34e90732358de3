import ExcelJS from "exceljs";
import JSZip from "jszip";
import { writePlanToBuffer } from "../../src/xlsx/write";
import { blankInputResults } from "../../src/xlsx/results";
import { savedValuesFromBuffer } from "../support/cell-values";
import { build, catalog } from "../sheets/plans";

async function roundTrip(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

const TRICKY = ["00123", "2026-01", "1E5", "-001", "=1+1", "@SUM(A1)", "\tTab", "TRUE", "1/2", "12:30", "  lead", "92%"];

describe("the .xlsx writer", () => {
  test("keeps validation, protection, names, the table and print set-up when opened again", async () => {
    const template = catalog.findTemplate("support_kpi");
    const { plan, forms } = build(template);
    const buffer = await writePlanToBuffer(plan, { results: blankInputResults(template, plan, forms) });
    const wb = await roundTrip(buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["团队汇总", "考核规则"]);
    const roster = wb.getWorksheet("团队汇总")!;
    expect(roster.getCell("F2").dataValidation).toMatchObject({ type: "decimal", showInputMessage: true });
    expect(roster.getCell("F2").dataValidation.prompt).toContain("满意度");
    expect(roster.getCell("J2").dataValidation).toMatchObject({ type: "whole", errorStyle: "stop" });
    expect(roster.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToWidth: 1 });
    expect(roster.pageSetup.printTitlesRow).toBe("1:1");
    expect(roster.headerFooter.oddHeader).toContain("2026-Q4");
    const names = (wb.definedNames as unknown as { model: Array<{ name: string; ranges: string[] }> }).model;
    expect(names.find((n) => n.name === "KPI_support_kpi_satisfaction_bound")?.ranges[0]).toBe("'考核规则'!$B$22:$B$25");
    // Protection and the table live in the sheet XML.
    const zip = await JSZip.loadAsync(buffer);
    const sheet1 = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheet1).toMatch(/<sheetProtection[^>]*sheet="1"[^>]*sort="0"[^>]*autoFilter="0"/);
    expect(sheet1).not.toMatch(/<sheetProtection[^>]*password/);
    const tables = Object.keys(zip.files).filter((f) => /^xl\/tables\/.+\.xml$/.test(f));
    expect(tables).toHaveLength(1);
    const table = await zip.file(tables[0])!.async("string");
    expect(table).toContain('name="KPI_support_kpi"');
    expect(table).toContain('ref="A1:S4"');
    // Formula cells carry the engine's result for blank inputs, input cells are unlocked.
    expect(roster.getCell("G2").value).toMatchObject({ formula: expect.stringContaining("INDEX(KPI_support_kpi_satisfaction_points") });
    const [saved] = await savedValuesFromBuffer(buffer);
    expect(saved.get("G2")).toBe("");
    expect(roster.getCell("F2").protection?.locked).toBe(false);
    expect(roster.getCell("G2").protection?.locked).not.toBe(false); // locked is the default
    expect(roster.getCell("A1").font?.name).toBe("等线");
  });

  test("a password, when given, protects every sheet", async () => {
    const { plan } = build(catalog.findTemplate("support_kpi"), { password: "hr2026" });
    const zip = await JSZip.loadAsync(await writePlanToBuffer(plan));
    const sheet1 = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheet1).toMatch(/<sheetProtection[^>]*(hashValue|password)/);
  });

  test("names and ids that Excel would parse stay exactly the text they were", async () => {
    const employees = TRICKY.map((s, i) => ({ name: s, id: s, department: `部门${i}` }));
    const { plan } = build(catalog.findTemplate("support_kpi"), { employees });
    const wb = await roundTrip(await writePlanToBuffer(plan));
    const roster = wb.getWorksheet("团队汇总")!;
    TRICKY.forEach((s, i) => {
      expect(roster.getCell(i + 2, 1).value).toBe(s);
      expect(roster.getCell(i + 2, 2).value).toBe(s);
      expect(roster.getCell(i + 2, 2).numFmt).toBe("@");
    });
  });

  test("a second table for the same template gets the next name", async () => {
    const template = catalog.findTemplate("support_kpi");
    const a = build(template).plan;
    const b = build(template).plan;
    const plan = { ...a, sheets: [a.sheets[0], { ...b.sheets[0], id: "roster2" }, a.sheets[1]] };
    const zip = await JSZip.loadAsync(await writePlanToBuffer(plan));
    const tables = await Promise.all(Object.keys(zip.files).filter((f) => /^xl\/tables\/.+\.xml$/.test(f)).map((f) => zip.file(f)!.async("string")));
    expect(tables.map((t) => /name="([^"]+)"/.exec(t)![1]).sort()).toEqual(["KPI_support_kpi", "KPI_support_kpi_2"]);
  });
});
