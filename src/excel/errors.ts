// Errors of the Office.js writer: a code the pane can act on, parameters, and the text in zh or en.
import type { Lang } from "../catalog/types";
import { excelMessage, type ExcelErrorCode, type ExcelMessageParams } from "./messages";

export class ExcelWriteError extends Error {
  readonly code: ExcelErrorCode;
  readonly params: ExcelMessageParams;
  /** Excel's own error code (OfficeExtension.Error.code), when Excel raised it. */
  readonly excelCode?: string;
  /** What was thrown originally. */
  readonly original?: unknown;

  constructor(
    code: ExcelErrorCode,
    params: ExcelMessageParams = {},
    from: { excelCode?: string; original?: unknown } = {},
  ) {
    super(excelMessage("en", code, params));
    this.name = "ExcelWriteError";
    this.code = code;
    this.params = params;
    this.excelCode = from.excelCode;
    this.original = from.original;
  }

  text(lang: Lang): string {
    return excelMessage(lang, this.code, this.params);
  }
}

export function isExcelWriteError(e: unknown): e is ExcelWriteError {
  return e instanceof ExcelWriteError;
}

/** Excel's error codes (Excel.ErrorCodes and OfficeExtension.ErrorCodes) and what they mean to the pane. */
const BY_EXCEL_CODE: Record<string, ExcelErrorCode> = {
  AccessDenied: "protected",
  InvalidOperationInCellEditMode: "cell_edit_mode",
  ItemAlreadyExists: "name_taken",
  InvalidArgument: "invalid_argument",
  RequestPayloadSizeLimitExceeded: "too_large",
  ResponsePayloadSizeLimitExceeded: "too_large",
  ApiNotFound: "unsupported",
  NotImplemented: "unsupported",
};

/** Turns anything thrown inside Excel.run into an ExcelWriteError. */
export function toExcelWriteError(e: unknown): ExcelWriteError {
  if (e instanceof ExcelWriteError) return e;
  const excelCode =
    typeof e === "object" && e !== null && typeof (e as { code?: unknown }).code === "string"
      ? (e as { code: string }).code
      : undefined;
  const message =
    e instanceof Error
      ? e.message
      : typeof e === "object" && e !== null && "message" in e
        ? String((e as { message: unknown }).message)
        : String(e);
  if (excelCode === undefined) return new ExcelWriteError("unexpected", { detail: message }, { original: e });
  const detail = message && message !== excelCode ? `${excelCode}: ${message}` : excelCode;
  return new ExcelWriteError(BY_EXCEL_CODE[excelCode] ?? "excel_failed", { detail }, { excelCode, original: e });
}

/** The typed error for a sync (or Excel.run) that did not return within `ms`. */
export function timeoutError(ms: number): ExcelWriteError {
  return new ExcelWriteError("timeout", { seconds: Math.round(ms / 100) / 10 });
}

/**
 * Runs `body` in one Excel.run. Excel.run itself may never call back (Office not ready, a dialog open): that
 * times out like a sync would. Errors are left to the caller to type.
 */
export async function runExcel<T>(timeoutMs: number, body: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  let started = false;
  const run = Excel.run(async (context) => {
    started = true;
    return body(context);
  });
  const notStarted = new Promise<never>((_resolve, reject) => {
    const timer = setTimeout(() => {
      if (!started) reject(timeoutError(timeoutMs));
    }, timeoutMs);
    void run.finally(() => clearTimeout(timer)).catch(() => undefined);
  });
  return Promise.race([run, notStarted]);
}

/** `promise`, or the typed "timeout" error when it does not settle within `ms` (a sync that never returns). */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(timeoutError(ms)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
