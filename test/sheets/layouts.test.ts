import { scorableRules } from "../../src/catalog";
import { rosterLayout } from "../../src/sheets/roster";
import { uniqueSheetName, uniqueDefinedName, isValidDefinedName, r1c1ToA1 } from "../../src/sheets/a1";
import { build, catalog, staff, templates } from "./plans";


describe("the team roster", () => {
  test.each(templates.map((t) => [t.id, t] as const))("%s: headers follow the contract", (_id, template) => {
    const { plan } = build(template);
    const roster = plan.sheets[0];
    expect(roster.kind).toBe("roster");
    const headers = roster.cells.filter((c) => c.row === 1).sort((a, b) => a.col - b.col).map((c) => c.value);
    expect(headers.slice(0, 3)).toEqual(["姓名", "工号", "部门"]);
    for (const found of scorableRules(template)) {
      expect(headers).toContain(found.rule.name.zh);
      expect(headers).toContain(`${found.rule.name.zh}得分`);
      found.rule.inputs.slice(1).forEach((spec) => expect(headers).toContain(`${found.rule.name.zh}·${spec.label.zh}`));
      if (template.raters && found.scope === "indicator") expect(headers).toContain(`${found.rule.name.zh}·自评`);
    }
    const tail = template.grades ? ["总分", "等级", "排名"] : ["总分", "排名"];
    expect(headers.slice(-tail.length)).toEqual(tail);
    // The roster is the only sheet with a 总分 cell.
    const withTotal = plan.sheets.filter((s) => s.cells.some((c) => c.value === "总分"));
    expect(withTotal.map((s) => s.id)).toEqual(["roster"]);
  });

  test("English headers are name.en and '<name.en> Score'", () => {
    const template = catalog.findTemplate("support_kpi");
    const headers = build(template, { lang: "en" }).plan.sheets[0].cells.filter((c) => c.row === 1).map((c) => c.value);
    expect(headers).toContain("Project support satisfaction");
    expect(headers).toContain("Project support satisfaction Score");
    expect(headers.slice(-2)).toEqual(["Total", "Rank"]);
  });

  test("is an Excel table named KPI_<template>, sized to the staff list, filters on", () => {
    const template = catalog.findTemplate("taobao_presales");
    const roster = build(template).plan.sheets[0];
    const layout = rosterLayout(template, "zh");
    expect(roster.table).toEqual({ name: "KPI_taobao_presales", range: `A1:${r1c1ToA1("RC", 1, layout.lastCol).replace(/\d+$/, "")}${1 + staff.length}`, showFilterButtons: true });
    expect(roster.blocks[0].values).toEqual(staff.map((s) => [s.name, s.id, s.department]));
    expect(roster.blocks[0].textColumns).toEqual([0, 1, 2]);
  });

  test("every input column has validation with the catalog's prompt and an invalid-input highlight", () => {
    const template = catalog.findTemplate("support_kpi");
    const roster = build(template).plan.sheets[0];
    const layout = rosterLayout(template, "zh");
    expect(roster.validations).toHaveLength(layout.inputs.length);
    expect(roster.conditionalFormats.filter((f) => f.format === "invalid")).toHaveLength(layout.inputs.length);
    const complaints = roster.validations.find((v) => v.promptTitle === "客户投诉次数")!;
    expect(complaints).toMatchObject({ type: "whole", min: 0, errorStyle: "stop" });
    const quality = roster.validations.find((v) => v.prompt.includes("日报") && v.type === "list");
    expect(quality?.list).toBe("KPI_support_kpi_daily_report_p1_code");
    expect(roster.conditionalFormats[0].formula).toContain("KPI_support_kpi_highlight=1");
  });

  test("portable rosters are protected without a password, sorting and filtering allowed; print landscape A4", () => {
    const roster = build(catalog.findTemplate("support_kpi")).plan.sheets[0];
    expect(roster.protection).toEqual({ password: "", allowSort: true, allowAutoFilter: true });
    expect(roster.print).toMatchObject({ orientation: "landscape", paper: "A4", fitToWidth: 1, titleRows: [1, 1] });
    expect(roster.print.header).toContain("2026-Q4");
    expect(roster.freeze).toEqual({ rows: 1, cols: 1 });
  });

  test("without a staff list the roster has blank rows to fill", () => {
    const roster = build(catalog.findTemplate("support_kpi"), { employees: [], blankRows: 12 }).plan.sheets[0];
    expect(roster.columnFormulas[0].lastRow).toBe(13);
  });
});

