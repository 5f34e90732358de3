// 应用到现有表 Apply to my sheet: reads the sheet HR already has, shows how its headers map to the template's
// rules (each changeable in a select; fuzzy matches need a tick), previews the columns apply adds and what
// blocks them, applies (never overwriting), lists overrides and input problems with clickable cells, and removes
// the applied columns again. Detection, mapping and planning are src/apply's, reached through the services.
import { useMemo, useState } from "react";
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import type { Template } from "../catalog/types";
import { canWrite, columnLetter, coverage, slotsOf, type ApplyMessage, type MatchKind } from "../apply";
import { applyText } from "../apply/messages";
import { blockedText, isExcelApplyError } from "../excel/apply-errors";
import { inputHeader } from "../sheets/roster";
import { ErrorBar } from "./error-bar";
import { useText } from "./lang";
import type { MessageKey } from "./messages";
import { useServices, type ApplyChoices, type ApplyPreview, type SheetForApply } from "./services";
import { useAction } from "./use-action";

/** Cells listed at most in a list; the rest are counted. */
const LIST_LIMIT = 100;

const KIND_KEY: Record<MatchKind, MessageKey> = {
  exact: "apply_kind_exact",
  alias: "apply_kind_alias",
  synonym: "apply_kind_synonym",
  fuzzy: "apply_kind_fuzzy",
  manual: "apply_kind_manual",
};

const KIND_COLOR: Record<MatchKind, "success" | "brand" | "informative" | "warning"> = {
  exact: "success",
  alias: "brand",
  synonym: "informative",
  fuzzy: "warning",
  manual: "brand",
};

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  heading: { margin: 0 },
  text: { overflowWrap: "anywhere" },
  field: { minWidth: 0 },
  select: { minWidth: 0, maxWidth: "100%", width: "100%" },
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
    rowGap: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  head: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    minWidth: 0,
  },
  bullets: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  buttons: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

/** One row of the mapping table: a column of the sheet and the rule input it feeds (or none). */
interface MappingRow {
  col: number;
  header: string;
  /** The slot ref the column feeds now, or null. */
  slot: string | null;
  /** How it was matched, as shown: the detected kind, "manual" once changed, null when unmapped. */
  kind: MatchKind | null;
  score: number;
  confirmed: boolean;
}

/** A cell the person can jump to, with what is wrong there. */
interface CellNote {
  cell: string;
  text: string;
}

const COLUMN_LETTERS = /^[A-Za-z]{1,3}$/;

export interface ApplyViewProps {
  templates: readonly Template[];
  templateId: string;
  onTemplateChange(id: string): void;
}

