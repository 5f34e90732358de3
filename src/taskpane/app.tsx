// The task pane's UI (loaded on demand by ./index.ts, in its own chunk with React and Fluent UI): the shell of
// pane.tsx in a FluentProvider whose theme follows Office's, wired to the real services (src/excel).
import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import type { Lang } from "../catalog/types";
import { createPaneServices } from "../excel/pane-services";
import { catalog } from "../functions/state";
import { PaneApp } from "./pane";
import type { PaneServices } from "./services";

/** Dark when Office's theme has a dark body background (Office.context.officeTheme, where the host offers it). */
export function themeFromOffice(): Theme {
  let background: string | undefined;
  try {
    background = typeof Office === "undefined" ? undefined : Office.context?.officeTheme?.bodyBackgroundColor;
  } catch {
    background = undefined;
  }
  const rgb = background && /^#?([0-9a-f]{6})$/i.exec(background.trim());
  if (!rgb) return webLightTheme;
  const n = parseInt(rgb[1], 16);
  const luminance = (0.2126 * ((n >> 16) & 255) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255)) / 255;
  return luminance < 0.5 ? webDarkTheme : webLightTheme;
}

/** Renders the pane into `root` with the shared catalog (details attached by ./index.ts) and `services`. */
export function renderPane(root: HTMLElement, lang: Lang, services: PaneServices = createPaneServices()): void {
  createRoot(root).render(
    <FluentProvider theme={themeFromOffice()}>
      <PaneApp services={services} templates={catalog().templates} initialLang={lang} />
    </FluentProvider>,
  );
}
