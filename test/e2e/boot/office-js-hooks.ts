// The first part of the e2e shim's script, run right after the npm package's office.js (same script) and before
// the fake host is installed. Real office.js outside Office does three things the e2e run must not let through:
//
// - Office.onReady resolves with { host: null, platform: null } and Office.context has no displayLanguage,
//   document or requirements: the pane would get no language, no settings and no Excel. The fake host replaces
//   the global Office (fake-excel-boot.ts), and office.js keeps its own namespace at Microsoft.Office.WebExtension.
// - When o15apptofilemappingtable.js arrives (office.js loads it asynchronously, so it runs after the fake host
//   is installed), it calls OSF.NamespaceManager.enableShortcut(), which sets window.Office back to
//   Microsoft.Office.WebExtension: the fake Office would be lost, at a moment that depends on the network. The
//   hook below makes that call keep the fake (window.Office is a non-configurable `var` of office.js, so it
//   cannot be guarded itself; OSF is a plain object).
// - The same file creates a ULS logger whose constructor loads an iframe from
//   https://telemetryservice.firstpartyapps.oaspapps.com/ three seconds later. The hook replaces that logger's
//   loadProxyFrame, so no request leaves the machine; buffered log lines are simply never sent.
//
// What happened is recorded on window.__kpiE2E for the test to assert on.

export interface OfficeJsReport {
  /** office.js ran before this script: OSF and Microsoft.Office.WebExtension exist. */
  officeJsLoaded: boolean;
  /** o15apptofilemappingtable.js ran (its NamespaceManager and logger were defined). */
  mappingTableLoaded: boolean;
  /** enableShortcut() calls that would have replaced the fake Office. */
  shortcutCallsKept: number;
  /** Telemetry iframes (ULS proxy frame) office.js tried to load. */
  telemetryFramesBlocked: number;
  /** What office.js's own Office.onReady resolved with (outside Office: host and platform null). */
  officeJsReady?: { host: unknown; platform: unknown };
  /** Ids passed to CustomFunctions.associate, in order, as functions.js passed them. */
  associated: string[];
}

interface Osf {
  NamespaceManager?: { enableShortcut(): void; disableShortcut(): void };
  Logger?: Record<string, unknown>;
}

interface E2EWindow {
  OSF?: Osf;
  Microsoft?: { Office?: { WebExtension?: { onReady?: () => PromiseLike<{ host: unknown; platform: unknown }> } } };
  __kpiE2E?: OfficeJsReport;
}

const w = window as unknown as E2EWindow;
const report: OfficeJsReport = {
  officeJsLoaded: typeof w.OSF === "object" && typeof w.Microsoft?.Office?.WebExtension === "object",
  mappingTableLoaded: false,
  shortcutCallsKept: 0,
  telemetryFramesBlocked: 0,
  associated: [],
};
w.__kpiE2E = report;

/** Defines `name` on `target` so that assigning it hands the value to `seen` first. */
function onAssign<T>(target: object, name: string, seen: (value: T) => void): void {
  let current: T | undefined;
  Object.defineProperty(target, name, {
    configurable: true,
    enumerable: true,
    get: () => current,
    set: (value: T) => {
      current = value;
      if (value) seen(value);
    },
  });
}

const osf = w.OSF;
if (osf) {
  onAssign<NonNullable<Osf["NamespaceManager"]>>(osf, "NamespaceManager", (manager) => {
    report.mappingTableLoaded = true;
    manager.enableShortcut = () => {
      report.shortcutCallsKept++;
    };
  });
  // The mapping table runs `if (!OSF.Logger) OSF.Logger = Logger; Logger.ulsEndpoint = new UlsEndpoint()`.
  onAssign<Record<string, unknown>>(osf, "Logger", (logger) => {
    onAssign<{ loadProxyFrame?: () => void }>(logger, "ulsEndpoint", (endpoint) => {
      endpoint.loadProxyFrame = () => {
        report.telemetryFramesBlocked++;
      };
    });
  });
}

// office.js's own view of the page, kept for the test: outside Office it reports no host.
void w.Microsoft?.Office?.WebExtension?.onReady?.()?.then((info) => {
  report.officeJsReady = { host: info?.host ?? null, platform: info?.platform ?? null };
});
