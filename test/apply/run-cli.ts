// Runs `kpi apply` in-process as src/cli/main.ts does (errors become one line and exit status 1), and reads
// workbooks back for comparisons.
import JSZip from "jszip";
import { defaultCatalog } from "../../src/catalog";
import type { Lang } from "../../src/catalog/types";
import { isKpiError } from "../../src/engine";
import { applyCommand } from "../../src/cli/apply";
import { UsageError } from "../../src/cli/args";
import type { Io } from "../../src/cli/main";
import type { Grid } from "../../src/apply/grid";
import { readPackage } from "../../src/xlsx/package-check";
import { findSheet, readSheetGrid, workbookModel } from "../../src/xlsx/apply";
import type { WorkbookModel } from "../../src/apply/plan";

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export async function kpiApply(args: string[], lang: Lang = "zh"): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), readStdin: async () => "", stdinLines: async function* () {} };
  let code: number;
  try {
    code = await applyCommand(defaultCatalog(), args, lang, io);
  } catch (e) {
    if (!(e instanceof UsageError) && !isKpiError(e)) throw e;
    err.push(isKpiError(e) ? e.text(lang) : e.message);
    code = 1;
  }
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** Every part of a package, uncompressed. */
export async function partsOf(data: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(data);
  const parts = new Map<string, Buffer>();
  for (const [path, file] of Object.entries(zip.files)) if (!file.dir) parts.set(path, await file.async("nodebuffer"));
  return parts;
}

export async function sheetGrid(data: Buffer, sheet?: string): Promise<Grid> {
  const pkg = await readPackage(data);
  return readSheetGrid(pkg, findSheet(pkg, sheet)!);
}

export async function bookModel(data: Buffer): Promise<WorkbookModel> {
  return workbookModel(await readPackage(data));
}

/** Values and formulas of every cell, by address, for comparing sheets. */
export function cellDump(grid: Grid): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, cell] of grid.cells) out.set(key, JSON.stringify([cell.value, cell.formula ?? null, cell.error ?? null]));
  return out;
}
