import { chooseNames, renameInFormula, renamePlan } from "../../src/excel/naming";
import { emptySheet, type WorkbookPlan } from "../../src/sheets/plan";

// Names for what a second generation adds next to the first: unique ignoring case, formulas following them.

const print = {
  orientation: "portrait" as const,
  paper: "A4" as const,
  fitToWidth: 1 as const,
  header: "",
  footer: "",
};

function plan(): WorkbookPlan {
  const roster = emptySheet("roster", "roster", "团队汇总", print);
  roster.table = { name: "KPI_support_kpi", range: "A1:C3", showFilterButtons: true };
  roster.columnFormulas.push({
    col: 4,
    firstRow: 2,
    lastRow: 3,
    r1c1: 'IF(RC[-1]="","",RC[-1]*KPI_x_weight/KPI_x_scale&"KPI_x_weight")',
  });
  roster.validations.push({
    range: "B2:B3",
    type: "list",
    list: "kpi_x_code",
    errorStyle: "stop",
    promptTitle: "",
    prompt: "",
    errorTitle: "",
    error: "",
  });
  roster.conditionalFormats.push({ range: "B2:B3", formula: 'AND(KPI_x_highlight=1,B2<>"")', format: "invalid" });
  const rules = emptySheet("rules", "rules", "Rules", print);
  rules.names.push(
    { name: "KPI_x_weight", ref: "$B$2" },
    { name: "KPI_x_scale", ref: "$B$3" },
    { name: "KPI_x_code", ref: "$C$2:$C$4" },
    { name: "KPI_x_highlight", ref: "$B$1" },
  );
  rules.cells.push({ row: 5, col: 2, formula: "SUM(KPI_x_weight,KPI_x_scale)" });
  return { sheets: [roster, rules], font: "等线", templateId: "x", period: "" };
}

describe("chooseNames", () => {
  test("keeps requested names when nothing is taken", () => {
    const names = chooseNames(plan(), { sheets: [], names: [] });
    expect([...names.sheets.values()]).toEqual(["团队汇总", "Rules"]);
    expect(names.tables.get("roster")).toBe("KPI_support_kpi");
    expect(names.renames.size).toBe(0);
  });

  test("makes sheet names unique ignoring case and table and defined names unique in their shared namespace", () => {
    const names = chooseNames(plan(), {
      sheets: ["RULES", "团队汇总"],
      names: ["kpi_x_weight", "KPI_SUPPORT_KPI", "KPI_X_SCALE", "KPI_x_scale_2"],
    });
    expect(names.sheets.get("rules")).toBe("Rules (2)");
    expect(names.sheets.get("roster")).toBe("团队汇总 (2)");
    expect(names.tables.get("roster")).toBe("KPI_support_kpi_2");
    expect(names.renames.get("kpi_x_weight")).toBe("KPI_x_weight_2");
    expect(names.renames.get("kpi_x_scale")).toBe("KPI_x_scale_3");
    expect(names.renames.has("kpi_x_code")).toBe(false);
  });
});

describe("renameInFormula", () => {
  const renames = new Map([
    ["kpi_x_weight", "KPI_x_weight_2"],
    ["kpi_x", "KPI_x_9"],
  ]);

  test("renames whole names ignoring case, not longer names that contain them", () => {
    expect(renameInFormula("KPI_x_weight*kpi_x+KPI_x_weights", renames)).toBe("KPI_x_weight_2*KPI_x_9+KPI_x_weights");
  });

  test("leaves string literals, quoted sheet names, functions and numbers alone", () => {
    expect(renameInFormula("\"KPI_x_weight\"&'KPI_x'!A1&KPI_x(1)&1E5&KPI_x", renames)).toBe(
      "\"KPI_x_weight\"&'KPI_x'!A1&KPI_x(1)&1E5&KPI_x_9",
    );
  });

  test("handles R1C1 references next to names", () => {
    expect(renameInFormula("RC[-3]*KPI_x_weight+R2C5", renames)).toBe("RC[-3]*KPI_x_weight_2+R2C5");
  });
});

test("renamePlan rewrites names, formulas, validation lists and conditional formats consistently", () => {
  const p = plan();
  const { renames } = chooseNames(p, {
    sheets: [],
    names: ["KPI_x_weight", "KPI_x_code", "KPI_x_highlight", "KPI_x_scale"],
  });
  const renamed = renamePlan(p, renames);
  const [roster, rules] = renamed.sheets;
  expect(rules.names.map((n) => n.name)).toEqual([
    "KPI_x_weight_2",
    "KPI_x_scale_2",
    "KPI_x_code_2",
    "KPI_x_highlight_2",
  ]);
  expect(roster.columnFormulas[0].r1c1).toBe('IF(RC[-1]="","",RC[-1]*KPI_x_weight_2/KPI_x_scale_2&"KPI_x_weight")');
  expect(roster.validations[0].list).toBe("KPI_x_code_2");
  expect(roster.conditionalFormats[0].formula).toBe('AND(KPI_x_highlight_2=1,B2<>"")');
  expect(rules.cells[0].formula).toBe("SUM(KPI_x_weight_2,KPI_x_scale_2)");
  // The original plan is untouched.
  expect(p.sheets[1].names[0].name).toBe("KPI_x_weight");
});
