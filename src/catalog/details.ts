// The catalog's reading material (criterion text, notes, data sources) for the task pane. The functions bundle
// carries templates without it (webpack strips those fields from the templates imported by templates/index.ts,
// so a workbook that only calculates KPI.* downloads less); the pane imports this module lazily and the texts
// are attached to the same in-memory templates, so pane and functions still share one catalog.
import type { Catalog } from "./catalog";
import type { Template } from "./types";
import competencyPresales from "./templates/competency_presales.json";
import hongshuSupport from "./templates/hongshu_support.json";
import presalesDept from "./templates/presales_dept.json";
import presalesManager from "./templates/presales_manager.json";
import seniorPresalesEngineer from "./templates/senior_presales_engineer.json";
import seniorTechEngineer from "./templates/senior_tech_engineer.json";
import solutionEngineerGoals from "./templates/solution_engineer_goals.json";
import supportKpi from "./templates/support_kpi.json";
import supportService from "./templates/support_service.json";
import taobaoPresales from "./templates/taobao_presales.json";

const FULL = [
  solutionEngineerGoals, supportService, presalesManager, supportKpi, competencyPresales,
  hongshuSupport, seniorTechEngineer, presalesDept, taobaoPresales, seniorPresalesEngineer,
] as unknown as Template[];

const DETAIL_FIELDS = ["criterion", "notes", "source"] as const;

function copyDetails(target: object, source: object): void {
  for (const field of DETAIL_FIELDS) {
    if (field in source && !(field in target)) (target as Record<string, unknown>)[field] = (source as Record<string, unknown>)[field];
  }
}

/** Attaches criterion texts, notes and sources to the catalog's templates (a no-op where they are present). */
export function attachDetails(catalog: Catalog): void {
  for (const full of FULL) {
    const template = catalog.templates.find((t) => t.id === full.id);
    if (!template) continue;
    copyDetails(template, full);
    full.sections.forEach((section, s) => {
      const own = template.sections[s];
      if (!own) return;
      copyDetails(own, section);
      section.indicators.forEach((indicator, i) => own.indicators[i] && copyDetails(own.indicators[i], indicator));
    });
    (full.adjustments ?? []).forEach((adjustment, a) => template.adjustments?.[a] && copyDetails(template.adjustments[a], adjustment));
  }
}
