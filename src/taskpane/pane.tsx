// The pane's shell: the title, the language switch and the five views (模板库, 生成, 应用到现有表, 检查, 解释) as a Fluent
// TabList. A view is mounted when first shown and stays mounted while hidden, so switching tabs keeps what was
// typed or found.
import { useEffect, useState } from "react";
import { makeStyles, Select, Tab, TabList, Title3, tokens } from "@fluentui/react-components";
import type { Lang, Template } from "../catalog/types";
import { setLanguageOverride } from "../functions/state";
import { ApplyView } from "./apply-view";
import { CatalogView } from "./catalog-view";
import { CheckView } from "./check-view";
import { ErrorBar } from "./error-bar";
import { ExplainView } from "./explain-view";
import { GenerateView } from "./generate-view";
import { LangProvider } from "./lang";
import { uiText } from "./messages";
import { ServicesProvider, type PaneServices } from "./services";

export type ViewName = "catalog" | "generate" | "apply" | "check" | "explain";

const VIEWS: ViewName[] = ["catalog", "generate", "apply", "check", "explain"];

const useStyles = makeStyles({
  pane: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minHeight: "100vh",
    boxSizing: "border-box",
    minWidth: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
  },
  title: { minWidth: 0, overflowWrap: "anywhere", margin: 0 },
  language: { flexShrink: 0, width: "auto" },
  tabs: { flexWrap: "wrap" },
});

export interface PaneAppProps {
  services: PaneServices;
  templates: readonly Template[];
  /** The language to start in: Office's display language (or the stored choice, once read). */
  initialLang: Lang;
  initialView?: ViewName;
}

export function PaneApp({ services, templates, initialLang, initialView = "catalog" }: PaneAppProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  const [view, setView] = useState<ViewName>(initialView);
  // A view is mounted when first shown, then kept (hidden) so what was typed or found stays.
  const [shown, setShown] = useState<ReadonlySet<ViewName>>(() => new Set([initialView]));
  const show = (next: ViewName) => {
    setView(next);
    setShown((seen) => (seen.has(next) ? seen : new Set([...seen, next])));
  };
  const [templateId, setTemplateId] = useState<string>(() => services.readDefaultTemplate() ?? templates[0]?.id ?? "");
  const [languageError, setLanguageError] = useState<unknown>(null);
  const t = (key: Parameters<typeof uiText>[1]) => uiText(lang, key);

  // The user's stored choice wins over Office's display language.
  useEffect(() => {
    let live = true;
    services
      .readLanguage()
      .then((stored) => {
        if (live && stored) {
          setLang(stored);
          setLanguageOverride(stored);
        }
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [services]);

  const switchLanguage = (next: Lang) => {
    setLang(next);
    setLanguageOverride(next);
    setLanguageError(null);
    services.saveLanguage(next).catch((e: unknown) => setLanguageError(e));
  };

  return (
    <ServicesProvider value={services}>
      <LangProvider lang={lang}>
        <main className={styles.pane} lang={lang === "zh" ? "zh-CN" : "en-US"}>
          <header className={styles.header}>
            <Title3 as="h1" className={styles.title}>
              {t("app_title")}
            </Title3>
            <Select
              className={styles.language}
              size="small"
              aria-label={`${uiText("zh", "language_label")} / ${uiText("en", "language_label")}`}
              value={lang}
              onChange={(_e, d) => switchLanguage(d.value as Lang)}
            >
              <option value="zh">{uiText(lang, "lang_zh")}</option>
              <option value="en">{uiText(lang, "lang_en")}</option>
            </Select>
          </header>
          {languageError ? <ErrorBar error={languageError} intent="warning" lead={t("language_not_saved")} /> : null}
          <TabList
            className={styles.tabs}
            size="small"
            selectedValue={view}
            onTabSelect={(_e, d) => show(d.value as ViewName)}
          >
            {VIEWS.map((v) => (
              <Tab key={v} id={`kpi-tab-${v}`} value={v} aria-controls={`kpi-panel-${v}`}>
                {t(`tab_${v}`)}
              </Tab>
            ))}
          </TabList>
          {VIEWS.map((v) => (
            <div key={v} id={`kpi-panel-${v}`} role="tabpanel" aria-labelledby={`kpi-tab-${v}`} hidden={view !== v}>
              {!shown.has(v) ? null : v === "catalog" ? (
                <CatalogView
                  templates={templates}
                  onGenerate={(id) => {
                    setTemplateId(id);
                    show("generate");
                  }}
                />
              ) : v === "generate" ? (
                <GenerateView templates={templates} templateId={templateId} onTemplateChange={setTemplateId} />
              ) : v === "apply" ? (
                <ApplyView templates={templates} templateId={templateId} onTemplateChange={setTemplateId} />
              ) : v === "check" ? (
                <CheckView />
              ) : (
                <ExplainView />
              )}
            </div>
          ))}
        </main>
      </LangProvider>
    </ServicesProvider>
  );
}
