// The task pane's services over Office.js: one exported function per user action, each one Excel.run that queues
// its reads for one sync (a second where what to read depends on the first: a table's range once its name is
// known), computes in pure code (assessment-sheet.ts, input-check.ts, score-explain.ts, roster-addition.ts,
// generation.ts) and queues its writes for one final sync. No sync in a loop; at most two syncs per action, but
// Add employees needs three (the sheet's tables, the roster's cells, the writes). Every sync, and Excel.run itself, times out with ExcelWriteError("timeout"); whatever Excel
// refuses becomes an ExcelWriteError with zh/en text; the pane's own refusals are PaneServiceErrors.
//
// Excel APIs used (each one implemented by the fake host, test/excel/fake-excel.ts, and allow-listed against
// @types/office-js there, so a page can run this file without Excel):
//   Excel.run, Excel.CalculationType.full; RequestContext.workbook, RequestContext.sync()
//   Workbook: worksheets, names, application, getSelectedRange()
//   Application.calculate()
//   WorksheetCollection: getActiveWorksheet(), getItem()
//   Worksheet: name, protection, tables, getRange(), getRangeByIndexes(), getUsedRangeOrNullObject(), activate()
//   WorksheetProtection: protected, options, protect(), unprotect()
//   Range: address, values (read and set), formulasR1C1 (read and set), rowCount, columnCount, isNullObject,
//          format.protection.locked, worksheet, select(), getUsedRangeOrNullObject()
//   NamedItemCollection: load("items/name, items/formula"), getItem(); NamedItem: name, formula, getRange()
//   TableCollection: load("items/name"); Table: name, getRange(), rows.add()
//   and, to generate, what writeWorkbookPlan uses (write-plan.ts, write-sheet.ts); to apply a template to a sheet
//   HR already has and remove it again, what apply.ts uses (its own Excel.run per action).
// Office (not Excel): Office.context.document.settings (get, set, saveAsync) and OfficeRuntime.storage
// (getItem, setItem), in pane-settings.ts.
import type { Lang, Text } from "../catalog/types";
import { isKpiError } from "../engine/errors";
import { catalog, DEFAULT_TEMPLATE_SETTING, setDefaultTemplate } from "../functions/state";
import type { SheetKind } from "../sheets/plan";
import type { Employee } from "../sheets/roster";
import type { PaneServices } from "../taskpane/services";
import { nameTarget } from "../apply/marker";
import { applyToSheet, previewApply, readSheetForApply, removeApplied } from "./apply";
import {
  parseAddress,
  readAssessments,
  templateOfName,
  type AssessmentKind,
  type CellArea,
  type SheetSnapshot,
} from "./assessment-sheet";
import { ExcelWriteError, toExcelWriteError, runExcel, withTimeout } from "./errors";
import { generationPlan, MAX_FORM_SHEETS, rulesSheetPlan, type GenerateRequest } from "./generation";
import { checkInputs, type InputIssue } from "./input-check";
import { isPaneServiceError, PaneServiceError } from "./pane-errors";
import { readDocumentSetting, readStoredLanguage, saveDocumentSetting, storeLanguage } from "./pane-settings";
import { planRosterAddition } from "./roster-addition";
import { explainCell, type Explanation } from "./score-explain";
import { staffFromRows, type StaffRows } from "./staff-rows";
import { DEFAULT_TIMEOUT_MS, writeWorkbookPlan } from "./write-plan";

export interface PaneServiceOptions {
  /** How long one sync (or Excel.run starting) may take before the action fails with "timeout"; 60 s by default. */
  timeoutMs?: number;
}

export interface SelectedStaff extends StaffRows {
  /** Where the list was read: the selected range, or the sheet's used range when one cell was selected. */
  address: string;
}

export interface GenerateResult {
  /** The sheets added, in order, with the names Excel gave them (" (2)" where a name was taken). */
  sheets: Array<{ name: string; kind: SheetKind }>;
}

export interface AddEmployeesResult {
  sheet: string;
  /** Empty roster rows that now hold an employee. */
  filled: number;
  /** Rows added to the roster's table. */
  added: number;
  /** Employees whose 工号 the roster already had. */
  skipped: Employee[];
}

