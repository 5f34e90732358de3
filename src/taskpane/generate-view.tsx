// 生成 Generate: template, layout, period, formula mode and options; employees from the selected range or a
// pasted list; a preview of the sheets to be created; Generate with progress, ending in links that open each new
// sheet; Add employees to an existing roster; the workbook's default template.
import { useEffect, useMemo, useState } from "react";
import {
  Body1,
  Button,
  Caption1,
  Divider,
  Field,
  Input,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Subtitle2,
  Switch,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import type { Lang, Template } from "../catalog/types";
import { displayNumber } from "../engine/round";
import {
  currentPeriod,
  MAX_FORM_SHEETS,
  previewSheets,
  selfAssessmentOptional,
  type GenerateRequest,
} from "../excel/generation";
import { staffFromText, type StaffProblem } from "../excel/staff-rows";
import type { Employee } from "../sheets/roster";
import { ErrorBar } from "./error-bar";
import { useText } from "./lang";
import type { MessageKey } from "./messages";
import { useServices, type GenerateResult } from "./services";
import { useAction } from "./use-action";

const PREVIEW_LIMIT = 12;

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  row: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    alignItems: "center",
  },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  text: { overflowWrap: "anywhere" },
  heading: { margin: 0 },
  // Template names are long: a select as wide as the pane, never wider.
  select: { minWidth: 0, maxWidth: "100%", width: "100%" },
  field: { minWidth: 0 },
  grow: { flexGrow: 1, minWidth: 0 },
});

interface StaffSource {
  from: "selection" | "paste";
  address?: string;
  header: boolean;
  problems: StaffProblem[];
}

const KIND_KEY = { roster: "kind_roster", form: "kind_form", rules: "kind_rules" } as const satisfies Record<
  string,
  MessageKey
>;

function Problems({ problems }: { problems: StaffProblem[] }) {
  const { t } = useText();
  const styles = useStyles();
  if (!problems.length) return null;
  return (
    <ul className={styles.list}>
      {problems.map((p) => (
        <li key={`${p.row}-${p.code}`}>
          <Caption1>
            {p.code === "no_name"
              ? t("staff_no_name", { row: p.row })
              : t("staff_duplicate_id", { row: p.row, id: p.id ?? "", first: p.first ?? 0 })}
          </Caption1>
        </li>
      ))}
    </ul>
  );
}

function DefaultTemplatePicker({
  templates,
  current,
  setCurrent,
}: {
  templates: readonly Template[];
  current: string | null;
  setCurrent: (id: string) => void;
}) {
  const { lang, t } = useText();
  const styles = useStyles();
  const services = useServices();
  const [chosen, setChosen] = useState<string>(() => current ?? templates[0]?.id ?? "");
  // Generating sets the default: the picker shows it then.
  useEffect(() => {
    if (current) setChosen(current);
  }, [current]);
  const save = useAction(async (id: string) => {
    await services.saveDefaultTemplate(id);
    setCurrent(id);
    return id;
  });
  const nameOf = (id: string | null) => templates.find((x) => x.id === id)?.name[lang] ?? id ?? "";
  return (
    <section className={styles.group} aria-label={t("default_title")}>
      <Subtitle2 as="h3" className={styles.heading}>
        {t("default_title")}
      </Subtitle2>
      <Caption1 className={styles.muted}>{t("default_hint")}</Caption1>
      <Body1>{current ? t("default_current", { template: nameOf(current) }) : t("default_none")}</Body1>
      <div className={styles.row}>
        <Select
          className={styles.grow}
          aria-label={t("default_title")}
          value={chosen}
          onChange={(_e, d) => setChosen(d.value)}
        >
          {templates.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name[lang]}
            </option>
          ))}
        </Select>
        <Button disabled={save.busy || !chosen} onClick={() => void save.run(chosen)}>
          {t("default_save")}
        </Button>
      </div>
      {save.error ? <ErrorBar error={save.error} /> : null}
      {save.result && !save.busy ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{t("default_saved", { template: nameOf(save.result) })}</MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}

