import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeCsv, readStaffCsv, readStaffFile } from "../../src/xlsx/staff";

const fixture = (name: string) => join(__dirname, "..", "fixtures", name);

describe("staff lists", () => {
  test("reads UTF-8 CSV with a header row, quoted fields and ids kept as text", () => {
    const staff = readStaffCsv(readFileSync(fixture("staff.csv")), "zh");
    expect(staff.encoding).toBe("utf-8");
    expect(staff.problems).toEqual([]);
    expect(staff.employees[0]).toEqual({ name: "张三", id: "00123", department: "技术部", position: "售前工程师" });
    expect(staff.employees[4]).toEqual({ name: "钱七, 小", id: "=1+1", department: "市场部", position: "经理" });
  });

  test("detects GB18030 (GBK) files as saved by Chinese Excel", () => {
    const staff = readStaffCsv(readFileSync(fixture("staff-gbk.csv")), "zh");
    expect(staff.encoding).toBe("gb18030");
    expect(staff.employees.map((e) => e.name)).toEqual(readStaffCsv(readFileSync(fixture("staff.csv")), "zh").employees.map((e) => e.name));
  });

  test("drops a UTF-8 byte-order mark", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("姓名,工号\n张三,1\n")]);
    expect(decodeCsv(bytes).text.startsWith("姓名")).toBe(true);
    expect(readStaffCsv(bytes, "zh").employees).toEqual([{ name: "张三", id: "1", department: "", position: "" }]);
  });

  test("reports bad rows with their line numbers, in zh or en", () => {
    const csv = new TextEncoder().encode("name,employee id,department\nAnn,7,Sales\n,8,Sales\nBob,7,Ops\n\nCid,9,\"Ops\n");
    const zh = readStaffCsv(csv, "zh");
    expect(zh.employees.map((e) => e.name)).toEqual(["Ann"]);
    expect(zh.problems.map((p) => p.line)).toEqual([3, 4, 6]);
    expect(zh.problems[0].message).toBe("第 3 行没有姓名");
    expect(readStaffCsv(csv, "en").problems[1].message).toBe("line 4 repeats employee ID 7 from line 2");
  });

  test("a file without a name column says so", () => {
    expect(readStaffCsv(new TextEncoder().encode("a,b\n1,2\n"), "en").problems[0].message).toMatch(/name/);
  });

  test("reads .xlsx staff lists, skipping title rows above the header", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kpi-staff-"));
    const file = join(dir, "staff.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("名单");
    ws.addRow(["2026 年第四季度考核名单"]);
    ws.addRow(["姓名", "工号", "部门", "岗位"]);
    ws.addRow(["张三", "00123", "技术部", "售前"]);
    ws.addRow(["李四", 124, "技术部", "售前"]);
    await wb.xlsx.writeFile(file);
    const staff = await readStaffFile(file, "zh");
    expect(staff.employees).toEqual([
      { name: "张三", id: "00123", department: "技术部", position: "售前" },
      { name: "李四", id: "124", department: "技术部", position: "售前" },
    ]);
  });
});
