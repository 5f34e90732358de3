import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { run, type Io } from "../../src/cli/main";

async function kpi(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), readStdin: async () => "", stdinLines: async function* () {} };
  const code = await run(args, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const fixtures = join(__dirname, "..", "fixtures");
const dir = mkdtempSync(join(tmpdir(), "kpi-generate-"));

describe("kpi generate", () => {
  test("writes a roster for a staff list, roster first, rules visible", async () => {
    const file = join(dir, "roster.xlsx");
    const r = await kpi(["generate", "support_kpi", "--layout", "roster", "--employees", join(fixtures, "staff.csv"), "-o", file]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("团队汇总");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["团队汇总", "考核规则"]);
    expect(wb.worksheets[0].getCell("B2").value).toBe("00123");
    expect(wb.worksheets.every((w) => w.state === "visible")).toBe(true);
  });

  test("--split writes one form per employee named <工号>-<姓名>-<期间>.xlsx", async () => {
    const out = join(dir, "split");
    const r = await kpi(["generate", "淘宝售前kpi考核", "--split", "--employees", join(fixtures, "staff.csv"), "--period", "2026-Q4", "-o", out]);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["00123-张三-2026-Q4.xlsx", "00124-李四-2026-Q4.xlsx", "1E5-赵六-2026-Q4.xlsx", "2026-01-王五-2026-Q4.xlsx", "=1+1-钱七, 小-2026-Q4.xlsx"].sort());
  });

  test("bad staff rows stop the run with line numbers unless --skip-bad", async () => {
    const staff = join(dir, "bad.csv");
    writeFileSync(staff, "姓名,工号\n张三,1\n,2\n");
    const stopped = await kpi(["generate", "support_kpi", "--employees", staff, "-o", join(dir, "bad.xlsx")]);
    expect(stopped.code).toBe(1);
    expect(stopped.err).toContain("第 3 行没有姓名");
    expect(existsSync(join(dir, "bad.xlsx"))).toBe(false);
    const skipped = await kpi(["generate", "support_kpi", "--employees", staff, "--skip-bad", "-o", join(dir, "bad.xlsx")]);
    expect(skipped.code).toBe(0);
  });

  test("old .xls and .et files get a message to save as .xlsx first", async () => {
    const r = await kpi(["generate", "support_kpi", "--employees", "staff.xls", "-o", join(dir, "x.xlsx"), "--lang", "en"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("save it as .xlsx");
  });

  test("add-in formulas are marked experimental", async () => {
    const r = await kpi(["generate", "support_kpi", "--formulas", "addin", "-o", join(dir, "addin.xlsx")]);
    expect(r.code).toBe(0);
    expect(r.err).toContain("#NAME?");
  });
});
