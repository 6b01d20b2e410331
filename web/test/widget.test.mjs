// The calculator itself, in a real browser, checked against the native engine:
// its figures, its form (editing, locales, errors, options), and sharing.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  startServer, launchBrowser, openPage, engineReply, engineVerdict, defaultInput, completeInput, inputWith, usd,
  engineVerdictIn, startBlog, hostPage, waitForWidget, freshWidget, readCards, readFormValues, decodeHashIn, eventually, staysLocal,
} from "./harness.mjs";

let server, blog, browser;
let shared; // a blog's page (another origin) whose widget each test replaces by a fresh one
before(async () => {
  server = await startServer();
  blog = await startBlog();
  browser = await launchBrowser();
  for (const origin of [server.url, blog.url]) {
    await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(origin).origin });
  }
  shared = await openPage(browser.context);
  await shared.page.goto(blog.page("/fixture/host.html", hostPage(server.url, "<networking-roi></networking-roi>")));
  await waitForWidget(shared.page);
});
after(async () => { await browser?.close(); server?.stop(); blog?.stop(); });

/** A fresh widget (with `attrs`) on the shared host page. */
async function useWidget(attrs = {}) {
  return { ...shared, widget: await freshWidget(shared.page, attrs) };
}

/** Opens index.html (or `url`) and waits for the full calculator. */
async function openWidget(url = server.url) {
  const opened = await openPage(browser.context, url);
  const widget = await waitForWidget(opened.page);
  return { ...opened, widget };
}

/** The input of a field, by its label, in the business fieldset or option `option`. */
function field(widget, label, option) {
  const scope = option === undefined ? widget.locator("fieldset.business") : widget.locator(`fieldset[data-option="${option}"]`);
  return scope.getByLabel(label);
}

const verdictOf = (widget) => widget.locator(".verdict").textContent();

/** Labels of the reach fields, as the engine's schema writes them. */
const LABEL = { relationshipsPerMonth: "New relationships you build a month", trustMonths: "Months before a new relationship refers you" };

/** A figure as the widget writes a count in en-US: up to 2 places. */
const num = (v) => new Intl.NumberFormat("en-US", { maximumFractionDigits: 2, roundingMode: "halfEven" }).format(v);

/** Where each option's referrals come from, as its checked radio says. */
const checkedModes = (widget) => widget.evaluate((host) => [...host.shadowRoot.querySelectorAll("fieldset[data-option]")]
  .map((set) => set.querySelector('.mode input:checked')?.value ?? null));

/** Waits for the widget's verdict to become `expected`, then asserts it. */
async function assertVerdict(widget, expected, message) {
  assert.equal(await eventually(() => verdictOf(widget), expected), expected, message);
}

/** The field's error: aria-invalid and the text of the element its aria-describedby names. */
async function fieldError(widget, input) {
  return input.evaluate((el) => ({
    invalid: el.getAttribute("aria-invalid"),
    message: el.getRootNode().getElementById(el.getAttribute("aria-describedby"))?.textContent ?? null,
  }));
}

function assertNoProblems({ problems, requests }) {
  assert.deepEqual(problems, [], "console errors or page errors");
  for (const r of requests) assert.ok(staysLocal(r), `request left 127.0.0.1: ${r}`);
}

test("the default figures match the engine's: the verdict and each card's Net and Total cost", async () => {
  const opened = await openWidget();
  const { widget, page } = opened;
  const reply = engineReply(defaultInput());
  assert.ok(reply.report, "the engine computes the default input");
  assert.equal(await verdictOf(widget), reply.report.comparison.verdict);
  const cards = await readCards(widget);
  assert.equal(cards.length, reply.report.options.length);
  reply.report.options.forEach((o, i) => {
    assert.equal(cards[i].name, o.name, `card ${i} heading`);
    assert.equal(cards[i].figures.Net, usd(o.net), `${o.name}: Net`);
    assert.equal(cards[i].figures["Total cost"], usd(o.cost), `${o.name}: Total cost`);
    assert.equal(cards[i].figures["Profit from them"], usd(o.profit), `${o.name}: Profit`);
  });
  const best = reply.report.comparison.best;
  assert.match(cards[best].heading, /Pays best$/, "the best option carries the badge");
  assertNoProblems(opened);
  await page.close();
});

test("editing an input updates the verdict to the engine's for the new input", async () => {
  const opened = await useWidget();
  const { widget, page } = opened;
  const expected = engineVerdict(inputWith((i) => { i.options[1].closeRate = "0"; }));
  assert.notEqual(expected, engineVerdict(defaultInput()), "the edit changes the engine's verdict");
  await field(widget, "Referrals that become clients (%)", 1).fill("0");
  await assertVerdict(widget, expected);
  const cards = await readCards(widget);
  const reply = engineReply(inputWith((i) => { i.options[1].closeRate = "0"; }));
  assert.equal(cards[1].figures.Net, usd(reply.report.options[1].net), "the edited option's Net follows");
  assertNoProblems(opened);
});

test("in German, '1.200,50' and '1 234,75' are read as 1200.5 and 1234.75, and a Unicode minus as minus", async () => {
  const { widget } = await useWidget({ locale: "de" });
  // Shown the German way: decimals with a comma, money in de.
  assert.equal(await field(widget, "Hours per meeting (hours)", 0).inputValue(), "1,5");
  const reply = engineReply(defaultInput());
  const de = new Intl.NumberFormat("de", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 });
  // The widget writes every minus as U+2212, where Intl's de writes a hyphen-minus.
  assert.equal((await readCards(widget))[0].figures.Net, de.format(reply.report.options[0].net).replace("-", "\u2212"));

  const deal = field(widget, "Revenue from a new client");
  await deal.fill("1.200,50");
  // The verdict's money is written the German way too, as on the cards: "12.166 $".
  await assertVerdict(widget, engineVerdictIn("de", inputWith((i) => { i.dealValue = "1200.5"; })), "1.200,50");
  assert.match(await widget.locator(".verdict").textContent(), /\d\.\d{3}\s\$/);
  await deal.fill("1\u202F234,75"); // narrow no-break space, as Intl writes groups in some locales
  await assertVerdict(widget, engineVerdictIn("de", inputWith((i) => { i.dealValue = "1234.75"; })), "1 234,75");
  await deal.fill(" 2 000 ");
  await assertVerdict(widget, engineVerdictIn("de", inputWith((i) => { i.dealValue = "2000"; })), "spaces around and inside");

  const hourly = field(widget, "What an hour of your time is worth");
  await hourly.fill("\u22125"); // "−5": the minus sign, read as -5, which the engine refuses as negative
  const negative = engineReply(inputWith((i) => { i.hourlyValue = "-5"; })).errors.find((e) => e.field === "hourlyValue");
  assert.deepEqual(await eventually(() => fieldError(widget, hourly), { invalid: "true", message: negative.message }),
    { invalid: "true", message: negative.message });
});

