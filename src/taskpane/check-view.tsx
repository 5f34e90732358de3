// 检查 Check: the problem inputs of the assessment on the active sheet (blank, not a number, out of range, a level
// score outside its level), in the engine's words; an item selects its cell; a switch turns the sheet's own
// highlighting of invalid inputs on and off.
import { useState } from "react";
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Switch,
  tokens,
} from "@fluentui/react-components";
import type { IssueKind } from "../excel/input-check";
import { ErrorBar } from "./error-bar";
import { useText } from "./lang";
import type { MessageKey } from "./messages";
import { useServices, type CheckReport } from "./services";
import { useAction } from "./use-action";

/** Items listed at most; the rest are counted. */
const LIST_LIMIT = 100;

const KIND_KEY: Record<IssueKind, MessageKey> = {
  blank: "issue_blank",
  not_number: "issue_not_number",
  out_of_range: "issue_out_of_range",
  level: "issue_level",
};

const KIND_COLOR: Record<IssueKind, "informative" | "warning" | "danger"> = {
  blank: "informative",
  not_number: "danger",
  out_of_range: "danger",
  level: "warning",
};

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
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
  head: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  text: { overflowWrap: "anywhere" },
});

export function CheckView() {
  const { lang, t } = useText();
  const styles = useStyles();
  const services = useServices();
  const [highlight, setHighlight] = useState<boolean | null>(null);
  const check = useAction(async (): Promise<CheckReport> => {
    const report = await services.checkActiveSheet();
    setHighlight(report.highlight ? report.highlight.on : null);
    return report;
  });
  const select = useAction(services.selectCell);
  const toggle = useAction(async (name: string, on: boolean) => {
    setHighlight(on);
    try {
      await services.setHighlight(name, on);
    } catch (e) {
      setHighlight(!on);
      throw e;
    }
  });
  const report = check.result;
  const templates = report?.assessments.map((a) => a.template.name[lang]).join(lang === "zh" ? "、" : ", ") ?? "";

  return (
    <div className={styles.view}>
      <Caption1 className={styles.muted}>{t("check_hint")}</Caption1>
      <Button appearance="primary" disabled={check.busy} onClick={() => void check.run()}>
        {t("check_button")}
      </Button>
      {check.busy ? <Spinner size="tiny" label={t("working")} /> : null}
      {check.error ? <ErrorBar error={check.error} /> : null}
      {report && !check.busy ? (
        <>
          {report.highlight ? (
            <Switch
              label={t("highlight_label")}
              checked={highlight === true}
              disabled={toggle.busy}
              onChange={(_e, d) => void toggle.run(report.highlight!.name, d.checked)}
            />
          ) : (
            <Caption1 className={styles.muted}>{t("highlight_missing")}</Caption1>
          )}
          {toggle.error ? <ErrorBar error={toggle.error} /> : null}
          {report.issues.length === 0 ? (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>{t("check_clean", { sheet: report.sheet, template: templates })}</MessageBarBody>
            </MessageBar>
          ) : (
            <Body1 aria-live="polite" className={styles.text}>
              {t("check_summary", { sheet: report.sheet, template: templates, count: report.issues.length })}
            </Body1>
          )}
          {select.error ? <ErrorBar error={select.error} /> : null}
          <ul className={styles.list} aria-label={t("tab_check")}>
            {report.issues.slice(0, LIST_LIMIT).map((issue) => (
              <li key={`${issue.sheet}!${issue.address}`} className={styles.item}>
                <div className={styles.head}>
                  <Link
                    as="button"
                    aria-label={t("issue_select", { address: issue.address })}
                    onClick={() => void select.run(issue.sheet, issue.address)}
                  >
                    {issue.address}
                  </Link>
                  <Badge appearance="tint" color={KIND_COLOR[issue.kind]}>
                    {t(KIND_KEY[issue.kind])}
                  </Badge>
                  <Caption1 className={styles.text}>
                    {issue.employee ? `${issue.employee} · ` : ""}
                    {issue.rule[lang]}
                    {issue.input[lang] !== issue.rule[lang] ? `·${issue.input[lang]}` : ""}
                    {issue.rater === "self" ? t("issue_self") : ""}
                  </Caption1>
                </div>
                <Caption1 className={styles.text}>{issue.message[lang]}</Caption1>
              </li>
            ))}
          </ul>
          {report.issues.length > LIST_LIMIT ? (
            <Caption1>{t("issue_more", { count: report.issues.length - LIST_LIMIT })}</Caption1>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
