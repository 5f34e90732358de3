// A rule as a small table (band → points, levels with their descriptors …): the same parts the rules sheet
// shows (sheetKindOf(rule).ruleTable), with the one-line summary above it.
import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import type { Lang, Rule, Text } from "../catalog/types";
import type { RuleContext, RuleTablePart } from "../engine/kinds/kind";
import { sheetKindOf } from "../engine/kinds/sheet-registry";
import { displayNumber, displayPercent } from "../engine/round";
import { sheetText } from "../sheets/texts";
import { useText } from "./lang";

const useStyles = makeStyles({
  table: { tableLayout: "auto", width: "100%" },
  cell: {
    overflowWrap: "anywhere",
    verticalAlign: "top",
    paddingTop: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXXS,
  },
});

function cellText(part: RuleTablePart, value: number | string): string {
  if (typeof value === "string") return value;
  return part.format === "percent" ? displayPercent(value) : displayNumber(value);
}

/** Rows of the table: each part is a column, offset parts start lower (their first row reads "(below)"). */
export function tableRows(parts: readonly RuleTablePart[], lang: Lang): string[][] {
  const height = Math.max(0, ...parts.map((p) => (p.offset ?? 0) + p.values.length));
  return Array.from({ length: height }, (_v, r) =>
    parts.map((part) => {
      const offset = part.offset ?? 0;
      if (r < offset) return r === 0 ? sheetText(lang, "below_first") : "";
      const value = part.values[r - offset];
      return value === undefined ? "" : cellText(part, value);
    }),
  );
}

export function ruleSummary(rule: Rule, ctx: RuleContext, lang: Lang): string {
  return sheetKindOf(rule).summary(rule, { ...ctx, lang }, lang);
}

export function RuleTable({ rule, name, ctx }: { rule: Rule; name: Text; ctx: RuleContext }) {
  const { lang, t } = useText();
  const styles = useStyles();
  const parts = sheetKindOf(rule).ruleTable(rule, { ...ctx, lang });
  if (!parts.length) return null;
  const rows = tableRows(parts, lang);
  return (
    <Table size="extra-small" className={styles.table} aria-label={t("rule_table_caption", { rule: name[lang] })}>
      <TableHeader>
        <TableRow>
          {parts.map((p) => (
            <TableHeaderCell key={p.key} className={styles.cell}>
              {p.label[lang]}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row, r) => (
          <TableRow key={r}>
            {row.map((text, c) => (
              <TableCell key={parts[c].key} className={styles.cell}>
                {text}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
