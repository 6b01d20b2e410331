// The embed builder (builder.html) and embed.html's settings: the preview
// follows the builder's form, and the code it writes, pasted as it is into a
// blog on another origin, shows the calculator as the preview showed it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import {
  startServer, launchBrowser, openPage, engineVerdict, defaultInput, inputWith, inputIn,
  startBlog, waitForWidget, readCards, eventually, axePath, staysLocal,
} from "./harness.mjs";

let server, blog, browser;
let builderUrl;
before(async () => {
  server = await startServer();
  blog = await startBlog();
  browser = await launchBrowser();
  await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(server.url).origin });
  builderUrl = new URL("builder.html", server.url).href;
});
after(async () => { await browser?.close(); server?.stop(); blog?.stop(); });

/** Opens builder.html and waits for its preview's calculator. */
async function openBuilder(options = {}) {
  const opened = await openPage(browser.context);
  if (options.width) await opened.page.setViewportSize({ width: options.width, height: 800 });
  await opened.page.goto(builderUrl);
  const preview = await waitForWidget(opened.page);
  return { ...opened, preview };
}

const code = (page, which) => page.locator(`#${which}-code`).inputValue();

/** What a reader sees first: the verdict and each option's name and net. */
async function firstFigures(widget) {
  const cards = await readCards(widget);
  return {
    verdict: await widget.locator(".verdict").textContent(),
    nets: cards.map((c) => `${c.name}: ${c.figures.Net}`),
  };
}

/** A blog post on another origin holding `markup` as pasted, in a column as wide as a blog's. */
function blogPost(path, markup) {
  return blog.page(path, `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>A blog post</title>
</head>
<body>
<main style="max-width: 45rem; margin: 0 auto">
<h1>Does my networking pay?</h1>
<p>Here is the calculator.</p>
${markup}
<p>After the calculator.</p>
</main>
</body>
</html>`);
}

/** Opens a blog post and waits for the calculator: on the page itself, or in the post's iframe. */
async function openPost(path, markup, { framed = false } = {}) {
  const opened = await openPage(browser.context);
  const warnings = [];
  opened.page.on("console", (m) => { if (m.type() === "warning") warnings.push(m.text()); });
  await opened.page.goto(blogPost(path, markup));
  const where = framed ? opened.page.frameLocator("iframe") : opened.page;
  return { ...opened, warnings, widget: await waitForWidget(where) };
}

/** The input of the default comparison with other options (by kind, each its preset's figures), currency and horizon. */
function settingsInput(kinds, currency, horizonMonths) {
  return { currency, horizonMonths, options: kinds.map((kind) => ({ kind })) };
}

/** Waits for the widget's verdict to be the engine's for `input`, then asserts it. */
async function assertShows(widget, input) {
  const expected = engineVerdict(input);
  assert.equal(await eventually(() => widget.locator(".verdict").textContent(), expected), expected);
}

/** Sets up the builder's form: the options in order, then the other settings. */
async function setUp(page, { kinds, currency, horizon }) {
  for (let i = 0; i < 6; i++) await page.locator(`#option-${i + 1}`).selectOption(kinds[i] ?? "");
  if (currency) await page.locator("#currency").selectOption(currency);
  if (horizon) await page.locator("#horizon").fill(String(horizon));
}

