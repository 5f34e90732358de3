// A writer for tests: executes an ApplyPlan on an in-memory Grid and name list, as the .xlsx writer and the
// add-in do on a workbook. It shows that a writer needs nothing but the plan.
import { cellKey, parseRange, rangeText, type Grid } from "../../src/apply/grid";
import type { DefinedName } from "../../src/apply/marker";
import { canWrite, type ApplyPlan, type WorkbookModel } from "../../src/apply/plan";
import { quoteSheet } from "../../src/sheets/a1";

export function executeOnGrid(grid: Grid, workbook: WorkbookModel, plan: ApplyPlan): { grid: Grid; workbook: WorkbookModel } {
  if (!canWrite(plan)) throw new Error("blocked plan");
  const cells = new Map(grid.cells);
  for (const c of plan.clear) cells.delete(cellKey(c.row, c.col));
  for (const c of plan.cells) {
    cells.set(cellKey(c.row, c.col), c.formula !== undefined ? { value: null, formula: c.formula } : { value: c.value ?? null });
  }
  const removeMerges = new Set(plan.mergesToRemove);
  const merges = grid.merges.filter((m) => !removeMerges.has(rangeText(m)));
  for (const m of plan.mergesToAdd) if (!merges.some((x) => rangeText(x) === m)) merges.push(parseRange(m)!);
  const remove = new Set(plan.namesToRemove.map((n) => n.toLowerCase()));
  const add = [...plan.namesToAdd];
  if (plan.rulesSheet) for (const n of plan.rulesSheet.names) add.push({ name: n.name, refersTo: `${quoteSheet(plan.rulesSheet.name)}!${n.ref}` });
  const addNames = new Set(add.map((n) => n.name.toLowerCase()));
  const names: DefinedName[] = workbook.names.filter((n) => !remove.has(n.name.toLowerCase()) && !addNames.has(n.name.toLowerCase()));
  names.push(...add.map((n) => ({ name: n.name, refersTo: n.refersTo })));
  const sheetNames = [...workbook.sheetNames, ...(plan.rulesSheet ? [plan.rulesSheet.name] : [])].filter((s) => s !== plan.removeRulesSheet);
  let maxRow = 0;
  let maxCol = 0;
  for (const key of cells.keys()) {
    const [r, c] = key.split(":").map(Number);
    maxRow = Math.max(maxRow, r);
    maxCol = Math.max(maxCol, c);
  }
  for (const m of merges) {
    maxRow = Math.max(maxRow, m.bottom);
    maxCol = Math.max(maxCol, m.right);
  }
  return { grid: { ...grid, cells, merges, maxRow, maxCol }, workbook: { sheetNames, names } };
}
