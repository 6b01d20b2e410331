// The widget as a reader meets it inside a blog post, on a phone and on a
// desktop: its sizes do not follow the host's root font size, every control
// is a 44 × 44 px target, the chart fits the widget with legible axis text,
// and every negative figure is written with the same minus sign.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  startServer, launchBrowser, openPage, startBlog, hostPage, waitForWidget, engineReply, defaultInput,
} from "./harness.mjs";

let server, blog, browser;
before(async () => {
  server = await startServer();
  blog = await startBlog();
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); server?.stop(); blog?.stop(); });

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };
const MINUS = "\u2212";

/**
 * A blog post around the widget, its theme setting the root font size to
 * `rootSize` (62.5 % makes 1rem 10 px, a common theme trick), with a column,
 * margins and body text of its own as themes have; `css` is more of the theme.
 */
function blogPost(rootSize, { spacer = 0, css = "" } = {}) {
  const head = `<style>
${css}
html { font-size: ${rootSize}; }
body { margin: 0; font: 1.8rem/1.7 Georgia, serif; color: #222; }
main { max-width: 68rem; margin: 0 auto; padding: 0 1.6rem; }
</style>`;
  const markup = `<article>
<h1>Does my networking group pay?</h1>
<p>I ran the numbers for the two groups I go to. Try your own below.</p>
<div style="height: ${spacer}px"></div>
<networking-roi></networking-roi>
<h2 id="after">What I decided</h2>
<p>More of the post.</p>
</article>`;
  return hostPage(server.url, markup, { head, title: "A blog post" });
}

let pages = 0;
/** Opens the blog post with `rootSize` at `viewport` and waits for the calculator. */
async function openPost(rootSize, viewport) {
  const opened = await openPage(browser.context);
  await opened.page.setViewportSize(viewport);
  await opened.page.goto(blog.page(`/post-${++pages}.html`, blogPost(rootSize)));
  const widget = await waitForWidget(opened.page);
  return { ...opened, widget };
}

/** The font size and box of the widget's text and controls, read in the page. */
function readSizes(widget) {
  return widget.evaluate((host) => {
    const root = host.shadowRoot;
    const px = (e) => parseFloat(getComputedStyle(e).fontSize);
    const all = [...root.querySelectorAll(".widget, .widget *")].filter((e) => !(e instanceof SVGElement));
    return {
      base: px(root.querySelector(".widget")),
      label: Math.min(...[...root.querySelectorAll("form label")].map(px)),
      figure: Math.min(...[...root.querySelectorAll(".card dd, .card dt")].map(px)),
      verdict: px(root.querySelector(".verdict")),
      inputHeight: Math.min(...[...root.querySelectorAll("form input:not([type=radio]):not([type=checkbox]), form select")]
        .map((e) => e.getBoundingClientRect().height)),
      // Every element's font size, in document order, to compare hosts.
      every: all.map(px),
    };
  });
}

for (const viewport of [PHONE, DESKTOP]) {
  test(`at ${viewport.width} px the widget's sizes are its own, whatever the host's root font size`, async () => {
    const small = await openPost("62.5%", viewport);
    const normal = await openPost("100%", viewport);
    const [a, b] = [await readSizes(small.widget), await readSizes(normal.widget)];
    for (const [what, sizes] of [["62.5 %", a], ["100 %", b]]) {
      assert.ok(sizes.base >= 14, `host at ${what}: the widget's body text is ${sizes.base} px`);
      assert.ok(sizes.label >= 14, `host at ${what}: the smallest label is ${sizes.label} px`);
      assert.ok(sizes.figure >= 14, `host at ${what}: the smallest card figure is ${sizes.figure} px`);
      assert.ok(sizes.verdict >= 16, `host at ${what}: the verdict is ${sizes.verdict} px`);
      assert.ok(sizes.inputHeight >= 44, `host at ${what}: the lowest input is ${sizes.inputHeight} px high`);
    }
    assert.deepEqual(a.every, b.every, "every element of the widget has the same font size on both hosts");
    assert.equal(a.inputHeight, b.inputHeight);
    assert.deepEqual([...small.problems, ...normal.problems], []);
    await small.page.close();
    await normal.page.close();
  });
}

