// The pages measured: a long blog post with the widget below the fold, the
// same post without it, with an empty script loaded as the widget's loader
// is, and loading the floor; the instrumentation every page runs before its
// own scripts; and opening a page in a fresh browser context.
//
// The pages are files in the snapshot of dist/, served by cmd/serve on the
// same origin as the widget: page.route would make playwright pause every
// request of the page for a round trip to node, and its route.fulfill
// bypasses CDP's network emulation, both of which distort what is measured.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** A reproducible pseudo-random sequence in [0, 1). */
function rng(seed) {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; };
}

const WORDS = ("networking referral group breakfast meeting clients introductions trust follow-up coffee chamber members "
  + "small business owner hours pipeline margin deal revenue relationship months patience visibility local market").split(" ");
function paragraphs(n, seed) {
  const rnd = rng(seed);
  return Array.from({ length: n }, () => `<p>${Array.from({ length: 110 }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(" ")}.</p>`).join("\n");
}
const BEFORE = paragraphs(30, 1);
const AFTER = paragraphs(8, 2);
const INTRO = paragraphs(1, 3);

/**
 * A long blog post, its widget slot below the fold (`slot` is the markup
 * there; `head` goes into <head>; `before` is the post above the slot).
 */
function blogPage(slot, head = "", before = BEFORE) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>Is a networking group worth it? A blog post</title>
<style>body { margin: 0; font: 18px/1.6 Georgia, serif; color: #222; } article { max-width: 40rem; margin: 2rem auto; padding: 0 1rem; }</style>
${head}
</head>
<body>
<article>
<h1>Is a networking group worth it?</h1>
${before}
${slot}
${AFTER}
</article>
</body>
</html>`;
}
const FALLBACK = `<p><a href="/">Does networking pay? Open the calculator.</a></p>`;
// The README snippet's style line, as it is written there.
const SNIPPET_STYLE = /^<style>.*networking-roi.*<\/style>$/m.exec(readFileSync(new URL("../../README.md", import.meta.url), "utf8"))[0];
// No attributes: the element shows the prebuilt default comparison until the engine replaces it.
const WIDGET_PAGE = blogPage(`<networking-roi>${FALLBACK}</networking-roi>`, `<script type="module" async src="/networking-roi.js"></script>${SNIPPET_STYLE}`);
const PLAIN_PAGE = blogPage(FALLBACK);
// The same post with an empty script loaded as the widget's loader is: what
// any script costs the page's load event, however little it does.
const EMPTY_SCRIPT = "bench-empty.js";
const SCRIPT_PAGE = blogPage(FALLBACK, `<script type="module" async src="/${EMPTY_SCRIPT}"></script>`);
// For the layout shift (with the README snippet's style line): the widget in view at load (one paragraph above it),
// and a heading after it for a "jump to" link (#heading-after).
const LOADER = `<script type="module" async src="/networking-roi.js"></script>${SNIPPET_STYLE}`;
const AFTER_HEADING = `<h2 id="heading-after">After the calculator</h2>`;
const WIDGET_TOP_PAGE = blogPage(`<networking-roi>${FALLBACK}</networking-roi>\n${AFTER_HEADING}`, LOADER, INTRO);
// As many blogs: a sticky header, and a scroll padding so that a jump link's
// heading lands below it (the widget's last 72 px then show above it).
const STICKY_HEADER = `<style>html { scroll-padding-top: 72px; } header { position: sticky; top: 0; height: 56px; background: #f4f4f4; z-index: 1; }</style>`;
const WIDGET_JUMP_PAGE = blogPage(`<networking-roi>${FALLBACK}</networking-roi>\n${AFTER_HEADING}`, LOADER + STICKY_HEADER)
  .replace("<body>", "<body>\n<header>A blog</header>");
/** The floor on the same kind of page: on the same trigger (400 px from the viewport) it loads wasm_exec.js and the floor. */
const floorPage = (exec, wasm) => blogPage(`<div id="floor" style="min-height: 12rem; border: 1px solid #ccc">${FALLBACK}</div>`, `<script type="module">
const slot = document.getElementById("floor");
const near = new IntersectionObserver(async (entries) => {
  if (!entries.some((e) => e.isIntersecting)) return;
  near.disconnect();
  await new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = "/${exec}";
    script.onload = resolve;
    script.onerror = reject;
    document.head.append(script);
  });
  const go = new globalThis.Go();
  const { instance } = await WebAssembly.instantiateStreaming(fetch("/${wasm}"), go.importObject);
  go.run(instance);
}, { rootMargin: "400px" });
near.observe(slot);
</script>`);

/**
 * Runs before every page's scripts: long tasks, the wasm instances (wrapping
 * WebAssembly.instantiateStreaming), when the bridge and the floor set their
 * global, and when an IntersectionObserver first reports an intersection.
 */
const INIT = () => {
  const roi = (globalThis.__roi = { longtasks: [], longframes: [], instances: [], calls: 0, computeMs: [] });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) roi.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
    // Long animation frames name the scripts that ran in them (those of 5 ms or more).
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        roi.longframes.push({ start: e.startTime, duration: e.duration, scripts: e.scripts.map((s) => ({ url: s.sourceURL, invoker: s.invoker, start: s.startTime, duration: s.duration })) });
      }
    }).observe({ type: "long-animation-frame", buffered: true });
  } catch { /* no long task API */ }
  const instantiate = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = async function (...args) {
    // A stand-in for a page's other work: blocks the main thread for
    // roi.blockMs as the .wasm starts streaming in.
    if (roi.blockMs) setTimeout(() => { const end = performance.now() + roi.blockMs; while (performance.now() < end); });
    const result = await instantiate.apply(this, args);
    roi.instances.push(result.instance);
    roi.instantiatedAt ??= performance.now();
    return result;
  };
  let api;
  Object.defineProperty(globalThis, "networkingROI", {
    configurable: true,
    get: () => api,
    set(value) {
      roi.apiSetAt ??= performance.now();
      if (value && typeof value.compute === "function") {
        // counts and times every networkingROI.compute (a few µs of overhead per call)
        const compute = value.compute;
        value.compute = function (...a) {
          roi.calls++;
          const t = performance.now();
          try { return compute.apply(this, a); } finally { roi.computeMs.push(performance.now() - t); }
        };
      }
      api = value;
    },
  });
  let floor;
  Object.defineProperty(globalThis, "floor", {
    configurable: true,
    get: () => floor,
    set(value) {
      floor = value;
      roi.floorSetAt ??= performance.now();
      roi.onFloor?.();
    },
  });
  // How long the loader's element takes to connect and to show its prebuilt figures.
  const define = customElements.define.bind(customElements);
  customElements.define = (name, constructor, options) => {
    for (const method of ["connectedCallback", "start"]) {
      const original = constructor.prototype[method];
      if (!original) continue;
      constructor.prototype[method] = function (...a) {
        const t = performance.now();
        try { return original.apply(this, a); } finally { ((roi.timed ??= {})[method] ??= []).push(performance.now() - t); }
      };
    }
    return define(name, constructor, options);
  };
  const IO = globalThis.IntersectionObserver;
  globalThis.IntersectionObserver = class extends IO {
    constructor(callback, options) {
      super((entries, observer) => {
        if (entries.some((e) => e.isIntersecting)) roi.intersectedAt ??= performance.now();
        return callback(entries, observer);
      }, options);
    }
  };
};

