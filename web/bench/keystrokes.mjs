// Section 4, keystroke to updated result: random edits of the widget's number
// fields, each timed until the results are updated.
import { figure, heading, info, median, ms, quantile, sleep } from "./lib.mjs";
import { openFixture, waitForWidget } from "./pages.mjs";

const KEYSTROKES = 200;

export async function keystrokes(browser, serverUrl) {
  heading(`4. Keystroke to updated result (${KEYSTROKES} edits of random number fields, no warm-up)`);
  const f = await openFixture(browser, serverUrl, "widget");
  await f.page.evaluate(() => document.querySelector("networking-roi").scrollIntoView());
  await waitForWidget(f.page);
  await sleep(300);
  const r = await f.page.evaluate(async (count) => {
    let seed = 12345;
    const rnd = () => { seed = (seed * 1664525 + 1013904223) >>> 0; return seed / 2 ** 32; };
    const root = document.querySelector("networking-roi").shadowRoot;
    const fields = [...root.querySelectorAll('form input[inputmode="decimal"]')];
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
    const out = { sync: [], layout: [], frame: [], compute: [], updated: 0, refused: 0, fields: fields.length };
    const computeMs = globalThis.__roi.computeMs;
    for (let i = 0; i < count; i++) {
      await frame();
      await new Promise((resolve) => setTimeout(resolve, 0)); // start in a fresh task, after the frame
      const input = fields[Math.floor(rnd() * fields.length)];
      const label = root.querySelector(`label[for="${input.id}"]`)?.textContent || "";
      const current = Number(input.value.replace(/,/g, "")) || 0;
      let next = current > 0 ? current * (0.5 + rnd()) : rnd() * 10;
      if (label.includes("(%)")) next = Math.min(next, 100);
      if (label.includes("(months)")) next = Math.min(Math.max(1, next), 120);
      next = next >= 10 || label.includes("(months)") || label.startsWith("Meetings") ? Math.round(next) : Math.round(next * 10) / 10;
      const results = root.querySelector(".results").firstChild;
      const verdict = root.querySelector(".verdict").textContent;
      const calls = computeMs.length;
      const t0 = performance.now();
      input.value = String(next);
      input.dispatchEvent(new Event("input", { bubbles: true }));
      const t1 = performance.now();
      void root.host.offsetHeight; // style and layout of the update
      const t2 = performance.now();
      const t3 = await frame();
      out.sync.push(t1 - t0);
      out.layout.push(t2 - t0);
      out.frame.push(t3 - t0);
      out.compute.push(computeMs.slice(calls).reduce((a, b) => a + b, 0));
      if (input.getAttribute("aria-invalid") === "true") out.refused++;
      else if (root.querySelector(".results").firstChild !== results || root.querySelector(".verdict").textContent !== verdict) out.updated++;
    }
    return out;
  }, KEYSTROKES);
  info("edits", `${KEYSTROKES} over ${r.fields} number fields: ${r.updated} updated the results synchronously, ${r.refused} refused by the engine (error shown)`);
  figure("keystroke → updated result (dispatchEvent returns)", `median ${ms(median(r.sync), 2)}, p95 ${ms(quantile(r.sync, 0.95), 2)}, max ${ms(Math.max(...r.sync), 2)}`, "p95 < 8 ms", quantile(r.sync, 0.95) < 8);
  info("  cold and warm", `first 20 edits median ${ms(median(r.sync.slice(0, 20)), 2)}, last 100 median ${ms(median(r.sync.slice(-100)), 2)} p95 ${ms(quantile(r.sync.slice(-100), 0.95), 2)}`);
  info("  of which networkingROI.compute", `median ${ms(median(r.compute), 2)}, p95 ${ms(quantile(r.compute, 0.95), 2)}; the rest is the widget's JS and DOM`);
  info("keystroke → update with style and layout", `median ${ms(median(r.layout), 2)}, p95 ${ms(quantile(r.layout, 0.95), 2)}`);
  info("keystroke → next animation frame", `median ${ms(median(r.frame), 2)}, p95 ${ms(quantile(r.frame, 0.95), 2)} (includes waiting for the frame)`);
  if (f.problems.length) info("  page errors", f.problems.join(" | "));
  await f.close();
}
