// The pane's two settings and where each lives:
// - the language: per user, in OfficeRuntime.storage (the shared runtime's storage), never in the document;
// - the workbook's default template: in the document (Office.context.document.settings, saved with saveAsync),
//   so it travels with the file and the KPI.* functions find it when the workbook opens.
import type { Lang } from "../catalog/types";
import { LANGUAGE_STORAGE_KEY } from "../taskpane/strings";
import { PaneServiceError } from "./pane-errors";

function runtimeStorage(): OfficeRuntime.Storage | undefined {
  return typeof OfficeRuntime === "undefined" ? undefined : OfficeRuntime.storage;
}

function detail(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The language the user chose last time, or null (none stored, or no storage outside Office). */
export async function readStoredLanguage(): Promise<Lang | null> {
  const storage = runtimeStorage();
  if (!storage) return null;
  try {
    const lang = await storage.getItem(LANGUAGE_STORAGE_KEY);
    return lang === "zh" || lang === "en" ? lang : null;
  } catch {
    return null;
  }
}

/** Remembers the user's language choice (OfficeRuntime.storage). */
export async function storeLanguage(lang: Lang): Promise<void> {
  const storage = runtimeStorage();
  if (!storage) throw new PaneServiceError("storage_unavailable", { detail: "OfficeRuntime.storage" });
  try {
    await storage.setItem(LANGUAGE_STORAGE_KEY, lang);
  } catch (e) {
    throw new PaneServiceError("storage_unavailable", { detail: detail(e) });
  }
}

function documentSettings(): Office.Settings | undefined {
  return typeof Office === "undefined" ? undefined : Office.context?.document?.settings;
}

/** A setting of the open document, or null. */
export function readDocumentSetting(key: string): unknown {
  try {
    return documentSettings()?.get(key) ?? null;
  } catch {
    return null;
  }
}

/** Sets a document setting and saves the settings into the document (saveAsync). */
export function saveDocumentSetting(key: string, value: string): Promise<void> {
  const settings = documentSettings();
  if (!settings)
    return Promise.reject(new PaneServiceError("settings_not_saved", { detail: "Office.context.document.settings" }));
  return new Promise<void>((resolve, reject) => {
    try {
      settings.set(key, value);
      settings.saveAsync((result) => {
        if (result.status === Office.AsyncResultStatus.Succeeded) resolve();
        else
          reject(
            new PaneServiceError("settings_not_saved", { detail: result.error?.message ?? String(result.status) }),
          );
      });
    } catch (e) {
      reject(new PaneServiceError("settings_not_saved", { detail: detail(e) }));
    }
  });
}
