import type { ApplyErrorCode } from "./apply-errors";

// English (en-US). Placeholders in braces are filled by `applyErrorMessage`; blocked and refused use apply's own
// texts (src/apply/messages.ts), so only what the add-in adds is here.
export const en = {
  blocked: "{text}",
  refused: "{text}",
  more_cells: "{count} cells in all",
  sheet_changed:
    "The sheet changed after the preview (the header of column {columns} is different). Preview again, then apply.",
  sheet_password:
    'Sheet "{sheet}" is protected with a password, so it cannot be unprotected. Unprotect it (Review > Unprotect Sheet) and try again.',
  unknown_template: 'The catalog has no template "{id}".',
} satisfies Record<ApplyErrorCode, string>;
