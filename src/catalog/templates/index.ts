// The built-in catalog, imported statically so the functions bundle needs no file system or fetch.
// Order is the seed's order.
import type { Template } from "../types";
import solutionEngineerGoals from "./solution_engineer_goals.json";
import supportService from "./support_service.json";
import presalesManager from "./presales_manager.json";
import supportKpi from "./support_kpi.json";
import competencyPresales from "./competency_presales.json";
import hongshuSupport from "./hongshu_support.json";
import seniorTechEngineer from "./senior_tech_engineer.json";
import presalesDept from "./presales_dept.json";
import taobaoPresales from "./taobao_presales.json";
import seniorPresalesEngineer from "./senior_presales_engineer.json";

export const BUILT_IN_TEMPLATES = [
  solutionEngineerGoals,
  supportService,
  presalesManager,
  supportKpi,
  competencyPresales,
  hongshuSupport,
  seniorTechEngineer,
  presalesDept,
  taobaoPresales,
  seniorPresalesEngineer,
] as unknown as Template[];

export const BUILT_IN_FILES = [
  "solution_engineer_goals.json",
  "support_service.json",
  "presales_manager.json",
  "support_kpi.json",
  "competency_presales.json",
  "hongshu_support.json",
  "senior_tech_engineer.json",
  "presales_dept.json",
  "taobao_presales.json",
  "senior_presales_engineer.json",
];
