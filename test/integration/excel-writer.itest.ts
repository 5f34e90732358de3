import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultCatalog } from "../../src/catalog";
import type { Template } from "../../src/catalog/types";
import { assess } from "../../src/engine";
import { writeWorkbookPlan } from "../../src/excel/write-plan";
import { a1 } from "../../src/sheets/a1";
import { rosterLayout } from "../../src/sheets/roster";
import { buildWorkbookPlan } from "../../src/sheets/workbook";
import { installFakeExcel } from "../excel/fake-excel";
import { writeFakeWorkbook } from "../excel/fake-excel-xlsx";
import { savedValues } from "../support/cell-values";
import { recalculate, sofficeVersion } from "./libreoffice";
import { boundaryRows, key, randomRow, type Row, engineInputs } from "./rows";

// Rosters written through the Office.js writer (into the fake Excel host), inputs typed into their unlocked
// cells through Office.js, exported to .xlsx and recalculated by LibreOffice give the engine's scores, totals,
// grades and ranks: the same check as roster.itest.ts makes of the ExcelJS writer.
const SEED = Number(process.env.KPI_SEED ?? Date.now() % 1_000_000);
const catalog = defaultCatalog();
const templates = catalog.templates;
const dir = mkdtempSync(join(tmpdir(), "kpi-excel-writer-"));

interface Case {
  template: Template;
  rows: Row[];
  file: string;
  syncs: number;
}


const cases: Case[] = [];

beforeAll(async () => {
  console.log(`soffice --version: ${sofficeVersion()}`);
  console.log(`fast-check seed: ${SEED} (set KPI_SEED to repeat)`);
  for (const template of templates) {
    const rows = [
      ...boundaryRows(template, SEED),
      ...Array.from({ length: 50 }, (_v, i) => randomRow(template, null as never, SEED + 1000 * (i + 1))),
    ];
    rows.push(new Map()); // a row with no inputs: blank total, blank rank
    const plan = buildWorkbookPlan(template, {
      layout: "roster",
      lang: "zh",
      period: "2026-Q4",
      employees: rows.map((_r, i) => ({ name: `员工${i + 1}`, id: String(1000 + i), department: "测试" })),
      formulas: "portable",
      protect: true,
    });
    const layout = rosterLayout(template, "zh");
    const { fake, uninstall } = installFakeExcel();
    try {
      const written = await writeWorkbookPlan(plan);
      // Inputs typed into the protected roster: only unlocked cells accept them.
      await fake.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(written.sheets[0].name);
        for (const input of layout.inputs) {
          const values = rows.map((row) => [row.get(key(input.found.ref, input.index, input.rater)) ?? null]);
          if (values.some(([v]) => v !== null))
            sheet.getRangeByIndexes(1, input.col - 1, rows.length, 1).values = values;
        }
      });
      const file = join(dir, `${template.id}.xlsx`);
      await writeFakeWorkbook(fake.model, file);
      cases.push({ template, rows, file, syncs: written.syncs });
    } finally {
      uninstall();
    }
  }
  const recalculated = recalculate(cases.map((c) => c.file));
  cases.forEach((c, i) => (c.file = recalculated[i]));
}, 600_000);

describe("LibreOffice recalculates rosters written through Office.js exactly as the engine scores", () => {
  test.each(templates.map((t) => [t.id]))("%s", async (id) => {
    const c = cases.find((x) => x.template.id === id)!;
    expect(c.syncs).toBeLessThanOrEqual(3 * 2);
    const [sheet] = await savedValues(c.file);
    const layout = rosterLayout(c.template, "zh");
    expect(sheet.get(a1(1, layout.totalCol))).toBe("总分");
    const results = c.rows.map((row) => assess(c.template, engineInputs(c.template, row), catalog));
    const totals = results.map((r) => r.total);
    const differences: string[] = [];
    const same = (value: unknown, expected: unknown) =>
      typeof expected === "number"
        ? typeof value === "number" && Math.abs(value - expected) < 1e-9
        : value === expected || ((value === null || value === undefined) && expected === "");
    results.forEach((result, r) => {
      const excelRow = r + 2;
      const got = (col: number) => sheet.get(a1(excelRow, col)) ?? null;
      for (const outcome of result.rules) {
        const expected = outcome.scope === "adjustment" && outcome.score?.points === null ? "" : (outcome.points ?? "");
        const value = got(layout.scoreCol.get(outcome.ref)!);
        if (!same(value, expected))
          differences.push(
            `row ${excelRow} ${outcome.ref}: sheet ${JSON.stringify(value)}, engine ${JSON.stringify(expected)}`,
          );
      }
      const total = got(layout.totalCol);
      if (!same(total, result.total ?? ""))
        differences.push(
          `row ${excelRow} 总分: sheet ${JSON.stringify(total)}, engine ${JSON.stringify(result.total)}`,
        );
      if (layout.gradeCol) {
        const grade = got(layout.gradeCol);
        if (!same(grade, result.grade?.label.zh ?? ""))
          differences.push(
            `row ${excelRow} 等级: sheet ${JSON.stringify(grade)}, engine ${result.grade?.label.zh ?? ""}`,
          );
      }
      const rank = got(layout.rankCol);
      const expectedRank =
        result.total === null ? "" : 1 + totals.filter((t) => t !== null && t > (result.total as number)).length;
      if (!same(rank, expectedRank))
        differences.push(`row ${excelRow} 排名: sheet ${JSON.stringify(rank)}, engine ${expectedRank}`);
    });
    expect(differences.slice(0, 20)).toEqual([]);
    expect(c.rows.length).toBeGreaterThanOrEqual(51);
  });
});
