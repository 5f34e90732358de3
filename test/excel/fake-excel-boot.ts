// A browser script that stands in for office.js, for the Chromium end-to-end test: bundle it (webpack + ts-loader,
// transpileOnly, module es2020) and serve it where dist/taskpane.html loads office.js (e.g. Playwright's
// page.route(/office\.js$/)). Running first on the page, it installs OfficeRuntime, CustomFunctions, Office and
// Excel (installFakeHost, in that order) before functions.js, commands.js and taskpane.js run, and leaves the
// host on window.__kpiHost: __kpiHost.excel.model is the workbook, __kpiHost.office the settings and storage.
//
// The page's query string sets the host up: ?lang=en-US (Office's display language, zh-CN by default),
// &theme=dark (a dark Office theme), &storedLang=en (a language the user chose before, in OfficeRuntime.storage),
// &defaultTemplate=support_kpi (the document setting KPI.* and the pane read at start-up).
import { DEFAULT_TEMPLATE_SETTING } from "../../src/functions/state";
import { LANGUAGE_STORAGE_KEY } from "../../src/taskpane/strings";
import { installFakeHost } from "./fake-excel-office";

const query = new URLSearchParams(location.search);
const storedLang = query.get("storedLang");
const defaultTemplate = query.get("defaultTemplate");

(window as unknown as { __kpiHost: unknown }).__kpiHost = installFakeHost({
  displayLanguage: query.get("lang") ?? "zh-CN",
  bodyBackgroundColor: query.get("theme") === "dark" ? "#262626" : "#FFFFFF",
  storage: storedLang ? { [LANGUAGE_STORAGE_KEY]: storedLang } : {},
  settings: defaultTemplate ? { [DEFAULT_TEMPLATE_SETTING]: defaultTemplate } : {},
});
