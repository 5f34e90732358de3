// Over random sheets (title rows, one- or two-row headers, extra columns, blank and totals rows, text,
// numbers typed as text, formulas, stray merges), `kpi apply` never changes a cell that was there, and
// `kpi apply --remove` gives back exactly the cells, merges and names of the original.
import { mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { columnLetter } from "../../src/sheets/a1";
import { xlsxOf, type FixtureCell, type FixtureSheet } from "../apply/fixtures";
import { bookModel, cellDump, kpiApply, sheetGrid } from "../apply/run-cli";

const dir = mkdtempSync(join(tmpdir(), "kpi-apply-prop-"));
const INPUT_HEADERS = ["项目技术解决率", "满意度", "回访完成率", "客户投诉次数", "技术学习交流与成长", "成功经验例数", "日报总结", "日报质量"];
const EXTRA_HEADERS = ["部门", "工号", "备注", "入职日期", "岗位"];

const value: fc.Arbitrary<FixtureCell> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 100 }) },
  { weight: 1, arbitrary: fc.constantFrom("92%", "85", "好", "", "  ", "缺考") },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 9 }).map((n) => ({ formula: `${n}*2`, result: n * 2 })) },
);

const sheetArb = fc
  .record({
    titles: fc.integer({ min: 0, max: 2 }),
    mergeTitle: fc.boolean(),
    twoRowHeader: fc.boolean(),
    headerlessName: fc.boolean(),
    inputs: fc.subarray(INPUT_HEADERS, { minLength: 1 }),
    extras: fc.subarray(EXTRA_HEADERS),
    order: fc.integer({ min: 0, max: 1000 }),
    rows: fc.array(fc.array(value, { minLength: 13, maxLength: 13 }), { minLength: 1, maxLength: 12 }),
    blankAt: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
    totals: fc.boolean(),
    strayMerge: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined, freq: 2 }),
  })
  .map((s): FixtureSheet => {
    const headers = [...s.inputs, ...s.extras];
    // A deterministic shuffle from the drawn number.
    const shuffled = headers.map((h, i) => ({ h, k: (i * 7919 + s.order) % 101 })).sort((a, b) => a.k - b.k).map((x) => x.h);
    const width = shuffled.length + 1;
    const rows: FixtureCell[][] = [];
    const merges: string[] = [];
    for (let t = 0; t < s.titles; t++) {
      rows.push([`第${t + 1}行标题 2026年考核`, ...Array(width - 1).fill(null)]);
      if (s.mergeTitle && width > 1) merges.push(`A${t + 1}:${columnLetter(width)}${t + 1}`);
    }
    const headerTop = rows.length + 1;
    if (s.twoRowHeader) {
      rows.push([s.headerlessName ? null : "姓名", "考核指标", ...Array(width - 2).fill(null)]);
      rows.push([null, ...shuffled]);
      if (width > 2) merges.push(`B${headerTop}:${columnLetter(width)}${headerTop}`);
      merges.push(`A${headerTop}:A${headerTop + 1}`);
    } else rows.push([s.headerlessName ? null : "姓名", ...shuffled]);
    s.rows.forEach((r, i) => {
      if (s.blankAt === i) rows.push(Array(width).fill(null));
      rows.push([`员工${i + 1}`, ...r.slice(0, width - 1)]);
    });
    if (s.totals) rows.push(["合计", ...Array(width - 1).fill(null)]);
    if (s.strayMerge !== undefined) {
      const r = headerTop + s.strayMerge;
      merges.push(`${columnLetter(width + 2)}${r}:${columnLetter(width + 3)}${r}`);
      while (rows.length < r) rows.push(Array(width).fill(null));
      rows[r - 1][width + 1] = "批注";
    }
    return { name: "考核", rows, merges };
  });

let run = 0;

test("apply never changes a pre-existing cell, and removal restores the sheet", async () => {
  await fc.assert(
    fc.asyncProperty(sheetArb, async (sheet) => {
      const n = run++;
      const input = join(dir, `in${n}.xlsx`);
      const output = join(dir, `out${n}.xlsx`);
      const back = join(dir, `back${n}.xlsx`);
      writeFileSync(input, await xlsxOf([sheet]));
      const original = await sheetGrid(readFileSync(input));
      const r = await kpiApply([input, "--template", "support_kpi", "-o", output]);
      // 0: applied; 1: refused or blocked (nothing written); 2: a match needs confirming (nothing written).
      expect([0, 1, 2]).toContain(r.code);
      if (r.code !== 0) {
        expect(existsSync(output)).toBe(false);
        return;
      }
      const applied = await sheetGrid(readFileSync(output));
      const before = cellDump(original);
      const after = cellDump(applied);
      for (const [key, v] of before) expect([key, after.get(key)]).toEqual([key, v]);
      for (const m of original.merges) expect(applied.merges).toContainEqual(m);

      const removed = await kpiApply([output, "--remove", "-o", back]);
      expect(removed.code).toBe(0);
      const restored = await sheetGrid(readFileSync(back));
      expect(cellDump(restored)).toEqual(before);
      expect(restored.merges).toEqual(original.merges);
      expect((await bookModel(readFileSync(back))).names).toEqual((await bookModel(readFileSync(input))).names);
      for (const f of [input, output, back]) rmSync(f, { force: true });
    }),
    { numRuns: Number(process.env.KPI_APPLY_RUNS ?? 40), seed: process.env.KPI_SEED ? Number(process.env.KPI_SEED) : undefined },
  );
}, 120_000);
