// Why the add-in did not apply (or remove) the template's columns: a code the pane can act on, parameters, the
// cells that block the apply or apply's refusals, and the text in zh or en. Excel's own refusals stay
// ExcelWriteError (errors.ts).
import type { Lang } from "../catalog/types";
import { applyMessage, applyText, type ApplyMessage } from "../apply/messages";
import type { BlockedCell } from "../apply/plan";
import { en } from "./apply-messages.en";
import { zh } from "./apply-messages.zh";

export const APPLY_ERROR_CODES = [
  /** Target cells are not empty or lie in merged areas or tables: `blocked` lists them; nothing was written. */
  "blocked",
  /** Apply refused the sheet (not a roster, nothing mapped, names in the way): `refusals` say why. */
  "refused",
  /** Used in texts only: "… N cells in all" after a long list. */
  "more_cells",
  /** A column the person mapped in the preview has another header now. */
  "sheet_changed",
  /** The sheet is protected with a password: the add-in cannot unprotect it. */
  "sheet_password",
  "unknown_template",
] as const;

export type ApplyErrorCode = (typeof APPLY_ERROR_CODES)[number];

const MESSAGES: Record<Lang, Record<ApplyErrorCode, string>> = { zh, en };

/** Blocked cells named in a message at most; the error keeps all of them. */
export const MAX_LISTED_CELLS = 20;

export function applyErrorMessage(
  lang: Lang,
  code: ApplyErrorCode,
  params: Record<string, string | number> = {},
): string {
  return MESSAGES[lang][code].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** "M2 有内容“x”; N3 在合并区域 N2:N3 中 …" for the first cells, then how many there are. */
export function blockedText(lang: Lang, blocked: readonly BlockedCell[]): string {
  const items = blocked
    .slice(0, MAX_LISTED_CELLS)
    .map((b) =>
      applyText(
        lang,
        applyMessage(`blocked_${b.reason}`, { cell: b.cell, value: b.detail ?? "", area: b.detail ?? "" }),
      ),
    );
  if (blocked.length > MAX_LISTED_CELLS) items.push(applyErrorMessage(lang, "more_cells", { count: blocked.length }));
  const cells = items.join(lang === "zh" ? ";" : "; ");
  return applyText(lang, applyMessage("blocked", { cells }));
}

export class ExcelApplyError extends Error {
  readonly code: ApplyErrorCode;
  readonly params: Record<string, string | number>;
  /** For "blocked": every cell that blocks the apply, in sheet order. */
  readonly blocked: BlockedCell[];
  /** For "refused": apply's reasons, as messages with parameters. */
  readonly refusals: ApplyMessage[];

  constructor(
    code: ApplyErrorCode,
    params: Record<string, string | number> = {},
    detail: { blocked?: BlockedCell[]; refusals?: ApplyMessage[] } = {},
  ) {
    super("");
    this.name = "ExcelApplyError";
    this.code = code;
    this.params = params;
    this.blocked = detail.blocked ?? [];
    this.refusals = detail.refusals ?? [];
    this.message = this.text("en");
  }

  text(lang: Lang): string {
    if (this.code === "blocked") return blockedText(lang, this.blocked);
    if (this.code === "refused") return this.refusals.map((r) => applyText(lang, r)).join("\n");
    return applyErrorMessage(lang, this.code, this.params);
  }
}

export function isExcelApplyError(e: unknown): e is ExcelApplyError {
  return e instanceof ExcelApplyError;
}
