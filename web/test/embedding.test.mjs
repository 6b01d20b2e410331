// The widget as a host page embeds it: several on a page, far below the fold,
// without JavaScript, in an iframe that resizes, in the dark, and never
// reaching beyond the server it came from.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  repo, readCards,
  startServer, launchBrowser, openPage, engineReply, engineVerdict, defaultInput, inputWith, inputIn,
  startBlog, hostPage, waitForWidget, freshWidget, eventually, staysLocal,
} from "./harness.mjs";

let server, blog, browser;
before(async () => {
  server = await startServer();
  blog = await startBlog();
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); server?.stop(); blog?.stop(); });

const isWasm = (url) => /\/networking-roi\.[0-9a-f]{10}\.wasm$/.test(new URL(url).pathname);
const isWidgetModule = (url) => /\/(widget|format|share|chart|wasm_exec)\.[0-9a-f]{10}\.js$/.test(new URL(url).pathname);

/** Every request of a test's page went to the widget's server or the blog, and nowhere else. */
function assertStayedHome(requests) {
  assert.ok(requests.length > 0, "requests were recorded");
  for (const u of requests) {
    assert.ok(staysLocal(u), `a request left 127.0.0.1: ${u}`);
    if (u.startsWith("blob:") || u.startsWith("data:")) continue;
    assert.ok(u.startsWith(server.url) || u.startsWith(blog.url), `a request to another port or scheme: ${u}`);
  }
}

/** Opens a page of the blog (another origin than the widget's) holding `markup`. */
async function openFixture(path, markup, options) {
  const opened = await openPage(browser.context);
  await opened.page.goto(blog.page(path, hostPage(server.url, markup, options)));
  return opened;
}

