// No layout shift, and links land: the loading state reserves the
// calculator's height at each band of its width (loader.css, checked here
// against the calculator so that it cannot drift), the upgrade moves nothing
// the reader sees in view at load, under a jump link or on a phone scrolling
// to it, and a jump link's heading after the widget stays where the browser
// put it. Layout shift here is a correctness check, not a timing: each page
// is read once the widget said networking-roi:ready, fonts are loaded and
// the frames after it are painted.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, startBlog, launchBrowser, hostPage } from "./harness.mjs";

let server, blog, browser;
before(async () => {
  server = await startServer();
  blog = await startBlog();
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); server?.stop(); blog?.stop(); });

const TARGET = 0.05;
const words = (n, seed) => Array.from({ length: n }, (_, i) => ["networking", "referral", "group", "clients", "trust", "coffee", "members", "pipeline"][(i * 7 + seed) % 8]).join(" ");
const paragraphs = (n, seed) => Array.from({ length: n }, (_, i) => `<p>${words(110, seed + i)}.</p>`).join("\n");
const STYLE = "<style>body { margin: 0; font: 18px/1.6 Georgia, serif; } article { max-width: 640px; margin: 32px auto; padding: 0 16px; }"
  + " html { scroll-padding-top: 72px; } header { position: sticky; top: 0; height: 56px; background: #eee; z-index: 1; }</style>"
  // the README snippet's line
  + "<style>@media (scripting: enabled) { networking-roi:not(:defined) { display: block; min-height: 4000px; } }</style>";
/** A blog post: `before` paragraphs, the widget, a heading and eight paragraphs after it. */
const post = (before) => hostPage(server.url, `<header>A blog</header><article><h1>A post</h1>${paragraphs(before, 1)}
<networking-roi><p><a href="${server.url}">Does networking pay? Open the calculator.</a></p></networking-roi>
<h2 id="heading-after">After the calculator</h2>${paragraphs(8, 2)}</article>`, { head: STYLE });

/** Records layout shifts without recent input, each with whether the widget caused it (a source in it, removed, or after it). */
const RECORD = () => {
  globalThis.__shifts = [];
  const byWidget = (node) => {
    const host = document.querySelector("networking-roi");
    if (!node || !node.isConnected) return true;
    if (!host) return false;
    for (let n = node; n; n = n.parentNode ?? n.host) if (n === host) return true;
    return Boolean(host.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING);
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) globalThis.__shifts.push({ value: e.value, byWidget: e.sources.some((s) => byWidget(s.node)) });
  }).observe({ type: "layout-shift", buffered: true });
};

/** Resolves once the widget said networking-roi:ready, fonts are loaded and three frames after it are painted. */
const settled = (page) => page.evaluate(() => new Promise((resolve) => {
  const host = document.querySelector("networking-roi");
  const after = async () => {
    await document.fonts.ready;
    for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    resolve();
  };
  if (host.widget?.ready) after();
  else host.addEventListener("networking-roi:ready", after, { once: true });
}));

/** Opens the post in a fresh context, runs `act` and returns the widget's layout shift and the heading's top. */
async function run(path, before, { viewport, mobile = false, hash = "", act = async () => {} }) {
  const context = await browser.newContext({ viewport, ...(mobile && { isMobile: true, hasTouch: true }) });
  try {
    const page = await context.newPage();
    await page.addInitScript(RECORD);
    await page.goto(blog.page(path, post(before)) + hash);
    await act(page);
    await settled(page);
    return await page.evaluate(() => ({
      cls: globalThis.__shifts.filter((s) => s.byWidget).reduce((a, s) => a + s.value, 0),
      top: document.getElementById("heading-after").getBoundingClientRect().top,
    }));
  } finally {
    await context.close();
  }
}

