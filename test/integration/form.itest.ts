import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultCatalog } from "../../src/catalog";
import type { Template } from "../../src/catalog/types";
import { assess } from "../../src/engine";
import { columnNumber } from "../../src/sheets/a1";
import { formInputKey, type FormLayout } from "../../src/sheets/form";
import type { CellValue } from "../../src/sheets/plan";
import { buildWorkbook } from "../../src/sheets/workbook";
import { writePlanToFile } from "../../src/xlsx/write";
import { savedValues } from "../support/cell-values";
import { recalculate, sofficeVersion } from "./libreoffice";
import { boundaryRows, key, randomRow, type Row, engineInputs } from "./rows";

// Generated forms (one sheet per employee) recalculated by LibreOffice give the engine's scores, totals, grades.
const SEED = Number(process.env.KPI_SEED ?? (Date.now() + 7) % 1_000_000);
const WRONG = -98765;
const catalog = defaultCatalog();
const dir = mkdtempSync(join(tmpdir(), "kpi-form-"));

interface Case {
  template: Template;
  rows: Row[];
  forms: FormLayout[];
  file: string;
}
const cases: Case[] = [];


const cellKey = (ref: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  return `${Number(m[2])}:${columnNumber(m[1])}`;
};

beforeAll(async () => {
  console.log(`soffice --version: ${sofficeVersion()}; fast-check seed: ${SEED} (set KPI_SEED to repeat)`);
  for (const template of catalog.templates) {
    const rows = [...boundaryRows(template, SEED), ...Array.from({ length: 50 }, (_v, i) => randomRow(template, null as never, SEED + 1000 * (i + 1))), new Map()];
    const { plan, forms } = buildWorkbook(template, {
      layout: "form",
      lang: "zh",
      period: "2026-Q4",
      employees: rows.map((_r, i) => ({ name: `员工${i + 1}`, id: String(1000 + i), department: "测试" })),
      formulas: "portable",
      protect: true,
    });
    const overrides = new Map<string, Map<string, CellValue>>();
    const results = new Map<string, Map<string, CellValue>>();
    rows.forEach((row, i) => {
      const sheetId = `form_${i}`;
      const o = new Map<string, CellValue>();
      for (const [k, ref] of forms[i].inputCell) {
        const v = row.get(k);
        if (v !== undefined && v !== null) o.set(cellKey(ref), v as CellValue);
      }
      overrides.set(sheetId, o);
      const sheet = plan.sheets.find((s) => s.id === sheetId)!;
      results.set(sheetId, new Map(sheet.cells.filter((c) => c.formula !== undefined).map((c) => [`${c.row}:${c.col}`, WRONG])));
    });
    const file = join(dir, `${template.id}.xlsx`);
    await writePlanToFile(plan, file, { overrides, results });
    cases.push({ template, rows, forms, file });
  }
  const out = recalculate(cases.map((c) => c.file));
  cases.forEach((c, i) => (c.file = out[i]));
}, 600_000);

describe("LibreOffice recalculates generated forms exactly as the engine scores", () => {
  test.each(catalog.templates.map((t) => [t.id]))("%s", async (id) => {
    const c = cases.find((x) => x.template.id === id)!;
    const sheets = await savedValues(c.file);
    const differences: string[] = [];
    c.rows.forEach((row, i) => {
      const values = sheets[i];
      const result = assess(c.template, engineInputs(c.template, row), catalog);
      const same = (got: unknown, want: number | string) =>
        typeof want === "number" ? typeof got === "number" && Math.abs(got - want) < 1e-9 : got === want || ((got === null || got === undefined) && want === "");
      for (const outcome of result.rules) {
        const want = outcome.scope === "adjustment" && outcome.score?.points === null ? "" : outcome.points ?? "";
        const got = values.get(c.forms[i].scoreCell.get(outcome.ref)!);
        if (!same(got, want)) differences.push(`form ${i + 1} ${outcome.ref}: sheet ${JSON.stringify(got)}, engine ${JSON.stringify(want)}`);
      }
      const total = values.get(c.forms[i].totalCell);
      if (!same(total, result.total ?? "")) differences.push(`form ${i + 1} 总分: sheet ${JSON.stringify(total)}, engine ${result.total}`);
      if (c.forms[i].gradeCell) {
        const grade = values.get(c.forms[i].gradeCell!);
        if (!same(grade, result.grade?.label.zh ?? "")) differences.push(`form ${i + 1} 等级: sheet ${JSON.stringify(grade)}, engine ${result.grade?.label.zh}`);
      }
    });
    expect(differences.slice(0, 20)).toEqual([]);
    expect(formInputKey("x", 0, null)).toBe(key("x", 0, null));
  });
});
