// A webpack loader for src/catalog/templates/*.json as imported by src/catalog/templates/index.ts (the catalog the
// =KPI.* functions load at start-up). It drops the reading material the functions never use (criterion texts,
// notes and data sources) at the levels where src/catalog/details.ts attaches them again for the pane: the
// template, its sections, their indicators and the template's adjustments. Everything else, rules, names,
// aliases, input prompts and grades, is kept as it is.
"use strict";

const DETAIL_FIELDS = ["criterion", "notes", "source"];

/** A copy of `value` without the detail fields. */
function withoutDetails(value) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const copy = {};
  for (const [key, field] of Object.entries(value)) if (!DETAIL_FIELDS.includes(key)) copy[key] = field;
  return copy;
}

/** The template as the functions bundle carries it. Pure: the argument is not changed. */
function stripCatalogDetails(template) {
  const slim = withoutDetails(template);
  if (Array.isArray(slim.sections)) {
    slim.sections = slim.sections.map((section) => {
      const own = withoutDetails(section);
      if (Array.isArray(own.indicators)) own.indicators = own.indicators.map(withoutDetails);
      return own;
    });
  }
  if (Array.isArray(slim.adjustments)) slim.adjustments = slim.adjustments.map(withoutDetails);
  return slim;
}

/** The loader: JSON text in, compact JSON text out (webpack then parses it as a json module). */
function stripCatalogDetailsLoader(source) {
  const text = typeof source === "string" ? source : source.toString("utf8");
  let template;
  try {
    template = JSON.parse(text);
  } catch (e) {
    throw new Error(`strip-catalog-details: ${this.resourcePath} is not valid JSON: ${e.message}`);
  }
  return JSON.stringify(stripCatalogDetails(template));
}

module.exports = stripCatalogDetailsLoader;
module.exports.stripCatalogDetails = stripCatalogDetails;
module.exports.DETAIL_FIELDS = DETAIL_FIELDS;
