// Times networkingROI.compute in node: the built .wasm, run by the
// wasm_exec.js of the same Go, on the default comparison as the widget sends
// it. Prints the median and p95 of single calls.
// Usage: node web/bench/node-compute.cjs bin/networking-roi.wasm "$(go env GOROOT)/lib/wasm/wasm_exec.js" '<input json>'
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const [wasmPath, execPath, input] = process.argv.slice(2);
globalThis.fs ??= fs;
require(path.resolve(execPath));

(async () => {
  const go = new globalThis.Go();
  const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmPath), go.importObject);
  go.run(instance);
  const api = globalThis.networkingROI;
  const memory = () => instance.exports.mem.buffer.byteLength;
  api.compute(input);
  const afterOne = memory();
  for (let i = 0; i < 200; i++) api.compute(input); // warm up
  const times = [];
  for (let i = 0; i < 2000; i++) {
    const start = performance.now();
    const reply = api.compute(input);
    times.push(performance.now() - start);
    if (!reply.startsWith('{"report"')) throw new Error(reply);
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.floor(q * (times.length - 1))];
  const median = at(0.5);
  console.log(`networkingROI.compute in node: median ${(median * 1000).toFixed(0)} µs, p95 ${(at(0.95) * 1000).toFixed(0)} µs over ${times.length} calls (target: p95 under 2 ms) ${at(0.95) < 2 ? "ok" : "over"}`);
  for (let i = 0; i < 3000; i++) api.compute(input);
  const atFive = memory();
  for (let i = 0; i < 5000; i++) api.compute(input);
  const atTen = memory();
  const kb = (b) => `${(b / 1024).toFixed(0)} KB`;
  console.log(`wasm memory after 1 compute ${kb(afterOne)}, 5,200: ${kb(atFive)}, 10,200: ${kb(atTen)}; growth ${(atTen / afterOne).toFixed(2)}× (target: at most 1.5×, none from 5,000 on) ${atTen / afterOne <= 1.5 && atTen === atFive ? "ok" : "over"}`);
  process.exit(0);
})();
