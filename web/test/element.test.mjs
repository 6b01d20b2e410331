// The <networking-roi> element as an embedder uses it, on a blog on another
// origin: its observed attributes, moving it in the DOM, its events and
// properties, warnings for invalid attributes, an exactly read JSON child,
// and the prebuilt figures or loading state it shows before it upgrades.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import {
  startServer, startBlog, launchBrowser, openPage, hostPage, waitForWidget, engineReply, engineVerdict,
  inputWith, inputIn, completeInput, readCards, eventually, staysLocal,
} from "./harness.mjs";

let server, blog, browser;
before(async () => {
  server = await startServer();
  blog = await startBlog();
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); server?.stop(); blog?.stop(); });

const CURRENCIES = ["USD", "EUR", "GBP", "CAD", "AUD", "CHF", "INR", "JPY"];
const BELOW_THE_FOLD = '<div style="height: 5000px">The post.</div>';

/** Opens a blog page holding `markup`, recording console warnings too. */
async function openBlog(path, markup) {
  const opened = await openPage(browser.context, blog.page(path, hostPage(server.url, markup)));
  opened.warnings = [];
  opened.page.on("console", (m) => { if (m.type() === "warning") opened.warnings.push(m.text()); });
  return opened;
}

function assertClean({ problems, requests }) {
  assert.deepEqual(problems, [], "console errors or page errors");
  for (const r of requests) assert.ok(staysLocal(r), `request left 127.0.0.1: ${r}`);
}

const verdictOf = (widget) => widget.locator(".verdict").textContent();
const field = (widget, label, option) => (option === undefined
  ? widget.locator("fieldset.business") : widget.locator(`fieldset[data-option="${option}"]`)).getByLabel(label);

test("before it upgrades, the README's attributes show prebuilt figures in each offered currency; other settings a loading state of the same shape", async () => {
  const markup = CURRENCIES.map((c) => `<networking-roi preset="weekly_group,open_network" currency="${c}" theme="auto"></networking-roi>`).join("\n")
    + '\n<networking-roi preset="open_network,chamber_of_commerce,custom" currency="EUR"></networking-roi>'
    + '\n<networking-roi horizon="36"></networking-roi>';
  const opened = await openBlog("/element/prebuilt.html", `${BELOW_THE_FOLD}\n${markup}`);
  const { page, requests } = opened;
  const widgets = page.locator("networking-roi");
  await widgets.nth(CURRENCIES.length + 1).locator(".verdict").waitFor();
  for (const [i, currency] of CURRENCIES.entries()) {
    const reply = engineReply(inputIn(currency));
    assert.equal(await verdictOf(widgets.nth(i)), reply.report.comparison.verdict, currency);
    const lines = await widgets.nth(i).locator("li").allTextContents();
    assert.deepEqual(lines.map((l) => l.split(":")[0]), reply.report.options.map((o) => o.name), currency);
  }
  // Three options of other kinds: a loading line for the verdict and one line per option, named.
  const other = widgets.nth(CURRENCIES.length);
  assert.equal(await verdictOf(other), "Loading the calculator…");
  assert.deepEqual(await other.locator("li").allTextContents(),
    ["Large open network: net …", "Chamber of commerce: net …", "Custom option: net …"]);
  // Another horizon: the same shape, the default two options.
  const longer = widgets.nth(CURRENCIES.length + 1);
  assert.equal(await verdictOf(longer), "Loading the calculator…");
  assert.equal(await longer.locator("li").count(), 2);
  assert.ok(!requests.some((u) => u.endsWith(".wasm")), "nothing but the loader before the widgets near the viewport");
  assertClean(opened);
  await page.close();
});

