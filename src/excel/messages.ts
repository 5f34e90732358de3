// What the pane shows when writing to Excel fails, in zh and en (same keys, checked by the compiler).
import type { Lang } from "../catalog/types";
import { en } from "./messages.en";
import { zh } from "./messages.zh";

export const EXCEL_ERROR_CODES = [
  "workbook_protected",
  "protected",
  "cell_edit_mode",
  "invalid_name",
  "name_taken",
  "invalid_argument",
  "too_large",
  "timeout",
  "unsupported",
  "excel_failed",
  "unexpected",
] as const;

export type ExcelErrorCode = (typeof EXCEL_ERROR_CODES)[number];
export type ExcelMessageParams = Record<string, string | number>;

const MESSAGES: Record<Lang, Record<ExcelErrorCode, string>> = { zh, en };

/** The message for `code` in `lang`, with `{name}` placeholders filled from `params`. */
export function excelMessage(lang: Lang, code: ExcelErrorCode, params: ExcelMessageParams = {}): string {
  return MESSAGES[lang][code].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
