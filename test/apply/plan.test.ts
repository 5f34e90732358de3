import { defaultCatalog } from "../../src/catalog";
import type { Template } from "../../src/catalog/types";
import { analyseSheet } from "../../src/apply";
import { detectTable } from "../../src/apply/detect";
import { cellAt, cellKey, gridFromRows, type Grid, type GridValue } from "../../src/apply/grid";
import { acceptedMatches, mapColumns } from "../../src/apply/map";
import { blockAt, markerNames, readMarkers } from "../../src/apply/marker";
import { applyText } from "../../src/apply/messages";
import { canonicalFormula, canWrite, planApply, planRemoval, type ApplyPlan, type WorkbookModel } from "../../src/apply/plan";
import { checkPortableFormula } from "../../src/sheets/formula-check";
import { buildRulesSheet, namePrefix, ruleNames } from "../../src/sheets/rules-sheet";
import { executeOnGrid } from "./grid-writer";
import { gridOf, messyRoster } from "./fixtures";

const catalog = defaultCatalog();
const T = (id: string) => catalog.findTemplate(id);
const emptyBook = (grid: Grid): WorkbookModel => ({ sheetNames: [grid.name], names: [] });

function plan(grid: Grid, template: Template, workbook = emptyBook(grid), over: Partial<Parameters<typeof planApply>[0]> = {}): ApplyPlan {
  const { detection, mapping } = analyseSheet(grid, workbook, template);
  return planApply({ template, grid, workbook, detection, matches: acceptedMatches(mapping, ["fuzzy"]), formulas: "portable", lang: "zh", ...over });
}

function headers(p: ApplyPlan): string[] {
  return p.cells.filter((c) => c.row === p.rows!.headTop && c.value !== undefined).map((c) => String(c.value));
}

function formulaAt(p: ApplyPlan, ref: string): string | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return p.cells.find((c) => c.row === Number(m[2]) && c.col === col)?.formula;
}

function simple(headersRow: GridValue[], rows: GridValue[][], merges: string[] = []) {
  return gridFromRows({ name: "Sheet1", values: [headersRow, ...rows], merges });
}

