import type { ExcelErrorCode } from "./messages";

// English (en-US). Placeholders in braces are filled by `excelMessage`.
export const en = {
  workbook_protected:
    "The workbook structure is protected, so no sheet can be added. Unprotect it (Review > Protect Workbook) and try again.",
  protected:
    "A sheet or the workbook is protected and Excel refused the change. Unprotect it and try again. ({detail})",
  cell_edit_mode: "Excel is editing a cell. Press Enter or Esc to finish editing, then try again.",
  invalid_name: '"{name}" is not a valid Excel name.',
  name_taken: "A name is already taken: {detail}",
  invalid_argument: "Excel did not accept an argument of the request: {detail}",
  too_large: "One write was larger than Excel accepts in a request. Try again with fewer employees.",
  timeout: "Excel did not answer within {seconds} seconds. Check that Excel is still running and try again.",
  unsupported:
    "This version of Excel lacks a feature the add-in needs (ExcelApi 1.9). Update Office or use Microsoft 365.",
  excel_failed: "Excel reported an error: {detail}",
  unexpected: "Generating the sheets failed: {detail}",
} satisfies Record<ExcelErrorCode, string>;
