// The widget's performance budget, measured in one run on this machine, one
// section per module of web/bench:
//   1. weight.mjs: wire weight of everything the widget fetches, against the
//      floor (web/bench/floor: the smallest Go program linking syscall/js and
//      shopspring/decimal);
//   2. host.mjs: what the widget costs a host page before it is in view;
//   3. tti.mjs: time from the widget entering the viewport to its first
//      computed result, unthrottled and at 9 Mbit/s + 60 ms, against the
//      floor's time to its first write; unthrottled, also the least the widget
//      must add to the floor's time;
//   4. keystrokes.mjs: keystroke to updated result;
//   5. memory.mjs: the wasm memory over 10,000 computes;
//   6. shift.mjs: the layout shift the widget causes as it upgrades: in view at
//      load, under a jump link to a heading after it, on a phone scrolling to
//      it at 9 Mbit/s;
//   7. engine.mjs: the engine's Go benchmarks, natively and in node, and networkingROI.compute in
//      node on six options over 120 months with referral spreads (and the default comparison).
// This file takes the arguments, snapshots the build (snapshot.mjs), writes
// the pages measured into it (pages.mjs), starts the server and the browser,
// runs the sections and prints the summary. Each figure prints as
// `name: value (target: …) ok|over`, or `name: value` where it has no
// target; progress goes to stderr. Needs `make build` (dist/), Debian's
// chromium and web/test's node_modules (playwright-core, resolved through
// ../test/harness.mjs).
//
// Usage (from the repository root): node web/bench/measure.mjs
// RUNS=n sets the runs per median (default 7, at least 7). ONLY=host,tti runs
// some sections only (weight, host, tti, keys, memory, shift, engine), to iterate.
import { readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { engine } from "./engine.mjs";
import { hostCost } from "./host.mjs";
import { keystrokes } from "./keystrokes.mjs";
import { HAS_BROTLI, heading, info, launchBrowser, progress, run, startServer, startedAt, verdicts } from "./lib.mjs";
import { memory } from "./memory.mjs";
import { writeFixtures } from "./pages.mjs";
import { buildFloor, serverBinary, snapshotDist } from "./snapshot.mjs";
import { layoutShift } from "./shift.mjs";
import { timeToInteractive } from "./tti.mjs";
import { wireWeight } from "./weight.mjs";

const RUNS = Math.max(7, Number(process.env.RUNS) || 7);
const ONLY = process.env.ONLY ? new Set(process.env.ONLY.split(",")) : null;
const wanted = (section) => !ONLY || ONLY.has(section);
const loadBefore = loadavg();

async function main() {
  progress("snapshotting dist/ and building the floor");
  const snap = snapshotDist();
  const servers = [];
  let browser;
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => {
      for (const s of servers) s.stop();
      rmSync(snap.root, { recursive: true, force: true });
      process.exit(130);
    });
  }
  try {
    const floor = buildFloor(snap);
    writeFixtures(snap, floor);
    const defaultInput = JSON.stringify(JSON.parse(run("go", ["run", "./cmd/input"])).input);
    console.log(`# networking-roi performance (${snap.assets.wasm}, ${snap.assets.widget})`);
    if (loadBefore[0] > availableParallelism()) {
      console.log(`warning: load average ${loadBefore[0].toFixed(2)} on ${availableParallelism()} CPUs before the run: other work competes with the timings below`);
    }
    if (wanted("weight")) wireWeight(snap, floor);
    const server = await startServer(serverBinary(snap.root), snap.dist);
    servers.push(server);
    browser = await launchBrowser();
    await browser.context.close();
    if (wanted("host")) {
      progress("host page cost");
      await hostCost(browser.browser, server.url, "networking-roi.js", RUNS);
    }
    if (wanted("tti")) await timeToInteractive(browser.browser, server.url, snap, floor, RUNS);
    if (wanted("keys")) {
      progress("keystrokes");
      await keystrokes(browser.browser, server.url);
    }
    if (wanted("memory")) {
      progress("memory");
      await memory(browser.browser, server.url, defaultInput);
    }
    if (wanted("shift")) await layoutShift(browser.browser, server.url, RUNS);
    const chromiumVersion = browser.browser.version();
    await browser.close();
    browser = null;
    if (wanted("engine")) engine(snap, defaultInput);
    summary(chromiumVersion);
  } finally {
    await browser?.close().catch(() => {});
    for (const s of servers) s.stop();
    rmSync(snap.root, { recursive: true, force: true });
  }
}

/** The run's date, machine and software, and the figures over their targets. */
function summary(chromiumVersion) {
  heading("Summary");
  const cpu = /model name\s*:\s*(.*)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? "unknown";
  info("date", new Date().toISOString());
  info("machine", `nproc ${availableParallelism()}, CPU ${cpu}, load average ${loadBefore.map((x) => x.toFixed(2)).join(" ")} before, ${loadavg().map((x) => x.toFixed(2)).join(" ")} after`);
  info("software", `chromium ${chromiumVersion} (headless), ${run("go", ["version"]).trim()}, node ${process.version}, brotli ${HAS_BROTLI ? "installed" : "n/a (not installed)"}`);
  info("targets", `${verdicts.ok.length} ok, ${verdicts.over.length} over${verdicts["n/a"].length ? `, ${verdicts["n/a"].length} n/a` : ""}; over: ${verdicts.over.join("; ") || "none"}`);
  info("duration", `${((Date.now() - startedAt) / 1000).toFixed(0)} s, ${RUNS} runs per median`);
  if (Math.max(loadBefore[0], loadavg()[0]) > availableParallelism()) {
    info("warning", "the machine was busy (load average above nproc): timings are inflated and noisy; sizes, request counts and memory are not affected");
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