describe("planning the applied columns", () => {
  const messy = gridOf(messyRoster());

  test("writes a 得分 column per mapped rule, then 总分 and 排名, right of the data in the header row", () => {
    const p = plan(messy, T("support_kpi"));
    expect(canWrite(p)).toBe(true);
    expect(p.columns.map((c) => c.col)).toEqual([13, 14, 15, 16, 17, 18, 19, 20]);
    expect(headers(p)).toEqual(["项目技术解决率得分", "项目支持满意度得分", "项目跟踪回访完成率得分", "客户投诉次数得分", "技术学习交流与成长得分", "日报总结得分", "总分", "排名"]);
    expect(p.rows).toEqual({ headTop: 2, headBottom: 3, first: 4, last: 15 });
    // The two-row header: each added header cell is merged down over both rows, like 姓名.
    expect(p.mergesToAdd).toEqual(["M2:M3", "N2:N3", "O2:O3", "P2:P3", "Q2:Q3", "R2:R3", "S2:S3", "T2:T3"]);
    expect(formulaAt(p, "N4")).toContain("E4");
    expect(formulaAt(p, "Q4")).toMatch(/H4.*IF\(I4="",0,I4\)/);
    expect(formulaAt(p, "S4")).toBe('IF(OR(M4="",N4="",O4="",P4="",Q4="",R4=""),"",ROUND((M4+N4+O4+P4+Q4+R4),2))');
    expect(formulaAt(p, "T15")).toBe('IF(S15="","",RANK(S15,$S$4:$S$15))');
    expect(p.cells.every((c) => c.col >= 13)).toBe(true);
  });

  test("portable formulas use only allowed functions and names the rules sheet defines", () => {
    for (const id of ["support_kpi", "senior_tech_engineer"]) {
      const template = T(id);
      const names = new Map(buildRulesSheet(template, "zh", ruleNames(namePrefix(template))).names.map((n) => [n.name, n.ref]));
      const grid = id === "support_kpi" ? messy : simple(["姓名", "专业知识与技术能力", "客户沟通与需求理解", "解决问题的能力", "团队合作", "公司业务贡献"], [["甲", 8, 7, 9, 6, 5]]);
      const p = plan(grid, template);
      expect(p.rulesSheet?.names.length).toBe(names.size);
      const problems = p.cells.filter((c) => c.formula).flatMap((c) => checkPortableFormula(c.formula!, (n) => (names.get(n) ?? "").includes(":"), (n) => names.has(n)));
      expect(problems).toEqual([]);
    }
  });

  test("a template with grades gets 等级 between 总分 and 排名", () => {
    const grid = simple(["姓名", "专业知识与技术能力", "客户沟通与需求理解", "解决问题的能力", "团队合作", "公司业务贡献"], [["甲", 8, 7, 9, 6, 5], ["乙", 6, 6, 6, 6, 6]]);
    const p = plan(grid, T("senior_tech_engineer"));
    expect(headers(p).slice(-3)).toEqual(["总分", "等级", "排名"]);
    expect(formulaAt(p, "M2")).toMatch(/^IF\(L2="","",INDEX\(KPI_senior_tech_engineer_grade_label/);
    expect(formulaAt(p, "L2")).toContain("G2*KPI_senior_tech_engineer_expertise_weight/KPI_senior_tech_engineer_scale");
  });

  test("a missing indicator leaves out 总分, 等级 and 排名 and the message names it", () => {
    const grid = simple(["姓名", "满意度", "客户投诉次数"], [["甲", 90, 1]]);
    const p = plan(grid, T("support_kpi"));
    expect(headers(p)).toEqual(["项目支持满意度得分", "客户投诉次数得分"]);
    const text = p.warnings.map((w) => applyText("zh", w)).join("\n");
    expect(text).toContain("未写入总分、等级和排名:项目技术解决率、项目跟踪回访完成率、技术学习交流与成长、日报总结");
  });

  test("a missing further input counts as 0 with a warning, never a reference to a blank column", () => {
    const grid = simple(["姓名", "技术学习交流与成长"], [["甲", 96]]);
    const p = plan(grid, T("support_kpi"));
    const f = formulaAt(p, "C2")!;
    expect(f).toContain("B2");
    expect(f).toContain("IF(0=\"\",0,0)");
    expect(f).not.toMatch(/\b[D-Z]2\b/);
    expect(p.warnings.map((w) => applyText("zh", w))).toContain("未找到“成功经验例数”的列,技术学习交流与成长 按 0 计算。");
  });

  test("an unmapped adjustment is not scored and adds nothing; the total is still written", () => {
    const grid = simple(["姓名", "文档撰写", "文档撰写·自评", "工作量", "工作量·自评", "工作态度", "工作态度·自评", "投诉"], [["甲", 18, 19, 25, 24, 20, 19, 1]]);
    const p = plan(grid, T("hongshu_support"));
    expect(headers(p)).toEqual(["文档撰写得分", "工作量得分", "工作态度得分", "投诉得分", "总分", "等级", "排名"]);
    expect(formulaAt(p, "I2")).toMatch(/^IF\(OR\(B2="",C2=""\),"",KPI_hongshu_support_w_supervisor\*/);
    expect(formulaAt(p, "M2")).not.toContain("company_image_damage");
    expect(p.warnings.map((w) => applyText("zh", w)).join()).toContain("有损公司形象");
  });

  test("a non-empty target cell blocks the whole apply and is listed", () => {
    // Column D stays empty, so the table ends at C; its two score columns go to D and E, and E2 is taken.
    const grid = simple(["姓名", "客户满意度", "工作计划按时完成率", null, null], [["甲", 0.9, 0.95, null, "手写备注"], ["乙", 0.85, 1, null, null]]);
    const p = plan(grid, T("support_service"));
    expect(p.blocked).toEqual([{ cell: "E2", row: 2, col: 5, reason: "value", detail: "手写备注" }]);
    expect(p.cells).toEqual([]);
    expect(canWrite(p)).toBe(false);
  });

  test("merged cells over the target columns block it, with the merged area", () => {
    const grid = simple(["姓名", "客户满意度", null, null], [["甲", 0.9, "说明", null], ["乙", 0.85, null, null]], ["C2:D3"]);
    const p = plan(grid, T("support_service"), undefined, { at: 3 });
    expect(p.blocked.map((b) => [b.cell, b.reason, b.detail])).toEqual([
      ["C2", "merged", "C2:D3"],
      ["C3", "merged", "C2:D3"],
    ]);
  });

  test("cells inside an Excel table block it too", () => {
    const grid = { ...simple(["姓名", "客户满意度"], [["甲", 0.9]]), tables: [{ top: 1, left: 1, bottom: 2, right: 4 }] };
    expect(plan(grid, T("support_service")).blocked[0]).toMatchObject({ cell: "C1", reason: "table", detail: "A1:D2" });
  });

  test("a sheet that is not a roster is refused with the reason", () => {
    const grid = simple(["KPI指标", "1月", "2月", "3月"], [["达标率", 1, 0.9, 1]]);
    const p = plan(grid, T("support_kpi"));
    expect(p.refusals.map((m) => applyText("en", m))).toEqual(['Sheet "Sheet1" has one indicator per row (periods or indicator details across), not one employee per row.']);
  });

  test("add-in mode writes KPI.SCORE, gathering non-adjacent further inputs, and KPI.BLEND for raters", () => {
    const grid = simple(["姓名", "日报总结", "备注", "日报质量"], [["甲", 2, "x", 1]]);
    const p = plan(grid, T("support_kpi"), undefined, { formulas: "addin" });
    expect(formulaAt(p, "E2")).toBe('KPI.SCORE(B2,"support_kpi/daily_report",D2)');
    const three = simple(["姓名", "内审超出次数", "x", "销售反馈低于一般次数", "客户投诉方案次数"], [["甲", 1, "", 0, 2]]);
    const q = plan(three, T("senior_presales_engineer"), undefined, { formulas: "addin" });
    expect(formulaAt(q, "F2")).toBe('KPI.SCORE(B2,"senior_presales_engineer/proposal_quality",D2:E2)');
    const apart = simple(["姓名", "内审超出次数", "客户投诉方案次数", "x", "销售反馈低于一般次数"], [["甲", 1, 2, "", 0]]);
    expect(formulaAt(plan(apart, T("senior_presales_engineer"), undefined, { formulas: "addin" }), "F2")).toBe(
      'KPI.SCORE(B2,"senior_presales_engineer/proposal_quality",CHOOSE({1,2},E2,C2))',
    );
    const raters = simple(["姓名", "文档撰写", "文档撰写·自评"], [["甲", 18, 19]]);
    expect(formulaAt(plan(raters, T("hongshu_support"), undefined, { formulas: "addin" }), "D2")).toBe(
      'KPI.BLEND(KPI.SCORE(B2,"hongshu_support/documentation"),KPI.SCORE(C2,"hongshu_support/documentation"),0.8)',
    );
  });

  test("the rules sheet is reused when the workbook defines its names, refused when it defines only some", () => {
    const template = T("support_service");
    const grid = simple(["姓名", "客户满意度"], [["甲", 0.9]]);
    const rules = buildRulesSheet(template, "zh", ruleNames(namePrefix(template)));
    const all: WorkbookModel = { sheetNames: ["Sheet1", "考核规则"], names: rules.names.map((n) => ({ name: n.name, refersTo: `'考核规则'!${n.ref}` })) };
    const reused = plan(grid, template, all);
    expect(reused.rulesSheet).toBeUndefined();
    expect(reused.warnings.map((w) => w.key)).toContain("rules_sheet_reused");
    const some: WorkbookModel = { sheetNames: ["Sheet1"], names: all.names.slice(-3) };
    expect(plan(grid, template, some).refusals.map((m) => m.key)).toEqual(["names_partial"]);
    const broken: WorkbookModel = { sheetNames: ["Sheet1"], names: all.names.map((n) => ({ ...n, refersTo: "#REF!" })) };
    expect(plan(grid, template, broken).refusals.map((m) => m.key)).toEqual(["names_partial"]);
    const added = plan(grid, template, { sheetNames: ["Sheet1", "考核规则"], names: [] });
    expect(added.rulesSheet?.name).toBe("考核规则 (2)");
  });

  test("input problems are listed with their cells: text numbers, text, 92 in a rate column, blanks", () => {
    const grid = simple(["姓名", "客户满意度", "工作计划按时完成率"], [["甲", "92%", 0.95], ["乙", 92, "很好"], ["丙", null, -0.1]]);
    const p = plan(grid, T("support_service"));
    expect(p.problems.map((x) => [x.cell, x.kind])).toEqual([
      ["B2", "numeric_text"],
      ["B3", "invalid"],
      ["C3", "text"],
      ["B4", "blank"],
      ["C4", "invalid"],
    ]);
    expect(applyText("zh", p.problems[1].message)).toContain("92%");
  });
});

describe("the marker, re-applying and removing", () => {
  const template = T("support_kpi");

  function applied() {
    const grid = gridOf(messyRoster());
    const book = emptyBook(grid);
    const first = plan(grid, template, book);
    return { first, ...executeOnGrid(grid, book, first) };
  }

  test("the marker is plain range names that read back to the block, template, mode and mapping", () => {
    const { workbook } = applied();
    const [block] = readMarkers(workbook.names);
    expect(block).toMatchObject({ id: 1, sheet: "一季度", templateId: "support_kpi", mode: "portable", version: 1, rulesSheet: "考核规则" });
    expect(block.block).toEqual({ top: 2, left: 13, bottom: 15, right: 20 });
    expect(block.head).toEqual({ top: 2, left: 13, bottom: 3, right: 20 });
    expect(block.inputs.get("satisfaction")).toEqual({ top: 4, left: 5, bottom: 15, right: 5 });
    expect(block.columns.map((c) => c.kind + (c.rule ? `:${c.rule}` : ""))).toEqual([
      "score:resolution", "score:satisfaction", "score:follow_up_visits", "score:customer_complaints", "score:learning_growth", "score:daily_report", "total", "rank",
    ]);
    expect(workbook.names.every((n) => /^'[^']+'!\$[A-Z]+\$\d+(:\$[A-Z]+\$\d+)?$/.test(n.refersTo))).toBe(true);
  });

  test("Explain finds the block and the rule of a score cell", () => {
    const { workbook } = applied();
    const blocks = readMarkers(workbook.names);
    expect(blockAt(blocks, "一季度", 9, 14)?.column).toEqual({ kind: "score", rule: "satisfaction", col: 14 });
    expect(blockAt(blocks, "一季度", 9, 19)?.column?.kind).toBe("total");
    expect(blockAt(blocks, "一季度", 9, 5)).toBeUndefined();
    expect(blockAt(blocks, "其他", 9, 14)).toBeUndefined();
  });

  test("marker names survive a rename of the sheet with quotes", () => {
    const names = markerNames({ id: 3, sheet: "Bob's 表", block: { top: 1, left: 2, bottom: 5, right: 3 }, head: { top: 1, left: 2, bottom: 1, right: 3 }, mode: "addin", templateId: "support_kpi", inputs: [], columns: [{ kind: "total", col: 2 }] });
    const [block] = readMarkers(names);
    expect(block).toMatchObject({ id: 3, sheet: "Bob's 表", mode: "addin" });
    expect(names[0].refersTo).toBe("'Bob''s 表'!$B$1:$C$5");
  });

  test("re-applying is idempotent: the same cells, the same names, nothing blocked", () => {
    const { first, grid, workbook } = applied();
    const again = plan(grid, template, workbook);
    expect(canWrite(again)).toBe(true);
    expect(again.cells).toEqual(first.cells);
    expect(again.namesToAdd).toEqual(first.namesToAdd);
    expect(again.namesToRemove).toEqual([]);
    expect(again.rulesSheet).toBeUndefined();
    expect(again.overrides).toEqual([]);
    const twice = executeOnGrid(grid, workbook, again);
    expect([...twice.grid.cells]).toEqual([...grid.cells]);
  });

  test("re-applying keeps a score typed by hand and a changed formula, lists them, rewrites the rest", () => {
    const { grid, workbook } = applied();
    grid.cells.set(cellKey(5, 14), { value: 9 });
    grid.cells.set(cellKey(6, 19), { value: null, formula: "SUM(M6:R6)+1" });
    grid.cells.delete(cellKey(7, 13));
    const again = plan(grid, template, workbook);
    expect(again.overrides.map((o) => [o.cell, o.found])).toEqual([
      ["N5", "9"],
      ["S6", "=SUM(M6:R6)+1"],
    ]);
    expect(again.cells.some((c) => c.row === 5 && c.col === 14)).toBe(false);
    expect(again.cells.some((c) => c.row === 7 && c.col === 13)).toBe(true);
    expect(applyText("en", again.warnings.find((w) => w.key === "overrides")!)).toContain("N5, S6");
  });

  test("re-applying after a mapping change rewrites the block and removes columns that went", () => {
    const { grid, workbook } = applied();
    // The person removes the 日报总结 columns' data: now daily_report has no column.
    for (let r = 2; r <= 15; r++) {
      grid.cells.delete(cellKey(r, 10));
      grid.cells.delete(cellKey(r, 11));
    }
    grid.cells.set(cellKey(3, 10), { value: "空" });
    const again = plan(grid, template, workbook);
    expect(again.columns.map((c) => c.col)).toEqual([13, 14, 15, 16, 17]);
    // 日报总结得分, 总分 and 排名 (R, S, T) are cleared: they still held what apply wrote.
    expect(again.clear.filter((c) => c.row === 4).map((c) => c.col)).toEqual([18, 19, 20]);
    expect(again.namesToRemove).toContain("KPI_APPLIED_1.total");
  });

  test("removal clears what apply wrote, keeps hand-typed scores, and removes the names and the rules sheet", () => {
    const { grid, workbook } = applied();
    grid.cells.set(cellKey(5, 14), { value: 9 });
    const removal = planRemoval({ grid, workbook, catalog });
    expect(removal.overrides.map((o) => o.cell)).toEqual(["N5"]);
    expect(removal.removeRulesSheet).toBe("考核规则");
    expect(removal.mergesToRemove).toHaveLength(8);
    const after = executeOnGrid(grid, workbook, removal);
    expect(after.workbook.names).toEqual([]);
    const original = gridOf(messyRoster());
    const keys = [...after.grid.cells.keys()].filter((k) => k !== cellKey(5, 14));
    expect(keys.sort()).toEqual([...original.cells.keys()].sort());
    for (const k of keys) expect(after.grid.cells.get(k)).toEqual(original.cells.get(k));
    expect(after.grid.merges).toEqual(original.merges);
  });

  test("a second template on the same sheet goes to the right of the first block", () => {
    const { grid, workbook } = applied();
    // 满意度（分） is a synonym of support_service's 客户满意度.
    const other = plan(grid, T("support_service"), workbook);
    expect(other.columns.map((c) => c.col)).toEqual([21]);
    expect(other.namesToAdd[0].name).toBe("KPI_APPLIED_2");
    const d = detectTable(grid, { exclude: readMarkers(workbook.names).map((b) => b.block) });
    expect(d.right).toBe(12);
    const mapping = mapColumns(T("support_service"), d, { manual: new Map([[5, "customer_satisfaction"]]) });
    expect(mapping.matches.map((m) => m.kind)).toEqual(["manual"]);
  });

  test("formulas compare without regard to spaces, case outside strings, a leading = or _xlfn.", () => {
    expect(canonicalFormula('=if( a1 = "", "x Y", _xlfn.rank(A1,$A$1:$A$3))')).toBe(canonicalFormula('IF(A1="","x Y",RANK(A1,$A$1:$A$3))'));
    expect(canonicalFormula('IF(A1="x")')).not.toBe(canonicalFormula('IF(A1="X")'));
  });

  test("cells of the block are read back from the grid", () => {
    const { grid } = applied();
    expect(cellAt(grid, 2, 19)?.value).toBe("总分");
  });
});
