// The =KPI.* functions in a real formula engine: HyperFormula (GPL-v3 licence key) evaluates a sheet of KPI
// formulas with cell references, ranges, nesting and a spilled KPI.RULES, and every cell must show what the
// engine computes directly for the same inputs (test/fuzz/engineOracle.ts). A FunctionPlugin hands each
// function its arguments the way Excel hands them to a custom function: a blank cell or an omitted optional
// argument as null, numbers, text and booleans as they are, ranges as rows (any[][]); a thrown
// CustomFunctions.Error becomes the cell error with its message.
import { excelScalar, KpiPlugin, SIGNATURES, TRANSLATIONS } from "../support/hyperformula-kpi";
import {
  DetailedCellError,
  EmptyValue,
  ErrorType,
  HyperFormula,
  type RawCellContent,
  type SimpleCellAddress,
} from "hyperformula";
import type { Lang } from "../../src/catalog/types";
import { setDefaultTemplate, setLanguageOverride } from "../../src/functions/state";
import { engine, type Cell, type Expected, type Range, type Workbook } from "../fuzz/engineOracle";
beforeAll(() => HyperFormula.registerFunctionPlugin(KpiPlugin, TRANSLATIONS));
afterAll(() => HyperFormula.unregisterFunctionPlugin(KpiPlugin));

// ---------------------------------------------------------------------------------------------
// The sheet
// ---------------------------------------------------------------------------------------------

/** Inputs, as a person types them. */
const INPUTS: Record<string, RawCellContent> = {
  A1: 92, // 项目支持满意度 92 分
  // A2 is left blank
  A3: 25, B3: 70, // 淘宝 及时响应: 首问 25 秒, 平均 70 秒
  A4: "很好", // text where a number belongs
  A5: "92%", // typed 92%: HyperFormula, like Excel, stores the number 0.92 (formatted as a percentage)
  A6: "'92%", // the text "92%" (apostrophe prefix), read by the functions as Excel reads typing
  A7: true, // 出勤 yes
  A8: 2, // 2 occurrences
  A9: 92,
  C2: 90, C3: 70, // 售前经理: key indicators 90, work performance 70
  A10: 100.5, // a 鸿数 total
  A11: 3, B11: 1, C11: 0, // 售前方案质量: three inputs, the further two as a range
  A12: 9, B12: 8, C12: 7, D12: 10, E12: 6, // 高级售前技术工程师: five scores
  A14: "' ", // a cell holding only a space: blank to the functions
  A15: "support_kpi/satisfaction", // a rule name kept in a cell
  D1: 80, D2: 95, D3: 90, D4: 85, // KPI.TABLE thresholds, any order
  E1: 5, E2: 15, E3: 12, E4: 10, E5: 0, // their points, and one for values that reach none
};

/** What Excel passes for each input cell referenced below (checked against the sheet in a test). */
const PASSED: Record<string, Cell> = {
  A1: 92, A2: null, A3: 25, B3: 70, A4: "很好", A5: 0.92, A6: "92%", A7: true, A8: 2, A9: 92,
  C2: 90, C3: 70, A10: 100.5, A11: 3, B11: 1, C11: 0, A12: 9, B12: 8, C12: 7, D12: 10, E12: 6, A14: " ",
  A15: "support_kpi/satisfaction", D1: 80, D2: 95, D3: 90, D4: 85, E1: 5, E2: 15, E3: 12, E4: 10, E5: 0,
};

const v = (...cells: string[]): Range => [cells.map((c) => PASSED[c])];
const column = (...cells: string[]): Range => cells.map((c) => [PASSED[c]]);
const p = PASSED;

interface Case {
  cell: string;
  formula: string;
  /** What the engine gives for the same inputs. */
  expected: (book: Workbook) => Expected;
}