test("the widget writes the verdict from its parts: in English it is the engine's plain verdict in every offered currency, in German with German money and decimals", async () => {
  for (const currency of ["USD", "EUR", "GBP", "CAD", "AUD", "CHF", "INR", "JPY"]) {
    const { widget } = await useWidget({ currency, locale: "en-US" });
    await assertVerdict(widget, engineVerdict(completeInput({ currency })), currency);
  }
  const { widget } = await useWidget({ currency: "EUR", locale: "de" });
  const german = engineVerdictIn("de", completeInput({ currency: "EUR" }));
  const parts = engineReply(completeInput({ currency: "EUR" })).report.comparison.verdictParts;
  const gap = new Intl.NumberFormat("de", { style: "currency", currency: "EUR", maximumFractionDigits: 0 }).format(parts.amount);
  assert.ok(german.includes(gap), `the default gap, ${parts.amount}, written the German way (${gap}): ${german}`);
  const rate = new Intl.NumberFormat("de", { maximumFractionDigits: 2 }).format(parts.referralsToBreakEven);
  assert.match(rate, /^\d+,\d+$/, "a rate with a decimal comma");
  assert.ok(german.includes(`would need ${rate} referrals`), `what the best option would need, ${rate}: ${german}`);
  await assertVerdict(widget, german);
  const net = engineReply(completeInput({ currency: "EUR" })).report.options[1].net;
  assert.equal((await readCards(widget))[1].figures.Net, new Intl.NumberFormat("de", { style: "currency", currency: "EUR" }).format(net).replace("-", "\u2212"), "the cards agree");
});

test("your business: the share of hours you would bill and the deals a client brings reach the engine, and an hour is set against what it displaces", async () => {
  const { widget } = await useWidget();
  await field(widget, "Share of those hours you would otherwise bill").fill("50");
  await field(widget, "Deals a new client brings, the first included").fill("2");
  const input = inputWith((i) => { i.billableShare = "0.5"; i.dealsPerClient = "2"; });
  await assertVerdict(widget, engineVerdict(input));
  // An hour worth 50, half of which would be billed, displaces 50 × 0.5 = 25.
  const report = engineReply(input).report;
  const hourly = (await readCards(widget))[0].figures["A networking hour earns"];
  assert.equal(hourly, `${usd(report.options[0].hourlyReturn)} (your time: ${usd("25.00")})`);
});

test("a blank option is never named best: the verdict asks for its figures, and its card has no chance of being best", async () => {
  const { widget } = await useWidget();
  await widget.getByLabel("Kind of option to add").selectOption("custom");
  await widget.getByRole("button", { name: "Add an option" }).click();
  const input = inputWith((i) => { i.options.push({ kind: "custom", name: "Option 3" }); });
  const expected = engineVerdict(input);
  assert.match(expected, /Option 3 has no costs or referrals yet/);
  await assertVerdict(widget, expected);
  const cards = await eventually(async () => (await readCards(widget)).length, 3).then(() => readCards(widget));
  assert.equal(cards[2].figures["Chance of coming out best"], "— (no figures yet)");
  assert.ok(!cards[2].heading.includes("Pays best"));
});

test("the tornado merges the inputs that move net alike into one line, largest swing first", async () => {
  const { widget } = await useWidget();
  const report = engineReply(defaultInput()).report;
  const labels = await widget.locator("article.card").first().locator(".bar-label").allTextContents();
  // Worked from the engine's sensitivity: entries with the same low and high share a line.
  const groups = [];
  for (const s of report.options[0].sensitivity) {
    const same = groups.find((g) => g.low === s.low && g.high === s.high);
    if (same) same.fields.push(s.field);
    else groups.push({ low: s.low, high: s.high, fields: [s.field] });
  }
  assert.equal(labels.length, Math.min(5, groups.length));
  const profitLine = groups.find((g) => g.fields.includes("dealValue"));
  const scaling = ["closeRate", "dealValue", "dealsPerClient", "grossMargin",
    "reach.contactsPerRelationship", "reach.inMarketShare", "reach.passOnRate", "reach.targetShare"];
  assert.deepEqual(profitLine.fields.slice().sort(), scaling,
    "revenue, deals per client, margin, close rate and the reach figures each relationship's referrals multiply all scale profit alike");
  const shown = labels.find((l) => l.startsWith("Revenue from a new client"));
  assert.ok(shown, labels.join("\n"));
  assert.equal(shown.split(":")[0].split(" · ").length, scaling.length, shown);
  assert.equal(new Set(labels.map((l) => l.split(": ")[1])).size, labels.length, "no two lines with the same figures");
});

test("in English, '$1,200.50' is read as 1200.5, with no-break spaces and a Unicode minus handled too", async () => {
  const { widget } = await useWidget({ locale: "en" });
  const deal = field(widget, "Revenue from a new client");
  await deal.fill("$1,200.50");
  await assertVerdict(widget, engineVerdict(inputWith((i) => { i.dealValue = "1200.5"; })), "$1,200.50");
  await deal.fill("\u00A01\u00A0234.75 USD");
  await assertVerdict(widget, engineVerdict(inputWith((i) => { i.dealValue = "1234.75"; })), "1 234.75 USD");
  const hourly = field(widget, "What an hour of your time is worth");
  await hourly.fill("\u2212 $5");
  const negative = engineReply(inputWith((i) => { i.hourlyValue = "-5"; })).errors.find((e) => e.field === "hourlyValue");
  assert.deepEqual(await eventually(() => fieldError(widget, hourly), { invalid: "true", message: negative.message }),
    { invalid: "true", message: negative.message });
});