/** The relative luminance (WCAG) of a CSS rgb()/rgba() colour. */
function luminance(css) {
  const [r, g, b] = css.match(/[\d.]+/g).slice(0, 3).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

test("two widgets on one page compute independently and share one Go instance", async () => {
  const { page, requests, problems } = await openFixture("/fixture/two.html",
    '<networking-roi id="first"></networking-roi>\n<networking-roi id="second"></networking-roi>');
  const first = await waitForWidget(page, 0);
  await page.locator("#second").scrollIntoViewIfNeeded();
  const second = await waitForWidget(page, 1);
  const start = engineVerdict(defaultInput());
  assert.equal(await first.locator(".verdict").textContent(), start);
  assert.equal(await second.locator(".verdict").textContent(), start);

  await first.locator("fieldset.business").getByLabel("Revenue from a new client").fill("3000");
  const edited = engineVerdict(inputWith((i) => { i.dealValue = "3000"; }));
  assert.notEqual(edited, start);
  assert.equal(await eventually(() => first.locator(".verdict").textContent(), edited), edited);
  assert.equal(await second.locator(".verdict").textContent(), start, "the other widget is unchanged");
  assert.equal(await second.locator("fieldset.business").getByLabel("Revenue from a new client").inputValue(), "2000");

  await second.locator('fieldset[data-option="0"]').getByLabel("Name").fill("Second club");
  const renamed = engineVerdict(inputWith((i) => { i.options[0].name = "Second club"; }));
  assert.equal(await eventually(() => second.locator(".verdict").textContent(), renamed), renamed);
  assert.equal(await first.locator(".verdict").textContent(), edited, "the first widget is unchanged");

  // One engine: the .wasm and wasm_exec.js were fetched once, for both.
  assert.deepEqual(requests.filter(isWasm).length, 1, `wasm requests: ${requests.filter(isWasm).join(", ")}`);
  assert.equal(requests.filter((u) => /\/wasm_exec\.[0-9a-f]{10}\.js$/.test(u)).length, 1);
  assert.deepEqual(problems, []);
  assertStayedHome(requests);
  await page.close();
});

test("lazy loading: far below the fold only the loader loads, with the default figures; scrolling brings the engine", async () => {
  const { page, requests, problems } = await openFixture("/fixture/long.html",
    '<div style="height:5000px">Scroll down for the calculator.</div>\n<networking-roi></networking-roi>');
  await page.waitForFunction(() => customElements.get("networking-roi") !== undefined);
  await page.waitForLoadState("networkidle");
  const widget = page.locator("networking-roi");
  // The prebuilt figures, shown by the loader alone.
  const reply = engineReply(defaultInput());
  assert.equal(await widget.locator(".verdict").textContent(), reply.report.comparison.verdict);
  const items = await widget.locator("li").allTextContents();
  assert.equal(items.length, reply.report.options.length);
  reply.report.options.forEach((o, i) => assert.ok(items[i].startsWith(`${o.name}: net `), items[i]));
  assert.equal(await widget.locator("form").count(), 0, "no calculator yet");
  assert.ok(requests.some((u) => new URL(u).pathname === "/networking-roi.js"), "the loader was fetched");
  assert.deepEqual(requests.filter(isWasm), [], "no .wasm before scrolling");
  assert.deepEqual(requests.filter(isWidgetModule), [], "no widget module nor wasm_exec.js before scrolling");
  assert.equal(await page.evaluate(() => typeof globalThis.networkingROI), "undefined");

  const wasm = page.waitForRequest((r) => isWasm(r.url()));
  await widget.scrollIntoViewIfNeeded();
  await wasm;
  await waitForWidget(page);
  assert.equal(await widget.locator(".verdict").textContent(), reply.report.comparison.verdict);
  assert.equal(requests.filter(isWasm).length, 1);
  assert.ok(requests.some((u) => /\/widget\.[0-9a-f]{10}\.js$/.test(u)), "the widget module was fetched on scrolling");
  assert.deepEqual(problems, []);
  assertStayedHome(requests);
  await page.close();
});

/**
 * A page with one widget whose .wasm response is held back until release() is
 * called, then continued or, with `abort`, failed. Resolves once the form is built.
 */
async function withEngineHeld(path, { abort = false } = {}) {
  const { page, problems, requests } = await openPage(browser.context);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(isWasm, async (route) => { await held; await (abort ? route.abort() : route.continue()); });
  await page.goto(blog.page(path, hostPage(server.url, "<networking-roi></networking-roi>")));
  const widget = page.locator("networking-roi");
  await widget.locator("form").waitFor({ state: "attached" });
  return { page, problems, requests, widget, release };
}

test("while the engine loads the form is already there, and what the reader types meanwhile is the first result", async () => {
  const { page, problems, requests, widget, release } = await withEngineHeld("/fixture/early.html");
  // The engine is held back: the loader's default verdict stays, with no cards yet.
  assert.equal(await widget.locator(".verdict").textContent(), engineVerdict(defaultInput()));
  assert.equal(await widget.locator(".cards").count(), 0);
  assert.equal(await widget.getByText("Loading the calculator…").count(), 1);
  await widget.locator("fieldset.business").getByLabel("Revenue from a new client").fill("3000");
  release();
  await waitForWidget(page);
  assert.equal(await widget.locator(".verdict").textContent(), engineVerdict(inputWith((i) => { i.dealValue = "3000"; })));
  assert.deepEqual(problems, []);
  assertStayedHome(requests);
  await page.close();
});

test("a bad figure typed while the engine loads is marked once it arrives, with no stale verdict, until corrected", async () => {
  const { page, problems, requests, widget, release } = await withEngineHeld("/fixture/early-bad.html");
  const deal = widget.locator("fieldset.business").getByLabel("Revenue from a new client");
  await deal.fill("lots");
  release();
  await eventually(() => deal.getAttribute("aria-invalid"), "true");
  assert.equal(await deal.getAttribute("aria-invalid"), "true");
  assert.equal(await widget.locator(".verdict").textContent(), "", "the default verdict is not the reader's");
  assert.equal(await widget.getByText("Correct the figures marked above to see the results.").count(), 1);
  assert.equal(await widget.getByText("Loading the calculator…").count(), 0);
  await deal.fill("3000");
  await widget.locator(".results .cards").waitFor({ state: "attached" });
  assert.equal(await widget.locator(".verdict").textContent(), engineVerdict(inputWith((i) => { i.dealValue = "3000"; })));
  assert.deepEqual(problems, []);
  assertStayedHome(requests);
  await page.close();
});

test("if the engine fails to load after the form is built, the default figures come back with a note", async () => {
  const { page, requests, widget, release } = await withEngineHeld("/fixture/failed.html", { abort: true });
  release();
  await widget.getByText(/could not load/).waitFor();
  assert.equal(await widget.locator("form").count(), 0, "no dead form left behind");
  assert.equal(await widget.locator(".verdict").textContent(), engineVerdict(defaultInput()));
  assertStayedHome(requests);
  await page.close();
});

test("without JavaScript, a blog shows the element's own content, index.html the prebuilt verdict, and embed.html a link", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    const requests = [];
    page.on("request", (r) => requests.push(r.url()));
    const link = '<p><a href="https://calc.example.com/">Does networking pay? Open the calculator.</a></p>';
    await page.goto(blog.page("/no-js.html", hostPage(server.url, `<networking-roi>${link}</networking-roi>`)));
    assert.equal(await page.locator("networking-roi a").isVisible(), true, "the blogger's link shows");
    assert.equal(await page.locator("networking-roi a").textContent(), "Does networking pay? Open the calculator.");

    await page.goto(server.url);
    const reply = engineReply(defaultInput());
    const verdict = page.locator("networking-roi strong");
    assert.equal(await verdict.isVisible(), true);
    assert.equal(await verdict.textContent(), reply.report.comparison.verdict);
    const items = await page.locator("networking-roi li").allTextContents();
    assert.deepEqual(items.map((t) => t.split(":")[0]), reply.report.options.map((o) => o.name));
    // The build writes whole dollars with a true minus, as the verdict does: -10230.00 → −$10,230.
    const asVerdictWrites = (net) => `${net.startsWith("-") ? "−" : ""}$${Math.round(Math.abs(Number(net))).toLocaleString("en-US")}`;
    reply.report.options.forEach((o, i) => assert.ok(items[i].includes(`net ${asVerdictWrites(o.net)}`), items[i]));
    assert.equal(await page.getByText("This calculator needs JavaScript").isVisible(), true);

    await page.goto(new URL("embed.html", server.url).href);
    const open = page.locator("networking-roi a");
    assert.equal(await open.isVisible(), true);
    assert.equal(await open.getAttribute("href"), "index.html");
    assert.equal(await open.textContent(), "Open the calculator");
    assert.equal(await page.locator("networking-roi strong").textContent(), reply.report.comparison.verdict);
    assertStayedHome(requests);
  } finally {
    await context.close();
  }
});

