// Columns applied through Office.js (on the fake Excel host) to sheets HR already has, exported to .xlsx and
// recalculated by LibreOffice, give the engine's scores, totals, grades and ranks on every row: for every template
// (a title row, its inputs shuffled among HR's own columns), for a sheet missing further inputs (counted as 0),
// for the messy sheet (merged two-row header), the same sheet protected, and a re-applied sheet with a
// score typed over by hand. The same check as apply.itest.ts makes of `kpi apply`.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultCatalog, scorableRules } from "../../src/catalog";
import type { Template } from "../../src/catalog/types";
import { assess, type InputValue, type RuleInput } from "../../src/engine";
import { readMarkers, slotsOf, type AppliedBlock } from "../../src/apply";
import { applyToSheet } from "../../src/excel/apply";
import { a1 } from "../../src/sheets/a1";
import { inputHeader } from "../../src/sheets/roster";
import { messyRoster, supportRow, type FixtureCell, type FixtureSheet } from "../apply/fixtures";
import { loadSheet } from "../excel/apply-fixtures";
import { installFakeExcel, type FakeExcel } from "../excel/fake-excel";
import { fakeWorkbookBuffer } from "../excel/fake-excel-xlsx";
import { savedValues, type Saved } from "../support/cell-values";
import { recalculate, sofficeVersion } from "./libreoffice";
import { boundaryRows, key, randomRow, type Row } from "./rows";

const SEED = Number(process.env.KPI_SEED ?? Date.now() % 1_000_000);
const catalog = defaultCatalog();
const dir = mkdtempSync(join(tmpdir(), "kpi-excel-apply-lo-"));

interface Case {
  id: string;
  template: Template;
  rows: Row[];
  /** Sheet row of the first employee. */
  first: number;
  /** Slots left out of the sheet (further inputs, counted as 0). */
  dropped: Set<string>;
  file: string;
  block: AppliedBlock;
  syncs: number;
  /** Cells a person typed over, by address: the value they typed. */
  overrides?: Map<string, number>;
}

function engineInputs(template: Template, row: Row, dropped: Set<string>): Record<string, RuleInput> {
  const inputs: Record<string, RuleInput> = {};
  const slots = slotsOf(template);
  for (const found of scorableRules(template)) {
    const values = (rater: "supervisor" | "self" | null) =>
      found.rule.inputs.map((_s, i) => {
        const slot = slots.find((s) => s.found.ref === found.ref && s.index === i && s.rater === rater)!;
        return dropped.has(slot.ref) ? null : ((row.get(key(found.ref, i, rater)) ?? null) as InputValue);
      });
    inputs[found.rule.id] =
      template.raters && found.scope === "indicator"
        ? { supervisor: values("supervisor"), self: values("self") }
        : values(null);
  }
  return inputs;
}

