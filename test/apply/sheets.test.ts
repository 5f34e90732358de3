// The issue's fixtures, one by one: what mapping is found, and which columns are written or why not.
import { defaultCatalog } from "../../src/catalog";
import { analyseSheet } from "../../src/apply";
import { columnLetter, gridFromRows, type GridValue } from "../../src/apply/grid";
import { acceptedMatches } from "../../src/apply/map";
import { applyText } from "../../src/apply/messages";
import { planApply } from "../../src/apply/plan";
import { englishRoster, gridOf, messyRoster } from "./fixtures";

const catalog = defaultCatalog();

interface Fixture {
  name: string;
  template: string;
  values: GridValue[][];
  merges?: string[];
  mapping: string[];
  /** Columns written ("M:score:satisfaction" …), or the refusal or blocked cells. */
  result: string[];
}

const people = (rows: GridValue[][]) => rows.map((r, i) => [`员工${i + 1}`, ...r]);

const FIXTURES: Fixture[] = [
  {
    name: "a title row",
    template: "support_service",
    values: [["2026年一季度考核", null, null], ["姓名", "客户满意度", "工作计划按时完成率"], ...people([[0.92, 0.95], [0.85, 1]])],
    merges: ["A1:C1"],
    mapping: ["B customer_satisfaction exact", "C plan_on_time exact"],
    result: ["D:score:plan_on_time", "E:score:customer_satisfaction"],
  },
  {
    name: "merged two-row headers (the messy sheet)",
    template: "support_kpi",
    values: gridRows(gridOf(messyRoster())),
    merges: gridOf(messyRoster()).merges.map((m) => `${columnLetter(m.left)}${m.top}:${columnLetter(m.right)}${m.bottom}`),
    mapping: [
      "D resolution alias", "E satisfaction alias", "F follow_up_visits alias", "G customer_complaints exact",
      "H learning_growth exact", "I learning_growth.shared_cases alias", "J daily_report exact", "K daily_report.quality alias",
    ],
    result: ["M:score:resolution", "N:score:satisfaction", "O:score:follow_up_visits", "P:score:customer_complaints", "Q:score:learning_growth", "R:score:daily_report", "S:total", "T:rank"],
  },
  {
    name: "English headers and a name column with no header",
    template: "senior_tech_engineer",
    values: gridRows(gridOf(englishRoster())),
    mapping: ["C expertise alias", "D customer_communication alias", "E problem_solving exact", "F teamwork exact", "G business_contribution alias"],
    result: ["I:score:expertise", "J:score:customer_communication", "K:score:problem_solving", "L:score:teamwork", "M:score:business_contribution", "N:total", "O:grade", "P:rank"],
  },
  {
    name: "extra unrelated columns",
    template: "support_service",
    values: [["姓名", "工号", "客户满意度", "入职日期", "车牌号"], ...people([["001", 0.9, "2020-01-01", "沪A"], ["002", 0.8, "2021-05-01", "沪B"]]).map((r) => r.slice(0, 5))],
    mapping: ["C customer_satisfaction exact"],
    result: ["F:score:customer_satisfaction"],
  },
  {
    name: "blank rows inside the data",
    template: "support_service",
    values: [["姓名", "客户满意度"], ["甲", 0.9], [null, null], ["乙", 0.8]],
    mapping: ["B customer_satisfaction exact"],
    result: ["C:score:customer_satisfaction"],
  },
  {
    name: "a totals row",
    template: "support_service",
    values: [["姓名", "客户满意度"], ["甲", 0.9], ["乙", 0.8], ["平均", 0.85]],
    mapping: ["B customer_satisfaction exact"],
    result: ["C:score:customer_satisfaction", "rows 2-3"],
  },
  {
    name: "values typed as text",
    template: "support_service",
    values: [["姓名", "客户满意度"], ["甲", "92%"], ["乙", 0.8]],
    mapping: ["B customer_satisfaction exact"],
    result: ["C:score:customer_satisfaction", "problem B2 numeric_text"],
  },
  {
    name: "merged cells over the target columns",
    template: "support_service",
    values: [["姓名", "客户满意度", null], ["甲", 0.9, null], ["乙", 0.8, null]],
    merges: ["C2:D3"],
    mapping: ["B customer_satisfaction exact"],
    result: ["blocked C2 merged C2:D3", "blocked C3 merged C2:D3"],
  },
  {
    name: "a form, not a roster",
    template: "support_kpi",
    values: [["姓名:张三", null, null], ["考核维度", "权重", "得分"], ["业绩", 0.6, 90], ["态度", 0.4, 85]],
    mapping: [],
    result: ['refused: Sheet "S" is one person\'s assessment form (a "Name:" label above the table), not a roster of employees.'],
  },
];

function gridRows(grid: ReturnType<typeof gridOf>): GridValue[][] {
  const rows: GridValue[][] = [];
  for (let r = 1; r <= grid.maxRow; r++) {
    const row: GridValue[] = [];
    for (let c = 1; c <= grid.maxCol; c++) row.push(grid.cells.get(`${r}:${c}`)?.value ?? null);
    rows.push(row);
  }
  return rows;
}

describe("each fixture: the mapping found, and the columns written or the refusal", () => {
  test.each(FIXTURES.map((f) => [f.name, f] as const))("%s", (_name, f) => {
    const grid = gridFromRows({ name: "S", values: f.values, merges: f.merges });
    const workbook = { sheetNames: ["S"], names: [] };
    const template = catalog.findTemplate(f.template);
    const { detection, mapping } = analyseSheet(grid, workbook, template);
    expect(mapping.matches.map((m) => `${columnLetter(m.col)} ${m.slot.ref} ${m.kind}`)).toEqual(f.mapping);
    const plan = planApply({ template, grid, workbook, detection, matches: acceptedMatches(mapping, ["fuzzy"]), formulas: "portable", lang: "en" });
    const result = [
      ...plan.refusals.map((m) => `refused: ${applyText("en", m)}`),
      ...plan.blocked.map((b) => `blocked ${b.cell} ${b.reason} ${b.detail}`),
      ...(plan.blocked.length || plan.refusals.length ? [] : plan.columns.map((c) => `${columnLetter(c.col)}:${c.kind}${c.rule ? `:${c.rule}` : ""}`)),
      ...(f.name === "a totals row" ? [`rows ${plan.rows!.first}-${plan.rows!.last}`] : []),
      ...(f.name === "values typed as text" ? plan.problems.map((p) => `problem ${p.cell} ${p.kind}`) : []),
    ];
    expect(result).toEqual(f.result);
  });
});
