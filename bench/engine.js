// npm run bench: one compiled engine rule against a hand-written if-chain for the same band, measured in one
// run on the same 10^6 inputs. Prints ns/op for each, a checksum of both result streams (so neither loop can be
// optimised away, and so they must agree), and the ratio. Target: ratio ≤ 1.5.
"use strict";
const { defaultCatalog } = require("../build/catalog");
const { compiledRule } = require("../build/engine");

const N = 1_000_000;
const ROUNDS = 7;

// 项目支持满意度 of 售前技术支持工程师岗位绩效考核指标(KPI): ≥95→15, ≥90→12, ≥85→10, ≥80→5, <80→0.
const found = defaultCatalog().findRule("support_kpi/satisfaction");
const compiled = compiledRule(found.rule.rule);

function ifChain(x) {
  if (x >= 95) return 15;
  if (x >= 90) return 12;
  if (x >= 85) return 10;
  if (x >= 80) return 5;
  return 0;
}

// A fixed pseudo-random stream (xorshift) so every run measures the same inputs.
const inputs = new Float64Array(N);
let s = 0x2545f491;
for (let i = 0; i < N; i++) {
  s ^= s << 13;
  s ^= s >>> 17;
  s ^= s << 5;
  inputs[i] = 70 + ((s >>> 0) % 3100) / 100; // 70.00 … 100.99, every band hit
}

function runCompiled() {
  let sum = 0;
  for (let i = 0; i < N; i++) sum += compiled(inputs[i], 0, 0);
  return sum;
}

function runIfChain() {
  let sum = 0;
  for (let i = 0; i < N; i++) sum += ifChain(inputs[i]);
  return sum;
}

function time(f) {
  const start = process.hrtime.bigint();
  const checksum = f();
  return { ns: Number(process.hrtime.bigint() - start), checksum };
}

// Warm both up, then alternate rounds so drift in machine load hits both equally; keep each one's best round.
for (let i = 0; i < 3; i++) {
  runCompiled();
  runIfChain();
}
let best = { compiled: Infinity, ifChain: Infinity };
let sums = { compiled: 0, ifChain: 0 };
for (let r = 0; r < ROUNDS; r++) {
  const a = time(runCompiled);
  const b = time(runIfChain);
  best.compiled = Math.min(best.compiled, a.ns);
  best.ifChain = Math.min(best.ifChain, b.ns);
  sums = { compiled: a.checksum, ifChain: b.checksum };
}

const perOp = (ns) => (ns / N).toFixed(2);
console.log(`inputs: ${N} (best of ${ROUNDS} rounds each)`);
console.log(`compiled engine rule : ${perOp(best.compiled)} ns/op  checksum ${sums.compiled}`);
console.log(`hand-written if-chain: ${perOp(best.ifChain)} ns/op  checksum ${sums.ifChain}`);
console.log(`ratio (engine / if-chain): ${(best.compiled / best.ifChain).toFixed(2)}  (target ≤ 1.5)`);
if (sums.compiled !== sums.ifChain) {
  console.error("checksums differ: the compiled rule does not score like the if-chain");
  process.exitCode = 1;
}