test("the builder's preview computes, and each setting changes the preview's attribute and the code", async () => {
  const { page, preview, problems, requests } = await openBuilder();
  assert.equal(await preview.locator(".verdict").textContent(), engineVerdict(defaultInput()));
  const attribute = (name) => preview.getAttribute(name);
  assert.equal(await attribute("preset"), "weekly_group,open_network");
  assert.equal(await attribute("currency"), "USD");
  assert.equal(await attribute("horizon"), "24");
  assert.equal(await attribute("theme"), "auto");
  const loader = new URL("networking-roi.js", server.url).href;
  assert.equal(await code(page, "script"), [
    `<script type="module" async src="${loader}"></script>`,
    '<networking-roi preset="weekly_group,open_network" currency="USD" horizon="24" theme="auto">',
    `  <p><a href="${server.url}">Does networking pay? Open the calculator.</a></p>`,
    "</networking-roi>",
  ].join("\n"));
  const iframe = await code(page, "iframe");
  assert.ok(iframe.startsWith(`<iframe src="${server.url}embed.html?preset=weekly_group,open_network&amp;currency=USD&amp;horizon=24&amp;theme=auto" title="Networking ROI calculator"`), iframe);
  assert.match(iframe, /style="width: 100%; height: \d+px; border: 0" loading="lazy" allow="clipboard-write"><\/iframe>$/);
  assert.match(await code(page, "resize"), new RegExp(`event\\.origin !== "${new URL(server.url).origin}"`));

  await page.locator("#currency").selectOption("EUR");
  assert.equal(await attribute("currency"), "EUR");
  await assertShows(preview, inputIn("EUR"));
  assert.match((await readCards(preview))[0].figures.Net, /€/);

  await page.locator("#option-3").selectOption("chamber_of_commerce");
  assert.equal(await attribute("preset"), "weekly_group,open_network,chamber_of_commerce");
  assert.equal(await eventually(async () => (await readCards(preview)).length, 3), 3);

  await page.locator("#horizon").fill("36");
  assert.equal(await attribute("horizon"), "36");
  await assertShows(preview, settingsInput(["weekly_group", "open_network", "chamber_of_commerce"], "EUR", 36));

  assert.equal(await preview.locator(".how").isVisible(), true);
  await page.locator("#compact").check();
  assert.equal(await attribute("compact"), "");
  assert.equal(await preview.locator(".how").isVisible(), false, "compact hides the explanation");

  await page.locator("#theme").selectOption("dark");
  assert.equal(await attribute("theme"), "dark");
  await page.locator("#locale").fill("de");
  assert.equal(await attribute("locale"), "de");
  const germanNet = async () => (await readCards(preview))[0].figures.Net;
  assert.equal(await eventually(async () => /^-?[\d.]+,\d\d\s€$/.test(await germanNet()), true), true, `German numbers: ${await germanNet()}`);

  assert.equal(await code(page, "script"), [
    `<script type="module" async src="${loader}"></script>`,
    '<networking-roi preset="weekly_group,open_network,chamber_of_commerce" currency="EUR" locale="de" horizon="36" theme="dark" compact>',
    `  <p><a href="${server.url}">Does networking pay? Open the calculator.</a></p>`,
    "</networking-roi>",
  ].join("\n"));
  assert.ok((await code(page, "iframe")).startsWith(`<iframe src="${server.url}embed.html?preset=weekly_group,open_network,chamber_of_commerce&amp;currency=EUR&amp;locale=de&amp;horizon=36&amp;theme=dark&amp;compact" `));

  // A value the element would refuse is marked, and the last good one kept.
  await page.locator("#horizon").fill("500");
  assert.equal(await page.locator("#horizon").getAttribute("aria-invalid"), "true");
  assert.equal(await page.locator("#horizon-error").textContent(), "A whole number of months from 1 to 120.");
  assert.equal(await attribute("horizon"), "36");
  await page.locator("#horizon").fill("12");
  assert.equal(await page.locator("#horizon").getAttribute("aria-invalid"), null);
  assert.equal(await attribute("horizon"), "12");
  await page.locator("#locale").fill("not a tag!");
  assert.equal(await page.locator("#locale").getAttribute("aria-invalid"), "true");
  assert.equal(await attribute("locale"), "de");
  await page.locator("#locale").fill("");
  assert.equal(await attribute("locale"), null, "an empty locale leaves it to the reader's browser");

  // Options left at None are skipped; the code never carried figures.
  await page.locator("#option-1").selectOption("custom");
  await page.locator("#option-2").selectOption("");
  assert.equal(await attribute("preset"), "custom,chamber_of_commerce");
  assert.doesNotMatch(await code(page, "script"), /application\/json/);
  assert.doesNotMatch(await code(page, "iframe"), /#v1\./);
  assert.deepEqual(problems, []);
  assert.deepEqual(requests.filter((u) => !staysLocal(u)), []);
  await page.close();
});

test("the script code and the iframe code, pasted into a blog on another origin, show what the preview shows", async () => {
  const { page, preview, problems } = await openBuilder();
  await setUp(page, { kinds: ["open_network", "chamber_of_commerce"], currency: "EUR", horizon: 36 });
  await assertShows(preview, settingsInput(["open_network", "chamber_of_commerce"], "EUR", 36));
  const shown = await firstFigures(preview);
  assert.equal(shown.nets.length, 2);

  // Copied with the button, the code is the text shown.
  await page.getByRole("button", { name: "Copy the script code" }).click();
  await page.locator('output[data-status="script-code"]').getByText("Copied.").waitFor();
  const script = await code(page, "script");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), script);
  await page.getByRole("button", { name: "Copy the iframe code" }).click();
  const iframe = await code(page, "iframe");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), iframe);
  const resize = await code(page, "resize");

  const post = await openPost("/post/script.html", script);
  assert.deepEqual(await firstFigures(post.widget), shown, "the script code shows the preview's figures");
  assert.deepEqual(post.problems, []);
  await post.page.close();

  const framed = await openPost("/post/iframe.html", `${iframe}\n${resize}`, { framed: true });
  assert.deepEqual(await firstFigures(framed.widget), shown, "the iframe code shows the preview's figures");
  // The starting height is near the real one, and the resize script makes it exact.
  const start = Number(/height: (\d+)px/.exec(iframe)[1]);
  const heights = async () => ({
    frame: await framed.page.locator("iframe").evaluate((f) => f.getBoundingClientRect().height),
    content: await framed.page.frameLocator("iframe").locator("html").evaluate((e) => e.getBoundingClientRect().height),
  });
  let last;
  await eventually(async () => { last = await heights(); return Math.abs(last.frame - last.content) <= 3; }, true);
  assert.ok(Math.abs(last.frame - last.content) <= 3, `the resize script fits the frame: ${JSON.stringify(last)}`);
  assert.ok(Math.abs(start - last.content) / last.content < 0.1, `the starting height ${start}px is within 10 % of the real ${last.content}px`);
  assert.deepEqual(framed.problems, []);
  await framed.page.close();
  assert.deepEqual(problems, []);
  await page.close();
});

