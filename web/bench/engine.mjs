// Section 6, the engine alone: calc's Go benchmarks natively and in node
// (GOOS=js GOARCH=wasm), and networkingROI.compute of the built .wasm in node
// (web/bench/node-compute.cjs).
import { join } from "node:path";
import { figure, heading, info, kb, progress, repo, run, sorted } from "./lib.mjs";

/** The benchmarks of go test -bench -benchmem output: name, n, ns, bytes and allocs per op. */
function parseBenchmarks(text) {
  const out = [];
  for (const line of text.split("\n")) {
    const m = /^(Benchmark\S+?)(?:-\d+)?\s+(\d+)\s+([\d.]+) ns\/op(?:\s+([\d.]+) B\/op)?(?:\s+([\d.]+) allocs\/op)?/.exec(line);
    if (m) out.push({ name: m[1], n: +m[2], ns: +m[3], bytes: m[4] === undefined ? null : +m[4], allocs: m[5] === undefined ? null : +m[5] });
  }
  return out;
}

// Six options from the presets over 120 months, every one with a referral spread: the
// case networkingROI.compute's p95 is held to (as calc's sixPresetsLongJSON).
const SIX_LONG = JSON.stringify({ horizonMonths: 120, options: [
  { kind: "weekly_group" }, { kind: "open_network" }, { kind: "chamber_of_commerce" },
  { kind: "weekly_group", referralSpread: 1 }, { kind: "open_network", referralSpread: 0.25 },
  { kind: "chamber_of_commerce", referralSpread: 1.5 },
] });

/** Runs the benchmarks; snap is the snapshot, whose .wasm node-compute.cjs times on defaultInput. */
export function engine(snap, defaultInput) {
  heading("7. Engine: go test -bench, natively and in node");
  const goroot = run("go", ["env", "GOROOT"]).trim();
  progress("go test -bench natively");
  const native = parseBenchmarks(run("go", ["test", "-run", "^$", "-bench", ".", "-benchmem", "-count=3", "./calc"]));
  progress("go test -bench in node (GOOS=js GOARCH=wasm)");
  const wasm = parseBenchmarks(run("go", ["test", "-run", "^$", "-bench", ".", "-benchmem", "-count=3", `-exec=${goroot}/lib/wasm/go_js_wasm_exec`, "./calc"], {
    env: { ...process.env, GOOS: "js", GOARCH: "wasm" },
  }));
  // -count=3: each benchmark's median run; in node the first run of a benchmark still runs partly in
  // V8's baseline (Liftoff) code, before the hot functions are tiered up.
  const byName = (list) => {
    const groups = new Map();
    for (const b of list) groups.set(b.name, [...(groups.get(b.name) || []), b]);
    return [...groups.entries()].map(([name, runs]) => ({ ...sorted(runs.map((r) => r.ns)).map((ns) => runs.find((r) => r.ns === ns))[runs.length >> 1], name, runs }));
  };
  const line = (b) => `${(b.ns / 1000).toFixed(1)} µs/op (${b.ns.toLocaleString("en-US")} ns/op), ${b.bytes?.toLocaleString("en-US") ?? "?"} B/op, ${b.allocs?.toLocaleString("en-US") ?? "?"} allocs/op; runs ${b.runs.map((r) => `${(r.ns / 1000).toFixed(0)} µs × ${r.n}`).join(", ")}`;
  for (const b of byName(native)) info(`native ${b.name} (median of 3)`, line(b));
  for (const b of byName(wasm)) info(`wasm in node ${b.name} (median of 3)`, line(b));
  const c = byName(native).find((b) => b.name === "BenchmarkComputeJSON");
  if (c) {
    figure("ComputeJSON natively, time", `${(c.ns / 1000).toFixed(1)} µs/op`, "under 200 µs", c.ns < 200_000);
    info("ComputeJSON natively, memory", `${c.bytes.toLocaleString("en-US")} B/op (${kb(c.bytes)}), ${c.allocs.toLocaleString("en-US")} allocs/op`);
  } else {
    figure("ComputeJSON natively", "no BenchmarkComputeJSON in ./calc", "under 200 µs", false);
  }
  // The target is held by the widget's largest ordinary case: six options over 120 months,
  // each with a referral spread, so that every option's clients are negative binomial
  // (calc's BenchmarkComputeJSONSixPresetsLong natively); the default comparison is printed beside it.
  const nodeCompute = (label, input) => {
    progress(`node web/bench/node-compute.cjs, ${label}`);
    const out = run("node", [join(repo, "web/bench/node-compute.cjs"), join(snap.dist, snap.assets.wasm), join(snap.dist, snap.assets.exec), input]).trim();
    return { out, m: /median (\d+) µs, p95 (\d+) µs over (\d+) calls/.exec(out) };
  };
  const ms = (m) => `median ${(+m[1] / 1000).toFixed(2)} ms, p95 ${(+m[2] / 1000).toFixed(2)} ms over ${m[3]} calls`;
  const base = nodeCompute("the default comparison", defaultInput);
  info("networkingROI.compute in node, the default comparison (2 options, 24 months)", base.m ? ms(base.m) : base.out);
  const six = nodeCompute("six options over 120 months with spreads", JSON.stringify(JSON.parse(run("go", ["run", "./cmd/input", SIX_LONG])).input));
  if (six.m) figure("networkingROI.compute in node, 6 options × 120 months with referralSpread", ms(six.m), "p95 under 2 ms", +six.m[2] < 2000);
  else info("node-compute.cjs", six.out);
}