const CASES: Case[] = [
  { cell: "G1", formula: '=KPI.BAND(A1,"support_kpi/satisfaction")', expected: (b) => engine.band(b, p.A1, "support_kpi/satisfaction") },
  { cell: "G2", formula: '=KPI.BAND(A2,"support_kpi/satisfaction")', expected: (b) => engine.band(b, p.A2, "support_kpi/satisfaction") },
  { cell: "G3", formula: '=KPI.SCORE(A3,"淘宝售前kpi考核/及时响应",B3)', expected: (b) => engine.score(b, p.A3, "淘宝售前kpi考核/及时响应", v("B3")) },
  { cell: "G4", formula: '=KPI.BAND(A4,"support_kpi/satisfaction")', expected: (b) => engine.band(b, p.A4, "support_kpi/satisfaction") },
  { cell: "G5", formula: '=KPI.SCORE(A5,"售前售后技术支持绩效考核模板/客户满意度")', expected: (b) => engine.score(b, p.A5, "售前售后技术支持绩效考核模板/客户满意度", null) },
  { cell: "G6", formula: '=KPI.SCORE(A6,"售前售后技术支持绩效考核模板/客户满意度")', expected: (b) => engine.score(b, p.A6, "售前售后技术支持绩效考核模板/客户满意度", null) },
  { cell: "G7", formula: '=KPI.SCORE(A7,"taobao_presales/attendance")', expected: (b) => engine.score(b, p.A7, "taobao_presales/attendance", null) },
  { cell: "G8", formula: "=KPI.DEDUCT(A8,5,15)", expected: (b) => engine.deduct(b, p.A8, 5, 15, null) },
  { cell: "G9", formula: "=KPI.BONUS(A8,2,5)", expected: (b) => engine.bonus(b, p.A8, 2, 5) },
  { cell: "G10", formula: "=KPI.TABLE(A9,D1:D4,E1:E5)", expected: (b) => engine.table(b, p.A9, column("D1", "D2", "D3", "D4"), column("E1", "E2", "E3", "E4", "E5"), null) },
  { cell: "G11", formula: '=KPI.TOTAL(C2:C3,"presales_manager")', expected: (b) => engine.total(b, column("C2", "C3"), "presales_manager") },
  { cell: "G12", formula: '=KPI.GRADE(A10,"hongshu_support")', expected: (b) => engine.grade(b, p.A10, "hongshu_support") },
  { cell: "G13", formula: "=KPI.BLEND(C2,C3)", expected: (b) => engine.blend(b, p.C2, p.C3, null) },
  { cell: "G14", formula: '=KPI.BLEND(C2,C3,"70%")', expected: (b) => engine.blend(b, p.C2, p.C3, "70%") },
  { cell: "G15", formula: '=KPI.EXPLAIN(A1,"support_kpi/satisfaction")', expected: (b) => engine.explain(b, p.A1, "support_kpi/satisfaction", null) },
  { cell: "G16", formula: '=KPI.BAND(A1,"support_kpi/满意度x")', expected: (b) => engine.band(b, p.A1, "support_kpi/满意度x") },
  {
    cell: "G17",
    formula: '=KPI.GRADE(KPI.TOTAL(A12:E12,"senior_tech_engineer"),"senior_tech_engineer")',
    expected: (b) => {
      const total = engine.total(b, v("A12", "B12", "C12", "D12", "E12"), "senior_tech_engineer");
      if (!total.ok) throw new Error("the 高级售前技术工程师 total should score");
      return engine.grade(b, total.value.zh as number, "senior_tech_engineer");
    },
  },
  { cell: "G18", formula: '=KPI.SCORE(A11,"senior_presales_engineer/售前方案质量",B11:C11)', expected: (b) => engine.score(b, p.A11, "senior_presales_engineer/售前方案质量", v("B11", "C11")) },
  { cell: "G19", formula: "=KPI.BLEND(C2,A2)", expected: (b) => engine.blend(b, p.C2, p.A2, null) },
  { cell: "G20", formula: "=KPI.DEDUCT(A4,5,15)", expected: (b) => engine.deduct(b, p.A4, 5, 15, null) },
  { cell: "G21", formula: '=KPI.GRADE(A1,"support_kpi")', expected: (b) => engine.grade(b, p.A1, "support_kpi") },
  { cell: "G22", formula: '=KPI.TOTAL(C2:C3,"no_such_template")', expected: (b) => engine.total(b, column("C2", "C3"), "no_such_template") },
  { cell: "G23", formula: '=KPI.SCORE(A14,"support_kpi/customer_complaints")', expected: (b) => engine.score(b, p.A14, "support_kpi/customer_complaints", null) },
  { cell: "G24", formula: '=KPI.EXPLAIN(A4,"support_kpi/satisfaction")', expected: (b) => engine.explain(b, p.A4, "support_kpi/satisfaction", null) },
  { cell: "G25", formula: "=KPI.BAND(A1,A15)", expected: (b) => engine.band(b, p.A1, p.A15) },
  { cell: "G26", formula: '=KPI.SCORE(A3,"淘宝售前kpi考核/及时响应")', expected: (b) => engine.score(b, p.A3, "淘宝售前kpi考核/及时响应", null) },
  { cell: "G27", formula: '=KPI.TABLE(A9,D1:D4,E1:E5,"<=")', expected: (b) => engine.table(b, p.A9, column("D1", "D2", "D3", "D4"), column("E1", "E2", "E3", "E4", "E5"), "<=") },
  { cell: "G28", formula: '=KPI.RULES("nope")', expected: (b) => engine.rules(b, "nope") },
];

