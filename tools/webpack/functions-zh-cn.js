// functions-zh-cn.json: the custom functions' metadata for Chinese Excel. Built from the functions.json that
// custom-functions-metadata-plugin generates from the JSDoc in src/functions/functions.ts, with every function's
// and parameter's description taken from a translation table (src/functions/metadata.zh.json). Ids, function
// names and parameter names stay as they are: a localized function name would break every formula written in
// another language's Excel, so the table has no place for one.
"use strict";

const fs = require("fs");
const { Compilation, WebpackError, sources } = require("webpack");

const PLUGIN_NAME = "FunctionsZhCnPlugin";
const CJK = /[\u3400-\u9fff]/;

function hasText(value) {
  return typeof value === "string" && value.trim() !== "";
}

/**
 * The metadata with Chinese descriptions. Throws one Error listing every function or parameter without a
 * translation, every translation for a function or parameter that does not exist, and every translation that
 * is not Chinese. Keys of the table starting with "$" are comments.
 */
function localizeMetadata(metadata, translations) {
  const problems = [];
  const functions = metadata.functions.map((fn) => {
    const entry = translations[fn.id];
    if (!entry || typeof entry !== "object") {
      problems.push(`${fn.id}: no translation`);
      return fn;
    }
    const description = entry.description;
    if (!hasText(description)) problems.push(`${fn.id}: no description`);
    else if (!CJK.test(description)) problems.push(`${fn.id}: the description is not Chinese`);
    const parameterTexts = entry.parameters || {};
    const parameters = (fn.parameters || []).map((p) => {
      const text = parameterTexts[p.name];
      if (!hasText(text)) problems.push(`${fn.id}(${p.name}): no description`);
      else if (!CJK.test(text)) problems.push(`${fn.id}(${p.name}): the description is not Chinese`);
      return { ...p, description: hasText(text) ? text : p.description };
    });
    const known = new Set((fn.parameters || []).map((p) => p.name));
    for (const name of Object.keys(parameterTexts)) {
      if (!known.has(name)) problems.push(`${fn.id}(${name}): translated, but ${fn.id} has no such parameter`);
    }
    return { ...fn, description: hasText(description) ? description : fn.description, parameters };
  });
  const ids = new Set(metadata.functions.map((fn) => fn.id));
  for (const id of Object.keys(translations)) {
    if (!id.startsWith("$") && !ids.has(id)) problems.push(`${id}: translated, but there is no such function`);
  }
  if (problems.length) {
    throw new Error(`the Chinese translations do not match the functions:\n  ${problems.join("\n  ")}`);
  }
  return { ...metadata, functions };
}

/** Emits `output` from the `source` metadata asset and the translation table at `translations` (a path). */
class FunctionsZhCnPlugin {
  constructor({ source = "functions.json", output = "functions-zh-cn.json", translations }) {
    this.options = { source, output, translations };
  }

  apply(compiler) {
    const { source, output, translations } = this.options;
    // thisCompilation: the main compilation only, not html-webpack-plugin's child compilation.
    compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
      compilation.fileDependencies.add(translations);
      compilation.hooks.processAssets.tap(
        // After custom-functions-metadata-plugin has added functions.json (it does so when the compilation is
        // created), as an asset derived from it.
        { name: PLUGIN_NAME, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS + 1 },
        () => {
          const asset = compilation.getAsset(source);
          if (!asset) {
            // The metadata plugin reports its own errors and then emits nothing; add ours only if it did not.
            if (compilation.errors.length === 0) {
              compilation.errors.push(new WebpackError(`${PLUGIN_NAME}: ${source} was not emitted`));
            }
            return;
          }
          try {
            const metadata = JSON.parse(asset.source.source().toString());
            const table = JSON.parse(fs.readFileSync(translations, "utf8"));
            const localized = localizeMetadata(metadata, table);
            compilation.emitAsset(output, new sources.RawSource(JSON.stringify(localized, null, 4)));
          } catch (e) {
            compilation.errors.push(new WebpackError(`${PLUGIN_NAME}: ${translations}: ${e.message}`));
          }
        },
      );
    });
  }
}

module.exports = FunctionsZhCnPlugin;
module.exports.localizeMetadata = localizeMetadata;
