// 解释 Explain: select a score cell on a generated or applied sheet (either formula mode) and see which rule, band
// or level produced it and why. The service finds the rule from the sheet's own marker and scores the row's
// inputs with the engine; the view shows the result in the pane's language.
import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import { displayNumber } from "../engine/round";
import { ErrorBar } from "./error-bar";
import { useText } from "./lang";
import { useServices } from "./services";
import { useAction } from "./use-action";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: "anywhere" },
  points: {
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
  },
});

export function ExplainView() {
  const { lang, t } = useText();
  const styles = useStyles();
  const services = useServices();
  const explain = useAction(services.explainSelection);
  const e = explain.result;
  const sep = lang === "zh" ? "、" : ", ";
  const colon = lang === "zh" ? ":" : ": ";

  return (
    <div className={styles.view}>
      <Caption1 className={styles.muted}>{t("explain_hint")}</Caption1>
      <Button appearance="primary" disabled={explain.busy} onClick={() => void explain.run()}>
        {t("explain_button")}
      </Button>
      {explain.busy ? <Spinner size="tiny" label={t("working")} /> : null}
      {explain.error ? <ErrorBar error={explain.error} /> : null}
      {e && !explain.busy ? (
        <section className={styles.card} aria-label={e.rule.name[lang]}>
          <Subtitle2 as="h3" className={styles.value}>
            {e.rule.name[lang]}
          </Subtitle2>
          <Caption1 className={styles.muted}>
            {e.sheet}!{e.address}
          </Caption1>
          {!e.onScore ? <Caption1>{t("explain_from_input", { address: e.address })}</Caption1> : null}
          <Text className={styles.points} aria-label={t("explain_points")}>
            {e.points === null ? t("explain_no_points") : displayNumber(e.points)}
          </Text>
          {e.problem ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t("explain_problem")}</MessageBarTitle>
                {e.problem[lang]}
              </MessageBarBody>
            </MessageBar>
          ) : null}
          <dl className={styles.facts}>
            {e.problem ? null : (
              <>
                <dt className={styles.term}>{t("explain_why")}</dt>
                <dd className={styles.value}>
                  <Body1>{e.why[lang]}</Body1>
                </dd>
              </>
            )}
            {e.applied ? (
              <>
                <dt className={styles.term}>{t("explain_applied")}</dt>
                <dd className={styles.value}>{e.applied[lang]}</dd>
              </>
            ) : null}
            <dt className={styles.term}>{t("explain_inputs")}</dt>
            <dd className={styles.value}>
              {e.inputs
                .map((i) => {
                  const who =
                    i.rater === "self"
                      ? `${t("rater_self")} `
                      : i.rater === "supervisor"
                        ? `${t("rater_supervisor")} `
                        : "";
                  return `${who}${i.label[lang]} (${i.address})${colon}${i.shown === "" ? t("explain_blank_value") : i.shown}`;
                })
                .join(sep)}
            </dd>
            {e.employee ? (
              <>
                <dt className={styles.term}>{t("explain_employee")}</dt>
                <dd className={styles.value}>{e.employee}</dd>
              </>
            ) : null}
            <dt className={styles.term}>{t("explain_template")}</dt>
            <dd className={styles.value}>{e.template.name[lang]}</dd>
            <dt className={styles.term}>{t("explain_scoring")}</dt>
            <dd className={styles.value}>{e.rule.summary[lang]}</dd>
          </dl>
        </section>
      ) : null}
    </div>
  );
}
