// State the functions share with the task pane in the shared runtime: one catalog in memory, the workbook's
// default template (kept in the document settings by the pane, so it travels with the file) and the language.
import { defaultCatalog, type Catalog } from "../catalog";
import type { Lang } from "../catalog/types";
import { langFromLocale } from "../i18n";

/** The document setting that holds the default template id. */
export const DEFAULT_TEMPLATE_SETTING = "kpi.defaultTemplate";

let defaultTemplate: string | null = null;
let languageOverride: Lang | null = null;

export function catalog(): Catalog {
  return defaultCatalog();
}

export function getDefaultTemplate(): string | null {
  return defaultTemplate;
}

/** Set by the pane when it generates or applies (and at start-up from the document settings). */
export function setDefaultTemplate(id: string | null): void {
  defaultTemplate = id;
}

/** The pane's language switch; otherwise Office's display language. */
export function setLanguageOverride(lang: Lang | null): void {
  languageOverride = lang;
}

declare const Office: { context?: { displayLanguage?: string } } | undefined;

export function currentLang(): Lang {
  if (languageOverride) return languageOverride;
  const office = typeof Office === "undefined" ? undefined : Office;
  return langFromLocale(office?.context?.displayLanguage);
}
