import { Catalog } from "../../src/catalog";
import { attachDetails } from "../../src/catalog/details";
import { BUILT_IN_TEMPLATES } from "../../src/catalog/templates";
import type { Template } from "../../src/catalog/types";

// What webpack's catalog loader does to the templates the functions bundle carries.
function stripped(t: Template): Template {
  return JSON.parse(JSON.stringify(t, (k, v) => (["criterion", "notes", "source"].includes(k) ? undefined : v)));
}

test("the pane attaches criterion texts, notes and sources to the same in-memory templates the functions use", () => {
  const slim = new Catalog(BUILT_IN_TEMPLATES.map(stripped));
  const rule = slim.findRule("support_kpi/satisfaction").rule;
  expect(rule.criterion).toBeUndefined();
  attachDetails(slim);
  expect(slim.findRule("support_kpi/satisfaction").rule).toBe(rule);
  expect(rule.criterion.zh).toContain("项目支持满意度≥90分");
  expect(slim.findTemplate("hongshu_support").adjustments?.[0].criterion.zh).toContain("投诉");
  expect(slim.findTemplate("competency_presales").notes?.length).toBeGreaterThan(0);
});
