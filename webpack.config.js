// Builds the Excel add-in into dist/ (the yo-office layout): one page, taskpane.html, loads the functions, the
// ribbon commands and the task pane into Office's shared runtime.
//
//   npm run build        production: ADDIN_BASE_URL (https, ending in "/") replaces https://localhost:3000/ in
//                        the manifest; OFFICE_JS_URL may point office.js elsewhere (21Vianet tenants)
//   npm run build:dev    development build, URLs stay on https://localhost:3000/
//   npm run dev-server   serves dist/ at https://localhost:3000/ (office-addin-dev-certs), no hot reload
"use strict";

const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const FunctionsZhCnPlugin = require("./tools/webpack/functions-zh-cn");

const DEV_BASE_URL = "https://localhost:3000/";
const DEFAULT_OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

const TEMPLATES_INDEX = path.resolve(__dirname, "src/catalog/templates/index.ts");
const TEMPLATE_FILES = /[\\/]src[\\/]catalog[\\/]templates[\\/][^\\/]+\.json$/;

/** A clear build failure, in both languages, for a missing or wrong setting. */
function settingError(zh, en) {
  const error = new Error(`${zh}\n${en}`);
  error.stack = `Error: ${error.message}`; // webpack-cli prints the stack; the message is all there is to say
  return error;
}

function httpsUrl(value) {
  try {
    const url = new URL(value);
    return url.protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

/** Where dist/ will be served from: https://localhost:3000/ in development, ADDIN_BASE_URL in production. */
function deploymentBaseUrl(production) {
  if (!production) return DEV_BASE_URL;
  const value = process.env.ADDIN_BASE_URL;
  const example = "ADDIN_BASE_URL=https://kpi.example.com/addin/ npm run build";
  if (!value) {
    throw settingError(
      `生产构建需要环境变量 ADDIN_BASE_URL:dist/ 部署后的 https 地址,以 “/” 结尾。例如:${example}`,
      `A production build needs ADDIN_BASE_URL: the https address dist/ will be served from, ending in "/". For example: ${example}`,
    );
  }
  if (!httpsUrl(value) || !value.endsWith("/")) {
    throw settingError(
      `ADDIN_BASE_URL “${value}” 无效:必须是以 “/” 结尾的 https 地址(Office 只加载 https)。例如:${example}`,
      `ADDIN_BASE_URL "${value}" is not valid: it must be an https address ending in "/" (Office loads https only). For example: ${example}`,
    );
  }
  return value;
}

/** The office.js the page loads: Microsoft's CDN unless OFFICE_JS_URL names another (21Vianet tenants). */
function officeJsUrl() {
  const value = process.env.OFFICE_JS_URL || DEFAULT_OFFICE_JS_URL;
  if (!httpsUrl(value)) {
    throw settingError(
      `OFFICE_JS_URL “${value}” 无效:必须是 https 地址。`,
      `OFFICE_JS_URL "${value}" is not valid: it must be an https address.`,
    );
  }
  return value;
}

/** manifest.xml for dist/: every development URL replaced with the deployment base URL. */
function rewriteManifest(content, baseUrl) {
  let text = content.toString("utf8");
  if (baseUrl !== DEV_BASE_URL) {
    // The comments are notes for developers (they name the development URLs); the deployed file needs none.
    text = text.replace(/<!--[\s\S]*?-->\s*/g, "");
  }
  text = text.split(DEV_BASE_URL).join(baseUrl);
  if (baseUrl !== DEV_BASE_URL && /localhost/i.test(text)) {
    throw settingError(
      "manifest.xml 中仍有 localhost 地址:所有开发地址都应以 https://localhost:3000/ 开头,构建时才能替换。",
      "manifest.xml still names localhost: every development URL must start with https://localhost:3000/ for the build to replace it.",
    );
  }
  return text;
}

module.exports = async (env, argv) => {
  const production = argv.mode === "production";
  const baseUrl = deploymentBaseUrl(production);
  const officeJs = officeJsUrl();

  const config = {
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    // Office's shared runtime is a modern webview (WebView2, WKWebView) or the browser; the TypeScript output is
    // ES2020 too, so webpack's own runtime code need not be ES5.
    target: ["web", "es2020"],
    entry: {
      // functions first: it carries the webpack runtime the other two entries share (dependOn), so the pane and
      // the functions see one module registry and one catalog in memory.
      functions: "./src/functions/functions.ts",
      commands: { import: "./src/commands/commands.ts", dependOn: "functions" },
      taskpane: { import: "./src/taskpane/index.ts", dependOn: "functions" },
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      // The pane's chunks sit beside taskpane.html: relative URLs resolve, and webpack needs no code to work out
      // its own address at run time (publicPath "auto").
      publicPath: "",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              // ES modules for webpack (tree shaking, async chunks for import()); tsconfig.json says commonjs
              // for jest and the CLI.
              compilerOptions: {
                module: "es2020",
                moduleResolution: "bundler",
                target: "es2020",
                sourceMap: !production,
              },
            },
          },
        },
        {
          // The functions' catalog without criterion texts, notes and sources. Only for the imports in
          // src/catalog/templates/index.ts: src/catalog/details.ts imports the same files whole for the pane.
          test: TEMPLATE_FILES,
          issuer: TEMPLATES_INDEX,
          type: "json",
          use: path.resolve(__dirname, "tools/webpack/strip-catalog-details.js"),
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new FunctionsZhCnPlugin({
        source: "functions.json",
        output: "functions-zh-cn.json",
        translations: path.resolve(__dirname, "src/functions/metadata.zh.json"),
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "commands", "taskpane"],
        officeJsUrl: officeJs,
        minify: production ? { collapseWhitespace: true, removeComments: true } : false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "assets/help.html", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml", transform: (content) => rewriteManifest(content, baseUrl) },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      port: 3000,
      // One page serves the functions, the ribbon and the pane in a shared runtime: a reload would restart the
      // functions under Excel's feet, so no hot module replacement and no live reload.
      hot: false,
      liveReload: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      // Everything is served from the compilation in memory (the copied manifest and assets included), never
      // from a dist/ left by an earlier production build.
      static: false,
    },
  };

  if (env.WEBPACK_SERVE) {
    // Only the dev server needs (and installs, on first use) the trusted localhost certificate.
    const devCerts = require("office-addin-dev-certs");
    config.devServer.server = { type: "https", options: await devCerts.getHttpsServerOptions() };
  }
  return config;
};

module.exports.rewriteManifest = rewriteManifest;
module.exports.DEV_BASE_URL = DEV_BASE_URL;