test("attributes set after load update the widget and keep the reader's own figures where they still apply", async () => {
  const opened = await openBlog("/element/attributes.html", "<networking-roi></networking-roi>");
  const { page } = opened;
  const widget = await waitForWidget(page);
  // The reader's own figures: a deal value, and the open network's monthly fee.
  await field(widget, "Revenue from a new client").fill("3000");
  await field(widget, "Monthly fee (USD)", 1).fill("20");
  const edited = (change) => inputWith((input) => {
    change(input);
    input.dealValue = "3000";
    input.options[1].monthlyFee = "20";
  });
  await eventually(() => verdictOf(widget), engineVerdict(edited(() => {})));

  const steps = [
    ["currency", "EUR", (input) => Object.assign(input, inputIn("EUR"))], // the amounts not typed follow the currency
    ["horizon", "36", (input) => { input.horizonMonths = 36; }],
  ];
  const changes = [];
  for (const [name, value, change] of steps) {
    changes.push(change);
    await page.locator("networking-roi").evaluate((host, [n, v]) => host.setAttribute(n, v), [name, value]);
    const expected = engineVerdict(edited((input) => changes.forEach((c) => c(input))));
    assert.equal(await eventually(() => verdictOf(widget), expected), expected, `after ${name}="${value}"`);
  }
  // New presets: the open network (with its edited fee) moves first, the chamber of commerce starts fresh.
  await page.locator("networking-roi").evaluate((host) => host.setAttribute("preset", "open_network,chamber_of_commerce"));
  const reordered = inputIn("EUR", (input) => {
    input.dealValue = "3000";
    input.horizonMonths = 36;
    input.options = [{ ...input.options[1], monthlyFee: "20" }, { kind: "chamber_of_commerce" }];
  });
  const expected = engineVerdict(reordered);
  assert.equal(await eventually(() => verdictOf(widget), expected), expected, "after preset=open_network,chamber_of_commerce");
  assert.equal(await field(widget, "Monthly fee (EUR)", 0).inputValue(), "20");
  assert.equal(await field(widget, "Revenue from a new client").inputValue(), "3000");

  // The locale: inputs and cards are written the German way.
  await page.locator("networking-roi").evaluate((host) => host.setAttribute("locale", "de"));
  await eventually(async () => (await readCards(widget))[0].figures.Net.endsWith("€"), true);
  const net = engineReply(reordered).report.options[0].net; // e.g. "-12345.67" → "−12.345,67 €", with the widget's minus sign
  const german = new Intl.NumberFormat("de", { style: "currency", currency: "EUR" }).format(net).replace("-", "\u2212");
  assert.equal((await readCards(widget))[0].figures.Net, german);

  // Theme and compact are styles that follow the attribute.
  const look = () => widget.evaluate((host) => ({
    scheme: getComputedStyle(host.shadowRoot.querySelector(".widget")).colorScheme,
    how: getComputedStyle(host.shadowRoot.querySelector(".how")).display,
  }));
  assert.deepEqual(await look(), { scheme: "light", how: "block" });
  await page.locator("networking-roi").evaluate((host) => { host.setAttribute("theme", "dark"); host.setAttribute("compact", ""); });
  assert.deepEqual(await look(), { scheme: "dark", how: "none" });
  assert.deepEqual(opened.warnings, []);
  assertClean(opened);
  await page.close();
});

test("moved in the DOM, before or after it upgrades, the widget keeps working", async () => {
  const opened = await openBlog("/element/move.html",
    `<div id="top"><networking-roi id="loaded"></networking-roi></div>${BELOW_THE_FOLD}<div id="bottom"><networking-roi id="waiting"></networking-roi></div>`);
  const { page } = opened;
  const loaded = await waitForWidget(page, 0);
  await page.evaluate(() => document.querySelector("#bottom").prepend(document.querySelector("#loaded")));
  await page.evaluate(() => document.querySelector("#top").append(document.querySelector("#loaded")));
  await field(loaded, "Revenue from a new client").fill("2600");
  const expected = engineVerdict(inputWith((input) => { input.dealValue = "2600"; }));
  assert.equal(await eventually(() => verdictOf(loaded), expected), expected);

  // The second widget, still showing its prebuilt figures far below, moves to the top and upgrades there.
  const waiting = page.locator("#waiting");
  await waiting.locator(".verdict").waitFor();
  assert.equal(await waiting.locator("form").count(), 0);
  await page.evaluate(() => document.querySelector("#top").append(document.querySelector("#waiting")));
  await waitForWidget(page, 1);
  await field(waiting, "Revenue from a new client").fill("2700");
  const moved = engineVerdict(inputWith((input) => { input.dealValue = "2700"; }));
  assert.equal(await eventually(() => verdictOf(waiting), moved), moved);
  assertClean(opened);
  await page.close();
});