export function ApplyView({ templates, templateId, onTemplateChange }: ApplyViewProps) {
  const { lang, t, colon } = useText();
  const styles = useStyles();
  const services = useServices();
  const template = templates.find((x) => x.id === templateId) ?? templates[0];

  const [useSelection, setUseSelection] = useState(false);
  const [sheet, setSheet] = useState<SheetForApply | null>(null);
  /** Columns the person mapped in a dropdown: slot ref, or null for "not mapped". */
  const [chosen, setChosen] = useState<ReadonlyMap<number, string | null>>(new Map());
  /** Fuzzy matches the person confirmed, by column. */
  const [confirmed, setConfirmed] = useState<ReadonlySet<number>>(new Set());
  const [at, setAt] = useState("");

  const apply = useAction(services.applyToSheet);
  const remove = useAction(services.removeApplied);
  const select = useAction(services.selectCell);

  const resetChoices = () => {
    setChosen(new Map());
    setConfirmed(new Set());
    apply.reset();
    remove.reset();
  };
  const read = useAction(async (selection: boolean) => {
    const result = await services.readSheetForApply(selection);
    setSheet(result);
    resetChoices();
    return result;
  });

  const atValid = at.trim() === "" || COLUMN_LETTERS.test(at.trim());
  const slots = useMemo(() => (template ? slotsOf(template) : []), [template]);
  const slotLabel = useMemo(() => {
    const labels = new Map<string, string>();
    for (const s of slots) labels.set(s.ref, inputHeader(s.found, s.index, s.rater, lang));
    return labels;
  }, [slots, lang]);

  /** The columns as the person decided them: changed in a dropdown, or fuzzy matches ticked. */
  const detected = useMemo(
    () => (sheet && template ? services.previewApply(sheet, template, { confirm: ["fuzzy"] }) : null),
    [services, sheet, template],
  );
  const choices = useMemo((): ApplyChoices => {
    const columns: NonNullable<ApplyChoices["columns"]> = [];
    const headers = new Map<number, string>();
    if (detected) {
      const { mapping } = detected.analysis;
      for (const m of [...mapping.matches, ...mapping.ignored]) headers.set(m.col, m.header);
      for (const [col, slot] of chosen) columns.push({ col, slot, header: headers.get(col) });
      for (const m of mapping.matches)
        if (m.kind === "fuzzy" && confirmed.has(m.col) && !chosen.has(m.col))
          columns.push({ col: m.col, slot: m.slot.ref, header: m.header });
    }
    return {
      columns,
      confirm: ["fuzzy"],
      at: atValid && at.trim() ? at.trim().toUpperCase() : undefined,
    };
  }, [detected, chosen, confirmed, at, atValid]);
  const preview: ApplyPreview | null = useMemo(
    () => (sheet && template ? services.previewApply(sheet, template, choices) : null),
    [services, sheet, template, choices],
  );

  const rows = useMemo((): MappingRow[] => {
    if (!preview || !detected) return [];
    const detectedKind = new Map(detected.analysis.mapping.matches.map((m) => [m.col, m]));
    const out: MappingRow[] = [];
    for (const m of preview.analysis.mapping.matches) {
      const first = detectedKind.get(m.col);
      const wasFuzzy = first?.kind === "fuzzy" && !chosen.has(m.col);
      out.push({
        col: m.col,
        header: m.header,
        slot: m.slot.ref,
        kind: wasFuzzy ? "fuzzy" : m.kind,
        score: wasFuzzy ? first.score : m.score,
        confirmed: confirmed.has(m.col),
      });
    }
    for (const i of preview.analysis.mapping.ignored) {
      if (i.reason === "name" || i.reason === "staff") continue;
      out.push({ col: i.col, header: i.header, slot: null, kind: null, score: 0, confirmed: false });
    }
    return out.sort((a, b) => a.col - b.col);
  }, [preview, detected, chosen, confirmed]);

  const unconfirmed = rows.filter((r) => r.kind === "fuzzy" && !r.confirmed).length;
  const plan = preview?.plan;
  const missing = useMemo(
    () => (template && preview ? coverage(template, preview.matches) : null),
    [template, preview],
  );
  const canApply =
    !!plan && canWrite(plan) && plan.columns.length > 0 && unconfirmed === 0 && atValid && !apply.busy && !remove.busy;
  const hasBlocks = !remove.result && ((preview?.analysis.blocks.length ?? 0) > 0 || !!apply.result);

  const choose = (col: number, slot: string | null) => {
    setChosen((old) => new Map(old).set(col, slot));
    apply.reset();
  };
  const confirm = (col: number, on: boolean) => {
    setConfirmed((old) => {
      const next = new Set(old);
      if (on) next.add(col);
      else next.delete(col);
      return next;
    });
    apply.reset();
  };
  const runApply = () => {
    if (!template) return;
    remove.reset();
    void apply.run({ template: template.id, useSelection, ...choices });
  };
  const runRemove = () => {
    apply.reset();
    void remove.run();
  };

  const messages = (list: readonly ApplyMessage[]) => list.map((m) => applyText(lang, m));
  const headerOf = (col: number): string => {
    if (!plan?.rows) return "";
    const cells = plan.cells.filter(
      (c) => c.col === col && c.row >= plan.rows!.headTop && c.row <= plan.rows!.headBottom && c.value != null,
    );
    return cells.map((c) => String(c.value)).join(" · ");
  };
  const sheetName = sheet?.grid.name ?? "";
  const detection = preview?.analysis.detection;

  const cellList = (label: string, notes: CellNote[], sheetOf: string) => (
    <div className={styles.section}>
      <Subtitle2 as="h3" className={styles.heading}>
        {label}
      </Subtitle2>
      <ul className={styles.list} aria-label={label}>
        {notes.slice(0, LIST_LIMIT).map((n) => (
          <li key={`${n.cell}:${n.text}`} className={styles.item}>
            <div className={styles.head}>
              <Link
                as="button"
                aria-label={t("issue_select", { address: n.cell })}
                onClick={() => void select.run(sheetOf, n.cell)}
              >
                {n.cell}
              </Link>
              <Caption1 className={styles.text}>{n.text}</Caption1>
            </div>
          </li>
        ))}
      </ul>
      {notes.length > LIST_LIMIT ? <Caption1>{t("issue_more", { count: notes.length - LIST_LIMIT })}</Caption1> : null}
    </div>
  );

  const problemNotes = (list: NonNullable<typeof plan>["problems"]): CellNote[] =>
    list.map((p) => ({
      cell: p.cell,
      text: `${slotLabel.get(p.slot) ?? p.slot}${colon}${applyText(lang, p.message)}`,
    }));

  const applyError = apply.error;
  const problems = apply.result ? apply.result.problems : (plan?.problems ?? []);

  return (
    <div className={styles.view}>
      <Caption1 className={styles.muted}>{t("apply_hint")}</Caption1>
      <Field label={t("template_label")} className={styles.field}>
        <Select
          className={styles.select}
          value={template?.id ?? ""}
          onChange={(_e, d) => {
            onTemplateChange(d.value);
            resetChoices();
          }}
        >
          {templates.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name[lang]}
            </option>
          ))}
        </Select>
      </Field>
      <Checkbox
        label={t("apply_selection")}
        checked={useSelection}
        onChange={(_e, d) => setUseSelection(d.checked === true)}
      />
      <Button appearance="secondary" disabled={read.busy} onClick={() => void read.run(useSelection)}>
        {t("apply_read")}
      </Button>
      {read.busy ? <Spinner size="tiny" label={t("working")} /> : null}
      {read.error ? <ErrorBar error={read.error} /> : null}

      {preview && plan && !read.busy ? (
        <>
          {detection && detection.roster && detection.dataRows.length ? (
            <Body1 className={styles.text}>
              {t("apply_found", {
                sheet: sheetName,
                header: detection.header.bottom,
                count: detection.dataRows.length,
                first: detection.firstDataRow,
                last: detection.lastDataRow,
              })}
            </Body1>
          ) : null}

          {plan.refusals.length ? (
            <MessageBar intent="error" layout="multiline" data-testid="apply-refused">
              <MessageBarBody className={styles.text}>
                <MessageBarTitle>{t("apply_refused_title")}</MessageBarTitle>
                {messages(plan.refusals).map((m) => (
                  <div key={m}>{m}</div>
                ))}
              </MessageBarBody>
            </MessageBar>
          ) : null}

          <section className={styles.section} aria-labelledby="kpi-apply-mapping">
            <Subtitle2 as="h3" id="kpi-apply-mapping" className={styles.heading}>
              {t("apply_mapping_title")}
            </Subtitle2>
            {rows.length === 0 ? <Caption1 className={styles.muted}>{t("apply_mapping_none")}</Caption1> : null}
            <ul className={styles.list} aria-label={t("apply_mapping_title")}>
              {rows.map((row) => {
                const letter = columnLetter(row.col);
                const ruleText = row.slot ? (slotLabel.get(row.slot) ?? row.slot) : t("apply_unmapped_option");
                return (
                  <li key={row.col} className={styles.item} data-column={letter}>
                    <div className={styles.head}>
                      <Body1 className={styles.text}>
                        {letter} · {row.header}
                      </Body1>
                      <Badge appearance="tint" color={row.kind ? KIND_COLOR[row.kind] : "subtle"}>
                        {row.kind
                          ? t(KIND_KEY[row.kind], { score: Math.round(row.score * 100) })
                          : t("apply_kind_none")}
                      </Badge>
                    </div>
                    <Select
                      className={styles.select}
                      size="small"
                      aria-label={t("apply_rule_label", { header: row.header, column: letter })}
                      value={row.slot ?? ""}
                      onChange={(_e, d) => choose(row.col, d.value ? d.value : null)}
                    >
                      <option value="">{t("apply_unmapped_option")}</option>
                      {slots.map((s) => (
                        <option key={s.ref} value={s.ref}>
                          {slotLabel.get(s.ref) ?? s.ref}
                        </option>
                      ))}
                    </Select>
                    {row.kind === "fuzzy" ? (
                      <Checkbox
                        label={t("apply_confirm", { header: row.header, rule: ruleText })}
                        checked={row.confirmed}
                        onChange={(_e, d) => confirm(row.col, d.checked === true)}
                      />
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </section>

          {missing &&
          (missing.missingIndicators.length || missing.missingAdjustments.length || missing.zeroInputs.length) ? (
            <section className={styles.section} aria-labelledby="kpi-apply-unmapped">
              <Subtitle2 as="h3" id="kpi-apply-unmapped" className={styles.heading}>
                {t("apply_unmapped_title")}
              </Subtitle2>
              <ul className={styles.bullets}>
                {[...missing.missingIndicators, ...missing.missingAdjustments].map((f) => (
                  <li key={f.ref}>
                    <Caption1 className={styles.text}>
                      {t("apply_unmapped_primary", { name: f.rule.name[lang] })}
                    </Caption1>
                  </li>
                ))}
                {missing.zeroInputs.map((s) => (
                  <li key={s.ref}>
                    <Caption1 className={styles.text}>
                      {t("apply_unmapped_zero", { name: slotLabel.get(s.ref) ?? s.ref })}
                    </Caption1>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          <Field
            label={t("apply_at_label")}
            className={styles.field}
            validationState={atValid ? "none" : "error"}
            validationMessage={atValid ? undefined : t("apply_at_invalid")}
          >
            <Input value={at} placeholder={t("apply_at_placeholder")} onChange={(_e, d) => setAt(d.value)} />
          </Field>

          <section className={styles.section} aria-labelledby="kpi-apply-preview">
            <Subtitle2 as="h3" id="kpi-apply-preview" className={styles.heading}>
              {t("apply_preview_title")}
            </Subtitle2>
            {plan.columns.length === 0 ? (
              <Caption1 className={styles.muted}>{t("apply_preview_none")}</Caption1>
            ) : (
              <ul className={styles.bullets} aria-label={t("apply_preview_title")}>
                {plan.columns.map((c) => (
                  <li key={c.col}>
                    <Caption1 className={styles.text}>
                      {t("apply_preview_item", { column: columnLetter(c.col), header: headerOf(c.col) })}
                    </Caption1>
                  </li>
                ))}
              </ul>
            )}
          </section>

          {plan.warnings.length ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody className={styles.text}>
                <MessageBarTitle>{t("title_warning")}</MessageBarTitle>
                {messages(plan.warnings).map((m) => (
                  <div key={m}>{m}</div>
                ))}
              </MessageBarBody>
            </MessageBar>
          ) : null}

          {plan.blocked.length ? (
            <MessageBar intent="error" layout="multiline" data-testid="apply-blocked">
              <MessageBarBody className={styles.text}>
                <MessageBarTitle>{t("apply_blocked_title")}</MessageBarTitle>
                {blockedText(lang, plan.blocked)}
              </MessageBarBody>
            </MessageBar>
          ) : null}

          {unconfirmed > 0 ? (
            <Caption1 className={styles.text} role="status">
              {t("apply_confirm_needed", { count: unconfirmed })}
            </Caption1>
          ) : null}

          <div className={styles.buttons}>
            <Button appearance="primary" disabled={!canApply} onClick={runApply}>
              {t("apply_button")}
            </Button>
            {hasBlocks ? (
              <Button appearance="secondary" disabled={apply.busy || remove.busy} onClick={runRemove}>
                {t("apply_remove")}
              </Button>
            ) : null}
          </div>
        </>
      ) : null}

      {apply.busy ? <Spinner size="tiny" label={t("applying")} /> : null}
      {remove.busy ? <Spinner size="tiny" label={t("removing")} /> : null}

      {applyError && isExcelApplyError(applyError) ? (
        <MessageBar intent="error" layout="multiline" data-error-code={applyError.code}>
          <MessageBarBody className={styles.text}>
            <MessageBarTitle>
              {t(
                applyError.code === "blocked"
                  ? "apply_blocked_title"
                  : applyError.code === "refused"
                    ? "apply_refused_title"
                    : "apply_not_applied",
              )}
            </MessageBarTitle>
            {applyError.text(lang)}
          </MessageBarBody>
        </MessageBar>
      ) : applyError ? (
        <ErrorBar error={applyError} />
      ) : null}

      {apply.result && !apply.busy ? (
        <MessageBar intent="success" layout="multiline" aria-live="polite">
          <MessageBarBody className={styles.text}>
            {t("apply_done", {
              sheet: apply.result.sheet,
              block: apply.result.block,
              columns: apply.result.columns.length,
              cells: apply.result.written,
            })}
            {messages(apply.result.warnings).map((m) => (
              <div key={m}>{m}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {apply.result && apply.result.overrides.length
        ? cellList(
            t("apply_overrides_title"),
            apply.result.overrides.map((o) => ({ cell: o.cell, text: o.found })),
            apply.result.sheet,
          )
        : null}

      {problems.length && (apply.result || preview) && !apply.busy
        ? cellList(
            t("apply_problems_title", { count: problems.length }),
            problemNotes(problems),
            apply.result?.sheet ?? sheetName,
          )
        : null}

      {remove.error ? (
        isExcelApplyError(remove.error) ? (
          <MessageBar intent="error" layout="multiline" data-error-code={remove.error.code}>
            <MessageBarBody className={styles.text}>
              <MessageBarTitle>{t("apply_not_removed")}</MessageBarTitle>
              {remove.error.text(lang)}
            </MessageBarBody>
          </MessageBar>
        ) : (
          <ErrorBar error={remove.error} />
        )
      ) : null}
      {remove.result && !remove.busy ? (
        <MessageBar intent="success" layout="multiline" aria-live="polite">
          <MessageBarBody className={styles.text}>
            {t("apply_removed", { sheet: remove.result.sheet, count: remove.result.cleared })}
            {messages(remove.result.warnings).map((m) => (
              <div key={m}>{m}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {remove.result && remove.result.overrides.length
        ? cellList(
            t("apply_overrides_title"),
            remove.result.overrides.map((o) => ({ cell: o.cell, text: o.found })),
            remove.result.sheet,
          )
        : null}
      {select.error ? <ErrorBar error={select.error} /> : null}
    </div>
  );
}
