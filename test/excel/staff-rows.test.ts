// Staff lists as the pane reads them (src/excel/staff-rows.ts): a selected range's cells or pasted text.
import { staffFromRows, staffFromText } from "../../src/excel/staff-rows";

test("finds the header row in Chinese or English, in any column order, below blank rows", () => {
  const read = staffFromRows([
    ["", "", ""],
    ["部门", "姓名", "工号"],
    ["技术部", "张三", "00123"],
  ]);
  expect(read).toEqual({
    header: true,
    problems: [],
    employees: [{ name: "张三", id: "00123", department: "技术部" }],
  });
  expect(
    staffFromRows([
      ["Employee ID", "Name", "Dept", "Job title"],
      [7, "Ann", "Support", "Engineer"],
    ]).employees,
  ).toEqual([{ name: "Ann", id: "7", department: "Support", position: "Engineer" }]);
});

test("without a header, reads name, id, department, position in that order", () => {
  expect(staffFromRows([["张三", "00123", "技术部"]])).toEqual({
    header: false,
    problems: [],
    employees: [{ name: "张三", id: "00123", department: "技术部" }],
  });
});

test("leaves out rows without a name and repeated ids, and says which", () => {
  const read = staffFromRows([
    ["姓名", "工号"],
    ["张三", "1"],
    ["", "2"],
    ["李四", "1"],
  ]);
  expect(read.employees.map((e) => e.name)).toEqual(["张三"]);
  expect(read.problems).toEqual([
    { row: 3, code: "no_name" },
    { row: 4, code: "duplicate_id", id: "1", first: 2 },
  ]);
});

test("pasted text: tabs from Excel, commas (also full-width) from a CSV, or one name per line", () => {
  expect(staffFromText("姓名\t工号\r\n张三\t00123\r\n").employees).toEqual([
    { name: "张三", id: "00123", department: "" },
  ]);
  expect(staffFromText('name,id,department\n"Lee, Ann",7,Support').employees).toEqual([
    { name: "Lee, Ann", id: "7", department: "Support" },
  ]);
  expect(staffFromText("张三,00123,技术部").employees).toEqual([{ name: "张三", id: "00123", department: "技术部" }]);
  expect(staffFromText("张三\n李四\n\n王五").employees.map((e) => e.name)).toEqual(["张三", "李四", "王五"]);
});
