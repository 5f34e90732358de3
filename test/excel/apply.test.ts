import { defaultCatalog } from "../../src/catalog";
import type { Template } from "../../src/catalog/types";
import { acceptedMatches, analyseSheet, applyText, planApply, readMarkers, type ApplyPlan } from "../../src/apply";
import {
  a1ToR1C1,
  applyToSheet,
  formulaRuns,
  previewApply,
  readSheetForApply,
  removeApplied,
} from "../../src/excel/apply";
import { ExcelApplyError } from "../../src/excel/apply-errors";
import { ExcelWriteError } from "../../src/excel/errors";
import { a1, r1c1ToA1 } from "../../src/sheets/a1";
import { englishRoster, gridOf, messyRoster, NAMES, supportRow, type FixtureSheet } from "../apply/fixtures";
import { filledCells, loadSheet, workbookSnapshot } from "./apply-fixtures";
import { installFakeExcel, officeError, type FakeExcel, type FakeSheet } from "./fake-excel";

// Applying a template's rules to the sheet HR already has, through Office.js on the fake Excel host: what lands
// in the sheet for each of the layouts, what blocks it, re-applying, removing, protection, and what the
// pane is told.

const catalog = defaultCatalog();
const T = (id: string): Template => catalog.findTemplate(id);

let fake: FakeExcel;
let uninstall: () => void;

beforeEach(() => ({ fake, uninstall } = installFakeExcel()));
afterEach(() => uninstall());

/** The plan src/apply makes of the fixture as a grid: what the Office.js path must write, cell for cell. */
function expectedPlan(
  fixture: FixtureSheet,
  template: Template,
  over: Partial<Parameters<typeof planApply>[0]> = {},
): ApplyPlan {
  const grid = gridOf(fixture);
  const workbook = { sheetNames: [fixture.name], names: [] };
  const { detection, mapping } = analyseSheet(grid, workbook, template);
  return planApply({
    template,
    grid,
    workbook,
    detection,
    matches: acceptedMatches(mapping, []),
    formulas: "portable",
    lang: "zh",
    ...over,
  });
}

/** What Office.js reads back from a range: formulas in A1 (values for constants). */
async function formulasAt(address: string, sheet?: string): Promise<unknown[][]> {
  return fake.run(async (context) => {
    const ws = sheet ? context.workbook.worksheets.getItem(sheet) : context.workbook.worksheets.getActiveWorksheet();
    const range = ws.getRange(address).load("formulas");
    await context.sync();
    return range.formulas;
  });
}

