// Builds the plan of a whole generated workbook: the roster (first) or one form per employee, then the rules.
import type { Lang, Template } from "../catalog/types";
import type { WorkbookPlan } from "./plan";
import { buildRoster, type Employee } from "./roster";
import { buildRulesSheet, namePrefix, ruleNames } from "./rules-sheet";
import { FONT } from "./theme";
import { addinScoreFormula } from "./addin-formulas";

export interface GenerateOptions {
  layout: "roster" | "form";
  lang: Lang;
  period: string;
  employees: Employee[];
  formulas: "portable" | "addin";
  protect: boolean;
  password?: string;
  blankRows?: number;
}

export function buildWorkbookPlan(template: Template, options: GenerateOptions): WorkbookPlan {
  const names = ruleNames(namePrefix(template));
  const rules = buildRulesSheet(template, options.lang, names);
  if (options.protect && options.formulas === "portable") rules.protection = { password: options.password ?? "", allowSort: false, allowAutoFilter: false };
  const sheets = [];
  if (options.layout === "roster") {
    sheets.push(
      buildRoster(template, names, { ...options }, options.formulas === "addin" ? addinScoreFormula(template) : undefined),
    );
  }
  sheets.push(rules);
  return { sheets, font: FONT, templateId: template.id, period: options.period };
}
