// Shared set-up of the browser tests: the built folder served by cmd/serve,
// exactly as `make run` serves it, and Debian's chromium driven by
// playwright-core with a fresh profile and no background networking.
import { spawn, execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { isDeepStrictEqual } from "node:util";
import { chromium } from "playwright-core";

export const repo = new URL("../../", import.meta.url).pathname;

/** Starts the server on a free port and resolves to its base URL. */
export async function startServer() {
  const server = spawn(join(repo, "bin/serve"), ["-dir", join(repo, "dist")], {
    env: { ...process.env, PORT: "0" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise((resolve, reject) => {
    server.stdout.on("data", (chunk) => {
      const match = /http:\/\/[\d.:]+\//.exec(String(chunk));
      if (match) resolve(match[0]);
    });
    server.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url, stop: () => server.kill() };
}

const LAUNCH_ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
];

/**
 * Launches headless chromium (playwright gives it a fresh temporary profile).
 * `context` is the default context (locale en-US, so that the widget formats
 * the same on every machine); `newContext(options)` opens another one (e.g.
 * without JavaScript).
 */
export async function launchBrowser() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: LAUNCH_ARGS,
  });
  const newContext = (options = {}) => browser.newContext({ locale: "en-US", ...options });
  const context = await newContext();
  return { browser, context, newContext, close: () => browser.close() };
}

/**
 * Opens a page that records every request and console error, so that a test
 * can assert nothing left 127.0.0.1 and nothing went wrong.
 */
export async function openPage(context, url) {
  const page = await context.newPage();
  const requests = [];
  const problems = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
  page.on("pageerror", (e) => problems.push(String(e)));
  if (url) await page.goto(url);
  return { page, requests, problems };
}

// ---- the engine, natively ----

let built = false;
/** Builds cmd/reply and cmd/input once into bin/ (go's cache makes a rebuild cheap). */
function buildTools() {
  if (built && existsSync(join(repo, "bin/reply")) && existsSync(join(repo, "bin/input"))) return;
  execFileSync("go", ["build", "-o", "bin/reply", "./cmd/reply"], { cwd: repo, stdio: ["ignore", "ignore", "inherit"] });
  execFileSync("go", ["build", "-o", "bin/input", "./cmd/input"], { cwd: repo, stdio: ["ignore", "ignore", "inherit"] });
  built = true;
}

/** The engine's parsed reply for an input (an object or a JSON string), the same engine the browser runs. */
export function engineReply(input) {
  buildTools();
  const json = typeof input === "string" ? input : JSON.stringify(input);
  return JSON.parse(execFileSync(join(repo, "bin/reply"), { cwd: repo, input: json, maxBuffer: 64 << 20 }));
}

/** The default input, every field written out (what the widget starts from). */
export function defaultInput() {
  return completeInput({});
}

/** An input with every field the engine defaults written out, as the widget completes given figures. */
export function completeInput(input) {
  buildTools();
  const json = typeof input === "string" ? input : JSON.stringify(input);
  const reply = JSON.parse(execFileSync(join(repo, "bin/input"), [json], { cwd: repo }));
  if (!reply.input) throw new Error(`the engine refused the input: ${JSON.stringify(reply.errors)}`);
  return reply.input;
}

/** The default input with changes applied by `change(input)`: a fresh copy every time. */
export function inputWith(change) {
  const input = defaultInput();
  change(input);
  return input;
}

/** The default input in a currency, its amounts the engine's defaults converted to it, with changes applied by `change(input)`. */
export function inputIn(currency, change = () => {}) {
  const input = completeInput({ currency });
  change(input);
  return input;
}

/** The engine's verdict for an input; fails loudly when the engine refuses it. */
export function engineVerdict(input) {
  const reply = engineReply(input);
  if (!reply.report) throw new Error(`the engine refused the input: ${JSON.stringify(reply.errors)}`);
  return reply.report.comparison.verdict;
}

/**
 * The engine's verdict as the widget writes it in `locale`: the plain verdict
 * is English, its money and chance written as Intl writes them in en-US, so
 * the widget's differs only in how they are written (a renewal's chance that
 * staying pays too). Fails loudly if the plain verdict's money is not Intl's
 * en-US.
 */
export function engineVerdictIn(locale, input) {
  const r = engineReply(input).report;
  const { amount } = r.comparison.verdictParts;
  const places = amount.split(".")[0].length >= 3 ? 0 : 2;
  const money = (l) => new Intl.NumberFormat(l, {
    style: "currency", currency: r.currency, roundingMode: "halfEven", minimumFractionDigits: places, maximumFractionDigits: places,
  }).format(amount);
  if (!r.comparison.verdict.includes(money("en-US"))) throw new Error(`the verdict "${r.comparison.verdict}" does not write ${money("en-US")}`);
  let verdict = r.comparison.verdict.replace(money("en-US"), money(locale));
  // The chances it quotes: of coming out best, and for a renewal that staying pays.
  const { chanceBest, chanceStayingPays } = r.comparison.verdictParts;
  for (const [chance, before, after] of [[chanceBest, "a ", " chance"], [chanceStayingPays, "staying pays is ", "."]]) {
    if (chance === null || chance === undefined) continue;
    const percent = (l) => before + new Intl.NumberFormat(l, { style: "percent", roundingMode: "halfEven", maximumFractionDigits: 1 }).format(String(chance)) + after;
    if (!verdict.includes(percent("en-US"))) throw new Error(`the verdict "${verdict}" does not write ${percent("en-US")}`);
    verdict = verdict.replace(percent("en-US"), percent(locale));
  }
  // What the best option would need and what it gives, with at most 2
  // places, as Intl writes them in en-US in the plain verdict.
  const rate = (l, v) => new Intl.NumberFormat(l, { roundingMode: "halfEven", maximumFractionDigits: 2 }).format(v);
  return verdict.replace(/would need ([\d.,]+) (.*) give ([\d.,]+)\.$/, (whole, need, words, give) => {
    const { referralsToBreakEven } = r.comparison.verdictParts;
    const gives = r.options[r.comparison.verdictParts.best].referralsPerMonth;
    if (need !== rate("en-US", referralsToBreakEven) || give !== rate("en-US", gives)) throw new Error(`the verdict "${whole}" does not write ${referralsToBreakEven} and ${gives} as Intl does`);
    return `would need ${rate(locale, referralsToBreakEven)} ${words} give ${rate(locale, gives)}.`;
  });
}

/** Money as the widget shows it in en / USD, with the Unicode minus of every figure it writes: "−$10,230.00". */
export function usd(decimalString, { whole = false } = {}) {
  const places = whole ? 0 : 2;
  return new Intl.NumberFormat("en", {
    style: "currency", currency: "USD", minimumFractionDigits: places, maximumFractionDigits: places,
    roundingMode: "halfEven",
  }).format(decimalString).replace("-", "\u2212");
}

// ---- pages ----

/**
 * A blog on another origin: a second local server, on another port, that
 * serves the host pages the tests give it, as a blogger's own site would.
 * Every embedding test puts its host page here, so that the widget is loaded
 * across origins exactly as on a real blog (module scripts and the .wasm's
 * fetch need CORS). `page(path, body, headers)` serves `body` at `path` and
 * returns its URL.
 */
export async function startBlog() {
  const pages = new Map();
  const server = createServer((request, response) => {
    const found = pages.get(new URL(request.url, "http://blog").pathname);
    if (!found) {
      response.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
      return;
    }
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", ...found.headers });
    response.end(found.body);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${server.address().port}/`;
  return {
    url,
    page(path, body, headers = {}) {
      pages.set(path, { body, headers });
      return new URL(path, url).href;
    },
    stop() {
      server.closeAllConnections();
      server.close();
    },
  };
}

/** The README's snippet loads the loader from the calculator's own origin: `widgetUrl`. */
export function loaderScript(widgetUrl) {
  return `<script type="module" async src="${new URL("networking-roi.js", widgetUrl).href}"></script>`;
}

/** A blog's page around some markup, loading the built loader from the widget's server at `widgetUrl`. */
export function hostPage(widgetUrl, markup, { head = "", title = "Fixture" } = {}) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${title}</title>
${loaderScript(widgetUrl)}
${head}
</head>
<body>
<main>
${markup}
</main>
</body>
</html>`;
}

/**
 * Waits until the `nth` widget of the page has its full calculator: the form
 * (built while the engine loads) and the engine's first result (the cards).
 * It scrolls the widget into view first, as a reader would: a widget that
 * another one's form has pushed below the fold loads only once it nears the
 * viewport.
 */
export async function waitForWidget(page, nth = 0) {
  const widget = page.locator("networking-roi").nth(nth);
  await widget.scrollIntoViewIfNeeded();
  await widget.locator("form").waitFor({ state: "attached" });
  await widget.locator(".results .cards").waitFor({ state: "attached" });
  await widget.locator(".verdict").waitFor();
  return widget;
}

/** Each option card of a widget: its heading, and its figures as term → value. */
export function readCards(widget) {
  return widget.evaluate((host) => [...host.shadowRoot.querySelectorAll("article.card")].map((card) => {
    const terms = [...card.querySelectorAll("dt")];
    return {
      heading: card.querySelector("h3").textContent,
      name: card.querySelector("h3").firstChild.textContent,
      figures: Object.fromEntries(terms.map((dt) => [dt.textContent, dt.nextElementSibling.textContent])),
    };
  }));
}

/** Every input and select of a widget's form by id, with its value. */
export function readFormValues(widget) {
  return widget.evaluate((host) => Object.fromEntries(
    [...host.shadowRoot.querySelectorAll("form input, form select")].map((e) => [e.id, e.value])));
}

/** The input held by a "#v1.…" fragment, decoded in the page. */
export function decodeHashIn(page) {
  return page.evaluate(() => {
    const body = location.hash.slice(1);
    if (!body.startsWith("v1.")) return null;
    const binary = atob(body.slice(3).replace(/-/g, "+").replace(/_/g, "/"));
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
  });
}

/** The path of axe-core's script, to inject with page.addScriptTag. */
export const axePath = createRequire(import.meta.url).resolve("axe-core");

/** Whether a request URL stays on the test server (blob: URLs are in-page, data: URLs never leave it). */
export function staysLocal(url) {
  if (url.startsWith("blob:") || url.startsWith("data:")) return true;
  try {
    return new URL(url).hostname === "127.0.0.1";
  } catch {
    return false;
  }
}

/**
 * Polls `get` until its result deep-equals `expected` or `timeout` ms pass,
 * and returns the last result, for the test to assert on (so that a failure
 * shows what the page really held).
 */
export async function eventually(get, expected, { timeout = 5000, interval = 50 } = {}) {
  const end = Date.now() + timeout;
  let actual;
  for (;;) {
    actual = await get();
    if (isDeepStrictEqual(actual, expected) || Date.now() > end) return actual;
    await new Promise((r) => setTimeout(r, interval));
  }
}

/**
 * Replaces every widget of the page by a new <networking-roi> with `attrs`,
 * appended to <main>, and waits for its calculator: a fresh widget from its
 * defaults without reloading the page (the engine is loaded once per page).
 */
export async function freshWidget(page, attrs = {}) {
  await page.evaluate((attrs) => {
    for (const old of document.querySelectorAll("networking-roi")) old.remove();
    const widget = document.createElement("networking-roi");
    for (const [name, value] of Object.entries(attrs)) widget.setAttribute(name, value);
    (document.querySelector("main") || document.body).append(widget);
  }, attrs);
  return waitForWidget(page);
}
