import { detectTable } from "../../src/apply/detect";
import { gridFromRows, type GridValue } from "../../src/apply/grid";
import { englishRoster, gridOf, messyRoster } from "./fixtures";

function grid(values: GridValue[][], merges: string[] = [], formulas?: Array<Array<string | null>>) {
  return gridFromRows({ name: "S", values, merges, formulas });
}

describe("finding the table HR already has", () => {
  test("skips the title row and reads a merged two-row header, 12 employees, name column 姓名", () => {
    const d = detectTable(gridOf(messyRoster()));
    expect(d.titleRows).toEqual([1]);
    expect(d.header).toEqual({ top: 2, bottom: 3 });
    expect([d.firstDataRow, d.lastDataRow, d.dataRows.length]).toEqual([4, 15, 12]);
    expect(d.nameColumn).toEqual({ col: 2, headerless: false });
    expect(d.staffColumns).toMatchObject({ sequence: 1, name: 2, department: 3, remarks: 12 });
    expect(d.columns.find((c) => c.col === 5)!.path).toEqual(["业绩指标", "满意度（分）"]);
    expect(d.columns.find((c) => c.col === 2)!.path).toEqual(["姓名"]);
    expect(d.roster).toBe(true);
  });

  test("reads English headers and a name column without a header", () => {
    const d = detectTable(gridOf(englishRoster()));
    expect(d.header).toEqual({ top: 1, bottom: 1 });
    expect(d.nameColumn).toEqual({ col: 1, headerless: true });
    expect(d.staffColumns.department).toBe(2);
    expect(d.dataRows).toEqual([2, 3, 4, 5, 6, 7]);
    expect(d.roster).toBe(true);
  });

  test("keeps single blank rows inside the data, lists them, and drops trailing ones", () => {
    const d = detectTable(
      grid([
        ["姓名", "满意度", "投诉次数"],
        ["甲", 90, 1],
        [null, null, null],
        ["乙", 80, 0],
        ["丙", 85, 2],
        [null, null, null],
        [null, null, null],
      ]),
    );
    expect(d.dataRows).toEqual([2, 4, 5]);
    expect(d.blankRows).toEqual([3]);
    expect([d.firstDataRow, d.lastDataRow]).toEqual([2, 5]);
  });

  test("stops at a totals row (合计, 平均) and at a totals row of SUM formulas without a label", () => {
    const labelled = detectTable(
      grid([
        ["姓名", "满意度", "投诉次数"],
        ["甲", 90, 1],
        ["乙", 80, 0],
        ["合计", 170, 1],
        ["丁", 70, 3],
      ]),
    );
    expect(labelled.dataRows).toEqual([2, 3]);
    expect(labelled.totalsRow).toBe(4);
    const sums = detectTable(
      grid(
        [
          ["姓名", "满意度", "投诉次数"],
          ["甲", 90, 1],
          ["乙", 80, 0],
          [null, 170, 1],
        ],
        [],
        [[], [], [], [null, "SUM(B2:B3)", "SUM(C2:C3)"]],
      ),
    );
    expect(sums.totalsRow).toBe(4);
    expect(sums.lastDataRow).toBe(3);
  });

  test("stops at a merged notes block below the data", () => {
    const d = detectTable(
      grid(
        [
          ["姓名", "满意度", "投诉次数", "备注"],
          ["甲", 90, 1, null],
          ["乙", 80, 0, null],
          ["说明:满意度按季度客户回访评分,投诉以客服系统记录为准。", null, null, null],
        ],
        ["A4:D4"],
      ),
    );
    expect(d.dataRows).toEqual([2, 3]);
  });

  test("a person's form (姓    名:… above the table) is not a roster", () => {
    const d = detectTable(
      grid(
        [
          ["个人绩效考核表", null, null, null],
          ["姓    名:张三", null, "部门:售前", null],
          ["考核维度", "目标", "权重", "得分"],
          ["业绩", "完成销售", 0.6, 90],
          ["态度", "积极", 0.4, 85],
        ],
        ["A1:D1"],
      ),
    );
    expect(d.header.bottom).toBe(3);
    expect(d.roster).toBe(false);
    expect(d.notRoster).toBe("form");
  });

  test("KPIs as rows with months across are not a roster", () => {
    const d = detectTable(
      grid([
        ["KPI指标", "口径", "1月", "2月", "3月"],
        ["核算达标率", "目标", 1, 1, 1],
        [null, "实际", 0.9, 1, 0.95],
      ]),
    );
    expect(d.header.bottom).toBe(1);
    expect(d.notRoster).toBe("kpis_as_rows");
  });

  test("an empty sheet and a header without data say so instead of guessing", () => {
    expect(detectTable(grid([])).notRoster).toBe("no_table");
    expect(detectTable(grid([["姓名", "满意度"]])).roster).toBe(false);
  });

  test("reads only the selection when one is given, and takes the header row the user names", () => {
    const g = grid([
      ["其他表", null, null, null, null],
      [null, null, null, "姓名", "满意度"],
      [null, null, null, "甲", 90],
      [null, null, null, "乙", 85],
    ]);
    const d = detectTable(g, { within: { top: 2, left: 4, bottom: 4, right: 5 } });
    expect([d.left, d.right, d.header.bottom, d.dataRows.length]).toEqual([4, 5, 2, 2]);
    const forced = detectTable(g, { headerRow: 2 });
    expect(forced.header.bottom).toBe(2);
  });

  test("leaves earlier applied columns out of the table", () => {
    const g = grid([
      ["姓名", "满意度", "项目支持满意度得分"],
      ["甲", 90, 12],
      ["乙", 85, 10],
    ]);
    const d = detectTable(g, { exclude: [{ top: 1, left: 3, bottom: 3, right: 3 }] });
    expect(d.right).toBe(2);
  });
});
