// The task pane's entry, loaded with the functions on the shared runtime's one page. In a shared runtime that
// page also runs while the pane is closed (Excel starts it for the =KPI.* functions), so this module stays tiny:
// it reads the workbook's default template for the functions and loads the pane's UI (React, Fluent UI and the
// catalog's criterion texts, each in an async chunk) only once the pane is actually shown.
import {
  catalog,
  currentLang,
  DEFAULT_TEMPLATE_SETTING,
  setDefaultTemplate,
  setLanguageOverride,
} from "../functions/state";
import { LANGUAGE_STORAGE_KEY, paneText } from "./strings";

let paneRequested = false;

/** Reads the default template the pane keeps in the document settings, so KPI.* without a template can use it. */
function readDefaultTemplate(): void {
  const id: unknown = Office.context.document?.settings?.get(DEFAULT_TEMPLATE_SETTING);
  setDefaultTemplate(typeof id === "string" && id.trim() !== "" ? id : null);
}

/** The language the user chose in the pane (kept per user in OfficeRuntime.storage), so KPI.EXPLAIN follows it. */
function readLanguageChoice(): void {
  if (typeof OfficeRuntime === "undefined" || !OfficeRuntime.storage) return;
  OfficeRuntime.storage
    .getItem(LANGUAGE_STORAGE_KEY)
    .then((lang) => {
      if (lang === "zh" || lang === "en") setLanguageOverride(lang);
    })
    .catch(() => undefined);
}

/**
 * Whether this page is on screen. Office.js has no call that returns the current visibility mode, only the
 * onVisibilityModeChanged event; a page opened with the pane (the ribbon button, or a pane left open when the
 * workbook was saved) gets no event for that first showing, so the page's own visibility decides then.
 */
function pageIsVisible(): boolean {
  return document.visibilityState === "visible" && window.innerWidth > 0 && window.innerHeight > 0;
}

function showPane(): void {
  if (paneRequested) return;
  paneRequested = true;
  const root = document.getElementById("root");
  if (!root) return;
  Promise.all([
    import(/* webpackChunkName: "pane" */ "./app"),
    import(/* webpackChunkName: "details" */ "../catalog/details"),
  ])
    .then(([app, details]) => {
      details.attachDetails(catalog());
      app.renderPane(root, currentLang());
    })
    .catch((e: unknown) => {
      paneRequested = false;
      root.textContent = paneText(currentLang(), "pane_failed", { detail: e instanceof Error ? e.message : String(e) });
    });
}

function watchVisibility(): void {
  if (pageIsVisible()) showPane();
  document.addEventListener("visibilitychange", () => {
    if (pageIsVisible()) showPane();
  });
  // The shared runtime reports the pane being shown (ribbon button, Office.addin.showAsTaskpane) and hidden.
  if (Office.context.requirements?.isSetSupported("SharedRuntime", "1.1")) {
    Office.addin
      .onVisibilityModeChanged((message) => {
        if (message.visibilityMode === Office.VisibilityMode.taskpane) showPane();
      })
      .catch(() => undefined);
  }
}

if (typeof Office === "undefined") {
  // office.js did not load (the page opened outside Office, or the script was blocked): show what can be shown.
  showPane();
} else {
  void Office.onReady(() => {
    readDefaultTemplate();
    readLanguageChoice();
    watchVisibility();
  });
}
