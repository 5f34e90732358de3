// The engine's results as cached values of formula cells, so previewers that never recalculate (mail, chat)
// show what Excel will show. A freshly generated sheet has no inputs: each row shows the engine's result for
// blank inputs ("" nearly everywhere; 0 where the seed says a blank scores 0).
import { scorableRules } from "../catalog/catalog";
import type { Template } from "../catalog/types";
import { assess } from "../engine/score";
import { a1, columnNumber } from "../sheets/a1";
import type { CellValue, WorkbookPlan } from "../sheets/plan";
import { rosterLayout } from "../sheets/roster";
import type { FormLayout } from "../sheets/form";
import type { CachedResults } from "./write";

function cellKey(ref: string): string {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  return `${Number(m[2])}:${columnNumber(m[1])}`;
}

export function blankInputResults(template: Template, plan: WorkbookPlan, forms: FormLayout[]): CachedResults {
  const blank = assess(template, {});
  const scoreOf = new Map<string, CellValue>(blank.rules.map((r) => [r.ref, r.scope === "adjustment" && r.score?.points === null ? "" : r.points ?? ""]));
  const results: CachedResults = new Map();
  for (const sheet of plan.sheets) {
    const map = new Map<string, CellValue>();
    // Every formula cell starts blank; known score cells get the engine's value.
    for (const cell of sheet.cells) if (cell.formula !== undefined) map.set(`${cell.row}:${cell.col}`, "");
    for (const cf of sheet.columnFormulas) for (let r = cf.firstRow; r <= cf.lastRow; r++) map.set(`${r}:${cf.col}`, "");
    if (sheet.kind === "roster") {
      const layout = rosterLayout(template, "zh");
      for (const cf of sheet.columnFormulas) {
        const found = scorableRules(template).find((f) => layout.scoreCol.get(f.ref) === cf.col);
        if (!found) continue;
        for (let r = cf.firstRow; r <= cf.lastRow; r++) map.set(`${r}:${cf.col}`, scoreOf.get(found.ref) ?? "");
      }
    }
    if (sheet.kind === "form") {
      const layout = forms[Number(sheet.id.replace("form_", ""))];
      for (const [ref, cell] of layout.scoreCell) map.set(cellKey(cell), scoreOf.get(ref) ?? "");
    }
    results.set(sheet.id, map);
  }
  void a1;
  return results;
}
