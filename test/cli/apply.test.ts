import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { mapValues } from "../../src/cli/apply";
import { englishRoster, messyRoster, xlsxOf, type FixtureSheet } from "../apply/fixtures";
import { cellDump, kpiApply, partsOf, sheetGrid } from "../apply/run-cli";

const dir = mkdtempSync(join(tmpdir(), "kpi-apply-cli-"));

async function file(name: string, sheets: FixtureSheet[]): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, await xlsxOf(sheets));
  return path;
}

describe("kpi apply", () => {
  test("the messy sheet gets its 得分/总分/排名 columns, its own cells untouched; re-applying is idempotent; removing restores it", async () => {
    const input = await file("messy.xlsx", [messyRoster()]);
    const out = join(dir, "messy-out.xlsx");
    const r = await kpiApply([input, "--sheet", "一季度", "--template", "support_kpi", "-o", out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("工作表“一季度”:表头第 2–3 行,数据第 4–15 行(12 行),姓名列 B");
    expect(r.out).toContain("已写入");
    expect(r.out).toContain("一季度!M2:T15");
    const before = await sheetGrid(readFileSync(input));
    const after = await sheetGrid(readFileSync(out));
    for (const [k, v] of cellDump(before)) expect(cellDump(after).get(k)).toBe(v);
    expect(after.cells.get("2:19")?.value).toBe("总分");
    expect(after.cells.get("2:20")?.value).toBe("排名");

    const twice = join(dir, "messy-twice.xlsx");
    expect((await kpiApply([out, "--sheet", "一季度", "--template", "support_kpi", "-o", twice])).code).toBe(0);
    const a = await partsOf(readFileSync(out));
    const b = await partsOf(readFileSync(twice));
    for (const [part, bytes] of a) expect({ part, same: b.get(part)?.equals(bytes) }).toEqual({ part, same: true });

    const back = join(dir, "messy-back.xlsx");
    const removed = await kpiApply([twice, "--remove", "-o", back]);
    expect(removed.code).toBe(0);
    expect(cellDump(await sheetGrid(readFileSync(back)))).toEqual(cellDump(before));
  });

  test("anything fuzzy is printed as --map arguments with exit status 2, and applied once confirmed", async () => {
    const input = await file("fuzzy.xlsx", [
      {
        name: "S",
        rows: [
          ["姓名", "项目支持满意度评价", "投诉"],
          ["甲", 92, 1],
          ["乙", 85, 0],
        ],
      },
    ]);
    const out = join(dir, "fuzzy-out.xlsx");
    const r = await kpiApply([input, "--template", "support_kpi", "-o", out]);
    expect(r.code).toBe(2);
    expect(r.out).toContain('--map "项目支持满意度评价=satisfaction"    # 相似 0.89(需确认)');
    expect(r.out).toContain('--map "投诉=customer_complaints"    # 同义词(需确认)');
    expect(r.out).toMatch(/kpi apply .*fuzzy\.xlsx --sheet S --template support_kpi --map "项目支持满意度评价=satisfaction" --map "投诉=customer_complaints" -o /);
    expect(r.out).toContain("未对应的指标:项目技术解决率、项目跟踪回访完成率、技术学习交流与成长、日报总结");
    expect(existsSync(out)).toBe(false);
    const confirmed = await kpiApply([input, "--template", "support_kpi", "--map", "项目支持满意度评价=satisfaction;投诉=customer_complaints", "-o", out]);
    expect(confirmed.code).toBe(0);
    expect(confirmed.err).toContain("未写入总分、等级和排名");
    const grid = await sheetGrid(readFileSync(out));
    expect(grid.cells.get("1:4")?.value).toBe("项目支持满意度得分");
    expect(grid.cells.get("1:5")?.value).toBe("客户投诉次数得分");
  });

  test("--map repeats or joins pairs with ;, takes column letters, and - to ignore a column", async () => {
    expect(mapValues(["x.xlsx", "--map", "a=b;c=d", "--map=e=f", "--map", "g=h；i=j"])).toEqual(["a=b", "c=d", "e=f", "g=h", "i=j"]);
    const input = await file("letters.xlsx", [
      {
        name: "S",
        rows: [
          ["姓名", "满意度", "分"],
          ["甲", 92, 1],
          ["乙", 85, 0],
        ],
      },
    ]);
    const out = join(dir, "letters-out.xlsx");
    const r = await kpiApply([input, "--template", "support_kpi", "--map", "C=customer_complaints", "--map", "满意度=-", "-o", out]);
    expect(r.code).toBe(0);
    expect((await sheetGrid(readFileSync(out))).cells.get("1:4")?.value).toBe("客户投诉次数得分");
    const unknown = await kpiApply([input, "--template", "support_kpi", "--map", "满意度=satisfactionn", "-o", out]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain("您是不是要找:satisfaction");
    const noColumn = await kpiApply([input, "--template", "support_kpi", "--map", "不存在=satisfaction", "-o", out], "en");
    expect(noColumn.err).toContain('no column "不存在". The headers are: 姓名, 满意度, 分');
  });

  test("a blocked apply writes nothing and names the cells", async () => {
    const sheet = messyRoster();
    sheet.rows[5][13] = "别动";
    const input = await file("blocked.xlsx", [sheet]);
    const out = join(dir, "blocked-out.xlsx");
    const r = await kpiApply([input, "--template", "support_kpi", "-o", out, "--lang", "en"], "en");
    expect(r.code).toBe(1);
    expect(r.err).toContain('N6 holds "别动"');
    expect(existsSync(out)).toBe(false);
  });

  test("--at puts the columns where the user says; --dry-run writes nothing; --json describes the plan", async () => {
    const input = await file("eng.xlsx", [englishRoster()]);
    const out = join(dir, "eng-out.xlsx");
    const dry = await kpiApply([input, "--template", "senior_tech_engineer", "--at", "K", "--dry-run", "--json", "-o", out]);
    expect(dry.code).toBe(0);
    expect(existsSync(out)).toBe(false);
    const plan = JSON.parse(dry.out);
    expect(plan.detection).toMatchObject({ header: { top: 1, bottom: 1 }, nameColumn: { column: "A", headerless: true }, roster: true });
    expect(plan.columns.map((c: { column: string; kind: string }) => `${c.column}:${c.kind}`)).toEqual(["K:score", "L:score", "M:score", "N:score", "O:score", "P:total", "Q:grade", "R:rank"]);
    const r = await kpiApply([input, "--template", "senior_tech_engineer", "--lang", "en", "-o", out], "en");
    expect(r.code).toBe(0);
    const grid = await sheetGrid(readFileSync(out));
    expect(grid.cells.get("1:9")?.value).toBe("Expertise and technical ability Score");
    expect(grid.cells.get("1:15")?.value).toBe("Grade");
  });

  test("--formulas addin writes KPI.* calls and says the mode is experimental", async () => {
    const input = await file("addin.xlsx", [messyRoster()]);
    const out = join(dir, "addin-out.xlsx");
    const r = await kpiApply([input, "--template", "support_kpi", "--formulas", "addin", "-o", out]);
    expect(r.code).toBe(0);
    expect(r.err).toContain("#NAME?");
    const grid = await sheetGrid(readFileSync(out));
    expect(grid.cells.get("4:14")?.formula).toBe('KPI.SCORE(E4,"support_kpi/satisfaction")');
    expect(grid.cells.get("4:17")?.formula).toBe('KPI.SCORE(H4,"support_kpi/learning_growth",I4)');
  });

  test("sheets that are not rosters are refused with the reason", async () => {
    const input = await file("kpis.xlsx", [
      {
        name: "KPI",
        rows: [
          ["KPI指标", "口径", "1月", "2月", "3月"],
          ["核算达标率", "目标", 1, 1, 1],
          [null, "实际", 0.9, 1, 0.95],
        ],
      },
    ]);
    const r = await kpiApply([input, "--template", "support_kpi", "-o", join(dir, "kpis-out.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("每行是一个指标");
  });

  test("without --template it names the closest templates; .xls/.et ask to save as .xlsx; no -o asks for one", async () => {
    const input = await file("guess.xlsx", [messyRoster()]);
    const r = await kpiApply([input, "-o", join(dir, "g.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/请用 --template 指定模板。按表头推测最接近的模板:support_kpi/);
    expect((await kpiApply(["roster.et", "--template", "support_kpi", "-o", "x.xlsx"])).err).toContain("另存为 .xlsx");
    expect((await kpiApply([input, "--template", "support_kpi"])).err).toContain("请用 -o 指定输出文件");
    expect((await kpiApply([input, "--sheet", "没有", "--template", "support_kpi", "-o", "x.xlsx"])).err).toContain("找不到工作表“没有”");
  });

  test("--remove on a sheet without applied columns says so and writes nothing", async () => {
    const input = await file("plain.xlsx", [messyRoster()]);
    const out = join(dir, "plain-out.xlsx");
    const r = await kpiApply([input, "--remove", "-o", out]);
    expect(r.code).toBe(0);
    expect(r.err).toContain("没有已应用的考核列");
    expect(existsSync(out)).toBe(false);
  });
});
