import { r1c1ToA1 } from "../../src/sheets/a1";
import { checkPortableFormula } from "../../src/sheets/formula-check";
import type { WorkbookPlan } from "../../src/sheets/plan";
import { build, templates } from "./plans";

/** Every formula of a workbook plan: cells, column formulas (as A1 on their first row), validations, formats. */
function formulasOf(plan: WorkbookPlan): string[] {
  const out: string[] = [];
  for (const sheet of plan.sheets) {
    for (const c of sheet.cells) if (c.formula !== undefined) out.push(c.formula);
    for (const cf of sheet.columnFormulas) out.push(r1c1ToA1(cf.r1c1, cf.firstRow, cf.col), r1c1ToA1(cf.r1c1, cf.lastRow, cf.col));
    for (const f of sheet.conditionalFormats) out.push(f.formula);
  }
  return out;
}

function namesOf(plan: WorkbookPlan): Map<string, string> {
  return new Map(plan.sheets.flatMap((s) => s.names.map((n) => [n.name, n.ref] as const)));
}

const cases = templates.flatMap((t) =>
  (["roster", "form"] as const).flatMap((layout) => (["zh", "en"] as const).map((lang) => [t.id, layout, lang, t] as const)),
);

describe("portable formulas use only the allowed functions, A1 references and names the workbook defines", () => {
  test.each(cases)("%s %s (%s)", (_id, layout, lang, template) => {
    const { plan } = build(template, { layout, lang });
    const names = namesOf(plan);
    const formulas = formulasOf(plan);
    expect(formulas.length).toBeGreaterThan(0);
    const problems = formulas.flatMap((f) =>
      checkPortableFormula(
        f,
        (n) => (names.get(n) ?? "").includes(":"),
        (n) => names.has(n),
      ),
    );
    expect(problems).toEqual([]);
    for (const sheet of plan.sheets) {
      for (const v of sheet.validations) if (v.type === "list") expect(names.has(v.list!)).toBe(true);
    }
  });

  test("the checker itself refuses what is not portable", () => {
    const none = () => false;
    const known = (n: string) => n === "pts" || n === "bounds";
    const isRange = (n: string) => n === "pts" || n === "bounds";
    expect(checkPortableFormula("XLOOKUP(A1,B1:B3,C1:C3)", none, known)[0].problem).toMatch(/XLOOKUP/);
    expect(checkPortableFormula("_xlfn.IFS(A1>1,2)", none, known).map((p) => p.problem).join()).toMatch(/_xlfn/);
    expect(checkPortableFormula("KPI_x[@Col]", none, () => true).length).toBeGreaterThan(0);
    expect(checkPortableFormula("SUM(bounds>A1)", isRange, known)[0].problem).toMatch(/outside SUMPRODUCT/);
    expect(checkPortableFormula("INDEX(pts,1+SUMPRODUCT((A1>bounds)*1))", isRange, known)).toEqual([]);
    expect(checkPortableFormula("IF(A1>nope,1,0)", none, known)[0].problem).toMatch(/unknown name/);
    expect(checkPortableFormula("RANK(A2,$A$2:$A$9)", none, known)).toEqual([]);
  });
});

test("add-in mode writes KPI.* calls instead of native scoring formulas", () => {
  const { plan } = build(templates.find((t) => t.id === "hongshu_support")!, { formulas: "addin" });
  const roster = plan.sheets[0];
  const r1c1 = roster.columnFormulas.map((c) => c.r1c1).join("\n");
  expect(r1c1).toContain('KPI.SCORE(RC[-2],"hongshu_support/documentation")');
  expect(r1c1).toContain("KPI.BLEND(");
  expect(plan.sheets.every((s) => s.protection === undefined)).toBe(true);
});
