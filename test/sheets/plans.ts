import { defaultCatalog } from "../../src/catalog";
import type { Lang, Template } from "../../src/catalog/types";
import type { Employee } from "../../src/sheets/roster";
import { buildWorkbook, type GenerateOptions } from "../../src/sheets/workbook";

export const catalog = defaultCatalog();
export const templates = catalog.templates;

export const staff: Employee[] = [
  { name: "张三", id: "00123", department: "技术部", position: "售前工程师" },
  { name: "李四", id: "00124", department: "技术部", position: "售前工程师" },
  { name: "王五", id: "2026-01", department: "销售部", position: "客服" },
];

export function build(template: Template, over: Partial<GenerateOptions> = {}) {
  return buildWorkbook(template, {
    layout: "roster",
    lang: "zh" as Lang,
    period: "2026-Q4",
    employees: staff,
    formulas: "portable",
    protect: true,
    ...over,
  });
}