export function GenerateView({
  templates,
  templateId,
  onTemplateChange,
}: {
  templates: readonly Template[];
  templateId: string;
  onTemplateChange: (id: string) => void;
}) {
  const { lang, t } = useText();
  const styles = useStyles();
  const services = useServices();
  const template = templates.find((x) => x.id === templateId) ?? templates[0];

  const [layout, setLayout] = useState<GenerateRequest["layout"]>("form");
  const [period, setPeriod] = useState(() => currentPeriod());
  const [formulas, setFormulas] = useState<GenerateRequest["formulas"]>("portable");
  const [selfAssessment, setSelfAssessment] = useState(true);
  const [protect, setProtect] = useState(true);
  const [sheetLang, setSheetLang] = useState<Lang | null>(null);
  const [pasted, setPasted] = useState("");
  const [employees, setEmployees] = useState<Employee[]>([]);
  const [source, setSource] = useState<StaffSource | null>(null);
  const [defaultError, setDefaultError] = useState<unknown>(null);
  const [defaultId, setDefaultId] = useState<string | null>(() => services.readDefaultTemplate());

  const request: GenerateRequest = {
    templateId: template.id,
    layout,
    period,
    formulas,
    selfAssessment,
    protect: protect && formulas === "portable",
    lang: sheetLang ?? lang,
    employees,
  };
  const tooMany = layout === "form" && employees.length > MAX_FORM_SHEETS;
  // What names the sheets (not the period, which would rebuild the preview at every keystroke).
  const previewLang = request.lang;
  const preview = useMemo(
    () =>
      tooMany
        ? []
        : previewSheets(template, {
            templateId: template.id,
            layout,
            period: "",
            formulas,
            selfAssessment,
            protect: false,
            lang: previewLang,
            employees,
          }),
    [template, layout, previewLang, employees, tooMany, selfAssessment, formulas],
  );

  const readSelection = useAction(async () => {
    const read = await services.readSelectedStaff();
    setEmployees(read.employees);
    setSource({ from: "selection", address: read.address, header: read.header, problems: read.problems });
    setPasted("");
    return read;
  });
  const generate = useAction(async (req: GenerateRequest): Promise<GenerateResult> => {
    setDefaultError(null);
    const result = await services.generate(req);
    try {
      await services.saveDefaultTemplate(req.templateId);
      setDefaultId(req.templateId);
    } catch (e) {
      setDefaultError(e);
    }
    return result;
  });
  const add = useAction(services.addEmployees);
  const open = useAction(services.activateSheet);

  const onPaste = (text: string) => {
    setPasted(text);
    const read = staffFromText(text);
    setEmployees(read.employees);
    setSource(text.trim() ? { from: "paste", header: read.header, problems: read.problems } : null);
  };

  const selfFixed = !selfAssessmentOptional(template, layout);
  const percent = (x: number) => `${displayNumber(x * 100)}%`;
  const busy = generate.busy || add.busy;

  return (
    <div className={styles.view}>
      <Field label={t("template_label")} className={styles.field}>
        <Select className={styles.select} value={template.id} onChange={(_e, d) => onTemplateChange(d.value)}>
          {templates.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name[lang]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("layout_label")}>
        <RadioGroup value={layout} onChange={(_e, d) => setLayout(d.value as GenerateRequest["layout"])}>
          <Radio value="form" label={t("layout_form")} />
          <Radio value="roster" label={t("layout_roster")} />
        </RadioGroup>
      </Field>
      <Field label={t("period_label")}>
        <Input value={period} onChange={(_e, d) => setPeriod(d.value)} />
      </Field>
      <Field label={t("formulas_label")} hint={formulas === "addin" ? t("formulas_addin_hint") : undefined}>
        <RadioGroup value={formulas} onChange={(_e, d) => setFormulas(d.value as GenerateRequest["formulas"])}>
          <Radio value="portable" label={t("formulas_portable")} />
          <Radio value="addin" label={t("formulas_addin")} />
        </RadioGroup>
      </Field>
      <div className={styles.group} role="group" aria-label={t("options_label")}>
        <Switch
          label={t("self_label")}
          checked={selfFixed ? Boolean(template.raters) : selfAssessment}
          disabled={selfFixed}
          onChange={(_e, d) => setSelfAssessment(d.checked)}
        />
        {template.raters ? (
          <Caption1 className={styles.muted}>
            {t("self_required", { sup: percent(template.raters.supervisor), self: percent(template.raters.self) })}
          </Caption1>
        ) : layout === "roster" ? (
          <Caption1 className={styles.muted}>{t("self_roster_note")}</Caption1>
        ) : null}
        <Switch
          label={t("protect_label")}
          checked={protect && formulas === "portable"}
          disabled={formulas === "addin"}
          onChange={(_e, d) => setProtect(d.checked)}
        />
        {formulas === "addin" ? <Caption1 className={styles.muted}>{t("protect_addin_note")}</Caption1> : null}
        <Field label={t("sheet_lang_label")}>
          <Select value={sheetLang ?? lang} onChange={(_e, d) => setSheetLang(d.value as Lang)}>
            <option value="zh">{t("lang_zh")}</option>
            <option value="en">{t("lang_en")}</option>
          </Select>
        </Field>
      </div>

      <Divider />
      <section className={styles.group} aria-label={t("employees_title")}>
        <Subtitle2 as="h3" className={styles.heading}>
          {t("employees_title")}
        </Subtitle2>
        <Button disabled={readSelection.busy} onClick={() => void readSelection.run()}>
          {t("read_selection")}
        </Button>
        {readSelection.error ? <ErrorBar error={readSelection.error} /> : null}
        <Field label={t("paste_label")}>
          <Textarea
            value={pasted}
            placeholder={t("paste_placeholder")}
            resize="vertical"
            onChange={(_e, d) => onPaste(d.value)}
          />
        </Field>
        <Body1 aria-live="polite" className={styles.text}>
          {source
            ? t(source.from === "selection" ? "employees_from_selection" : "employees_from_paste", {
                count: employees.length,
                address: source.address ?? "",
                header: t(source.header ? "header_found" : "header_missing"),
              })
            : t("employees_none")}
        </Body1>
        {source ? <Problems problems={source.problems} /> : null}
      </section>

      <Divider />
      <section className={styles.group} aria-label={t("preview_title")}>
        <Subtitle2 as="h3" className={styles.heading}>
          {t("preview_title")}
        </Subtitle2>
        {tooMany ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{t("forms_cap", { max: MAX_FORM_SHEETS, count: employees.length })}</MessageBarBody>
          </MessageBar>
        ) : (
          <ul className={styles.list}>
            {preview.slice(0, PREVIEW_LIMIT).map((sheet, i) => (
              <li key={i}>
                <Body1 className={styles.text}>
                  {sheet.name} <Caption1 className={styles.muted}>({t(KIND_KEY[sheet.kind])})</Caption1>
                </Body1>
              </li>
            ))}
            {preview.length > PREVIEW_LIMIT ? (
              <li>
                <Caption1>{t("preview_more", { count: preview.length })}</Caption1>
              </li>
            ) : null}
          </ul>
        )}
        <div className={styles.row}>
          <Button appearance="primary" disabled={busy || tooMany} onClick={() => void generate.run(request)}>
            {t("generate")}
          </Button>
          <Button disabled={busy || employees.length === 0} onClick={() => void add.run(employees)}>
            {t("add_employees")}
          </Button>
        </div>
        {generate.busy ? <Spinner size="tiny" label={t("generating", { count: preview.length })} /> : null}
        {add.busy ? <Spinner size="tiny" label={t("adding_employees")} /> : null}
        {generate.error ? <ErrorBar error={generate.error} /> : null}
        {add.error ? <ErrorBar error={add.error} /> : null}
        {open.error ? <ErrorBar error={open.error} /> : null}
        {generate.result && !generate.busy ? (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t("generated")}</MessageBarTitle>
              <ul className={styles.list}>
                {generate.result.sheets.map((sheet) => (
                  <li key={sheet.name}>
                    <Link
                      as="button"
                      aria-label={t("open_sheet", { sheet: sheet.name })}
                      onClick={() => void open.run(sheet.name)}
                    >
                      {sheet.name}
                    </Link>{" "}
                    <Caption1 className={styles.muted}>({t(KIND_KEY[sheet.kind])})</Caption1>
                  </li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {defaultError ? <ErrorBar error={defaultError} intent="warning" lead={t("default_not_saved")} /> : null}
        {add.result && !add.busy ? (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              {t("added_employees", { sheet: add.result.sheet, filled: add.result.filled, added: add.result.added })}
              {add.result.skipped.length ? (
                <div>
                  {t("skipped_employees", {
                    names: add.result.skipped.map((e) => `${e.name}(${e.id})`).join(lang === "zh" ? "、" : ", "),
                  })}
                </div>
              ) : null}
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </section>

      <Divider />
      <DefaultTemplatePicker templates={templates} current={defaultId} setCurrent={setDefaultId} />
    </div>
  );
}
