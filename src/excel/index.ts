// What the task pane gets from src/excel (as props or through a context, so the pane renders without Office).
export {
  writeWorkbookPlan,
  DEFAULT_TIMEOUT_MS,
  type WritePlanOptions,
  type WritePlanResult,
  type WrittenSheet,
} from "./write-plan";
export { ExcelWriteError, isExcelWriteError, toExcelWriteError } from "./errors";
export { excelMessage, EXCEL_ERROR_CODES, type ExcelErrorCode } from "./messages";
export { excelWouldParse, literalText } from "./typed-text";
// The task pane's services (one function per user action) and the pure pieces the pane also uses.
export {
  createPaneServices,
  type PaneServiceOptions,
  type SelectedStaff,
  type GenerateResult,
  type AddEmployeesResult,
  type CheckReport,
} from "./pane-services";
export { PaneServiceError, isPaneServiceError, PANE_ERROR_CODES, type PaneErrorCode } from "./pane-errors";
export { MAX_FORM_SHEETS, type GenerateRequest } from "./generation";
