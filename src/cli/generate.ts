import { mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Catalog } from "../catalog";
import type { Lang } from "../catalog/types";
import type { Employee } from "../sheets/roster";
import { buildWorkbook, type GenerateOptions } from "../sheets/workbook";
import type { ParsedArgs } from "./args";
import { UsageError } from "./args";
import type { Io } from "./main";
import { cliText } from "./messages";

/** The current quarter, e.g. 2026-Q4: the period when none is given. */
export function currentPeriod(now = new Date()): string {
  return `${now.getFullYear()}-Q${Math.floor(now.getMonth() / 3) + 1}`;
}

/** A file name part without characters Windows, macOS or Linux refuse. */
function safeFilePart(s: string): string {
  return s.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_").trim();
}

export function splitFileName(employee: Employee, period: string, index: number): string {
  const parts = [employee.id, employee.name || String(index + 1), period].map(safeFilePart).filter(Boolean);
  return `${parts.join("-")}.xlsx`;
}

function option(args: ParsedArgs, name: string, allowed?: string[]): string | undefined {
  const v = args.options.get(name);
  if (v === undefined) return undefined;
  if (typeof v !== "string") throw new UsageError(`${name} needs a value`);
  if (allowed && !allowed.includes(v)) throw new UsageError(`${name} takes ${allowed.join(" or ")}, not ${v}`);
  return v;
}

export async function generateCommand(catalog: Catalog, args: ParsedArgs, lang: Lang, io: Io): Promise<number> {
  // ExcelJS loads only for commands that write workbooks.
  const { readStaffFile } = await import("../xlsx/staff");
  const { writePlanToFile } = await import("../xlsx/write");
  const { blankInputResults } = await import("../xlsx/results");
  const [templateRef] = args.positional;
  if (!templateRef) throw new UsageError("kpi generate <template> -o out.xlsx");
  const template = catalog.findTemplate(templateRef);
  const out = option(args, "-o") ?? option(args, "--output");
  if (!out) throw new UsageError(cliText(lang, "need_output"));
  const split = args.options.has("--split");
  const layout = (option(args, "--layout", ["roster", "form"]) ?? (split ? "form" : "roster")) as "roster" | "form";
  const formulas = (option(args, "--formulas", ["portable", "addin"]) ?? "portable") as "portable" | "addin";
  const period = option(args, "--period") ?? currentPeriod();
  if (formulas === "addin") io.stderr(cliText(lang, "addin_experimental"));

  let employees: Employee[] = [];
  const staffFile = option(args, "--employees");
  if (staffFile) {
    if (/\.(xls|et)$/i.test(staffFile)) throw new UsageError(cliText(lang, "old_format", { file: staffFile }));
    const staff = await readStaffFile(staffFile, lang);
    if (staff.problems.length) {
      const skip = args.options.has("--skip-bad");
      io.stderr(cliText(lang, skip ? "staff_skipped" : "staff_problems", { n: staff.problems.length }));
      for (const p of staff.problems) io.stderr(`  ${p.message}`);
      if (!skip) return 1;
    }
    if (!staff.employees.length) throw new UsageError(cliText(lang, "staff_empty"));
    employees = staff.employees;
  }
  const options: GenerateOptions = {
    layout: split ? "form" : layout,
    lang,
    period,
    employees,
    formulas,
    protect: !args.options.has("--no-protect"),
    password: option(args, "--password"),
  };

  if (split) {
    mkdirSync(out, { recursive: true });
    if (!statSync(out).isDirectory()) throw new UsageError(cliText(lang, "split_needs_dir"));
    const staff = employees.length ? employees : [{ name: "", id: "", department: "" }];
    for (let i = 0; i < staff.length; i++) {
      const { plan, forms } = buildWorkbook(template, { ...options, employees: [staff[i]] });
      await writePlanToFile(plan, join(out, splitFileName(staff[i], period, i)), { results: blankInputResults(template, plan, forms) });
    }
    io.stdout(cliText(lang, "generate_split_done", { n: staff.length, dir: out }));
    return 0;
  }
  const { plan, forms } = buildWorkbook(template, options);
  const written = await writePlanToFile(plan, out, { results: blankInputResults(template, plan, forms) });
  io.stdout(cliText(lang, "generate_done", { file: out, sheets: written.map((w) => w.name).join(", ") }));
  return 0;
}
