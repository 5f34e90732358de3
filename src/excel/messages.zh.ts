import type { ExcelErrorCode } from "./messages";

// 中文 (zh-CN). Placeholders in braces are filled by `excelMessage`.
export const zh = {
  workbook_protected: "工作簿结构受保护,无法添加工作表。请在“审阅 > 保护工作簿”中取消保护后重试。",
  protected: "工作表或工作簿受保护,Excel 拒绝了修改。请取消保护后重试。({detail})",
  cell_edit_mode: "Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑后重试。",
  invalid_name: "“{name}”不是有效的 Excel 名称。",
  name_taken: "名称已被占用:{detail}",
  invalid_argument: "Excel 不接受请求中的参数:{detail}",
  too_large: "一次写入的数据超过了 Excel 的请求大小限制。请减少员工人数后重试。",
  timeout: "Excel 在 {seconds} 秒内没有响应。请确认 Excel 仍在运行后重试。",
  unsupported: "当前 Excel 版本不支持所需的功能(需要 ExcelApi 1.9)。请更新 Office 或使用 Microsoft 365。",
  excel_failed: "Excel 报告错误:{detail}",
  unexpected: "生成工作表时出错:{detail}",
} satisfies Record<ExcelErrorCode, string>;
