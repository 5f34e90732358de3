#!/usr/bin/env node
// Checks the functions metadata a build wrote (dist/functions.json, dist/functions-zh-cn.json): exactly the ten
// KPI functions with the documented parameters, the same ids/names/parameters/types/dimensionality in both
// files, and Chinese descriptions in the Chinese file. Used by .ci/run after `npm run build`.
"use strict";
const { readFileSync } = require("node:fs");
const { join } = require("node:path");

const dir = process.argv[2] || "dist";
const en = JSON.parse(readFileSync(join(dir, "functions.json"), "utf8"));
const zh = JSON.parse(readFileSync(join(dir, "functions-zh-cn.json"), "utf8"));

const EXPECTED = {
  BAND: ["value:any:scalar", "rule:string:scalar"],
  SCORE: ["value:any:scalar", "rule:string:scalar", "value2?:any:matrix"],
  GRADE: ["total:any:scalar", "template:string:scalar"],
  TOTAL: ["points:any:matrix", "template:string:scalar"],
  BLEND: ["supervisor:any:scalar", "self:any:scalar", "supervisorWeight?:any:scalar"],
  DEDUCT: ["count:any:scalar", "perOccurrence:any:scalar", "full:any:scalar", "floor?:any:scalar"],
  BONUS: ["count:any:scalar", "perOccurrence:any:scalar", "cap:any:scalar"],
  TABLE: ["value:any:scalar", "thresholds:any:matrix", "points:any:matrix", "direction?:any:scalar"],
  EXPLAIN: ["value:any:scalar", "rule:string:scalar", "value2?:any:matrix"],
  RULES: ["template?:any:scalar"],
};

const problems = [];
const sig = (p) => `${p.name}${p.optional ? "?" : ""}:${p.type}:${p.dimensionality || "scalar"}`;
const byId = (m) => new Map(m.functions.map((f) => [f.id, f]));
const enFns = byId(en);
const zhFns = byId(zh);
if ([...enFns.keys()].sort().join() !== Object.keys(EXPECTED).sort().join())
  problems.push(`functions.json has ${[...enFns.keys()]}`);
for (const [id, params] of Object.entries(EXPECTED)) {
  const f = enFns.get(id);
  const z = zhFns.get(id);
  if (!f) continue;
  if (f.name !== id) problems.push(`${id}: name ${f.name}`);
  const got = (f.parameters || []).map(sig);
  if (got.join() !== params.join()) problems.push(`${id}: parameters ${got.join(", ")}; expected ${params.join(", ")}`);
  if (!z) {
    problems.push(`${id}: missing from functions-zh-cn.json`);
    continue;
  }
  if (z.name !== f.name) problems.push(`${id}: zh name ${z.name} differs (localized names give #NAME?)`);
  if ((z.parameters || []).map(sig).join() !== got.join()) problems.push(`${id}: zh parameters differ`);
  if (JSON.stringify(z.result) !== JSON.stringify(f.result)) problems.push(`${id}: zh result differs`);
  const cjk = /[\u4e00-\u9fff]/;
  if (!cjk.test(z.description || "")) problems.push(`${id}: zh description is not Chinese`);
  for (const p of z.parameters || [])
    if (!cjk.test(p.description || "")) problems.push(`${id}.${p.name}: zh description is not Chinese`);
}
if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(`${dir}/functions.json and functions-zh-cn.json: the ten KPI functions, same signatures, Chinese help`);
