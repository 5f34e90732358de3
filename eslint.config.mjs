// ESLint 9 flat config, used by office-addin-lint (`npm run lint`, `npm run lint:fix`; it picks up this file
// from the project root). Base: eslint-plugin-office-addins' "react" config, i.e. its "recommended" config
// (eslint:recommended, the Office.js rules, prettier) plus eslint-plugin-react's recommended rules.
//
// Decisions:
// - .tsx: the plugin's config lists js/ts files only; the same parser and rules are applied to .tsx here, and
//   ecmaVersion is 2022 (the plugin says 6; the code is ES2020 and Node 20 scripts).
// - no-undef and no-redeclare are off for TypeScript (the compiler checks names, and knows Office,
//   CustomFunctions and JSX); CommonJS scripts (bin, bench, tools, config files) get Node's globals instead.
// - src/xlsx uses ExcelJS, not Office.js: the Office.js proxy rules (load/sync) are off there.
// - Unused bindings named `_x` (and rest siblings) are allowed, as are empty `catch {}` blocks; no-control-regex
//   is off in src/cli, which strips control characters from file names on purpose.
// - React 17+ JSX transform ("jsx": "react-jsx"): no React import needed, so react-in-jsx-scope is off.
// - Formatting (prettier/prettier, .prettierrc.json: 120 columns, the width the code base is written to) is
//   enforced for the add-in shell's own files. Code written before the shell (engine, catalog, CLI, i18n and
//   their tests) is not prettier-formatted; reformatting it is a separate, whole-repo change
//   (`npx prettier --write .`) best made when no one has work in flight, so the rule is off there for now.
import { createRequire } from "module";
import officeAddins from "eslint-plugin-office-addins";

// The plugin's configs name @typescript-eslint/parser through a CommonJS default import that comes out undefined
// (ESLint then falls back to espree, which cannot read TypeScript); office-addin-lint's own default config sets
// the parser again for that reason. Take the parser the plugin itself depends on.
const tsParser = createRequire(import.meta.resolve("eslint-plugin-office-addins"))("@typescript-eslint/parser");

const NODE_GLOBALS = {
  require: "readonly",
  module: "writable",
  exports: "writable",
  process: "readonly",
  console: "readonly",
  __dirname: "readonly",
  __filename: "readonly",
  Buffer: "readonly",
  setTimeout: "readonly",
  URL: "readonly",
};

const SCRIPT_FILES = ["**/*.{js,mjs,cjs,ts,cts,mts}"];

/** The office-addins "react" config, with its TypeScript block extended to .tsx. */
const base = officeAddins.configs.react.map((block) =>
  block.files && block.files.length === 1 && block.files[0] === SCRIPT_FILES[0]
    ? {
        ...block,
        files: ["**/*.{js,mjs,cjs,ts,cts,mts,tsx}"],
        languageOptions: { ...block.languageOptions, parser: tsParser, ecmaVersion: 2022 },
      }
    : block,
);

/** Files the add-in shell owns, where prettier formatting is enforced. */
const SHELL_FILES = [
  "src/functions/**",
  "src/taskpane/**",
  "src/commands/**",
  "tools/**",
  "bench/bundle.js",
  "test/build/**",
  "test/taskpane/**",
  "test/functions/metadata.test.ts",
  "webpack.config.js",
  "eslint.config.mjs",
];

export default [
  { ignores: ["dist/**", "build/**", "coverage/**", ".jest-results/**", "node_modules/**"] },
  ...base,
  {
    files: ["**/*.{js,mjs,cjs,ts,cts,mts,tsx}"],
    rules: {
      // `_name` marks a deliberately unused binding; `{ drop, ...rest }` uses the rest.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      // `catch {}` says "ignore the error" explicitly enough.
      "no-empty": ["error", { allowEmptyCatch: true }],
    },
  },
  {
    // File names are cleaned of the control characters \u0000-\u001f on purpose.
    files: ["src/cli/**"],
    rules: { "no-control-regex": "off" },
  },
  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    // The compiler checks both; the core rules misread declaration merging (a function and a namespace).
    rules: { "no-undef": "off", "no-redeclare": "off" },
  },
  {
    // ExcelJS (the .xlsx writer), not Office.js: its getCell()/cell.value are plain objects, not proxies that
    // need load() and context.sync(), so the Office.js proxy rules only give false reports there.
    files: ["src/xlsx/**"],
    rules: {
      "office-addins/call-sync-after-load": "off",
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/no-context-sync-in-loop": "off",
      "office-addins/no-empty-load": "off",
      "office-addins/no-navigational-load": "off",
      "office-addins/test-for-null-using-isNullObject": "off",
    },
  },
  {
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs", globals: NODE_GLOBALS },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { sourceType: "module", globals: NODE_GLOBALS },
  },
  {
    files: ["**/*.tsx"],
    rules: {
      "react/react-in-jsx-scope": "off",
      "react/jsx-uses-react": "off",
    },
  },
  {
    files: ["**/*.{js,mjs,cjs,ts,cts,mts,tsx}"],
    ignores: SHELL_FILES,
    rules: { "prettier/prettier": "off" },
  },
];