export interface CheckReport {
  sheet: string;
  assessments: Array<{ kind: AssessmentKind; template: { id: string; name: Text } }>;
  issues: InputIssue[];
  /** The highlighting switch of the sheet's rules sheet, when the workbook has one. */
  highlight?: { name: string; on: boolean };
}

/** Gives a sync (or Excel.run) its time limit: `await timed(context.sync())`. */
type Timed = <T>(promise: Promise<T>) => Promise<T>;

/**
 * Runs one user action in one Excel.run. `timed` puts the time limit on each context.sync(); Excel.run not
 * calling back within the limit (Office not ready) times out too.
 */
async function runAction<T>(
  timeoutMs: number,
  batch: (context: Excel.RequestContext, timed: Timed) => Promise<T>,
): Promise<T> {
  try {
    return await runExcel(timeoutMs, (context) => batch(context, (promise) => withTimeout(promise, timeoutMs)));
  } catch (e) {
    if (isPaneServiceError(e)) throw e;
    throw toExcelWriteError(e);
  }
}

function findTemplate(id: string) {
  try {
    return catalog().findTemplate(id);
  } catch (e) {
    if (isKpiError(e)) throw new PaneServiceError("unknown_template", { id });
    throw e;
  }
}

function topLeft(address: string): { sheet?: string; area: CellArea } {
  const parsed = parseAddress(address);
  if (!parsed) throw new ExcelWriteError("unexpected", { detail: `address ${address}` });
  return parsed;
}

const HIGHLIGHT_NAME = /^KPI_.+_highlight(?:_\d+)?$/i;

/**
 * Reads what recognising an assessment needs: the active sheet's used range and tables, the workbook's names
 * (sync 1); then the KPI tables' ranges and the highlight switches (sync 2, only when there are any).
 */
async function readSnapshot(
  context: Excel.RequestContext,
  timed: Timed,
  want: { selection?: boolean; highlights?: boolean },
): Promise<{ snapshot: SheetSnapshot; selection?: string; highlights: Map<string, unknown> }> {
  const workbook = context.workbook;
  const worksheet = workbook.worksheets.getActiveWorksheet();
  worksheet.load("name");
  const used = worksheet.getUsedRangeOrNullObject();
  used.load("address, values");
  const tables = worksheet.tables.load("items/name");
  const names = workbook.names.load("items/name, items/formula");
  const selected = want.selection ? workbook.getSelectedRange() : undefined;
  selected?.load("address");
  await timed(context.sync());

  const nameList = names.items.map((n) => ({ name: n.name, formula: n.formula }));
  const kpiTables = tables.items
    .filter((t) => templateOfName(catalog(), t.name) !== undefined)
    .map((t) => ({ name: t.name, range: t.getRange().load("address") }));
  const switches = want.highlights
    ? nameList
        .filter((n) => HIGHLIGHT_NAME.test(n.name) && nameTarget(n.formula) !== undefined)
        .map((n) => ({ name: n.name, range: workbook.names.getItem(n.name).getRange().load("values") }))
    : [];
  if (kpiTables.length || switches.length) await timed(context.sync());

  const usedArea = used.isNullObject ? undefined : topLeft(used.address).area;
  const snapshot: SheetSnapshot = {
    sheet: worksheet.name,
    used: usedArea ? { top: usedArea.top, left: usedArea.left, values: used.values } : undefined,
    tables: kpiTables.map((t) => ({ name: t.name, area: topLeft(t.range.address).area })),
    names: nameList,
  };
  const highlights = new Map(switches.map((s) => [s.name, s.range.values[0]?.[0]] as const));
  return { snapshot, selection: selected?.address, highlights };
}

// ---------------------------------------------------------------------------------------------------------------
// Actions

/** Employees from the selected range (its used part), or from the whole sheet when one cell is selected. */
export function readSelectedStaff(options: PaneServiceOptions = {}): Promise<SelectedStaff> {
  return runAction(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, async (context, timed) => {
    const workbook = context.workbook;
    const selected = workbook.getSelectedRange();
    selected.load("address, rowCount, columnCount");
    const inSelection = selected.getUsedRangeOrNullObject(true);
    inSelection.load("address, values");
    const onSheet = workbook.worksheets.getActiveWorksheet().getUsedRangeOrNullObject(true);
    onSheet.load("address, values");
    await timed(context.sync());
    const source = selected.rowCount * selected.columnCount === 1 ? onSheet : inSelection;
    if (source.isNullObject) throw new PaneServiceError("selection_empty", { address: selected.address });
    return { ...staffFromRows(source.values), address: source.address };
  });
}