test("the host page hears networking-roi:ready and networking-roi:change, bubbling out of the shadow root with a summary", async () => {
  const opened = await openBlog("/element/events.html", `<networking-roi></networking-roi>
<script type="module">
  window.heard = [];
  document.addEventListener("networking-roi:ready", (e) => window.heard.push({ type: e.type, composed: e.composed, target: e.target.localName, detail: e.detail }));
  document.addEventListener("networking-roi:change", (e) => window.heard.push({ type: e.type, composed: e.composed, target: e.target.localName, detail: e.detail }));
</script>`);
  const { page } = opened;
  const widget = await waitForWidget(page);
  const heard = () => page.evaluate(() => window.heard);
  await eventually(async () => (await heard()).length, 1);
  const summaryOf = (report) => ({
    currency: report.currency,
    horizonMonths: report.horizonMonths,
    best: report.comparison.best,
    bestName: report.comparison.bestName,
    tie: report.comparison.tie,
    options: report.options.map((o, i) => ({
      name: o.name, kind: o.kind, net: o.net, paybackMonth: o.paybackMonth,
      chanceBest: report.comparison.chanceBest?.[i] ?? null,
    })),
  });
  const [ready] = await heard();
  assert.deepEqual(ready, { type: "networking-roi:ready", composed: true, target: "networking-roi", detail: summaryOf(engineReply(inputWith(() => {})).report) });

  await field(widget, "Revenue from a new client").fill("4100");
  const report = engineReply(inputWith((input) => { input.dealValue = "4100"; })).report;
  await eventually(async () => (await heard()).at(-1).detail.options[0].net, report.options[0].net);
  const last = (await heard()).at(-1);
  assert.deepEqual(last, { type: "networking-roi:change", composed: true, target: "networking-roi", detail: summaryOf(report) });

  // A refused figure computes nothing: no event until it is corrected.
  const count = (await heard()).length;
  await field(widget, "Revenue from a new client").fill("lots");
  await widget.locator("input[aria-invalid=true]").waitFor();
  assert.equal((await heard()).length, count);
  assertClean(opened);
  await page.close();
});

test("the input and report properties: read, set before and after load, and a refused input changes nothing but says why", async () => {
  const opened = await openBlog("/element/properties.html", `<networking-roi id="now"></networking-roi>${BELOW_THE_FOLD}<networking-roi id="later"></networking-roi>`);
  const { page } = opened;
  const now = await waitForWidget(page, 0);
  const defaults = inputWith(() => {});
  assert.deepEqual(await now.evaluate((host) => host.input), defaults);
  assert.deepEqual(await now.evaluate((host) => host.report), engineReply(defaults).report);

  const mine = { currency: "GBP", dealValue: "5000", options: [{ kind: "weekly_group" }, { kind: "custom", name: "Online group", monthlyFee: "30", referralsPerMonth: "0.5", closeRate: "0.3" }] };
  await now.evaluate((host, input) => { host.input = input; }, mine);
  const expected = engineVerdict(mine);
  assert.equal(await eventually(() => verdictOf(now), expected), expected);
  assert.equal(await field(now, "Monthly fee (GBP)", 1).inputValue(), "30");
  assert.deepEqual(await now.evaluate((host) => host.input), completeInput(mine), "the figures given, and the defaults of the rest");
  assert.deepEqual(await now.evaluate((host) => host.report), engineReply(mine).report);

  // Refused: the figures stay, and a warning names the field.
  await now.evaluate((host) => { host.input = { options: [{ kind: "custom", name: "X", closeRate: "7" }] }; });
  assert.equal(await verdictOf(now), expected);
  await eventually(() => opened.warnings.some((w) => w.includes("options[0].closeRate")), true);
  assert.ok(opened.warnings.some((w) => w.includes("options[0].closeRate")), opened.warnings.join("\n"));

  // Set before the widget upgrades (as a JSON text, read exactly): used once it loads.
  const later = page.locator("#later");
  await later.locator(".verdict").waitFor();
  assert.equal(await later.evaluate((host) => host.report), null);
  await later.evaluate((host) => { host.input = '{"horizonMonths": 12, "dealValue": 2500.125, "options": [{"kind": "open_network"}]}'; });
  assert.equal(await later.evaluate((host) => host.input), null, "no figures computed yet");
  assert.equal(await verdictOf(later), "Loading the calculator…", "no default figures for someone else's input");
  await waitForWidget(page, 1);
  const given = { horizonMonths: "12", dealValue: "2500.125", options: [{ kind: "open_network" }] };
  assert.equal(await verdictOf(later), engineVerdict(given));
  assert.deepEqual(await later.evaluate((host) => host.input), completeInput(given));
  assertClean(opened);
  await page.close();
});

