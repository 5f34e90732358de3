// The Check view's findings: inputs on an assessment sheet that are blank, not numbers, outside their valid range,
// or a level score outside every level. The messages are the engine's own (readInput and the rule kind's check,
// through scoreRule), in both languages; the pane picks one. Pure.
import type { Lang, Text } from "../catalog/types";
import { isBlank, isKpiError, kindOf, readInput, scoreRule, type InputValue, type KpiError } from "../engine";
import { formatMessage } from "../i18n";
import type { Rater } from "../sheets/formulas";
import { cellAddress, cellValue, type AssessmentSheet, type RuleCells, type SheetSnapshot } from "./assessment-sheet";

export type IssueKind = "blank" | "not_number" | "out_of_range" | "level";

export interface InputIssue {
  sheet: string;
  /** A1 address of the input cell on `sheet`. */
  address: string;
  employee: string;
  rule: Text;
  /** The input's label (the rule's name for a rule with one input). */
  input: Text;
  rater: Rater;
  kind: IssueKind;
  message: Text;
}

const NOT_NUMBER = new Set(["not_a_number", "not_a_number_plain", "not_text"]);
const LEVEL = new Set(["level_not_found"]);

function kindOfError(e: KpiError): IssueKind {
  if (NOT_NUMBER.has(e.code)) return "not_number";
  if (LEVEL.has(e.code)) return "level";
  return "out_of_range";
}

function both(render: (lang: Lang) => string): Text {
  return { zh: render("zh"), en: render("en") };
}

/** A cell as the engine reads it: Excel gives "" for a blank cell. */
export function asInput(value: unknown): InputValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

function ruleIssues(
  sheet: string,
  employee: string,
  cells: RuleCells,
  read: (i: RuleCells["inputs"][number]) => InputValue,
): InputIssue[] {
  const { rule, scope } = cells.found;
  const issues: InputIssue[] = [];
  const raters = [...new Set(cells.inputs.map((i) => i.rater))];
  for (const rater of raters) {
    const mine = cells.inputs.filter((i) => i.rater === rater).sort((a, b) => a.index - b.index);
    if (mine.length !== rule.inputs.length) continue;
    const raw = mine.map(read);
    const issue = (index: number, kind: IssueKind, message: Text): InputIssue => {
      const spec = rule.inputs[index];
      return {
        sheet,
        address: cellAddress(mine[index].cell),
        employee,
        rule: rule.name,
        input: rule.inputs.length > 1 ? spec.label : rule.name,
        rater,
        kind,
        message,
      };
    };
    let found = false;
    raw.forEach((value, index) => {
      const spec = rule.inputs[index];
      // A blank adjustment adds nothing, a blank further input counts as 0: only unscored indicator inputs count.
      if (isBlank(value)) {
        if (scope === "indicator" && spec.blank === "unscored") {
          issues.push(
            issue(
              index,
              "blank",
              both((lang) => formatMessage(lang, "explain_blank", { rule: rule.name[lang] })),
            ),
          );
          found = true;
        }
        return;
      }
      try {
        readInput(value, spec, rule.rule, index, rule.name);
      } catch (e) {
        if (!isKpiError(e)) throw e;
        issues.push(
          issue(
            index,
            kindOfError(e),
            both((lang) => e.text(lang)),
          ),
        );
        found = true;
      }
    });
    if (found) continue;
    try {
      scoreRule(rule, raw);
    } catch (e) {
      if (!isKpiError(e)) throw e;
      const read = kindOf(rule.rule).inputsRead(rule.rule);
      issues.push(
        issue(
          read[0] ?? 0,
          kindOfError(e),
          both((lang) => e.text(lang)),
        ),
      );
    }
  }
  return issues;
}

/**
 * Every problem input of the assessments on a sheet, in sheet order (entry by entry, rule by rule). Rows with
 * neither a name nor any input are not in use yet and are left out.
 */
export function checkInputs(assessments: readonly AssessmentSheet[], snapshot: SheetSnapshot): InputIssue[] {
  const issues: InputIssue[] = [];
  for (const assessment of assessments) {
    for (const entry of assessment.entries) {
      const read = (i: RuleCells["inputs"][number]) => asInput(cellValue(snapshot, i.cell));
      const inUse = entry.employee !== "" || entry.rules.some((r) => r.inputs.some((i) => !isBlank(read(i))));
      if (!inUse) continue;
      for (const cells of entry.rules) issues.push(...ruleIssues(assessment.sheet, entry.employee, cells, read));
    }
  }
  return issues;
}
