// What apply tells a person, in both languages with the same keys (a missing translation is a type error).
// Plans carry keys and parameters; the CLI and the pane choose the language.
import type { Lang, Text } from "../catalog/types";

const zh = {
  not_roster_no_table: "工作表“{sheet}”中找不到表头和数据行。",
  not_roster_no_data: "工作表“{sheet}”第 {row} 行像表头,但下面没有数据行。",
  not_roster_no_name_column: "工作表“{sheet}”的表格没有姓名列(每行一名员工),不是员工名单。",
  not_roster_form: "工作表“{sheet}”是一份个人考核表(表头上方有“姓名:”),不是每行一名员工的名单。",
  not_roster_kpis_as_rows: "工作表“{sheet}”每行是一个指标(各列是期间或指标说明),不是每行一名员工的名单。",
  nothing_mapped: "没有一列能对应到模板“{template}”的指标。请用 --map \"列名=指标\" 指定。",
  blocked: "目标单元格不为空或位于合并单元格中,未写入任何内容:{cells}",
  blocked_value: "{cell} 有内容“{value}”",
  blocked_formula: "{cell} 有公式",
  blocked_merged: "{cell} 在合并区域 {area} 中",
  blocked_table: "{cell} 在表格 {area} 中",
  names_partial: "工作簿中已有模板“{template}”的部分名称,但缺少:{names}。请先删除旧的考核规则表或这些名称。",
  template_unknown: "已应用的区域 {block} 使用模板“{template}”,但目录中没有该模板。",
  missing_indicators: "缺少这些指标的列,未写入总分、等级和排名:{names}",
  missing_adjustments: "未找到这些加减分项的列,它们不计分,也不计入总分:{names}",
  zero_input: "未找到“{input}”的列,{rule} 按 0 计算。",
  rules_sheet_added: "已添加考核规则表“{sheet}”。",
  rules_sheet_reused: "使用工作簿中已有的考核规则(名称前缀 {prefix})。",
  overrides: "以下单元格已被手工修改,保留原样(未重写):{cells}",
  override_cell: "{cell}",
  removed_rules_sheet: "已删除应用时添加的考核规则表“{sheet}”。",
  kept_rules_sheet: "考核规则表“{sheet}”仍被其他内容使用或不是最后一个工作表,已保留。",
  nothing_to_remove: "工作表“{sheet}”上没有已应用的考核列。",
  problem_blank: "空白(不计分)",
  problem_numeric_text: "数字存成了文本“{value}”:Excel 公式会把它当作文本,请重新输入为数字",
  problem_text: "不是数字:“{value}”",
  problem_engine: "{message}",
  problem_error: "错误值 {value}",
} as const;

export type ApplyMessageKey = keyof typeof zh;

const en = {
  not_roster_no_table: "No header row and data rows found on sheet \"{sheet}\".",
  not_roster_no_data: "Row {row} of sheet \"{sheet}\" looks like a header, but no data rows follow it.",
  not_roster_no_name_column: "The table on sheet \"{sheet}\" has no name column (one employee per row): it is not a roster.",
  not_roster_form: "Sheet \"{sheet}\" is one person's assessment form (a \"Name:\" label above the table), not a roster of employees.",
  not_roster_kpis_as_rows: "Sheet \"{sheet}\" has one indicator per row (periods or indicator details across), not one employee per row.",
  nothing_mapped: "No column matches an indicator of template \"{template}\". Name them with --map \"header=rule\".",
  blocked: "Target cells are not empty or lie in merged cells; nothing was written: {cells}",
  blocked_value: "{cell} holds \"{value}\"",
  blocked_formula: "{cell} holds a formula",
  blocked_merged: "{cell} lies in the merged area {area}",
  blocked_table: "{cell} lies in the table {area}",
  names_partial: "The workbook has some of template \"{template}\"'s names but not: {names}. Delete the old rules sheet or those names first.",
  template_unknown: "The applied block {block} uses template \"{template}\", which is not in the catalog.",
  missing_indicators: "No column for these indicators, so 总分 (total), 等级 (grade) and 排名 (rank) were not written: {names}",
  missing_adjustments: "No column for these adjustments; they are not scored and add nothing to the total: {names}",
  zero_input: "No column for \"{input}\": {rule} counts it as 0.",
  rules_sheet_added: "Added the rules sheet \"{sheet}\".",
  rules_sheet_reused: "Using the rules already in the workbook (names starting {prefix}).",
  overrides: "These cells were changed by hand and are kept as they are (not rewritten): {cells}",
  override_cell: "{cell}",
  removed_rules_sheet: "Removed the rules sheet \"{sheet}\" the apply had added.",
  kept_rules_sheet: "Kept the rules sheet \"{sheet}\": something else still uses it, or it is not the last sheet.",
  nothing_to_remove: "Sheet \"{sheet}\" has no applied score columns.",
  problem_blank: "blank (no points)",
  problem_numeric_text: "a number stored as text \"{value}\": Excel formulas read it as text; type it again as a number",
  problem_text: "not a number: \"{value}\"",
  problem_engine: "{message}",
  problem_error: "error value {value}",
} satisfies Record<ApplyMessageKey, string>;

const TEXTS: Record<Lang, Record<ApplyMessageKey, string>> = { zh, en };

export type MessageParam = string | number | Text;

/** A message with its parameters; rendered in a language at the edge. */
export interface ApplyMessage {
  key: ApplyMessageKey;
  params: Record<string, MessageParam>;
}

export function applyMessage(key: ApplyMessageKey, params: Record<string, MessageParam> = {}): ApplyMessage {
  return { key, params };
}

export function applyText(lang: Lang, message: ApplyMessage): string {
  return TEXTS[lang][message.key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = message.params[name];
    if (v === undefined) return whole;
    return typeof v === "object" ? v[lang] : String(v);
  });
}

/** A list of names in one language's style: 甲、乙 / A, B. */
export function joinNames(items: Text[]): Text {
  return { zh: items.map((t) => t.zh).join("、"), en: items.map((t) => t.en).join(", ") };
}