test("an input set before the element is defined (the loader still in flight) is taken once it is", async () => {
  const { page, problems, requests } = await openPage(browser.context);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route((url) => url.pathname === "/networking-roi.js", async (route) => { await held; await route.continue(); });
  const given = { dealValue: "2750", options: [{ kind: "open_network" }] };
  await page.goto(blog.page("/element/early-input.html", hostPage(server.url,
    `<networking-roi></networking-roi><script>document.querySelector("networking-roi").input = ${JSON.stringify(given)};</script>`)),
  { waitUntil: "domcontentloaded" });
  assert.equal(await page.evaluate(() => customElements.get("networking-roi")), undefined, "not defined yet");
  release();
  const widget = await waitForWidget(page);
  assert.equal(await verdictOf(widget), engineVerdict(given));
  assert.deepEqual(await widget.evaluate((host) => host.input), completeInput(given));
  assertClean({ problems, requests });
  await page.close();
});

test("invalid attributes fall back to their defaults with a console warning naming the attribute and what it accepts", async () => {
  const opened = await openBlog("/element/invalid.html",
    '<networking-roi preset="bni" horizon="500" currency="euros" theme="pink" locale="not a locale!"></networking-roi>');
  const { page, warnings } = opened;
  const widget = await waitForWidget(page);
  assert.equal(await verdictOf(widget), engineVerdict(inputWith(() => {})));
  const expectations = [
    ["preset", "bni", "weekly_group, open_network, chamber_of_commerce, custom"],
    ["horizon", "500", "from 1 to 120"],
    ["currency", "euros", "three-letter ISO 4217 code"],
    ["theme", "pink", "light, dark, auto"],
    ["locale", "not a locale!", "BCP 47"],
  ];
  for (const [name, value, accepted] of expectations) {
    const warning = warnings.find((w) => w.includes(`${name}="${value}"`));
    assert.ok(warning, `a warning for ${name}="${value}" among:\n${warnings.join("\n")}`);
    assert.ok(warning.includes(accepted), `${warning} names what ${name} accepts`);
  }
  assert.equal(warnings.length, expectations.length, `one warning each, however often the attributes are read:\n${warnings.join("\n")}`);
  // Set later: the same, and the widget keeps its figures.
  await page.locator("networking-roi").evaluate((host) => host.setAttribute("horizon", "0"));
  await eventually(() => warnings.some((w) => w.includes('horizon="0"')), true);
  assert.equal(await verdictOf(widget), engineVerdict(inputWith(() => {})));
  assertClean(opened);
  await page.close();
});

test("an embedder's JSON child is read exactly: 123456789.123456789 stays that number", async () => {
  const json = '{"dealValue": 123456789.123456789, "grossMargin": 0.1, "options": [{"kind": "weekly_group"}]}';
  const opened = await openBlog("/element/json.html", `<networking-roi><script type="application/json">${json}</script></networking-roi>`);
  const widget = await waitForWidget(opened.page);
  const input = await widget.evaluate((host) => host.input);
  assert.equal(input.dealValue, "123456789.123456789");
  assert.equal(await verdictOf(widget), engineVerdict(json));
  assert.equal(await field(widget, "Revenue from a new client").inputValue(), "123456789.123456789");
  assertClean(opened);
  await opened.page.close();
});