/** Every cell of a plan as Office.js reads it back: each formula exactly as planned, each header as planned. */
async function expectPlanWritten(plan: ApplyPlan, sheet: FakeSheet): Promise<void> {
  const rows = plan.rows!;
  const left = Math.min(...plan.columns.map((c) => c.col));
  const right = Math.max(...plan.columns.map((c) => c.col));
  const read = await formulasAt(`${a1(rows.headTop, left)}:${a1(rows.last, right)}`, sheet.name);
  const differences: string[] = [];
  for (const c of plan.cells) {
    const got = read[c.row - rows.headTop][c.col - left];
    const want = c.formula !== undefined ? `=${c.formula}` : c.value;
    if (got !== want) differences.push(`${a1(c.row, c.col)}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
  }
  expect(differences.slice(0, 10)).toEqual([]);
}

function expectUnchanged(before: ReturnType<typeof filledCells>, sheet: FakeSheet): void {
  const after = filledCells(sheet);
  const changed = [...before]
    .filter(([k, cell]) => JSON.stringify(after.get(k)) !== JSON.stringify(cell))
    .map(([k]) => k);
  expect(changed).toEqual([]);
}

async function failure<E>(p: Promise<unknown>, type: new (...args: never[]) => E): Promise<E> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(type);
    return e as E;
  }
  throw new Error("expected the action to fail");
}

/** The messy sheet with changes: rows replaced or added (1-based sheet rows), merges added. */
function messyWith(edit: (rows: FixtureSheet["rows"], merges: string[]) => void): FixtureSheet {
  const fixture = messyRoster();
  const rows = fixture.rows.map((r) => [...r]);
  const merges = [...(fixture.merges ?? [])];
  edit(rows, merges);
  return { ...fixture, rows, merges };
}

describe("applying to the sheets HR already has", () => {
  test("the issue's messy sheet (title row, merged two-row header, extra columns): score columns, 总分 and 排名 right of the data, in two syncs", async () => {
    const fixture = messyRoster();
    const sheet = loadSheet(fake, fixture);
    const before = filledCells(sheet);
    const result = await applyToSheet({ template: "support_kpi" });

    expect(result).toMatchObject({
      sheet: "一季度",
      block: "M2:T15",
      marker: 1,
      rulesSheet: "考核规则",
      overrides: [],
      problems: [],
    });
    expect(result.columns.map((c) => c.col)).toEqual([13, 14, 15, 16, 17, 18, 19, 20]);
    expect(result.matches.map((m) => m.col)).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
    expect(result.syncs).toBe(2);
    expect(fake.stats.syncs).toBe(2);

    const read = await formulasAt("M2:T2");
    expect(read[0]).toEqual([
      "项目技术解决率得分",
      "项目支持满意度得分",
      "项目跟踪回访完成率得分",
      "客户投诉次数得分",
      "技术学习交流与成长得分",
      "日报总结得分",
      "总分",
      "排名",
    ]);
    expect((await formulasAt("S4"))[0][0]).toBe(
      '=IF(OR(M4="",N4="",O4="",P4="",Q4="",R4=""),"",ROUND((M4+N4+O4+P4+Q4+R4),2))',
    );
    expect((await formulasAt("T15"))[0][0]).toBe('=IF(S15="","",RANK(S15,$S$4:$S$15))');
    await expectPlanWritten(expectedPlan(fixture, T("support_kpi")), sheet);
    // Each header is merged down over both header rows, like 姓名.
    expect(sheet.merges.filter((m) => m.c1 >= 13).map((m) => `${a1(m.r1, m.c1)}:${a1(m.r2, m.c2)}`)).toEqual([
      "M2:M3",
      "N2:N3",
      "O2:O3",
      "P2:P3",
      "Q2:Q3",
      "R2:R3",
      "S2:S3",
      "T2:T3",
    ]);
    // One R1C1 formula per column, whatever the number of rows.
    expect(fake.stats.requests[1].members["Range.formulasR1C1"]).toBe(8);
    expect(fake.stats.requests[1].members["Range.formulas"]).toBeUndefined();
    // Formats only on the added cells: header style on the headers, 0.00 on the total.
    expect(sheet.cell(2, 13)!.format).toMatchObject({ bold: true, fill: "#2F5597", wrap: true });
    expect(sheet.cell(3, 13)!.format.fill).toBe("#2F5597");
    expect(sheet.cell(9, 19)!.numberFormat).toBe("0.00");
    expect(sheet.cell(16, 19)).toBeUndefined();
    expect(sheet.cell(1, 13)).toBeUndefined();
    expectUnchanged(before, sheet);

    // The rules sheet and the marker.
    expect(fake.model.sheets.map((s) => s.name)).toEqual(["一季度", "考核规则"]);
    expect(fake.model.sheet("考核规则")!.protection.protected).toBe(true);
    const blocks = readMarkers(fake.model.names.map((n) => ({ name: n.name, refersTo: n.formula })));
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatchObject({
      id: 1,
      sheet: "一季度",
      templateId: "support_kpi",
      mode: "portable",
      rulesSheet: "考核规则",
    });
    expect(blocks[0].block).toEqual({ top: 2, left: 13, bottom: 15, right: 20 });
    expect(fake.model.names.find((n) => n.name === "KPI_APPLIED_1.in.satisfaction")!.formula).toBe(
      "='一季度'!$E$4:$E$15",
    );
    // The active sheet stays the person's.
    expect(fake.model.activeSheetId).toBe(sheet.id);
  });

  test("English headers and a name column without a header, in English", async () => {
    const fixture = englishRoster();
    const sheet = loadSheet(fake, fixture);
    const before = filledCells(sheet);
    const result = await applyToSheet({ template: "senior_tech_engineer", lang: "en" });
    expect(result.block).toBe("I1:P7");
    expect(result.matches.map((m) => [m.header, m.slot.ref])).toEqual([
      ["Technical expertise", "expertise"],
      ["Customer communication", "customer_communication"],
      ["Problem solving", "problem_solving"],
      ["Teamwork", "teamwork"],
      ["Business contribution", "business_contribution"],
    ]);
    const headers = (await formulasAt("I1:P1"))[0];
    expect(headers.slice(-3)).toEqual(["Total", "Grade", "Rank"]);
    expect(fake.model.sheets.map((s) => s.name)).toEqual(["Q1", "Rules"]);
    await expectPlanWritten(expectedPlan(fixture, T("senior_tech_engineer"), { lang: "en" }), sheet);
    expectUnchanged(before, sheet);
  });

  test("blank rows inside the data: formulas on every row from the first employee to the last", async () => {
    const fixture = messyWith((rows) => rows.splice(8, 0, Array(12).fill(null)));
    const sheet = loadSheet(fake, fixture);
    const result = await applyToSheet({ template: "support_kpi" });
    expect(result.block).toBe("M2:T16");
    expect((await formulasAt("S9"))[0][0]).toBe(
      '=IF(OR(M9="",N9="",O9="",P9="",Q9="",R9=""),"",ROUND((M9+N9+O9+P9+Q9+R9),2))',
    );
    await expectPlanWritten(expectedPlan(fixture, T("support_kpi")), sheet);
  });

  test("a totals row ends the data: nothing is written on it or below", async () => {
    const fixture = messyWith((rows) =>
      rows.push([
        null,
        "合计",
        null,
        ...Array.from({ length: 8 }, (_v, i) => ({ formula: `SUM(${a1(4, 4 + i)}:${a1(15, 4 + i)})` })),
        null,
      ]),
    );
    const sheet = loadSheet(fake, fixture);
    const before = filledCells(sheet);
    const result = await applyToSheet({ template: "support_kpi" });
    expect(result.block).toBe("M2:T15");
    for (let c = 13; c <= 20; c++) expect(sheet.cell(16, c)).toBeUndefined();
    expectUnchanged(before, sheet);
  });

  test("values typed as text and other input problems are listed with their cells", async () => {
    const fixture = messyWith((rows) => {
      rows[4][4] = "92"; // E5: a number stored as text
      rows[6][4] = "很好"; // E7: text
      rows[8][3] = null; // D9: a blank first input
    });
    loadSheet(fake, fixture);
    const result = await applyToSheet({ template: "support_kpi" });
    expect(result.problems.map((p) => [p.cell, p.kind])).toEqual([
      ["E5", "numeric_text"],
      ["E7", "text"],
      ["D9", "blank"],
    ]);
    expect(applyText("zh", result.problems[0].message)).toContain("数字存成了文本“92”");
  });

  test("merged cells over the target columns block the whole apply; the error names every cell and nothing is written", async () => {
    const fixture = messyWith((rows, merges) => {
      rows[4][13] = "说明";
      merges.push("N5:O6");
    });
    loadSheet(fake, fixture);
    const snapshot = workbookSnapshot(fake);
    const error = await failure(applyToSheet({ template: "support_kpi" }), ExcelApplyError);
    expect(error.code).toBe("blocked");
    expect(error.blocked.map((b) => [b.cell, b.reason, b.detail])).toEqual([
      ["N5", "merged", "N5:O6"],
      ["O5", "merged", "N5:O6"],
      ["N6", "merged", "N5:O6"],
      ["O6", "merged", "N5:O6"],
    ]);
    expect(error.text("zh")).toBe(
      "目标单元格不为空或位于合并单元格中,未写入任何内容:N5 在合并区域 N5:O6 中;O5 在合并区域 N5:O6 中;N6 在合并区域 N5:O6 中;O6 在合并区域 N5:O6 中",
    );
    expect(error.text("en")).toContain("N5 lies in the merged area N5:O6; O5 lies");
    expect(workbookSnapshot(fake)).toBe(snapshot);
    // Read, then refused: one sync, no write.
    expect(fake.stats.syncs).toBe(1);
  });

  test("a value or a formula in a target cell blocks it too", async () => {
    loadSheet(
      fake,
      messyWith((rows) => {
        rows[8][15] = "手写";
        rows[10][17] = { formula: "1+1" };
      }),
    );
    const snapshot = workbookSnapshot(fake);
    const error = await failure(applyToSheet({ template: "support_kpi" }), ExcelApplyError);
    expect(error.blocked.map((b) => [b.cell, b.reason, b.detail])).toEqual([
      ["P9", "value", "手写"],
      ["R11", "formula", "=1+1"],
    ]);
    expect(error.text("en")).toBe(
      'Target cells are not empty or lie in merged cells; nothing was written: P9 holds "手写"; R11 holds a formula',
    );
    expect(workbookSnapshot(fake)).toBe(snapshot);
  });

  test("a long list of blocking cells names the first 20 and how many there are", async () => {
    loadSheet(
      fake,
      // Column P: two empty columns from the table, so not part of it.
      messyWith((rows) => rows.forEach((row, r) => r >= 1 && (row[15] = "x"))),
    );
    const error = await failure(applyToSheet({ template: "support_kpi" }), ExcelApplyError);
    expect(error.blocked.length).toBe(14);
    expect(error.text("zh")).not.toContain("等共");
    const many = new ExcelApplyError(
      "blocked",
      {},
      {
        blocked: Array.from({ length: 30 }, (_v, i) => ({
          cell: `M${i + 1}`,
          row: i + 1,
          col: 13,
          reason: "value" as const,
          detail: "x",
        })),
      },
    );
    expect(many.text("zh")).toMatch(/M20 有内容“x”;等共 30 个单元格$/);
    expect(many.text("en")).toMatch(/M20 holds "x"; 30 cells in all$/);
  });

  test("a sheet that is not a roster is refused with the reason", async () => {
    loadSheet(fake, {
      name: "指标",
      rows: [
        ["KPI指标", "1月", "2月", "3月"],
        ["达标率", 1, 0.9, 1],
        ["满意度", 0.8, 0.9, 0.95],
      ],
    });
    const error = await failure(applyToSheet({ template: "support_kpi" }), ExcelApplyError);
    expect(error.code).toBe("refused");
    expect(error.text("zh")).toBe("工作表“指标”每行是一个指标(各列是期间或指标说明),不是每行一名员工的名单。");
    const empty = await failure(
      (async () => {
        fake.model.activeSheetId = fake.model.addSheet("空白").id;
        return applyToSheet({ template: "support_kpi" });
      })(),
      ExcelApplyError,
    );
    expect(empty.text("en")).toBe('No header row and data rows found on sheet "空白".');
  });

  test("an unknown template is refused before Excel is asked anything", async () => {
    loadSheet(fake, messyRoster());
    const error = await failure(applyToSheet({ template: "no_such_template" }), ExcelApplyError);
    expect(error.code).toBe("unknown_template");
    expect(error.text("zh")).toBe("目录中没有模板“no_such_template”。");
    expect(fake.stats.syncs).toBe(0);
  });

  test("add-in formulas: =KPI.SCORE reading the existing cells, no rules sheet", async () => {
    const sheet = loadSheet(fake, messyRoster());
    const result = await applyToSheet({ template: "support_kpi", formulas: "addin" });
    expect(result.rulesSheet).toBeUndefined();
    expect(fake.model.sheets.map((s) => s.name)).toEqual(["一季度"]);
    expect((await formulasAt("R4"))[0][0]).toBe('=KPI.SCORE(J4,"support_kpi/daily_report",K4)');
    expect(readMarkers(fake.model.names.map((n) => ({ name: n.name, refersTo: n.formula })))[0].mode).toBe("addin");
    await expectPlanWritten(expectedPlan(messyRoster(), T("support_kpi"), { formulas: "addin" }), sheet);
  });

  test("a place the person picks: the columns start there", async () => {
    loadSheet(fake, messyRoster());
    const result = await applyToSheet({ template: "support_kpi", at: "W" });
    expect(result.block).toBe("W2:AD15");
  });

  test("the selection: the table is looked for only there; one selected cell means the whole sheet", async () => {
    const fixture = messyRoster();
    // A second, unrelated list far below the roster.
    const rows = [
      ...fixture.rows,
      ...Array.from({ length: 6 }, () => Array(12).fill(null)),
      ["部门", "人数", "预算"],
      ["售前一部", 6, 100],
      ["售前二部", 6, 90],
    ];
    loadSheet(fake, { ...fixture, rows });
    fake.model.selections.set(fake.model.sheets[0].id, { r1: 22, c1: 1, r2: 24, c2: 3 });
    const read = await readSheetForApply({ useSelection: true });
    expect(read.within).toEqual({ top: 22, left: 1, bottom: 24, right: 3 });
    expect(previewApply(read, T("support_kpi")).plan.refusals.map((r) => r.key)).toEqual(["not_roster_no_name_column"]);
    fake.model.selections.set(fake.model.sheets[0].id, { r1: 1, c1: 1, r2: 15, c2: 12 });
    const result = await applyToSheet({ template: "support_kpi", useSelection: true });
    expect(result.block).toBe("M2:T15");
    fake.model.selections.set(fake.model.sheets[0].id, { r1: 3, c1: 3, r2: 3, c2: 3 });
    expect((await readSheetForApply({ useSelection: true })).within).toBeUndefined();
  });

  test("the person's mapping: a column mapped by hand is applied; a header changed since the preview refuses", async () => {
    const fixture = messyRoster();
    loadSheet(fake, fixture);
    const read = await readSheetForApply();
    const preview = previewApply(read, T("support_service"));
    // 满意度（分） is a synonym of 客户满意度: proposed, and left out when synonyms need a yes.
    expect(preview.analysis.mapping.matches.map((m) => [m.col, m.kind])).toEqual([[5, "synonym"]]);
    expect(
      previewApply(read, T("support_service"), { confirm: ["synonym", "fuzzy"] }).plan.refusals.map((r) => r.key),
    ).toEqual(["nothing_mapped"]);
    const header = preview.analysis.mapping.matches[0].header;
    const changed = await failure(
      applyToSheet({
        template: "support_service",
        confirm: ["synonym", "fuzzy"],
        columns: [{ col: 5, slot: "customer_satisfaction", header: "别的表头" }],
      }),
      ExcelApplyError,
    );
    expect(changed.code).toBe("sheet_changed");
    expect(changed.text("zh")).toContain("列 E 的表头不同了");
    const result = await applyToSheet({
      template: "support_service",
      confirm: ["synonym", "fuzzy"],
      columns: [{ col: 5, slot: "customer_satisfaction", header }],
    });
    expect(result.matches.map((m) => [m.col, m.kind])).toEqual([[5, "manual"]]);
  });
});

describe("merged areas past Excel's limit of 512 per query", () => {
  /** The messy sheet with 600 merged two-cell notes below and right of the table (AA:AB on rows 20 to 619). */
  function manyMerges(extra: (rows: FixtureSheet["rows"], merges: string[]) => void = () => undefined): FixtureSheet {
    return messyWith((rows, merges) => {
      for (let r = 20; r < 620; r++) {
        while (rows.length < r) rows.push(Array(12).fill(null));
        rows[r - 1][26] = `注${r}`;
        merges.push(`AA${r}:AB${r}`);
      }
      extra(rows, merges);
    });
  }

  test("the read is made again with the merged areas asked band by band: applied in 4 syncs", async () => {
    const sheet = loadSheet(fake, manyMerges());
    const before = filledCells(sheet);
    const result = await applyToSheet({ template: "support_kpi" });
    expect(result.block).toBe("M2:T15");
    expect(result.syncs).toBe(4);
    // Bands over the used rows 1 to 619.
    expect(fake.stats.requests[2].members["Range.getMergedAreasOrNullObject"]).toBe(Math.ceil(619 / 64));
    expectUnchanged(before, sheet);
  });

  test("a merged area over the target columns still blocks the apply", async () => {
    loadSheet(
      fake,
      manyMerges((rows, merges) => {
        rows[4][13] = "说明";
        merges.push("N5:O6");
      }),
    );
    const error = await failure(applyToSheet({ template: "support_kpi" }), ExcelApplyError);
    expect(error.blocked.map((b) => b.cell)).toEqual(["N5", "O5", "N6", "O6"]);
  });
});

describe("re-applying and removing", () => {
  test("re-applying is idempotent: the same workbook, nothing listed", async () => {
    loadSheet(fake, messyRoster());
    await applyToSheet({ template: "support_kpi" });
    const once = workbookSnapshot(fake);
    fake.resetStats();
    const again = await applyToSheet({ template: "support_kpi" });
    expect(again).toMatchObject({ block: "M2:T15", marker: 1, rulesSheet: undefined, overrides: [] });
    expect(again.warnings).toEqual([]);
    expect(again.syncs).toBe(2);
    expect(workbookSnapshot(fake)).toBe(once);
    // Names that did not change are not sent again.
    expect(fake.stats.requests[1].members["NamedItemCollection.add"]).toBeUndefined();
  });

  test("re-applying keeps a score typed by hand and a changed formula, lists them, and rewrites the rest", async () => {
    const sheet = loadSheet(fake, messyRoster());
    await applyToSheet({ template: "support_kpi" });
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getActiveWorksheet();
      ws.getRange("N5").values = [[9]];
      ws.getRange("S6").formulas = [["=SUM(M6:R6)+1"]];
      ws.getRange("M7").clear("Contents");
      await context.sync();
    });
    const again = await applyToSheet({ template: "support_kpi" });
    expect(again.overrides.map((o) => [o.cell, o.found])).toEqual([
      ["N5", "9"],
      ["S6", "=SUM(M6:R6)+1"],
    ]);
    expect(
      applyText(
        "zh",
        again.warnings.find((w) => w.key === "overrides")!,
      ),
    ).toBe("以下单元格已被手工修改,保留原样(未重写):N5, S6");
    expect(sheet.cell(5, 14)!.value).toBe(9);
    expect((await formulasAt("S6"))[0][0]).toBe("=SUM(M6:R6)+1");
    expect((await formulasAt("M7"))[0][0]).toBe(
      `=${expectedPlan(messyRoster(), T("support_kpi")).cells.find((c) => c.row === 7 && c.col === 13)!.formula}`,
    );
    // The rows around an override are still written as runs of one R1C1 formula each.
    expect((await formulasAt("N4:N6")).map((r) => r[0])).toEqual([
      expect.stringMatching(/^=.*E4/),
      9,
      expect.stringMatching(/^=.*E6/),
    ]);
  });

  test("removing restores the sheet: the added cells, merges, names and the rules sheet go; a hand-typed score stays and is listed", async () => {
    const fixture = messyRoster();
    const sheet = loadSheet(fake, fixture);
    const original = filledCells(sheet);
    const merges = JSON.stringify(sheet.merges);
    await applyToSheet({ template: "support_kpi" });
    await fake.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange("N5").values = [[9]];
      await context.sync();
    });
    const removed = await removeApplied();
    expect(removed).toMatchObject({ sheet: "一季度", removedRulesSheet: "考核规则", syncs: 2 });
    expect(removed.overrides.map((o) => o.cell)).toEqual(["N5"]);
    expect(removed.warnings.map((w) => w.key)).toEqual(["overrides", "removed_rules_sheet"]);
    expect(fake.model.sheets.map((s) => s.name)).toEqual(["一季度"]);
    expect(fake.model.names).toEqual([]);
    expect(JSON.stringify(sheet.merges)).toBe(merges);
    const after = filledCells(sheet);
    after.delete("5:14");
    expect([...after.keys()].sort()).toEqual([...original.keys()].sort());
    for (const [k, cell] of original) expect(after.get(k)).toEqual(cell);
    // The cleared cells lose the formats apply gave them too.
    expect(sheet.cell(2, 13)!.format.fill).toBeNull();
    expect(sheet.cell(9, 19)!.numberFormat).toBe("General");
  });

  test("removing where nothing was applied says so and changes nothing", async () => {
    loadSheet(fake, messyRoster());
    const snapshot = workbookSnapshot(fake);
    const removed = await removeApplied();
    expect(removed.warnings.map((w) => applyText("zh", w))).toEqual(["工作表“一季度”上没有已应用的考核列。"]);
    expect(workbookSnapshot(fake)).toBe(snapshot);
  });

  test("removing one of two blocks keeps the other and the rules sheet it still reads", async () => {
    loadSheet(fake, messyRoster());
    await applyToSheet({ template: "support_kpi" });
    // A second block of another template, mapped by hand, to the right of the first.
    const second = await applyToSheet({
      template: "support_service",
      columns: [{ col: 5, slot: "customer_satisfaction" }],
    });
    expect(second.block).toBe("U2:U15");
    expect(second.rulesSheet).toBe("考核规则 (2)");
    const removed = await removeApplied({ id: second.marker });
    expect(removed.removedRulesSheet).toBe("考核规则 (2)");
    const blocks = readMarkers(fake.model.names.map((n) => ({ name: n.name, refersTo: n.formula })));
    expect(blocks.map((b) => b.templateId)).toEqual(["support_kpi"]);
    expect(fake.model.sheet("考核规则")).toBeDefined();
  });
});

describe("protection", () => {
  const OPTIONS = { allowSort: true, allowAutoFilter: true, allowFormatCells: false, selectionMode: "Normal" as const };

  async function protect(password?: string): Promise<void> {
    await fake.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().protection.protect(OPTIONS, password);
      await context.sync();
    });
    fake.resetStats();
  }

  test("a protected sheet is unprotected and protected again with its options, inside one Excel.run", async () => {
    const sheet = loadSheet(fake, messyRoster());
    await protect();
    const runs = jest.spyOn(fake, "run");
    const result = await applyToSheet({ template: "support_kpi" });
    expect(runs).toHaveBeenCalledTimes(1);
    expect(result.block).toBe("M2:T15");
    expect(sheet.protection).toEqual({ protected: true, options: OPTIONS, password: undefined });
    // Unprotect and protect travel in the write request, around every write.
    const write = fake.stats.requests[1].members;
    expect([write["WorksheetProtection.unprotect"], write["WorksheetProtection.protect"]]).toEqual([1, 2]);
    expect(sheet.cell(4, 19)!.formulaR1C1).toBeDefined();
    // Remove does the same.
    runs.mockClear();
    await removeApplied();
    expect(runs).toHaveBeenCalledTimes(1);
    expect(sheet.protection).toEqual({ protected: true, options: OPTIONS, password: undefined });
    expect(sheet.cell(4, 19)?.formulaR1C1).toBeUndefined();
  });

  test("a sheet protected with a password is refused with a message; nothing is written", async () => {
    loadSheet(fake, messyRoster());
    await protect("secret");
    const snapshot = workbookSnapshot(fake);
    const error = await failure(applyToSheet({ template: "support_kpi" }), ExcelApplyError);
    expect(error.code).toBe("sheet_password");
    expect(error.text("zh")).toContain("工作表“一季度”受密码保护");
    expect(workbookSnapshot(fake)).toBe(snapshot);
  });

  test("a protected workbook structure: the rules sheet cannot be added, so nothing is written", async () => {
    loadSheet(fake, messyRoster());
    fake.model.protection = { protected: true };
    const snapshot = workbookSnapshot(fake);
    const error = await failure(applyToSheet({ template: "support_kpi" }), ExcelWriteError);
    expect(error.code).toBe("workbook_protected");
    expect(workbookSnapshot(fake)).toBe(snapshot);
    // Add-in formulas need no rules sheet: they apply.
    await expect(applyToSheet({ template: "support_kpi", formulas: "addin" })).resolves.toMatchObject({
      block: "M2:T15",
    });
  });

  test("Excel refusing a write half-way: what the apply added is taken away and the sheet is protected again", async () => {
    const sheet = loadSheet(fake, messyRoster());
    await protect();
    const original = filledCells(sheet);
    const addName = fake.model.addName.bind(fake.model);
    jest.spyOn(fake.model, "addName").mockImplementation((name, target, comment) => {
      if (name === "KPI_APPLIED_1.total") throw officeError("InvalidArgument", "refused for the test");
      return addName(name, target, comment);
    });
    const error = await failure(applyToSheet({ template: "support_kpi" }), ExcelWriteError);
    expect(error.code).toBe("invalid_argument");
    expect(fake.model.sheets.map((s) => s.name)).toEqual(["一季度"]);
    expect(fake.model.names).toEqual([]);
    expect(filledCells(sheet)).toEqual(original);
    expect(sheet.protection).toEqual({ protected: true, options: OPTIONS, password: undefined });
  });

  test("a timeout is an ExcelWriteError with its text", async () => {
    uninstall();
    ({ fake, uninstall } = installFakeExcel({ hangOnSync: 2 }));
    loadSheet(fake, messyRoster());
    const error = await failure(applyToSheet({ template: "support_kpi", timeoutMs: 50 }), ExcelWriteError);
    expect(error.code).toBe("timeout");
    expect(error.text("zh")).toBe("Excel 在 0.1 秒内没有响应。请确认 Excel 仍在运行后重试。");
  });
});

describe("what apply needs of the fake host", () => {
  test("merged areas, unmerge, clear, and R1C1 formulas read back in A1", async () => {
    const sheet = fake.model.addSheet("S");
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      ws.getRange("A1:B2").merge(false);
      ws.getRange("D4:E4").merge(false);
      ws.getRange("C3:C5").formulasR1C1 = "=R[-1]C[-1]+R1C1" as unknown as string[][];
      ws.getRange("F1").values = [[5]];
      ws.getRange("F1").format.fill.color = "#FF0000";
      await context.sync();
      const none = ws.getRange("G1:H9").getMergedAreasOrNullObject().load("address");
      const some = ws.getRange().getMergedAreasOrNullObject().load("address");
      const formulas = ws.getRange("C3:C4").load("formulas");
      await context.sync();
      expect(none.isNullObject).toBe(true);
      expect(some.address).toBe("'S'!A1:B2,'S'!D4:E4");
      expect(formulas.formulas).toEqual([["=B2+$A$1"], ["=B3+$A$1"]]);
      ws.getRange("A2:E4").unmerge();
      ws.getRange("F1").clear("All");
      ws.getRange("C5").clear("Contents");
      await context.sync();
    });
    expect(sheet.merges).toEqual([]);
    expect(sheet.cell(1, 6)).toMatchObject({ value: null, format: { fill: null } });
    expect(sheet.cell(5, 3)!.formulaR1C1).toBeUndefined();
    expect(sheet.cell(4, 3)!.formulaR1C1).toBe("=R[-1]C[-1]+R1C1");
  });
});

describe("R1C1 formulas", () => {
  test("a column's formulas as runs of one R1C1 formula; what does not convert back stays A1", () => {
    const cells = [
      { row: 2, col: 3, formula: "A2*2" },
      { row: 3, col: 3, formula: "A3*2" },
      { row: 5, col: 3, formula: "A5*2" },
      { row: 6, col: 3, formula: "A06*2" },
      { row: 2, col: 4, formula: "$C$2" },
      { row: 3, col: 4, formula: "$C$2" },
    ];
    const { runs, single } = formulaRuns(cells);
    expect(runs).toEqual([
      { area: { r1: 2, c1: 3, r2: 3, c2: 3 }, r1c1: "RC[-2]*2" },
      { area: { r1: 2, c1: 4, r2: 3, c2: 4 }, r1c1: "R2C3" },
    ]);
    // A06 reads as A6 in R1C1: the run of rows 5 and 6 does not give back its A1 formulas, so it is written in A1.
    expect(single).toEqual([cells[2], cells[3]]);
  });

  test("A1 → R1C1 leaves strings, quoted sheet names, names and functions alone and converts back exactly", () => {
    const cases: Array<[string, number, number, string]> = [
      ['IF(S15="","",RANK(S15,$S$4:$S$15))', 15, 20, 'IF(RC[-1]="","",RANK(RC[-1],R4C19:R15C19))'],
      ['KPI.SCORE(J4,"support_kpi/daily_report",K4)', 4, 18, 'KPI.SCORE(RC[-8],"support_kpi/daily_report",RC[-7])'],
      ["LOG10(A1)+KPI_x_A1_weight*$B2+'My A1'!C$3+1E5", 2, 3, "LOG10(R[-1]C[-2])+KPI_x_A1_weight*RC2+'My A1'!R3C+1E5"],
      ['"A1"&B2', 2, 2, '"A1"&RC'],
    ];
    for (const [formula, row, col, r1c1] of cases) {
      expect(a1ToR1C1(formula, row, col)).toBe(r1c1);
      expect(r1c1ToA1(r1c1, row, col)).toBe(formula);
    }
  });
});

test("fixtures: the messy sheet's inputs are the ones supportRow gives", () => {
  expect(messyRoster().rows[3].slice(1, 11)).toEqual([NAMES[0], "售前二部", ...supportRow(0)]);
});