/** The host page of the iframe embed, with the host-side snippet. */
const iframeHost = () => `<h1>A blog post</h1>
<iframe id="calc" src="${new URL("embed.html", server.url).href}" title="Networking ROI calculator" style="display:block;width:100%;border:0" height="150"></iframe>
<p>After the calculator.</p>
<script>
  window.received = [];
  const frame = document.getElementById("calc");
  window.addEventListener("message", (event) => {
    window.received.push({ origin: event.origin, data: event.data });
    if (event.origin !== new URL(frame.src).origin) return;
    if (!event.data || event.data.type !== "networking-roi:height") return;
    frame.style.height = event.data.height + "px";
  });
</script>`;

/** The iframe's height in the host, and the height of the document inside it. */
async function heights(page) {
  const frame = page.frame({ url: /\/embed\.html$/ });
  const iframe = await page.locator("#calc").evaluate((f) => f.getBoundingClientRect().height);
  const content = await frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
  return { iframe, content };
}

/** Waits until the iframe fits its document within 3 px; returns the last heights. */
async function fitted(page) {
  let last;
  await eventually(async () => {
    last = await heights(page);
    return Math.abs(last.iframe - last.content) <= 3;
  }, true, { timeout: 3000 });
  return last;
}

test("the iframe embed resizes to its document and ignores a height message from another origin", async () => {
  const { page, problems, requests } = await openFixture("/fixture/iframe-host.html", iframeHost());
  const calc = page.frameLocator("#calc");
  await calc.locator("networking-roi form").waitFor({ state: "attached" });
  await calc.locator("networking-roi .verdict").waitFor();
  const fit = await fitted(page);
  assert.ok(Math.abs(fit.iframe - fit.content) <= 3, `iframe ${fit.iframe}px for a ${fit.content}px document`);
  assert.ok(fit.iframe > 1000, `the full calculator is taller than its first figures (${fit.iframe}px)`);

  // A height message from another origin (a sandboxed frame has the opaque origin "null").
  const before = fit.iframe;
  await page.evaluate(() => {
    const other = document.createElement("iframe");
    other.setAttribute("sandbox", "allow-scripts");
    other.title = "Another origin";
    other.srcdoc = "<script>parent.postMessage({ type: 'networking-roi:height', height: 37 }, '*');<\/script>";
    document.body.append(other);
  });
  const fake = await eventually(() => page.evaluate(() => window.received.some((m) => m.origin === "null" && m.data.height === 37)), true);
  assert.equal(fake, true, "the host received the fake message");
  // The host's listener ran when the message was received: had it taken the height, it would be set by now.
  assert.equal((await heights(page)).iframe, before, "the iframe's height is unchanged");
  assert.deepEqual(problems, []);
  assertStayedHome(requests);
  await page.close();
});

