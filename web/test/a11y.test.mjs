// Accessibility: axe-core over the page and the embed, in light and dark,
// labels on every field, the live verdict, and the keyboard alone.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import {
  startServer, launchBrowser, openPage, engineVerdict, defaultInput, inputWith,
  waitForWidget, eventually, axePath,
} from "./harness.mjs";

let server, browser;
let main; // index.html with the calculator loaded, for the axe runs
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  main = await openPage(browser.context, server.url);
  await waitForWidget(main.page);
});
after(async () => { await browser?.close(); server?.stop(); });

/** Runs axe-core over the whole document (it enters open shadow roots and same-origin frames). */
async function axe(page) {
  if (!(await page.evaluate(() => typeof globalThis.axe === "object"))) await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const { violations } = await globalThis.axe.run(document, { resultTypes: ["violations"] });
    return violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.flat().join(" >>> "), summary: n.failureSummary })),
    }));
  });
}

/** The violations, readably: one paragraph per rule, one line per element. */
function readable(violations) {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n`
    + v.nodes.map((n) => `  - ${n.target}\n    ${(n.summary || "").replace(/\n/g, "\n    ")}`).join("\n")).join("\n\n");
}

/** Marks each violation with the state of the page it was found in. */
const tag = (violations, state) => violations.map((v) => ({ ...v, help: `${v.help} [${state}]` }));

function assertNoViolations(violations, where) {
  assert.equal(violations.length, 0, `axe found violations ${where}:\n${readable(violations)}`);
}

/** Opens every disclosure of the widget and puts a bad value into one field, so that axe sees all of it. */
async function showEverything(page) {
  await page.evaluate(() => {
    for (const d of document.querySelector("networking-roi").shadowRoot.querySelectorAll("details")) d.open = true;
  });
  await page.locator("networking-roi fieldset.business").getByLabel("Gross margin").fill("500");
  await page.locator("networking-roi fieldset.business input[aria-invalid=true]").waitFor();
}

async function restore(page) {
  await page.locator("networking-roi fieldset.business").getByLabel("Gross margin").fill("50");
  await page.evaluate(() => {
    for (const d of document.querySelector("networking-roi").shadowRoot.querySelectorAll("details")) d.open = false;
  });
}

test("index.html with the calculator loaded has no axe violations in the light colour scheme", async () => {
  const { page } = main;
  await page.emulateMedia({ colorScheme: "light" });
  const loaded = await axe(page);
  await showEverything(page);
  const everything = await axe(page);
  await restore(page);
  assertNoViolations([...tag(loaded, "as loaded"), ...tag(everything, "every disclosure open and an error shown")], "in light");
});

test("index.html with the calculator loaded has no axe violations in the dark colour scheme", async () => {
  const { page } = main;
  await page.emulateMedia({ colorScheme: "dark" });
  assert.equal(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches), true);
  const loaded = await axe(page);
  await showEverything(page);
  const everything = await axe(page);
  await restore(page);
  await page.emulateMedia({ colorScheme: "light" });
  assertNoViolations([...tag(loaded, "as loaded"), ...tag(everything, "every disclosure open and an error shown")], "in dark");
});

test("embed.html with the calculator loaded has no axe violations", async () => {
  const { page, problems } = await openPage(browser.context, new URL("embed.html", server.url).href);
  await waitForWidget(page);
  assertNoViolations(await axe(page), "on embed.html");
  assert.deepEqual(problems, []);
  await page.close();
});

test("every input and select of the calculator has a label, open or behind a disclosure", async () => {
  const unlabelled = await main.page.locator("networking-roi").evaluate((host) => {
    const root = host.shadowRoot;
    const name = (el) => {
      if (el.getAttribute("aria-label")) return el.getAttribute("aria-label");
      const by = el.getAttribute("aria-labelledby");
      if (by) return by.split(/\s+/).map((id) => root.getElementById(id)?.textContent ?? "").join(" ");
      return [...el.labels].map((l) => l.textContent).join(" ");
    };
    const fields = [...root.querySelectorAll("input, select, textarea")];
    return { count: fields.length, unlabelled: fields.filter((el) => !name(el).trim()).map((el) => el.id || el.outerHTML) };
  });
  assert.ok(unlabelled.count > 40, `the form has its fields (${unlabelled.count})`);
  assert.deepEqual(unlabelled.unlabelled, []);
});

test("the live status announces the new verdict once typing pauses, not at every key", async () => {
  const { page, problems } = await openPage(browser.context, server.url);
  const widget = await waitForWidget(page);
  const live = widget.locator('div[role="status"][aria-live="polite"]');
  assert.equal(await live.count(), 1, "one polite status region for the verdict");
  const start = engineVerdict(defaultInput());
  assert.equal(await eventually(() => live.textContent(), start), start, "the first verdict is announced");
  await live.evaluate((el) => {
    window.announced = [];
    new MutationObserver(() => window.announced.push(el.textContent)).observe(el, { childList: true, characterData: true, subtree: true });
  });
  const deal = widget.locator("fieldset.business").getByLabel("Revenue from a new client");
  await deal.click();
  await page.keyboard.press("ControlOrMeta+A");
  await deal.pressSequentially("3150", { delay: 80 });
  const expected = engineVerdict(inputWith((i) => { i.dealValue = "3150"; }));
  assert.equal(await widget.locator(".verdict").textContent(), expected, "the visible verdict follows at once");
  assert.equal(await live.textContent(), start, "nothing is announced while typing");
  assert.equal(await eventually(() => live.textContent(), expected), expected, "the verdict is announced after the pause");
  // One more key, and its announcement: announcements come in order, so had
  // the first burst of typing been announced more than once, it would show
  // before this one.
  await deal.press("0");
  const next = engineVerdict(inputWith((i) => { i.dealValue = "31500"; }));
  assert.equal(await eventually(() => live.textContent(), next), next);
  assert.deepEqual(await page.evaluate(() => window.announced), [expected, next], "one announcement per pause, of the final verdict");
  assert.deepEqual(problems, []);
  await page.close();
});

test("with the keyboard alone, Tab reaches the calculator's first input and typing updates the verdict", async () => {
  const { page, problems } = await openPage(browser.context, server.url);
  const widget = await waitForWidget(page);
  const focused = () => page.evaluate(() => {
    const host = document.activeElement;
    if (host?.localName !== "networking-roi") return { outside: document.activeElement?.outerHTML.slice(0, 80) ?? null };
    const el = host.shadowRoot.activeElement;
    return { id: el?.id, label: el?.labels?.[0]?.textContent };
  });
  let stop;
  for (let presses = 1; presses <= 5; presses++) {
    await page.keyboard.press("Tab");
    stop = await focused();
    if (!stop.outside) break;
  }
  const first = await widget.locator("form input").first().getAttribute("id");
  assert.deepEqual(stop, { id: first, label: "What an hour of your time is worth (USD)" },
    "the first stop in the calculator is its first input");
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("80");
  const expected = engineVerdict(inputWith((i) => { i.hourlyValue = "80"; }));
  assert.notEqual(expected, engineVerdict(defaultInput()));
  assert.equal(await eventually(() => widget.locator(".verdict").textContent(), expected), expected);
  // And on: the next Tab stays in the form, on the next field.
  await page.keyboard.press("Tab");
  assert.equal((await focused()).label, "Share of those hours you would otherwise bill (%)");
  assert.deepEqual(problems, []);
  await page.close();
});

test("where referrals come from is a labelled radio group the arrow keys switch, axe clean in either mode", async () => {
  const { page, problems } = await openPage(browser.context, server.url);
  const widget = await waitForWidget(page);
  const option = widget.locator('fieldset[data-option="1"]');
  const group = option.getByRole("group", { name: "Where referrals come from" });
  assert.equal(await group.getByRole("radio").count(), 2);
  const fromGroup = group.getByRole("radio", { name: "From your relationships in the group" });
  await fromGroup.focus();
  await page.keyboard.press("ArrowDown");
  const byRate = group.getByRole("radio", { name: "I know my referral rate" });
  assert.equal(await eventually(() => byRate.isChecked(), true), true, "the arrow key chose the rate");
  assert.ok(await byRate.evaluate((e) => e === e.getRootNode().activeElement), "focus stays on the choice after the form is rebuilt");
  const rate = option.getByLabel("Referrals a month, once established");
  assert.equal(await rate.count(), 1, "the rate's field is shown");
  await page.keyboard.press("Tab");
  assert.ok(await rate.evaluate((e) => e === e.getRootNode().activeElement), "Tab goes on to the rate");
  assertNoViolations(await axe(page), "with a rate typed in");
  assert.deepEqual(problems, []);
  await page.close();
});

test("'I am already a member' is a labelled checkbox the keyboard ticks; the record's fields are labelled, their errors described, axe clean", async () => {
  const { page, problems } = await openPage(browser.context, server.url);
  const widget = await waitForWidget(page);
  const option = widget.locator('fieldset[data-option="0"]');
  const box = option.getByRole("checkbox", { name: "I am already a member" });
  await box.focus();
  await page.keyboard.press("Space");
  assert.equal(await eventually(() => box.isChecked(), true), true, "Space ticks it");
  assert.ok(await box.evaluate((e) => e === e.getRootNode().activeElement), "focus stays on the box after the form is rebuilt");
  await page.keyboard.press("Tab");
  const months = option.getByLabel("Months you have been a member");
  assert.ok(await months.evaluate((e) => e === e.getRootNode().activeElement), "Tab goes on to the months in");
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("9");
  await page.keyboard.press("Tab");
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("3");
  await page.keyboard.press("Tab");
  const clients = option.getByLabel("Clients won from them so far");
  assert.ok(await clients.evaluate((e) => e === e.getRootNode().activeElement), "then the referrals, then the clients");
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("1");
  await widget.locator("article.card .record").first().waitFor();
  assertNoViolations(await axe(page), "with a record");
  // More clients than referrals: the error is the field's description, as the other fields' are.
  await clients.fill("4");
  await option.locator("input[aria-invalid=true]").waitFor();
  const described = await clients.evaluate((e) => e.getRootNode().getElementById(e.getAttribute("aria-describedby")).textContent);
  assert.match(described, /^Clients won from them so far can be at most the referrals so far \(3\)\.$/);
  assertNoViolations(await axe(page), "with a record's error shown");
  assert.deepEqual(problems, []);
  await page.close();
});

test("honest while invalid: a refused field marks the results as those of the last valid figures, in words a screen reader hears, axe clean, until it is fixed", async () => {
  const { page, problems } = await openPage(browser.context, server.url);
  const widget = await waitForWidget(page);
  const start = engineVerdict(defaultInput());
  assert.equal(await eventually(() => widget.locator(".verdict").textContent(), start), start);
  const note = widget.locator(".stale-note");
  assert.equal(await note.getAttribute("role"), "status", "the note is a status: a screen reader hears it");
  assert.equal(await note.isVisible(), false, "no note while the figures are valid");
  const marked = () => widget.evaluate((host) => ["verdict", "brief", "results"].map((c) => host.shadowRoot.querySelector(`.${c}`).classList.contains("stale")));

  const deal = widget.locator("fieldset.business").getByLabel("Revenue from a new client");
  await deal.fill("-5");
  const says = "These results are for your last valid figures: correct the field marked to update them.";
  assert.equal(await eventually(() => note.textContent(), says), says);
  assert.equal(await note.isVisible(), true);
  assert.equal(await widget.locator(".verdict").textContent(), start, "the verdict kept is the last valid one");
  assert.deepEqual(await marked(), [true, true, true], "the verdict, the brief and the results are outlined");
  const violations = await axe(page);
  assert.deepEqual(violations, [], readable(violations));

  await deal.fill("3150");
  const fixed = engineVerdict(inputWith((i) => { i.dealValue = "3150"; }));
  assert.equal(await eventually(() => widget.locator(".verdict").textContent(), fixed), fixed);
  assert.equal(await eventually(() => note.textContent(), ""), "", "the note goes once the field is fixed");
  assert.equal(await note.isVisible(), false);
  assert.deepEqual(await marked(), [false, false, false]);
  assert.deepEqual(problems, []);
  await page.close();
});

test("the brief stuck over the form and an option folded to its name and net: axe clean in light and dark, the brief not announced", async () => {
  const { page, problems } = await openPage(browser.context, server.url);
  const widget = await waitForWidget(page);
  const brief = widget.locator(".brief");
  assert.equal(await brief.getByRole("list", { name: "Results in brief" }).getByRole("listitem").count(), 2, "a line per option");
  assert.equal(await brief.evaluate((e) => Boolean(e.closest("[aria-live], [role=status]") || e.querySelector("[aria-live], [role=status]"))), false,
    "no live region: the verdict is the one announced");
  const heading = widget.locator('fieldset[data-option="0"] .fold > summary');
  await heading.focus();
  await page.keyboard.press("Enter");
  assert.equal(await heading.evaluate((s) => s.parentElement.open), false, "Enter folds the option");
  assert.equal(await widget.locator('fieldset[data-option="0"]').getByRole("group", { name: "Where referrals come from" }).isVisible(), false);
  // Into the second option's fields: the brief sticks at the top.
  await widget.locator('fieldset[data-option="1"]').getByLabel("Meetings a year").focus();
  assert.equal(await brief.evaluate((e) => e.getBoundingClientRect().top), 0, "the brief is stuck at the top");
  for (const colorScheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme });
    assertNoViolations(await axe(page), `with the brief stuck and an option folded, in ${colorScheme}`);
  }
  assert.deepEqual(problems, []);
  await page.close();
});
