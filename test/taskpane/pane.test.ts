// The pane's shell (src/taskpane/pane.tsx, app.tsx), rendered to HTML without Office or a browser: the title,
// the four views as tabs, the language, and a theme that follows Office's.
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { themeFromOffice } from "../../src/taskpane/app";
import { PaneApp } from "../../src/taskpane/pane";
import { paneText } from "../../src/taskpane/strings";
import { uiText, MESSAGE_KEYS } from "../../src/taskpane/messages";
import { zh } from "../../src/taskpane/messages.zh";
import { en } from "../../src/taskpane/messages.en";
import { catalog } from "../../src/functions/state";
import type { Lang } from "../../src/catalog/types";
import { fakeServices } from "./fake-services";

function render(lang: Lang): string {
  return renderToString(
    createElement(
      FluentProvider,
      { theme: webLightTheme },
      createElement(PaneApp, { services: fakeServices(), templates: catalog().templates, initialLang: lang }),
    ),
  );
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Office;
});

test("shows the product name, the four views as tabs and every template in the catalog view", () => {
  const html = render("zh");
  expect(html).toContain("绩效考核助手");
  for (const tab of ["模板库", "生成", "检查", "解释"])
    expect(html).toMatch(new RegExp(`role="tab"[^>]*>(<[^>]*>)*${tab}<`));
  expect(html).toContain('role="tablist"');
  for (const t of catalog().templates) expect(html).toContain(t.name.zh);
});

test("speaks English when the pane's language is English", () => {
  const html = render("en");
  for (const tab of ["Catalog", "Generate", "Check", "Explain"])
    expect(html).toMatch(new RegExp(`role="tab"[^>]*>(<[^>]*>)*${tab}<`));
  expect(html).toContain("Pre-sales Technical Support Engineer KPIs");
  expect(html).not.toContain(">模板库<");
});

test("has every message in both languages, and fills placeholders", () => {
  expect(Object.keys(zh).sort()).toEqual([...MESSAGE_KEYS].sort());
  expect(Object.keys(en).sort()).toEqual([...MESSAGE_KEYS].sort());
  expect(uiText("zh", "search_count", { count: 3 })).toBe("3 个模板");
  expect(uiText("en", "indicator_count", { count: 6 })).toBe("6 indicators");
  expect(paneText("zh", "indicator_count", { count: 6 })).toBe("6 项指标");
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

test("styles use theme tokens only: no colour literal in the pane's components", () => {
  const fs = jest.requireActual<typeof import("node:fs")>("node:fs");
  const path = jest.requireActual<typeof import("node:path")>("node:path");
  const dir = path.resolve(__dirname, "../../src/taskpane");
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".tsx"))) {
    const text = fs.readFileSync(path.join(dir, file), "utf8");
    expect([file, text.match(/#[0-9a-f]{3,8}\b|rgba?\(/gi)]).toEqual([file, null]);
  }
});
