// Printing, as a reader prints the calculator's page or a blog post holding
// the widget: the reader's figures and the results on at most two A4 pages,
// every disclosure printed open and closed again after, no heading left at
// a page's foot, the sticky brief left out, light colours whatever the theme.
// Chromium prints to PDF as its print dialog does (A4, margins of 10 mm,
// beforeprint and afterprint fired), and poppler's pdftotext reads back each
// page's words with their boxes.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  startServer, launchBrowser, openPage, startBlog, hostPage, waitForWidget, usd, eventually, axePath, staysLocal,
} from "./harness.mjs";

let server, blog, browser, dir;
before(async () => {
  server = await startServer();
  blog = await startBlog();
  browser = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), "roi-print-"));
});
after(async () => {
  await browser?.close();
  server?.stop();
  blog?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const MM = 96 / 25.4; // CSS px per millimetre
const PT = 72 / 96; // PDF points per CSS px
const MARGIN = 10; // mm, as Chromium's print dialog sets by default
const A4 = { format: "A4", margin: { top: `${MARGIN}mm`, right: `${MARGIN}mm`, bottom: `${MARGIN}mm`, left: `${MARGIN}mm` } };
// The printed width in CSS px (210 mm less the margins), at which print media is emulated to read positions.
const PRINTED = { width: Math.round((210 - 2 * MARGIN) * MM), height: Math.round((297 - 2 * MARGIN) * MM) };

let posts = 0;
/** A blog post around the widget, on the blog's origin: a title and a paragraph before it, a heading and a paragraph after. */
function blogPost(attrs = "") {
  const head = `<style>body { margin: 0; font: 18px/1.7 Georgia, serif; color: #222; } main { max-width: 680px; margin: 0 auto; padding: 0 16px; }</style>`;
  const markup = `<article>
<h1>Does my networking group pay?</h1>
<p>I ran the numbers for the two groups I go to. Try your own below.</p>
<networking-roi ${attrs}></networking-roi>
<h2>What I decided</h2>
<p>More of the post.</p>
</article>`;
  return blog.page(`/post-${++posts}.html`, hostPage(server.url, markup, { head, title: "A blog post" }));
}

/** Opens `url` at a desktop size and waits for the calculator. */
async function open(url) {
  const opened = await openPage(browser.context);
  await opened.page.setViewportSize({ width: 1280, height: 800 });
  await opened.page.goto(url);
  return { ...opened, widget: await waitForWidget(opened.page) };
}

/**
 * The worst realistic case: a third option (the chamber of commerce, the
 * kind the form adds first), its annual fee typed as 1234 (a figure only
 * the reader's figures print as it is typed), and the first option's
 * member's record ticked with its starting figures.
 */
async function worstCase(widget) {
  await widget.getByRole("button", { name: "Add an option" }).click();
  await widget.locator('fieldset[data-option="2"]').getByLabel("Annual fee").fill("1234");
  await widget.locator('fieldset[data-option="0"]').getByLabel("I am already a member").check();
  await eventually(() => widget.evaluate((host) => host.report?.options.length === 3 && Boolean(host.report.options[0].track)), true);
  await widget.locator("article.card .record").waitFor();
}

const unescapeXml = (text) => text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

let prints = 0;
/**
 * Prints the page to PDF on A4 and reads back its pages: each word with
 * its box, in points from the page's top left corner (pdftotext -bbox).
 */
async function printed(page) {
  const file = join(dir, `print-${++prints}.pdf`);
  writeFileSync(file, await page.pdf(A4));
  const xhtml = execFileSync("pdftotext", ["-bbox", file, "-"], { encoding: "utf8" });
  return [...xhtml.matchAll(/<page width="[\d.]+" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map(([, height, body]) => ({
    height: Number(height),
    words: [...body.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
      .map(([, xMin, yMin, xMax, yMax, text]) => ({ xMin: +xMin, yMin: +yMin, xMax: +xMax, yMax: +yMax, text: unescapeXml(text) })),
  }));
}

/** Every word printed, in order, as one text. */
const textOf = (pages) => pages.flatMap((p) => p.words.map((w) => w.text)).join(" ");
const words = (text) => text.trim().split(/\s+/).filter(Boolean);

/**
 * The words of `text` that the printed pages hold fewer times than `text`
 * does (none when all of it is printed). Words are cut after hyphens, where
 * a line may break.
 */
function missingWords(pages, text) {
  const pieces = (t) => words(t).flatMap((w) => w.split(/(?<=-)/));
  const count = new Map();
  for (const w of pieces(textOf(pages))) count.set(w, (count.get(w) ?? 0) + 1);
  const missing = [];
  for (const w of pieces(text)) {
    if (count.get(w)) count.set(w, count.get(w) - 1);
    else missing.push(w);
  }
  return missing;
}

/** Emulates print media at the printed width, with the page's beforeprint listeners run (the disclosures opened). */
async function emulatePrint(page) {
  await page.setViewportSize(PRINTED);
  await page.emulateMedia({ media: "print" });
  await page.evaluate(() => dispatchEvent(new Event("beforeprint")));
}

/** Back to the screen: afterprint, screen media, the desktop size. */
async function emulateScreen(page) {
  await page.evaluate(() => dispatchEvent(new Event("afterprint")));
  await page.emulateMedia({ media: null }); // no emulation: page.pdf prints in print media again
  await page.setViewportSize({ width: 1280, height: 800 });
}

/**
 * The headings that print, read in print media at the printed width: the
 * page's and the widget's h1 to h4, figure captions, disclosures' summaries
 * and table group labels. Each has its words, where its text starts (its
 * left edge in CSS px), its box's width, the height of its text from its
 * first line's top to its last line's bottom, and, inside a multi-column
 * box, the distance between columns (it may print in another column than
 * on screen).
 */
function readHeadings(page) {
  return page.evaluate(() => {
    const roots = [document, ...[...document.querySelectorAll("networking-roi")].map((e) => e.shadowRoot)];
    const selector = "h1, h2, h3, h4, figcaption, summary, th[scope=rowgroup]";
    return roots.flatMap((root) => [...root.querySelectorAll(selector)]).filter((e) => e.checkVisibility()).map((e) => {
      const range = document.createRange();
      range.selectNodeContents(e);
      const lines = [...range.getClientRects()];
      let pitch = 0;
      for (let a = e.parentElement; a && getComputedStyle(e).columnSpan !== "all"; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (style.columnCount === "auto") continue;
        const n = Number(style.columnCount);
        const gap = parseFloat(style.columnGap);
        pitch = (a.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) + gap) / n;
        break;
      }
      return {
        text: e.textContent.trim().replace(/\s+/g, " "),
        left: Math.min(...lines.map((r) => r.left)),
        width: e.getBoundingClientRect().width,
        height: Math.max(...lines.map((r) => r.bottom)) - Math.min(...lines.map((r) => r.top)),
        pitch,
      };
    });
  });
}

/**
 * Each printed heading with nothing printed below it in its column on its
 * page: a heading stranded at a page's (or a column's) foot. A heading is
 * found by its first two words on one line, starting where it starts (or a
 * column's width away). Fails if a heading is not found at all.
 */
function strandedHeadings(pages, headings) {
  const stranded = [];
  for (const h of headings) {
    const [first, second] = words(h.text);
    const lefts = [-2, -1, 0, 1, 2].map((k) => (MARGIN * MM + h.left + k * h.pitch) * PT);
    let found = 0;
    pages.forEach((p, n) => {
      for (const w of p.words) {
        if (w.text !== first || !lefts.some((x) => Math.abs(w.xMin - x) < 2)) continue;
        const next = p.words.filter((o) => Math.abs(o.yMin - w.yMin) < 0.5 && o.xMin > w.xMax).sort((a, b) => a.xMin - b.xMin)[0];
        if (second && next && next.text !== second && next.xMin < w.xMin + h.width * PT) continue; // another text starting with the same word
        found++;
        const bottom = w.yMin + h.height * PT;
        const right = w.xMin + h.width * PT;
        if (!p.words.some((o) => o.yMin > bottom - 0.5 && o.xMax > w.xMin && o.xMin < right)) stranded.push(`"${h.text}" at the foot of page ${n + 1}`);
      }
    });
    assert.ok(found > 0, `the heading "${h.text}" is printed`);
  }
  return stranded;
}

/**
 * The reader's figures: as the form holds them (every decimal field, by
 * its label, for the business or each option) and as the printed summary
 * writes them (each row's cells, those of an option without the field,
 * "—", left out).
 */
function readFigures(widget) {
  return widget.evaluate((host) => {
    const root = host.shadowRoot;
    const form = {};
    for (const input of root.querySelectorAll("form input[inputmode=decimal]")) {
      const label = root.querySelector(`label[for="${input.id}"]`).textContent;
      (form[label] ??= {})[input.closest("fieldset[data-option]")?.dataset.option ?? "business"] = input.value;
    }
    const paper = {};
    for (const dt of root.querySelectorAll(".business-figures dt")) paper[dt.textContent] = { business: dt.nextElementSibling.textContent };
    for (const row of root.querySelectorAll(".option-figures tbody tr")) {
      const cells = [...row.querySelectorAll("td")].map((td, i) => [String(i), td.textContent]).filter(([, v]) => v !== "—");
      if (row.querySelector("td")) paper[row.querySelector("th").textContent] = Object.fromEntries(cells);
    }
    const names = [...root.querySelectorAll(".option-figures thead th")].map((th) => th.textContent);
    return { form, paper, names, summary: root.querySelector(".print-figures").innerText };
  });
}

/**
 * Prints the page and checks what every print must hold: the verdict, the
 * reader's figures (the form's, every one), each card's net, the chart's
 * table (a disclosure printed open: its first month), and no heading at a
 * page's foot. Returns the pages.
 */
async function assertPrint(page, widget) {
  await emulatePrint(page);
  const figures = await readFigures(widget);
  const verdict = (await widget.locator(".verdict").textContent()).replace(/\s+/g, " ").trim();
  const headings = await readHeadings(page);
  const visible = await widget.evaluate((host) => ({
    form: host.shadowRoot.querySelector("form").checkVisibility(),
    figures: host.shadowRoot.querySelector(".print-figures").checkVisibility(),
    table: host.shadowRoot.querySelector(".chart-table td").checkVisibility(),
  }));
  await emulateScreen(page);
  assert.deepEqual(visible, { form: false, figures: true, table: true }, "in print, the reader's figures replace the form, and the chart's table is open");
  assert.deepEqual(figures.paper, figures.form, "the printed figures are the form's, every one");
  const report = await widget.evaluate((host) => host.report);
  assert.deepEqual(figures.names, report.options.map((o) => o.name));

  const pages = await printed(page);
  const text = textOf(pages);
  assert.ok(text.includes(verdict), `the verdict is printed: "${verdict}"`);
  assert.deepEqual(missingWords(pages, figures.summary), [], "every word of the reader's figures is printed");
  for (const o of report.options) {
    assert.ok(text.includes(usd(o.net)), `${o.name}'s net ${usd(o.net)} is printed`);
    assert.ok(text.includes(usd(o.months[0].cumulativeNet)), `the chart's table prints ${o.name}'s first month, ${usd(o.months[0].cumulativeNet)}`);
  }
  assert.ok(!text.includes("How this is calculated"), "how it is calculated stays on the screen");
  assert.deepEqual(strandedHeadings(pages, headings), [], "headings with nothing below them on their page");
  return pages;
}

test("the calculator's page prints the default comparison on at most two A4 pages, figures, results and the chart's table", async () => {
  const { page, widget, problems, requests } = await open(server.url);
  const pages = await assertPrint(page, widget);
  assert.ok(pages.length <= 2, `${pages.length} pages`);
  assert.deepEqual(problems, []);
  for (const r of requests) assert.ok(staysLocal(r), `request left 127.0.0.1: ${r}`);
  await page.close();
});

test("the calculator's page prints three options and a member's record on at most two A4 pages", async () => {
  const { page, widget, problems } = await open(server.url);
  await worstCase(widget);
  const pages = await assertPrint(page, widget);
  assert.ok(pages.length <= 2, `${pages.length} pages`);
  const text = textOf(pages);
  assert.ok(words(text).includes("1234"), "the annual fee typed is printed as typed");
  const record = await widget.locator("article.card .record").textContent();
  assert.deepEqual(missingWords(pages, record), [], "the member's record is printed");
  assert.deepEqual(problems, []);
  await page.close();
});

test("a blog post on another origin prints the widget's default comparison on at most two A4 pages, with the post's own text", async () => {
  const { page, widget, problems, requests } = await open(blogPost());
  const pages = await assertPrint(page, widget);
  assert.ok(pages.length <= 2, `${pages.length} pages`);
  const text = textOf(pages);
  for (const own of ["Does my networking group pay?", "What I decided", "More of the post."]) assert.ok(text.includes(own), `the post's "${own}" is printed`);
  assert.deepEqual(problems, []);
  for (const r of requests) assert.ok(r.startsWith(server.url) || r.startsWith(blog.url) || staysLocal(r), `a request elsewhere: ${r}`);
  await page.close();
});

test("a blog post prints three options and a member's record whole: the widget's two pages and the post's text around them", async () => {
  // The post's title and paragraph start the widget below the top of page
  // 1, so its two pages' worth of results end on page 3, with the post's
  // last heading and paragraph.
  const { page, widget, problems } = await open(blogPost());
  await worstCase(widget);
  const pages = await assertPrint(page, widget);
  assert.ok(pages.length <= 3, `${pages.length} pages`);
  assert.deepEqual(problems, []);
  await page.close();
});

test("printing opens every closed disclosure and closes it again after; the reader's open ones stay open", async () => {
  const { page, widget, problems } = await open(blogPost());
  const states = () => widget.evaluate((host) => [...host.shadowRoot.querySelectorAll("details")].map((d) => d.open));
  await widget.locator("details.how > summary").click(); // the reader opens "How this is calculated"
  const before = await states();
  assert.ok(before.includes(false) && before.includes(true), `some disclosures open, some closed: ${before}`);
  await page.evaluate(() => dispatchEvent(new Event("beforeprint")));
  assert.ok((await states()).every(Boolean), "every disclosure is open for printing");
  await page.evaluate(() => dispatchEvent(new Event("afterprint")));
  assert.deepEqual(await states(), before, "after printing, each is as the reader left it");
  // Chromium's own printing fires both events around the PDF.
  const pages = await printed(page);
  const first = (await widget.evaluate((host) => host.report)).options[0].months[0].cumulativeNet;
  assert.ok(textOf(pages).includes(usd(first)), "the chart's table is printed open");
  assert.deepEqual(await states(), before);
  assert.deepEqual(problems, []);
  await page.close();
});

test("on paper the brief is not shown, the figures are, and the colours are light in the dark theme, axe clean", async () => {
  const { page, widget, problems } = await open(blogPost('theme="dark"'));
  const look = () => widget.evaluate((host) => {
    const root = host.shadowRoot;
    const style = (selector) => getComputedStyle(root.querySelector(selector));
    return {
      brief: style(".brief").display, figures: style(".print-figures").display,
      background: style(".card").backgroundColor, text: style(".card").color,
    };
  });
  const screen = await look();
  assert.deepEqual([screen.brief, screen.figures], ["block", "none"], "on screen the brief is shown and the form holds the figures");
  assert.notEqual(screen.background, "rgb(255, 255, 255)", "the dark theme on screen");
  await emulatePrint(page);
  assert.deepEqual(await look(), { brief: "none", figures: "block", background: "rgb(255, 255, 255)", text: "rgb(0, 0, 0)" });
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => (await globalThis.axe.run(document, { resultTypes: ["violations"] })).violations
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.flat().join(" >>> ")).join(", ")}`));
  assert.deepEqual(violations, [], "axe in print media, every disclosure open");
  await emulateScreen(page);
  assert.deepEqual(problems, []);
  await page.close();
});
