// Add-in mode: a generated roster whose score cells call =KPI.SCORE / =KPI.BLEND, evaluated by HyperFormula
// with the KPI functions registered, gives the engine's scores, totals and grades. (HyperFormula has no RANK;
// the rank column is the same portable formula the LibreOffice suites check.)
import { HyperFormula } from "hyperformula";
import { KpiPlugin, TRANSLATIONS } from "../support/hyperformula-kpi";
import { assess } from "../../src/engine";
import { r1c1ToA1 } from "../../src/sheets/a1";
import { rosterLayout } from "../../src/sheets/roster";
import { buildWorkbook } from "../../src/sheets/workbook";
import { boundaryRows, engineInputs, key, randomRow } from "../integration/rows";
import { catalog, templates } from "./plans";

beforeAll(() => HyperFormula.registerFunctionPlugin(KpiPlugin, TRANSLATIONS));
afterAll(() => HyperFormula.unregisterFunctionPlugin(KpiPlugin));


test.each(templates.map((t) => [t.id, t] as const))("%s in add-in mode scores like the engine", (_id, template) => {
  const rows = [...boundaryRows(template, 11).slice(0, 40), ...Array.from({ length: 15 }, (_v, i) => randomRow(template, null as never, 500 + 37 * i)), new Map()];
  const { plan } = buildWorkbook(template, {
    layout: "roster",
    lang: "zh",
    period: "2026-Q4",
    employees: rows.map((_r, i) => ({ name: `员工${i + 1}`, id: String(i + 1), department: "测试" })),
    formulas: "addin",
    protect: false,
  });
  const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3", useArrayArithmetic: true });
  const ids = new Map<string, number>();
  for (const sheet of plan.sheets) {
    hf.addSheet(sheet.name);
    ids.set(sheet.id, hf.getSheetId(sheet.name)!);
  }
  for (const sheet of plan.sheets) {
    const sheetId = ids.get(sheet.id)!;
    const set = (row: number, col: number, v: unknown) => hf.setCellContents({ sheet: sheetId, row: row - 1, col: col - 1 }, [[v as never]]);
    for (const c of sheet.cells) set(c.row, c.col, c.formula !== undefined ? `=${c.formula}` : c.value ?? null);
    for (const cf of sheet.columnFormulas) for (let r = cf.firstRow; r <= cf.lastRow; r++) set(r, cf.col, `=${r1c1ToA1(cf.r1c1, r, cf.col)}`);
    for (const n of sheet.names) hf.addNamedExpression(n.name, `='${sheet.name}'!${n.ref}`);
  }
  const roster = ids.get("roster")!;
  const layout = rosterLayout(template, "zh");
  rows.forEach((row, r) => {
    for (const input of layout.inputs) {
      const v = row.get(key(input.found.ref, input.index, input.rater));
      if (v !== undefined && v !== null) hf.setCellContents({ sheet: roster, row: r + 1, col: input.col - 1 }, [[v as never]]);
    }
  });
  const differences: string[] = [];
  rows.forEach((row, r) => {
    const result = assess(template, engineInputs(template, row), catalog);
    const got = (col: number) => hf.getCellValue({ sheet: roster, row: r + 1, col: col - 1 });
    const same = (v: unknown, want: number | string) => (typeof want === "number" ? typeof v === "number" && Math.abs(v - want) < 1e-9 : v === want || (v === null && want === ""));
    for (const outcome of result.rules) {
      const want = outcome.scope === "adjustment" && outcome.score?.points === null ? "" : outcome.points ?? "";
      const v = got(layout.scoreCol.get(outcome.ref)!);
      if (!same(v, want)) differences.push(`row ${r + 2} ${outcome.ref}: sheet ${JSON.stringify(v)}, engine ${JSON.stringify(want)}`);
    }
    const total = got(layout.totalCol);
    if (!same(total, result.total ?? "")) differences.push(`row ${r + 2} 总分: sheet ${JSON.stringify(total)}, engine ${result.total}`);
    if (layout.gradeCol) {
      const grade = got(layout.gradeCol);
      if (!same(grade, result.grade?.label.zh ?? "")) differences.push(`row ${r + 2} 等级: sheet ${JSON.stringify(grade)}, engine ${result.grade?.label.zh}`);
    }
  });
  expect(differences.slice(0, 10)).toEqual([]);
  expect(plan.sheets[0].columnFormulas.some((c) => c.r1c1.includes("KPI.SCORE("))).toBe(true);
});
