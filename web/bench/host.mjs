// Section 2, what the widget costs a host page before it is in view: the
// bytes fetched, long tasks, and the page's load event, against the same blog
// post without the widget and with an empty script loaded as the loader is.
import { bytes, figure, fmtRatio, heading, info, median, ms, sleep, sum } from "./lib.mjs";
import { nameOf, openFixture } from "./pages.mjs";

/**
 * Loads the post with the widget, without it and with an empty script, in
 * turn; loaderName is the loader's file, the one thing the widget may fetch
 * before it is in view.
 */
export async function hostCost(browser, serverUrl, loaderName, runCount) {
  // At least 15 loads per kind: the host page's figures (a long task or not,
  // the load event) vary more from load to load than the others.
  const hostRuns = Math.max(15, runCount);
  heading(`2. Host page cost before the widget is in view (${hostRuns} loads each, interleaved, fresh context each)`);
  const loads = { widget: [], plain: [], script: [] };
  const connected = [], started = [], intl = [];
  const longtasks = { widget: [], plain: [], script: [] };
  const widgetScripts = [];
  let fetchedBefore = null, widgetY = null;
  for (let i = 0; i < hostRuns; i++) {
    const order = [["widget", "plain", "script"], ["plain", "script", "widget"], ["script", "widget", "plain"]][i % 3];
    for (const kind of order) {
      const f = await openFixture(browser, serverUrl, kind);
      await f.page.waitForFunction(() => performance.getEntriesByType("navigation")[0]?.loadEventEnd > 0);
      await sleep(700); // let anything lazy start
      const result = await f.page.evaluate(() => ({
        load: performance.getEntriesByType("navigation")[0].loadEventEnd,
        longtasks: globalThis.__roi.longtasks,
        // the widget's scripts (the loader, from the same origin as the page) that ran inside a long task
        widgetScripts: globalThis.__roi.longframes.flatMap((f) => f.scripts)
          .filter((s) => s.url.includes("/networking-roi"))
          .flatMap((s) => globalThis.__roi.longtasks
            .filter((t) => s.start >= t.start - 1 && s.start + s.duration <= t.start + t.duration + 1)
            .map((t) => ({ task: t.duration, ...s }))),
        scrollY,
        widgetY: document.querySelector("networking-roi")?.getBoundingClientRect().top ?? null,
        pageHeight: document.documentElement.scrollHeight,
        connected: globalThis.__roi.timed?.connectedCallback?.[0],
        started: globalThis.__roi.timed?.start?.[0],
        // the first currency formatter of the page, as the loader creates one (measured on the page without the widget)
        intl: document.querySelector("networking-roi") ? undefined : (() => {
          const t = performance.now();
          new Intl.NumberFormat(undefined, { style: "currency", currency: "USD", maximumFractionDigits: 0 }).format(-1234);
          return performance.now() - t;
        })(),
      }));
      if (result.connected !== undefined) connected.push(result.connected);
      if (result.started !== undefined) started.push(result.started);
      if (result.intl !== undefined) intl.push(result.intl);
      loads[kind].push(result.load);
      longtasks[kind].push(result.longtasks);
      if (kind === "widget") widgetScripts.push(...result.widgetScripts);
      if (kind === "widget") {
        const fetched = f.fetched();
        if (!fetchedBefore || fetched.length > fetchedBefore.length) fetchedBefore = fetched;
        widgetY = result.widgetY;
        if (f.problems.length) info("  page errors", f.problems.join(" | "));
      }
      await f.close();
    }
  }
  info("fixture", `widget top at ${Math.round(widgetY)} px on a 1280×720 viewport (fold at 720 px, loader's rootMargin 400 px)`);
  const total = sum(fetchedBefore.map((r) => r.bytes));
  const onlyLoader = fetchedBefore.length === 1 && nameOf(fetchedBefore[0].url) === loaderName;
  info("fetched before scrolling", fetchedBefore.map((r) => `${nameOf(r.url)} ${bytes(r.bytes)}`).join(", ") || "nothing");
  figure("bytes the widget fetches before it is in view", `${bytes(total)} (CDP encodedDataLength, headers included) in ${fetchedBefore.length} request(s)`,
    "the loader only, under 8 KB compressed", onlyLoader && total < 8192);
  const count = (k) => sum(longtasks[k].map((l) => l.length));
  const dur = (k) => sum(longtasks[k].flat().map((l) => l.duration));
  info("long tasks before the widget is in view", `${count("widget")} with the widget (${ms(dur("widget"))}), ${count("plain")} without (${ms(dur("plain"))}), ${count("script")} with an empty script (${ms(dur("script"))}) over ${hostRuns} loads each`);
  figure("long tasks caused by the widget before it is in view: its scripts inside one",
    `${widgetScripts.length}${widgetScripts.length ? ` (${widgetScripts.map((s) => `${s.invoker.replace(/^https?:\/\/[^/]+\//, "")} ${ms(s.duration)} in a ${ms(s.task)} task`).join("; ")})` : ""} over ${hostRuns} loads (scripts of 5 ms or more, from long animation frames, inside a long task's time)`,
    "none, and no more long tasks than the same page without the widget or with an empty script",
    widgetScripts.length === 0 && count("widget") <= Math.max(count("plain"), count("script")));
  info("  the loader's connectedCallback", `median ${ms(median(connected), 1)}, max ${ms(Math.max(...connected), 1)}`);
  info("  the loader's start (prebuilt figures, in a task of their own)", `median ${ms(median(started), 1)}, max ${ms(Math.max(...started), 1)}`);
  info("  a page's first new Intl.NumberFormat(…, {style: \"currency\"}), without the widget", `median ${ms(median(intl), 1)}, max ${ms(Math.max(...intl), 1)}`);
  const w = median(loads.widget), p = median(loads.plain), r = w / p;
  info("loadEventEnd with the widget", `median ${ms(w, 1)} (${loads.widget.map((x) => x.toFixed(0)).join(", ")})`);
  info("loadEventEnd without", `median ${ms(p, 1)} (${loads.plain.map((x) => x.toFixed(0)).join(", ")})`);
  const e = median(loads.script);
  info("loadEventEnd with an empty script instead (loaded as the loader is)", `median ${ms(e, 1)} (${loads.script.map((x) => x.toFixed(0)).join(", ")})`);
  // Any script delays this page's load event, so the widget is held to the
  // same page loading an empty async module script.
  info("page load time with the widget / without", `${fmtRatio(r)} (${ms(w, 1)} / ${ms(p, 1)}, + ${ms(w - p, 1)}); with an empty script / without ${fmtRatio(e / p)}`);
  figure("page load time with the widget / with an empty async module script", `${fmtRatio(w / e)} (${ms(w, 1)} / ${ms(e, 1)}, + ${ms(w - e, 1)})`, "≤ 1.05", w / e <= 1.05);
}
