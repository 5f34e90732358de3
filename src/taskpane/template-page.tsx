// A template's page: sections, indicators with their weights (checked), criterion texts verbatim, each rule as a
// small table, adjustments, the grade scale and the notes on how the seed was read. One button inserts the rules
// sheet alone.
import {
  Body1,
  Button,
  Caption1,
  Divider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title3,
  tokens,
} from "@fluentui/react-components";
import type { Adjustment, Indicator, Template } from "../catalog/types";
import { displayNumber } from "../engine/round";
import { ErrorBar } from "./error-bar";
import { useText } from "./lang";
import { RuleTable, ruleSummary } from "./rule-table";
import { useServices } from "./services";
import { useAction } from "./use-action";
import { checkWeights } from "./weights";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  back: { alignSelf: "flex-start" },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  text: { overflowWrap: "anywhere", whiteSpace: "pre-wrap", margin: 0 },
  heading: { margin: 0 },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  rule: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  ruleHead: { display: "flex", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  cell: { overflowWrap: "anywhere", verticalAlign: "top" },
});

function WeightsCheckView({ template }: { template: Template }) {
  const { lang, t } = useText();
  const styles = useStyles();
  const check = checkWeights(template);
  const lines: Array<{ text: string; ok?: boolean }> = [];
  for (const s of check.sections) {
    if (s.sum === undefined) continue;
    const params = { section: s.name[lang], sum: displayNumber(s.sum), weight: displayNumber(s.weight ?? 0) };
    if (s.ok === undefined) lines.push({ text: t("weights_section_sum", params) });
    else lines.push({ text: t(s.ok ? "weights_section_ok" : "weights_section_bad", params), ok: s.ok });
  }
  if (check.total) {
    lines.push({
      text: t(check.total.ok ? "weights_total_ok" : "weights_total_bad", { sum: displayNumber(check.total.sum) }),
      ok: check.total.ok,
    });
  }
  if (check.rowsTotal !== undefined)
    lines.push({ text: t("weights_rows_total", { sum: displayNumber(check.rowsTotal) }) });
  if (check.none) lines.push({ text: t("weights_none") });
  return (
    <section className={styles.section} aria-label={t("weights_title")}>
      <Subtitle2 as="h3" className={styles.heading}>
        {t("weights_title")}
      </Subtitle2>
      <ul className={styles.list}>
        {lines.map((line, i) => (
          <li key={i}>
            <Body1 className={line.ok === undefined ? undefined : line.ok ? styles.ok : styles.bad}>{line.text}</Body1>
          </li>
        ))}
      </ul>
    </section>
  );
}

function RuleBlock({ rule }: { rule: Indicator | Adjustment }) {
  const { lang, t, colon } = useText();
  const styles = useStyles();
  const ctx = { name: rule.name, inputs: rule.inputs, lang };
  const weight = "weight" in rule ? rule.weight : undefined;
  return (
    <article className={styles.rule} aria-label={rule.name[lang]}>
      <div className={styles.ruleHead}>
        <Subtitle2 as="h4" className={styles.text}>
          {rule.name[lang]}
        </Subtitle2>
        {weight !== undefined ? <Caption1>{t("weight_value", { weight: displayNumber(weight) })}</Caption1> : null}
      </div>
      {rule.criterion ? (
        <Body1 className={styles.text}>
          <Text weight="semibold">
            {t("criterion_label")}
            {colon}
          </Text>
          {rule.criterion[lang]}
        </Body1>
      ) : null}
      <Caption1 className={styles.muted}>
        {t("scoring_label")}
        {colon}
        {ruleSummary(rule.rule, ctx, lang)}
      </Caption1>
      <RuleTable rule={rule.rule} name={rule.name} ctx={ctx} />
      {rule.inputs.map((input) => (
        <Caption1 key={input.id} className={styles.muted}>
          {t("input_label")} · {input.label[lang]}
          {colon}
          {input.prompt[lang]}
        </Caption1>
      ))}
    </article>
  );
}