test("the loading state's sizes are its own too, whatever the host's root font size", async () => {
  const read = async (rootSize) => {
    const { page } = await openPage(browser.context);
    await page.setViewportSize(PHONE);
    // Far below the fold, the widget keeps its prebuilt figures. The theme's
    // column is in rem: the element is given the same width on both hosts,
    // as the height the loading state reserves follows its width.
    await page.goto(blog.page(`/post-${++pages}.html`, blogPost(rootSize, { spacer: 20000, css: "networking-roi { width: 320px; }" })));
    const sizes = await page.locator("networking-roi").evaluate(async (host) => {
      while (!host.shadowRoot?.querySelector(".frame .note")) await new Promise((r) => setTimeout(r, 20));
      const root = host.shadowRoot;
      const px = (e) => parseFloat(getComputedStyle(e).fontSize);
      return { base: px(root.querySelector(".frame")), every: [...root.querySelectorAll(".frame, .frame *")].map(px),
        height: host.getBoundingClientRect().height };
    });
    await page.close();
    return sizes;
  };
  const [a, b] = [await read("62.5%"), await read("100%")];
  assert.ok(a.base >= 14, `the prebuilt figures' text is ${a.base} px on a host at 62.5 %`);
  assert.deepEqual(a, b, "the prebuilt state is the same on hosts at 62.5 % and 100 %");
});

/**
 * Every visible control of the widget with the box a finger hits: the
 * control's, or for a radio or checkbox its label's. All disclosures are
 * opened first, so that the fields behind "More…" count too.
 */
function readTargets(widget) {
  return widget.evaluate((host) => {
    const root = host.shadowRoot;
    for (const d of root.querySelectorAll("details")) d.open = true;
    const controls = root.querySelectorAll("input, select, textarea, button, summary, a[href], [tabindex]:not([tabindex='-1'])");
    const name = (e) => `${e.localName}${e.id ? "#" + e.id : ""}${e.type ? `[${e.type}]` : ""} "${(e.textContent || e.getAttribute("aria-label") || "").trim().slice(0, 30)}"`;
    return [...controls].filter((e) => e.checkVisibility({ visibilityProperty: true, opacityProperty: false })).map((e) => {
      const target = ["radio", "checkbox"].includes(e.type) ? e.closest("label") ?? root.querySelector(`label[for="${e.id}"]`) : e;
      const box = target.getBoundingClientRect();
      return { name: name(e), width: Math.round(box.width * 10) / 10, height: Math.round(box.height * 10) / 10 };
    });
  });
}

test("at 360 px every control of the widget is a target of 44 × 44 px or more", async () => {
  const { page, widget, problems } = await openPost("62.5%", PHONE);
  const targets = await readTargets(widget);
  assert.ok(targets.length > 40, `${targets.length} controls found`);
  const small = targets.filter((t) => t.width < 44 || t.height < 44);
  assert.deepEqual(small.map((t) => `${t.name}: ${t.width} × ${t.height}`), [],
    `${small.length} of ${targets.length} controls are under 44 × 44 px`);
  assert.deepEqual(problems, []);
  await page.close();
});

/** The chart's box, the widget's, and each text of the chart with its box and rendered font size. */
function readChart(widget) {
  return widget.evaluate((host) => {
    const root = host.shadowRoot;
    const svg = root.querySelector("svg.chart");
    svg.scrollIntoView();
    const box = (e) => { const r = e.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, bottom: r.bottom }; };
    const scale = svg.getScreenCTM().a; // CSS px per user unit
    return {
      widget: box(root.querySelector(".widget")),
      svg: box(svg),
      texts: [...svg.querySelectorAll("text")].map((t) => ({
        text: t.firstChild.nodeValue, box: box(t), rendered: parseFloat(getComputedStyle(t).fontSize) * scale,
      })),
    };
  });
}

