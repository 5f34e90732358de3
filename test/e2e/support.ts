// What the Chromium end-to-end suite (pane.itest.ts) needs around the browser: the system tools it checks for,
// the production build, the e2e shim (office.js + the fake host) and a static server for dist/ on 127.0.0.1.
import { execFile, spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";
import webpack from "webpack";

export const ROOT = resolve(__dirname, "../..");
export const CHROMIUM = "/usr/bin/chromium";
export const APT_HINT = "apt-get install -y chromium fonts-noto-cjk";

/** Where dist/taskpane.html loads office.js from (webpack.config.js's default OFFICE_JS_URL). */
export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** The file office.js loads next to itself. */
export const MAPPING_TABLE_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/o15apptofilemappingtable.js";

/** Fails (never skips) when Chromium or a Chinese font is missing, saying what to install. */
export function requireChromium(): void {
  try {
    accessSync(CHROMIUM, constants.X_OK);
  } catch {
    throw new Error(`Chromium is not installed at ${CHROMIUM}; run: ${APT_HINT}`);
  }
  const fonts = spawnSync("fc-list", [":lang=zh", "family"], { encoding: "utf8" });
  if (fonts.error || fonts.status !== 0 || fonts.stdout.trim() === "") {
    throw new Error(`No Chinese font found (fc-list :lang=zh); run: ${APT_HINT}`);
  }
}

/**
 * The production build, as `npm run build` makes it, into its own folder (not dist/: a build there could be
 * overwritten under the running test by someone else's, or overwrite theirs). The manifest's URL does not matter
 * for the page; ADDIN_BASE_URL must be https.
 */
export function buildAddin(outDir: string): Promise<void> {
  const cli = require.resolve("webpack/bin/webpack.js", { paths: [ROOT] });
  return new Promise((done, fail) => {
    execFile(
      process.execPath,
      [cli, "--mode", "production", "--output-path", outDir],
      {
        cwd: ROOT,
        env: { ...process.env, ADDIN_BASE_URL: "https://kpi.example.invalid/", OFFICE_JS_URL: "" },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error) fail(new Error(`The production build failed:\n${stdout}\n${stderr}`));
        else done();
      },
    );
  });
}

/**
 * Bundles test/e2e/boot (office.js hooks, test/excel/fake-excel-boot.ts, what office.js needs of the fake Office
 * and the associate recorder) into one script, written to `outDir`; returns its text.
 */
export function bundleBoot(outDir: string): Promise<string> {
  const compiler = webpack({
    mode: "development",
    devtool: false,
    target: ["web", "es2020"],
    context: ROOT,
    entry: join(__dirname, "boot", "index.ts"),
    output: { path: outDir, filename: "boot.js", iife: true },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: require.resolve("ts-loader", { paths: [ROOT] }),
            options: {
              transpileOnly: true,
              compilerOptions: { module: "es2020", moduleResolution: "bundler", target: "es2020", sourceMap: false },
            },
          },
        },
      ],
    },
    // package.json's "sideEffects" lists the add-in's entries only: every module here is imported for its
    // side effects (installing globals), so webpack must not prune those imports.
    optimization: { sideEffects: false },
    performance: { hints: false },
  });
  return new Promise((done, fail) => {
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error || !stats || stats.hasErrors()) {
        fail(error ?? new Error(`The e2e shim failed to bundle:\n${stats?.toString("errors-only")}`));
        return;
      }
      done(readFileSync(join(outDir, "boot.js"), "utf8"));
    });
  });
}

/** The two scripts the routed office.js URLs are fulfilled with: office.js followed by the boot bundle, and the
 * mapping table office.js loads next to itself, both from the npm package. */
export function officeShim(boot: string): { officeJs: string; mappingTable: string } {
  const dist = (file: string) =>
    readFileSync(require.resolve(`@microsoft/office-js/dist/${file}`, { paths: [ROOT] }), "utf8");
  return {
    officeJs: `${dist("office.js")}\n;\n${boot}\n`,
    mappingTable: dist("o15apptofilemappingtable.js"),
  };
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};

export interface StaticServer {
  origin: string;
  /** Paths served (200) and refused (404), in order. */
  log: Array<{ path: string; status: number }>;
  close(): Promise<void>;
}

/** Serves `dir` unchanged at http://127.0.0.1:<free port>/ (GET and HEAD only). */
export async function serveStatic(dir: string): Promise<StaticServer> {
  const root = resolve(dir);
  const log: StaticServer["log"] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    const file = normalize(join(root, path));
    const ok =
      (req.method === "GET" || req.method === "HEAD") &&
      file.startsWith(root + sep) &&
      existsSync(file) &&
      statSync(file).isFile();
    log.push({ path, status: ok ? 200 : 404 });
    if (!ok) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": "no-store",
    });
    res.end(req.method === "HEAD" ? undefined : readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