function GradeScale({ template }: { template: Template }) {
  const { lang, t } = useText();
  const styles = useStyles();
  if (!template.grades) return null;
  return (
    <section className={styles.section}>
      <Subtitle2 as="h3" className={styles.heading}>
        {t("grades_title")}
      </Subtitle2>
      <Table size="extra-small" aria-label={t("grade_table_caption")}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t("grade_col_code")}</TableHeaderCell>
            <TableHeaderCell>{t("grade_col_label")}</TableHeaderCell>
            <TableHeaderCell>{t("grade_col_range")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {template.grades.grades.map((g) => (
            <TableRow key={g.code}>
              <TableCell className={styles.cell}>{g.code}</TableCell>
              <TableCell className={styles.cell}>{g.label[lang]}</TableCell>
              <TableCell className={styles.cell}>{g.range[lang]}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}

/** The notes, as the rules sheet lists them: the template's, each section's, each row's (named). */
function notesOf(template: Template, lang: "zh" | "en"): string[] {
  const sep = lang === "zh" ? ":" : ": ";
  return [
    ...(template.notes ?? []).map((n) => n[lang]),
    ...template.sections.flatMap((s) => [
      ...(s.notes ?? []).map((n) => `${s.name[lang]}${sep}${n[lang]}`),
      ...s.indicators.flatMap((i) => (i.notes ?? []).map((n) => `${i.name[lang]}${sep}${n[lang]}`)),
    ]),
    ...(template.adjustments ?? []).flatMap((a) => (a.notes ?? []).map((n) => `${a.name[lang]}${sep}${n[lang]}`)),
  ];
}

export function TemplatePage({
  template,
  onBack,
  onGenerate,
}: {
  template: Template;
  onBack: () => void;
  onGenerate: () => void;
}) {
  const { lang, t, colon } = useText();
  const styles = useStyles();
  const services = useServices();
  const insert = useAction(services.insertRulesSheet);
  const notes = notesOf(template, lang);
  const percent = (x: number) => `${displayNumber(x * 100)}%`;
  return (
    <div className={styles.page}>
      <Button appearance="transparent" className={styles.back} onClick={onBack}>
        {t("back")}
      </Button>
      <Title3 as="h2" className={styles.text}>
        {template.name[lang]}
      </Title3>
      <Caption1 className={styles.muted}>
        {t("source_label")}
        {colon}
        {template.source?.[lang] ?? ""}
      </Caption1>
      <Body1>
        {template.scoring.mode === "weighted"
          ? t("scoring_weighted", { scale: template.scoring.scale ?? 100 })
          : t("scoring_points")}
        {template.raters
          ? ` ${t("raters_line", { sup: percent(template.raters.supervisor), self: percent(template.raters.self) })}`
          : ""}
      </Body1>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onGenerate}>
          {t("use_template")}
        </Button>
        <Button disabled={insert.busy} onClick={() => void insert.run(template.id, lang)}>
          {t("insert_rules")}
        </Button>
      </div>
      {insert.busy ? <Spinner size="tiny" label={t("working")} /> : null}
      {insert.error ? <ErrorBar error={insert.error} /> : null}
      {insert.result ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{t("insert_rules_done", { sheet: insert.result.sheets[0]?.name ?? "" })}</MessageBarBody>
        </MessageBar>
      ) : null}
      <WeightsCheckView template={template} />
      {template.sections.map((section) => (
        <section key={section.id} className={styles.section} aria-label={section.name[lang]}>
          <Divider />
          <Subtitle1 as="h3" className={styles.text}>
            {section.name[lang]}
            {section.weight !== undefined ? `${lang === "zh" ? "" : " "}(${displayNumber(section.weight)}%)` : ""}
          </Subtitle1>
          {section.indicators.map((indicator) => (
            <RuleBlock key={indicator.id} rule={indicator} />
          ))}
        </section>
      ))}
      {template.adjustments?.length ? (
        <section className={styles.section} aria-label={t("adjustments_title")}>
          <Divider />
          <Subtitle1 as="h3" className={styles.heading}>
            {t("adjustments_title")}
          </Subtitle1>
          {template.adjustments.map((adjustment) => (
            <RuleBlock key={adjustment.id} rule={adjustment} />
          ))}
        </section>
      ) : null}
      <GradeScale template={template} />
      {notes.length ? (
        <section className={styles.section} aria-label={t("notes_title")}>
          <Subtitle2 as="h3" className={styles.heading}>
            {t("notes_title")}
          </Subtitle2>
          <ul className={styles.list}>
            {notes.map((note, i) => (
              <li key={i}>
                <Caption1 className={styles.text}>{note}</Caption1>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
