// Section 5, the wasm memory over many networkingROI.compute calls on the
// widget's page, with the default input and with varied inputs.
import { bytes, figure, fmtRatio, heading, info, kb, sleep } from "./lib.mjs";
import { openFixture, waitForWidget } from "./pages.mjs";

const COMPUTES = 10_000;

/** defaultInput is the default comparison's JSON input, as the widget sends it. */
export async function memory(browser, serverUrl, defaultInput) {
  heading(`5. Wasm memory over ${COMPUTES.toLocaleString("en-US")} networkingROI.compute calls (fresh page per series)`);
  for (const varied of [false, true]) {
    const f = await openFixture(browser, serverUrl, "widget");
    await f.page.evaluate(() => document.querySelector("networking-roi").scrollIntoView());
    await waitForWidget(f.page);
    await sleep(300);
    const r = await f.page.evaluate(async ({ input, count, varied }) => {
      const roi = globalThis.__roi;
      const mem = () => roi.instances[0].exports.mem.buffer.byteLength;
      const api = globalThis.networkingROI;
      let seed = 777;
      const rnd = () => { seed = (seed * 1664525 + 1013904223) >>> 0; return seed / 2 ** 32; };
      const pick = (lo, hi, places = 0) => (lo + rnd() * (hi - lo)).toFixed(places);
      const base = JSON.parse(input);
      const make = () => {
        if (!varied) return input;
        const v = structuredClone(base);
        v.horizonMonths = Math.floor(1 + rnd() * 120);
        v.hourlyValue = pick(10, 300);
        v.dealValue = pick(100, 50000, 2);
        v.grossMargin = pick(0.05, 0.95, 2);
        for (const o of v.options) {
          o.referralsPerMonth = pick(0, 6, 1);
          o.closeRate = pick(0, 1, 2);
          o.mealCost = pick(0, 60, 2);
          o.meetingsPerYear = pick(1, 52);
          o.rampMonths = pick(0, 18);
        }
        if (rnd() < 0.3) v.options.push({ kind: "chamber_of_commerce" });
        return JSON.stringify(v);
      };
      const out = { startup: { calls: roi.calls, bytes: mem() }, at: {}, refused: 0 };
      let previous = null;
      for (let i = 1; i <= count; i++) {
        const reply = api.compute(make());
        if (!reply.startsWith('{"report"')) out.refused++;
        if (i === 1 || i === count / 2 || i === count) out.at[i] = mem();
        if (i % 1000 === 0) {
          const now = mem();
          if (previous !== null && now > previous) out.lastGrowthAt = i;
          previous = now;
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
      }
      return out;
    }, { input: defaultInput, count: COMPUTES, varied });
    const label = varied ? "varied inputs" : "the default input";
    const one = r.at[1], half = r.at[COMPUTES / 2], all = r.at[COMPUTES];
    info(`memory, ${label}`, `after the widget's start (${r.startup.calls} calls) ${kb(r.startup.bytes)}; after 1 more ${kb(one)}; ${(COMPUTES / 2).toLocaleString("en-US")}: ${kb(half)}; ${COMPUTES.toLocaleString("en-US")}: ${kb(all)}${r.refused ? `; ${r.refused} refused` : ""}${r.lastGrowthAt ? `; last grew before call ${r.lastGrowthAt}` : ""}`);
    figure(`memory growth 1 → ${COMPUTES.toLocaleString("en-US")} calls, ${label}`, `${fmtRatio(all / one)}× (${kb(one)} → ${kb(all)})`, "≤ 1.5×", all / one <= 1.5);
    figure(`memory growth 5,000 → 10,000 calls, ${label}`, `${bytes(all - half)}`, "none", all === half);
    if (f.problems.length) info("  page errors", f.problems.join(" | "));
    await f.close();
  }
}
