// Headless LibreOffice as a spreadsheet engine for tests: converts .xlsx files to .xlsx, forcing every
// formula to be recalculated, in a private profile so parallel runs never share state.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

export const APT_HINT = "apt-get install -y libreoffice-calc-nogui python3-uno fonts-noto-cjk";

/** Fails (never skips) when LibreOffice is missing, saying what to install. */
export function requireSoffice(): string {
  const which = spawnSync("sh", ["-c", "command -v soffice || command -v libreoffice"], { encoding: "utf8" });
  const path = which.stdout.trim();
  if (!path) throw new Error(`LibreOffice is not installed; run: ${APT_HINT}`);
  return path;
}

export function sofficeVersion(): string {
  return execFileSync(requireSoffice(), ["--version"], { encoding: "utf8" }).trim();
}

/** A fresh profile whose settings make LibreOffice recalculate every formula of an .xlsx on load. */
function profile(): string {
  const dir = mkdtempSync(join(tmpdir(), "kpi-lo-profile-"));
  mkdirSync(join(dir, "user"), { recursive: true });
  writeFileSync(
    join(dir, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return dir;
}

/** Recalculates the files in LibreOffice and returns the paths of the recalculated copies. */
export function recalculate(files: string[], filter = "xlsx"): string[] {
  const soffice = requireSoffice();
  const out = mkdtempSync(join(tmpdir(), "kpi-lo-out-"));
  const result = spawnSync(
    soffice,
    [`-env:UserInstallation=file://${profile()}`, "--headless", "--norestore", "--nolockcheck", "--convert-to", filter, "--outdir", out, ...files],
    { encoding: "utf8", timeout: 300_000 },
  );
  if (result.status !== 0) throw new Error(`soffice failed (${result.status}): ${result.stderr}`);
  const ext = filter.split(":")[0];
  return files.map((f) => join(out, basename(f).replace(/\.[^.]+$/, `.${ext}`)));
}