/**
 * Runs before a page's scripts (the bench's pages and web/test/shift.test.mjs):
 * records in globalThis.__shifts the layout shifts without recent input, each
 * with its start, its sources and whether the widget caused it: a source
 * inside the widget (its host or its shadow tree), removed since (only the
 * widget removes nodes on these pages), or after it in the document (moved
 * by its growth), classified as they arrive, while the nodes are still where
 * they moved to; and in globalThis.__framedAt when the loader's frame was
 * first painted (two frames after the element is defined).
 */
export const RECORD_SHIFTS = () => {
  const shifts = (globalThis.__shifts = []);
  customElements.whenDefined("networking-roi").then(() => requestAnimationFrame(() => requestAnimationFrame(() => {
    globalThis.__framedAt = performance.now();
  })));
  const byWidget = (node) => {
    const host = document.querySelector("networking-roi");
    if (!node || !node.isConnected) return true;
    if (!host) return false;
    for (let n = node; n; n = n.parentNode ?? n.host) if (n === host) return true;
    return Boolean(host.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING);
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        shifts.push({ value: e.value, start: e.startTime, byWidget: e.sources.some((s) => byWidget(s.node)),
          sources: e.sources.map((s) => (s.node ? s.node.nodeName + (s.node.id ? `#${s.node.id}` : "") : "removed")) });
      }
    }).observe({ type: "layout-shift", buffered: true });
  } catch { /* no layout instability API */ }
};

