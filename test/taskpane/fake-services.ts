// Fake services for the pane's component tests: every PaneServices member a jest mock with a harmless default,
// and a render helper that mounts the pane as renderPane does (FluentProvider, the shared catalog).
import { createElement } from "react";
import { render, type RenderResult } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { attachDetails } from "../../src/catalog/details";
import type { Lang } from "../../src/catalog/types";
import { previewApply } from "../../src/excel/apply";
import { catalog } from "../../src/functions/state";
import { PaneApp, type ViewName } from "../../src/taskpane/pane";
import type { PaneServices } from "../../src/taskpane/services";

export type FakeServices = {
  [K in keyof PaneServices]: jest.Mock<ReturnType<PaneServices[K]>, Parameters<PaneServices[K]>>;
};

export function fakeServices(overrides: Partial<PaneServices> = {}): FakeServices {
  const services: PaneServices = {
    readSelectedStaff: () => Promise.resolve({ employees: [], header: false, problems: [], address: "Sheet1!A1" }),
    generate: () => Promise.resolve({ sheets: [] }),
    insertRulesSheet: () => Promise.resolve({ sheets: [{ name: "考核规则", kind: "rules" }] }),
    addEmployees: () => Promise.resolve({ sheet: "团队汇总", filled: 0, added: 0, skipped: [] }),
    activateSheet: () => Promise.resolve(),
    checkActiveSheet: () => Promise.resolve({ sheet: "Sheet1", assessments: [], issues: [] }),
    selectCell: () => Promise.resolve(),
    setHighlight: () => Promise.resolve(),
    explainSelection: () => Promise.reject(new Error("no explanation set up")),
    readLanguage: () => Promise.resolve(null),
    saveLanguage: () => Promise.resolve(),
    readDefaultTemplate: () => null,
    saveDefaultTemplate: () => Promise.resolve(),
    readSheetForApply: () => Promise.reject(new Error("no sheet set up")),
    // The real planner (pure): tests hand in a sheet and see what the pane makes of it.
    previewApply: (sheet, template, choices) => previewApply(sheet, template, choices),
    applyToSheet: () => Promise.reject(new Error("no apply set up")),
    removeApplied: () =>
      Promise.resolve({
        sheet: "Sheet1",
        cleared: 0,
        overrides: [],
        warnings: [],
        syncs: 0,
        requestBytes: [],
        responseBytes: 0,
      }),
    ...overrides,
  };
  return Object.fromEntries(
    Object.entries(services).map(([k, f]) => [k, jest.fn(f as never)]),
  ) as unknown as FakeServices;
}

/** The pane as the user sees it, with the catalog's details attached as the entry attaches them. */
export function renderPane(
  services: PaneServices,
  options: { lang?: Lang; view?: ViewName } = {},
): RenderResult & { user: ReturnType<typeof userEvent.setup> } {
  attachDetails(catalog());
  const user = userEvent.setup({ delay: null });
  const result = render(
    createElement(
      FluentProvider,
      { theme: webLightTheme },
      createElement(PaneApp, {
        services,
        templates: catalog().templates,
        initialLang: options.lang ?? "zh",
        initialView: options.view,
      }),
    ),
  );
  return { ...result, user };
}
