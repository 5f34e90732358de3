// Over random sheets (title rows, one- or two-row headers, a headerless name column, extra columns, blank and
// totals rows, text, numbers typed as text, formulas, stray values and merges anywhere, a protected sheet), the
// Office.js apply on the fake host never changes a cell that was there (value, formula, number format, format);
// when it refuses or is blocked it changes nothing at all; re-applying changes nothing; removing gives back
// exactly the cells, merges, names and sheets of the original.
import fc from "fast-check";
import { defaultCatalog } from "../../src/catalog";
import { slotsOf } from "../../src/apply";
import { applyToSheet, removeApplied, type ApplyOptions } from "../../src/excel/apply";
import { ExcelApplyError } from "../../src/excel/apply-errors";
import { columnLetter } from "../../src/sheets/a1";
import { inputHeader } from "../../src/sheets/roster";
import type { FixtureCell, FixtureSheet } from "../apply/fixtures";
import { filledCells, loadSheet, workbookSnapshot } from "./apply-fixtures";
import { installFakeExcel, type FakeExcel } from "./fake-excel";

const catalog = defaultCatalog();
const TEMPLATES = ["support_kpi", "support_service", "senior_tech_engineer", "hongshu_support"];
const EXTRA_HEADERS = ["部门", "工号", "备注", "入职日期", "岗位"];

const value: fc.Arbitrary<FixtureCell> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 100 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000) },
  { weight: 1, arbitrary: fc.constantFrom("92%", "85", "好", "  ", "缺考", "A") },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 9 }).map((n) => ({ formula: `${n}*2` })) },
);

const stray = fc.record({
  row: fc.integer({ min: 1, max: 24 }),
  col: fc.integer({ min: 1, max: 24 }),
  value: fc.oneof(fc.constantFrom("批注", "x", 7), fc.constant({ formula: "1+1" }) as fc.Arbitrary<FixtureCell>),
  merge: fc.option(fc.record({ rows: fc.integer({ min: 0, max: 2 }), cols: fc.integer({ min: 0, max: 2 }) }), {
    nil: undefined,
  }),
});

const caseArb = fc.constantFrom(...TEMPLATES).chain((id) => {
  const template = catalog.findTemplate(id);
  const headers = slotsOf(template).map((s) => inputHeader(s.found, s.index, s.rater, "zh"));
  return fc.record({
    template: fc.constant(id),
    formulas: fc.constantFrom("portable" as const, "addin" as const),
    protect: fc.boolean(),
    titles: fc.integer({ min: 0, max: 2 }),
    mergeTitle: fc.boolean(),
    twoRowHeader: fc.boolean(),
    headerlessName: fc.boolean(),
    inputs: fc.shuffledSubarray(headers, { minLength: 1 }),
    extras: fc.subarray(EXTRA_HEADERS),
    formulaColumn: fc.boolean(),
    rows: fc.array(fc.array(value, { minLength: 16, maxLength: 16 }), { minLength: 1, maxLength: 14 }),
    blankAt: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
    totals: fc.boolean(),
    strays: fc.array(stray, { maxLength: 3 }),
  });
});

type Case = ReturnType<typeof caseArb.generate>["value"];