test("the iframe embed shrinks back when the calculator gets shorter", async () => {
  const { page, problems, requests } = await openFixture("/fixture/iframe-host.html", iframeHost());
  const calc = page.frameLocator("#calc");
  await calc.locator("networking-roi form").waitFor({ state: "attached" });
  const start = await fitted(page);
  const how = calc.locator("networking-roi details.how > summary");
  await how.click(); // "How this is calculated" opens: taller
  const open = await fitted(page);
  assert.ok(open.content > start.content + 50, `opening the explanation makes the document taller (${start.content} → ${open.content})`);
  assert.ok(Math.abs(open.iframe - open.content) <= 3, `grown: iframe ${open.iframe}px for a ${open.content}px document`);
  await how.click(); // closes again: shorter
  const closed = await fitted(page);
  const posted = await page.evaluate(() => window.received.filter((m) => m.data?.type === "networking-roi:height").at(-1).data.height);
  assert.ok(Math.abs(closed.iframe - closed.content) <= 3,
    `shrunk: iframe ${closed.iframe}px for a ${closed.content}px document (it was ${open.iframe}px; the last height posted was ${posted})`);
  assert.deepEqual(problems, []);
  assertStayedHome(requests);
  await page.close();
});

test("the dark theme: theme=dark is dark with light text, and theme=auto follows the colour scheme", async () => {
  const { page, problems, requests } = await openFixture("/fixture/theme.html",
    '<div style="height:3000px"></div><networking-roi theme="dark"></networking-roi>');
  const colours = (widget) => widget.evaluate((host) => {
    // The shadow root's outermost box (.frame before the calculator loads, .widget after) paints the theme.
    const style = getComputedStyle(host.shadowRoot.firstElementChild);
    const verdict = host.shadowRoot.querySelector(".verdict");
    const input = host.shadowRoot.querySelector("input");
    return {
      background: style.backgroundColor, color: style.color,
      verdict: verdict && getComputedStyle(verdict).color,
      input: input && getComputedStyle(input).backgroundColor,
    };
  });
  const dark = (c, where) => {
    assert.ok(luminance(c.background) < 0.2, `${where}: background ${c.background} is dark`);
    assert.ok(luminance(c.color) > 0.6, `${where}: text ${c.color} is light`);
    if (c.verdict) assert.ok(luminance(c.verdict) > 0.6, `${where}: verdict ${c.verdict} is light`);
    if (c.input) assert.ok(luminance(c.input) < 0.2, `${where}: input background ${c.input} is dark`);
  };
  const light = (c, where) => {
    assert.ok(luminance(c.background) > 0.8, `${where}: background ${c.background} is light`);
    assert.ok(luminance(c.color) < 0.2, `${where}: text ${c.color} is dark`);
  };
  // The loader's default figures, before the calculator loads.
  const prebuilt = page.locator("networking-roi");
  await prebuilt.locator(".verdict").waitFor();
  dark(await colours(prebuilt), "prebuilt, theme=dark");
  await prebuilt.scrollIntoViewIfNeeded();
  const widget = await waitForWidget(page);
  dark(await colours(widget), "calculator, theme=dark");

  const auto = await freshWidget(page, { theme: "auto" });
  await page.emulateMedia({ colorScheme: "light" });
  light(await colours(auto), "theme=auto, light scheme");
  await page.emulateMedia({ colorScheme: "dark" });
  dark(await colours(auto), "theme=auto, dark scheme");
  await page.emulateMedia({ colorScheme: "light" });
  light(await colours(auto), "theme=auto, back to light");
  assert.deepEqual(problems, []);
  assertStayedHome(requests);
  await page.close();
});

/**
 * The code blocks of the README's section on embedding, with its example
 * origin replaced by the widget server's: what a blogger pastes, as it is.
 */
