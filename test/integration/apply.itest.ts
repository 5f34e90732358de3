// Applied workbooks recalculated by LibreOffice give the engine's scores, totals, grades and ranks on every
// row: for every template (a sheet with a title row, its inputs in shuffled columns among HR's own columns),
// for a sheet missing further inputs (counted as 0), and for the messy sheet.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultCatalog, scorableRules } from "../../src/catalog";
import type { Template } from "../../src/catalog/types";
import { assess, type InputValue, type RuleInput } from "../../src/engine";
import { readMarkers, type AppliedBlock } from "../../src/apply/marker";
import { slotsOf } from "../../src/apply/map";
import { a1 } from "../../src/sheets/a1";
import { inputHeader } from "../../src/sheets/roster";
import { savedValues, type Saved } from "../support/cell-values";
import { messyRoster, supportRow, xlsxOf, type FixtureCell } from "../apply/fixtures";
import { bookModel, kpiApply } from "../apply/run-cli";
import { recalculate, sofficeVersion } from "./libreoffice";
import { boundaryRows, key, randomRow, type Row } from "./rows";

const SEED = Number(process.env.KPI_SEED ?? Date.now() % 1_000_000);
const catalog = defaultCatalog();
const dir = mkdtempSync(join(tmpdir(), "kpi-apply-lo-"));
const FIRST_DATA_ROW = 3;

interface Case {
  id: string;
  template: Template;
  rows: Row[];
  /** Slots left out of the sheet (further inputs, counted as 0). */
  dropped: Set<string>;
  file: string;
  block?: AppliedBlock;
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
    inputs[found.rule.id] = template.raters && found.scope === "indicator" ? { supervisor: values("supervisor"), self: values("self") } : values(null);
  }
  return inputs;
}

