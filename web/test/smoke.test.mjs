// The whole chain in a real browser: page → loader → wasm bridge → engine.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { startServer, launchBrowser, openPage } from "./harness.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.stop(); });

test("the page shows the engine's verdict for the default comparison", async () => {
  const { page, requests, problems } = await openPage(browser.context, server.url);
  const engine = JSON.parse(execFileSync("go", ["run", "./cmd/reply", "{}"], { cwd: new URL("../../", import.meta.url).pathname }));
  await page.waitForFunction(() => globalThis.networkingROI !== undefined);
  const verdict = page.locator("networking-roi .verdict");
  await verdict.waitFor();
  assert.equal(await verdict.textContent(), engine.report.comparison.verdict);
  assert.deepEqual(problems, []);
  for (const r of requests) assert.ok(r.startsWith(server.url), `request left the server: ${r}`);
});
