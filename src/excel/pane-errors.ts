// Errors of the pane's actions that are not Excel's: a code and parameters; the pane words them (src/taskpane
// messages), in the user's language. Excel's refusals stay ExcelWriteError (errors.ts), with their own texts.
export const PANE_ERROR_CODES = [
  /** The active sheet has no generated roster or form and no applied block. */
  "not_assessment_sheet",
  /** Add employees: the active sheet has no generated roster (a KPI_<template> table). */
  "no_roster_here",
  /** Add employees: the roster's table has no 姓名 / Name column. */
  "roster_without_names",
  /** Explain: the selected cell is no score (or input) cell of an assessment. */
  "not_score_cell",
  /** Read employees: the selected range is empty. */
  "selection_empty",
  /** Generate: more forms than MAX_FORM_SHEETS. */
  "too_many_forms",
  /** The template id is not in the catalog. */
  "unknown_template",
  /** Settings: OfficeRuntime.storage or the document settings are not available or failed to save. */
  "storage_unavailable",
  "settings_not_saved",
] as const;

export type PaneErrorCode = (typeof PANE_ERROR_CODES)[number];

export class PaneServiceError extends Error {
  readonly code: PaneErrorCode;
  readonly params: Record<string, string | number>;

  constructor(code: PaneErrorCode, params: Record<string, string | number> = {}) {
    super(`${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ""}`);
    this.name = "PaneServiceError";
    this.code = code;
    this.params = params;
  }
}

export function isPaneServiceError(e: unknown): e is PaneServiceError {
  return e instanceof PaneServiceError;
}
