// Section 6, layout shift: what the widget's upgrade moves on the page, in
// three runs of a reader:
//   - in view at load: the widget one paragraph down a post, at 1280×800;
//   - a jump link: the post loaded at #heading-after, the heading right after
//     the widget, at 1280×800, under a sticky header with the page's scroll
//     padding (where the heading lands is printed too);
//   - a phone: 360×740 at 9 Mbit/s + 60 ms (CDP, as the tti section
//     throttles), scrolling down the long post at about 1,000 px/s until the
//     widget's top reaches the viewport's top.
// Each run sums the page's layout shifts without recent input that the widget
// caused (pages.mjs says which: a source inside it, removed, or after it),
// from the load until its networking-roi:ready event, fonts loaded and the
// frames after it painted. The figure is the median over the runs.
import { figure, heading, info, median, progress, sleep } from "./lib.mjs";
import { openFixture } from "./pages.mjs";

// The slow network of the tti section.
const EMULATION = { offline: false, latency: 60, downloadThroughput: 9e6 / 8, uploadThroughput: 9e6 / 8 };
const TARGET = 0.05;
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };

/** Resolves once the widget has said networking-roi:ready, fonts are loaded and what followed is painted. */
const settled = (page) => page.evaluate(() => new Promise((resolve, reject) => {
  const host = document.querySelector("networking-roi");
  const timer = setTimeout(() => reject(new Error("no networking-roi:ready in 60 s")), 60_000);
  const after = async () => {
    clearTimeout(timer);
    await document.fonts.ready;
    for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    resolve();
  };
  if (host.widget?.ready) after();
  else host.addEventListener("networking-roi:ready", after, { once: true });
}));

/** Scrolls down as a reader would, about 100 px every 100 ms, until the widget's top reaches the viewport's top. */
const scrollToWidget = (page) => page.evaluate(() => new Promise((resolve) => {
  const host = document.querySelector("networking-roi");
  const step = () => {
    const top = Math.floor(host.getBoundingClientRect().top);
    const before = scrollY;
    if (top <= 0) return resolve();
    window.scrollBy(0, Math.min(100, top));
    if (scrollY === before) return resolve(); // the page's end
    setTimeout(step, 100);
  };
  step();
}));

/** One run: the page's shifts caused by the widget, and the heading's top in the viewport at load and at the end. */
async function oneRun(browser, serverUrl, scenario) {
  const f = await openFixture(browser, serverUrl, scenario.fixture, scenario.options);
  try {
    const top = () => f.page.evaluate(() => document.getElementById("heading-after")?.getBoundingClientRect().top ?? null);
    const atLoad = await top();
    if (scenario.scroll) {
      await f.page.waitForFunction(() => document.querySelector("networking-roi")?.shadowRoot);
      await scrollToWidget(f.page);
    }
    await settled(f.page);
    await sleep(200); // the observer's last entries
    const shifts = await f.page.evaluate(() => globalThis.__shifts);
    if (f.problems.length) info(`  page errors (${scenario.name})`, f.problems.join(" | "));
    return {
      cls: shifts.filter((s) => s.byWidget).reduce((a, s) => a + s.value, 0),
      other: shifts.filter((s) => !s.byWidget).reduce((a, s) => a + s.value, 0),
      atLoad, atEnd: await top(),
    };
  } finally {
    await f.close();
  }
}

export const SCENARIOS = [
  { name: "in view at load, 1280×800", fixture: "widgetTop", options: { viewport: DESKTOP } },
  { name: "jump link to a heading after it, 1280×800", fixture: "widgetJump", options: { viewport: DESKTOP, hash: "#heading-after" } },
  { name: "phone scrolling to it, 360×740, 9 Mbit/s", fixture: "widget", options: { viewport: PHONE, mobile: true, network: EMULATION }, scroll: true },
];

/** The three runs, runCount times each, printed against the target. */
export async function layoutShift(browser, serverUrl, runCount) {
  heading(`6. Layout shift caused by the widget, from load to its first result (${runCount} runs each, fresh context each)`);
  for (const scenario of SCENARIOS) {
    progress(`layout shift: ${scenario.name}`);
    const runs = [];
    for (let i = 0; i < runCount; i++) runs.push(await oneRun(browser, serverUrl, scenario));
    const cls = median(runs.map((r) => r.cls));
    info(`  ${scenario.name}, each run`, runs.map((r) => r.cls.toFixed(3)).join(", ")
      + (runs.some((r) => r.other) ? `; shifts not caused by the widget ${runs.map((r) => r.other.toFixed(3)).join(", ")}` : ""));
    if (scenario.options.hash) {
      // Where the browser put it: 72 px down, under the page's scroll padding.
      const landed = runs.filter((r) => Math.abs(r.atEnd - 72) <= 3).length;
      figure("jump link: the heading after the widget where the browser put it once the widget upgraded", `${landed} of ${runs.length} loads (its top at load ${runs.map((r) => r.atLoad?.toFixed(0)).join(", ")} px; after ${runs.map((r) => r.atEnd?.toFixed(0)).join(", ")} px)`,
        "every load, 72 px from the top ± 3 px", landed === runs.length);
    }
    figure(`CLS caused by the widget, ${scenario.name}`, cls.toFixed(3), `< ${TARGET}`, cls < TARGET);
  }
}
