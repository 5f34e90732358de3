import type { Lang, Text } from "../catalog/types";
import { formatMessage, type MessageKey } from "../i18n";

/** A parameter of an error message: plain, already bilingual, or another message rendered in the same language. */
export type ErrorParam = string | number | Text | { key: MessageKey; params?: Record<string, ErrorParam> };

function renderParam(lang: Lang, value: ErrorParam): string | number {
  if (typeof value === "string" || typeof value === "number") return value;
  if ("key" in value) return render(lang, value.key, value.params ?? {});
  return value[lang];
}

function render(lang: Lang, key: MessageKey, params: Record<string, ErrorParam>): string {
  const plain: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) plain[name] = renderParam(lang, value);
  return formatMessage(lang, key, plain);
}

/**
 * An error a person can act on. `code` says what went wrong; `text(lang)` says it in zh or en.
 * `kind` groups codes the way Excel reports them: unknown names are #N/A, bad values #VALUE!.
 */
export class KpiError extends Error {
  readonly code: MessageKey;
  readonly params: Record<string, ErrorParam>;
  readonly kind: "name" | "value" | "data";

  constructor(code: MessageKey, params: Record<string, ErrorParam> = {}, kind: "name" | "value" | "data" = "value") {
    super(render("zh", code, params));
    this.name = "KpiError";
    this.code = code;
    this.params = params;
    this.kind = kind;
  }

  text(lang: Lang): string {
    return render(lang, this.code, this.params);
  }
}

export function isKpiError(e: unknown): e is KpiError {
  return e instanceof KpiError;
}
