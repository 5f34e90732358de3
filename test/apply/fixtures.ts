// Sheets HR already has, built in code: the messy roster of the issue (title row, merged two-row header,
// 12 employees, extra columns) and variations. Each fixture exists as a Grid (pure tests) and as an .xlsx
// written by ExcelJS (CLI, package and LibreOffice tests).
import ExcelJS from "exceljs";
import { gridFromRows, type Grid, type GridValue } from "../../src/apply/grid";

export type FixtureCell = GridValue | { formula: string; result?: GridValue };

export interface FixtureSheet {
  name: string;
  rows: FixtureCell[][];
  merges?: string[];
}

export function gridOf(sheet: FixtureSheet): Grid {
  return gridFromRows({
    name: sheet.name,
    values: sheet.rows.map((r) => r.map((c) => (c !== null && typeof c === "object" ? c.result ?? null : c))),
    formulas: sheet.rows.map((r) => r.map((c) => (c !== null && typeof c === "object" ? c.formula : null))),
    merges: sheet.merges,
  });
}

/** An .xlsx holding the sheets, as a person's workbook (ExcelJS writes shared strings, styles, merges). */
export async function xlsxOf(sheets: FixtureSheet[], decorate?: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(0);
  wb.modified = new Date(0);
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = typeof v === "object" ? ({ formula: v.formula, result: v.result ?? undefined } as ExcelJS.CellFormulaValue) : v;
      }),
    );
    for (const m of sheet.merges ?? []) ws.mergeCells(m);
    ws.getRow(1).font = { bold: true, size: 14 };
  }
  decorate?.(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const NAMES = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄强", "周杰", "吴霞", "徐斌", "孙丽"];

/** One employee's inputs for support_kpi, in the order of the messy sheet's input columns D..K. */
export function supportRow(i: number): GridValue[] {
  return [
    (i * 3) % 13, // 技术解决率 (unresolved customers)
    70 + ((i * 7) % 31), // 满意度
    (i * 5) % 12, // 回访完成率 (projects not visited)
    i % 4, // 客户投诉次数
    60 + ((i * 11) % 41), // 技术学习交流与成长 (exam)
    i % 5, // 成功经验例数
    i % 7, // 日报总结 (missed reports)
    [2, 0, -1][i % 3], // 日报质量
  ];
}

export const SUPPORT_HEADERS = ["技术解决率", "满意度（分）", "回访完成率", "客户投诉次数", "技术学习交流与成长", "成功经验例数", "日报总结", "日报质量"];

/**
 * The messy sheet: a title row, a merged two-row header (序号/姓名/部门 merged down, two group headings
 * merged across), 12 employees, extra columns (序号, 部门, 备注) and an inputs block for support_kpi.
 */
export function messyRoster(options: { rows?: number; name?: string } = {}): FixtureSheet {
  const n = options.rows ?? 12;
  const rows: FixtureCell[][] = [
    ["2026年第一季度 售前技术支持部绩效考核表", null, null, null, null, null, null, null, null, null, null, null],
    ["序号", "姓名", "部门", "业绩指标", null, null, null, "能力与态度", null, null, null, "备注"],
    [null, null, null, ...SUPPORT_HEADERS, null],
  ];
  for (let i = 0; i < n; i++) rows.push([i + 1, NAMES[i % NAMES.length] + (i >= NAMES.length ? String(i) : ""), i % 2 ? "售前一部" : "售前二部", ...supportRow(i), i === 3 ? "新员工" : null]);
  return { name: options.name ?? "一季度", rows, merges: ["A1:L1", "A2:A3", "B2:B3", "C2:C3", "D2:G2", "H2:K2", "L2:L3"] };
}

/** The flat layout: one header row, English headers, a name column without a header (senior_tech_engineer). */
export function englishRoster(): FixtureSheet {
  const rows: FixtureCell[][] = [[null, "Team", "Technical expertise", "Customer communication", "Problem solving", "Teamwork", "Business contribution", "Hired"]];
  const staff = ["Ann Lee", "Bo Chen", "Cai Wu", "Dan Xu", "Eve Ma", "Fay Hu"];
  staff.forEach((s, i) => rows.push([s, i % 2 ? "North" : "South", 5 + (i % 6), 4 + ((i * 3) % 7), 6 + (i % 5), 3 + ((i * 2) % 8), 7 + (i % 4), "2020"]));
  return { name: "Q1", rows };
}