test("the loading state reserves the calculator's height at each band of its width, within 10 %", async () => {
  // One width in each band of loader.css, as the element's width; the viewport is the page's.
  for (const [viewport, width] of [[320, 288], [360, 328], [480, 448], [600, 568], [1280, 640], [1280, 860], [1280, 1000]]) {
    const context = await browser.newContext({ viewport: { width: viewport, height: 800 } });
    const page = await context.newPage();
    await page.goto(blog.page(`/shift/band-${width}.html`, hostPage(server.url,
      `<div style="height: 3000px"></div><div style="width: ${width}px; margin: 0 auto"><networking-roi></networking-roi></div>`, { head: "<style>body { margin: 0 }</style>" })));
    await page.locator("networking-roi .note").waitFor({ state: "attached" });
    const reserved = await page.evaluate(() => document.querySelector("networking-roi").getBoundingClientRect().height);
    await page.evaluate(() => document.querySelector("networking-roi").scrollIntoView());
    await settled(page);
    const real = await page.evaluate(() => document.querySelector("networking-roi").getBoundingClientRect().height);
    assert.ok(Math.abs(real - reserved) <= 0.1 * real, `at ${width} px the loading state is ${reserved} px, the calculator ${real} px: measure it again into loader.css`);
    assert.ok(reserved > 800, `at ${width} px the reservation is taller than a screen`);
    await context.close();
  }
});

test("the calculator keeps the reserved height until its figures are drawn, even to a host's script that reads its size every frame", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(blog.page("/shift/held.html", hostPage(server.url,
      `<div style="height: 3000px"></div><div style="width: 720px; margin: 0 auto"><networking-roi></networking-roi></div>`)));
    await page.locator("networking-roi .note").waitFor({ state: "attached" });
    const reserved = await page.evaluate(() => {
      const host = document.querySelector("networking-roi");
      globalThis.__heights = [];
      const read = () => {
        globalThis.__heights.push(host.getBoundingClientRect().height);
        if (!globalThis.__stop) requestAnimationFrame(read);
      };
      requestAnimationFrame(read);
      return host.getBoundingClientRect().height;
    });
    await page.evaluate(() => document.querySelector("networking-roi").scrollIntoView());
    await settled(page);
    const heights = await page.evaluate(() => { globalThis.__stop = true; return globalThis.__heights; });
    const least = Math.min(reserved, heights.at(-1));
    assert.ok(Math.min(...heights) >= least - 1, `the element was ${Math.min(...heights)} px high in a frame, below ${least} px (heights: ${[...new Set(heights.map(Math.round))].join(", ")})`);
  } finally {
    await context.close();
  }
});

test("in view at load (1280×800): the widget's layout shift is under 0.05", async () => {
  const { cls } = await run("/shift/top.html", 0, { viewport: { width: 1280, height: 800 } });
  assert.ok(cls < TARGET, `CLS ${cls}`);
});

test("a jump link to a heading after the widget lands there in 5 of 5 loads, without layout shift", async () => {
  for (let i = 0; i < 5; i++) {
    const { cls, top } = await run(`/shift/jump-${i}.html`, 30, { viewport: { width: 1280, height: 800 }, hash: "#heading-after" });
    assert.ok(Math.abs(top - 72) <= 3, `load ${i + 1}: the heading's top at ${top} px, not under the 72 px scroll padding where the browser put it`);
    assert.ok(cls < TARGET, `load ${i + 1}: CLS ${cls}`);
  }
});

test("a phone scrolling to the widget at 9 Mbit/s: the widget's layout shift is under 0.05", async () => {
  const { cls } = await run("/shift/phone.html", 30, {
    viewport: { width: 360, height: 740 }, mobile: true,
    act: async (page) => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 60, downloadThroughput: 9e6 / 8, uploadThroughput: 9e6 / 8 });
      await page.waitForFunction(() => document.querySelector("networking-roi")?.shadowRoot);
      await page.evaluate(() => new Promise((resolve) => {
        const host = document.querySelector("networking-roi");
        const step = () => {
          const top = Math.floor(host.getBoundingClientRect().top), y = scrollY;
          if (top <= 0) return resolve();
          window.scrollBy(0, Math.min(100, top));
          if (scrollY === y) return resolve();
          setTimeout(step, 100);
        };
        step();
      }));
    },
  });
  assert.ok(cls < TARGET, `CLS ${cls}`);
});
