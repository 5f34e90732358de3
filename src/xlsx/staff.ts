// Reads a staff list (姓名, 工号, 部门, 岗位) from CSV in UTF-8 (with or without BOM) or GB18030, or from .xlsx.
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import type { Lang } from "../catalog/types";
import type { Employee } from "../sheets/roster";

export interface StaffProblem {
  line: number;
  message: string;
}

export interface StaffList {
  employees: Employee[];
  problems: StaffProblem[];
  encoding?: "utf-8" | "gb18030";
}

const HEADERS: Record<keyof Employee, string[]> = {
  name: ["姓名", "名字", "员工姓名", "name", "employee name", "full name"],
  id: ["工号", "员工编号", "编号", "id", "employee id", "staff id", "employee no", "employee number"],
  department: ["部门", "所属部门", "department", "dept"],
  position: ["岗位", "职位", "position", "title", "job title"],
};

const TEXTS = {
  zh: {
    no_header: "找不到表头:需要“姓名”列(或 name)",
    no_name: "第 {line} 行没有姓名",
    duplicate_id: "第 {line} 行的工号 {id} 与第 {first} 行重复",
    unterminated: "第 {line} 行的引号没有结束",
  },
  en: {
    no_header: "No header row found: a 姓名 (or name) column is needed",
    no_name: "line {line} has no name",
    duplicate_id: "line {line} repeats employee ID {id} from line {first}",
    unterminated: "line {line} has an unterminated quote",
  },
} satisfies Record<Lang, Record<string, string>>;

function text(lang: Lang, key: keyof (typeof TEXTS)["zh"], params: Record<string, string | number> = {}): string {
  return TEXTS[lang][key].replace(/\{(\w+)\}/g, (w, n: string) => (n in params ? String(params[n]) : w));
}

/** UTF-8 when the bytes are valid UTF-8 (BOM dropped), else GB18030, as files saved by Chinese Excel are. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: "utf-8" | "gb18030" } {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, ""), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
}

/** RFC 4180 CSV: quoted fields with doubled quotes and line breaks. Returns rows with their first line number. */
export function parseCsv(text: string): Array<{ line: number; cells: string[]; unterminated?: boolean }> {
  const rows: Array<{ line: number; cells: string[]; unterminated?: boolean }> = [];
  let cells: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === "\n") line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      cells.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      cells.push(field);
      rows.push({ line: rowLine, cells });
      cells = [];
      field = "";
      line++;
      rowLine = line;
    } else field += ch;
  }
  if (field !== "" || cells.length || quoted) {
    cells.push(field);
    rows.push({ line: rowLine, cells, unterminated: quoted });
  }
  return rows;
}

const norm = (s: string) => s.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase();

/** Maps header cells to fields; null when the row is not a header. */
function headerMap(cells: string[]): Partial<Record<keyof Employee, number>> | null {
  const map: Partial<Record<keyof Employee, number>> = {};
  cells.forEach((cell, i) => {
    const c = norm(cell);
    for (const [field, names] of Object.entries(HEADERS) as Array<[keyof Employee, string[]]>) {
      if (map[field] === undefined && names.includes(c)) map[field] = i;
    }
  });
  return map.name === undefined ? null : map;
}

function toStaff(rows: Array<{ line: number; cells: string[]; unterminated?: boolean }>, lang: Lang): StaffList {
  const problems: StaffProblem[] = [];
  const headerIndex = rows.findIndex((r) => headerMap(r.cells));
  if (headerIndex < 0) return { employees: [], problems: [{ line: 1, message: text(lang, "no_header") }] };
  const map = headerMap(rows[headerIndex].cells)!;
  const employees: Employee[] = [];
  const seenIds = new Map<string, number>();
  for (const row of rows.slice(headerIndex + 1)) {
    if (row.cells.every((c) => c.trim() === "")) continue;
    if (row.unterminated) {
      problems.push({ line: row.line, message: text(lang, "unterminated", { line: row.line }) });
      continue;
    }
    const get = (field: keyof Employee) => (map[field] === undefined ? "" : (row.cells[map[field]!] ?? "").trim());
    const employee: Employee = { name: get("name"), id: get("id"), department: get("department"), position: get("position") };
    if (!employee.name) {
      problems.push({ line: row.line, message: text(lang, "no_name", { line: row.line }) });
      continue;
    }
    if (employee.id && seenIds.has(employee.id)) {
      problems.push({ line: row.line, message: text(lang, "duplicate_id", { line: row.line, id: employee.id, first: seenIds.get(employee.id)! }) });
      continue;
    }
    if (employee.id) seenIds.set(employee.id, row.line);
    employees.push(employee);
  }
  return { employees, problems };
}

export function readStaffCsv(bytes: Uint8Array, lang: Lang): StaffList {
  const { text: csv, encoding } = decodeCsv(bytes);
  return { ...toStaff(parseCsv(csv), lang), encoding };
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("text" in v) return String(v.text);
    if ("result" in v) return v.result === undefined || v.result === null ? "" : String(v.result);
  }
  return String(v);
}

export async function readStaffXlsx(file: string, lang: Lang): Promise<StaffList> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  const rows: Array<{ line: number; cells: string[] }> = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) cells.push(cellText(row.getCell(c).value));
    rows.push({ line: n, cells });
  });
  return toStaff(rows, lang);
}

export async function readStaffFile(file: string, lang: Lang): Promise<StaffList> {
  if (/\.xlsx$/i.test(file)) return readStaffXlsx(file, lang);
  return readStaffCsv(readFileSync(file), lang);
}