/** Title row, header row (inputs shuffled among 姓名, 工号, 部门, 入职年份, 备注), one row per input row. */
function sheetFor(template: Template, rows: Row[], dropped: Set<string>, seed: number) {
  const slots = slotsOf(template).filter((s) => !dropped.has(s.ref));
  const order = slots.map((s, i) => ({ s, k: (i * 7919 + seed) % 97 })).sort((a, b) => a.k - b.k).map((x) => x.s);
  const columns: Array<{ header: string; value: (row: Row, i: number) => FixtureCell }> = [
    { header: "姓名", value: (_r, i) => `员工${i + 1}` },
    { header: "工号", value: (_r, i) => 1000 + i },
    ...order.slice(0, 2).map((s) => ({ header: inputHeader(s.found, s.index, s.rater, "zh"), value: (r: Row) => (r.get(key(s.found.ref, s.index, s.rater)) ?? null) as FixtureCell })),
    { header: "部门", value: (_r, i) => (i % 2 ? "售前一部" : "售前二部") },
    ...order.slice(2).map((s) => ({ header: inputHeader(s.found, s.index, s.rater, "zh"), value: (r: Row) => (r.get(key(s.found.ref, s.index, s.rater)) ?? null) as FixtureCell })),
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

const cases: Case[] = [];

beforeAll(async () => {
  console.log(`soffice --version: ${sofficeVersion()}`);
  console.log(`fast-check seed: ${SEED} (set KPI_SEED to repeat)`);
  const plans: Array<Omit<Case, "file">> = catalog.templates.map((template) => ({
    id: template.id,
    template,
    rows: [...boundaryRows(template, SEED).slice(0, 60), ...Array.from({ length: 25 }, (_v, i) => randomRow(template, null as never, SEED + 1000 * (i + 1))), new Map()],
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
    const input = join(dir, `in-${n}.xlsx`);
    const file = join(dir, `out-${n}.xlsx`);
    writeFileSync(input, await xlsxOf([sheetFor(p.template, p.rows, p.dropped, SEED + n)]));
    const r = await kpiApply([input, "--template", p.template.id, "-o", file]);
    if (r.code !== 0) throw new Error(`${p.id}: kpi apply exited ${r.code}\n${r.out}\n${r.err}`);
    const [block] = readMarkers((await bookModel(readFileSync(file))).names);
    cases.push({ ...p, file, block });
  }
  // The messy sheet, as the CLI writes it.
  const messyIn = join(dir, "messy.xlsx");
  const messyOut = join(dir, "messy-out.xlsx");
  writeFileSync(messyIn, await xlsxOf([messyRoster()]));
  const r = await kpiApply([messyIn, "--template", "support_kpi", "-o", messyOut]);
  if (r.code !== 0) throw new Error(`messy: ${r.err}`);
  const keys = ["resolution", "satisfaction", "follow_up_visits", "customer_complaints", "learning_growth", "learning_growth.shared_cases", "daily_report", "daily_report.quality"];
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
  cases.push({ id: "messy", template: support, rows: messyRows, dropped: new Set(), file: messyOut, block: readMarkers((await bookModel(readFileSync(messyOut))).names)[0] });

  const recalculated = recalculate(cases.map((c) => c.file));
  cases.forEach((c, i) => (c.file = recalculated[i]));
}, 600_000);

function same(value: Saved | undefined, expected: number | string): boolean {
  const v = value === undefined ? null : value;
  if (typeof expected === "number") return typeof v === "number" && Math.abs(v - expected) < 1e-9;
  return v === expected || (v === null && expected === "");
}

describe("LibreOffice recalculates applied columns exactly as the engine scores", () => {
  test.each([...catalog.templates.map((t) => t.id), "support_kpi without further inputs", "messy"])("%s", async (id) => {
    const c = cases.find((x) => x.id === id)!;
    const block = c.block!;
    const [sheet] = await savedValues(c.file);
    const first = id === "messy" ? 4 : FIRST_DATA_ROW;
    const col = (kind: string, rule?: string) => block.columns.find((x) => x.kind === kind && (rule === undefined || x.rule === rule))?.col;
    expect(col("total")).toBeDefined();
    expect(sheet.get(a1(block.head.top, col("total")!))).toBe("总分");
    const results = c.rows.map((row) => assess(c.template, engineInputs(c.template, row, c.dropped), catalog));
    const totals = results.map((r) => r.total);
    const differences: string[] = [];
    results.forEach((result, r) => {
      const row = first + r;
      const got = (column: number) => sheet.get(a1(row, column));
      for (const outcome of result.rules) {
        const expected = outcome.scope === "adjustment" && outcome.score?.points === null ? "" : outcome.points ?? "";
        const value = got(col("score", outcome.id)!);
        if (!same(value, expected)) differences.push(`row ${row} ${outcome.ref}: sheet ${JSON.stringify(value)}, engine ${JSON.stringify(expected)}`);
      }
      const total = got(col("total")!);
      if (!same(total, result.total ?? "")) differences.push(`row ${row} 总分: sheet ${JSON.stringify(total)}, engine ${JSON.stringify(result.total)}`);
      const gradeCol = col("grade");
      if (c.template.grades) {
        const grade = got(gradeCol!);
        if (!same(grade, result.grade?.label.zh ?? "")) differences.push(`row ${row} 等级: sheet ${JSON.stringify(grade)}, engine ${result.grade?.label.zh ?? ""}`);
      } else if (gradeCol) differences.push("a grade column for a template without grades");
      const rank = got(col("rank")!);
      const expectedRank = result.total === null ? "" : 1 + totals.filter((t) => t !== null && t > (result.total as number)).length;
      if (!same(rank, expectedRank)) differences.push(`row ${row} 排名: sheet ${JSON.stringify(rank)}, engine ${expectedRank}`);
    });
    expect(differences.slice(0, 20)).toEqual([]);
    expect(c.rows.length).toBeGreaterThanOrEqual(12);
    // Not vacuous: most rows have a total, which only a recalculation can have put there (apply writes no cached values).
    expect(totals.filter((t) => t !== null).length).toBeGreaterThan(c.rows.length / 2);
  });
});
