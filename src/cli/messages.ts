import type { Lang } from "../catalog/types";

// The CLI's own texts, both languages with the same keys (a missing translation is a type error).
const zh = {
  usage: `用法:
  kpi catalog [--json] [--lang zh|en] [--catalog 目录]
  kpi score <模板> <指标> <输入> [<输入2> <输入3>] [--explain] [--lang zh|en]
  kpi grade <模板> <总分> [--lang zh|en]
  kpi assess <模板> --input <file.json | -> [--json] [--lang zh|en]
  kpi batch [--lang zh|en]        (标准输入每行一个 JSON 请求,每行输出一个 JSON 结果)
  kpi generate <模板> [--layout roster|form] [--split] [--employees staff.csv|staff.xlsx] [--period 2026-Q4]
               [--formulas portable|addin] [--lang zh|en] [--no-protect] [--password 密码] [--skip-bad] -o out.xlsx|目录/
  kpi apply in.xlsx --sheet <工作表> --template <模板> [--map "列名=指标" …] [--formulas portable|addin] [--at <列>] -o out.xlsx
  kpi apply in.xlsx --remove [--sheet <工作表>] -o out.xlsx
模板和指标可写 id、中文名、英文名或别名;空白输入写 ""。`,
  templates: "模板",
  id: "id",
  name: "名称",
  weight: "权重",
  rule: "规则",
  input: "输入",
  points: "得分",
  contribution: "计入总分",
  section: "部分",
  adjustments: "加减分",
  total: "总分",
  grade: "等级",
  blank_total: "(有未填写的指标,总分为空:{names})",
  points_line: "{points} 分",
  blank_points: "空白(不计分)",
  no_grades: "该模板没有等级标准",
  error_prefix: "错误",
  stdin_empty: "--input - 需要从标准输入读取 JSON,但没有收到内容",
  input_not_object: "输入文件应是一个 JSON 对象,键为指标 id 或中文名",
  indicators_count: "{n} 个指标",
  adjustments_count: "{n} 项加减分",
  notes: "说明",
  generate_done: "已写入 {file}({sheets})",
  generate_split_done: "已为 {n} 名员工各写入一个文件到 {dir}",
  addin_experimental: "提示:--formulas addin 为实验功能:Excel 在文件中保存自定义函数调用的方式无法在此验证;没有安装本加载项的收件人会看到 #NAME?。",
  staff_problems: "员工名单有 {n} 行无法使用(加 --skip-bad 跳过这些行):",
  staff_skipped: "已跳过员工名单中 {n} 行:",
  staff_empty: "员工名单中没有可用的员工",
  need_output: "请用 -o 指定输出文件(.xlsx)或目录(配合 --split)",
  split_needs_dir: "--split 需要 -o 指向一个目录",
  old_format: "{file} 是旧格式(.xls/.et),请先在 Excel 或 WPS 中另存为 .xlsx",
} as const;

type CliKey = keyof typeof zh;

const en: Record<CliKey, string> = {
  usage: `Usage:
  kpi catalog [--json] [--lang zh|en] [--catalog dir]
  kpi score <template> <rule> <input> [<input2> <input3>] [--explain] [--lang zh|en]
  kpi grade <template> <total> [--lang zh|en]
  kpi assess <template> --input <file.json | -> [--json] [--lang zh|en]
  kpi batch [--lang zh|en]        (one JSON request per line on stdin, one JSON result per line)
  kpi generate <template> [--layout roster|form] [--split] [--employees staff.csv|staff.xlsx] [--period 2026-Q4]
               [--formulas portable|addin] [--lang zh|en] [--no-protect] [--password pw] [--skip-bad] -o out.xlsx|dir/
  kpi apply in.xlsx --sheet <sheet> --template <template> [--map "header=rule" …] [--formulas portable|addin] [--at <column>] -o out.xlsx
  kpi apply in.xlsx --remove [--sheet <sheet>] -o out.xlsx
Templates and rules may be given by id, Chinese or English name, or alias; a blank input is "".`,
  templates: "Templates",
  id: "id",
  name: "Name",
  weight: "Weight",
  rule: "Rule",
  input: "Input",
  points: "Points",
  contribution: "Counts",
  section: "Section",
  adjustments: "Adjustments",
  total: "Total",
  grade: "Grade",
  blank_total: "(blank total: indicators not filled in: {names})",
  points_line: "{points} points",
  blank_points: "blank (no points)",
  no_grades: "this template has no grade scale",
  error_prefix: "Error",
  stdin_empty: "--input - reads JSON from standard input, but nothing arrived",
  input_not_object: "the input file must be one JSON object keyed by rule id or Chinese name",
  indicators_count: "{n} indicators",
  adjustments_count: "{n} adjustments",
  notes: "Notes",
  generate_done: "Wrote {file} ({sheets})",
  generate_split_done: "Wrote one file for each of {n} employees to {dir}",
  addin_experimental: "Note: --formulas addin is experimental: how Excel stores custom-function calls in a file cannot be verified here; recipients without the add-in see #NAME?.",
  staff_problems: "{n} line(s) of the staff list cannot be used (add --skip-bad to skip them):",
  staff_skipped: "Skipped {n} line(s) of the staff list:",
  staff_empty: "The staff list has no usable employees",
  need_output: "Name the output with -o: an .xlsx file, or a folder with --split",
  split_needs_dir: "--split needs -o to name a folder",
  old_format: "{file} is an old format (.xls/.et): save it as .xlsx in Excel or WPS first",
};

const CLI: Record<Lang, Record<CliKey, string>> = { zh, en };

export function cliText(lang: Lang, key: CliKey, params: Record<string, string | number> = {}): string {
  return CLI[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