/** Generates the requested sheets (one Excel.run: writeWorkbookPlan). */
export async function generateSheets(
  request: GenerateRequest,
  options: PaneServiceOptions = {},
): Promise<GenerateResult> {
  const template = findTemplate(request.templateId);
  if (request.layout === "form" && request.employees.length > MAX_FORM_SHEETS) {
    throw new PaneServiceError("too_many_forms", { count: request.employees.length, max: MAX_FORM_SHEETS });
  }
  const plan = generationPlan(template, request);
  const result = await writeWorkbookPlan(plan, { timeoutMs: options.timeoutMs });
  const kinds = new Map(plan.sheets.map((s) => [s.id, s.kind]));
  return { sheets: result.sheets.map((s) => ({ name: s.name, kind: kinds.get(s.id)! })) };
}

/** Adds the template's rules sheet alone (one Excel.run: writeWorkbookPlan). */
export async function insertRulesSheet(
  templateId: string,
  lang: Lang,
  options: PaneServiceOptions = {},
): Promise<GenerateResult> {
  const plan = rulesSheetPlan(findTemplate(templateId), lang, true);
  const result = await writeWorkbookPlan(plan, { timeoutMs: options.timeoutMs });
  return { sheets: result.sheets.map((s) => ({ name: s.name, kind: "rules" as const })) };
}

/**
 * Adds employees to the generated roster on the active sheet: its empty rows first, then new table rows whose
 * formulas are the roster's own (copied from its last row). A protected roster is unprotected and protected
 * again with the same options in the same Excel.run. Three syncs: the sheet's tables (which one is the roster),
 * the roster's cells, the writes.
 */
export function addEmployees(employees: Employee[], options: PaneServiceOptions = {}): Promise<AddEmployeesResult> {
  return runAction(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, async (context, timed) => {
    const worksheet = context.workbook.worksheets.getActiveWorksheet();
    worksheet.load("name");
    const protection = worksheet.protection.load("protected, options");
    const tables = worksheet.tables.load("items/name");
    await timed(context.sync());
    const roster = tables.items.find((t) => templateOfName(catalog(), t.name) !== undefined);
    if (!roster) throw new PaneServiceError("no_roster_here", { sheet: worksheet.name });
    const range = roster.getRange();
    range.load("address, values, formulasR1C1");
    await timed(context.sync());

    const address = range.address;
    const plan = planRosterAddition(topLeft(address).area, range.values, range.formulasR1C1, employees);
    if (plan.fills.length || plan.appendRows.length) {
      if (protection.protected) protection.unprotect();
      for (const fill of plan.fills) {
        for (const cell of fill.cells)
          worksheet.getRangeByIndexes(fill.row - 1, cell.col - 1, 1, 1).values = [[cell.value]];
      }
      if (plan.appendRows.length) {
        roster.rows.add(undefined, plan.appendRows);
        const n = plan.appendRows.length;
        for (const f of plan.formulaColumns) {
          worksheet.getRangeByIndexes(plan.appendAt - 1, f.col - 1, n, 1).formulasR1C1 = Array.from(
            { length: n },
            () => [f.r1c1],
          );
        }
      }
      if (protection.protected) protection.protect(protection.options);
      await timed(context.sync());
    }
    return { sheet: worksheet.name, filled: plan.filled.length, added: plan.appended.length, skipped: plan.skipped };
  });
}

export function activateSheet(name: string, options: PaneServiceOptions = {}): Promise<void> {
  return runAction(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, async (context, timed) => {
    context.workbook.worksheets.getItem(name).activate();
    await timed(context.sync());
  });
}

/** Lists the problem inputs of the assessments on the active sheet, and reads its highlighting switch. */
export function checkActiveSheet(options: PaneServiceOptions = {}): Promise<CheckReport> {
  return runAction(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, async (context, timed) => {
    const { snapshot, highlights } = await readSnapshot(context, timed, { highlights: true });
    const assessments = readAssessments(snapshot, catalog());
    if (!assessments.length) throw new PaneServiceError("not_assessment_sheet", { sheet: snapshot.sheet });
    const name = assessments.find((a) => a.highlightName)?.highlightName;
    return {
      sheet: snapshot.sheet,
      assessments: assessments.map((a) => ({ kind: a.kind, template: { id: a.template.id, name: a.template.name } })),
      issues: checkInputs(assessments, snapshot),
      highlight: name ? { name, on: highlights.get(name) === 1 } : undefined,
    };
  });
}

