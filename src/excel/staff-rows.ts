// A staff list as the pane gets it: the cells of a selected range, or text pasted into the pane (copied from
// Excel: tab-separated; from a CSV or a chat: commas; or one name per line). Pure: no Office.js, no DOM.
//
// The header row is detected when its cells name the columns (姓名 / 工号 / 部门 / 岗位 or English equivalents);
// without one, the columns are taken in that order: name, employee id, department, position.
import { normalizeName } from "../catalog/names";
import type { Employee } from "../sheets/roster";

export type StaffField = keyof Employee;

/** Header words per column, compared after normalizeName (NFKC, no spaces, lower case). */
export const STAFF_HEADER_WORDS: Record<StaffField, readonly string[]> = {
  name: ["姓名", "名字", "员工姓名", "被考核人", "name", "employeename", "fullname", "staffname"],
  id: ["工号", "员工编号", "员工号", "编号", "职工号", "id", "employeeid", "staffid", "employeeno", "employeenumber"],
  department: ["部门", "所属部门", "部门名称", "department", "dept"],
  position: ["岗位", "职位", "职务", "position", "title", "jobtitle", "role"],
};

const ORDER: StaffField[] = ["name", "id", "department", "position"];

export interface StaffProblem {
  /** 1-based row (or line) of the given rows. */
  row: number;
  code: "no_name" | "duplicate_id";
  /** For duplicate_id: the id and the row that had it first. */
  id?: string;
  first?: number;
}

export interface StaffRows {
  employees: Employee[];
  /** Whether a header row was recognised. */
  header: boolean;
  /** Rows left out, and why. */
  problems: StaffProblem[];
}

/** A cell as text: numbers as Excel shows them without formatting, booleans and blanks as "". */
function cellText(value: unknown): string {
  if (value === null || value === undefined || typeof value === "boolean") return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  return String(value).trim();
}

function headerField(text: string): StaffField | undefined {
  const key = normalizeName(text);
  if (!key) return undefined;
  return ORDER.find((field) => STAFF_HEADER_WORDS[field].includes(key));
}

/** Columns of a header row, or undefined when the row does not name the name column. */
function headerColumns(row: readonly string[]): Map<StaffField, number> | undefined {
  const columns = new Map<StaffField, number>();
  row.forEach((text, col) => {
    const field = headerField(text);
    if (field && !columns.has(field)) columns.set(field, col);
  });
  return columns.has("name") ? columns : undefined;
}

/** Employees from rows of cells (a selected range's values): header detected, blank rows skipped. */
export function staffFromRows(rows: readonly (readonly unknown[])[]): StaffRows {
  const text = rows.map((row) => row.map(cellText));
  const firstFilled = text.findIndex((row) => row.some((c) => c !== ""));
  if (firstFilled < 0) return { employees: [], header: false, problems: [] };
  const found = headerColumns(text[firstFilled]);
  const columns = found ?? new Map(ORDER.map((field, i) => [field, i] as const));
  const employees: Employee[] = [];
  const problems: StaffProblem[] = [];
  const firstRowOfId = new Map<string, number>();
  for (let r = found ? firstFilled + 1 : firstFilled; r < text.length; r++) {
    const row = text[r];
    if (row.every((c) => c === "")) continue;
    const get = (field: StaffField) => {
      const col = columns.get(field);
      return col === undefined ? "" : (row[col] ?? "");
    };
    const employee: Employee = { name: get("name"), id: get("id"), department: get("department") };
    const position = get("position");
    if (position) employee.position = position;
    if (!employee.name) {
      problems.push({ row: r + 1, code: "no_name" });
      continue;
    }
    if (employee.id) {
      const first = firstRowOfId.get(employee.id);
      if (first !== undefined) {
        problems.push({ row: r + 1, code: "duplicate_id", id: employee.id, first });
        continue;
      }
      firstRowOfId.set(employee.id, r + 1);
    }
    employees.push(employee);
  }
  return { employees, header: found !== undefined, problems };
}

/** Splits one line of a CSV into fields (quotes with doubled quotes inside). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field.trim() === "") {
      quoted = true;
      field = "";
    } else if (ch === "," || ch === "，") {
      fields.push(field);
      field = "";
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

/**
 * Employees from pasted text: cells copied from Excel arrive tab-separated; otherwise commas (ASCII or
 * full-width) separate the columns; a list without either is one name per line.
 */
export function staffFromText(text: string): StaffRows {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const tabs = lines.some((line) => line.includes("\t"));
  const commas = !tabs && lines.some((line) => /[,，]/.test(line));
  const rows = lines.map((line) => (tabs ? line.split("\t") : commas ? csvFields(line) : [line]));
  return staffFromRows(rows);
}