test("figures changed in the preview travel in the code: a JSON child, and the iframe's #v1. fragment", async () => {
  const { page, preview, problems } = await openBuilder();
  await setUp(page, { kinds: ["open_network", "chamber_of_commerce"], currency: "EUR", horizon: 36 });
  await eventually(() => preview.getAttribute("horizon"), "36");
  assert.doesNotMatch(await code(page, "script"), /application\/json/);
  await preview.locator("fieldset.business").getByLabel("Revenue from a new client").fill("3000");
  const edited = { ...settingsInput(["open_network", "chamber_of_commerce"], "EUR", 36), dealValue: "3000" };
  await assertShows(preview, edited);
  await page.getByText("You changed figures in the preview: the code carries them.").waitFor();
  const shown = await firstFigures(preview);
  const input = await preview.evaluate((el) => el.input);
  assert.equal(input.dealValue, "3000");

  const script = await code(page, "script");
  const json = /<script type="application\/json">(.*)<\/script>/.exec(script)?.[1];
  assert.ok(json, script);
  assert.deepEqual(JSON.parse(json), input, "the JSON child holds the preview's input");
  const iframe = await code(page, "iframe");
  const src = new URL(/src="([^"]+)"/.exec(iframe)[1].replaceAll("&amp;", "&"));
  assert.equal(src.pathname, "/embed.html");
  assert.ok(src.hash.startsWith("#v1."), iframe);
  const fromFragment = JSON.parse(Buffer.from(src.hash.slice(4), "base64url").toString("utf8"));
  assert.deepEqual(fromFragment, input, "the fragment holds the preview's input");

  const post = await openPost("/post/edited-script.html", script);
  assert.deepEqual(await firstFigures(post.widget), shown, "the script code shows the edited figures");
  assert.equal(await post.widget.locator("fieldset.business").getByLabel("Revenue from a new client").inputValue(), "3000");
  assert.deepEqual(post.problems, []);
  await post.page.close();
  const framed = await openPost("/post/edited-iframe.html", iframe, { framed: true });
  assert.deepEqual(await firstFigures(framed.widget), shown, "the iframe code shows the edited figures");
  assert.deepEqual(framed.problems, []);
  await framed.page.close();

  // A setting changed after an edit keeps the edit in the preview, and so in the code.
  await page.locator("#currency").selectOption("GBP");
  await assertShows(preview, { ...settingsInput(["open_network", "chamber_of_commerce"], "GBP", 36), dealValue: "3000" }); // the amounts not typed follow the currency
  const afterCurrency = await code(page, "script");
  assert.match(afterCurrency, /application\/json/, "the edit is still carried after a change of currency");
  const carried = JSON.parse(/<script type="application\/json">(.*)<\/script>/.exec(afterCurrency)[1]);
  assert.equal(carried.dealValue, "3000");
  assert.equal(carried.currency, "GBP");

  // Back to the default figures: the preview starts again from its attributes, and the code carries none.
  await page.getByRole("button", { name: "Back to the default figures" }).click();
  await waitForWidget(page);
  await assertShows(preview, settingsInput(["open_network", "chamber_of_commerce"], "GBP", 36));
  assert.equal(await eventually(async () => /application\/json/.test(await code(page, "script")), false), false);
  assert.doesNotMatch(await code(page, "iframe"), /#v1\./);
  await page.getByText("The preview shows the default figures of the options chosen.", { exact: false }).waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});