/** Activates a sheet and selects a cell on it (a Check item clicked). */
export function selectCell(sheet: string, address: string, options: PaneServiceOptions = {}): Promise<void> {
  return runAction(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, async (context, timed) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    worksheet.getRange(address).select();
    await timed(context.sync());
  });
}

/**
 * Sets a highlighting switch (1 on, 0 off). The switch is an input cell, unlocked on the protected rules sheet;
 * where someone locked it, the sheet is unprotected and protected again with its options in the same Excel.run.
 */
export function setHighlight(name: string, on: boolean, options: PaneServiceOptions = {}): Promise<void> {
  return runAction(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, async (context, timed) => {
    const cell = context.workbook.names.getItem(name).getRange();
    const locked = cell.format.protection.load("locked");
    const protection = cell.worksheet.protection.load("protected, options");
    await timed(context.sync());
    const relock = protection.protected && locked.locked !== false;
    if (relock) protection.unprotect();
    cell.values = [[on ? 1 : 0]];
    if (relock) protection.protect(protection.options);
    await timed(context.sync());
  });
}

/** Explains the selected cell: a score (or input) cell of a generated roster or form or of an applied block. */
export function explainSelection(options: PaneServiceOptions = {}): Promise<Explanation> {
  return runAction(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, async (context, timed) => {
    const { snapshot, selection } = await readSnapshot(context, timed, { selection: true });
    const assessments = readAssessments(snapshot, catalog());
    if (!assessments.length) throw new PaneServiceError("not_assessment_sheet", { sheet: snapshot.sheet });
    const area = topLeft(selection ?? "A1").area;
    const explanation = explainCell(assessments, snapshot, { row: area.top, col: area.left });
    if (!explanation) throw new PaneServiceError("not_score_cell", { sheet: snapshot.sheet });
    return explanation;
  });
}

/** Full recalculation, so KPI.* calls with bare rule names follow a new default template. */
export function recalculateAll(options: PaneServiceOptions = {}): Promise<void> {
  return runAction(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, async (context, timed) => {
    context.workbook.application.calculate(Excel.CalculationType.full);
    await timed(context.sync());
  });
}

/** Saves the workbook's default template (document settings), hands it to KPI.* and recalculates. */
export async function saveDefaultTemplate(templateId: string, options: PaneServiceOptions = {}): Promise<void> {
  const template = findTemplate(templateId);
  await saveDocumentSetting(DEFAULT_TEMPLATE_SETTING, template.id);
  setDefaultTemplate(template.id);
  await recalculateAll(options);
}

/** The real services of the pane. */
export function createPaneServices(options: PaneServiceOptions = {}): PaneServices {
  return {
    readSelectedStaff: () => readSelectedStaff(options),
    generate: (request) => generateSheets(request, options),
    insertRulesSheet: (templateId, lang) => insertRulesSheet(templateId, lang, options),
    addEmployees: (employees) => addEmployees(employees, options),
    activateSheet: (name) => activateSheet(name, options),
    checkActiveSheet: () => checkActiveSheet(options),
    selectCell: (sheet, address) => selectCell(sheet, address, options),
    setHighlight: (name, on) => setHighlight(name, on, options),
    explainSelection: () => explainSelection(options),
    readLanguage: () => readStoredLanguage(),
    saveLanguage: (lang) => storeLanguage(lang),
    readDefaultTemplate: () => {
      const id = readDocumentSetting(DEFAULT_TEMPLATE_SETTING);
      return typeof id === "string" && id.trim() !== "" ? id : null;
    },
    saveDefaultTemplate: (templateId) => saveDefaultTemplate(templateId, options),
    readSheetForApply: (useSelection) => readSheetForApply({ useSelection, timeoutMs: options.timeoutMs }),
    previewApply: (sheet, template, choices) => previewApply(sheet, template, choices),
    applyToSheet: (request) => applyToSheet({ timeoutMs: options.timeoutMs, ...request }),
    removeApplied: () => removeApplied({ timeoutMs: options.timeoutMs }),
  };
}
