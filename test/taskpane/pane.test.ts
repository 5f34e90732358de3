// The minimal task pane (src/taskpane/app.tsx), rendered to HTML without Office or a browser.
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { Pane, themeFromOffice } from "../../src/taskpane/app";
import { paneText } from "../../src/taskpane/strings";
import { catalog } from "../../src/functions/state";
import type { Lang } from "../../src/catalog/types";

function render(lang: Lang): string {
  const templates = catalog().templates;
  return renderToString(
    createElement(FluentProvider, { theme: webLightTheme }, createElement(Pane, { templates, lang })),
  );
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Office;
});

test("shows the product name, how many templates there are and each template's Chinese name", () => {
  const html = render("zh");
  expect(html).toContain("绩效考核助手 / KPI Scorecards");
  expect(html).toContain(`内置 ${catalog().templates.length} 个考核模板。`);
  for (const t of catalog().templates) expect(html).toContain(t.name.zh);
  expect(html).toContain("售前技术支持工程师岗位绩效考核指标(KPI)");
});

test("speaks English when Office's display language is not Chinese", () => {
  const html = render("en");
  expect(html).toContain(`${catalog().templates.length} built-in assessment templates.`);
  expect(html).toContain("Pre-sales Technical Support Engineer KPIs");
  expect(html).not.toContain("个考核模板");
});

test("fills the count of indicators per template", () => {
  expect(paneText("zh", "indicator_count", { count: 6 })).toBe("6 项指标");
  expect(paneText("en", "indicator_count", { count: 6 })).toBe("6 indicators");
});

test("follows Office's theme: dark body background, dark theme; otherwise light", () => {
  expect(themeFromOffice()).toBe(webLightTheme);
  (globalThis as Record<string, unknown>).Office = { context: { officeTheme: { bodyBackgroundColor: "#262626" } } };
  expect(themeFromOffice()).toBe(webDarkTheme);
  (globalThis as Record<string, unknown>).Office = { context: { officeTheme: { bodyBackgroundColor: "#FFFFFF" } } };
  expect(themeFromOffice()).toBe(webLightTheme);
  (globalThis as Record<string, unknown>).Office = { context: {} };
  expect(themeFromOffice()).toBe(webLightTheme);
});
