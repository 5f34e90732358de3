// 模板库 Catalog: search the templates (Chinese or English; template, indicator and alias names) and open one.
import { useMemo, useState } from "react";
import { Button, Caption1, makeStyles, SearchBox, Subtitle2, Text, tokens } from "@fluentui/react-components";
import type { Template } from "../catalog/types";
import { useText } from "./lang";
import { searchCatalog } from "./search";
import { TemplatePage } from "./template-page";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  list: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    listStyleType: "none",
    margin: 0,
    padding: 0,
  },
  hit: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    rowGap: tokens.spacingVerticalXXS,
    width: "100%",
    height: "auto",
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    textAlign: "start",
    justifyContent: "flex-start",
  },
  detail: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  name: { overflowWrap: "anywhere" },
});

function indicatorCount(template: Template): number {
  return template.sections.reduce((n, s) => n + s.indicators.length, 0);
}

export function CatalogView({
  templates,
  onGenerate,
}: {
  templates: readonly Template[];
  /** Opens the Generate view with this template. */
  onGenerate: (templateId: string) => void;
}) {
  const { lang, t } = useText();
  const styles = useStyles();
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState<string | null>(null);
  const hits = useMemo(() => searchCatalog(templates, query), [templates, query]);
  const template = open ? templates.find((x) => x.id === open) : undefined;

  if (template) {
    return <TemplatePage template={template} onBack={() => setOpen(null)} onGenerate={() => onGenerate(template.id)} />;
  }
  return (
    <div className={styles.view}>
      <SearchBox
        aria-label={t("search_label")}
        placeholder={t("search_placeholder")}
        value={query}
        onChange={(_e, data) => setQuery(data.value)}
      />
      <Caption1 aria-live="polite" className={styles.detail}>
        {hits.length ? t("search_count", { count: hits.length }) : t("search_none", { query })}
      </Caption1>
      <ul className={styles.list}>
        {hits.map((hit) => (
          <li key={hit.template.id}>
            <Button appearance="subtle" className={styles.hit} onClick={() => setOpen(hit.template.id)}>
              <Subtitle2 className={styles.name}>{hit.template.name[lang]}</Subtitle2>
              <Caption1 className={styles.detail}>
                {t("indicator_count", { count: indicatorCount(hit.template) })}
                {lang === "zh" ? ` · ${hit.template.name.en}` : ` · ${hit.template.name.zh}`}
              </Caption1>
              {hit.rules.length ? (
                <Text size={200} className={styles.detail}>
                  {t("matched_rules", {
                    names: hit.rules.map((f) => f.rule.name[lang]).join(lang === "zh" ? "、" : ", "),
                  })}
                </Text>
              ) : null}
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
