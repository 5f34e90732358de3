// Applying a template to a sheet HR already has: detect the table, map its headers to the template's inputs,
// plan the added columns. Pure (no Office.js, no DOM, no file access); writers execute an ApplyPlan.
import type { Template } from "../catalog/types";
import { detectTable, type DetectOptions, type TableDetection } from "./detect";
import type { CellRange, Grid } from "./grid";
import { mapColumns, type Mapping, type MapOptions } from "./map";
import type { AppliedBlock } from "./marker";
import { blocksOn, type WorkbookModel } from "./plan";

export * from "./grid";
export * from "./detect";
export * from "./map";
export * from "./marker";
export * from "./messages";
export * from "./plan";
export * from "./problems";
export { normalizeHeader } from "./normalize";
export { SYNONYM_GROUPS, STAFF_HEADERS } from "./synonyms";

export interface SheetAnalysis {
  detection: TableDetection;
  mapping: Mapping;
  /** Blocks earlier applies wrote on this sheet (left out of detection and mapping). */
  blocks: AppliedBlock[];
}

/** The ranges of earlier applies on a sheet, which detection and mapping must not read as HR's data. */
export function appliedRanges(workbook: WorkbookModel, sheet: string): CellRange[] {
  return blocksOn(workbook, sheet).map((b) => b.block);
}

/**
 * Detects the table and maps it to a template in one go. `resolveManual` turns the user's column choices into
 * columns once the table is known (the CLI's --map "列名=rule").
 */
export function analyseSheet(
  grid: Grid,
  workbook: WorkbookModel,
  template: Template,
  options: Omit<DetectOptions, "exclude"> & { resolveManual?: (detection: TableDetection) => MapOptions["manual"] } = {},
): SheetAnalysis {
  const blocks = blocksOn(workbook, grid.name);
  const detection = detectTable(grid, { ...options, exclude: blocks.map((b) => b.block) });
  const manual = options.resolveManual?.(detection);
  const mapping = mapColumns(template, detection, { manual });
  return { detection, mapping, blocks };
}