/** KPI.RULES spills from I1 (7 rows) and I10 (11 rows); nothing else sits in I:M. */
const SPILLS = [
  { cell: "I1", formula: '=KPI.RULES("support_kpi")', template: "support_kpi" },
  { cell: "I10", formula: '=KPI.RULES("淘宝售前kpi考核")', template: "淘宝售前kpi考核" },
];

function address(hf: HyperFormula, a1: string): SimpleCellAddress {
  const at = hf.simpleCellAddressFromString(a1, 0);
  if (!at) throw new Error(`bad address ${a1}`);
  return at;
}

function buildSheet(): HyperFormula {
  const content: Record<string, RawCellContent> = { ...INPUTS };
  for (const c of [...CASES, ...SPILLS]) content[c.cell] = c.formula;
  const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
  const sheet = hf.getSheetId(hf.addSheet("KPI")) as number;
  for (const [a1, value] of Object.entries(content)) {
    hf.setCellContents(hf.simpleCellAddressFromString(a1, sheet)!, value);
  }
  return hf;
}

/** A cell value as the test compares it: errors as their type and message. */
function shown(value: unknown): unknown {
  return value instanceof DetailedCellError ? { error: value.type, message: value.message } : value;
}

function expectedCell(e: Expected, lang: Lang): unknown {
  if (e.ok) return e.value[lang];
  return { error: e.code === "#N/A" ? ErrorType.NA : ErrorType.VALUE, message: e.message[lang] };
}

const valueAt = (hf: HyperFormula, a1: string) => shown(hf.getCellValue(address(hf, a1)));
const cellsShowingErrors = (hf: HyperFormula, type: ErrorType) =>
  CASES.filter((c) => {
    const value = valueAt(hf, c.cell) as { error?: string };
    return value?.error === type;
  }).map((c) => c.cell);

describe("the ten functions in HyperFormula", () => {
  test("are registered under their dotted Excel names", () => {
    const names = HyperFormula.getRegisteredFunctionNames("enGB");
    for (const id of Object.keys(SIGNATURES)) expect(names).toContain(id);
  });

  test("receive input cells the way Excel passes them: blank as null, 92% as 0.92, text and booleans as typed", () => {
    setLanguageOverride("zh");
    const hf = buildSheet();
    for (const [a1, passed] of Object.entries(PASSED)) {
      const raw = hf.getCellValue(address(hf, a1));
      expect({ cell: a1, passed: excelScalar(raw === null ? EmptyValue : raw) }).toEqual({ cell: a1, passed });
    }
    hf.destroy();
  });
});