test("a bad entry shows the engine's message on its field, keeps the last good verdict, and clears when fixed", async () => {
  const opened = await useWidget();
  const { widget, page } = opened;
  const start = engineVerdict(defaultInput());
  assert.equal(await verdictOf(widget), start);

  // Not a number.
  const deal = field(widget, "Revenue from a new client");
  await deal.fill("abc");
  const notNumber = engineReply(inputWith((i) => { i.dealValue = "abc"; })).errors;
  assert.deepEqual(notNumber.map((e) => e.field), ["dealValue"]);
  assert.deepEqual(await eventually(() => fieldError(widget, deal), { invalid: "true", message: notNumber[0].message }),
    { invalid: "true", message: notNumber[0].message });
  assert.equal(await verdictOf(widget), start, "the last good verdict stays");
  await deal.fill("2500");
  const fixed = engineVerdict(inputWith((i) => { i.dealValue = "2500"; }));
  assert.notEqual(fixed, start);
  await assertVerdict(widget, fixed, "the verdict updates once the field is fixed");
  assert.deepEqual(await fieldError(widget, deal), { invalid: null, message: "" }, "the error is cleared");

  // Out of range: 500 % into a percent field.
  const margin = field(widget, "Gross margin");
  await margin.fill("500");
  const outOfRange = engineReply(inputWith((i) => { i.dealValue = "2500"; i.grossMargin = "5"; })).errors;
  assert.deepEqual(outOfRange.map((e) => e.field), ["grossMargin"]);
  assert.deepEqual(await eventually(() => fieldError(widget, margin), { invalid: "true", message: outOfRange[0].message }),
    { invalid: "true", message: outOfRange[0].message });
  assert.equal(await verdictOf(widget), fixed, "the last good verdict stays");
  await margin.fill("40");
  const fixedAgain = engineVerdict(inputWith((i) => { i.dealValue = "2500"; i.grossMargin = "0.4"; }));
  assert.notEqual(fixedAgain, fixed);
  await assertVerdict(widget, fixedAgain);
  assert.deepEqual(await fieldError(widget, margin), { invalid: null, message: "" });
  assertNoProblems(opened);
});

test("adding and removing options: cards and chart lines follow, Add stops at 6 and Remove at 1", async () => {
  const opened = await useWidget();
  const { widget, page } = opened;
  const count = async () => widget.evaluate((host) => ({
    fieldsets: host.shadowRoot.querySelectorAll("fieldset[data-option]").length,
    cards: host.shadowRoot.querySelectorAll("article.card").length,
    series: host.shadowRoot.querySelectorAll("svg.chart g.series").length,
    tableColumns: host.shadowRoot.querySelectorAll("table.chart-table thead th").length - 1,
  }));
  const n = (k) => ({ fieldsets: k, cards: k, series: k, tableColumns: k });
  assert.deepEqual(await count(), n(2));
  const add = widget.getByRole("button", { name: "Add an option" });
  const kind = widget.getByLabel("Kind of option to add");
  assert.equal(await kind.inputValue(), "chamber_of_commerce", "the chamber of commerce is offered first");

  const defaults = defaultInput();
  const chamber = { kind: "chamber_of_commerce" };
  await add.click();
  assert.deepEqual(await eventually(count, n(3)), n(3));
  assert.equal((await readCards(widget))[2].name, "Chamber of commerce");
  await assertVerdict(widget, engineVerdict({ ...defaults, options: [...defaults.options, chamber] }));

  for (let k = 4; k <= 6; k++) {
    assert.equal(await add.isEnabled(), true, `Add is enabled with ${k - 1} options`);
    await kind.selectOption("custom");
    await add.click();
    assert.deepEqual(await eventually(count, n(k)), n(k));
  }
  assert.equal(await add.isDisabled(), true, "Add is disabled at 6 options");
  const six = [...defaults.options, chamber, ...[4, 5, 6].map((k) => ({ kind: "custom", name: `Option ${k}` }))];
  assert.deepEqual((await readCards(widget)).map((c) => c.name), six.map((o) => o.name ?? "Chamber of commerce"));
  await assertVerdict(widget, engineVerdict({ ...defaults, options: six }));

  // Remove the second option: the rest close up.
  await widget.getByRole("button", { name: "Remove Large open network" }).click();
  assert.deepEqual(await eventually(count, n(5)), n(5));
  assert.equal(await add.isEnabled(), true, "Add is enabled again below 6");
  const five = six.filter((_, i) => i !== 1);
  assert.deepEqual((await readCards(widget)).map((c) => c.name), five.map((o) => o.name ?? "Chamber of commerce"));
  await assertVerdict(widget, engineVerdict({ ...defaults, options: five }));

  // Remove the last until one is left.
  for (let k = 4; k >= 1; k--) {
    await widget.locator("fieldset[data-option]").last().getByRole("button", { name: /^Remove / }).click();
    assert.deepEqual(await eventually(count, n(k)), n(k));
  }
  const remove = widget.locator("fieldset[data-option]").getByRole("button", { name: /^Remove / });
  assert.equal(await remove.count(), 1);
  assert.equal(await remove.isDisabled(), true, "Remove is disabled with one option");
  await assertVerdict(widget, engineVerdict({ ...defaults, options: [defaults.options[0]] }));
  assertNoProblems(opened);
});