test("at 360 px the chart fits the widget, its axis text 11 px or more and never clipped", async () => {
  const { page, widget, problems } = await openPost("62.5%", PHONE);
  assertChartFits(await readChart(widget));
  // A name longer than the legend's width is shortened, never cut by the chart's edge.
  const long = "The Tuesday breakfast referral club of the greater metropolitan area";
  await widget.locator('fieldset[data-option="0"]').getByLabel("Name").fill(long);
  await widget.locator("svg.chart text.label", { hasText: "The Tuesday" }).waitFor({ state: "attached" });
  const chart = await readChart(widget);
  assertChartFits(chart);
  const label = chart.texts.find((t) => t.text.startsWith("The Tuesday"));
  assert.ok(label.text.endsWith("…") && long.startsWith(label.text.slice(0, -1).trimEnd()), `the legend shows "${label.text}"`);
  assert.deepEqual(problems, []);
  await page.close();
});

function assertChartFits(chart) {
  const inside = (inner, outer) => inner.left >= outer.left - 0.5 && inner.right <= outer.right + 0.5
    && inner.top >= outer.top - 0.5 && inner.bottom <= outer.bottom + 0.5;
  assert.ok(inside(chart.svg, chart.widget), `the chart ${JSON.stringify(chart.svg)} is inside the widget ${JSON.stringify(chart.widget)}`);
  assert.ok(chart.texts.some((t) => t.text === "Month"), "the axis title is drawn");
  const small = chart.texts.filter((t) => t.rendered < 11).map((t) => `"${t.text}" at ${t.rendered.toFixed(1)} px`);
  assert.deepEqual(small, [], "chart text under 11 px");
  const clipped = chart.texts.filter((t) => !inside(t.box, chart.svg)).map((t) => `"${t.text}" ${JSON.stringify(t.box)}`);
  assert.deepEqual(clipped, [], `chart text outside the chart's box ${JSON.stringify(chart.svg)}`);
}

test("every negative figure is written with the minus sign U+2212, and the CSV with ASCII hyphen-minus", async () => {
  const { page, widget, problems } = await openPost("100%", DESKTOP);
  const { report } = engineReply(defaultInput());
  assert.ok(report.options.some((o) => o.net.startsWith("-")), "the default comparison has a negative net");
  const shown = await widget.evaluate((host) => {
    const root = host.shadowRoot;
    for (const d of root.querySelectorAll("details")) d.open = true;
    const text = (selector) => [...root.querySelectorAll(selector)].map((e) => e.textContent);
    return {
      verdict: text(".verdict"), cards: text(".card dd"), tornado: text(".bars .bar-label"),
      ticks: text("svg.chart text.tick"), table: text(".chart-table td"),
    };
  });
  // A hyphen-minus or any dash before a figure (a digit, or a currency sign then a digit).
  const wrongSign = /[-\u2010-\u2015\uFE58\uFE63\uFF0D]\s?\p{Sc}?\s?\d/u;
  for (const [where, texts] of Object.entries(shown)) {
    const wrong = texts.filter((t) => wrongSign.test(t));
    assert.deepEqual(wrong, [], `${where}: figures with another sign than ${MINUS}`);
  }
  for (const where of ["cards", "tornado", "ticks", "table"]) {
    assert.ok(shown[where].some((t) => t.includes(MINUS)), `${where} show a negative figure: ${shown[where].slice(0, 6).join(" | ")}`);
  }
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    widget.getByRole("button", { name: "Download CSV" }).click(),
  ]);
  const csv = readFileSync(await download.path(), "utf8");
  assert.ok(!csv.includes(MINUS), "the CSV has no Unicode minus");
  assert.ok(/,-\d/.test(csv), "the CSV writes negatives with the hyphen-minus, for machines");
  assert.deepEqual(problems, []);
  await page.close();
});