function readmeSnippets() {
  const readme = readFileSync(join(repo, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Embed it in a blog post"), readme.indexOf("\n## ", readme.indexOf("## Embed it in a blog post") + 3));
  const origin = new URL(server.url).origin;
  return [...section.matchAll(/```(html|js)\n([\s\S]*?)```/g)].map(([, lang, code]) => ({
    lang, code: code.replaceAll("https://calc.example.com/", server.url).replaceAll("https://calc.example.com", origin),
  }));
}

/** A blog page of the README's snippets, put in a post as a blogger would. */
const post = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A post</title><link rel="icon" href="data:,"></head>
<body><main><h1>Does my networking pay?</h1><p>I tried the calculator below.</p>
${body}
<p>The end of the post.</p></main></body></html>`;

test("the README's snippets, pasted as they are into a blog on another origin, work", async () => {
  const snippets = readmeSnippets();
  const element = snippets.find((s) => s.code.includes("<networking-roi") && s.code.includes("<script type=\"module\""));
  const json = snippets.find((s) => s.code.includes('<script type="application/json">'));
  const listener = snippets.find((s) => s.lang === "js" && s.code.includes("networking-roi:change"));
  const frame = snippets.find((s) => s.code.includes("<iframe"));
  const resize = snippets.find((s) => s.code.includes("networking-roi:height"));
  assert.ok(element && json && listener && frame && resize, "the README has each snippet");
  const loaderLine = element.code.split("\n").find((line) => line.includes("networking-roi.js"));

  // The script snippet, and the events snippet in a module script of the post.
  const { page, problems, requests } = await openPage(browser.context,
    blog.page("/readme/script.html", post(`${element.code}\n<script type="module">${listener.code}</script>`)));
  const logged = [];
  page.on("console", async (m) => { if (m.type() === "log") logged.push(await Promise.all(m.args().map((a) => a.jsonValue()))); });
  const widget = await waitForWidget(page);
  const reply = engineReply(defaultInput());
  assert.equal(await widget.locator(".verdict").textContent(), reply.report.comparison.verdict);
  await widget.locator("fieldset.business").getByLabel("Revenue from a new client").fill("3100");
  const edited = engineReply(inputWith((i) => { i.dealValue = "3100"; })).report;
  const expectedLog = [edited.comparison.bestName, edited.options.map((o) => `${o.name}: ${o.net}`)];
  assert.deepEqual(await eventually(() => logged.at(-1), expectedLog), expectedLog, "the events snippet logs the new figures");
  assert.deepEqual(problems, []);
  assertStayedHome(requests);
  await page.close();

  // The JSON child, after the loader's line.
  const second = await openPage(browser.context, blog.page("/readme/json.html", post(`${loaderLine}\n${json.code}`)));
  const given = await waitForWidget(second.page);
  const text = json.code.slice(json.code.indexOf("{"), json.code.lastIndexOf("}") + 1);
  assert.equal(await given.locator(".verdict").textContent(), engineVerdict(text));
  assert.deepEqual((await readCards(given)).map((c) => c.name), engineReply(text).report.options.map((o) => o.name));
  assert.deepEqual(second.problems, []);
  assertStayedHome(second.requests);
  await second.page.close();

  // The iframe, and the host's script that fits its height.
  const third = await openPage(browser.context, blog.page("/readme/iframe.html", post(`${frame.code}\n${resize.code}`)));
  const calc = third.page.frameLocator("iframe");
  await calc.locator("networking-roi .results .cards").waitFor({ state: "attached" });
  // The frame's address carries the settings as query parameters.
  const query = new URL(/src="([^"]+)"/.exec(frame.code)[1].replaceAll("&amp;", "&")).searchParams;
  const framed = inputIn(query.get("currency") ?? "USD", (input) => {
    if (query.has("horizon")) input.horizonMonths = Number(query.get("horizon"));
    if (query.has("preset")) input.options = query.get("preset").split(",").map((kind) => ({ kind }));
  });
  assert.equal(await calc.locator("networking-roi .verdict").textContent(), engineVerdict(framed));
  const fits = async () => {
    const inner = await third.page.frame({ url: /\/embed\.html/ }).evaluate(() => document.documentElement.getBoundingClientRect().height);
    const outer = await third.page.locator("iframe").evaluate((iframe) => iframe.getBoundingClientRect().height);
    return Math.abs(outer - inner) <= 3;
  };
  assert.equal(await eventually(fits, true), true, "the iframe fits the calculator");
  assert.deepEqual(third.problems, []);
  assertStayedHome(third.requests);
  await third.page.close();
});
