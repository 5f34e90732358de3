// webpack.config.js as configuration (webpack itself is not run here; `npm run build` and `npm run bench` do).
import * as fs from "fs";
import * as path from "path";

interface ConfigModule {
  (env: Record<string, unknown>, argv: { mode: string }): Promise<Record<string, any>>;
  rewriteManifest(content: Buffer | string, baseUrl: string): string;
  DEV_BASE_URL: string;
}

const ROOT = path.resolve(__dirname, "../..");
const makeConfig = require("../../webpack.config.js") as ConfigModule;

const saved = { ADDIN_BASE_URL: process.env.ADDIN_BASE_URL, OFFICE_JS_URL: process.env.OFFICE_JS_URL };
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

function production(base: string | undefined, officeJs?: string) {
  if (base === undefined) delete process.env.ADDIN_BASE_URL;
  else process.env.ADDIN_BASE_URL = base;
  if (officeJs === undefined) delete process.env.OFFICE_JS_URL;
  else process.env.OFFICE_JS_URL = officeJs;
  return makeConfig({ WEBPACK_BUILD: true }, { mode: "production" });
}

function htmlOptions(config: Record<string, any>) {
  return config.plugins.find((p: { constructor: { name: string } }) => p.constructor.name === "HtmlWebpackPlugin")
    .userOptions;
}

describe("a production build", () => {
  test("fails with a clear message, in Chinese and English, without ADDIN_BASE_URL", async () => {
    await expect(production(undefined)).rejects.toThrow(/ADDIN_BASE_URL[\s\S]*ADDIN_BASE_URL/);
    await expect(production(undefined)).rejects.toThrow(/生产构建需要环境变量 ADDIN_BASE_URL/);
  });

  test.each(["http://kpi.example.com/", "https://kpi.example.com/addin", "kpi.example.com/", "https://"])(
    "refuses ADDIN_BASE_URL=%s (https, ending in /)",
    async (url) => {
      await expect(production(url)).rejects.toThrow(/must be an https address ending in "\/"/);
    },
  );

  test("loads office.js from Microsoft's CDN, or from OFFICE_JS_URL", async () => {
    const cdn = htmlOptions(await production("https://kpi.example.com/addin/"));
    expect(cdn.officeJsUrl).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    const own = htmlOptions(await production("https://kpi.example.com/addin/", "https://cdn.example.cn/office.js"));
    expect(own.officeJsUrl).toBe("https://cdn.example.cn/office.js");
    await expect(production("https://kpi.example.com/addin/", "http://cdn.example.cn/office.js")).rejects.toThrow(
      /OFFICE_JS_URL/,
    );
  });

  test("puts the functions, the commands and the pane on one page, sharing one runtime", async () => {
    const config = await production("https://kpi.example.com/addin/");
    expect(htmlOptions(config).chunks).toEqual(["functions", "commands", "taskpane"]);
    expect(config.entry.commands.dependOn).toBe("functions");
    expect(config.entry.taskpane.dependOn).toBe("functions");
    expect(config.devServer).toMatchObject({ hot: false, liveReload: false, port: 3000 });
  });

  test("strips the catalog's details only for src/catalog/templates/index.ts", async () => {
    const config = await production("https://kpi.example.com/addin/");
    const rules = config.module.rules.filter((r: { use?: unknown }) =>
      JSON.stringify(r.use ?? "").includes("strip-catalog-details"),
    );
    expect(rules).toHaveLength(1);
    expect(rules[0].issuer).toBe(path.join(ROOT, "src/catalog/templates/index.ts"));
    expect(rules[0].test.test(path.join(ROOT, "src/catalog/templates/support_kpi.json"))).toBe(true);
    expect(rules[0].test.test(path.join(ROOT, "src/catalog/template.schema.json"))).toBe(false);
  });
});

describe("the deployed manifest", () => {
  const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"));

  test("names the deployment URL wherever the development manifest names https://localhost:3000/", () => {
    const dev = manifest.toString("utf8");
    const count = dev.replace(/<!--[\s\S]*?-->/g, "").split(makeConfig.DEV_BASE_URL).length - 1;
    expect(count).toBeGreaterThan(0);
    const out = makeConfig.rewriteManifest(manifest, "https://kpi.example.com/addin/");
    expect(out).not.toMatch(/localhost/i);
    expect(out.split("https://kpi.example.com/addin/").length - 1).toBe(count);
    expect(out).toContain('<SourceLocation DefaultValue="https://kpi.example.com/addin/taskpane.html"/>');
  });

  test("stays unchanged in development", () => {
    expect(makeConfig.rewriteManifest(manifest, makeConfig.DEV_BASE_URL)).toBe(manifest.toString("utf8"));
  });

  test("refuses a manifest with a localhost URL the build cannot replace", () => {
    const odd = Buffer.from('<IconUrl DefaultValue="https://localhost:3001/icon.png"/>');
    expect(() => makeConfig.rewriteManifest(odd, "https://kpi.example.com/addin/")).toThrow(/localhost/);
  });
});