/** The pages' file names in the snapshot, by kind. */
const FIXTURES = {
  widget: "bench-post-widget.html", plain: "bench-post-plain.html", script: "bench-post-script.html", floor: "bench-post-floor.html",
  widgetTop: "bench-post-widget-top.html", widgetJump: "bench-post-widget-jump.html",
};

/** Writes the pages (and the empty script) into the snapshot, the floor's page loading floor.name. */
export function writeFixtures(snap, floor) {
  writeFileSync(join(snap.dist, FIXTURES.widget), WIDGET_PAGE);
  writeFileSync(join(snap.dist, FIXTURES.widgetTop), WIDGET_TOP_PAGE);
  writeFileSync(join(snap.dist, FIXTURES.widgetJump), WIDGET_JUMP_PAGE);
  writeFileSync(join(snap.dist, FIXTURES.plain), PLAIN_PAGE);
  writeFileSync(join(snap.dist, FIXTURES.script), SCRIPT_PAGE);
  writeFileSync(join(snap.dist, EMPTY_SCRIPT), "globalThis.benchEmptyScript = true;\n");
  writeFileSync(join(snap.dist, FIXTURES.floor), floorPage(snap.assets.exec, floor.name));
}

/**
 * A fresh context and page on a fixture of the server (a key of FIXTURES),
 * with CDP network events recorded; network, if given, is the conditions of
 * CDP's Network.emulateNetworkConditions; viewport, if given, the page's size
 * (with mobile: true, a phone's: touch and the meta viewport honoured); hash
 * is appended to the page's URL.
 */
export async function openFixture(browser, serverUrl, fixture, { network = null, viewport = null, mobile = false, hash = "" } = {}) {
  const context = await browser.newContext({ locale: "en-US", ...(viewport && { viewport }), ...(mobile && { isMobile: true, hasTouch: true }) });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const requests = new Map();
  cdp.on("Network.requestWillBeSent", (e) => requests.set(e.requestId, { url: e.request.url, bytes: 0, done: false }));
  cdp.on("Network.loadingFinished", (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { bytes: e.encodedDataLength, done: true });
  });
  if (network) await cdp.send("Network.emulateNetworkConditions", network);
  await page.addInitScript(INIT);
  await page.addInitScript(RECORD_SHIFTS);
  const url = new URL(FIXTURES[fixture], serverUrl).href;
  await page.goto(url + hash, { waitUntil: "load" });
  const fetched = () => [...requests.values()].filter((r) => r.url !== url && !r.url.startsWith("data:"));
  return { context, page, url, problems, fetched, close: () => context.close() };
}

/** A fetched URL's path, without the leading slash: the file's name in the snapshot. */
export const nameOf = (url) => new URL(url).pathname.slice(1);

/** Waits until the widget's full calculator has its first result. */
export async function waitForWidget(page) {
  await page.waitForFunction(() => {
    const root = document.querySelector("networking-roi")?.shadowRoot;
    return root?.querySelector("form") && root.querySelector(".results .cards") && root.querySelector(".verdict")?.textContent;
  }, null, { timeout: 60_000 });
}