test("renaming an option and switching its preset: the card heading and the verdict follow", async () => {
  const opened = await useWidget();
  const { widget, page } = opened;
  const defaults = defaultInput();

  await field(widget, "Name", 0).fill("Breakfast club");
  const renamed = inputWith((i) => { i.options[0].name = "Breakfast club"; });
  await assertVerdict(widget, engineVerdict(renamed));
  assert.equal((await readCards(widget))[0].name, "Breakfast club");
  assert.equal(await widget.locator('fieldset[data-option="0"] > legend').textContent(), "Breakfast club");

  // The second option becomes a chamber of commerce, with its preset name and figures.
  await field(widget, "Starting figures", 1).selectOption("chamber_of_commerce");
  const switched = { ...renamed, options: [renamed.options[0], { kind: "chamber_of_commerce" }] };
  await assertVerdict(widget, engineVerdict(switched));
  const cards = await readCards(widget);
  assert.equal(cards[1].name, "Chamber of commerce");
  const chamberReply = engineReply(switched).report.options[1];
  assert.equal(cards[1].figures["Total cost"], usd(chamberReply.cost));
  assert.equal(await field(widget, "Starting figures", 1).inputValue(), "chamber_of_commerce");

  // The renamed option keeps its name when it takes another preset's figures.
  await field(widget, "Starting figures", 0).selectOption("custom");
  const custom = { ...switched, options: [{ kind: "custom", name: "Breakfast club" }, switched.options[1]] };
  await assertVerdict(widget, engineVerdict(custom));
  assert.equal((await readCards(widget))[0].name, "Breakfast club");
  assert.equal(await field(widget, "Name", 0).inputValue(), "Breakfast club");
  assert.notEqual(engineVerdict(custom), engineVerdict(defaults));
  assertNoProblems(opened);
});

// A share link as the widget wrote it on 2026-11-30, before model version 2:
// every field of the default comparison written out. Links in the wild must
// keep opening with the same figures.
const LINK_OF_2026_11_30 = "#v1." + Buffer.from(JSON.stringify({
  currency: "USD", horizonMonths: 24, hourlyValue: "50", dealValue: "2000", grossMargin: "0.5",
  options: [
    { name: "Weekly referral group", kind: "weekly_group", joiningFee: "100", annualFee: "650", monthlyFee: "0", meetingsPerYear: "50", mealCost: "15", travelCost: "4", meetingHours: "1.5", travelHours: "0.5", oneToOnesPerMonth: "4", oneToOneHours: "1", oneToOneCost: "5", otherHoursPerMonth: "2", referralsPerMonth: "1", rampMonths: "6", closeRate: "0.5" },
    { name: "Large open network", kind: "open_network", joiningFee: "0", annualFee: "0", monthlyFee: "10", meetingsPerYear: "12", mealCost: "15", travelCost: "6", meetingHours: "2", travelHours: "0.75", oneToOnesPerMonth: "1", oneToOneHours: "1", oneToOneCost: "5", otherHoursPerMonth: "2", referralsPerMonth: "1.5", rampMonths: "9", closeRate: "0.3" },
  ],
})).toString("base64url");

test("a share link made before model version 2 opens with the same figures", async () => {
  const { widget, page } = await openWidget(new URL(`index.html${LINK_OF_2026_11_30}`, server.url).href);
  const cards = await readCards(widget);
  // Worked by hand in calc/example_test.go: the weekly group costs 20980 and
  // brings 10750 (net −10230); the open network costs 7764 and brings 9000 (net 1236).
  assert.deepEqual(cards.map((c) => [c.name, c.figures["Total cost"], c.figures.Net]), [
    ["Weekly referral group", usd("20980.00"), usd("-10230.00")],
    ["Large open network", usd("7764.00"), usd("1236.00")],
  ]);
  assert.equal(await widget.locator(".notice").textContent(), "", "no notice: the link was read");
  await page.close();
});

test("a share link restores every input: the URL after the fragment syncs, and the copied link", async () => {
  const opened = await openWidget();
  const { widget, page } = opened;
  await widget.getByLabel("Currency").selectOption("EUR"); // rebuilds the form: first
  await field(widget, "What an hour of your time is worth").fill("75");
  await field(widget, "Months to look ahead").fill("36");
  await field(widget, "Name", 0).fill("Breakfast club");
  await field(widget, "Meal or room fee per meeting", 0).fill("12.5");
  await field(widget, "Referrals that become clients", 1).fill("40");
  await field(widget, LABEL.relationshipsPerMonth, 0).fill("3");
  await field(widget, "I know my referral rate", 1).check();
  await field(widget, "Referrals a month, once established", 1).fill("2");
  await widget.locator('fieldset[data-option="1"]').getByText("More time").click();
  await field(widget, "Travel hours per meeting", 1).fill("1.25");

  const expected = completeInput({ currency: "EUR" }); // the amounts not typed follow the currency
  ((i) => {
    i.hourlyValue = "75";
    i.horizonMonths = "36";
    i.options[0].name = "Breakfast club";
    i.options[0].mealCost = "12.5";
    i.options[0].reach.relationshipsPerMonth = "3";
    i.options[1].closeRate = "0.4";
    delete i.options[1].reach;
    i.options[1].referralsPerMonth = "2";
    i.options[1].travelHours = "1.25";
  })(expected);
  const verdict = engineVerdict(expected);
  await assertVerdict(widget, verdict);
  // The fragment is written ~250 ms after the last good compute.
  const shared = await eventually(() => decodeHashIn(page), expected, { timeout: 3000 });
  assert.deepEqual(shared, expected, "the fragment holds the whole input");
  const href = page.url();
  const values = await readFormValues(widget);

  // The "Copy link" button copies the same link.
  await widget.getByRole("button", { name: "Copy link" }).click();
  await eventually(() => widget.locator(".share output").textContent(), "Link copied: it holds your figures, which stay in the link and are never sent to a server.");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), href);

  const second = await openWidget(href);
  assert.equal(await verdictOf(second.widget), verdict);
  assert.deepEqual(await readFormValues(second.widget), values, "every input and select is restored");
  assert.deepEqual(await checkedModes(second.widget), ["reach", "rate"], "each option's referrals come from where they did");
  assert.equal(values[await field(second.widget, "What an hour of your time is worth").getAttribute("id")], "75");
  assert.equal(await second.widget.locator(".notice").textContent(), "", "no notice about an unreadable link");
  assertNoProblems(opened);
  assertNoProblems(second);
  await second.page.close();
  await page.close();
});