function sheetOf(c: Case): FixtureSheet {
  const headers = [...c.inputs, ...c.extras, ...(c.formulaColumn ? ["小计"] : [])];
  const width = headers.length + 1;
  const rows: FixtureCell[][] = [];
  const merges: string[] = [];
  for (let t = 0; t < c.titles; t++) {
    rows.push([`第${t + 1}行标题 2026年考核`, ...Array(width - 1).fill(null)]);
    if (c.mergeTitle && width > 1) merges.push(`A${t + 1}:${columnLetter(width)}${t + 1}`);
  }
  const headerTop = rows.length + 1;
  if (c.twoRowHeader) {
    rows.push([c.headerlessName ? null : "姓名", "考核指标", ...Array(width - 2).fill(null)]);
    rows.push([null, ...headers]);
    if (width > 2) merges.push(`B${headerTop}:${columnLetter(width)}${headerTop}`);
    merges.push(`A${headerTop}:A${headerTop + 1}`);
  } else rows.push([c.headerlessName ? null : "姓名", ...headers]);
  c.rows.forEach((r, i) => {
    if (c.blankAt === i) rows.push(Array(width).fill(null));
    const row: FixtureCell[] = [`员工${i + 1}`, ...r.slice(0, width - 1)];
    if (c.formulaColumn) row[width - 1] = { formula: `B${rows.length + 1}*2` };
    rows.push(row);
  });
  if (c.totals) rows.push(["合计", ...Array(width - 1).fill(null)]);
  // Stray values and merged areas anywhere not yet taken: right of the table they block or are passed by.
  const taken = (r: number, col: number) =>
    rows[r - 1]?.[col - 1] != null ||
    merges.some((m) => {
      const [a, b] = m.split(":");
      const cell = (x: string) => {
        const p = /^([A-Z]+)(\d+)$/.exec(x)!;
        return { r: Number(p[2]), c: [...p[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) };
      };
      const [s, e] = [cell(a), cell(b)];
      return r >= s.r && r <= e.r && col >= s.c && col <= e.c;
    });
  for (const s of c.strays) {
    const r2 = s.row + (s.merge?.rows ?? 0);
    const c2 = s.col + (s.merge?.cols ?? 0);
    let free = true;
    for (let r = s.row; r <= r2; r++) for (let col = s.col; col <= c2; col++) if (taken(r, col)) free = false;
    if (!free) continue;
    while (rows.length < r2) rows.push(Array(width).fill(null));
    rows[s.row - 1][s.col - 1] = s.value;
    if (s.merge && (r2 > s.row || c2 > s.col)) merges.push(`${columnLetter(s.col)}${s.row}:${columnLetter(c2)}${r2}`);
  }
  return { name: "考核", rows, merges };
}

async function protect(fake: FakeExcel): Promise<void> {
  await fake.run(async (context) => {
    context.workbook.worksheets.getActiveWorksheet().protection.protect({ allowSort: true, selectionMode: "Normal" });
    await context.sync();
  });
}

test("apply never changes a pre-existing cell, re-applying changes nothing, and removal restores the workbook", async () => {
  let applied = 0;
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(caseArb, async (c) => {
      runs++;
      const { fake, uninstall } = installFakeExcel();
      try {
        const sheet = loadSheet(fake, sheetOf(c));
        if (c.protect) await protect(fake);
        const original = filledCells(sheet);
        const merges = JSON.stringify(sheet.merges);
        const untouched = workbookSnapshot(fake);
        const protection = JSON.stringify(sheet.protection);
        const options: ApplyOptions = { template: c.template, formulas: c.formulas };
        try {
          await applyToSheet(options);
        } catch (e) {
          if (!(e instanceof ExcelApplyError) || !["blocked", "refused"].includes(e.code)) throw e;
          expect(workbookSnapshot(fake)).toBe(untouched);
          return;
        }
        applied++;
        const after = filledCells(sheet);
        const changed = [...original].filter(([k, cell]) => JSON.stringify(after.get(k)) !== JSON.stringify(cell));
        expect(changed.map(([k]) => k)).toEqual([]);
        for (const m of JSON.parse(merges)) expect(sheet.merges).toContainEqual(m);
        expect(JSON.stringify(sheet.protection)).toBe(protection);

        const once = workbookSnapshot(fake);
        const again = await applyToSheet(options);
        expect(again.overrides).toEqual([]);
        expect(workbookSnapshot(fake)).toBe(once);

        const removed = await removeApplied();
        expect(removed.overrides).toEqual([]);
        const restored = filledCells(sheet);
        expect([...restored.keys()].sort()).toEqual([...original.keys()].sort());
        for (const [k, cell] of original) expect(restored.get(k)).toEqual(cell);
        expect(JSON.stringify(sheet.merges)).toBe(merges);
        expect(fake.model.names).toEqual([]);
        expect(fake.model.sheets.map((s) => s.name)).toEqual(["考核"]);
        expect(JSON.stringify(sheet.protection)).toBe(protection);
      } finally {
        uninstall();
      }
    }),
    {
      numRuns: Number(process.env.KPI_APPLY_RUNS ?? 80),
      seed: process.env.KPI_SEED ? Number(process.env.KPI_SEED) : undefined,
    },
  );
  // Not vacuous: most random sheets apply.
  expect(applied).toBeGreaterThan(runs / 3);
}, 120_000);
