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
