import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultCatalog } from "../../src/catalog";
import type { Template } from "../../src/catalog/types";
import { assess } from "../../src/engine";
import { rosterLayout } from "../../src/sheets/roster";
import { buildWorkbookPlan } from "../../src/sheets/workbook";
import type { CellValue } from "../../src/sheets/plan";
import { writePlanToFile } from "../../src/xlsx/write";
import { savedValues } from "../support/cell-values";
import { recalculate, sofficeVersion } from "./libreoffice";
import { a1 } from "../../src/sheets/a1";
import { boundaryRows, key, randomRow, type Row, engineInputs } from "./rows";

// Generated rosters recalculated by LibreOffice give the engine's scores, totals, grades and ranks.
const SEED = Number(process.env.KPI_SEED ?? Date.now() % 1_000_000);
const WRONG = -98765;
const catalog = defaultCatalog();
const templates = catalog.templates;
const dir = mkdtempSync(join(tmpdir(), "kpi-roster-"));

interface Case {
  template: Template;
  rows: Row[];
  file: string;
}



const cases: Case[] = [];

beforeAll(async () => {
  console.log(`soffice --version: ${sofficeVersion()}`);
  console.log(`fast-check seed: ${SEED} (set KPI_SEED to repeat)`);
  for (const template of templates) {
    const rows = [...boundaryRows(template, SEED), ...Array.from({ length: 50 }, (_v, i) => randomRow(template, null as never, SEED + 1000 * (i + 1)))];
    rows.push(new Map()); // a row with no inputs: blank total, blank rank
    const plan = buildWorkbookPlan(template, {
      layout: "roster",
      lang: "zh",
      period: "2026-Q4",
      employees: rows.map((_r, i) => ({ name: `员工${i + 1}`, id: String(1000 + i), department: "测试" })),
      formulas: "portable",
      protect: true,
    });
    const roster = plan.sheets[0];
    const layout = rosterLayout(template, "zh");
    const overrides = new Map<string, CellValue>();
    rows.forEach((row, r) => {
      for (const input of layout.inputs) {
        const v = row.get(key(input.found.ref, input.index, input.rater));
        if (v !== undefined && v !== null) overrides.set(`${r + 2}:${input.col}`, v as CellValue);
      }
    });
    // Every formula cell carries a wrong cached value: only a real recalculation can replace it.
    const results = new Map<string, CellValue>();
    for (const cf of roster.columnFormulas) for (let r = cf.firstRow; r <= cf.lastRow; r++) results.set(`${r}:${cf.col}`, WRONG);
    const file = join(dir, `${template.id}.xlsx`);
    await writePlanToFile(plan, file, { overrides: new Map([["roster", overrides]]), results: new Map([["roster", results]]) });
    cases.push({ template, rows, file });
  }
  const recalculated = recalculate(cases.map((c) => c.file));
  cases.forEach((c, i) => (c.file = recalculated[i]));
}, 600_000);

describe("LibreOffice recalculates generated rosters exactly as the engine scores", () => {
  test.each(templates.map((t) => [t.id]))("%s", async (id) => {
    const c = cases.find((x) => x.template.id === id)!;
    const [sheet] = await savedValues(c.file);
    expect(sheet.get(a1(1, rosterLayout(c.template, "zh").totalCol))).toBe("总分");
    const layout = rosterLayout(c.template, "zh");
    const expectedTotals = c.rows.map((row) => assess(c.template, engineInputs(c.template, row), catalog).total);
    const differences: string[] = [];
    c.rows.forEach((row, r) => {
      const excelRow = r + 2;
      const result = assess(c.template, engineInputs(c.template, row), catalog);
      const got = (col: number) => {
        const v = sheet.get(a1(excelRow, col));
        return v === undefined ? null : v;
      };
      for (const outcome of result.rules) {
        const col = layout.scoreCol.get(outcome.ref)!;
        const expected = outcome.scope === "adjustment" && outcome.score?.points === null ? "" : outcome.points ?? "";
        const value = got(col);
        const same = typeof expected === "number" ? typeof value === "number" && Math.abs(value - expected) < 1e-9 : value === expected || (value === null && expected === "");
        if (!same) differences.push(`row ${excelRow} ${outcome.ref}: sheet ${JSON.stringify(value)}, engine ${JSON.stringify(expected)}`);
      }
      const total = got(layout.totalCol);
      const expectedTotal = result.total ?? "";
      if (!(total === expectedTotal || (total === null && expectedTotal === ""))) differences.push(`row ${excelRow} 总分: sheet ${JSON.stringify(total)}, engine ${JSON.stringify(expectedTotal)}`);
      if (layout.gradeCol) {
        const grade = got(layout.gradeCol);
        const expectedGrade = result.grade?.label.zh ?? "";
        if (!(grade === expectedGrade || (grade === null && expectedGrade === ""))) differences.push(`row ${excelRow} 等级: sheet ${JSON.stringify(grade)}, engine ${expectedGrade}`);
      }
      const rank = got(layout.rankCol);
      const expectedRank = result.total === null ? "" : 1 + expectedTotals.filter((t) => t !== null && t > (result.total as number)).length;
      if (!(rank === expectedRank || (rank === null && expectedRank === ""))) differences.push(`row ${excelRow} 排名: sheet ${JSON.stringify(rank)}, engine ${expectedRank}`);
    });
    expect(differences.slice(0, 20)).toEqual([]);
    expect(c.rows.length).toBeGreaterThanOrEqual(51);
  });
});