describe("the individual form", () => {
  test.each(templates.map((t) => [t.id, t] as const))("%s: one form per employee with header block, indicator table and sign-off", (_id, template) => {
    const { plan, forms } = build(template, { layout: "form" });
    const formSheets = plan.sheets.filter((s) => s.kind === "form");
    expect(formSheets.map((s) => s.name)).toEqual(staff.map((s) => s.name));
    expect(plan.sheets[plan.sheets.length - 1].kind).toBe("rules");
    const form = formSheets[0];
    const texts = form.cells.map((c) => c.value);
    for (const label of ["姓名", "工号", "部门", "岗位", "考核期间", "考核人", "指标名称", "权重", "考核标准", "实际值/输入", "自评分", "上级评分", "得分", "总分", "被考核人签字", "考评人签字/评语", "总经理意见", "日期"]) {
      expect(texts).toContain(label);
    }
    expect(texts).toContain(staff[0].id);
    for (const found of scorableRules(template)) expect(texts).toContain(found.rule.name.zh);
    if (template.grades) {
      expect(texts).toContain("等级");
      expect(texts.some((t) => typeof t === "string" && t.startsWith("等级标准:"))).toBe(true);
    }
    expect(forms[0].totalCell).toMatch(/^I\d+$/);
    expect(form.cells.find((c) => c.col === 9 && `I${c.row}` === forms[0].totalCell)?.formula).toContain("ROUND(");
  });

  test("the qualitative template's rows take free scores and show no invented weights", () => {
    const { plan } = build(catalog.findTemplate("solution_engineer_goals"), { layout: "form" });
    const form = plan.sheets[0];
    const weights = form.cells.filter((c) => c.col === 3 && c.row > 6).map((c) => c.value);
    expect(weights.every((w) => w === "" || w === undefined)).toBe(true);
  });

  test("rater templates take the supervisor's and the self score and show the blend", () => {
    const { plan } = build(catalog.findTemplate("hongshu_support"), { layout: "form" });
    const texts = plan.sheets[0].cells.map((c) => c.value);
    expect(texts).toContain("得分 = 上级评分 × 80% + 自评分 × 20%");
    expect(texts).toContain("加减分");
  });
});

describe("names Excel accepts", () => {
  test("new sheet names are valid and unique regardless of case", () => {
    expect(uniqueSheetName("考核规则", ["考核规则"])).toBe("考核规则 (2)");
    expect(uniqueSheetName("Team", ["team", "TEAM (2)"])).toBe("Team (3)");
    expect(uniqueSheetName("a[b]:c*d?e/f\\g", [])).toBe("a_b__c_d_e_f_g");
    expect(uniqueSheetName("'quoted'", [])).toBe("quoted");
    expect(uniqueSheetName("History", [])).not.toBe("History");
    const long = uniqueSheetName("一".repeat(40), ["一".repeat(31)]);
    expect(long.length).toBeLessThanOrEqual(31);
    expect(long.endsWith(" (2)")).toBe(true);
  });

  test("defined and table names are valid and unique", () => {
    expect(uniqueDefinedName("KPI_support_kpi", ["kpi_support_kpi"])).toBe("KPI_support_kpi_2");
    expect(isValidDefinedName("KPI_support_kpi_satisfaction_bound")).toBe(true);
    for (const bad of ["A1", "R1C1", "R", "C", "1abc", "a b", "XFD1048576"]) expect(isValidDefinedName(bad)).toBe(false);
  });

  test("every template's defined names are valid Excel names", () => {
    for (const t of templates) for (const s of build(t).plan.sheets) for (const n of s.names) expect(isValidDefinedName(n.name)).toBe(true);
  });
});
