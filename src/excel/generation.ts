// What the pane asks to generate, and the WorkbookPlan that answers it: pure (no Office.js), so the pane can
// preview the sheets a request creates and the services write exactly that plan.
import type { Lang, Template } from "../catalog/types";
import { a1 } from "../sheets/a1";
import type { SheetKind, SheetPlan, WorkbookPlan } from "../sheets/plan";
import type { Employee } from "../sheets/roster";
import { buildRulesSheet, namePrefix, ruleNames } from "../sheets/rules-sheet";
import { FONT } from "../sheets/theme";
import { buildWorkbook } from "../sheets/workbook";

/** The pane creates at most this many forms (one sheet each) in one workbook; more is a roster or several runs. */
export const MAX_FORM_SHEETS = 200;

export interface GenerateRequest {
  templateId: string;
  /** form: one sheet per employee; roster: one team sheet. */
  layout: "form" | "roster";
  period: string;
  formulas: "portable" | "addin";
  /**
   * Self-assessment columns. Templates with rater weights always have them (the self score is part of the
   * score); elsewhere a form keeps its 自评分 column for the conversation (not counted) only when this is on.
   */
  selfAssessment: boolean;
  /** Protect the generated sheets (portable formulas only: add-in sheets are never protected). */
  protect: boolean;
  /** The language of the generated sheets. */
  lang: Lang;
  employees: Employee[];
}

export interface SheetPreview {
  name: string;
  kind: SheetKind;
}

/** Whether the template's self-assessment columns can be switched off for this layout. */
export function selfAssessmentOptional(template: Template, layout: GenerateRequest["layout"]): boolean {
  return !template.raters && layout === "form";
}

/** The form's recorded-only 自评分 column (7, G) blanked: header and input cells. */
const FORM_SELF_COLUMN = 7;
const FORM_HEADER_ROW = 6;

function withoutFormSelfColumn(sheet: SheetPlan): SheetPlan {
  const selfInput = (row: number, col: number, style?: string) =>
    col === FORM_SELF_COLUMN && row > FORM_HEADER_ROW && style === "input";
  const dropped = new Set(
    sheet.cells.filter((c) => selfInput(c.row, c.col, c.style?.style) && c.value == null).map((c) => a1(c.row, c.col)),
  );
  return {
    ...sheet,
    cells: sheet.cells
      .filter((c) => !dropped.has(a1(c.row, c.col)))
      .map((c) => (c.row === FORM_HEADER_ROW && c.col === FORM_SELF_COLUMN ? { ...c, value: "" } : c)),
    inputRanges: sheet.inputRanges.filter((r) => !dropped.has(r)),
    columnWidths: sheet.columnWidths.map((w) => (w.col === FORM_SELF_COLUMN ? { ...w, width: 2 } : w)),
  };
}

/** The plan a request writes: the roster or one form per employee, then the rules sheet. */
export function generationPlan(template: Template, request: GenerateRequest): WorkbookPlan {
  const { plan } = buildWorkbook(template, {
    layout: request.layout,
    lang: request.lang,
    period: request.period,
    employees: request.employees,
    formulas: request.formulas,
    protect: request.protect,
  });
  if (request.selfAssessment || !selfAssessmentOptional(template, request.layout)) return plan;
  return { ...plan, sheets: plan.sheets.map((s) => (s.kind === "form" ? withoutFormSelfColumn(s) : s)) };
}

/** The sheets a request creates, by requested name (Excel may add " (2)" where a name is taken). */
export function previewSheets(template: Template, request: GenerateRequest): SheetPreview[] {
  if (request.layout === "form" && request.employees.length > MAX_FORM_SHEETS) return [];
  return generationPlan(template, { ...request, period: "" }).sheets.map((s) => ({ name: s.name, kind: s.kind }));
}

/** The rules sheet alone (考核规则), protected like a generated one unless `protect` is false. */
export function rulesSheetPlan(template: Template, lang: Lang, protect: boolean): WorkbookPlan {
  const rules = buildRulesSheet(template, lang, ruleNames(namePrefix(template)));
  if (protect) rules.protection = { password: "", allowSort: false, allowAutoFilter: false };
  return { sheets: [rules], font: FONT, templateId: template.id, period: "" };
}

/** The period a new assessment most likely covers: the current quarter, 2026-Q2. */
export function currentPeriod(today: Date = new Date()): string {
  return `${today.getFullYear()}-Q${Math.floor(today.getMonth() / 3) + 1}`;
}
