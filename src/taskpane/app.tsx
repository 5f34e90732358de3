// The task pane's UI (loaded on demand by ./index.ts, in its own chunk with React and Fluent UI). For now a
// minimal pane: the product name, how many templates the catalog has and the list of them; the working pane
// (choosing a template, generating scoring sheets) comes later.
import { createRoot } from "react-dom/client";
import {
  Body1,
  Caption1,
  FluentProvider,
  List,
  ListItem,
  makeStyles,
  Subtitle2,
  Title3,
  tokens,
  webDarkTheme,
  webLightTheme,
  type Theme,
} from "@fluentui/react-components";
import type { Lang, Template } from "../catalog/types";
import { catalog } from "../functions/state";
import { paneText } from "./strings";

const useStyles = makeStyles({
  pane: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  list: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  detail: {
    color: tokens.colorNeutralForeground3,
  },
});

function indicatorCount(template: Template): number {
  return template.sections.reduce((n, section) => n + section.indicators.length, 0);
}

function TemplateList({ templates, lang }: { templates: readonly Template[]; lang: Lang }) {
  const styles = useStyles();
  return (
    <List className={styles.list}>
      {templates.map((template) => (
        <ListItem key={template.id} className={styles.item}>
          <Subtitle2>{template.name[lang]}</Subtitle2>
          <Caption1 className={styles.detail}>
            {paneText(lang, "indicator_count", { count: indicatorCount(template) })}
            {template.source ? ` · ${template.source[lang]}` : ""}
          </Caption1>
        </ListItem>
      ))}
    </List>
  );
}

export function Pane({ templates, lang }: { templates: readonly Template[]; lang: Lang }) {
  const styles = useStyles();
  return (
    <main className={styles.pane} lang={lang === "zh" ? "zh-CN" : "en"}>
      <Title3 as="h1">{paneText(lang, "product_name")}</Title3>
      <Body1>{paneText(lang, "template_count", { count: templates.length })}</Body1>
      <TemplateList templates={templates} lang={lang} />
    </main>
  );
}

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

/** Renders the pane into `root`, with the shared catalog's templates. */
export function renderPane(root: HTMLElement, lang: Lang): void {
  createRoot(root).render(
    <FluentProvider theme={themeFromOffice()}>
      <Pane templates={catalog().templates} lang={lang} />
    </FluentProvider>,
  );
}
