import type { ApplyErrorCode } from "./apply-errors";

// 中文 (zh-CN). Placeholders in braces are filled by `applyErrorMessage`; blocked and refused apply's own texts
// (src/apply/messages.ts), so only what the add-in adds is here.
export const zh = {
  blocked: "{text}",
  refused: "{text}",
  more_cells: "等共 {count} 个单元格",
  sheet_changed: "预览之后工作表已被修改(列 {columns} 的表头不同了)。请重新预览后再应用。",
  sheet_password: "工作表“{sheet}”受密码保护,无法取消保护。请在“审阅 > 撤消工作表保护”中取消保护后重试。",
  unknown_template: "目录中没有模板“{id}”。",
} satisfies Record<ApplyErrorCode, string>;
