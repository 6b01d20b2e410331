// No layout shift, and links land: the loading state reserves the
// calculator's height at each band of its width (loader.css, checked here
// against the calculator so that it cannot drift), the upgrade moves nothing
// the reader sees in view at load, under a jump link or on a phone scrolling
// to it, and a jump link's heading after the widget stays where the browser
// put it. Without the README snippet's style line nothing moves once the
// loader's frame is drawn; in a parent that takes its content's width the
// loading state is as wide as the calculator. Layout shift here is a
// correctness check, not a timing: each page is read once the widget said
// networking-roi:ready, fonts are loaded and the frames after it are painted.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startServer, startBlog, launchBrowser, hostPage, waitForWidget, repo } from "./harness.mjs";
import { RECORD_SHIFTS } from "../bench/pages.mjs";

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
  + " html { scroll-padding-top: 72px; } header { position: sticky; top: 0; height: 56px; background: #eee; z-index: 1; }</style>";
// The README snippet's style line, as it is written there.
const SNIPPET_STYLE = /^<style>.*networking-roi.*<\/style>$/m.exec(readFileSync(join(repo, "README.md"), "utf8"))[0];
/** A blog post: `before` paragraphs, the widget, a heading and eight paragraphs after it; with the snippet's style line unless told. */
const post = (before, { snippetStyle = true } = {}) => hostPage(server.url, `<header>A blog</header><article><h1>A post</h1>${paragraphs(before, 1)}
<networking-roi><p><a href="${server.url}">Does networking pay? Open the calculator.</a></p></networking-roi>
<h2 id="heading-after">After the calculator</h2>${paragraphs(8, 2)}</article>`, { head: STYLE + (snippetStyle ? SNIPPET_STYLE : "") });

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

/**
 * Opens the post in a fresh context, runs `act` and returns the widget's
 * layout shift (all of it, and that after the loader's frame was painted)
 * and the heading's top.
 */
async function run(path, before, { viewport, mobile = false, hash = "", snippetStyle = true, act = async () => {} }) {
  const context = await browser.newContext({ viewport, ...(mobile && { isMobile: true, hasTouch: true }) });
  try {
    const page = await context.newPage();
    await page.addInitScript(RECORD_SHIFTS);
    await page.goto(blog.page(path, post(before, { snippetStyle })) + hash);
    await act(page);
    await settled(page);
    return await page.evaluate(() => {
      const sum = (shifts) => shifts.reduce((a, s) => a + s.value, 0);
      const byWidget = globalThis.__shifts.filter((s) => s.byWidget);
      return {
        cls: sum(byWidget), afterFrame: sum(byWidget.filter((s) => s.start > (globalThis.__framedAt ?? Infinity))),
        top: document.getElementById("heading-after").getBoundingClientRect().top,
      };
    });
  } finally {
    await context.close();
  }
}

test("the loading state reserves the calculator's height at each band of its width, within 10 %", async () => {
  // One width in each band of loader.css, as the element's width; the viewport is the page's. The bands
  // go by the inner width, the element's less its border and padding (2 × 12 px up to a 480 px viewport, 2 × 24 px from 960 px).
  for (const [viewport, width] of [[320, 288], [400, 368], [480, 448], [600, 568], [1280, 640], [1280, 760], [1280, 940], [1280, 1100]]) {
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

test("without the README snippet's style line, nothing moves once the loader's frame is painted", async () => {
  // Before it, the frame's arrival may push the post down: the line is there to keep that space from the first paint.
  const { afterFrame } = await run("/shift/top-no-style.html", 0, { viewport: { width: 1280, height: 800 }, snippetStyle: false });
  assert.ok(afterFrame < TARGET, `CLS after the loader's frame ${afterFrame}`);
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

test("in a parent that takes its content's width, the loading state is as wide as the calculator, and both fit", async () => {
  // Each parent in a 720 px column, with the room it gives the element.
  const parents = [
    ["a flex row's item, beside a 200 px sidebar", 504, (w) => `<div style="display: flex; gap: 16px">${w}<aside style="flex: 0 0 200px">A sidebar</aside></div>`],
    ["an inline-block", 720, (w) => `<div style="display: inline-block">${w}</div>`],
    ["a table's cell", 714, (w) => `<table><tr><td>${w}</td></tr></table>`], // less the default spacing and padding
    ["a box of width: fit-content", 720, (w) => `<div style="width: fit-content">${w}</div>`],
    ["a float", 720, (w) => `<div style="float: left">${w}</div><div style="clear: both"></div>`],
    ["a grid's auto column", 720, (w) => `<div style="display: grid; grid-template-columns: auto">${w}</div>`],
  ];
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const widget = `<networking-roi><p><a href="${server.url}">Does networking pay? Open the calculator.</a></p></networking-roi>`;
    await page.goto(blog.page("/shift/parents.html", hostPage(server.url, `<div style="height: 3000px"></div>`
      + parents.map(([, , wrap]) => `<section class="column" style="width: 720px; margin: 0 auto 40px">${wrap(widget)}</section>`).join("\n"),
    { head: SNIPPET_STYLE })));
    const sizes = () => page.evaluate(() => [...document.querySelectorAll("networking-roi")].map((host) => {
      const box = host.getBoundingClientRect(), column = host.closest(".column").getBoundingClientRect();
      const outer = host.shadowRoot.firstElementChild; // .frame while loading, .widget after
      return { width: box.width, inside: box.left >= column.left - 0.5 && box.right <= column.right + 0.5, overflow: outer.scrollWidth - outer.clientWidth };
    }));
    await page.waitForFunction((n) => [...document.querySelectorAll("networking-roi")].filter((host) => host.shadowRoot?.querySelector(".note")).length === n, parents.length);
    const loading = await sizes();
    for (let i = 0; i < parents.length; i++) await waitForWidget(page, i);
    const calculator = await sizes();
    parents.forEach(([where, room], i) => {
      for (const [state, size] of [["the loading state", loading[i]], ["the calculator", calculator[i]]]) {
        assert.ok(Math.abs(size.width - room) <= 1, `in ${where}, ${state} is ${size.width} px wide, not the ${room} px it is given`);
        assert.ok(size.inside && size.overflow <= 0, `in ${where}, ${state} overflows: ${JSON.stringify(size)}`);
      }
    });
  } finally {
    await context.close();
  }
});