test("a name holding </script> stays a name in the pasted code: nothing of it runs", async () => {
  const { page, preview, problems } = await openBuilder();
  const hostile = 'Club </script><script>window.ran = 1</script><!--';
  await preview.locator('fieldset[data-option="0"]').getByLabel("Name").fill(hostile);
  await page.getByText("You changed figures in the preview").waitFor();
  const script = await code(page, "script");
  assert.doesNotMatch(script.split("\n").slice(2, -2).join("\n"), /<\/script><script>/, "the name's < is escaped");
  assert.match(script, /\\u003c\/script>/);
  const post = await openPost("/post/hostile.html", script);
  assert.equal((await readCards(post.widget))[0].name, hostile);
  assert.equal(await post.page.evaluate(() => window.ran), undefined);
  assert.deepEqual(post.problems, []);
  await post.page.close();
  assert.deepEqual(problems, []);
  await page.close();
});

test("where the clipboard is blocked, Copy selects the code and says how to copy it", async () => {
  const { page, problems } = await openBuilder();
  await page.evaluate(() => { navigator.clipboard.writeText = () => Promise.reject(new DOMException("blocked", "NotAllowedError")); });
  await page.getByRole("button", { name: "Copy the iframe code" }).click();
  await page.getByText("Copying is blocked here: the code is selected", { exact: false }).waitFor();
  const selection = await page.locator("#iframe-code").evaluate((area) => ({
    focused: document.activeElement === area, start: area.selectionStart, end: area.selectionEnd, length: area.value.length,
  }));
  assert.deepEqual(selection, { focused: true, start: 0, end: selection.length, length: selection.length });
  assert.deepEqual(problems, []);
  await page.close();
});

test("the builder works with the keyboard alone: Tab to a setting, change it, Tab to Copy", async () => {
  const { page, preview, problems } = await openBuilder();
  await page.locator("#option-2").focus();
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "option-3");
  await page.keyboard.press("ArrowDown"); // None → the first kind
  assert.equal(await eventually(() => preview.getAttribute("preset"), "weekly_group,open_network,weekly_group"), "weekly_group,open_network,weekly_group");
  await page.locator("#compact").focus();
  await page.keyboard.press("Space");
  assert.equal(await preview.getAttribute("compact"), "");
  await page.locator("#script-code").focus();
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Copy the script code");
  await page.keyboard.press("Enter");
  await page.locator('output[data-status="script-code"]').getByText("Copied.").waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await code(page, "script"));
  assert.deepEqual(problems, []);
  await page.close();
});

test("index.html links to the builder", async () => {
  const { page, problems } = await openPage(browser.context, server.url);
  await page.getByRole("link", { name: "Embed this calculator on your blog" }).click();
  await page.waitForURL(builderUrl);
  await page.getByRole("heading", { name: "Embed the calculator on your blog" }).waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});

// ---- embed.html's settings ----

/** A blog post framing embed.html with `query` and `hash`; resolves once the framed calculator is up. */
function openFramed(path, query, hash = "") {
  const src = `${new URL("embed.html", server.url).href}?${query}${hash}`;
  return openPost(path, `<iframe src="${src.replaceAll("&", "&amp;")}" title="Networking ROI calculator" style="width: 100%; height: 3000px; border: 0" allow="clipboard-write"></iframe>`, { framed: true });
}

test("embed.html takes the element's settings as query parameters and ignores unknown ones", async () => {
  const { page, widget, problems } = await openFramed("/post/settings.html",
    "preset=weekly_group,chamber_of_commerce&currency=EUR&locale=en-GB&horizon=36&theme=dark&compact&page=https://elsewhere.example/&fragment&colour=red");
  const attributes = await widget.evaluate((el) => Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])));
  assert.deepEqual(attributes, {
    preset: "weekly_group,chamber_of_commerce", currency: "EUR", locale: "en-GB", horizon: "36", theme: "dark", compact: "",
    page: "index.html", // embed.html's own: `page` is not taken from the URL, nor `fragment`, nor unknown ones
  });
  const expected = engineVerdict(settingsInput(["weekly_group", "chamber_of_commerce"], "EUR", 36));
  assert.equal(await widget.locator(".verdict").textContent(), expected);
  const cards = await readCards(widget);
  assert.deepEqual(cards.map((c) => c.name), ["Weekly referral group", "Chamber of commerce"]);
  assert.match(cards[0].figures.Net, /€/);
  assert.equal(await widget.locator(".how").count(), 1);
  assert.equal(await widget.locator(".how").isVisible(), false, "compact hides the explanation");
  assert.deepEqual(problems, []);
  await page.close();
});