/** Title row, header row (inputs shuffled among 姓名, 工号, 部门, 入职年份, 备注), one row per input row. */
function sheetFor(template: Template, rows: Row[], dropped: Set<string>, seed: number): FixtureSheet {
  const slots = slotsOf(template).filter((s) => !dropped.has(s.ref));
  const order = slots
    .map((s, i) => ({ s, k: (i * 7919 + seed) % 97 }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.s);
  const input = (s: (typeof slots)[number]) => ({
    header: inputHeader(s.found, s.index, s.rater, "zh"),
    value: (r: Row) => (r.get(key(s.found.ref, s.index, s.rater)) ?? null) as FixtureCell,
  });
  const columns: Array<{ header: string; value: (row: Row, i: number) => FixtureCell }> = [
    { header: "姓名", value: (_r, i) => `员工${i + 1}` },
    { header: "工号", value: (_r, i) => 1000 + i },
    ...order.slice(0, 2).map(input),
    { header: "部门", value: (_r, i) => (i % 2 ? "售前一部" : "售前二部") },
    ...order.slice(2).map(input),
    { header: "入职年份", value: (_r, i) => 2015 + (i % 10) },
    { header: "备注", value: () => null },
  ];
  const title: FixtureCell[] = [`${template.name.zh} 2026年第一季度`, ...columns.slice(1).map(() => null)];
  return {
    name: "考核",
    rows: [title, columns.map((c) => c.header), ...rows.map((r, i) => columns.map((c) => c.value(r, i)))],
    merges: [`A1:${a1(1, Math.min(columns.length, 8))}`],
  };
}

async function applied(
  fixture: FixtureSheet,
  template: Template,
  prepare?: (fake: FakeExcel) => Promise<void>,
): Promise<{ buffer: Buffer; block: AppliedBlock; syncs: number }> {
  const { fake, uninstall } = installFakeExcel();
  try {
    loadSheet(fake, fixture);
    await prepare?.(fake);
    const result = await applyToSheet({ template });
    const block = readMarkers(fake.model.names.map((n) => ({ name: n.name, refersTo: n.formula })))[0];
    return { buffer: await fakeWorkbookBuffer(fake.model), block, syncs: result.syncs };
  } finally {
    uninstall();
  }
}

const cases: Case[] = [];

beforeAll(async () => {
  console.log(`soffice --version: ${sofficeVersion()}`);
  console.log(`fast-check seed: ${SEED} (set KPI_SEED to repeat)`);
  const plans: Array<Pick<Case, "id" | "template" | "rows" | "dropped">> = catalog.templates.map((template) => ({
    id: template.id,
    template,
    rows: [
      ...boundaryRows(template, SEED).slice(0, 60),
      ...Array.from({ length: 25 }, (_v, i) => randomRow(template, null as never, SEED + 1000 * (i + 1))),
      new Map(),
    ],
    dropped: new Set<string>(),
  }));
  const support = catalog.findTemplate("support_kpi");
  plans.push({
    id: "support_kpi without further inputs",
    template: support,
    rows: Array.from({ length: 30 }, (_v, i) => randomRow(support, null as never, SEED + 77 * (i + 1))),
    dropped: new Set(["learning_growth.shared_cases", "daily_report.quality"]),
  });
  for (const [n, p] of plans.entries()) {
    const out = await applied(sheetFor(p.template, p.rows, p.dropped, SEED + n), p.template);
    const file = join(dir, `out-${n}.xlsx`);
    writeFileSync(file, out.buffer);
    cases.push({ ...p, first: 3, file, block: out.block, syncs: out.syncs });
  }

  // The messy sheet, plain, protected, and re-applied after a score was typed over by hand.
  const keys = [
    "resolution",
    "satisfaction",
    "follow_up_visits",
    "customer_complaints",
    "learning_growth",
    "learning_growth.shared_cases",
    "daily_report",
    "daily_report.quality",
  ];
  const messyRows: Row[] = Array.from({ length: 12 }, (_v, i) => {
    const values = supportRow(i);
    const row: Row = new Map();
    keys.forEach((k, c) => {
      const [rule, input] = k.split(".");
      const found = scorableRules(support).find((f) => f.rule.id === rule)!;
      const index = input ? found.rule.inputs.findIndex((s) => s.id === input) : 0;
      row.set(key(found.ref, index, null), values[c]);
    });
    return row;
  });
  const messy = (id: string) => ({ id, template: support, rows: messyRows, first: 4, dropped: new Set<string>() });
  const variants: Array<{ id: string; prepare?: (fake: FakeExcel) => Promise<void>; overrides?: Map<string, number> }> =
    [
      { id: "messy" },
      {
        id: "messy, protected",
        prepare: async (fake) => {
          await fake.run(async (context) => {
            context.workbook.worksheets.getActiveWorksheet().protection.protect({ allowSort: true });
            await context.sync();
          });
        },
      },
      {
        id: "messy, re-applied over a score typed by hand",
        overrides: new Map([["N6", 3]]),
        prepare: async (fake) => {
          await applyToSheet({ template: support });
          await fake.run(async (context) => {
            const ws = context.workbook.worksheets.getActiveWorksheet();
            ws.getRange("N6").values = [[3]];
            ws.getRange("S9:T9").clear("Contents");
            await context.sync();
          });
        },
      },
    ];
  for (const [n, v] of variants.entries()) {
    const out = await applied(messyRoster(), support, v.prepare);
    const file = join(dir, `messy-${n}.xlsx`);
    writeFileSync(file, out.buffer);
    cases.push({ ...messy(v.id), file, block: out.block, syncs: out.syncs, overrides: v.overrides });
  }

  const recalculated = recalculate(cases.map((c) => c.file));
  cases.forEach((c, i) => (c.file = recalculated[i]));
}, 600_000);

function same(value: Saved | undefined, expected: number | string): boolean {
  const v = value === undefined ? null : value;
  if (typeof expected === "number") return typeof v === "number" && Math.abs(v - expected) < 1e-9;
  return v === expected || (v === null && expected === "");
}

describe("LibreOffice recalculates columns applied through Office.js exactly as the engine scores", () => {
  test.each([
    ...catalog.templates.map((t) => t.id),
    "support_kpi without further inputs",
    "messy",
    "messy, protected",
    "messy, re-applied over a score typed by hand",
  ])("%s", async (id) => {
    const c = cases.find((x) => x.id === id)!;
    const block = c.block;
    expect(c.syncs).toBeLessThanOrEqual(4);
    const [sheet] = await savedValues(c.file);
    const col = (kind: string, rule?: string) =>
      block.columns.find((x) => x.kind === kind && (rule === undefined || x.rule === rule))?.col;
    expect(col("total")).toBeDefined();
    expect(sheet.get(a1(block.head.top, col("total")!))).toBe("总分");
    const overrides = c.overrides ?? new Map<string, number>();
    const results = c.rows.map((row) => assess(c.template, engineInputs(c.template, row, c.dropped), catalog));
    const differences: string[] = [];
    // What the sheet's total column must hold: the engine's, except where a typed score changes it.
    const totals: Array<number | null> = results.map((result, r) => {
      const row = c.first + r;
      let total = result.total;
      for (const outcome of result.rules) {
        const typed = overrides.get(a1(row, col("score", outcome.id)!));
        if (typed !== undefined && total !== null)
          total = Math.round((total - (outcome.points ?? 0) + typed) * 100) / 100;
      }
      return total;
    });
    results.forEach((result, r) => {
      const row = c.first + r;
      const got = (column: number) => sheet.get(a1(row, column));
      for (const outcome of result.rules) {
        const address = a1(row, col("score", outcome.id)!);
        const expected = overrides.has(address)
          ? overrides.get(address)!
          : outcome.scope === "adjustment" && outcome.score?.points === null
            ? ""
            : (outcome.points ?? "");
        const value = sheet.get(address);
        if (!same(value, expected))
          differences.push(
            `row ${row} ${outcome.ref}: sheet ${JSON.stringify(value)}, engine ${JSON.stringify(expected)}`,
          );
      }
      const total = got(col("total")!);
      if (!same(total, totals[r] ?? ""))
        differences.push(`row ${row} 总分: sheet ${JSON.stringify(total)}, engine ${JSON.stringify(totals[r])}`);
      const gradeCol = col("grade");
      if (c.template.grades && !overrides.size) {
        const grade = got(gradeCol!);
        if (!same(grade, result.grade?.label.zh ?? ""))
          differences.push(`row ${row} 等级: sheet ${JSON.stringify(grade)}, engine ${result.grade?.label.zh ?? ""}`);
      } else if (!c.template.grades && gradeCol) differences.push("a grade column for a template without grades");
      const rank = got(col("rank")!);
      const mine = totals[r];
      const expectedRank = mine === null ? "" : 1 + totals.filter((t) => t !== null && t > mine).length;
      if (!same(rank, expectedRank))
        differences.push(`row ${row} 排名: sheet ${JSON.stringify(rank)}, engine ${expectedRank}`);
    });
    expect(differences.slice(0, 20)).toEqual([]);
    expect(c.rows.length).toBeGreaterThanOrEqual(12);
    // Not vacuous: most rows have a total, which only a recalculation can have put there (apply writes no values).
    expect(totals.filter((t) => t !== null).length).toBeGreaterThan(c.rows.length / 2);
  });
});
