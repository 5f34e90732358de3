// Input problems in the data HR already has: numbers stored as text (Excel formulas compare them as text, so
// "92%" typed as text is silently wrong), other text, values the engine refuses (92 in a rate column, a
// negative count), error values and blanks. Each with its cell, so the pane can select it.
import { isKpiError } from "../engine/errors";
import { parseNumericText, readInput } from "../engine/input";
import { a1 } from "../sheets/a1";
import { cellAt, type Grid } from "./grid";
import type { ColumnMatch } from "./map";
import { applyMessage, type ApplyMessage } from "./messages";

export type InputProblemKind = "blank" | "numeric_text" | "text" | "invalid" | "error";

export interface InputProblem {
  cell: string;
  row: number;
  col: number;
  kind: InputProblemKind;
  /** The rule input's reference (satisfaction, learning_growth.shared_cases). */
  slot: string;
  message: ApplyMessage;
}

/**
 * Checks every mapped input cell of the data rows. Blanks are listed only for first inputs (a blank further
 * input counts as 0, as the engine reads it).
 */
export function inputProblems(grid: Grid, matches: ColumnMatch[], rows: number[]): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const match of matches) {
    const { found, index } = match.slot;
    const spec = found.rule.inputs[index];
    for (const row of rows) {
      const cell = cellAt(grid, row, match.col);
      const add = (kind: InputProblemKind, message: ApplyMessage) =>
        problems.push({ cell: a1(row, match.col), row, col: match.col, kind, slot: match.slot.ref, message });
      if (cell?.error) {
        add("error", applyMessage("problem_error", { value: cell.error }));
        continue;
      }
      const value = cell?.value ?? null;
      if (value === null || (typeof value === "string" && value.trim() === "")) {
        if (index === 0 && spec.blank === "unscored") add("blank", applyMessage("problem_blank"));
        continue;
      }
      if (typeof value === "string" && parseNumericText(value) !== undefined) {
        add("numeric_text", applyMessage("problem_numeric_text", { value }));
        continue;
      }
      try {
        readInput(value, spec, found.rule.rule, index, found.rule.name);
      } catch (e) {
        if (!isKpiError(e)) throw e;
        const kind = e.code === "not_a_number" ? "text" : "invalid";
        add(kind, kind === "text" ? applyMessage("problem_text", { value: String(value) }) : applyMessage("problem_engine", { message: { zh: e.text("zh"), en: e.text("en") } }));
      }
    }
  }
  return problems.sort((a, b) => a.row - b.row || a.col - b.col);
}