test("Copy summary copies the verdict and each option's figures, and Download CSV the monthly figures", async () => {
  const opened = await useWidget();
  const { widget, page } = opened;
  const name = '=Club "A", Inc';
  await field(widget, "Name", 0).fill(name);
  const input = inputWith((i) => { i.options[0].name = name; });
  const { report } = engineReply(input);
  await assertVerdict(widget, report.comparison.verdict);

  await widget.getByRole("button", { name: "Copy summary" }).click();
  assert.equal(await eventually(() => widget.locator(".share output").textContent(), "Summary copied."), "Summary copied.");
  const whole = (v) => usd(v, { whole: true });
  const summary = [report.comparison.verdict, "", ...report.options.map((o) =>
    `${o.name}: cost ${whole(o.cost)} (time ${whole(o.timeCost)}), profit ${whole(o.profit)}, net ${whole(o.net)}, `
    + (o.paybackMonth ? `pays back in month ${o.paybackMonth}` : `no payback within ${report.horizonMonths} months`) + ".")].join("\n");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), summary);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    widget.getByRole("button", { name: "Download CSV" }).click(),
  ]);
  assert.equal(download.suggestedFilename(), "networking-roi.csv");
  const csv = readFileSync(await download.path(), "utf8");
  const header = "option,referralsFrom,trackMonthsIn,trackReferrals,trackClients,trackExpected,trackFactor,trackCloseRate,month,cash,hours,timeCost,referrals,clients,profit,net,cumulativeNet";
  const cell = (name) => (name === "=Club \"A\", Inc" ? '"\'=Club ""A"", Inc"' : name); // quoted, and never a formula
  const rows = report.options.flatMap((o) => o.months.map((m) =>
    [cell(o.name), "relationships", "", "", "", "", "", "", m.month, m.cash, m.hours, m.timeCost, m.referrals, m.clients, m.profit, m.net, m.cumulativeNet].join(",")));
  assert.equal(csv, [header, ...rows].join("\r\n") + "\r\n");
  assert.equal(rows.length, report.options.length * report.horizonMonths);
  assertNoProblems(opened);
});

test("referrals from relationships: the group's figures follow an edit, from the engine's reply", async () => {
  const { widget } = await useWidget();
  const option = widget.locator('fieldset[data-option="0"]');
  assert.equal(await option.getByLabel("From your relationships in the group").isChecked(), true, "the presets start from relationships");
  assert.equal(await option.getByLabel("Referrals a month, once established").count(), 0, "no rate field in this mode");
  await option.getByLabel(LABEL.relationshipsPerMonth).fill("1");
  // The weekly group: 0 relationships at the start, trust 6 months, 25 members.
  // relationships(24) = min(25 − 1, 0 + 1 × max(0, 24 − 6)) = min(24, 18) = 18.
  // Each refers 600 contacts × 5 % in market × 20 % buying × 25 % passed on
  // / (0 competitors + 1) / 12 = 1.5 / 12 = 0.125 a month: 18 × 0.125 = 2.25.
  const line = "18 relationships by month 24; 2.25 referrals a month once established.";
  assert.equal(await eventually(() => option.locator(".reach-figures").textContent(), line), line);
  const input = inputWith((i) => { i.options[0].reach.relationshipsPerMonth = "1"; });
  const report = engineReply(input).report;
  assert.equal(report.options[0].relationshipsAtHorizon, "18.00", "the engine agrees with the hand-worked figure");
  await assertVerdict(widget, engineVerdict(input));
  // The live region speaks the verdict and what the group gives, once typing pauses.
  const spoken = `${report.comparison.verdict} Weekly referral group: ${line}`;
  assert.equal(await eventually(() => widget.locator('div[role="status"][aria-live="polite"]').textContent(), spoken), spoken);
  // The months looked ahead are the N of "by month N": 12 months in, 1 × (12 − 6) = 6 relationships, 6 × 0.125 = 0.75.
  await field(widget, "Months to look ahead").fill("12");
  const at12 = "6 relationships by month 12; 0.75 referrals a month once established.";
  assert.equal(await eventually(() => option.locator(".reach-figures").textContent(), at12), at12);
});

test("switching where referrals come from keeps each mode's figures, and the input carries only the chosen one", async () => {
  const { widget } = await useWidget();
  const option = widget.locator('fieldset[data-option="0"]');
  const given = () => widget.evaluate((host) => host.input.options[0]);
  await option.getByLabel(LABEL.relationshipsPerMonth).fill("1");
  await assertVerdict(widget, engineVerdict(inputWith((i) => { i.options[0].reach.relationshipsPerMonth = "1"; })));

  // To a known rate: it starts from what the group gave over the 24
  // months, spread evenly. One new relationship a month, trusted after 6:
  // months 7 to 24 hold 1 to 18 (no cap below 24), 171 relationship-months
  // × 0.125 = 21.375 referrals, 0.890625 a month: 0.89.
  await option.getByLabel("I know my referral rate").check();
  assert.ok(await option.getByLabel("I know my referral rate").evaluate((e) => e === e.getRootNode().activeElement), "focus stays on the choice");
  const rate = option.getByLabel("Referrals a month, once established");
  assert.equal(await rate.inputValue(), "0.89");
  await assertVerdict(widget, engineVerdict(inputWith((i) => { delete i.options[0].reach; i.options[0].referralsPerMonth = "0.89"; })));
  assert.equal(await option.getByLabel(LABEL.relationshipsPerMonth).count(), 0, "no reach fields in this mode");
  assert.equal(await option.locator(".reach-figures").count(), 0);
  await rate.fill("0.5");
  const byRate = inputWith((i) => { delete i.options[0].reach; i.options[0].referralsPerMonth = "0.5"; });
  await assertVerdict(widget, engineVerdict(byRate));
  let option0 = await given();
  assert.equal(option0.reach, undefined, "no reach in the input");
  assert.equal(option0.referralsPerMonth, "0.5");

  // Back: the relationships typed before, and no rate in the input.
  await option.getByLabel("From your relationships in the group").check();
  assert.equal(await option.getByLabel(LABEL.relationshipsPerMonth).inputValue(), "1");
  await assertVerdict(widget, engineVerdict(inputWith((i) => { i.options[0].reach.relationshipsPerMonth = "1"; })));
  option0 = await given();
  assert.equal(option0.referralsPerMonth, undefined, "no rate in the input");
  assert.equal(option0.reach.relationshipsPerMonth, "1");

  // And the rate typed before comes back too.
  await option.getByLabel("I know my referral rate").check();
  assert.equal(await option.getByLabel("Referrals a month, once established").inputValue(), "0.5");
  await assertVerdict(widget, engineVerdict(byRate));
});

