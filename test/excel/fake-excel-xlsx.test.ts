import ExcelJS from "exceljs";
import { defaultCatalog } from "../../src/catalog";
import { writeWorkbookPlan } from "../../src/excel/write-plan";
import { r1c1ToA1 } from "../../src/sheets/a1";
import type { Employee } from "../../src/sheets/roster";
import { buildWorkbookPlan } from "../../src/sheets/workbook";
import { planToWorkbook, writePlanToBuffer } from "../../src/xlsx/write";
import { installFakeExcel, type FakeExcel } from "./fake-excel";
import { fakeWorkbookBuffer } from "./fake-excel-xlsx";

// What the Office.js writer recorded in the fake host, exported to .xlsx, reads back like the ExcelJS writer's file.

const template = defaultCatalog().templates.find((t) => t.id === "hongshu_support")!;
const risky = ["00123", "2026-01", "1E5", "-001", "=1+1", "@SUM(A1)", "\tTab", "TRUE", "1/2", "12:30", "  lead"];
const employees: Employee[] = risky.map((s, i) => ({ name: s, id: String(i + 1).padStart(5, "0"), department: s }));
const plan = buildWorkbookPlan(template, {
  layout: "roster",
  lang: "zh",
  period: "2026-Q4",
  employees,
  formulas: "portable",
  protect: true,
});

let fake: FakeExcel;
let uninstall: () => void;
beforeEach(() => ({ fake, uninstall } = installFakeExcel()));
afterEach(() => uninstall());

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

/** A cell as comparable data: the formula (A1, no "=") or the value ("" and blank alike: Office.js writes "" as blank). */
function content(cell: ExcelJS.Cell): unknown {
  const v = cell.value;
  if (v && typeof v === "object" && "formula" in v) return { formula: (v as ExcelJS.CellFormulaValue).formula };
  if (v && typeof v === "object" && "sharedFormula" in v) return { formula: cell.formula };
  return v === "" || v === undefined ? null : v;
}

test("the exported roster keeps formulas (in A1), values, text and names", async () => {
  await writeWorkbookPlan(plan);
  const workbook = await load(await fakeWorkbookBuffer(fake.model));
  expect(workbook.worksheets.map((w) => w.name)).toEqual(["团队汇总", "考核规则"]);
  const roster = workbook.getWorksheet("团队汇总")!;
  for (const cf of plan.sheets[0].columnFormulas) {
    for (let row = cf.firstRow; row <= cf.lastRow; row++)
      expect(content(roster.getCell(row, cf.col))).toEqual({ formula: r1c1ToA1(cf.r1c1, row, cf.col) });
  }
  risky.forEach((s, i) => {
    expect(roster.getCell(i + 2, 1).value).toBe(s);
    expect(roster.getCell(i + 2, 2).value).toBe(String(i + 1).padStart(5, "0"));
  });
  expect(roster.getCell(1, 1).value).toBe("姓名");
  const names = (workbook.definedNames as unknown as { model: Array<{ name: string; ranges: string[] }> }).model;
  expect(names.map((n) => n.name).sort()).toEqual(plan.sheets[1].names.map((n) => n.name).sort());
  const input = plan.sheets[0].inputColumns[0];
  expect(roster.getCell(input.firstRow, input.col).dataValidation).toMatchObject({ showInputMessage: true });
});

const cases = defaultCatalog().templates.flatMap((t) =>
  (["roster", "form"] as const).map((layout) => [t.id, layout] as const),
);

test.each(cases)(
  "%s %s: the Office.js path and the ExcelJS writer give the same cells, formats and merges",
  async (id, layout) => {
    const t = defaultCatalog().templates.find((x) => x.id === id)!;
    const staff = layout === "roster" ? employees : employees.slice(0, 2);
    const p = buildWorkbookPlan(t, {
      layout,
      lang: "zh",
      period: "2026-Q4",
      employees: staff,
      formulas: "portable",
      protect: true,
    });
    const written = await writeWorkbookPlan(p);
    const viaOffice = await load(await fakeWorkbookBuffer(fake.model));
    const exceljs = await planToWorkbook(p);
    const viaExcelJS = await load(Buffer.from(await exceljs.workbook.xlsx.writeBuffer()));
    for (const sheet of p.sheets) {
      const a = viaOffice.getWorksheet(written.sheets.find((w) => w.id === sheet.id)!.name)!;
      const b = viaExcelJS.getWorksheet(exceljs.sheets.find((w) => w.id === sheet.id)!.name)!;
      const differences: string[] = [];
      let filled = 0;
      const rows = Math.max(a.rowCount, b.rowCount);
      const cols = Math.max(a.columnCount, b.columnCount);
      for (let r = 1; r <= rows; r++) {
        for (let c = 1; c <= cols; c++) {
          const [x, y] = [content(a.getCell(r, c)), content(b.getCell(r, c))];
          if (x !== null) filled++;
          const at = `${a.name}!R${r}C${c}`;
          if (JSON.stringify(x) !== JSON.stringify(y))
            differences.push(`${at}: office ${JSON.stringify(x)}, exceljs ${JSON.stringify(y)}`);
          const [fa, fb] = [a.getCell(r, c), b.getCell(r, c)];
          if ((fa.numFmt ?? "General") !== (fb.numFmt ?? "General"))
            differences.push(`${at} numFmt: office ${fa.numFmt}, exceljs ${fb.numFmt}`);
          if ((fa.protection?.locked ?? true) !== (fb.protection?.locked ?? true))
            differences.push(`${at} locked: office ${fa.protection?.locked}, exceljs ${fb.protection?.locked}`);
          if (Boolean(fa.font?.bold) !== Boolean(fb.font?.bold))
            differences.push(`${at} bold: office ${fa.font?.bold}, exceljs ${fb.font?.bold}`);
          const fill = (cell: ExcelJS.Cell) => (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
          if (fill(fa) !== fill(fb)) differences.push(`${at} fill: office ${fill(fa)}, exceljs ${fill(fb)}`);
          const box = (cell: ExcelJS.Cell) =>
            (["top", "left", "bottom", "right"] as const).map((side) => cell.border?.[side]?.style ?? "-").join(",");
          if (box(fa) !== box(fb)) differences.push(`${at} border: office ${box(fa)}, exceljs ${box(fb)}`);
          if ((fa.alignment?.horizontal ?? "general") !== (fb.alignment?.horizontal ?? "general"))
            differences.push(`${at} align: office ${fa.alignment?.horizontal}, exceljs ${fb.alignment?.horizontal}`);
          if (Boolean(fa.alignment?.wrapText) !== Boolean(fb.alignment?.wrapText))
            differences.push(`${at} wrap: office ${fa.alignment?.wrapText}, exceljs ${fb.alignment?.wrapText}`);
        }
      }
      expect(differences.slice(0, 10)).toEqual([]);
      expect(filled).toBeGreaterThanOrEqual(sheet.cells.length);
      expect([...a.model.merges].sort()).toEqual([...b.model.merges].sort());
    }
  },
);

test("the ExcelJS writer keeps the same risky strings as text too", async () => {
  const workbook = await load(await writePlanToBuffer(plan));
  const roster = workbook.getWorksheet("团队汇总")!;
  risky.forEach((s, i) => {
    expect([roster.getCell(i + 2, 1).value, roster.getCell(i + 2, 3).value]).toEqual([s, s]);
    expect(roster.getCell(i + 2, 2).numFmt).toBe("@");
  });
});
