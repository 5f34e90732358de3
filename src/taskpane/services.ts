// What the pane's components may ask of Excel and Office, as one interface handed down through a React context.
// Components never call Excel.* (or Office.*): the real implementation is src/excel/pane-services.ts
// (createPaneServices); tests and the browser page hand in their own.
import { createContext, useContext } from "react";
import type { Lang, Template } from "../catalog/types";
import type {
  ApplyChoices,
  ApplyOptions,
  ApplyPreview,
  ApplyResult,
  RemoveResult,
  SheetForApply,
} from "../excel/apply";
import type { GenerateRequest } from "../excel/generation";
import type { AddEmployeesResult, CheckReport, GenerateResult, SelectedStaff } from "../excel/pane-services";
import type { Explanation } from "../excel/score-explain";
import type { Employee } from "../sheets/roster";

export type { AddEmployeesResult, CheckReport, GenerateResult, SelectedStaff, Explanation, GenerateRequest };
export type { ApplyChoices, ApplyOptions, ApplyPreview, ApplyResult, RemoveResult, SheetForApply };

export interface PaneServices {
  /** Employees from the selected range (header row detected), or from the sheet's used range for one cell. */
  readSelectedStaff(): Promise<SelectedStaff>;
  /** Adds the requested sheets (roster or forms, and the rules sheet); the first new sheet becomes active. */
  generate(request: GenerateRequest): Promise<GenerateResult>;
  /** Adds the template's rules sheet (考核规则) alone. */
  insertRulesSheet(templateId: string, lang: Lang): Promise<GenerateResult>;
  /** Extends the generated roster on the active sheet: fills its empty rows, then adds rows. */
  addEmployees(employees: Employee[]): Promise<AddEmployeesResult>;
  activateSheet(name: string): Promise<void>;
  /** Lists the problem inputs of the assessment(s) on the active sheet. */
  checkActiveSheet(): Promise<CheckReport>;
  /** Activates `sheet` and selects `address` on it. */
  selectCell(sheet: string, address: string): Promise<void>;
  /** Sets a rules sheet's KPI_<template>_highlight cell to 1 (on) or 0 (off). */
  setHighlight(name: string, on: boolean): Promise<void>;
  /** Explains the selected score cell. */
  explainSelection(): Promise<Explanation>;
  /** The user's stored language choice, or null. */
  readLanguage(): Promise<Lang | null>;
  /** Stores the user's language choice (per user, not in the document). */
  saveLanguage(lang: Lang): Promise<void>;
  /** The workbook's default template id (document settings), or null. */
  readDefaultTemplate(): string | null;
  /** Saves the workbook's default template, hands it to the KPI.* functions and recalculates them. */
  saveDefaultTemplate(templateId: string): Promise<void>;
  /** Reads the active sheet (its used range, or only the selection) for applying a template to it. */
  readSheetForApply(useSelection: boolean): Promise<SheetForApply>;
  /** Detects the table, maps its headers and plans the added columns (pure: no Excel). */
  previewApply(sheet: SheetForApply, template: Template, choices: ApplyChoices): ApplyPreview;
  /** Re-reads the active sheet and writes the planned columns; throws ExcelApplyError when cells block it. */
  applyToSheet(options: ApplyOptions): Promise<ApplyResult>;
  /** Takes the applied columns off the active sheet again. */
  removeApplied(): Promise<RemoveResult>;
}

const ServicesContext = createContext<PaneServices | null>(null);

export const ServicesProvider = ServicesContext.Provider;

/** The services of the pane (throws outside a ServicesProvider: a wiring bug). */
export function useServices(): PaneServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error("useServices outside ServicesProvider");
  return services;
}