test("what it takes: each card gives the referrals a month to break even and to match the best, from the engine", async () => {
  const { widget } = await useWidget();
  const report = engineReply(defaultInput()).report;
  const best = report.comparison.best;
  const takes = await widget.locator("article.card").evaluateAll((cards) => cards.map((c) => [...c.querySelectorAll(".takes p")].map((p) => p.textContent)));
  report.options.forEach((o, i) => {
    assert.ok(o.referralsToBreakEven !== null, `${o.name} has a figure to break even`);
    const lines = [`Breaks even at ${num(o.referralsToBreakEven)} referrals a month once established (the model expects ${num(o.referralsPerMonth)}).`];
    if (i !== best) lines.push(`Matches ${report.options[best].name} at ${num(o.referralsToMatchBest)} referrals a month.`);
    else assert.equal(o.referralsToMatchBest, null);
    assert.deepEqual(takes[i], lines, o.name);
  });
  // A group whose trust outlasts the horizon never refers: no rate breaks even, and the card says why.
  await field(widget, LABEL.trustMonths, 0).fill("30");
  const never = "No referral rate breaks even: no relationship refers you within 24 months.";
  assert.equal(await eventually(() => widget.locator("article.card").first().locator(".takes p").first().textContent(), never), never);
});

test("the tornado marks the inputs of cash or time alone, in words: referrals held fixed", async () => {
  const { widget } = await useWidget();
  const report = engineReply(defaultInput()).report;
  const items = await widget.locator("article.card").first().locator(".bars li").evaluateAll((lis) =>
    lis.map((li) => ({ text: li.querySelector(".bar-label").textContent, costOnly: li.classList.contains("cost-only") })));
  assert.ok(items.length > 0);
  const sensitivity = report.options[0].sensitivity;
  assert.ok(sensitivity.some((s) => s.costOnly) && sensitivity.some((s) => !s.costOnly), "the engine marks some inputs costOnly and not others");
  for (const item of items) {
    assert.equal(item.text.endsWith(" (referrals held fixed)"), item.costOnly, item.text);
    // The engine has entries with the line's figures and its costOnly.
    const figures = item.text.split(": ")[1].replace(" (referrals held fixed)", "");
    assert.ok(sensitivity.some((s) => s.costOnly === item.costOnly
      && `${usd(s.low, { whole: true })} at −20 %, ${usd(s.high, { whole: true })} at +20 %` === figures), item.text);
    assert.ok(!item.text.includes("reach."), `labelled in words, the reach fields too: ${item.text}`);
  }
  assert.ok(items.some((i) => i.costOnly), "the top five hold an input of cash or time");
});

// ---- already a member: the renewal check ----

/** The weekly group nine months in, with 3 referrals and 1 client: the worked example of docs/model.md. */
const NINE_MONTHS = { monthsIn: "9", referrals: "3", clients: "1" };
const MEMBER = { monthsIn: "Months you have been a member", referrals: "Referrals you have had so far", clients: "Clients won from them so far" };

/** Ticks "I am already a member" on option `i` and types a record into its fields. */
async function enterRecord(widget, i, record) {
  await field(widget, "I am already a member", i).check();
  for (const key of ["monthsIn", "referrals", "clients"]) await field(widget, MEMBER[key], i).fill(record[key]);
}

/** The record sentence of card `i`. */
const recordOf = (widget, i) => widget.locator("article.card").nth(i).locator(".record").textContent();