test("embed.html with a bad parameter value: the element warns and falls back", async () => {
  const { page, widget, problems, warnings } = await openFramed("/post/bad.html", "horizon=500&currency=EUR");
  assert.equal(await widget.getAttribute("horizon"), "500");
  assert.equal(await widget.locator(".verdict").textContent(), engineVerdict(inputIn("EUR")));
  assert.ok(warnings.some((w) => w.startsWith('<networking-roi>: horizon="500" is not valid')), warnings.join("\n"));
  assert.deepEqual(problems, []);
  await page.close();
});

test("embed.html with a #v1. fragment shows the fragment's figures, with the query's other settings", async () => {
  const figures = inputWith((i) => { i.currency = "EUR"; i.dealValue = "3000"; i.options[0].name = "Breakfast club"; });
  const hash = `#v1.${Buffer.from(JSON.stringify(figures)).toString("base64url")}`;
  const { page, widget, problems } = await openFramed("/post/fragment.html", "compact&currency=GBP", hash);
  assert.equal(await widget.getAttribute("fragment"), null, "the fragment's figures are the element's input; Copy link keeps pointing at the page");
  assert.equal(await widget.locator(".verdict").textContent(), engineVerdict(figures), "the figures, currency included, are the fragment's");
  assert.equal((await readCards(widget))[0].name, "Breakfast club");
  assert.equal(await widget.locator(".how").isVisible(), false, "compact from the query still applies");
  assert.deepEqual(problems, []);
  await page.close();
});

// ---- accessibility and layout ----

/** axe-core's violations over the whole document (it enters open shadow roots). */
async function axe(page) {
  if (!(await page.evaluate(() => typeof globalThis.axe === "object"))) await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const { violations } = await globalThis.axe.run(document, { resultTypes: ["violations"] });
    return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  - ${n.target.flat().join(" >>> ")}: ${n.failureSummary}`).join("\n")}`);
  });
}

test("builder.html has no axe violations, light and dark, with an error shown and figures changed", async () => {
  const { page, preview, problems } = await openBuilder();
  for (const colorScheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme });
    assert.deepEqual(await axe(page), [], `as loaded, ${colorScheme}`);
  }
  await page.locator("#horizon").fill("0");
  await page.locator("#locale").fill("??");
  await preview.locator("fieldset.business").getByLabel("Revenue from a new client").fill("3000");
  await page.getByText("You changed figures in the preview").waitFor();
  await page.getByRole("button", { name: "Copy the script code" }).click();
  for (const colorScheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme });
    assert.deepEqual(await axe(page), [], `errors shown and figures changed, ${colorScheme}`);
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test("builder.html fits 360 px and 1280 px: nothing wider than the screen, the preview in view beside the settings on a wide one", async () => {
  for (const width of [360, 1280]) {
    const { page, problems } = await openBuilder({ width });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, `no sideways scrolling at ${width} px`);
    const boxes = await page.evaluate(() => Object.fromEntries(["#setup-heading", "#preview-box", "#code-heading"].map((s) => {
      const r = document.querySelector(s).getBoundingClientRect();
      return [s, { left: Math.round(r.left), right: Math.round(r.right), top: Math.round(r.top + scrollY) }];
    })));
    if (width === 1280) {
      assert.ok(boxes["#preview-box"].left > boxes["#setup-heading"].right, `the preview is beside the settings: ${JSON.stringify(boxes)}`);
      assert.ok(boxes["#preview-box"].top < 800, "the preview starts in the first screen");
    } else {
      assert.ok(boxes["#setup-heading"].top < boxes["#preview-box"].top && boxes["#preview-box"].top < boxes["#code-heading"].top,
        `settings, preview, code, one under the other: ${JSON.stringify(boxes)}`);
    }
    assert.deepEqual(problems, []);
    await page.close();
  }
});
