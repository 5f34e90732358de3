// Builds the plan of a whole generated workbook: the roster (first) or one form per employee, then the rules.
import type { Lang, Template } from "../catalog/types";
import { addinScoreFormula } from "./addin-formulas";
import { buildForm, type FormLayout } from "./form";
import type { WorkbookPlan } from "./plan";
import { buildRoster, type Employee } from "./roster";
import { buildRulesSheet, namePrefix, ruleNames } from "./rules-sheet";
import { FONT } from "./theme";

export interface GenerateOptions {
  layout: "roster" | "form";
  lang: Lang;
  period: string;
  employees: Employee[];
  formulas: "portable" | "addin";
  protect: boolean;
  password?: string;
  /** Roster rows when no staff list is given. */
  blankRows?: number;
}

export interface WorkbookBuild {
  plan: WorkbookPlan;
  /** For forms: where each form keeps its inputs, scores and total. */
  forms: FormLayout[];
}

export function buildWorkbook(template: Template, options: GenerateOptions): WorkbookBuild {
  const names = ruleNames(namePrefix(template));
  const rules = buildRulesSheet(template, options.lang, names);
  const portable = options.formulas === "portable";
  // In add-in mode nothing is protected: a protected sheet would make a stuck #NAME? unrecoverable.
  if (options.protect && portable) rules.protection = { password: options.password ?? "", allowSort: false, allowAutoFilter: false };
  const addin = portable ? undefined : addinScoreFormula(template);
  const sheets = [];
  const forms: FormLayout[] = [];
  if (options.layout === "roster") {
    sheets.push(buildRoster(template, names, { ...options }, addin));
  } else {
    const staff = options.employees.length ? options.employees : [{ name: "", id: "", department: "" }];
    staff.forEach((employee, i) => {
      const { plan, layout } = buildForm(template, names, employee, i, options, addin);
      sheets.push(plan);
      forms.push(layout);
    });
  }
  sheets.push(rules);
  return { plan: { sheets, font: FONT, templateId: template.id, period: options.period }, forms };
}

export function buildWorkbookPlan(template: Template, options: GenerateOptions): WorkbookPlan {
  return buildWorkbook(template, options).plan;
}
