// The whole chain in a real browser: page → loader → wasm bridge → engine,
// with a figure the reader types: the default verdict is prebuilt by the
// loader, so only a new input shows that the engine computed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, openPage, engineVerdict, inputWith, waitForWidget, eventually } from "./harness.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.stop(); });

test("the page computes the engine's verdict for a figure the reader types", async () => {
  const { page, requests, problems } = await openPage(browser.context, server.url);
  const widget = await waitForWidget(page);
  await widget.locator("fieldset.business").getByLabel("Revenue from a new client").fill("2750");
  const expected = engineVerdict(inputWith((input) => { input.dealValue = "2750"; }));
  assert.notEqual(expected, engineVerdict(inputWith(() => {})), "a verdict the loader could not have prebuilt");
  assert.equal(await eventually(() => widget.locator(".verdict").textContent(), expected), expected);
  assert.deepEqual(problems, []);
  for (const r of requests) assert.ok(r.startsWith(server.url), `request left the server: ${r}`);
});