test("already a member: the record's fields, the engine's renewal verdict, and the card's record in words", async () => {
  const opened = await useWidget();
  const { widget } = opened;
  const option = widget.locator('fieldset[data-option="0"]');
  const box = option.getByLabel("I am already a member");
  assert.equal(await box.isChecked(), false, "off by default");
  assert.equal(await option.getByLabel(MEMBER.monthsIn).count(), 0, "no record's fields while it is off");

  // Ticked, it starts from 12 months with what the model expects of them: the
  // weekly group's 2 new relationships a month, trusted after 6 months, hold
  // 2, 4, … 12 in months 7 to 12, 42 relationship-months × 0.125 = 5.25
  // referrals: 5, and 50 % of them, 2.5, rounded: 3 clients.
  await box.check();
  assert.ok(await box.evaluate((e) => e === e.getRootNode().activeElement), "focus stays on the box");
  assert.deepEqual(await Promise.all(Object.values(MEMBER).map((l) => option.getByLabel(l).inputValue())), ["12", "5", "3"]);
  assert.equal(engineReply(inputWith((i) => { i.options[0].track = { monthsIn: "12", referrals: "0", clients: "0" }; })).report.options[0].track.expected, "5.25");

  for (const key of ["monthsIn", "referrals", "clients"]) await option.getByLabel(MEMBER[key]).fill(NINE_MONTHS[key]);
  const input = inputWith((i) => { i.options[0].track = NINE_MONTHS; });
  const { report } = engineReply(input);
  assert.equal(report.comparison.verdictParts.renewal, true);
  assert.match(report.comparison.verdict, /^Renewing Weekly referral group .* The chance that staying pays is [\d.]+%\.$/);
  await assertVerdict(widget, report.comparison.verdict, "the engine's renewal verdict");
  assert.deepEqual(await widget.evaluate((host) => host.input.options[0].track), NINE_MONTHS, "the input carries the record");

  // 9 months in: months 7, 8 and 9 hold 2, 4 and 6 relationships, 12
  // relationship-months × 0.125 = 1.5 referrals expected. With a spread of
  // 0.5, k = 1/0.5² = 4: factor (4 + 3)/(4 + 1.5) = 1.2727; the close rate
  // (10 × 50 % + 1)/(10 + 3) = 6/13 = 46.15 %.
  const t = report.options[0].track;
  assert.deepEqual(t, { monthsIn: 9, expected: "1.50", referrals: "3.00", clients: "1.00", factor: "1.2727", closeRate: "0.4615" });
  const sentence = "You had 3 referrals and 1 client in 9 months, where the model expected 1.5; the months ahead are scaled to 1.27 times "
    + "the model's referral rate, and 46.2% of referrals are expected to close, not 50%. The figures below are the next 24 months, "
    + "from month 10 of your membership: what you have spent so far is not counted.";
  assert.equal(await eventually(() => recordOf(widget, 0), sentence), sentence);
  assert.equal(await widget.locator("article.card").nth(1).locator(".record").count(), 0, "no record on the other card");
  const cards = await readCards(widget);
  assert.equal(cards[0].figures.Net, usd(report.options[0].net));
  assert.equal(cards[0].figures["Pays back"], `in month ${report.options[0].paybackMonth} from now`);

  // More clients than referrals: the engine's message on the clients field, and the results kept.
  const clients = option.getByLabel(MEMBER.clients);
  await clients.fill("5");
  const refused = engineReply(inputWith((i) => { i.options[0].track = { ...NINE_MONTHS, clients: "5" }; })).errors;
  assert.deepEqual(refused.map((e) => e.field), ["options[0].track.clients"]);
  const error = { invalid: "true", message: refused[0].message };
  assert.deepEqual(await eventually(() => fieldError(widget, clients), error), error);
  assert.equal(await verdictOf(widget), report.comparison.verdict, "the last good verdict stays");
  assert.equal(await recordOf(widget, 0), sentence, "and the last good card");
  assert.match(await widget.locator(".stale-note").textContent(), /^These results are for your last valid figures/, "said to be the last valid figures'");
  await clients.fill("1");
  assert.deepEqual(await eventually(() => fieldError(widget, clients), { invalid: null, message: "" }), { invalid: null, message: "" });

  // Off: no track in the input, the plain verdict; on again: the same record.
  await box.uncheck();
  await assertVerdict(widget, engineVerdict(defaultInput()));
  assert.equal(await widget.evaluate((host) => host.input.options[0].track), undefined, "no track while it is off");
  assert.equal(await option.getByLabel(MEMBER.monthsIn).count(), 0);
  await box.check();
  assert.deepEqual(await Promise.all(Object.values(MEMBER).map((l) => option.getByLabel(l).inputValue())), ["9", "3", "1"], "the figures kept");
  await assertVerdict(widget, report.comparison.verdict);
  assertNoProblems(opened);
});

test("a record where the model expected none yet still scales the months ahead; with no uncertainty it changes only the close rate", async () => {
  const { widget } = await useWidget();
  // Trusted after 12 months, 9 months in: no relationship has referred yet.
  await field(widget, LABEL.trustMonths, 0).fill("12");
  await enterRecord(widget, 0, NINE_MONTHS);
  const input = inputWith((i) => { i.options[0].reach.trustMonths = "12"; i.options[0].track = NINE_MONTHS; });
  let report = engineReply(input).report;
  await assertVerdict(widget, report.comparison.verdict);
  // k = 4: factor (4 + 3)/4 = 1.75.
  assert.equal(report.options[0].track.expected, "0.00");
  assert.equal(report.options[0].track.factor, "1.7500");
  const none = "You had 3 referrals and 1 client in 9 months, where the model expected none so far (no relationship trusted you enough yet to refer you); "
    + "the record still scales the months ahead, to 1.75 times the model's referral rate, and 46.2% of referrals are expected to close, not 50%.";
  assert.ok((await eventually(() => recordOf(widget, 0).then((s) => s.startsWith(none)), true)), await recordOf(widget, 0));

  // A spread of 0: the reader trusts the model over the record.
  await widget.locator('fieldset[data-option="0"]').getByText("More referrals").click();
  await field(widget, "Uncertainty about the referral rate", 0).fill("0");
  input.options[0].referralSpread = "0";
  report = engineReply(input).report;
  await assertVerdict(widget, report.comparison.verdict);
  assert.equal(report.options[0].track.factor, "1.0000");
  const trusted = "You had 3 referrals and 1 client in 9 months, where the model expected none so far (no relationship trusted you enough yet to refer you); "
    + "with no uncertainty about the referral rate you trust the model, so the record's referrals do not change the rate ahead, and 46.2% of referrals are expected to close, not 50%.";
  assert.ok((await eventually(() => recordOf(widget, 0).then((s) => s.startsWith(trusted)), true)), await recordOf(widget, 0));
});

test("the renewal verdict: in English it is the engine's in every offered currency, in German with German money and chances", async () => {
  // The amounts not typed are the engine's defaults converted to the currency.
  const record = (currency) => completeInput({ currency, options: [{ kind: "weekly_group", track: NINE_MONTHS }, { kind: "open_network" }] });
  for (const currency of ["USD", "EUR", "GBP", "CAD", "AUD", "CHF", "INR", "JPY"]) {
    const { widget } = await useWidget({ currency, locale: "en-US" });
    await enterRecord(widget, 0, NINE_MONTHS);
    await assertVerdict(widget, engineVerdict(record(currency)), currency);
  }
  // Both options with a record and a deal worth 500: none pays, and the
  // verdict quotes the chance of coming out best, the chance that staying
  // pays, and what renewing would need, each written the German way.
  const losing = completeInput({
    currency: "EUR", dealValue: "500", options: [{ kind: "weekly_group", track: NINE_MONTHS }, { kind: "open_network", track: NINE_MONTHS }],
  });
  const parts = engineReply(losing).report.comparison.verdictParts;
  assert.equal(parts.case, "none_pays");
  assert.equal(parts.renewal, true);
  assert.ok(parts.chanceBest !== null && parts.referralsToBreakEven !== null && parts.chanceStayingPays !== null, JSON.stringify(parts));
  const german = engineVerdictIn("de", losing);
  assert.match(german, /The chance that staying pays is \d+,\d\s%\./, german);
  for (const locale of ["de", "en-US"]) {
    const { widget } = await useWidget({ currency: "EUR", locale });
    await field(widget, "Revenue from a new client").fill("500");
    for (const i of [0, 1]) await enterRecord(widget, i, NINE_MONTHS);
    await assertVerdict(widget, locale === "de" ? german : engineVerdict(losing), locale);
  }
});

