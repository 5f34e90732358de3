// Every failure the pane shows: a MessageBar saying what happened and what to do, in the pane's language.
// Excel's refusals (ExcelWriteError) bring their own text; the pane's own (PaneServiceError) are worded here.
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import type { Lang } from "../catalog/types";
import { isExcelWriteError } from "../excel/errors";
import type { ExcelErrorCode } from "../excel/messages";
import { isPaneServiceError } from "../excel/pane-errors";
import type { MessageKey } from "./messages";
import { useText } from "./lang";
import { uiText } from "./messages";

/** What to do, for the Excel errors whose own text does not say it. */
const HINTS: Partial<Record<ExcelErrorCode, MessageKey>> = {
  name_taken: "hint_name_taken",
  invalid_name: "hint_invalid_name",
  invalid_argument: "hint_retry",
  excel_failed: "hint_retry",
  unexpected: "hint_retry",
  too_large: "hint_too_large",
  timeout: "hint_timeout",
};

export interface ErrorText {
  code: string;
  title: string;
  body: string;
  hint?: string;
}

/** The title, text and advice for anything a service threw. */
export function describeError(error: unknown, lang: Lang): ErrorText {
  if (isExcelWriteError(error)) {
    const hint = HINTS[error.code];
    return {
      code: error.code,
      title: uiText(lang, error.code === "timeout" ? "title_timeout" : "title_excel"),
      body: error.text(lang),
      hint: hint && uiText(lang, hint),
    };
  }
  if (isPaneServiceError(error)) {
    return {
      code: error.code,
      title: uiText(lang, "title_pane"),
      body: uiText(lang, `err_${error.code}` as MessageKey, error.params),
    };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { code: "unexpected", title: uiText(lang, "title_excel"), body: uiText(lang, "err_unexpected", { detail }) };
}

const useStyles = makeStyles({
  hint: { marginTop: tokens.spacingVerticalXS },
  body: { overflowWrap: "anywhere" },
});

/** An error as a MessageBar: a title saying what happened, Excel's or the pane's text, and what to do. */
export function ErrorBar({
  error,
  intent = "error",
  lead,
}: {
  error: unknown;
  intent?: "error" | "warning";
  /** What the pane did manage, said before the error (a warning after a success). */
  lead?: string;
}) {
  const { lang } = useText();
  const styles = useStyles();
  const text = describeError(error, lang);
  return (
    <MessageBar intent={intent} layout="multiline" data-error-code={text.code}>
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{text.title}</MessageBarTitle>
        {lead ? <div>{lead}</div> : null}
        {text.body}
        {text.hint ? <div className={styles.hint}>{text.hint}</div> : null}
      </MessageBarBody>
    </MessageBar>
  );
}
