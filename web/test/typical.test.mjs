// "Net, low · typical · high" on each card: where the typical net (the
// engine's p50, the net of the median count of clients won) differs from the
// net (from the clients expected on average), a sentence under the row says
// why, in the direction they differ; where they agree, nothing. On a narrow
// card the three figures wrap between figures, never inside one.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, openPage, waitForWidget, engineReply, defaultInput, completeInput, eventually } from "./harness.mjs";

let server, browser, opened;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  opened = await openPage(browser.context, server.url);
  await waitForWidget(opened.page);
});
after(async () => { await browser?.close(); server?.stop(); });

const START = "Typical is the middle outcome, in whole clients: no more than half do better. Net counts the average number of clients, ";
const BELOW = `${START}which a few very good outcomes pull up.`; // typical below net
const ABOVE = `${START}which is lower here.`; // typical above net

/** Shows `input` in the page's widget and returns, per card, its name and the sentence under its figures (null if none). */
async function notesFor(input) {
  const widget = opened.page.locator("networking-roi");
  const names = input.options.map((o) => o.name);
  await widget.evaluate((host, input) => { host.input = input; }, input);
  await eventually(() => widget.evaluate((host) => [...host.shadowRoot.querySelectorAll("article.card h3 bdi")].map((b) => b.textContent)), names);
  return widget.evaluate((host) => [...host.shadowRoot.querySelectorAll("article.card")].map((card) => ({
    name: card.querySelector("h3 bdi").textContent,
    note: card.querySelector("dl + .typical-note")?.textContent ?? null,
  })));
}

/** A custom option with a known referral rate and no uncertainty about it: its clients are Poisson with mean rate × 0.5 × the months. */
const known = (name, referralsPerMonth) => ({
  kind: "custom", name, monthlyFee: "100", referralsPerMonth, rampMonths: "0", closeRate: "0.5", referralSpread: "0",
});

test("in the default comparison both typical nets are below the nets, and each card says a few very good outcomes pull the average up", async () => {
  const input = defaultInput();
  const { report } = engineReply(input);
  for (const o of report.options) assert.ok(Number(o.uncertainty.p50) < Number(o.net), `${o.name}: typical ${o.uncertainty.p50}, net ${o.net}`);
  assert.deepEqual(await notesFor(input), report.options.map((o) => ({ name: o.name, note: BELOW })));
});

test("with no uncertainty, the typical net equals the net where the clients expected are a whole median (no sentence) and is above it where they fall short", async () => {
  // 10 months: 0.94 × 0.5 × 10 = 4.7 clients expected, whose Poisson median is 5; 1 × 0.5 × 10 = 5, whose median is 5.
  const input = completeInput({ horizonMonths: 10, options: [known("Short of the median", "0.94"), known("On the median", "1")] });
  const [short, even] = engineReply(input).report.options;
  assert.ok(Number(short.uncertainty.p50) > Number(short.net), `typical ${short.uncertainty.p50}, net ${short.net}`);
  assert.equal(even.uncertainty.p50, even.net);
  assert.deepEqual(await notesFor(input), [{ name: "Short of the median", note: ABOVE }, { name: "On the median", note: null }]);
});

test("the sentence goes when an edit makes the typical net and the net agree, and comes back when they part", async () => {
  const input = completeInput({ horizonMonths: 10, options: [known("Breakfast club", "1")] });
  assert.deepEqual(await notesFor(input), [{ name: "Breakfast club", note: null }]);
  const rate = opened.page.locator('networking-roi fieldset[data-option="0"]').getByLabel("Referrals a month");
  await rate.fill("0.94");
  const note = opened.page.locator("networking-roi article.card .typical-note");
  assert.equal(await eventually(() => note.count(), 1), 1);
  assert.equal(await note.textContent(), ABOVE);
  await rate.fill("1");
  assert.equal(await eventually(() => note.count(), 0), 0);
  assert.deepEqual(opened.problems, []);
});

test("at 360 px the low, typical and high nets wrap between figures, never between a minus sign and its number", async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  try {
    const { page, problems } = await openPage(context, server.url);
    const widget = await waitForWidget(page);
    // In the default comparison the weekly group's row reads "−$13,980 · −$3,980 · $12,020", too wide for one line at 360 px.
    const rows = await widget.evaluate((host) => [...host.shadowRoot.querySelectorAll("article.card dd")]
      .filter((dd) => dd.previousElementSibling.textContent === "Net, low · typical · high")
      .map((dd) => ({ lines: new Set([...dd.querySelectorAll(".figure")].map((f) => Math.round(f.getBoundingClientRect().top))).size,
        parts: [...dd.querySelectorAll(".figure")].map((f) => ({ text: f.textContent, boxes: f.getClientRects().length })) })));
    assert.equal(rows.length, 2);
    assert.ok(rows.some((row) => row.lines > 1), `some row wraps at 360 px: ${JSON.stringify(rows)}`);
    for (const row of rows) {
      assert.equal(row.parts.length, 3);
      for (const part of row.parts) assert.equal(part.boxes, 1, `"${part.text}" is split across lines`);
    }
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