test("a share link carries the record and opens with it; Copy summary, Download CSV and print include it", async () => {
  const opened = await openWidget();
  const { widget, page } = opened;
  await enterRecord(widget, 0, NINE_MONTHS);
  const input = inputWith((i) => { i.options[0].track = NINE_MONTHS; });
  const { report } = engineReply(input);
  await assertVerdict(widget, report.comparison.verdict);
  assert.deepEqual(await eventually(() => decodeHashIn(page), input, { timeout: 3000 }), input, "the fragment holds the record");
  const values = await readFormValues(widget);
  const sentence = await recordOf(widget, 0);

  const second = await openWidget(page.url());
  assert.equal(await verdictOf(second.widget), report.comparison.verdict);
  assert.equal(await field(second.widget, "I am already a member", 0).isChecked(), true);
  assert.equal(await field(second.widget, "I am already a member", 1).isChecked(), false);
  assert.deepEqual(await readFormValues(second.widget), values, "every input is restored, the record's too");
  assert.equal(await recordOf(second.widget, 0), sentence);
  assertNoProblems(second);
  await second.page.close();

  await widget.getByRole("button", { name: "Copy summary" }).click();
  await eventually(() => widget.locator(".share output").textContent(), "Summary copied.");
  const copied = (await page.evaluate(() => navigator.clipboard.readText())).split("\n");
  assert.equal(copied[0], report.comparison.verdict, "the renewal verdict");
  const o = report.options[0];
  assert.equal(copied[2], `${o.name}: cost ${usd(o.cost, { whole: true })} (time ${usd(o.timeCost, { whole: true })}), profit ${usd(o.profit, { whole: true })}, `
    + `net ${usd(o.net, { whole: true })}, pays back in month ${o.paybackMonth} from now.`);
  assert.ok(sentence.startsWith(copied[3]), `the record follows its option: ${copied[3]}`);
  assert.match(copied[4], /^Large open network: /, "an option without a record has no record line");

  const [download] = await Promise.all([page.waitForEvent("download"), widget.getByRole("button", { name: "Download CSV" }).click()]);
  const csv = readFileSync(await download.path(), "utf8").split("\r\n");
  assert.equal(csv[0], "option,referralsFrom,trackMonthsIn,trackReferrals,trackClients,trackExpected,trackFactor,trackCloseRate,month,cash,hours,timeCost,referrals,clients,profit,net,cumulativeNet");
  const m = o.months[0];
  assert.equal(csv[1], `${o.name},relationships,9,3.00,1.00,1.50,1.2727,0.4615,1,${m.cash},${m.hours},${m.timeCost},${m.referrals},${m.clients},${m.profit},${m.net},${m.cumulativeNet}`);
  assert.match(csv[1 + report.horizonMonths], /^Large open network,relationships,,,,,,,1,/, "empty record cells without a track");

  // Printed, the form is hidden and the card's record is not.
  await page.emulateMedia({ media: "print" });
  assert.equal(await widget.locator("form").isVisible(), false);
  assert.equal(await widget.locator("article.card .record").isVisible(), true, "the record prints with its card");
  await page.emulateMedia({ media: "screen" });
  assertNoProblems(opened);
  await page.close();
});

test("switching currency gives the amounts the reader has not typed the engine's converted defaults and keeps a typed one", async () => {
  const { widget } = await useWidget({ locale: "en-US" });
  await field(widget, "Annual fee", 0).fill("700");
  await widget.getByLabel("Currency").selectOption("JPY");
  // The engine's defaults in yen: 50 USD an hour → 8,000 JPY, a 15 USD meal → 2,400 JPY.
  const expected = completeInput({ currency: "JPY", options: [{ kind: "weekly_group", annualFee: "700" }, { kind: "open_network" }] });
  assert.equal(expected.hourlyValue, "8000");
  await assertVerdict(widget, engineVerdict(expected));
  assert.equal(await field(widget, "What an hour of your time is worth").inputValue(), "8000", "an untouched business amount is converted");
  assert.equal(await field(widget, "Meal or room fee per meeting", 0).inputValue(), "2400", "an untouched option amount is converted");
  assert.equal(await field(widget, "Monthly fee", 1).inputValue(), expected.options[1].monthlyFee);
  assert.equal(await field(widget, "Annual fee", 0).inputValue(), "700", "a typed amount stays");
  assert.equal(await widget.locator(".currency-note").count(), 0, "yen are converted: no note");

  await widget.getByLabel("Currency").selectOption("GBP"); // from yen: the untouched amounts follow again
  await assertVerdict(widget, engineVerdict(completeInput({ currency: "GBP", options: [{ kind: "weekly_group", annualFee: "700" }, { kind: "open_network" }] })));
  assert.equal(await field(widget, "What an hour of your time is worth").inputValue(), "40");
  assert.equal(await field(widget, "Annual fee", 0).inputValue(), "700");
});

test("a currency outside the reference rates keeps the US dollar amounts and says so beside the currency", async () => {
  const { widget } = await useWidget({ currency: "NZD", locale: "en-US" });
  // The verdict quotes the engine's amount for the default comparison in NZD: the dollar figures unconverted.
  const amount = engineReply(completeInput({ currency: "NZD" })).report.comparison.verdictParts.amount;
  const quoted = new Intl.NumberFormat("en-US", { style: "currency", currency: "NZD", maximumFractionDigits: 0 }).format(amount);
  assert.ok(await eventually(async () => (await verdictOf(widget)).includes(quoted), true), `the verdict quotes ${quoted}`);
  assert.equal(await field(widget, "What an hour of your time is worth").inputValue(), "50");
  assert.equal(await field(widget, "Annual fee", 0).inputValue(), "650");
  assert.match(await widget.locator(".currency-note").textContent(), /starting amounts are in US dollars: NZD is not among/);
  assert.equal((await widget.evaluate((host) => host.report)).defaultsCurrency, "USD");
  assert.match(await widget.locator("details.how").textContent(), /NZD is not in that table, so the starting amounts stay USD figures/);
});