describe.each(["zh", "en"] as const)("a sheet of =KPI.* formulas evaluated by HyperFormula (%s)", (lang) => {
  const book: Workbook = { defaultTemplate: null };
  let hf: HyperFormula;

  beforeEach(() => {
    setLanguageOverride(lang);
    setDefaultTemplate(null);
    hf = buildSheet();
  });
  afterEach(() => hf.destroy());
  afterAll(() => setLanguageOverride(null));

  test("every formula shows what the engine computes directly for the same inputs", () => {
    for (const c of CASES) {
      expect({ cell: c.cell, value: valueAt(hf, c.cell) }).toEqual({ cell: c.cell, value: expectedCell(c.expected(book), lang) });
    }
  });

  test("the seed's own numbers come out: 92 → 12, 首问 25 秒/平均 70 秒 → 3, 90 and 70 → 86, 3 proposals → 10", () => {
    // Literals the seed prints (README examples): 满意度≥90分得12分; 及时响应 3; 90×80%+70×20% = 86.
    expect(valueAt(hf, "G1")).toBe(12);
    expect(valueAt(hf, "G3")).toBe(3);
    expect(valueAt(hf, "G11")).toBe(86);
    expect(valueAt(hf, "G18")).toBe(10);
    expect(valueAt(hf, "G12")).toBe(lang === "zh" ? "C称职" : expectedCell(engine.grade(book, 100.5, "hongshu_support"), "en"));
  });

  test("92% typed as a number and \"92%\" typed as text score the same", () => {
    expect(valueAt(hf, "G6")).toEqual(valueAt(hf, "G5"));
  });

  test("a blank input shows an empty string, never points", () => {
    for (const cell of ["G2", "G19", "G23"]) expect({ cell, value: valueAt(hf, cell) }).toEqual({ cell, value: "" });
  });

  test("text that is not a number shows #VALUE! with the engine's message", () => {
    expect(cellsShowingErrors(hf, ErrorType.VALUE).sort()).toEqual(["G20", "G21", "G24", "G4"].sort());
    const message = (valueAt(hf, "G4") as { message: string }).message;
    expect(message).toContain("很好");
    expect(message).toContain(lang === "zh" ? "不是数字" : "is not a number");
    expect(valueAt(hf, "G4")).toEqual(expectedCell(engine.band(book, "很好", "support_kpi/satisfaction"), lang));
  });

  test("an unknown rule or template shows #N/A with the engine's message", () => {
    expect(cellsShowingErrors(hf, ErrorType.NA).sort()).toEqual(["G16", "G22", "G28"].sort());
    expect((valueAt(hf, "G16") as { message: string }).message).toContain("满意度x");
    expect((valueAt(hf, "G22") as { message: string }).message).toContain("no_such_template");
  });

  test("KPI.RULES spills one row per rule under a header, five columns wide, as the engine lists them", () => {
    for (const spill of SPILLS) {
      const expected = engine.rules(book, spill.template);
      if (!expected.ok) throw new Error(`${spill.template} should list`);
      const rows = expected.value[lang] as Array<Array<string | number>>;
      const start = address(hf, spill.cell);
      const end = { ...start, row: start.row + rows.length - 1, col: start.col + rows[0].length - 1 };
      expect(rows[0]).toHaveLength(5);
      expect(hf.getRangeValues({ start, end })).toEqual(rows);
      expect(hf.isCellPartOfArray(end)).toBe(true);
      // Nothing beyond the last row or column.
      expect(hf.isCellPartOfArray({ ...end, row: end.row + 1 })).toBe(false);
      expect(hf.isCellPartOfArray({ ...end, col: end.col + 1 })).toBe(false);
    }
    expect(hf.getRangeValues({ start: address(hf, "I1"), end: address(hf, "I1") })[0][0]).toBe(lang === "zh" ? "引用" : "Reference");
  });

  test("KPI.RULES() with no template spills the workbook's default template", () => {
    setDefaultTemplate("taobao_presales");
    const other = HyperFormula.buildFromArray([["=KPI.RULES()"]], { licenseKey: "gpl-v3" });
    const expected = engine.rules({ defaultTemplate: "taobao_presales" }, null);
    if (!expected.ok) throw new Error("the default template should list");
    const rows = expected.value[lang] as unknown[][];
    expect(other.getSheetValues(0)).toEqual(rows);
    other.destroy();
  });

  test("an error in an input cell passes through a KPI formula unchanged, as Excel does", () => {
    hf.setCellContents(address(hf, "H1"), '=KPI.BAND(G16,"support_kpi/satisfaction")');
    expect(valueAt(hf, "H1")).toEqual(valueAt(hf, "G16"));
  });

  test("changing an input cell recalculates the dependent KPI formulas to the engine's new value", () => {
    const recheck = (cells: string[], passed: Record<string, Cell>) => {
      const now = { ...PASSED, ...passed };
      const expected: Record<string, (b: Workbook) => Expected> = {
        G1: (b) => engine.band(b, now.A1, "support_kpi/satisfaction"),
        G2: (b) => engine.band(b, now.A2, "support_kpi/satisfaction"),
        G11: (b) => engine.total(b, [[now.C2], [now.C3]], "presales_manager"),
        G13: (b) => engine.blend(b, now.C2, now.C3, null),
        G15: (b) => engine.explain(b, now.A1, "support_kpi/satisfaction", null),
        G19: (b) => engine.blend(b, now.C2, now.A2, null),
        G25: (b) => engine.band(b, now.A1, now.A15),
      };
      for (const cell of cells) {
        expect({ cell, value: valueAt(hf, cell) }).toEqual({ cell, value: expectedCell(expected[cell](book), lang) });
      }
    };

    const changes = hf.setCellContents(address(hf, "A1"), 96);
    expect(changes.map((c) => ("address" in c ? hf.simpleCellAddressToString(c.address, 0) : ""))).toEqual(expect.arrayContaining(["G1", "G15", "G25"]));
    recheck(["G1", "G15", "G25"], { A1: 96 });
    // 96 and 92 fall in different bands, so the cell really changed.
    expect(valueAt(hf, "G1")).not.toEqual(expectedCell(engine.band(book, 92, "support_kpi/satisfaction"), lang));

    hf.setCellContents(address(hf, "A2"), 85);
    recheck(["G2", "G19"], { A1: 96, A2: 85 });

    hf.setCellContents(address(hf, "C3"), null);
    recheck(["G11", "G13"], { A1: 96, A2: 85, C3: null });
    expect(valueAt(hf, "G11")).toBe("");

    hf.setCellContents(address(hf, "A1"), "很好");
    recheck(["G1", "G15", "G25"], { A1: "很好", A2: 85, C3: null });

    hf.setCellContents(address(hf, "A15"), "support_kpi/nope");
    recheck(["G25"], { A1: "很好", A2: 85, C3: null, A15: "support_kpi/nope" });
  });
});
