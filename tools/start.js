#!/usr/bin/env node
// npm start / npm run stop: sideload manifest.xml into desktop Excel with office-addin-debugging (it also starts
// the dev server), or stop that session. office-addin-debugging is an optional dependency: it needs the native
// keytar module, which npm skips where it cannot build (Linux without libsecret), so say how to sideload by hand.
"use strict";

const { spawnSync } = require("child_process");
const path = require("path");

const command = process.argv[2] === "stop" ? "stop" : "start";

function debuggingCli() {
  try {
    const pkg = require.resolve("office-addin-debugging/package.json");
    const bin = require(pkg).bin;
    const relative = typeof bin === "string" ? bin : bin["office-addin-debugging"];
    return path.join(path.dirname(pkg), relative);
  } catch {
    return null;
  }
}

const cli = debuggingCli();
if (!cli) {
  console.error(
    [
      `npm ${command === "start" ? "start" : "run stop"}: 未安装 office-addin-debugging。`,
      "它是可选依赖,需要原生模块 keytar;在没有 libsecret 的 Linux 上 npm install 会跳过它,所以本机无法自动旁加载。",
      "请改为手动旁加载:运行 npm run dev-server,再按 docs/ADDIN.md 第 1 节把 manifest.xml 加载到 Excel(网页版、Windows 或 Mac)。",
      "",
      `npm ${command === "start" ? "start" : "run stop"}: office-addin-debugging is not installed.`,
      "It is an optional dependency that needs the native keytar module; npm install skips it on Linux without",
      "libsecret, so this machine cannot sideload automatically. Sideload by hand instead: run npm run dev-server,",
      "then load manifest.xml into Excel (on the web, Windows or Mac) as docs/ADDIN.md section 1 describes.",
    ].join("\n"),
  );
  process.exit(1);
}

const result = spawnSync(process.execPath, [cli, command, "manifest.xml", ...process.argv.slice(3)], {
  stdio: "inherit",
  cwd: path.resolve(__dirname, ".."),
});
process.exit(result.status ?? 1);
